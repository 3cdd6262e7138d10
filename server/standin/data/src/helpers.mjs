// Small builders that keep the per-country sources short and the generated
// JSON in the exact key order of the seed's examples.

// Coverage defaults follow the seed's France example; countries override keys.
export function coverage(overrides = {}) {
  return {
    businessTalkOnline: 'Yes',
    comment: '',
    domesticEmergency: 'Yes',
    enquiryDB: 'Yes',
    nonGeographicDest: 'Yes',
    modemISDNCall: 'No',
    faxISDNCall: 'No',
    voiceISDNCall: 'No',
    modemAnalogCall: 'No',
    faxAnalogCall: 'Yes',
    voiceAnalogCall: 'Yes',
    onnet: 'Yes',
    offnetIntenationalDest: 'Yes', // sic: the API's spelling
    offnetDomesticDest: 'Yes',
    didNumber: 'Yes',
    didNumberZone: 'Zone1',
    ...overrides,
  };
}

export function notCovered(comment) {
  return {
    businessTalkOnline: 'No',
    comment,
    domesticEmergency: 'No',
    enquiryDB: 'No',
    nonGeographicDest: 'No',
    modemISDNCall: 'No',
    faxISDNCall: 'No',
    voiceISDNCall: 'No',
    modemAnalogCall: 'No',
    faxAnalogCall: 'No',
    voiceAnalogCall: 'No',
    onnet: 'No',
    offnetIntenationalDest: 'No',
    offnetDomesticDest: 'No',
    didNumber: 'No',
    didNumberZone: '',
  };
}

// One element spec. `type` is the API valueType; `values` only for enumerations.
// minLength defaults to 1 when mandatory and 0 when optional (as in the seed).
export function el(type, label, description, opts = {}) {
  const usage = opts.optional ? 'optional' : 'mandatory';
  const spec = {
    usage,
    defaultLabel: label,
    defaultDescription: description,
    referenceUrl: opts.url ?? '',
    valueType: type,
    minLength: opts.min ?? (usage === 'mandatory' ? 1 : 0),
    maxLength: opts.max ?? 100,
    valueRegexp: opts.re ?? '',
  };
  if (opts.values) spec.possibleValues = opts.values;
  return spec;
}
export const str = (label, description, opts) => el('freestring', label, description, opts);
export const num = (label, description, opts) => el('freenumerical', label, description, opts);
export const enumOf = (label, description, values, opts = {}) =>
  el('enumeration', label, description, { ...opts, values });
// `pairs` is [[value, display], ...].
export const enumAssoc = (label, description, pairs, opts = {}) =>
  el('enumerationAssociative', label, description, {
    ...opts,
    values: pairs.map(([value, display]) => ({ value, display })),
  });

// Ordered [name, spec] list -> constraints object with positions 10, 20, ...
export function constraints(list) {
  const out = {};
  list.forEach(([name, spec], i) => {
    out[name] = { ...spec, position: (i + 1) * 10 };
  });
  return out;
}

// The usual PIDF-LO elements under their usual names: a country states its description and limits only.
/** a6, "Street": mandatory, at least 2 characters. */
export const street = (description, max, opts = {}) => ['a6', str('Street', description, { min: 2, max, ...opts })];
/** hno, "House number": mandatory unless opts say otherwise. */
export const houseNumber = (description, max, re, opts = {}) => ['hno', str('House number', description, { max, re, ...opts })];
/** pc, "Postal code" of `length` characters ([min, max] where it varies), with the postal service's look-up page. */
export function postalCode(description, length, re, url) {
  const [min, max] = Array.isArray(length) ? length : [length, length];
  return ['pc', str('Postal code', description, { min, max, re, url })];
}
/** a3, "City" unless another label is given. */
export const city = (description, max, re, label = 'City') => ['a3', str(label, description, { max, re })];

export const FAX_COMMENT = '(1) Fax are supported only with VISIT certified fax designs.';

/**
 * One country, its keys in the order of the seed's examples. `fields`: the [name, spec] list of its address
 * elements; `cov`: what its coverage changes beyond `comment`; `zones`/`areas`: its geographical constraints
 * (manual dial zones and no emergency areas unless said); `addressApi` 'none' unless said. The other keys
 * (sampleAddress, addresses, dialZones ...) follow in the order given.
 */
export function country(iso2, name, countryCode, { comment = FAX_COMMENT, cov = {}, fields, zones = 'manual', areas, geoAreas, geoAreasSource, addressApi = 'none', ...rest }) {
  const out = { iso2, name, countryCode, coverage: coverage({ comment, ...cov }), addressConstraints: constraints(fields), geographicalConstraints: geo(zones, areas) };
  if (geoAreas !== undefined) out.geoAreas = geoAreas;
  if (geoAreasSource !== undefined) out.geoAreasSource = geoAreasSource;
  return { ...out, addressApi, ...rest };
}

export function geo(dialZoneSelection, areas = []) {
  const rules = {};
  for (let i = 0; i < 4; i++) rules[`area${i + 1}_pidflo`] = areas[i] ?? 'notUsed';
  return { dialZoneSelection, emergencyAreaRules: rules };
}

// Items written as they are shown, "<code> <name>" (dial zones, postal codes): the code is the value.
export const coded = (list) => list.map((display) => {
  const space = display.indexOf(' ');
  if (space < 1) throw new Error(`"${display}" does not start with its code`);
  return { value: display.slice(0, space), display };
});

// Candidate list from [label, voiceAddress] pairs; ids are stable per country.
export function candidates(iso2, list) {
  return list.map(([label, voiceAddress], i) => ({
    id: `${iso2.toLowerCase()}-${String(i + 1).padStart(3, '0')}`,
    label,
    voiceAddress,
  }));
}

// Strips undefined/empty-string keys so optional elements are simply absent.
export function clean(address) {
  return Object.fromEntries(Object.entries(address).filter(([, v]) => v !== undefined && v !== ''));
}
