// Compiled constraints over one core instance: compile once, validate many (web/core.js's
// compileConstraints and validateAddress, for both the full and the address-only module).
import { BtalkCoreError, toText, unwrap } from './core-envelope.js';
import { problemTable, readProblems } from './core-problems.js';
import { schemaCache } from './core-schema-cache.js';

// ---- compiled constraints: compile once, validate many ----------------------
// The core holds the parsed schema; each validation sends the address packed in
// field order (see compiled_constraints.h, ValidatePacked) and gets its problems
// back as numbers (compact_problem.h) spelled out by core-problems.js: no JSON
// either way, valid or not, and one crossing for a whole batch.

const disposeSymbol = Symbol.dispose ?? Symbol.for('Symbol.dispose');
const isWellFormed = String.prototype.isWellFormed
  ? (text) => text.isWellFormed()
  : (text) => !/[\uD800-\uDFFF]/u.test(text);
const toWellFormed = (text) => text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
// Above this many UTF-16 units an address goes as JSON (and meets the core's
// 4 MB document limit); a batch is cut into crossings of about this size.
const PACK_LIMIT = 1 << 20;
// Bytes of the packed format (ValidatePacked).
const ZERO = 0x30; // '0': absent or null
const FLAG_T = 0x74; // 't': text
const FLAG_U = 0x75; // 'u': text that held a lone surrogate
const FLAG_X = 0x78; // 'x': not text

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
  if (Object.keys(address).length === found) return `${flags}0\0${texts}`;
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
 * normalizeAddress's answer: `text` (an address the core accepted: a JSON object) with the
 * core's `changes` applied, and the changes. Shared by core.normalizeAddress and compiled.normalize.
 */
export function normalizedAddress(text, { changes }) {
  const address = { ...JSON.parse(text) };
  for (const change of changes) address[change.field] = change.to;
  return { address, changes };
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
  // A mismatch hint that follows what was typed, asked when a problem is read (core-problems.js):
  // stateless, on whatever instance is live then.
  const hint = (pattern, typed) => call('formatExample', pattern, typed);
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

  // Packed addresses are written straight into the core's input buffer when
  // the module shows its memory (Emscripten's HEAPU8): two integers cross, no
  // string. ASCII text is copied unit by unit; other text goes through
  // TextEncoder.encodeInto. No packed string is built, except by pack() for
  // the rare address with keys that are not fields.
  const encoder = typeof TextEncoder === 'function' ? new TextEncoder() : null;
  const TextDecoderOk = typeof TextDecoder === 'function';
  let input = null;
  const inputFor = (module) => {
    if (input?.module === module) return input;
    input = null;
    if (!encoder || !TextDecoderOk || !module.HEAPU8 || !module.HEAP32 || !module._btalk_input_buffer
      || !module._btalk_validate_input || !module._btalk_compact_words) return null;
    let ptr = 0;
    let capacity = 0;
    let view = null;
    let pos = 0; // bytes written
    // Growing memory replaces HEAPU8 and detaches the old buffer, which
    // empties its views (cheaper to test than comparing buffers).
    const refresh = () => {
      if (view === null || view.length === 0) view = module.HEAPU8.subarray(ptr, ptr + capacity);
    };
    // Room for `bytes` more; growing keeps what is written (std::string::resize).
    const reserve = (bytes) => {
      if (pos + bytes <= capacity) return;
      capacity = Math.max(pos + bytes, Math.min(2 * capacity, 4 * PACK_LIMIT), 4096);
      ptr = raw('_btalk_input_buffer', capacity);
      view = null;
      refresh();
    };
    // One text segment; its flag ('t' or 'u'), or 0 when only JSON can send it (NUL).
    const text = (value) => {
      const n = value.length;
      reserve(3 * n + 1); // UTF-8 bytes per UTF-16 unit, at most
      const bytes = view;
      let p = pos;
      for (let i = 0; i < n; i += 1) {
        const c = value.charCodeAt(i);
        if (c === 0) return 0;
        if (c < 0x80) {
          bytes[p++] = c;
          continue;
        }
        if (value.includes('\0', i)) return 0;
        let flag = FLAG_T;
        let rest = value.slice(i);
        if (!isWellFormed(rest)) {
          flag = FLAG_U;
          rest = toWellFormed(rest);
        }
        p += encoder.encodeInto(rest, view.subarray(p)).written;
        view[p] = 0;
        pos = p + 1;
        return flag;
      }
      view[p] = 0;
      pos = p + 1;
      return FLAG_T;
    };
    // One record (pack()'s, without the string); false: send it as JSON.
    const record = (shape, address) => {
      if (typeof address !== 'object' || address === null || Array.isArray(address)
        || typeof address.toJSON === 'function') return false;
      const { names, count } = shape;
      const start = pos;
      reserve(count + 3);
      const flags = pos;
      pos += count + 1;
      view[pos++] = ZERO; // the unknown key count: rewritten by pack() below when there are some
      view[pos++] = 0;
      let units = count + 3; // as pack() counts them, for PACK_LIMIT
      let found = 0;
      let lost = false; // the memory grew while a getter ran: what was written since is gone
      for (let i = 0; i <= count; i += 1) {
        let flag = ZERO;
        const name = i < count ? names[i] : 'dialZone';
        const value = i < count || !shape.dialZoneIsField ? address[name] : undefined;
        const own = value !== undefined && Object.hasOwn(address, name);
        if (view.length === 0) {
          lost = true;
          break;
        }
        if (own) {
          found += 1;
          switch (typeof value) {
            case 'string':
              units += value.length + 1;
              if (units > PACK_LIMIT) return false;
              flag = text(value);
              if (flag === 0) return false;
              break;
            case 'number':
              if (Number.isSafeInteger(value)) flag = text(String(value));
              else if (Number.isFinite(value)) return false; // JSON spelling of fractions and huge numbers: the core's own
              // NaN/Infinity are null in JSON
              break;
            case 'boolean':
              flag = FLAG_X;
              break;
            case 'object':
              // Arrays and objects are never valid values, but only JSON.stringify
              // says whether they can be sent at all (cycles, toJSON, BigInt inside).
              if (value !== null) return false;
              break;
            case 'function': case 'symbol':
              break; // JSON leaves the key out
            default:
              return false; // bigint: JSON.stringify throws, and so must we
          }
        }
        view[flags + i] = flag;
      }
      // Own enumerable keys (for...in + hasOwn counts the same, 3 times slower).
      const keys = Object.keys(address).length;
      // Reading the address runs its getters, if any: a validation they start
      // may grow the memory, and writes to the old view are lost. Then (as for
      // keys that are not fields) pack() builds the record as a string.
      if (keys === found && !lost && view.length !== 0) return true;
      pos = start;
      const packed = pack(shape, address);
      refresh();
      if (packed === null || packed.length > PACK_LIMIT) return false;
      reserve(3 * packed.length);
      pos += encoder.encodeInto(packed, view.subarray(pos)).written;
      return true;
    };
    input = {
      module,
      // True while packing: reading an address can run its getters (or a
      // Proxy's traps), and a validation they start must not write over
      // this one (it goes as JSON instead).
      busy: false,
      // Packs `address` as the only record; false: send it as JSON.
      one(shape, address) {
        pos = 0;
        refresh();
        this.busy = true;
        try {
          return record(shape, address);
        } finally {
          this.busy = false;
        }
      },
      // Packs addresses[from..] until about PACK_LIMIT bytes; calls slow(i)
      // for each that must go as JSON (an always-valid placeholder keeps the
      // record indices in step). Returns the index after the last one packed.
      some(shape, addresses, from, slow) {
        pos = 0;
        refresh();
        let i = from;
        this.busy = true;
        try {
          for (; i < addresses.length && pos < PACK_LIMIT; i += 1) {
            const start = pos;
            if (record(shape, addresses[i])) continue;
            pos = start;
            slow(i);
            refresh();
            reserve(shape.count + 3);
            view.fill(ZERO, pos, pos + shape.count + 2);
            pos += shape.count + 2;
            view[pos++] = 0;
          }
        } finally {
          this.busy = false;
        }
        return i;
      },
      // ValidatePacked over what was packed: how many problems there are
      // (read them with problems()); throws the core's error for bad input.
      validate(handle) {
        const found = raw('_btalk_validate_input', handle, pos);
        if (found < 0) unwrap(raw('compiledLastAnswer'));
        return found;
      },
      // Calls each(record, problem) for the `found` problems of validate().
      problems(shape, found, each) {
        shape.table ??= problemTable(call('compiledProblemTable', shape.handle), shape.names, hint);
        readProblems(module, shape.table, found, each);
      },
    };
    return input;
  };

  // Validates through an open shape; shared by compiled objects and the cache.
  const validateWith = (shape, address, options) => {
    const opts = optionsText(options);
    // Per-call area lists (validateAddress's geoAreas) go as JSON with the address.
    const fast = opts === '' && typeof address !== 'string' && !input?.busy ? inputFor(shape.module) : null;
    if (!fast || !fast.one(shape, address)) {
      return call('compiledValidate', shape.handle, toText(address, 'address'), opts);
    }
    const found = fast.validate(shape.handle);
    if (found === 0) return { valid: true, problems: [] };
    const problems = [];
    fast.problems(shape, found, (record, problem) => { problems.push(problem); });
    return { valid: false, problems };
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
    const fast = opts === '' && !input?.busy ? inputFor(shape.module) : null;
    // Per-call area lists, no access to the module's memory, or called while
    // packing (from an address's getter): each as JSON.
    if (!fast) return addresses.map((_, i) => one(i));
    const results = new Array(addresses.length);
    const slow = [];
    const later = (i) => { slow.push(i); };
    for (let first = 0; first < addresses.length;) {
      const end = fast.some(shape, addresses, first, later);
      const found = fast.validate(shape.handle);
      if (found !== 0) {
        const from = first;
        fast.problems(shape, found, (record, problem) => {
          const result = results[from + record];
          if (result === undefined) results[from + record] = { valid: false, problems: [problem] };
          else result.problems.push(problem);
        });
      }
      first = end;
    }
    for (const i of slow) results[i] = one(i);
    for (let i = 0; i < results.length; i += 1) if (results[i] === undefined) results[i] = { valid: true, problems: [] };
    return results;
  };

  function compile(constraints, geographicalConstraints) {
    const constraintsText = toText(constraints, 'constraints');
    const geoText = toText(geographicalConstraints, 'geographicalConstraints');
    // The lists set, [level, parents, values] texts by level and parents (a list set again replaces its
    // entry, as in the core): replayed into a new instance.
    const areas = new Map();
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
        for (const args of areas.values()) call('compiledSetGeoAreas', shape.handle, ...args);
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
      /**
       * core.normalizeAddress with these constraints ({ address, changes }, the same answer), without
       * parsing them again: the address form's blur path (components/address-form/normalize.js).
       */
      normalize(address) {
        const { handle } = live('normalize');
        const text = toText(address, 'address');
        return normalizedAddress(text, call('compiledNormalize', handle, text));
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
        areas.set(`${level}\n${args[1]}`, args);
      },
      clearGeoAreas() {
        call('compiledClearGeoAreas', live('clearGeoAreas').handle);
        areas.clear();
      },
      dispose,
      [disposeSymbol]: dispose,
    });
  }

  // validateAddress(constraints, ...): compiled once per schema text, without
  // writing the text on every call (core-schema-cache.js).
  const cached = schemaCache({ toText, open, release, liveModule: () => core.module() });

  function validateAddress(constraints, address, options = {}) {
    const plainOptions = options === null || options === undefined
      || (typeof options === 'object' && !Array.isArray(options) && typeof options.toJSON !== 'function');
    const shape = plainOptions ? cached(constraints, options?.geographicalConstraints) : null;
    if (!shape) {
      return call('validateAddress', toText(constraints, 'constraints'), toText(address, 'address'),
        toText(options ?? {}, 'options'));
    }
    return validateWith(shape, address, options);
  }

  return { compile, validateAddress };
}
