// The API client end to end against the Business Talk stand-in (server/standin)
// over a real socket: OAuth token, headers, orders, voice addresses, faults.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BtalkApiError, BtalkClient } from '../../web/client.js';
import { loadCore } from '../../web/core.js';
import { createStandInServer } from '../../server/standin/server.js';
import { close, listen, requestToken } from './fixtures/standin/harness.js';
import { ERROR_CODES } from '../../server/standin/http.js';

const API_KEY = 'standinFullKeyMyCustomerOnly000000000000'; // bundled stand-in data: full rights on 9999
const READONLY_KEY = 'standinReadonlyKeyMyCustomer000000000000';
const CLIENT_ID = 'standin-client-id';
const CLIENT_SECRET = 'standin-client-secret-change-me';

let standIn;
let origin;
let core;

before(async () => {
  core = await loadCore();
  standIn = createStandInServer({ core, admin: true });
  origin = await listen(standIn.server);
});

after(async () => {
  if (standIn) await close(standIn.server);
});

/** What a portal back end would do: client credentials -> access token. Counts its calls. */
function oauthCredentials(apiKey = API_KEY) {
  const credentials = async () => {
    credentials.calls += 1;
    const response = await requestToken(origin, CLIENT_ID, CLIENT_SECRET);
    const { access_token: accessToken } = await response.json();
    return { accessToken, apiKey };
  };
  credentials.calls = 0;
  return credentials;
}

function client(options = {}) {
  return new BtalkClient({ baseUrl: `${origin}/btalk/v1/`, credentials: oauthCredentials(), core, ...options });
}

test('orders a voicesite and gives it an address found by search, end to end', async () => {
  await standIn.reset();
  const api = client();
  assert.deepEqual(await api.me(), { rightsProfile: 'full', canOrder: true });
  const [customer] = await api.customers();
  assert.equal(customer.customerCode, '9999');
  const [vpn] = await api.vpns(customer.customerCode);
  const france = await api.country('fr');
  assert.equal(france.covered, true);

  const order = {
    customerOrderReference: `client-e2e-${Date.now()}`, technicalSiteName: 'CLIENT_E2E_PARIS',
    customerSiteLabel: 'Client end-to-end test, Paris', country: 'FR', vpnId: vpn.vpnId,
  };
  // Two clicks on "Order": one request, one voicesite.
  const [created, again] = await Promise.all([api.orderVoicesite('9999', order), api.orderVoicesite('9999', order)]);
  assert.equal(created.status, 'completed');
  assert.equal(typeof created.voiceSiteId, 'string');
  assert.deepEqual(again, created);
  // After it settled, the same order again is a new order (no de-duplication): its name is taken.
  await assert.rejects(api.orderVoicesite('9999', order), (error) => error.status === 409);
  const sites = (await api.voicesites()).filter((s) => s.technicalSiteName === 'CLIENT_E2E_PARIS');
  assert.equal(sites.length, 1);
  assert.equal(sites[0].hasVoiceAddress, false);
  assert.equal(await api.getVoiceAddress('9999', created.voiceSiteId), null);

  const { form } = await api.countryForm('FR');
  assert.ok(form.fields.some((f) => f.name === 'pc'));
  const [candidate] = await api.searchAddresses('FR', 'olivier de serres');
  assert.equal(candidate.address.pc, '75015');
  const saved = await api.pushVoiceAddress('9999', created.voiceSiteId, candidate.address);
  assert.equal(saved.voiceSiteId, created.voiceSiteId);
  assert.deepEqual(saved.voiceAddress, candidate.address);
  assert.deepEqual(await api.getVoiceAddress('9999', created.voiceSiteId), candidate.address);
  assert.equal((await api.voicesites()).find((s) => s.voiceSiteId === created.voiceSiteId).hasVoiceAddress, true);
});

test('an address the API refuses comes back with its problems', async () => {
  const api = client();
  const [vpn] = await api.vpns('9999');
  const created = await api.orderVoicesite('9999', {
    customerOrderReference: `client-e2e-bad-${Date.now()}`, technicalSiteName: `CLIENT_E2E_BAD_${Date.now()}`,
    customerSiteLabel: 'Bad address', country: 'FR', vpnId: vpn.vpnId,
  });
  const error = await api.pushVoiceAddress('9999', created.voiceSiteId, { a3: 'Paris', pc: 'not a postcode' }).catch((e) => e);
  assert.ok(error instanceof BtalkApiError);
  assert.equal(error.status, 400);
  assert.equal(error.code, 'badRequest');
  assert.equal(error.apiCode, ERROR_CODES.INVALID_ADDRESS);
  assert.ok(error.problems.some((p) => p.field === 'pc'), JSON.stringify(error.problems));
});

test('a manual dial zone country loads constraints, geo areas and dial zones', async () => {
  const api = client();
  const result = await api.countryForm('CH');
  assert.equal(result.form.dialZone, 'manual');
  assert.ok(result.dialZones.some((z) => z.value === '022'));
  const cantons = await api.geoAreas('CH');
  assert.ok(cantons.some((a) => a.value === 'ZH'));
  const cities = await api.geoAreas('CH', ['ZH']);
  assert.ok(cities.some((a) => a.value === 'Zürich'));
  assert.equal(await api.geographicalConstraints('FR').then((g) => g.dialZoneSelection), 'automatic');
});

test('full address validation finds the canonical address (validation-only country)', async () => {
  const api = client();
  const [match] = await api.validateAddressCandidates('DE', { a6: 'platz der republik', hno: '1', a3: 'berlin' });
  assert.equal(match.address.a6, 'Platz der Republik');
  assert.equal(match.address.pc, '11011');
  assert.deepEqual(await api.validateAddressCandidates('DE', { a6: 'Nowhere Street', hno: '999' }), []);
});

test('Portugal: a postal code fills a1..a3, its parishes are listed, and the address is accepted', async () => {
  const api = client();
  const codes = await api.postalCodes('PT', '1495');
  const alges = codes.find((c) => c.value === '1495-063');
  assert.deepEqual(alges.address, { pc: '1495-063', a1: 'Lisboa', a2: 'Oeiras', a3: 'Algés' });
  assert.ok((await api.postalCodes('PT', 'porto')).some((c) => c.address.a3 === 'Porto'));
  const parishes = await api.parishes('PT', { a1: alges.address.a1, a2: alges.address.a2 });
  assert.ok(parishes.length > 0);
  assert.ok(parishes.every((p) => typeof p.value === 'string' && typeof p.display === 'string'));
  // The address built from those answers passes the stand-in's (the core's) validation.
  const order = await api.orderVoicesite('9999', {
    customerOrderReference: `pt-${Date.now()}`, technicalSiteName: `PT-LOOKUP-${Date.now()}`,
    customerSiteLabel: 'Lisbon office', country: 'PT', vpnId: (await api.vpns('9999'))[0].vpnId,
  });
  const address = { a6: 'Rua Direita', hno: '12', ...alges.address, a4: parishes[0].value };
  const saved = await api.pushVoiceAddress('9999', order.voiceSiteId, address);
  assert.deepEqual(saved.voiceAddress, address);
  // Countries without the look-ups: [] by default, a 404 when asked to tell.
  assert.deepEqual(await api.postalCodes('FR', '7500'), []);
  const error = await api.parishes('FR', { a1: 'x', a2: 'y' }, { notFound: 'error' }).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(error.status, 404);
  assert.equal(error.code, 'notFound');
  assert.equal(error.apiCode, ERROR_CODES.PARISHES_NOT_AVAILABLE);
});

test('an expired token is replaced once, transparently', async () => {
  const credentials = oauthCredentials();
  const api = client({ credentials });
  await api.me();
  assert.equal(credentials.calls, 1);
  const expired = await fetch(`${origin}/__standin/tokens/expire`, { method: 'POST' });
  assert.equal(expired.status, 200);
  assert.equal((await api.customers())[0].customerCode, '9999');
  assert.equal(credentials.calls, 2);
});

test('a readonly key cannot order: 403 with the API code, no key in the error', async () => {
  const api = client({ credentials: oauthCredentials(READONLY_KEY) });
  const error = await api.orderVoicesite('9999', {
    customerOrderReference: 'readonly-attempt', technicalSiteName: 'READONLY', customerSiteLabel: 'x', country: 'FR', vpnId: 'aa76e66dfc63',
  }).catch((e) => e);
  assert.equal(error.status, 403);
  assert.equal(error.code, 'forbidden');
  assert.equal(error.apiCode, ERROR_CODES.READONLY_API_KEY);
  assert.ok(!JSON.stringify(error).includes(READONLY_KEY));
});

test('injected 429 is waited out (Retry-After) and truncated JSON is reported', async () => {
  const sleeps = [];
  // The injected sleep records the wait and lifts the fault, so the retry meets a healthy API.
  const sleep = async (ms) => { sleeps.push(ms); standIn.faults = {}; };
  const api = client({ sleep });
  standIn.faults = { failRate: 1, failStatus: 429, retryAfterSeconds: 2 };
  try {
    assert.equal((await api.me()).rightsProfile, 'full');
    assert.deepEqual(sleeps, [2000]);
    standIn.faults = { malformedRate: 1 };
    const error = await api.customers().catch((e) => e);
    assert.equal(error.code, 'malformedResponse');
  } finally {
    standIn.faults = {};
  }
});
