// The stand-in follows the real API's conventions (../shared notes, docs in README "API notes"):
// collections paged at 40 by default with offset/limit, X-Total-Count and X-Result-Count on every
// collection answer, a cap on limit, both headers exposed to cross-origin pages; errors as lists of
// { code: <integer>, message, description }, the gateway's 401s as one object with 40/41/42. And the
// bundled data holds lists longer than a page (customer 5150: 55 VPNs, 95 voicesites; BE: 102 areas).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStandIn } from '../../server/standin/index.js';
import { errorName } from './fixtures/standin/harness.js';

const ALL = 'standinFullKeyAllCustomers00000000000000';
const BASE = '/btalk/v1';

async function session(options = {}) {
  const standIn = createStandIn(options);
  const { accessToken } = await standIn.credentials()();
  const get = async (path, { key = ALL, headers = {} } = {}) => {
    const res = await standIn.fetch(`${BASE}${path}`, { headers: { Authorization: `Bearer ${accessToken}`, 'X-BT-API-KEY': key, ...headers } });
    return { status: res.status, headers: res.headers, body: await res.json() };
  };
  return { standIn, get };
}

const counts = (res) => [res.headers.get('x-total-count'), res.headers.get('x-result-count')];

test('a collection answers 40 items by default, the page asked for otherwise, with both headers', async () => {
  const { get } = await session();
  const first = await get('/customers/5150/vpns');
  assert.equal(first.status, 200);
  assert.equal(first.body.length, 40);
  assert.deepEqual(counts(first), ['55', '40']);
  const rest = await get('/customers/5150/vpns?offset=40&limit=100');
  assert.deepEqual(rest.body.map((v) => v.name), Array.from({ length: 15 }, (_, i) => `Initech VPN ${41 + i}`));
  assert.deepEqual(counts(rest), ['55', '15']);
  const past = await get('/customers/5150/vpns?offset=60');
  assert.deepEqual(past.body, []);
  assert.deepEqual(counts(past), ['55', '0']);
  const sites = await get('/voicesites?customerCode=5150&offset=90&limit=10');
  assert.deepEqual(sites.body.map((v) => v.technicalSiteName), ['INITECH_SITE_091', 'INITECH_SITE_092', 'INITECH_SITE_093', 'INITECH_SITE_094', 'INITECH_SITE_095']);
  assert.deepEqual(counts(sites), ['95', '5']);
  const areas = await get('/countries/BE/geoareas/area1?limit=1000');
  assert.deepEqual(counts(areas), ['102', '102']);
});

test('limit is capped (1000 by default, an option); bad paging parameters are refused', async () => {
  const { get } = await session({ paging: { defaultLimit: 10, maxLimit: 30 } });
  assert.deepEqual(counts(await get('/countries/BE/geoareas/area1')), ['102', '10']);
  assert.deepEqual(counts(await get('/countries/BE/geoareas/area1?limit=1000')), ['102', '30']);
  for (const query of ['limit=0', 'limit=-5', 'offset=x', 'limit=1.5', 'offset=-1']) {
    const res = await get(`/customers/5150/vpns?${query}`);
    assert.equal(res.status, 400, query);
    assert.equal(errorName(res.body), 'INVALID_PAGING');
  }
  assert.throws(() => createStandIn({ paging: { defaultLimit: 50, maxLimit: 10 } }), /paging/);
});

test('every collection carries both headers, X-Result-Count being the page\'s size', async () => {
  const { get } = await session();
  for (const path of [
    '/customers', '/customers/9999/vpns', '/countries', '/voicesites', '/customers/5150/voicesites',
    '/countries/CH/geoareas/area1', '/countries/CH/geoareas/area1/ZH/area2', '/countries/CH/dialzones',
    '/countries/FR/addresses?q=paris', '/countries/DE/addresses?a3=Berlin', '/countries/PT/postalcodes?q=1',
    '/countries/PT/parishes?a1=Lisboa&a2=Lisboa',
  ]) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.ok(Array.isArray(res.body), path);
    const [total, result] = counts(res);
    assert.equal(Number(result), res.body.length, path);
    assert.ok(Number(total) >= res.body.length, path);
  }
  // A document is not a collection: no paging headers.
  assert.deepEqual(counts(await get('/countries/FR')), [null, null]);
});

test('cross-origin pages may read the paging headers (Access-Control-Expose-Headers)', async () => {
  for (const corsOrigins of ['*', ['https://portal.example']]) {
    const { get } = await session({ corsOrigins });
    const res = await get('/customers', { headers: { Origin: 'https://portal.example' } });
    const exposed = res.headers.get('access-control-expose-headers').split(/,\s*/).map((h) => h.toLowerCase());
    for (const header of ['x-total-count', 'x-result-count', 'retry-after']) assert.ok(exposed.includes(header), `${header} in ${exposed}`);
  }
});

test('errors are lists of { code: integer, message, description }; the gateway\'s 401s one object with 40/41/42', async () => {
  const { standIn, get } = await session();
  const missing = await standIn.fetch(`${BASE}/me`);
  assert.equal(missing.status, 401);
  const gateway = await missing.json();
  assert.equal(errorName(gateway), 'MISSING_CREDENTIALS');
  assert.equal(gateway.code, 40);
  const invalid = await standIn.fetch(`${BASE}/me`, { headers: { Authorization: 'Bearer nope', 'X-BT-API-KEY': ALL } });
  assert.equal((await invalid.json()).code, 41);
  for (const [path, status, name] of [
    ['/nowhere', 404, 'NOT_FOUND'], ['/countries/ZZ', 404, 'COUNTRY_NOT_FOUND'], ['/customers/1234/vpns', 403, 'CUSTOMER_NOT_ALLOWED'],
    ['/countries/DE/addresses?q=berlin', 400, 'SEARCH_NOT_SUPPORTED'],
  ]) {
    const res = await get(path);
    assert.equal(res.status, status, path);
    assert.equal(errorName(res.body), name, path);
  }
  const { get: fresh } = await session();
  const injected = await fresh('/me', { headers: { 'X-Standin-Fail': '503' } });
  assert.equal(errorName(injected.body), 'SERVICE_UNAVAILABLE');
});

test('an expired token: the gateway\'s 42', async () => {
  let clock = Date.now();
  const standIn = createStandIn({ now: () => clock, tokenTtlSeconds: 60 });
  const { accessToken } = await standIn.credentials()();
  clock += 61_000;
  const res = await standIn.fetch(`${BASE}/me`, { headers: { Authorization: `Bearer ${accessToken}`, 'X-BT-API-KEY': ALL } });
  assert.equal(res.status, 401);
  assert.deepEqual(await res.json(), { code: 42, message: 'The access token has expired: request a new one.', description: 'The access token has expired: request a new one.' });
});

test('the guide\'s older conventions on request: whole lists without headers, errors as one object with a text code', async () => {
  const { get } = await session({ paging: false, errorShape: 'object' });
  const vpns = await get('/customers/5150/vpns');
  assert.equal(vpns.body.length, 55);
  assert.deepEqual(counts(vpns), [null, null]);
  const refused = await get('/countries/ZZ');
  assert.equal(refused.body.code, 'COUNTRY_NOT_FOUND');
  assert.equal(typeof refused.body.message, 'string');
  assert.throws(() => createStandIn({ errorShape: 'xml' }), /errorShape/);
});
