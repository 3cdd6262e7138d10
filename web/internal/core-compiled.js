// Compiled constraints over one core instance: compile once, validate many (web/core.js's
// compileConstraints and validateAddress, for both the full and the address-only module).
import { BtalkCoreError, toText, unwrap } from './core-envelope.js';

// ---- compiled constraints: compile once, validate many ----------------------
// The core holds the parsed schema; each validation sends the address packed in
// field order (see compiled_constraints.h, ValidatePacked): no JSON either way
// for a valid address, and one crossing for a whole batch.

const disposeSymbol = Symbol.dispose ?? Symbol.for('Symbol.dispose');
const isWellFormed = String.prototype.isWellFormed
  ? (text) => text.isWellFormed()
  : (text) => !/[\uD800-\uDFFF]/u.test(text);
const toWellFormed = (text) => text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
// Above this many UTF-16 units an address goes as JSON (and meets the core's
// 4 MB document limit); a batch is cut into crossings of about this size.
const PACK_LIMIT = 1 << 20;
const VALIDATE_CACHE_SIZE = 8;

/**
 * Packs one address (see ValidatePacked in compiled_constraints.h), or returns
 * null when only JSON says exactly what it means (a value with NUL, an object
 * or array value, a non-integer number, BigInt...): that address goes as JSON.
 * Reads the fields by name in compiled order (no key list, no lookups), and
 * lists the keys only when their count says some are not fields.
 */
function pack(shape, address) {
  if (typeof address !== 'object' || address === null || Array.isArray(address)
    || typeof address.toJSON === 'function') return null;
  const { names, count } = shape;
  let flags = '';
  let texts = '';
  let found = 0;
  for (let i = 0; i <= count; i += 1) {
    const name = i < count ? names[i] : 'dialZone';
    if (i === count && shape.dialZoneIsField) {
      flags += '0';
      break;
    }
    const value = address[name];
    if (value === undefined) {
      flags += '0';
      continue;
    }
    if (!Object.hasOwn(address, name)) { // inherited (toString, __proto__...): not the address's
      flags += '0';
      continue;
    }
    found += 1;
    switch (typeof value) {
      case 'string':
        if (value.includes('\0')) return null;
        if (isWellFormed(value)) {
          flags += 't';
          texts += `${value}\0`;
        } else {
          flags += 'u';
          texts += `${toWellFormed(value)}\0`;
        }
        break;
      case 'number':
        if (Number.isSafeInteger(value)) {
          flags += 't';
          texts += `${value}\0`;
        } else if (Number.isFinite(value)) {
          return null; // JSON spelling of fractions and huge numbers: the core's own
        } else {
          flags += '0'; // NaN/Infinity are null in JSON
        }
        break;
      case 'boolean':
        flags += 'x';
        break;
      case 'object':
        // Arrays and objects are never valid values, but only JSON.stringify
        // says whether they can be sent at all (cycles, toJSON, BigInt inside):
        // let it decide.
        if (value !== null) return null;
        flags += '0';
        break;
      case 'function': case 'symbol':
        flags += '0'; // JSON leaves the key out
        break;
      default:
        return null; // bigint: JSON.stringify throws, and so must we
    }
  }
  let keys = 0;
  for (const key in address) if (Object.hasOwn(address, key)) keys += 1;
  if (keys === found) return `${flags}0\0${texts}`;
  // Some keys are not fields: name them (rare; the slow part stays here).
  let unknown = '';
  let unknownCount = 0;
  for (const key of Object.keys(address)) {
    if (shape.index.has(key) || (key === 'dialZone' && !shape.dialZoneIsField)) continue;
    const value = address[key];
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    if (typeof value === 'bigint' || (typeof value === 'object' && value !== null)
      || key.includes('\0') || !isWellFormed(key)) return null;
    unknown += `${key}\0`;
    unknownCount += 1;
  }
  return `${flags}${unknownCount}\0${texts}${unknown}`;
}

/**
 * @param {{ module: () => object, invoke: (name: string, ...args: any[]) => any }} core
 *   module(): the live Emscripten module (an instance may be replaced after an
 *   abort: every compiled object then compiles itself again, geo areas too);
 *   invoke(name, ...args): calls one of its functions and returns the raw answer.
 */
export function compiledApi(core, dialZoneOf) {
  // A core call whose answer is not an envelope (a count, the text to unwrap).
  const raw = (name, ...args) => {
    try {
      return core.invoke(name, ...args);
    } catch (cause) {
      throw new BtalkCoreError('internal', `The core failed unexpectedly: ${cause?.message ?? cause}`);
    }
  };
  const call = (name, ...args) => unwrap(raw(name, ...args));
  const release = (shape) => {
    if (shape.module !== core.module()) return; // that instance and its table are gone
    try { core.invoke('releaseCompiled', shape.handle); } catch { /* the instance is gone */ }
  };
  const registry = typeof FinalizationRegistry === 'function' ? new FinalizationRegistry(release) : null;

  // Compiles in the live instance: the handle and the field order it packs by.
  const open = (constraintsText, geoText) => {
    const module = core.module();
    const answer = call('compileConstraints', constraintsText, geoText);
    return {
      module, handle: answer.handle, names: answer.fields, count: answer.fields.length,
      index: new Map(answer.fields.map((name, i) => [name, i])), dialZoneIsField: answer.dialZoneIsField,
    };
  };
  const optionsText = (options) => (options?.geoAreas ? toText({ geoAreas: options.geoAreas }, 'options') : '');

  // Packed addresses go straight into the core's input buffer when the module
  // shows its memory (Emscripten's HEAPU8): two integers cross, no string.
  const encoder = typeof TextEncoder === 'function' ? new TextEncoder() : null;
  let input = null;
  const inputFor = (module) => {
    if (input?.module === module) return input;
    input = null;
    if (!encoder || !module.HEAPU8 || !module._btalk_input_buffer || !module._btalk_validate_input) return null;
    input = {
      module,
      ptr: 0,
      capacity: 0,
      view: null,
      validate(handle, packed) {
        const need = packed.length * 3; // UTF-8 bytes per UTF-16 unit, at most
        if (need > this.capacity) {
          this.ptr = raw('_btalk_input_buffer', need);
          this.capacity = need;
          this.view = null;
        }
        // Growing memory replaces HEAPU8 (and empties views of the old buffer).
        if (!this.view || this.view.buffer !== module.HEAPU8.buffer) {
          this.view = module.HEAPU8.subarray(this.ptr, this.ptr + this.capacity);
        }
        const { written } = encoder.encodeInto(packed, this.view);
        return raw('_btalk_validate_input', handle, written);
      },
    };
    return input;
  };

  // Validates through an open shape; shared by compiled objects and the cache.
  const validateWith = (shape, address, options) => {
    const opts = optionsText(options);
    const fast = opts === '' ? inputFor(shape.module) : null;
    // Per-call area lists (validateAddress's geoAreas) go as JSON with the address.
    const packed = typeof address === 'string' || !fast ? null : pack(shape, address);
    if (packed === null || packed.length > PACK_LIMIT) {
      return call('compiledValidate', shape.handle, toText(address, 'address'), opts);
    }
    if (fast.validate(shape.handle, packed) === 0) return { valid: true, problems: [] };
    return { valid: false, problems: unwrap(raw('compiledLastAnswer'))[0][1] };
  };

  const validateManyWith = (shape, addresses, options) => {
    if (!Array.isArray(addresses)) throw new BtalkCoreError('invalidInput', 'validateMany() takes an array of addresses.');
    const opts = optionsText(options);
    const one = (i) => {
      try {
        return call('compiledValidate', shape.handle, toText(addresses[i], 'address'), opts);
      } catch (error) {
        if (error instanceof BtalkCoreError) error.message = `addresses[${i}]: ${error.message}`;
        throw error;
      }
    };
    const fast = opts === '' ? inputFor(shape.module) : null;
    // Per-call area lists, or no access to the module's memory: each as JSON.
    if (!fast) return addresses.map((_, i) => one(i));
    const results = new Array(addresses.length);
    let packed = '';
    let first = 0; // index of the first address in `packed`
    const flush = (end) => {
      if (packed !== '' && fast.validate(shape.handle, packed) !== 0) {
        for (const [i, problems] of unwrap(raw('compiledLastAnswer'))) results[first + i] = { valid: false, problems };
      }
      packed = '';
      first = end;
    };
    const slow = [];
    for (let i = 0; i < addresses.length; i += 1) {
      let record = pack(shape, addresses[i]);
      if (record === null || record.length > PACK_LIMIT) {
        slow.push(i);
        // An always-valid placeholder keeps the record indices in step.
        record = `${'0'.repeat(shape.count + 1)}0\0`;
      }
      if (packed.length + record.length > PACK_LIMIT) flush(i);
      packed += record;
    }
    flush(addresses.length);
    for (const i of slow) results[i] = one(i);
    for (let i = 0; i < results.length; i += 1) if (results[i] === undefined) results[i] = { valid: true, problems: [] };
    return results;
  };

  function compile(constraints, geographicalConstraints) {
    const constraintsText = toText(constraints, 'constraints');
    const geoText = toText(geographicalConstraints, 'geographicalConstraints');
    const areas = []; // [level, parents, values] texts, replayed into a new instance
    let shape = open(constraintsText, geoText);
    let disposed = false;
    let formText = null;
    const token = {}; // the methods keep it alive; once the object is unreachable the registry frees the core's copy
    registry?.register(token, shape, token);
    const live = (what) => {
      if (disposed) {
        throw new BtalkCoreError('disposed',
          `${what}() was called on compiled constraints that were disposed; compile them again with compileConstraints().`);
      }
      if (shape.module !== core.module()) { // the instance was replaced: compile again in the new one
        shape = open(constraintsText, geoText);
        for (const args of areas) call('compiledSetGeoAreas', shape.handle, ...args);
        registry?.unregister(token);
        registry?.register(token, shape, token);
      }
      return shape;
    };
    const dispose = () => {
      if (disposed) return;
      disposed = true;
      registry?.unregister(token);
      release(shape);
    };
    return Object.freeze({
      /** The field names in validation (form) order. */
      get fields() { return [...live('fields').names]; },
      get disposed() { return disposed; },
      validate(address, options) {
        return validateWith(live('validate'), address, options);
      },
      validateMany(addresses, options) {
        return validateManyWith(live('validateMany'), addresses, options);
      },
      form() {
        const { handle } = live('form');
        formText ??= JSON.stringify(call('compiledForm', handle));
        return dialZoneOf(JSON.parse(formText));
      },
      setGeoAreas(level, parents, values) {
        const { handle } = live('setGeoAreas');
        if (!Number.isInteger(level)) throw new BtalkCoreError('invalidInput', 'The geographical area level must be 1, 2, 3 or 4.');
        const args = [level, toText(parents ?? [], 'parents'), toText(values ?? [], 'values')];
        call('compiledSetGeoAreas', handle, ...args);
        areas.push(args);
      },
      clearGeoAreas() {
        call('compiledClearGeoAreas', live('clearGeoAreas').handle);
        areas.length = 0;
      },
      dispose,
      [disposeSymbol]: dispose,
    });
  }

  // validateAddress(constraints, ...): the schema text (constraints + geo) is
  // the cache key, so a caller who mutates an object gets a fresh compile,
  // never a stale answer. Least recently used entries are released.
  const cache = new Map();
  const cached = (constraintsText, geoText) => {
    const key = `${constraintsText.length}:${constraintsText}${geoText}`;
    let shape = cache.get(key);
    if (shape && shape.module === core.module()) {
      cache.delete(key);
      cache.set(key, shape);
      return shape;
    }
    cache.delete(key);
    try {
      shape = open(constraintsText, geoText);
    } catch {
      return null; // the JSON facade reports the error exactly as before
    }
    cache.set(key, shape);
    if (cache.size > VALIDATE_CACHE_SIZE) {
      const [oldKey, oldShape] = cache.entries().next().value;
      cache.delete(oldKey);
      release(oldShape);
    }
    return shape;
  };

  function validateAddress(constraints, address, options = {}) {
    const constraintsText = toText(constraints, 'constraints');
    const plainOptions = options === null || options === undefined
      || (typeof options === 'object' && !Array.isArray(options) && typeof options.toJSON !== 'function');
    const geoText = plainOptions ? toText(options?.geographicalConstraints, 'geographicalConstraints') : '';
    const shape = plainOptions ? cached(constraintsText, geoText) : null;
    if (!shape) {
      return call('validateAddress', constraintsText, toText(address, 'address'), toText(options ?? {}, 'options'));
    }
    return validateWith(shape, address, options);
  }

  return { compile, validateAddress };
}
