// Checks the stand-in's reference data (examples/standin/data): the shapes in
// docs/contract.md, the seed's "Country configuration status" table, and that
// every ready-made address (candidates, Portuguese postal codes, geo areas)
// passes its own country's constraints, so the stand-in never offers the UI an
// address it would then reject.
//
// NOTE: the product rule is that API `valueRegexp` is matched only by the
// core's linear-time engine. This test uses JS RegExp on these fixtures anyway
// because they are our own trusted files and the wasm core may not be built when
// data is edited; `checkRegexSyntax` first rejects anything outside the subset
// the core accepts (no lookaround, no backreferences).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dataDir = fileURLToPath(new URL('../../examples/standin/data/', import.meta.url));
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
  try {
    new RegExp(pattern); // eslint-disable-line no-new
  } catch (error) {
    return `invalid: ${error.message}`;
  }
  return null;
}

const allowedValues = (spec) =>
  (spec.possibleValues ?? []).map((v) => (typeof v === 'string' ? v : v.value));

// Problems of `address` against `constraints` (the same rules the core applies):
// unknown elements, missing mandatory ones, lengths in code points, digits for
// freenumerical, enumeration membership and the regex.
function addressProblems(constraints, address) {
  const problems = [];
  for (const [field, value] of Object.entries(address)) {
    if (field === 'dialZone') { problems.push(`${field}: candidates must not carry a dialZone`); continue; }
    if (!constraints[field]) { problems.push(`${field}: unknown element`); continue; }
    if (typeof value !== 'string') problems.push(`${field}: not a string`);
  }
  for (const [field, spec] of Object.entries(constraints)) {
    const value = address[field] ?? '';
    if (value === '') {
      if (spec.usage === 'mandatory') problems.push(`${field}: missing`);
      continue;
    }
    const len = codePoints(value);
    if (len < spec.minLength) problems.push(`${field}: "${value}" shorter than ${spec.minLength}`);
    if (len > spec.maxLength) problems.push(`${field}: "${value}" longer than ${spec.maxLength}`);
    if (spec.valueType === 'freenumerical' && !/^[0-9]+$/.test(value)) problems.push(`${field}: "${value}" not digits`);
    if (spec.valueType.startsWith('enumeration') && !allowedValues(spec).includes(value)) {
      problems.push(`${field}: "${value}" not a possible value`);
    }
    if (spec.valueRegexp && !new RegExp(spec.valueRegexp).test(value)) {
      problems.push(`${field}: "${value}" does not match ${spec.valueRegexp}`);
    }
  }
  return problems;
}

const geoElements = (c) =>
  Object.values(c.geographicalConstraints.emergencyAreaRules).filter((v) => v !== 'notUsed');

// Does the geo tree contain the address's values along one path?
function geoPathProblems(country, address) {
  const elements = geoElements(country);
  let level = country.geoAreas;
  const problems = [];
  elements.forEach((element, i) => {
    const node = (level ?? []).find((n) => n.value === address[element]);
    if (!node) {
      problems.push(`${element}="${address[element]}" is not an area${i + 1} value${i ? ` under ${address[elements[i - 1]]}` : ''}`);
      level = [];
    } else {
      level = node.children;
    }
  });
  return problems;
}

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
    assert.ok(size < 300 * 1024, `${file}: ${size} bytes`);
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
  }
});

test('regex syntax checker rejects what the core rejects', () => {
  for (const bad of ['^(?=a)b$', '^(?!a)b$', '^(?<=a)b$', '^(?<!a)b$', '^(a)\\1$', '^(?<x>a)\\k<x>$', '^[a-z$', '^(a$']) {
    assert.notEqual(checkRegexSyntax(bad), null, bad);
  }
  for (const good of ['^[0-9]{5}$', '^(?:[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$', '^[A-Za-zÀ-ÿ\\s.-]+$', '^\\d{3} ?\\d{2}$']) {
    assert.equal(checkRegexSyntax(good), null, good);
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
        assert.ok(typeof node.value === 'string' && typeof node.display === 'string', `${iso2} ${path}: value/display`);
        const problems = addressProblems({ [element]: { ...spec, usage: 'optional' } }, { [element]: node.value });
        assert.deepEqual(problems, [], `${iso2} ${path}/${node.value}`);
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
      assert.deepEqual(addressProblems(c.addressConstraints, a.voiceAddress), [], `${iso2} ${a.label}`);
      if (geoElements(c).length) assert.deepEqual(geoPathProblems(c, a.voiceAddress), [], `${iso2} ${a.label}`);
    }
  }
});

test('the checks above catch bad candidates', () => {
  const c = countries.get('NL');
  const good = c.addresses[0].voiceAddress;
  assert.deepEqual(addressProblems(c.addressConstraints, good), []);
  assert.notDeepEqual(addressProblems(c.addressConstraints, { ...good, pc: '0123 AB' }), []);
  assert.notDeepEqual(addressProblems(c.addressConstraints, { ...good, hno: '12a' }), []);
  assert.notDeepEqual(addressProblems(c.addressConstraints, { ...good, dialZone: '020' }), []);
  assert.notDeepEqual(addressProblems(c.addressConstraints, { ...good, a9: 'x' }), []);
  const { a6, ...noStreet } = good;
  assert.notDeepEqual(addressProblems(c.addressConstraints, noStreet), []);
  assert.notDeepEqual(geoPathProblems(c, { ...good, a3: 'Atlantis' }), []);
  const us = countries.get('US');
  assert.notDeepEqual(addressProblems(us.addressConstraints, { ...us.addresses[0].voiceAddress, a1: 'XX' }), []);
});

test('Portugal: postal codes and parishes agree with the constraints', () => {
  const pt = countries.get('PT');
  assert.ok(pt.postalCodes.length >= 10 && pt.parishes.length >= 10);
  const parishElement = 'a4';
  for (const p of pt.postalCodes) {
    assert.ok(p.display.startsWith(p.value), `PT ${p.value}: display`);
    const address = { pc: p.value, a1: p.a1, a2: p.a2, a3: p.a3 };
    const problems = addressProblems(pt.addressConstraints, address)
      .filter((m) => !/: missing$/.test(m)); // street etc. are filled by the user
    assert.deepEqual(problems, [], `PT ${p.value}`);
    assert.ok(pt.parishes.some((q) => q.a1 === p.a1 && q.a2 === p.a2), `PT ${p.value}: parishes for ${p.a1}/${p.a2}`);
  }
  for (const q of pt.parishes) {
    const problems = addressProblems(pt.addressConstraints, { a1: q.a1, a2: q.a2, [parishElement]: q.value })
      .filter((m) => !/: missing$/.test(m));
    assert.deepEqual(problems, [], `PT parish ${q.value}`);
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
