// The client split (issue 7): BtalkAddressClient holds the address look-ups only and parses with the
// address core; BtalkClient is the same client plus customers, VPNs, voicesites and orders, on the full
// core. Checked end to end against the stand-in, in a process where nothing else loaded a shared core.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BtalkAddressClient } from '../../web/address-client.js';
import { BtalkApiError, BtalkClient, BtalkAddressClient as Reexported } from '../../web/client.js';
import * as entry from '../../web/index.js';
import { loadCore } from '../../web/core.js';
import { createStandInServer } from '../../server/standin/server.js';
import { close, listen, requestToken } from './fixtures/standin/harness.js';

const API_KEY = 'standinFullKeyMyCustomerOnly000000000000'; // bundled stand-in data: full rights
const credentials = async () => {
  const response = await requestToken(origin, 'standin-client-id', 'standin-client-secret-change-me');
  return { accessToken: (await response.json()).access_token, apiKey: API_KEY };
};

const ORDER_METHODS = ['me', 'customers', 'vpns', 'countries', 'voicesites', 'orderVoicesite'];
const ADDRESS_METHODS = ['country', 'addressConstraints', 'geographicalConstraints', 'geoAreas', 'dialZones',
  'searchAddresses', 'validateAddressCandidates', 'postalCodes', 'parishes', 'pushVoiceAddress', 'getVoiceAddress',
  'countryForm', 'addressServices', 'addressLookup', 'core', 'clearCache'];

let standIn;
let origin;

before(async () => {
  // The stand-in's own core instance (an override): the shared full core stays unloaded.
  const bytes = readFileSync(new URL('../../dist/btalk-core.wasm', import.meta.url));
  standIn = createStandInServer({ core: await loadCore({ wasmBinary: bytes }), admin: true });
  origin = await listen(standIn.server);
});

after(async () => {
  if (standIn) await close(standIn.server);
});

test('BtalkAddressClient has the address methods only; BtalkClient is one, plus the order methods', async () => {
  assert.equal(Reexported, BtalkAddressClient);
  assert.equal(entry.BtalkAddressClient, BtalkAddressClient);
  for (const name of ADDRESS_METHODS) assert.equal(typeof BtalkAddressClient.prototype[name], 'function', name);
  for (const name of ORDER_METHODS) {
    assert.equal(BtalkAddressClient.prototype[name], undefined, name);
    assert.equal(typeof BtalkClient.prototype[name], 'function', name);
  }
  assert.ok(new BtalkClient() instanceof BtalkAddressClient);
  // Each names itself in its argument errors.
  assert.throws(() => new BtalkAddressClient({ timeoutMs: 0 }), /^TypeError: BtalkAddressClient: timeoutMs/);
  assert.throws(() => new BtalkClient({ retries: -1 }), /^TypeError: BtalkClient: retries/);
  // An order method borrowed onto something that is not a client fails plainly.
  await assert.rejects(BtalkClient.prototype.me.call({}), /Not a btalk-forms API client/);
});

test('an address client alone uses the address core, and serves a whole country form from the stand-in', async () => {
  const client = new BtalkAddressClient({ baseUrl: `${origin}/btalk/v1`, credentials });
  const core = await client.core();
  assert.equal(core.variant, 'address');
  const form = await client.countryForm('FR');
  assert.equal(form.country.iso2, 'FR');
  assert.ok(form.form.fields.some((field) => field.name === 'pc'));
  const areas = await client.searchAddresses('FR', 'rue');
  assert.ok(areas.length > 0);
  assert.deepEqual(areas, await new BtalkClient({ baseUrl: `${origin}/btalk/v1`, credentials }).searchAddresses('FR', 'rue'));
  // API errors are parsed by the address core (apiError is one of its kinds).
  const error = await client.country('ZZ').catch((e) => e);
  assert.ok(error instanceof BtalkApiError);
  assert.equal(error.status, 404);
});

test('addressLookup: any look-up path, read by the core\'s existing kinds; a 404 rejects; blank asks nothing', async () => {
  const requests = [];
  const fetchSpy = (url, init) => {
    requests.push(String(url));
    return fetch(url, init);
  };
  const client = new BtalkAddressClient({ baseUrl: `${origin}/btalk/v1`, credentials, fetch: fetchSpy });
  const PT = JSON.parse(readFileSync(new URL('../../server/standin/data/countries/PT.json', import.meta.url), 'utf8'));
  const code = PT.postalCodes.find((c) => PT.parishes.some((p) => p.a1 === c.a1 && p.a2 === c.a2));
  // The same answers as the dedicated methods, through the one generic path.
  assert.deepEqual(await client.addressLookup('FR', 'addresses', { q: ' rue ' }), await client.searchAddresses('FR', 'rue'));
  const codes = await client.addressLookup('pt', 'postalcodes', { q: code.value }, { kind: 'postalCodes', cache: true });
  assert.deepEqual(codes, await client.postalCodes('PT', code.value));
  assert.deepEqual(codes[0].address, { pc: code.value, a1: code.a1, a2: code.a2, a3: code.a3 });
  const parishes = await client.addressLookup('PT', 'parishes', { a1: code.a1, a2: code.a2 }, { kind: 'choices' });
  assert.deepEqual(parishes, await client.parishes('PT', { a1: code.a1, a2: code.a2 }));
  // Cached per URL when asked.
  const before = requests.length;
  await client.addressLookup('PT', 'postalcodes', { q: code.value }, { kind: 'postalCodes', cache: true });
  assert.equal(requests.length, before);
  // A country without the API: a 404, as an error a caller can tell from "no match".
  const missing = await client.addressLookup('CH', 'addresses', { q: 'Bahnhof' }).catch((e) => e);
  assert.ok(missing instanceof BtalkApiError);
  assert.equal(missing.status, 404);
  // Blank values are left out; none left: nothing is sent.
  const count = requests.length;
  assert.deepEqual(await client.addressLookup('FR', 'addresses', { q: '  ', a6: null }), []);
  assert.equal(requests.length, count);
  // What could leave its place in the URL, or be read by a kind the address core does not have, is refused.
  for (const [path, query, options] of [['../customers', { q: 'x' }], ['addresses?x=1', { q: 'x' }], ['addresses', { 'q&x': 'y' }],
    ['addresses', { q: { nested: 1 } }], ['addresses', 'q=x'], ['addresses', { q: 'x'.repeat(501) }],
    ['addresses', { q: 'x' }, { kind: 'orderResponse' }]]) {
    await assert.rejects(client.addressLookup('FR', path, query, options), (e) => e.code === 'invalidArgument', `${path} ${JSON.stringify(query)}`);
  }
  assert.equal(requests.length, count);
});

test('BtalkClient uses the full core, and then address clients share it (one wasm)', async () => {
  const client = new BtalkClient({ baseUrl: `${origin}/btalk/v1`, credentials });
  const full = await client.core();
  assert.equal(full.variant, 'full');
  assert.equal(full, await loadCore());
  assert.equal(await new BtalkAddressClient().core(), full);
  const countries = await client.countries();
  assert.ok(countries.some((c) => c.iso2 === 'FR'));
});
