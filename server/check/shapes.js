// Customer data never enters the report: an answer is described by its field names, the JSON types
// of their values and the shapes of text values ("digits(4)", "hex(12)", "text"), counted. Field
// names are the API's schema, kept when they look like names; a key that looks like data (digits,
// spaces...) is itself replaced by its shape. The known fields of each kind are what the core's
// parsers read (core/src/api_responses.cc) and what the guide documents; anything else is "unknown".

const NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const MAX_PATHS = 200;
const MAX_SHAPES = 6;
const MAX_DEPTH = 3;

/** The PIDF-LO address elements of the guide (plus dialZone). */
export const ADDRESS_ELEMENTS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'hno', 'hns', 'sts', 'flr', 'bld', 'room', 'pc',
  'pcn', 'pobox', 'prd', 'pod', 'unit', 'dialZone', ...Array.from({ length: 10 }, (_, i) => `addrExtInfo${i + 1}`)];

const COVERAGE = ['businessTalkOnline', 'comment', 'domesticEmergency', 'enquiryDB', 'nonGeographicDest', 'modemISDNCall',
  'faxISDNCall', 'voiceISDNCall', 'modemAnalogCall', 'faxAnalogCall', 'voiceAnalogCall', 'onnet', 'offnetIntenationalDest',
  'offnetDomesticDest', 'didNumber', 'didNumberZone'];
const prefixed = (prefix, names) => names.map((n) => `${prefix}.${n}`);
const ORDER_PARAMETERS = ['technicalSiteName', 'customerSiteLabel', 'country', 'vpnId', 'customerCode', 'status'];

/** Known field paths per kind (dots for nested objects; `*` = any member). */
export const KNOWN_FIELDS = {
  me: ['rightsProfile', 'profile', 'rights'],
  customers: ['customerCode', 'name', 'contractNumber', 'apiContractId', 'pricingApprovalNumber', 'type'],
  vpns: ['vpnId', 'name', 'vpnCode'],
  voicesites: ['voiceSiteId', 'id', 'hasVoiceAddress', 'voiceAddress', 'voiceAddress.*', 'parameters',
    ...ORDER_PARAMETERS, ...prefixed('parameters', ORDER_PARAMETERS)],
  countries: ['iso2', 'code', 'name', 'businessTalkOnline', 'covered', 'countryCode', 'coverage', ...prefixed('coverage', COVERAGE)],
  country: ['iso2', 'code', 'name', 'businessTalkOnline', 'covered', 'countryCode', 'coverage', ...prefixed('coverage', COVERAGE)],
  geoAreas: ['value', 'code', 'id', 'name', 'display', 'label', 'displayName'],
  apiError: ['code', 'message', 'description'],
  geographicalConstraints: ['emergencyAreaRules', ...[1, 2, 3, 4].map((n) => `emergencyAreaRules.area${n}_pidflo`), 'dialZoneSelection'],
  addressElement: ['usage', 'defaultLabel', 'defaultDescription', 'referenceUrl', 'valueType', 'minLength', 'maxLength',
    'valueRegexp', 'possibleValues', 'position', 'name', 'element'],
};

/** The shape of one text value: what it is made of and, for identifiers, its length. */
export function textShape(text) {
  if (text === '') return 'empty';
  if (/^\d+$/.test(text)) return `digits(${text.length})`;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) return 'uuid';
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return 'date';
  if (/^[0-9a-f]+$/.test(text) && /[a-f]/.test(text)) return `hex(${text.length})`;
  if (/^[A-Za-z0-9_-]+$/.test(text)) return `token(${text.length})`;
  return 'text';
}

const typeOf = (value) => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

/** A key as the report may show it: itself when it looks like a name, else its shape in braces. */
export const safeKey = (key) => (NAME.test(key) ? key : `{${textShape(key)}}`);

/**
 * Field statistics over items: { path: { count, types: {type: n}, shapes?: {shape: n} } }.
 * Objects are walked to MAX_DEPTH levels; arrays are counted, not walked.
 */
export function fieldStats(items) {
  const stats = {};
  let paths = 0;
  const note = (path, value) => {
    let entry = stats[path];
    if (!entry) {
      if (paths >= MAX_PATHS) return;
      paths += 1;
      entry = stats[path] = { count: 0, types: {} };
    }
    entry.count += 1;
    const type = typeOf(value);
    entry.types[type] = (entry.types[type] ?? 0) + 1;
    if (type === 'string') {
      entry.shapes ??= {};
      const shape = textShape(value);
      const key = shape in entry.shapes || Object.keys(entry.shapes).length < MAX_SHAPES ? shape : 'other';
      entry.shapes[key] = (entry.shapes[key] ?? 0) + 1;
    }
  };
  const walk = (value, prefix, depth) => {
    for (const [key, inner] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${safeKey(key)}` : safeKey(key);
      note(path, inner);
      if (typeOf(inner) === 'object' && depth < MAX_DEPTH) walk(inner, path, depth + 1);
    }
  };
  for (const item of items) {
    if (typeOf(item) === 'object') walk(item, '', 1);
    else note('(item)', item);
  }
  return stats;
}

/** The field paths of `stats` that `known` does not list (case-insensitive, `x.*` covers x's members). */
export function unknownFields(stats, known) {
  const lower = new Set(known.map((k) => k.toLowerCase()));
  return Object.keys(stats).filter((path) => {
    if (path === '(item)' || lower.has(path.toLowerCase())) return false;
    const parts = path.split('.');
    for (let i = parts.length - 1; i > 0; i -= 1) {
      if (lower.has(`${parts.slice(0, i).join('.')}.*`.toLowerCase())) return false;
    }
    return true;
  });
}

/** The list inside a collection answer: the array itself, or the first array member of a wrapper. */
export function listIn(value) {
  if (Array.isArray(value)) return { list: value, shape: 'array' };
  if (typeOf(value) === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (Array.isArray(inner)) return { list: inner, shape: `wrapped:${safeKey(key)}` };
    }
    return { list: null, shape: 'object' };
  }
  return { list: null, shape: typeOf(value) };
}

/** Every text or number value of customer-scoped items (for scrubbing a quoted API text). */
export function collectValues(items, into) {
  const walk = (value, depth) => {
    if (typeof value === 'string') into.add(value);
    else if (typeof value === 'number') into.add(String(value));
    else if (value && typeof value === 'object' && depth < 4) for (const inner of Object.values(value)) walk(inner, depth + 1);
  };
  for (const item of items) walk(item, 0);
  return into;
}
