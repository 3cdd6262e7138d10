// validateAddress(constraints, ...)'s compiled schemas. The schema's JSON text is what a compiled
// object stands for, so a caller who mutates an object gets a fresh compile, never a stale answer;
// but writing that text on every call cost ten times the validation. So each object the caller
// passes is remembered (WeakMap: it goes when the object goes) with the text it had and a shadow
// of that text's tree; a later call with the same object walks it against the shadow (no string
// is built), and writes the text again only when something differs. A deep-frozen object is
// never walked again. Objects over WALK_BUDGET values, or whose JSON is not plain (toJSON,
// undefined values, class instances...), are written as text each time, as before. The last
// CACHE_SIZE compiled schemas are kept, found by comparing texts (the same string instance
// compares at once); the least recently used is released.

const CACHE_SIZE = 8;
const WALK_BUDGET = 20000; // values walked per object per call; more: compared as text
const TEXT_LIMIT = 1 << 20; // longer texts are not remembered (the shadow would double them)

// The parsed text as the walk reads it: objects as { keys, values } in JSON's key order.
function shadowOf(value) {
  if (Array.isArray(value)) return value.map(shadowOf);
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  return { keys, values: keys.map((key) => shadowOf(value[key])) };
}

// A value JSON writes as the shadow's text says (strings, booleans, null, finite numbers).
const sameLeaf = (value, shadow) => value === shadow && (typeof value !== 'number' || Number.isFinite(value));

// Would JSON.stringify(value) write what `shadow` was parsed from? False when
// unsure, or after budget.left values (it counts down).
function same(value, shadow, budget) {
  if (--budget.left < 0) return false;
  if (Array.isArray(value)) {
    if (!Array.isArray(shadow) || value.length !== shadow.length) return false;
    for (let i = 0; i < value.length; i += 1) {
      const item = value[i];
      if (typeof item !== 'object' || item === null) {
        if (!sameLeaf(item, shadow[i])) return false;
        continue;
      }
      const flat = sameFlat(item, shadow[i]);
      if (flat === undefined ? !same(item, shadow[i], budget) : !flat || --budget.left < 0) return false;
    }
    return true;
  }
  if (typeof value !== 'object' || value === null) return sameLeaf(value, shadow);
  if (typeof shadow !== 'object' || shadow === null || Array.isArray(shadow)) return false;
  const proto = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || typeof value.toJSON === 'function') return false;
  const { keys, values } = shadow;
  let i = 0;
  for (const key in value) { // own keys in JSON's order (a plain object inherits none)
    if (key !== keys[i]) return false;
    const item = value[key];
    if (typeof item === 'object' && item !== null ? !same(item, values[i], budget) : !sameLeaf(item, values[i])) return false;
    i += 1;
  }
  return i === keys.length;
}

// `same` for an item of a list such as possibleValues ({ value, display } objects, all
// alike): a plain object of leaves only is compared here, so this function's property
// caches see one kind of object and stay fast (same's see every kind in the schema).
// undefined: not such an object, ask `same`.
function sameFlat(item, shadow) {
  if (Object.getPrototypeOf(item) !== Object.prototype || typeof item.toJSON === 'function'
    || typeof shadow !== 'object' || shadow === null || Array.isArray(shadow)) return undefined;
  const { keys, values } = shadow;
  let i = 0;
  for (const key in item) {
    if (key !== keys[i]) return false;
    const leaf = item[key];
    if (typeof leaf === 'object' && leaf !== null) return undefined;
    if (!sameLeaf(leaf, values[i])) return false;
    i += 1;
  }
  return i === keys.length;
}

function deepFrozen(value) {
  if (typeof value !== 'object' || value === null) return true;
  if (!Object.isFrozen(value)) return false;
  return Object.values(value).every(deepFrozen);
}

/**
 * @param {(value: any, what: string) => string} toText the core's JSON text of a value
 * @param {(constraintsText: string, geoText: string) => object} open compiles (throws on error)
 * @param {(shape: object) => void} release frees a compiled shape
 * @param {() => object} liveModule the current Emscripten module (shapes of another are stale)
 */
export function schemaCache({ toText, open, release, liveModule }) {
  const remembered = new WeakMap(); // object -> { text, shadow, frozen }
  const strings = { constraints: null, geo: null }; // the last string given and its text, per role

  const textOf = (value, what, role) => {
    if (typeof value === 'string') {
      if (strings[role]?.value !== value) strings[role] = { value, text: toText(value, what) };
      return strings[role].text;
    }
    if (typeof value !== 'object' || value === null) return toText(value, what);
    const known = remembered.get(value);
    if (known && (known.frozen || same(value, known.shadow, { left: WALK_BUDGET }))) return known.text;
    const text = toText(value, what);
    if (text.length <= TEXT_LIMIT) {
      if (known?.text === text) return known.text; // the same text again (e.g. undefined values): keep the instance
      const shadow = shadowOf(JSON.parse(text));
      remembered.set(value, { text, shadow, frozen: deepFrozen(value) && same(value, shadow, { left: WALK_BUDGET }) });
    }
    return text;
  };

  const entries = []; // { constraintsText, geoText, shape }, most recently used first
  const find = (constraintsText, geoText) => {
    const module = liveModule();
    for (let i = 0; i < entries.length; i += 1) {
      const entry = entries[i];
      if (entry.constraintsText !== constraintsText || entry.geoText !== geoText) continue;
      if (i > 0) {
        entries.splice(i, 1);
        entries.unshift(entry);
      }
      if (entry.shape.module === module) return entry.shape;
      entries.shift(); // compiled in an instance that was replaced
      return null;
    }
    return null;
  };

  /**
   * The compiled shape of (constraints, geographicalConstraints), or null when they do not
   * compile (the JSON facade then reports the error exactly as before). Throws toText's errors.
   */
  return function lookup(constraints, geo) {
    const constraintsText = textOf(constraints, 'constraints', 'constraints');
    const geoText = textOf(geo, 'geographicalConstraints', 'geo');
    const found = find(constraintsText, geoText);
    if (found) return found;
    let shape;
    try {
      shape = open(constraintsText, geoText);
    } catch {
      return null;
    }
    entries.unshift({ constraintsText, geoText, shape });
    if (entries.length > CACHE_SIZE) release(entries.pop().shape);
    return shape;
  };
}
