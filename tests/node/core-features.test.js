// Normalisation, format hints, PIDF-LO export and postal lines through the
// wasm core's JS API (issues 10 and 11). The XML goes through a real parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { loadCore, BtalkCoreError } from '../../web/index.js';

const core = await loadCore();
const countriesDir = new URL('../../server/standin/data/countries/', import.meta.url);
const country = (iso2) => JSON.parse(readFileSync(new URL(`${iso2}.json`, countriesDir), 'utf8'));
const TABLE = 'AT AU BE BL CH CZ DE DK ES FI FR GB GF GP HK IE IT LU MF MQ NL NO NZ PL PT RE SE SJ US YT'.split(' ');

const CIVIC = 'urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr';
const PIDF = 'urn:ietf:params:xml:ns:pidf';
const GP = 'urn:ietf:params:xml:ns:pidf:geopriv10';
const GBP = 'urn:ietf:params:xml:ns:pidf:geopriv10:basicPolicy';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Parses strictly: any warning or error of the parser fails the test. */
function parseXml(text) {
  const parser = new DOMParser({
    onError: (level, message) => { throw new Error(`XML ${level}: ${message}`); },
  });
  return parser.parseFromString(text, 'application/xml');
}
const children = (element) => Array.from(element.childNodes).filter((n) => n.nodeType === 1);
const civicFields = (civicElement) => Object.fromEntries(children(civicElement).map((e) => [e.localName, e.textContent]));

test('normalizeAddress: trims, upper-cases, matches enumerations and says what changed', () => {
  const gb = country('GB').addressConstraints;
  const result = core.normalizeAddress(gb, { pc: ' sw1a  2aa ', a3: 'London', hno: 10 });
  assert.deepEqual(result.address, { pc: 'SW1A 2AA', a3: 'London', hno: 10 });
  assert.deepEqual(result.changes, [
    { field: 'pc', from: ' sw1a  2aa ', to: 'sw1a 2aa', rule: 'whitespace' },
    { field: 'pc', from: 'sw1a 2aa', to: 'SW1A 2AA', rule: 'upperCase' },
  ]);
  const at = country('AT').addressConstraints;
  assert.equal(core.normalizeAddress(at, { a1: 'karnten' }).address.a1, '2');
  assert.equal(core.normalizeAddress(country('US').addressConstraints, { a1: 'district of columbia' }).address.a1, 'DC');
  assert.deepEqual(core.normalizeAddress(gb, {}).changes, []);
  assert.throws(() => core.normalizeAddress('{', {}), (e) => e instanceof BtalkCoreError && e.code === 'invalidJson');
});

test('formatExample: every sample of every stand-in pattern passes its own pattern', () => {
  let patterns = 0;
  let samples = 0;
  for (const file of readdirSync(countriesDir).filter((f) => f.endsWith('.json'))) {
    const constraints = JSON.parse(readFileSync(new URL(file, countriesDir), 'utf8')).addressConstraints;
    for (const [name, rule] of Object.entries(constraints)) {
      if (!rule.valueRegexp) continue;
      patterns += 1;
      const hint = core.formatExample(rule.valueRegexp);
      if (hint === null) continue;
      samples += 1;
      const schema = { x: { valueType: 'freestring', valueRegexp: rule.valueRegexp } };
      assert.deepEqual(core.validateAddress(schema, { x: hint.example }).problems, [],
        `${file} ${name}: ${rule.valueRegexp} accepts ${hint.example}`);
      assert.equal(hint.format === '', hint.legend === '', `${file} ${name}: a format comes with its legend`);
    }
  }
  console.info(`# ${patterns} patterns, ${samples} with a sample`);
  assert.ok(samples >= patterns / 2);
  assert.deepEqual(core.formatExample('^[1-9][0-9]{3} ?[A-Z]{2}$'),
    { format: '9999 AA', example: '1234 AB', legend: '9 = digit, A = capital letter' });
  assert.equal(core.formatExample('^[A-Za-z ]+$'), null);
  assert.equal(core.formatExample('(a{1000}){1000}'), null);
  assert.throws(() => core.formatExample(5), (e) => e instanceof BtalkCoreError && e.code === 'invalidInput');
});

test('a patternMismatch problem carries the format and the example', () => {
  const nl = country('NL').addressConstraints;
  const { problems } = core.validateAddress(nl, { ...country('NL').sampleAddress, pc: '1012-RJ' });
  assert.deepEqual(problems.map((p) => [p.field, p.code, p.format, p.example]),
    [['pc', 'patternMismatch', '9999 AA', '1234 AB']]);
  assert.match(problems[0].message, /expected format: 9999 AA \(for example 1234 AB\)$/);
});

test('toCivicAddressXml: every table country sample parses back to the same values', () => {
  for (const iso2 of TABLE) {
    const sample = country(iso2).sampleAddress;
    const xml = core.toCivicAddressXml(sample, { country: iso2, lang: 'en' });
    const root = parseXml(xml).documentElement;
    assert.equal(root.localName, 'civicAddress');
    assert.equal(root.namespaceURI, CIVIC);
    assert.equal(root.getAttributeNS(XML_NS, 'lang'), 'en');
    const fields = civicFields(root);
    assert.equal(fields.country, iso2);
    for (const [name, value] of Object.entries(sample)) {
      if (name.startsWith('addrExtInfo')) assert.ok(!xml.includes(name), `${iso2}: ${name} is not exported`);
      else assert.equal(fields[name.toUpperCase()], value, `${iso2} ${name}`);
    }
  }
});

test('toCivicAddressXml: hostile text round-trips escaped, controls are refused', () => {
  const nasty = `<script>alert("x")</script> & 'y' ]]> &amp;`;
  const xml = core.toCivicAddressXml({ a6: nasty, a3: 'Zürich' }, { country: 'ch' });
  const fields = civicFields(parseXml(xml).documentElement);
  assert.equal(fields.A6, nasty);
  assert.equal(fields.A3, 'Zürich');
  assert.equal(fields.country, 'CH');
  assert.ok(!xml.includes('<script>'));
  for (const bad of ['a\u0000b', 'a\u0007', '\u001b[31m', '\u009f', '\uffff']) {
    assert.throws(() => core.toCivicAddressXml({ a6: bad }, { country: 'FR' }),
      (e) => e instanceof BtalkCoreError && e.code === 'invalidText' && /"a6"/.test(e.message), JSON.stringify(bad));
  }
  assert.throws(() => core.toCivicAddressXml({ a6: '\ud800' }, { country: 'FR' }), BtalkCoreError);
  assert.throws(() => core.toCivicAddressXml({ a6: 'x'.repeat(2000) }, { country: 'FR' }), BtalkCoreError);
  assert.throws(() => core.toCivicAddressXml({}, { country: 'France' }), (e) => e.code === 'invalidOptions');
  assert.throws(() => core.toCivicAddressXml({}, { country: 'FR', lang: 'fr"><x' }), (e) => e.code === 'invalidOptions');
  assert.throws(() => core.toCivicAddressXml({}), (e) => e.code === 'invalidOptions');
});

test('toPidfLo: a full PIDF-LO document for every table country', () => {
  for (const iso2 of TABLE) {
    const sample = country(iso2).sampleAddress;
    const xml = core.toPidfLo(sample, {
      country: iso2, lang: 'en', entity: `pres:site-${iso2}@example.com`, timestamp: '2026-12-01T09:00:00Z',
    });
    const doc = parseXml(xml);
    const presence = doc.documentElement;
    assert.equal(presence.localName, 'presence');
    assert.equal(presence.namespaceURI, PIDF);
    assert.equal(presence.getAttribute('entity'), `pres:site-${iso2}@example.com`);
    const [tuple] = children(presence);
    assert.equal(tuple.localName, 'tuple');
    assert.deepEqual(children(tuple).map((e) => e.localName), ['status', 'timestamp']);
    const [geopriv] = children(children(tuple)[0]);
    assert.equal(geopriv.namespaceURI, GP);
    assert.deepEqual(children(geopriv).map((e) => `${e.namespaceURI === GP ? 'gp' : '?'}:${e.localName}`),
      ['gp:location-info', 'gp:usage-rules', 'gp:method']);
    const [locationInfo, usageRules] = children(geopriv);
    const [civic] = children(locationInfo);
    assert.equal(civic.namespaceURI, CIVIC);
    const fields = civicFields(civic);
    assert.equal(fields.country, iso2);
    for (const [name, value] of Object.entries(sample)) {
      if (!name.startsWith('addrExtInfo')) assert.equal(fields[name.toUpperCase()], value, `${iso2} ${name}`);
    }
    const [retransmission] = children(usageRules);
    assert.equal(retransmission.namespaceURI, GBP);
    assert.equal(retransmission.textContent, 'false');
  }
  assert.throws(() => core.toPidfLo({}, { country: 'FR' }), (e) => e.code === 'invalidOptions');
  assert.throws(() => core.toPidfLo({}, { country: 'FR', entity: 'pres:a b' }), (e) => e.code === 'invalidOptions');
  assert.throws(() => core.toPidfLo({}, { country: 'FR', entity: 'pres:a@b', timestamp: 'yesterday' }),
    (e) => e.code === 'invalidOptions');
});

test('formatAddress: conventional lines for FR and US, and for every table country', () => {
  assert.deepEqual(core.formatAddress({ hno: '78', a6: 'Rue de Vaugirard', pc: '75015', a3: 'Paris' }, { country: 'FR' }),
    ['78 Rue de Vaugirard', '75015 Paris']);
  assert.deepEqual(core.formatAddress({ hno: '1600', a6: 'Pennsylvania', sts: 'AVE', pod: 'NW', a3: 'Washington',
    a1: 'DC', pc: '20500' }, { country: 'US' }), ['1600 Pennsylvania AVE NW', 'Washington, DC 20500']);
  const hk = country('HK');
  assert.deepEqual(core.formatAddress(hk.sampleAddress, { country: 'HK', constraints: hk.addressConstraints }),
    ['International Commerce Centre', '1 Austin Road West', 'Yau Tsim Mong', 'Kowloon']);
  for (const iso2 of TABLE) {
    const data = country(iso2);
    const lines = core.formatAddress(data.sampleAddress, { country: iso2, constraints: data.addressConstraints });
    assert.ok(lines.length >= 2, `${iso2}: ${lines}`);
    const text = lines.join('\n');
    for (const name of ['a6', 'a3', 'pc']) {
      if (data.sampleAddress[name]) assert.ok(text.includes(data.sampleAddress[name]), `${iso2} ${name}: ${text}`);
    }
  }
  assert.deepEqual(core.formatAddress({ a3: 'Toronto', a1: 'ON', pc: 'M5H 2N2' }), ['Toronto ON M5H 2N2']);
  assert.throws(() => core.formatAddress({}, { constraints: 5 }), BtalkCoreError);
  assert.throws(() => core.formatAddress('[[[['), (e) => e.code === 'invalidJson');
});
