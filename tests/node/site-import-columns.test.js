// Column mapping of <btalk-site-import>: API names, aliases, the VPN by id, name or code, field labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeMapping, fieldForHeader, fieldLabel, proposeMapping, readRow, resolveVpn } from '../../web/components/site-import/columns.js';
import { importIdFor, referenceFor, stableHash } from '../../web/components/site-import/reference.js';

test('API names match whatever their case; aliases are proposed', () => {
  const FIELDS = {
    TechnicalSiteName: 'technicalSiteName', ADDREXTINFO10: 'addrExtInfo10', 'Postal code': 'pc', ZIP: 'pc',
    City: 'a3', Street: 'a6', 'Code postal': 'pc', 'Dial zone': 'dialZone', 'VPN name': 'vpnName', Notes: null,
  };
  for (const [header, field] of Object.entries(FIELDS)) assert.equal(fieldForHeader(header), field, header);
});

test('a mapping lists unmapped headers, missing site fields and gives a field to one header only', () => {
  const m = proposeMapping(['Site name', 'Label', 'Country', 'Zip', 'Postcode', 'Notes']);
  assert.deepEqual(m.columns, ['technicalSiteName', 'customerSiteLabel', 'country', 'pc', null, null]);
  assert.deepEqual(m.unmapped, ['Postcode', 'Notes']);
  assert.deepEqual(m.missing, ['vpnId']);
  const changed = describeMapping(m.headers, ['technicalSiteName', 'customerSiteLabel', 'country', 'pc', 'pc', 'vpnCode']);
  assert.deepEqual(changed.missing, []);
  assert.deepEqual(changed.duplicates, ['pc']);
});

test('readRow splits site fields, the VPN reference and the address, trimmed', () => {
  const row = readRow([' S1 ', 'fr', 'My VPN 1', '', '75015 '], ['technicalSiteName', 'country', 'vpnName', 'a6', 'pc']);
  assert.deepEqual(row, { site: { technicalSiteName: 'S1', country: 'FR' }, vpnRef: { by: 'name', value: 'My VPN 1' }, address: { pc: '75015' } });
});

test('the VPN may be given by id, name (any case) or code', () => {
  const vpns = [{ vpnId: 'aa1', name: 'My VPN 1', vpnCode: '1' }, { vpnId: 'bb2', name: 'My VPN 2', vpnCode: '2' }];
  assert.deepEqual(resolveVpn({ vpnId: 'bb2' }, null, vpns), { vpnId: 'bb2' });
  assert.deepEqual(resolveVpn({}, { by: 'name', value: 'my vpn 1' }, vpns), { vpnId: 'aa1' });
  assert.deepEqual(resolveVpn({}, { by: 'code', value: '2' }, vpns), { vpnId: 'bb2' });
  assert.deepEqual(resolveVpn({ vpnId: 'My VPN 2' }, null, vpns), { vpnId: 'bb2' });
  assert.deepEqual(resolveVpn({}, { by: 'name', value: 'Other' }, vpns), { problem: 'unknownVpn' });
});

test('references are deterministic, differ per site and per import, and keep a given one', () => {
  const site = { technicalSiteName: 'S1', customerSiteLabel: 'L', country: 'FR', vpnId: 'aa1' };
  const id = importIdFor('9999', [site]);
  assert.equal(id, importIdFor('9999', [site]));
  assert.notEqual(id, importIdFor('4242', [site]));
  const ref = referenceFor(site, id);
  assert.equal(ref, referenceFor({ ...site }, id));
  assert.match(ref, /^BTI-[0-9A-Z]{10}-[0-9A-Z]{13}$/);
  assert.ok(ref.length <= 64);
  assert.notEqual(ref, referenceFor({ ...site, technicalSiteName: 'S2' }, id));
  assert.notEqual(ref, referenceFor(site, 'other'));
  assert.equal(referenceFor({ ...site, customerOrderReference: 'PO-1' }, id), 'PO-1');
  assert.equal(importIdFor('9999', [site], 'batch-7'), 'batch-7');
  assert.equal(stableHash(''), stableHash(''));
  assert.notEqual(stableHash('a'), stableHash('b'));
});

test('a field\'s label: words for every field (issue 18), "Address element <code>" only without a text', () => {
  const t = (key, params) => (params ? `${key}:${JSON.stringify(params)}` : key);
  assert.equal(fieldLabel(t, 'pc'), 'field.address:{"name":"pc"}', 'no text of its own: the fallback');
  assert.equal(fieldLabel(t, 'addrExtInfo3'), 'field.addrExtInfo:{"n":"3"}');
  const words = { 'field.a6': 'Street name', 'field.addrExtInfo': 'Additional information {n}' };
  const tw = (key, params) => (words[key] ?? key).replace('{n}', params?.n ?? '');
  assert.equal(fieldLabel(tw, 'a6'), 'Street name');
  assert.equal(fieldLabel(tw, 'addrExtInfo3'), 'Additional information 3');
  assert.equal(fieldLabel(t, 'dialZone'), 'field.dialZone');
  assert.equal(fieldLabel(t, 'country'), 'field.country');
});
