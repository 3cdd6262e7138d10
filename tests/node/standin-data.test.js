// Checks the stand-in's reference data (server/standin/data): the shapes in
// docs/contract.md, the seed's "Country configuration status" table, and that
// every ready-made address (candidates, sample addresses, Portuguese postal
// codes and parishes, geo areas) passes its own country's constraints, so the
// stand-in never offers the UI an address it would then reject.
//
// The validity verdicts come from the real wasm core (`npm run build` first),
// the same engine the stand-in and the browser use: API `valueRegexp` is never
// matched with JS RegExp. `checkRegexSyntax` only checks, as a readable early
// warning, that the data's patterns stay in the subset the core accepts.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../web/index.js';

const dataDir = fileURLToPath(new URL('../../server/standin/data/', import.meta.url));
const countriesDir = `${dataDir}countries/`;

const countryFiles = readdirSync(countriesDir).filter((n) => n.endsWith('.json')).sort();
const countries = new Map(countryFiles.map((n) => [n.slice(0, -5), JSON.parse(readFileSync(countriesDir + n, 'utf8'))]));
const customersData = JSON.parse(readFileSync(`${dataDir}customers.json`, 'utf8'));

// The seed's table: ISO2 -> [dialzone selection, geographical constraint rules, specialised address API].
// Geo rules list area1..area4 elements; "city/region" (NL) is read as province (a1) then city (a3).
const TABLE = {
  AT: ['manual', [], 'none'],
  AU: ['manual', [], 'search'],
  BE: ['manual', ['pc'], 'none'],
  BL: ['automatic', [], 'search'],
  CH: ['manual', ['a1', 'a3'], 'none'],
  CZ: ['manual', [], 'none'], // "Planned"
  DE: ['automatic', [], 'validation'],
  DK: ['manual', [], 'search'],
  ES: ['manual', ['a1', 'a3'], 'none'],
  FI: ['manual', ['a3'], 'none'],
  FR: ['automatic', [], 'search'],
  GB: ['manual', [], 'none'],
  GF: ['automatic', [], 'search'],
  GP: ['automatic', [], 'search'],
  HK: ['automatic', [], 'none'],
  IE: ['manual', [], 'none'],
  IT: ['manual', [], 'none'],
  LU: ['manual', [], 'none'],
  MF: ['automatic', [], 'search'],
  MQ: ['automatic', [], 'search'],
  NL: ['automatic', ['a1', 'a3'], 'search'],
  NO: ['manual', [], 'search'],
  NZ: ['manual', [], 'none'],
  PL: ['manual', [], 'none'],
  PT: ['automatic', [], 'postalCodesAndParishes'],
  RE: ['automatic', [], 'search'],
  SE: ['manual', ['a3', 'a4'], 'none'],
  SJ: ['manual', [], 'none'],
  YT: ['automatic', [], 'search'],
  US: ['manual', [], 'validation'],
};
// Manual-dialzone countries with a closed numbering plan (no area codes): the
// stand-in answers 404 on /dialzones and the form offers free text.
const CLOSED_NUMBERING = new Set(['DK', 'LU', 'NO', 'SJ']);

const PIDF = new Set(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'hno', 'hns', 'sts', 'flr', 'bld', 'room', 'pc', 'pcn',
  'pobox', 'prd', 'pod', 'unit', ...Array.from({ length: 10 }, (_, i) => `addrExtInfo${i + 1}`)]);
const VALUE_TYPES = ['freestring', 'freenumerical', 'enumeration', 'enumerationAssociative'];
const COVERAGE_KEYS = ['businessTalkOnline', 'comment', 'domesticEmergency', 'enquiryDB', 'nonGeographicDest',
  'modemISDNCall', 'faxISDNCall', 'voiceISDNCall', 'modemAnalogCall', 'faxAnalogCall', 'voiceAnalogCall', 'onnet',
  'offnetIntenationalDest', 'offnetDomesticDest', 'didNumber', 'didNumberZone'];
const CONSTRAINT_KEYS = ['usage', 'defaultLabel', 'defaultDescription', 'referenceUrl', 'valueType', 'minLength',
  'maxLength', 'valueRegexp', 'position'];

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const codePoints = (s) => [...s].length;

// Returns null when `pattern` stays inside the syntax the core's engine accepts,
// else a reason. Walks the pattern once, tracking classes and group openers.
export function checkRegexSyntax(pattern) {
  const simpleEscapes = new Set([...'dDwWsStnrbB', ...'.\\/-^$|?*+()[]{}']);
  let inClass = false;
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) return 'trailing backslash';
      if (/[1-9]/.test(n) || n === 'k') return `backreference \\${n}`;
      if (n === 'u') {
        if (!/^[0-9A-Fa-f]{4}$/.test(pattern.slice(i + 2, i + 6))) return 'bad \\u escape';
        i += 5;
        continue;
      }
      if (n === 'x') {
        if (!/^[0-9A-Fa-f]{2}$/.test(pattern.slice(i + 2, i + 4))) return 'bad \\x escape';
        i += 3;
        continue;
      }
      if (!simpleEscapes.has(n)) return `unsupported escape \\${n}`;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') i++; // a leading ] is a literal
      continue;
    }
    if (c === '(') {
      if (pattern[i + 1] === '?') {
        const rest = pattern.slice(i + 2);
        if (rest.startsWith(':')) { depth++; i += 2; continue; }
        if (/^<[A-Za-z]/.test(rest)) { depth++; continue; } // named group
        return 'lookaround or unsupported group';
      }
      depth++;
      continue;
    }
    if (c === ')') {
      if (--depth < 0) return 'unbalanced )';
    }
  }
  if (inClass) return 'unterminated class';
  if (depth !== 0) return 'unbalanced (';
  return null;
}

const allowedValues = (spec) =>
  (spec.possibleValues ?? []).map((v) => (typeof v === 'string' ? v : v.value));

let core;
before(async () => {
  core = await loadCore(); // throws with a clear message when dist/ is not built
});

const geoElements = (c) =>
  Object.values(c.geographicalConstraints.emergencyAreaRules).filter((v) => v !== 'notUsed');

/**
 * The /geoareas lists along the address's own path, as a client fetches them
 * (area1, then the children of the chosen area1 value, ...): the shape the
 * core's validateAddress takes. Stops where the address leaves the tree.
 */
function geoAreasAlong(country, address) {
  const rules = country.geographicalConstraints.emergencyAreaRules;
  const lists = {};
  let list = country.geoAreas;
  for (let level = 1; level <= 4 && Array.isArray(list); level += 1) {
    const element = rules[`area${level}_pidflo`];
    if (!element || element === 'notUsed') break;
    lists[`area${level}`] = list.map(({ value, display }) => ({ value, display }));
    list = list.find((n) => n.value === address[element])?.children;
  }
  return lists;
}

/** The core's problems for `address` with the country's own rules (dial zone and geo areas included). */
function coreProblems(country, address, { geographicalConstraints = country.geographicalConstraints } = {}) {
  const result = core.validateAddress(country.addressConstraints, address, {
    geographicalConstraints,
    geoAreas: geoAreasAlong(country, address),
  });
  assert.equal(result.valid, result.problems.length === 0, 'valid exactly when there are no problems');
  return result.problems;
}

/**
 * Candidates are the exact push body minus the dial zone, which the user chooses:
 * checked as if the dial zone were automatic, so a candidate that carries one is refused.
 */
const candidateProblems = (country, address) => coreProblems(country, address, {
  geographicalConstraints: { ...country.geographicalConstraints, dialZoneSelection: 'automatic' },
});

/** The dial zone a user gives in a manual country: the first listed one, else free text. */
const dialZoneFor = (country) => country.dialZones?.[0]?.value ?? `+${country.countryCode}`;

const show = (problems) => problems.map((p) => `${p.field}: ${p.code} (${p.message})`).join('; ');

test('every country file has the contract shape', () => {
  assert.ok(countries.size >= 36, `only ${countries.size} countries`);
  for (const [file, c] of countries) {
    assert.equal(c.iso2, file, `${file}: iso2 matches the file name`);
    assert.match(c.iso2, /^[A-Z]{2}$/);
    assert.equal(typeof c.name, 'string');
    assert.match(c.countryCode, /^[0-9]{1,4}$/, `${file}: countryCode`);
    assert.deepEqual(Object.keys(c.coverage).sort(), [...COVERAGE_KEYS].sort(), `${file}: coverage keys`);
    assert.ok(['Yes', 'No'].includes(c.coverage.businessTalkOnline), `${file}: businessTalkOnline`);
    assert.ok(['search', 'validation', 'postalCodesAndParishes', 'none'].includes(c.addressApi), `${file}: addressApi`);
    assert.ok(['manual', 'automatic'].includes(c.geographicalConstraints.dialZoneSelection), `${file}: dialZoneSelection`);
    const rules = c.geographicalConstraints.emergencyAreaRules;
    assert.deepEqual(Object.keys(rules), ['area1_pidflo', 'area2_pidflo', 'area3_pidflo', 'area4_pidflo'], `${file}: rules`);
    const size = statSync(`${countriesDir}${file}.json`).size;
    // A real-size geographic list (its source named in geoAreasSource) may be larger.
    assert.ok(size < (c.geoAreasSource ? 1024 : 300) * 1024, `${file}: ${size} bytes`);
  }
});

test('address constraints use PIDF-LO elements, valid specs and spaced positions', () => {
  for (const [iso2, c] of countries) {
    const entries = Object.entries(c.addressConstraints);
    assert.ok(entries.length >= 3, `${iso2}: at least 3 elements`);
    const positions = [];
    for (const [field, spec] of entries) {
      const where = `${iso2}.${field}`;
      assert.ok(PIDF.has(field), `${where}: not a PIDF-LO element`);
      for (const key of CONSTRAINT_KEYS) assert.ok(key in spec, `${where}: missing ${key}`);
      assert.ok(['mandatory', 'optional'].includes(spec.usage), `${where}: usage`);
      assert.ok(VALUE_TYPES.includes(spec.valueType), `${where}: valueType ${spec.valueType}`);
      assert.ok(spec.defaultLabel.length > 0 && spec.defaultDescription.length > 10, `${where}: label/description`);
      assert.ok(spec.referenceUrl === '' || /^https:\/\/[^\s]+$/.test(spec.referenceUrl), `${where}: referenceUrl`);
      assert.ok(Number.isInteger(spec.minLength) && Number.isInteger(spec.maxLength), `${where}: lengths`);
      assert.ok(spec.minLength >= 0 && spec.minLength <= spec.maxLength, `${where}: min <= max`);
      if (spec.usage === 'mandatory') assert.ok(spec.minLength >= 1, `${where}: mandatory needs minLength >= 1`);
      assert.equal(typeof spec.valueRegexp, 'string');
      if (spec.valueRegexp) {
        assert.equal(checkRegexSyntax(spec.valueRegexp), null, `${where}: ${spec.valueRegexp}`);
        assert.ok(spec.valueRegexp.startsWith('^') && spec.valueRegexp.endsWith('$'), `${where}: anchored`);
      }
      if (spec.valueType === 'enumeration') {
        assert.ok(spec.possibleValues.length > 0 && spec.possibleValues.every((v) => typeof v === 'string'), `${where}: values`);
      } else if (spec.valueType === 'enumerationAssociative') {
        assert.ok(spec.possibleValues.length > 0, `${where}: values`);
        for (const v of spec.possibleValues) {
          assert.ok(typeof v.value === 'string' && typeof v.display === 'string', `${where}: {value, display}`);
        }
      } else {
        assert.equal(spec.possibleValues, undefined, `${where}: possibleValues only on enumerations`);
      }
      if (spec.possibleValues) {
        const values = allowedValues(spec);
        assert.equal(new Set(values).size, values.length, `${where}: duplicate possible values`);
        for (const v of values) {
          assert.ok(codePoints(v) >= spec.minLength && codePoints(v) <= spec.maxLength, `${where}: "${v}" length`);
        }
      }
      positions.push(spec.position);
    }
    assert.ok(positions.every((p) => p % 10 === 0 && p > 0), `${iso2}: positions spaced by 10`);
    assert.equal(new Set(positions).size, positions.length, `${iso2}: unique positions`);
    // The core can use every rule (its regex engine accepts every pattern).
    const form = core.addressForm(c.addressConstraints, c.geographicalConstraints);
    assert.deepEqual(form.constraintErrors ?? [], [], `${iso2}: rules the core cannot use`);
    assert.equal(form.fields.length, entries.length, `${iso2}: one form field per element`);
  }
});

test('regex syntax checker rejects what the core rejects', () => {
  const ruleErrors = (pattern) => core.addressForm({
    pc: { usage: 'mandatory', defaultLabel: 'Code', defaultDescription: 'A code.', referenceUrl: '', valueType: 'freestring',
      minLength: 1, maxLength: 10, valueRegexp: pattern, position: 10 },
  }).constraintErrors ?? [];
  for (const bad of ['^(?=a)b$', '^(?!a)b$', '^(?<=a)b$', '^(?<!a)b$', '^(a)\\1$', '^(?<x>a)\\k<x>$', '^[a-z$', '^(a$']) {
    assert.notEqual(checkRegexSyntax(bad), null, bad);
    assert.notDeepEqual(ruleErrors(bad), [], `the core refuses ${bad}`);
  }
  for (const good of ['^[0-9]{5}$', '^(?:[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$', '^[A-Za-zÀ-ÿ\\s.-]+$', '^\\d{3} ?\\d{2}$']) {
    assert.equal(checkRegexSyntax(good), null, good);
    assert.deepEqual(ruleErrors(good), [], `the core accepts ${good}`);
  }
});

test('the seed table countries are covered with its dialzone, geo and address API settings', () => {
  for (const [iso2, [dialZone, areas, addressApi]] of Object.entries(TABLE)) {
    const c = countries.get(iso2);
    assert.ok(c, `${iso2} missing`);
    assert.equal(c.coverage.businessTalkOnline, 'Yes', `${iso2} covered`);
    assert.equal(c.geographicalConstraints.dialZoneSelection, dialZone, `${iso2} dialZoneSelection`);
    assert.deepEqual(geoElements(c), areas, `${iso2} emergencyAreaRules`);
    assert.equal(c.addressApi, addressApi, `${iso2} addressApi`);
  }
});

test('other countries: some covered with a generic schema, at least three not covered', () => {
  const others = [...countries.values()].filter((c) => !TABLE[c.iso2]);
  assert.ok(others.length >= 5, `${others.length} other countries`);
  assert.ok(others.filter((c) => c.coverage.businessTalkOnline === 'No').length >= 3);
  assert.ok(others.some((c) => c.coverage.businessTalkOnline === 'Yes'));
  for (const c of others) {
    assert.equal(c.addressApi, 'none', `${c.iso2}: "Other countries" have no address API`);
    assert.deepEqual(geoElements(c), [], `${c.iso2}: no geographical constraint`);
  }
});

test('geo-constrained elements exist, geo trees have the rules depth, and values pass the constraints', () => {
  for (const [iso2, c] of countries) {
    const elements = geoElements(c);
    if (elements.length === 0) {
      assert.equal(c.geoAreas, undefined, `${iso2}: geoAreas only where the table says so`);
      continue;
    }
    for (const element of elements) assert.ok(c.addressConstraints[element], `${iso2}: ${element} in addressConstraints`);
    assert.ok(Array.isArray(c.geoAreas) && c.geoAreas.length > 0, `${iso2}: geoAreas`);
    const walk = (nodes, depth, path) => {
      const element = elements[depth];
      const spec = c.addressConstraints[element];
      const values = nodes.map((n) => n.value);
      assert.equal(new Set(values).size, values.length, `${iso2} ${path}: duplicate values`);
      for (const node of nodes) {
        // A leaf of a real-size list carries its value only: the stand-in sends it as the display too.
        assert.ok(typeof node.value === 'string' && ['string', 'undefined'].includes(typeof node.display), `${iso2} ${path}: value/display`);
        const { problems } = core.validateAddress({ [element]: { ...spec, usage: 'optional' } }, { [element]: node.value });
        assert.deepEqual(problems, [], `${iso2} ${path}/${node.value}: ${show(problems)}`);
        if (depth + 1 < elements.length) {
          assert.ok(Array.isArray(node.children) && node.children.length > 0, `${iso2} ${path}/${node.value}: children`);
          walk(node.children, depth + 1, `${path}/${node.value}`);
        } else {
          assert.equal(node.children, undefined, `${iso2} ${path}/${node.value}: too deep`);
        }
      }
    };
    walk(c.geoAreas, 0, 'area1');
  }
});

test('dial zones: listed for manual countries with area codes, absent for automatic ones', () => {
  for (const [iso2, c] of countries) {
    const manual = c.geographicalConstraints.dialZoneSelection === 'manual';
    if (!manual || CLOSED_NUMBERING.has(iso2) || c.coverage.businessTalkOnline === 'No') {
      assert.equal(c.dialZones, undefined, `${iso2}: no dialZones`);
      continue;
    }
    assert.ok(Array.isArray(c.dialZones) && c.dialZones.length >= 4 && c.dialZones.length <= 30, `${iso2}: 4-30 dialZones`);
    const values = c.dialZones.map((z) => z.value);
    assert.equal(new Set(values).size, values.length, `${iso2}: duplicate dial zones`);
    for (const z of c.dialZones) {
      assert.match(z.value, /^[0-9]{1,5}$/, `${iso2}: dial zone value`);
      assert.ok(z.display.startsWith(z.value) && z.display.length > z.value.length + 1, `${iso2}: dial zone display`);
    }
  }
});

test('address candidates pass their country constraints and geo rules', () => {
  for (const [iso2, c] of countries) {
    if (c.addressApi === 'search' || c.addressApi === 'validation') {
      assert.ok(c.addresses.length >= 5 && c.addresses.length <= 15, `${iso2}: 5-15 addresses`);
    } else {
      assert.equal(c.addresses, undefined, `${iso2}: addresses only with an address API`);
      continue;
    }
    const ids = c.addresses.map((a) => a.id);
    assert.equal(new Set(ids).size, ids.length, `${iso2}: unique ids`);
    for (const a of c.addresses) {
      assert.ok(typeof a.id === 'string' && a.label.length > 5, `${iso2}: id/label`);
      const problems = candidateProblems(c, a.voiceAddress);
      assert.deepEqual(problems, [], `${iso2} ${a.label}: ${show(problems)}`);
    }
  }
});

test('the checks above catch bad candidates', () => {
  const codes = (country, address) => candidateProblems(country, address).map((p) => `${p.field}:${p.code}`);
  const c = countries.get('NL');
  const good = c.addresses[0].voiceAddress;
  assert.deepEqual(codes(c, good), []);
  assert.deepEqual(codes(c, { ...good, pc: '0123 AB' }), ['pc:patternMismatch']);
  assert.deepEqual(codes(c, { ...good, hno: '12a' }), ['hno:typeMismatch']);
  assert.deepEqual(codes(c, { ...good, dialZone: '020' }), ['dialZone:notAllowed']);
  assert.deepEqual(codes(c, { ...good, a9: 'x' }), ['a9:unknownField']);
  const { a6, ...noStreet } = good;
  assert.deepEqual(codes(c, noStreet), ['a6:valueMissing']);
  assert.deepEqual(codes(c, { ...good, a3: 'Atlantis' }), ['a3:notAllowed']);
  assert.deepEqual(codes(c, { ...good, a1: 'ZH', a3: 'Amsterdam' }), ['a3:notAllowed'], 'a city under the wrong province');
  assert.deepEqual(codes(c, { ...good, a1: 'XX' }), ['a1:notAllowed'], 'an unknown province');
  const us = countries.get('US');
  assert.deepEqual(codes(us, { ...us.addresses[0].voiceAddress, a1: 'XX' }), ['a1:notAllowed']);
});

test('every seed table country has a sample address the core accepts, with the dial zone a user would give', () => {
  const withSamples = [...countries.values()].filter((c) => c.sampleAddress !== undefined).map((c) => c.iso2);
  for (const iso2 of Object.keys(TABLE)) assert.ok(withSamples.includes(iso2), `${iso2}: sampleAddress`);
  for (const iso2 of withSamples) {
    const c = countries.get(iso2);
    const sample = c.sampleAddress;
    assert.ok(isObject(sample), `${iso2}: sampleAddress is an object`);
    assert.equal('dialZone' in sample, false, `${iso2}: the sample leaves the dial zone to the user`);
    for (const [field, value] of Object.entries(sample)) {
      assert.ok(c.addressConstraints[field], `${iso2}: ${field} is an address element`);
      assert.ok(typeof value === 'string' && value === value.trim() && value !== '', `${iso2}.${field}: trimmed text`);
    }
    const manual = c.geographicalConstraints.dialZoneSelection === 'manual';
    const address = manual ? { ...sample, dialZone: dialZoneFor(c) } : sample;
    const problems = coreProblems(c, address);
    assert.deepEqual(problems, [], `${iso2}: ${show(problems)}`);
    // The geo-constrained elements follow an existing path of the tree (the core
    // only checks lists it is given: make sure every level was given).
    const areas = geoAreasAlong(c, sample);
    assert.equal(Object.keys(areas).length, geoElements(c).length, `${iso2}: geo lists along the path`);
    geoElements(c).forEach((element, i) => {
      assert.ok(areas[`area${i + 1}`].some((a) => a.value === sample[element]), `${iso2}: ${element} "${sample[element]}" in area${i + 1}`);
    });
    if (manual) {
      assert.deepEqual(coreProblems(c, sample).map((p) => `${p.field}:${p.code}`), ['dialZone:valueMissing'],
        `${iso2}: a manual dial zone is required`);
    }
  }
});

test('Portugal: postal codes and parishes agree with the constraints', () => {
  const pt = countries.get('PT');
  assert.ok(pt.postalCodes.length >= 10 && pt.parishes.length >= 10);
  const parishElement = 'a4';
  for (const p of pt.postalCodes) {
    assert.ok(p.display.startsWith(p.value), `PT ${p.value}: display`);
    const address = { pc: p.value, a1: p.a1, a2: p.a2, a3: p.a3 };
    const problems = coreProblems(pt, address)
      .filter((m) => m.code !== 'valueMissing'); // street etc. are filled by the user
    assert.deepEqual(problems, [], `PT ${p.value}: ${show(problems)}`);
    assert.ok(pt.parishes.some((q) => q.a1 === p.a1 && q.a2 === p.a2), `PT ${p.value}: parishes for ${p.a1}/${p.a2}`);
  }
  for (const q of pt.parishes) {
    const problems = coreProblems(pt, { a1: q.a1, a2: q.a2, [parishElement]: q.value })
      .filter((m) => m.code !== 'valueMissing');
    assert.deepEqual(problems, [], `PT parish ${q.value}: ${show(problems)}`);
  }
  for (const [iso2, c] of countries) {
    if (iso2 !== 'PT') assert.ok(c.postalCodes === undefined && c.parishes === undefined, `${iso2}: PT-only keys`);
  }
});

test('every value type, usage and rule appears across the set', () => {
  const specs = [...countries.values()].flatMap((c) => Object.values(c.addressConstraints));
  for (const type of VALUE_TYPES) assert.ok(specs.some((s) => s.valueType === type), type);
  assert.ok(specs.some((s) => s.usage === 'mandatory') && specs.some((s) => s.usage === 'optional'));
  assert.ok(specs.some((s) => s.valueRegexp !== ''));
  assert.ok(specs.some((s) => s.minLength > 1) && specs.some((s) => s.maxLength < 100));
  assert.ok(specs.some((s) => s.valueType === 'freenumerical' && s.valueRegexp !== ''), 'regex on a numeric element');
  assert.ok(specs.some((s) => s.referenceUrl !== ''));
  const used = new Set([...countries.values()].flatMap((c) => Object.keys(c.addressConstraints)));
  for (const element of ['a1', 'a2', 'a3', 'a4', 'a6', 'hno', 'hns', 'sts', 'flr', 'bld', 'unit', 'pc', 'pobox', 'prd', 'pod', 'addrExtInfo1']) {
    assert.ok(used.has(element), `${element} used somewhere`);
  }
});

test('customers, VPNs, API keys and OAuth clients', () => {
  const { apiKeys, oauthClients, customers } = customersData;
  assert.ok(customers.length >= 2);
  const codes = new Set();
  for (const c of customers) {
    for (const key of ['name', 'customerCode', 'contractNumber', 'apiContractId', 'pricingApprovalNumber', 'type']) {
      assert.equal(typeof c[key], 'string', `${c.name}: ${key}`);
    }
    assert.match(c.customerCode, /^[0-9]+$/);
    codes.add(c.customerCode);
    assert.ok(c.vpns.length >= 1);
    for (const v of c.vpns) assert.ok(typeof v.vpnId === 'string' && typeof v.name === 'string' && typeof v.vpnCode === 'string');
  }
  assert.equal(codes.size, customers.length, 'unique customer codes');
  const seed = customers.find((c) => c.customerCode === '9999');
  assert.deepEqual(seed.vpns.map((v) => v.vpnId), ['aa76e66dfc63', '3a45b33edf3']);
  const keys = apiKeys.map((k) => k.key);
  assert.equal(new Set(keys).size, keys.length, 'unique keys');
  for (const k of apiKeys) {
    assert.match(k.key, /^[A-Za-z0-9]{40}$/);
    assert.ok(['full', 'readonly'].includes(k.rightsProfile));
    assert.ok(k.customerCodes.length > 0 && k.customerCodes.every((code) => codes.has(code)));
  }
  const full = apiKeys.filter((k) => k.rightsProfile === 'full');
  assert.ok(full.some((k) => k.customerCodes.length === customers.length), 'a full key sees every customer');
  assert.ok(full.some((k) => k.customerCodes.length === 1), 'a full key sees one customer');
  assert.ok(apiKeys.some((k) => k.rightsProfile === 'readonly'));
  assert.ok(oauthClients.length >= 1);
  for (const o of oauthClients) assert.ok(o.clientId.length >= 8 && o.clientSecret.length >= 16);
});
