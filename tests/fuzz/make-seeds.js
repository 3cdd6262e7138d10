// Writes the seed corpora of the libFuzzer harnesses into <out>/<harness>/:
// the stand-in's country files, the core test fixtures, and (in
// <out>/regressions/<harness>/) the reproducers of issue 9, which once took
// seconds to minutes each and must now answer within the -timeout.
// Usage: node tests/fuzz/make-seeds.js <out-dir>
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = process.argv[2];
if (!out) throw new Error('usage: node tests/fuzz/make-seeds.js <out-dir>');

const NUL = '\0';
const write = (dir, name, text) => {
  mkdirSync(join(out, dir), { recursive: true });
  writeFileSync(join(out, dir, name), text);
};
const readJson = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;  // some fixtures are deliberately broken: still good seeds as text
  }
};
const jsonFiles = (dir) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));

// A plausible address for a constraints document: each field filled with a
// value of the right kind, so the seeds reach the regex and length checks.
function sampleAddress(constraints) {
  const address = {};
  const entries = Array.isArray(constraints)
    ? constraints.map((c) => [c.name ?? c.element, c]) : Object.entries(constraints ?? {});
  for (const [name, rule] of entries) {
    if (!name || typeof rule !== 'object' || rule === null) continue;
    const first = Array.isArray(rule.possibleValues) ? rule.possibleValues[0] : undefined;
    if (first !== undefined) address[name] = typeof first === 'object' ? String(first?.value ?? '') : String(first);
    else address[name] = rule.valueType === 'freenumerical' ? '12345' : 'Rue de la Paix';
  }
  return address;
}

const patterns = new Set(['^[0-9]{5}$', '(a|aa)*b', '^(a+)+$']);
const countryDir = join(root, 'server/standin/data/countries');
for (const file of jsonFiles(countryDir)) {
  const name = file.split('/').pop().replace('.json', '');
  const country = readJson(file);
  const constraints = JSON.stringify(country.addressConstraints ?? {});
  const geo = JSON.stringify(country.geographicalConstraints ?? null);
  write('address_form_fuzz', `${name}`, constraints + NUL + geo);
  write('validate_address_fuzz', `${name}`,
    constraints + NUL + JSON.stringify(sampleAddress(country.addressConstraints)) + NUL +
    JSON.stringify({ geographicalConstraints: country.geographicalConstraints ?? null }));
  write('parse_response_fuzz', `country-${name}`, JSON.stringify(country));
  for (const rule of Object.values(country.addressConstraints ?? {})) {
    if (typeof rule?.valueRegexp === 'string' && rule.valueRegexp) patterns.add(rule.valueRegexp);
  }
}
const dataDir = join(root, 'tests/core/data');
for (const file of jsonFiles(dataDir)) {
  const name = file.split('/').pop().replace('.json', '');
  const text = readFileSync(file, 'utf8');
  if (name.includes('geographical')) {
    write('address_form_fuzz', name, '{}' + NUL + text);
  } else {
    write('address_form_fuzz', name, text + NUL);
    write('validate_address_fuzz', name, text + NUL + JSON.stringify(sampleAddress(readJson(file))) + NUL + '{}');
  }
  write('parse_response_fuzz', name, text);
}
for (const file of [join(root, 'server/standin/data/customers.json')]) {
  write('parse_response_fuzz', 'customers', readFileSync(file, 'utf8'));
}
write('parse_response_fuzz', 'order', JSON.stringify({
  customerOrderReference: 'PO-1', technicalSiteName: 'site1', customerSiteLabel: 'Paris', country: 'FR', vpnId: 'vpn-1',
}));
write('parse_response_fuzz', 'api-error', '<html>502 Bad Gateway</html>');
// The real API's error list (several entries, integer codes) and the gateway's single object.
write('parse_response_fuzz', 'api-error-list', JSON.stringify([
  { code: 1102, message: 'Street unknown', description: 'Street name Rue X does not exist in 75001' },
  { code: 1103, message: 'House number out of range', description: 'hno 999 is above 120' }, 'Postal code unknown', null,
]));
write('parse_response_fuzz', 'api-error-gateway', JSON.stringify({ code: 42, message: 'Expired credentials', description: 'Expired' }));
// ParseJson against nlohmann's parser: every response seed, plus the corners of the grammar.
for (const [name, text] of [['dup-keys', '{"a":1,"a":2}'], ['huge-number', '[1e999]'], ['bom', '\uFEFF{"a":[]}'],
  ['trailing-comma', '[1,2,]'], ['comment', '{/* x */"a":1}'], ['escapes', '["\\u00e9\\ud83d\\ude00\\n"]'],
  ['bad-escape', '["\\x"]'], ['lone-surrogate', '["\\ud800"]'], ['numbers', '[-0,0.5e-3,18446744073709551616,-9223372036854775809]'],
  ['deep', '['.repeat(300) + ']'.repeat(300)], ['unclosed', '{"a":[1,{"b":']]) {
  write('parse_json_fuzz', name, text);
}
for (const file of [...jsonFiles(countryDir), ...jsonFiles(dataDir)]) {
  write('parse_json_fuzz', file.split('/').pop(), readFileSync(file, 'utf8'));
}
let i = 0;
for (const pattern of patterns) write('regex_fuzz', `pattern-${i++}`, pattern + NUL + '75001');

// Regression seeds: issue 9's reproducers.
const reg = (harness, name, text) => write(join('regressions', harness), name, text);
reg('regex_fuzz', 'compile-blowup-empty', '(?:(?:(?:){1000}){1000}){1000}' + NUL);
reg('regex_fuzz', 'compile-blowup-a0', '(?:(?:(?:a{0}){1000}){1000}){100}' + NUL + 'a');
reg('regex_fuzz', 'match-steps', '(?:.{0,999}){10}a' + NUL + 'x'.repeat(9000) + 'a');
const many = {};
for (let k = 0; k < 12000; k += 1) many[`e${k}`] = { usage: 'optional', valueRegexp: '(?:.{999}){19}' };
reg('address_form_fuzz', 'megabyte-of-patterns', JSON.stringify(many) + NUL);
reg('validate_address_fuzz', 'megabyte-of-patterns', JSON.stringify(many) + NUL + '{}' + NUL + '{}');
const heavy = {};
const heavyAddress = {};
for (let k = 1; k <= 10; k += 1) {
  heavy[`addrExtInfo${k}`] = { usage: 'optional', maxLength: 10000, valueRegexp: '(?:.{0,999}){10}a' };
  heavyAddress[`addrExtInfo${k}`] = 'x'.repeat(9000) + 'a';
}
reg('validate_address_fuzz', 'ten-heavy-fields', JSON.stringify(heavy) + NUL + JSON.stringify(heavyAddress) + NUL + '{}');
const fr = readFileSync(join(dataDir, 'fr_addressconstraints.json'), 'utf8');
reg('validate_address_fuzz', 'lone-surrogate', fr + NUL + '{"a6": "Rue \\ud800", "pc": "75006", "a3": "Paris"}' + NUL + '{}');
// The bytes Emscripten writes for a lone surrogate: ED A0 80.
reg('validate_address_fuzz', 'lone-surrogate-bytes', Buffer.concat([
  Buffer.from(fr + NUL + '{"a6": "Rue '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}' + NUL + '{}')]));
reg('regex_fuzz', 'blowup-as-constraint', '((a{1000}){1000}){1000}' + NUL + 'aaa');
