// Unit tests of the API client (web/client.js) against a scripted fake fetch:
// every request is recorded, every answer is chosen by the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BtalkApiError, BtalkClient, parseRetryAfter } from '../../web/client.js';
import { loadCore } from '../../web/core.js';
import { MANUAL_DIAL_ZONE } from '../../web/http/client-common.js';

const WASM = fileURLToPath(new URL('../../dist/btalk-core.wasm', import.meta.url));
const BASE = 'https://api.example.test/btalk/v1';
const API_KEY = 'k'.repeat(20) + 'SECRETKEY'.padEnd(20, 'z'); // 40 characters
const TOKEN = 'tok-SECRET-0123456789abcdef';

// ---------------------------------------------------------------- helpers

let corePromise = null;
/** The real wasm core: `npm run build` first (dist/btalk-core.wasm). */
function core() {
  if (!existsSync(WASM)) throw new Error('dist/btalk-core.wasm is missing: run `npm run build` first');
  corePromise ??= loadCore();
  return corePromise;
}

const json = (status, body, headers = {}) => new Response(body === undefined ? null : JSON.stringify(body), {
  status, headers: { 'Content-Type': 'application/json', ...headers },
});
const text = (status, body, headers = {}) => new Response(body, { status, headers });
/** A collection as the API answers it when one page holds it all: the items and X-Total-Count. */
const listOf = (items) => json(200, items, { 'X-Total-Count': String(items.length), 'X-Result-Count': String(items.length) });
/** A call's path without its query (collections add ?offset=&limit=). */
const bare = (call) => call.path.split('?')[0];

/**
 * A fake fetch: `route(request, index)` returns a Response (or a promise of one), or throws.
 * `calls` records { method, url, path, headers, body } for every request.
 */
function fakeFetch(route) {
  const calls = [];
  const fetch = async (url, init = {}) => {
    const headers = Object.fromEntries(Object.entries(init.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const request = {
      method: init.method ?? 'GET', url: String(url), path: String(url).replace(BASE, ''),
      headers, body: init.body, signal: init.signal,
    };
    calls.push(request);
    return route(request, calls.length - 1);
  };
  fetch.calls = calls;
  return fetch;
}

/** Answers each request with the next item of `answers` (a Response, an Error to throw, or a function). */
function sequence(...answers) {
  return fakeFetch((request, index) => {
    const answer = answers[Math.min(index, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer(request) : answer.clone();
  });
}

function recordingSleep() {
  const sleeps = [];
  const sleep = async (ms) => { sleeps.push(ms); };
  sleep.sleeps = sleeps;
  return sleep;
}

async function makeClient(options = {}) {
  return new BtalkClient({ baseUrl: BASE, core: await core(), sleep: recordingSleep(), random: () => 0, ...options });
}

function directCredentials(values = [{ accessToken: TOKEN, apiKey: API_KEY }]) {
  let calls = 0;
  const credentials = async () => {
    const value = values[Math.min(calls, values.length - 1)];
    calls += 1;
    return value;
  };
  Object.defineProperty(credentials, 'calls', { get: () => calls });
  return credentials;
}

/** Asserts that no secret appears anywhere an error could be shown or logged. */
function assertNoSecrets(error, ...secrets) {
  const views = [String(error), error.message, JSON.stringify(error), error.stack ?? '', JSON.stringify(error.body)];
  for (const view of views) {
    for (const secret of secrets) assert.ok(!view.includes(secret), `secret leaked into: ${view}`);
  }
}

const ORDER = {
  customerOrderReference: 'order-1', technicalSiteName: 'MY_VOICESITE', customerSiteLabel: 'My Voicesite in France',
  country: 'FR', vpnId: 'aa76e66dfc63',
};
const ORDER_ANSWER = {
  orderId: 'o-1', customerOrderReference: 'order-1', productReference: 'voicesite', status: 'completed',
  creationDate: '2026-01-01T00:00:00Z', parameters: { ...ORDER, customerOrderReference: undefined }, voiceSiteId: 'vs-1',
};

// ---------------------------------------------------------------- credentials and headers

test('proxy mode (no credentials) sends no auth header', async () => {
  const fetch = sequence(json(200, { rightsProfile: 'full' }));
  const client = await makeClient({ fetch });
  const me = await client.me();
  assert.equal(me.rightsProfile, 'full');
  assert.equal(me.canOrder, true);
  assert.equal(fetch.calls.length, 1);
  const [call] = fetch.calls;
  assert.equal(call.url, `${BASE}/me`);
  assert.equal(call.method, 'GET');
  assert.equal(call.headers.authorization, undefined);
  assert.equal(call.headers['x-bt-api-key'], undefined);
  assert.equal(call.headers.accept, 'application/json');
});

test('direct mode sends Bearer token and API key as headers, asks for credentials once', async () => {
  const fetch = sequence(json(200, { rightsProfile: 'readonly' }), listOf([{ customerCode: 9999, name: 'My Customer' }]));
  const credentials = directCredentials();
  const client = await makeClient({ fetch, credentials });
  assert.equal((await client.me()).canOrder, false);
  const customers = await client.customers();
  assert.equal(customers[0].customerCode, '9999');
  assert.equal(credentials.calls, 1);
  for (const call of fetch.calls) {
    assert.equal(call.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(call.headers['x-bt-api-key'], API_KEY);
    assert.ok(!call.url.includes(API_KEY) && !call.url.includes(TOKEN));
  }
});

test('an API key that is not 40 characters is refused before anything is sent', async () => {
  const fetch = sequence(json(200, {}));
  const shortKey = 'SHORTSECRETKEY'.repeat(2);
  const client = await makeClient({ fetch, credentials: async () => ({ accessToken: TOKEN, apiKey: shortKey }) });
  const error = await client.me().then(() => assert.fail('no error'), (e) => e);
  assert.ok(error instanceof BtalkApiError);
  assert.equal(error.name, 'BtalkApiError');
  assert.equal(error.code, 'invalidCredentials');
  assert.equal(error.status, 0);
  assert.equal(fetch.calls.length, 0);
  assertNoSecrets(error, shortKey, TOKEN);
});

test('a header-breaking token is refused without echoing it', async () => {
  const fetch = sequence(json(200, {}));
  const badToken = 'abc\r\nX-Evil: SECRET';
  const client = await makeClient({ fetch, credentials: async () => ({ accessToken: badToken, apiKey: API_KEY }) });
  const error = await client.me().catch((e) => e);
  assert.equal(error.code, 'invalidCredentials');
  assert.equal(fetch.calls.length, 0);
  assertNoSecrets(error, badToken, API_KEY);
});

test('a failing credentials function gives credentialsUnavailable and is asked again next time', async () => {
  let calls = 0;
  const credentials = async () => {
    calls += 1;
    if (calls === 1) throw new Error(`vault said no for ${API_KEY}`);
    return { accessToken: TOKEN, apiKey: API_KEY };
  };
  const fetch = sequence(json(200, { rightsProfile: 'full' }));
  const client = await makeClient({ fetch, credentials });
  const error = await client.me().catch((e) => e);
  assert.equal(error.code, 'credentialsUnavailable');
  assertNoSecrets(error, API_KEY);
  assert.equal(fetch.calls.length, 0);
  assert.equal((await client.me()).rightsProfile, 'full');
  assert.equal(calls, 2);
});

test('a 401 fetches fresh credentials and retries once', async () => {
  const fresh = { accessToken: 'fresh-token-000000000000', apiKey: 'F'.repeat(40) };
  const credentials = directCredentials([{ accessToken: TOKEN, apiKey: API_KEY }, fresh]);
  const fetch = sequence(json(401, { code: 'EXPIRED_CREDENTIALS', message: 'The access token has expired.' }),
    json(200, { rightsProfile: 'full' }));
  const client = await makeClient({ fetch, credentials });
  assert.equal((await client.me()).rightsProfile, 'full');
  assert.equal(credentials.calls, 2);
  assert.equal(fetch.calls.length, 2);
  assert.equal(fetch.calls[0].headers.authorization, `Bearer ${TOKEN}`);
  assert.equal(fetch.calls[1].headers.authorization, `Bearer ${fresh.accessToken}`);
  assert.equal(fetch.calls[1].headers['x-bt-api-key'], fresh.apiKey);
  // The fresh credentials are kept for later requests.
  await client.customers().catch(() => {});
  assert.equal(credentials.calls, 2);
});

test('a second 401 is an error, with no secret in it even when the API echoes one', async () => {
  const credentials = directCredentials();
  const fetch = sequence(json(401, { code: 'INVALID_API_KEY', message: `The key ${API_KEY} is not valid for token ${TOKEN}.` }));
  const client = await makeClient({ fetch, credentials });
  const error = await client.me().catch((e) => e);
  assert.ok(error instanceof BtalkApiError);
  assert.equal(error.status, 401);
  assert.equal(error.code, 'INVALID_API_KEY');
  assert.equal(error.message, 'The Business Talk API refused the credentials (401).');
  assert.equal(error.url, '/me');
  assert.equal(fetch.calls.length, 2);
  assert.equal(credentials.calls, 2);
  assertNoSecrets(error, API_KEY, TOKEN);
  assert.match(error.body.message, /\[redacted\]/);
});

test('in proxy mode a 401 is an error at once (nothing to refresh)', async () => {
  const fetch = sequence(json(401, { code: 'MISSING_CREDENTIALS', message: 'An Authorization: Bearer token is required.' }));
  const client = await makeClient({ fetch });
  const error = await client.me().catch((e) => e);
  assert.equal(error.status, 401);
  assert.equal(fetch.calls.length, 1);
});

test('concurrent 401s share one credentials refresh', async () => {
  const credentials = directCredentials([{ accessToken: TOKEN, apiKey: API_KEY }, { accessToken: 'second-token-xxxxxxxx', apiKey: API_KEY }]);
  const fetch = fakeFetch((request) => (request.headers.authorization === `Bearer ${TOKEN}`
    ? json(401, { code: 'EXPIRED_CREDENTIALS', message: 'expired' })
    : json(200, request.path === '/me' ? { rightsProfile: 'full' } : [])));
  const client = await makeClient({ fetch, credentials });
  const [me, customers] = await Promise.all([client.me(), client.customers()]);
  assert.equal(me.rightsProfile, 'full');
  assert.deepEqual(customers, []);
  assert.equal(credentials.calls, 2);
});

// ---------------------------------------------------------------- retries

test('a GET answered 429 waits for Retry-After seconds, then retries', async () => {
  const sleep = recordingSleep();
  const fetch = sequence(json(429, { code: 'TOO_MANY_REQUESTS', message: 'slow down' }, { 'Retry-After': '3' }),
    json(200, { rightsProfile: 'full' }));
  const client = await makeClient({ fetch, sleep });
  assert.equal((await client.me()).rightsProfile, 'full');
  assert.deepEqual(sleep.sleeps, [3000]);
  assert.equal(fetch.calls.length, 2);
});

test('Retry-After as an HTTP date is honoured', async () => {
  const sleep = recordingSleep();
  const when = new Date(Date.now() + 6000).toUTCString();
  const fetch = sequence(json(503, { code: 'SERVICE_UNAVAILABLE', message: 'later' }, { 'Retry-After': when }),
    json(200, { rightsProfile: 'full' }));
  const client = await makeClient({ fetch, sleep });
  await client.me();
  assert.equal(sleep.sleeps.length, 1);
  // The date has a one-second resolution, so the wait is between 5 and 6 s.
  assert.ok(sleep.sleeps[0] > 4000 && sleep.sleeps[0] <= 6000, `slept ${sleep.sleeps[0]} ms`);
  assert.equal(parseRetryAfter('Thu, 01 Jan 1970 00:00:00 GMT'), 0);
  assert.equal(parseRetryAfter('soon'), undefined);
  assert.equal(parseRetryAfter(null), undefined);
});

test('a Retry-After beyond the cap is not waited for: the error says when to retry', async () => {
  const sleep = recordingSleep();
  const fetch = sequence(json(429, { code: 'TOO_MANY_REQUESTS', message: 'slow down' }, { 'Retry-After': '120' }));
  const client = await makeClient({ fetch, sleep });
  const error = await client.me().catch((e) => e);
  assert.equal(error.status, 429);
  assert.equal(error.retryAfter, 120);
  assert.match(error.message, /Try again in 120 s/);
  assert.deepEqual(sleep.sleeps, []);
  assert.equal(fetch.calls.length, 1);
});

test('a GET answered 503 is retried with exponential backoff, then gives up', async () => {
  const sleep = recordingSleep();
  const fetch = sequence(json(503, { code: 'SERVICE_UNAVAILABLE', message: 'down' }));
  const client = await makeClient({ fetch, sleep, random: () => 0.5 });
  const error = await client.me().catch((e) => e);
  assert.equal(error.status, 503);
  assert.equal(error.code, 'SERVICE_UNAVAILABLE');
  assert.equal(error.message, 'The Business Talk API is unavailable right now (503). Try again later.');
  assert.equal(fetch.calls.length, 3); // 1 + retries (2)
  // 500 ms then 1000 ms steps, at 75% with random() = 0.5.
  assert.deepEqual(sleep.sleeps, [375, 750]);
});

test('a GET that fails on the network is retried', async () => {
  const sleep = recordingSleep();
  const fetch = sequence(new TypeError('fetch failed'), json(200, { rightsProfile: 'full' }));
  const client = await makeClient({ fetch, sleep });
  assert.equal((await client.me()).rightsProfile, 'full');
  assert.equal(fetch.calls.length, 2);
  assert.equal(sleep.sleeps.length, 1);
});

test('network failures that persist become a "network" error with status 0', async () => {
  const fetch = sequence(new TypeError('fetch failed'));
  const client = await makeClient({ fetch, retries: 1 });
  const error = await client.me().catch((e) => e);
  assert.equal(error.code, 'network');
  assert.equal(error.status, 0);
  assert.equal(fetch.calls.length, 2);
});

test('4xx answers to GETs are not retried', async () => {
  const fetch = sequence(json(404, { code: 'COUNTRY_NOT_FOUND', message: 'No Business Talk configuration for country ZZ.' }));
  const client = await makeClient({ fetch });
  const error = await client.country('zz').catch((e) => e);
  assert.equal(error.status, 404);
  assert.equal(error.code, 'COUNTRY_NOT_FOUND');
  assert.equal(error.message, 'No Business Talk configuration for country ZZ.');
  assert.equal(error.url, '/countries/ZZ');
  assert.equal(fetch.calls.length, 1);
});

test('POST and PUT are never retried automatically', async () => {
  const sleep = recordingSleep();
  const fetch = sequence(json(503, { code: 'SERVICE_UNAVAILABLE', message: 'down' }));
  const client = await makeClient({ fetch, sleep });
  const orderError = await client.orderVoicesite('9999', ORDER).catch((e) => e);
  assert.equal(orderError.status, 503);
  assert.equal(fetch.calls.length, 1);
  assert.equal(fetch.calls[0].method, 'POST');

  const networkFetch = sequence(new TypeError('fetch failed'));
  const client2 = await makeClient({ fetch: networkFetch, sleep });
  const pushError = await client2.pushVoiceAddress('9999', 'vs-1', { a3: 'Paris' }).catch((e) => e);
  assert.equal(pushError.code, 'network');
  assert.equal(networkFetch.calls.length, 1);
  assert.equal(networkFetch.calls[0].method, 'PUT');
  assert.deepEqual(sleep.sleeps, []);
});

// ---------------------------------------------------------------- timeouts, aborts, bad bodies

/** A fetch whose answers wait for `release()`: callers can queue up on one request meanwhile. */
function gatedFetch(answer) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  return { fetch: fakeFetch(async () => { await gate; return answer(); }), release };
}

const hangingFetch = () => fakeFetch((request) => new Promise((_, reject) => {
  request.signal.addEventListener('abort', () => reject(request.signal.reason));
}));

test('no answer within timeoutMs gives a "timeout" error, not retried', async () => {
  const fetch = hangingFetch();
  const client = await makeClient({ fetch, timeoutMs: 30 });
  const error = await client.me().catch((e) => e);
  assert.ok(error instanceof BtalkApiError);
  assert.equal(error.code, 'timeout');
  assert.equal(error.status, 0);
  assert.equal(error.message, 'The Business Talk API did not answer within 0.03 s.');
  assert.equal(fetch.calls.length, 1);
  assert.ok(fetch.calls[0].signal.aborted, 'the fetch was aborted');
});

test('a caller signal cancels the wait with an "aborted" error', async () => {
  const fetch = hangingFetch();
  const client = await makeClient({ fetch });
  const controller = new AbortController();
  const pending = client.pushVoiceAddress('9999', 'vs-1', { a3: 'Paris' }, { signal: controller.signal });
  controller.abort();
  const error = await pending.catch((e) => e);
  assert.equal(error.code, 'aborted');
  assert.equal(error.status, 0);
  const already = await client.me({ signal: controller.signal }).catch((e) => e);
  assert.equal(already.code, 'aborted');
});

test('a success body that is not JSON gives "malformedResponse"', async () => {
  const fetch = sequence(text(200, '<html>gateway</html>'));
  const client = await makeClient({ fetch });
  const error = await client.customers().catch((e) => e);
  assert.equal(error.code, 'malformedResponse');
  assert.equal(error.status, 200);
  assert.equal(error.message, 'The Business Talk API answered with something that is not valid JSON.');
});

test('a truncated JSON body gives "malformedResponse" and is not cached', async () => {
  const fetch = sequence(text(200, '{"name": "Fra'), json(200, { iso2: 'FR', name: 'France', countryCode: '33', coverage: { businessTalkOnline: 'Yes' } }));
  const client = await makeClient({ fetch });
  assert.equal((await client.country('FR').catch((e) => e)).code, 'malformedResponse');
  assert.equal((await client.country('FR')).covered, true);
  assert.equal(fetch.calls.length, 2);
});

test('a core malformedResponse becomes a BtalkApiError with the core message', async () => {
  const real = await core();
  const strict = {
    ...real,
    parseResponse(kind, body) {
      if (kind === 'vpns') {
        const error = new Error('The VPN list is not a list.');
        error.name = 'BtalkCoreError';
        error.code = 'malformedResponse';
        throw error;
      }
      return real.parseResponse(kind, body);
    },
  };
  const client = await makeClient({ fetch: sequence(json(200, { unexpected: true })), core: strict });
  const error = await client.vpns('9999').catch((e) => e);
  assert.ok(error instanceof BtalkApiError);
  assert.equal(error.code, 'malformedResponse');
  assert.equal(error.message, 'The VPN list is not a list.');
});

test('an error body that is not JSON still gives a clear error', async () => {
  const fetch = sequence(text(500, 'Internal Server Error'));
  const client = await makeClient({ fetch, retries: 0 });
  const error = await client.me().catch((e) => e);
  assert.equal(error.status, 500);
  assert.equal(error.code, 'serverError');
  assert.equal(error.message, 'The Business Talk API failed (500). Try again later.');

  const html = sequence(text(400, '<html><body>Bad gateway request</body></html>'));
  const error400 = await (await makeClient({ fetch: html })).me().catch((e) => e);
  assert.equal(error400.message, 'The Business Talk API refused the request (400).');
});

// ---------------------------------------------------------------- 400 problems, orders, voice address

test('a 400 on pushVoiceAddress surfaces the API problems and message', async () => {
  const problems = [{ field: 'pc', code: 'patternMismatch', message: 'The postal code must be 5 digits.' }];
  const fetch = sequence(json(400, { code: 'INVALID_ADDRESS', message: 'The address does not meet the FR constraints: check pc.', problems }));
  const client = await makeClient({ fetch });
  const error = await client.pushVoiceAddress('9999', 'vs-1', { pc: '75' }).catch((e) => e);
  assert.equal(error.status, 400);
  assert.equal(error.code, 'INVALID_ADDRESS');
  assert.equal(error.message, 'The address does not meet the FR constraints: check pc.');
  assert.deepEqual(error.problems, problems.map((p) => ({ ...p, description: '' })));
  assert.equal(fetch.calls.length, 1);
});

test('pushVoiceAddress PUTs the flat address, and POSTs it when PUT answers 405', async () => {
  const address = { a3: 'Paris', pc: '75001', a6: 'Rue de Rivoli' };
  const fetch = sequence(json(405, { code: 'METHOD_NOT_ALLOWED', message: 'PUT is not allowed here.' }),
    json(200, { voiceSiteId: 'vs-1', voiceAddress: address }));
  const client = await makeClient({ fetch });
  const saved = await client.pushVoiceAddress('9999', 'vs-1', address);
  assert.deepEqual(saved, { voiceSiteId: 'vs-1', voiceAddress: address });
  assert.deepEqual(fetch.calls.map((c) => c.method), ['PUT', 'POST']);
  for (const call of fetch.calls) {
    assert.equal(call.path, '/customers/9999/voicesites/vs-1/voiceaddress');
    assert.equal(call.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(call.body), address);
  }
});

test('getVoiceAddress returns the stored address, or null on 404', async () => {
  const address = { a3: 'Paris' };
  const fetch = sequence(json(200, address), json(404, { code: 'VOICEADDRESS_NOT_FOUND', message: 'none' }));
  const client = await makeClient({ fetch });
  assert.deepEqual(await client.getVoiceAddress('9999', 'vs-1'), address);
  assert.equal(await client.getVoiceAddress('9999', 'vs-2'), null);
});

test('orderVoicesite POSTs the core-built body to /orders/voicesite', async () => {
  const fetch = sequence(json(201, ORDER_ANSWER));
  const client = await makeClient({ fetch });
  const order = await client.orderVoicesite('9999', ORDER);
  assert.equal(order.voiceSiteId, 'vs-1');
  assert.equal(order.orderId, 'o-1');
  assert.equal(fetch.calls.length, 1);
  assert.equal(fetch.calls[0].path, '/customers/9999/orders/voicesite');
  const body = JSON.parse(fetch.calls[0].body);
  assert.equal(body.customerOrderReference, 'order-1');
  assert.deepEqual(body.parameters, {
    technicalSiteName: 'MY_VOICESITE', customerSiteLabel: 'My Voicesite in France', country: 'FR', vpnId: 'aa76e66dfc63',
  });
});

test('orderVoicesite falls back to POST /orders with productReference on 404', async () => {
  const fetch = sequence(json(404, { code: 'NOT_FOUND', message: 'No such resource' }), json(201, ORDER_ANSWER));
  const client = await makeClient({ fetch });
  const order = await client.orderVoicesite('9999', ORDER);
  assert.equal(order.voiceSiteId, 'vs-1');
  assert.deepEqual(fetch.calls.map((c) => `${c.method} ${c.path}`),
    ['POST /customers/9999/orders/voicesite', 'POST /customers/9999/orders']);
  const body = JSON.parse(fetch.calls[1].body);
  assert.equal(body.productReference, 'voicesite');
  assert.equal(body.customerOrderReference, 'order-1');
});

test('two orderVoicesite calls with one reference share one request', async () => {
  const { fetch, release } = gatedFetch(() => json(201, ORDER_ANSWER));
  const client = await makeClient({ fetch });
  const first = client.orderVoicesite('9999', ORDER);
  const second = client.orderVoicesite('9999', { ...ORDER });
  const other = client.orderVoicesite('9999', { ...ORDER, customerOrderReference: 'order-2' });
  await new Promise((resolve) => setImmediate(resolve));
  release();
  const [a, b] = await Promise.all([first, second, other]);
  assert.deepEqual(a, b);
  assert.equal(fetch.calls.length, 2, 'one request for order-1, one for order-2');
  // Once settled, the same reference may be sent again (the API answers 200 with the same order).
  await client.orderVoicesite('9999', ORDER);
  assert.equal(fetch.calls.length, 3);
});

test('an invalid order is refused with the core problems, before anything is sent', async () => {
  const fetch = sequence(json(201, ORDER_ANSWER));
  const client = await makeClient({ fetch });
  const error = await client.orderVoicesite('9999', { ...ORDER, technicalSiteName: '' }).catch((e) => e);
  assert.ok(error instanceof BtalkApiError);
  assert.equal(error.code, 'invalidOrder');
  assert.ok(error.problems.some((p) => p.field.includes('technicalSiteName')), JSON.stringify(error.problems));
  assert.equal(fetch.calls.length, 0);
});

// ---------------------------------------------------------------- caching and sharing

test('country GETs are cached per client; clearCache() forgets them', async () => {
  const fetch = sequence(json(200, { iso2: 'FR', name: 'France', countryCode: '33', coverage: { businessTalkOnline: 'Yes' } }));
  const client = await makeClient({ fetch });
  const first = await client.country('FR');
  const second = await client.country('fr');
  assert.deepEqual(first, second);
  assert.equal(first.name, 'France');
  assert.equal(fetch.calls.length, 1);
  client.clearCache();
  await client.country('FR');
  assert.equal(fetch.calls.length, 2);
  // Another client has its own cache.
  await (await makeClient({ fetch })).country('FR');
  assert.equal(fetch.calls.length, 3);
});

test('raw constraint documents are cached but each caller gets its own copy', async () => {
  const constraints = { pc: { usage: 'mandatory', valueType: 'freestring', minLength: 5, maxLength: 5, position: 10 } };
  const fetch = sequence(json(200, constraints));
  const client = await makeClient({ fetch });
  const first = await client.addressConstraints('FR');
  first.pc.usage = 'changed by a caller';
  const second = await client.addressConstraints('FR');
  assert.deepEqual(second, constraints);
  assert.equal(fetch.calls.length, 1);
});

test('failed requests are not cached', async () => {
  const fetch = sequence(json(500, { code: 'INTERNAL_ERROR', message: 'boom' }),
    listOf([{ value: 'Zürich', display: 'Zürich' }]));
  const client = await makeClient({ fetch, retries: 0 });
  assert.equal((await client.geoAreas('CH').catch((e) => e)).status, 500);
  assert.deepEqual(await client.geoAreas('CH'), [{ value: 'Zürich', display: 'Zürich' }]);
  assert.equal(fetch.calls.length, 2);
});

test('concurrent GETs of one URL share one fetch (uncached ones too)', async () => {
  const { fetch, release } = gatedFetch(() => json(200, { rightsProfile: 'full' }));
  const client = await makeClient({ fetch });
  const calls = [client.me(), client.me(), client.me()];
  await new Promise((resolve) => setImmediate(resolve));
  release();
  const results = await Promise.all(calls);
  assert.equal(fetch.calls.length, 1);
  assert.ok(results.every((r) => r.rightsProfile === 'full'));
  await client.me(); // /me is not cached: a later call asks again
  assert.equal(fetch.calls.length, 2);
});

test('one caller aborting does not cancel a GET another caller shares', async () => {
  const { fetch, release } = gatedFetch(() => json(200, { rightsProfile: 'full' }));
  const client = await makeClient({ fetch });
  const controller = new AbortController();
  const aborted = client.me({ signal: controller.signal });
  const kept = client.me();
  await new Promise((resolve) => setImmediate(resolve));
  controller.abort();
  assert.equal((await aborted.catch((e) => e)).code, 'aborted');
  release();
  assert.equal((await kept).rightsProfile, 'full');
  assert.equal(fetch.calls.length, 1);
});

test('geographicalConstraints is null and dialZones is [] on 404', async () => {
  const fetch = sequence(json(404, { code: 'NOT_FOUND', message: 'none' }));
  const client = await makeClient({ fetch });
  assert.equal(await client.geographicalConstraints('GB'), null);
  assert.deepEqual(await client.dialZones('GB'), []);
  // A meaningful 404 is an answer: cached like one.
  assert.equal(await client.geographicalConstraints('GB'), null);
  assert.equal(fetch.calls.length, 2);
});

// ---------------------------------------------------------------- countryForm

const CH_CONSTRAINTS = {
  a3: { usage: 'mandatory', defaultLabel: 'City', defaultDescription: 'Enter the city', referenceUrl: '', valueType: 'freestring', minLength: 1, maxLength: 100, valueRegexp: '', position: 10 },
  pc: { usage: 'mandatory', defaultLabel: 'Postal code', defaultDescription: 'Enter the postal code', referenceUrl: '', valueType: 'freenumerical', minLength: 4, maxLength: 4, valueRegexp: '', position: 20 },
};
const CH_GEO = { dialZoneSelection: 'manual', emergencyAreaRules: { area1_pidflo: 'a3', area2_pidflo: 'notUsed', area3_pidflo: 'notUsed', area4_pidflo: 'notUsed' } };
const CH_COUNTRY = { iso2: 'CH', name: 'Switzerland', countryCode: '41', coverage: { businessTalkOnline: 'Yes' } };
const CH_DIALZONES = [{ value: '044', display: 'Zürich (044)' }];

function chAnswer(request) {
  const answers = {
    '/countries/CH': CH_COUNTRY,
    '/countries/CH/addressconstraints': CH_CONSTRAINTS,
    '/countries/CH/geographicalconstraints': CH_GEO,
    '/countries/CH/dialzones': CH_DIALZONES,
  };
  const path = bare(request);
  if (path === '/countries/CH/dialzones') return listOf(CH_DIALZONES);
  return path in answers ? json(200, answers[path]) : json(404, { code: 'NOT_FOUND', message: 'no' });
}

test('countryForm starts its three documents at once, and /dialzones with them where the guide says the dial zone is manual (CH)', async () => {
  const started = [];
  let releaseAll;
  const allStarted = new Promise((resolve) => { releaseAll = resolve; });
  const fetch = fakeFetch(async (request) => {
    started.push(request.path);
    if (started.length === 3) releaseAll();
    await allStarted; // a client that waited for one answer before the next request would time out here
    return chAnswer(request);
  });
  const client = await makeClient({ fetch, timeoutMs: 2000 });
  const result = await client.countryForm('ch');
  assert.deepEqual(started.slice(0, 3).sort(), [
    '/countries/CH', '/countries/CH/addressconstraints', '/countries/CH/geographicalconstraints',
  ]);
  assert.deepEqual(started.slice(3).map((path) => path.split('?')[0]), ['/countries/CH/dialzones']);
  assert.equal(result.country.name, 'Switzerland');
  assert.deepEqual(result.constraints, CH_CONSTRAINTS);
  assert.deepEqual(result.geographicalConstraints, CH_GEO);
  assert.equal(result.form.dialZone, 'manual');
  assert.deepEqual(result.form.fields.map((f) => f.name), ['a3', 'pc']);
  assert.deepEqual(result.dialZones, CH_DIALZONES);
  // Everything came from the cache the second time.
  await client.countryForm('CH');
  assert.equal(fetch.calls.length, 4);
});

test('countryForm tolerates per-language texts in the schema and hands them over as sent', async () => {
  const withLabels = {
    ...CH_CONSTRAINTS,
    a3: { ...CH_CONSTRAINTS.a3, labels: { fr: 'Ville', de: 'Ort' }, descriptions: { fr: 'La ville' } },
  };
  const fetch = fakeFetch((request) => (request.path.endsWith('/addressconstraints') ? json(200, withLabels) : chAnswer(request)));
  const client = await makeClient({ fetch });
  const result = await client.countryForm('CH');
  assert.deepEqual(result.constraints.a3.labels, { fr: 'Ville', de: 'Ort' });
  assert.deepEqual(result.form.fields.map((f) => [f.name, f.label]), [['a3', 'City'], ['pc', 'Postal code']]);
  assert.deepEqual(result.form.constraintErrors, []);
});

test('countryForm says which language the constraints speak: the answer\'s Content-Language, else null', async () => {
  const fetch = fakeFetch((request) => (request.path.endsWith('/addressconstraints')
    ? json(200, CH_CONSTRAINTS, { 'Content-Language': 'de-CH' }) : chAnswer(request)));
  const client = await makeClient({ fetch });
  assert.equal((await client.countryForm('CH')).language, 'de-CH');
  assert.equal((await client.countryForm('CH')).language, 'de-CH', 'from the cache too');
  const english = await makeClient({ fetch: fakeFetch(chAnswer) });
  assert.equal((await english.countryForm('CH')).language, null);
  const odd = await makeClient({ fetch: fakeFetch((request) => (request.path.endsWith('/addressconstraints')
    ? json(200, CH_CONSTRAINTS, { 'Content-Language': '<b>x</b>' }) : chAnswer(request))) });
  assert.equal((await odd.countryForm('CH')).language, null, 'not a language tag: ignored');
});

test('language: every request asks for it (Accept-Language); a function is asked per request; none, no header', async () => {
  const fetch = fakeFetch((request) => json(200, request.method === 'PUT' ? {} : CH_COUNTRY));
  const client = await makeClient({ fetch, language: 'fr' });
  await client.country('CH');
  await client.pushVoiceAddress('9999', 'vs-1', { a3: 'Lausanne' });
  assert.deepEqual(fetch.calls.map((c) => c.headers['accept-language']), ['fr', 'fr']);
  let lang = 'de';
  const following = await makeClient({ fetch, language: () => lang });
  await following.country('DE');
  lang = 'de-CH, de;q=0.8';
  await following.country('AT');
  lang = 'fr\r\nX-Injected: 1'; // a bad answer sends no header rather than a broken one
  await following.country('BE');
  assert.deepEqual(fetch.calls.slice(2).map((c) => c.headers['accept-language']), ['de', 'de-CH, de;q=0.8', undefined]);
  await (await makeClient({ fetch })).country('FR');
  assert.equal(fetch.calls.at(-1).headers['accept-language'], undefined);
  for (const bad of ['fr\nX: y', 'français', 7]) {
    assert.throws(() => new BtalkClient({ baseUrl: BASE, fetch, language: bad }), /language must be an Accept-Language value/);
  }
});

// CH's answers under another country's code (one the guide's table does not list as manual: MANUAL_DIAL_ZONE).
const asCountry = (iso2, route) => (request) => route({ ...request, path: request.path.replace(`/countries/${iso2}`, '/countries/CH') });

test('countryForm never asks /dialzones when the dial zone is automatic (its 404 is certain)', async () => {
  const automatic = { ...CH_GEO, dialZoneSelection: 'Automatic' };
  const fetch = fakeFetch(asCountry('FR', (request) => (bare(request).endsWith('geographicalconstraints') ? json(200, automatic) : chAnswer(request))));
  const client = await makeClient({ fetch });
  const result = await client.countryForm('FR');
  assert.equal(result.form.dialZone, 'automatic');
  assert.deepEqual(result.dialZones, []);
  assert.equal(fetch.calls.length, 3);
  assert.equal(fetch.calls.some((c) => bare(c).endsWith('/dialzones')), false);
});

test('countryForm: a country the guide does not list as manual asks /dialzones only once the API said it is manual', async () => {
  const started = [];
  let releaseGeo;
  const geoHeld = new Promise((resolve) => { releaseGeo = resolve; });
  const fetch = fakeFetch(asCountry('HK', async (request) => {
    started.push(bare(request));
    if (bare(request).endsWith('geographicalconstraints')) await geoHeld;
    return chAnswer(request);
  }));
  const client = await makeClient({ fetch });
  const result = client.countryForm('HK');
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(started.some((path) => path.endsWith('/dialzones')), false, 'not before /geographicalconstraints answered');
  releaseGeo();
  assert.deepEqual((await result).dialZones, CH_DIALZONES);
  assert.deepEqual(started.filter((path) => path.endsWith('/dialzones')), ['/countries/CH/dialzones']);
});

test('countryForm: a country the guide lists as manual (CH) asks /dialzones with the documents, before any answer', async () => {
  const started = [];
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const fetch = fakeFetch(async (request) => {
    started.push(bare(request));
    await held;
    return chAnswer(request);
  });
  const client = await makeClient({ fetch });
  const result = client.countryForm('CH');
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(started.sort(), ['/countries/CH', '/countries/CH/addressconstraints', '/countries/CH/dialzones',
    '/countries/CH/geographicalconstraints']);
  release();
  assert.deepEqual((await result).dialZones, CH_DIALZONES);
  assert.equal(fetch.calls.length, 4);
});

test('countryForm: where the guide says manual but the API says automatic, the early list is dropped, its failure too', async () => {
  const automatic = { ...CH_GEO, dialZoneSelection: 'automatic' };
  const fetch = fakeFetch((request) => (bare(request).endsWith('geographicalconstraints') ? json(200, automatic)
    : bare(request).endsWith('/dialzones') ? json(500, { code: 'X', message: 'down' }) : chAnswer(request)));
  const client = await makeClient({ fetch, retries: 0 });
  const result = await client.countryForm('CH');
  assert.equal(result.form.dialZone, 'automatic');
  assert.deepEqual(result.dialZones, []);
  assert.equal(fetch.calls.filter((c) => bare(c).endsWith('/dialzones')).length, 1, 'asked once, with the documents');
});

test('MANUAL_DIAL_ZONE: the guide\'s manual countries, each manual in the stand-in (built from the same table)', () => {
  const dir = new URL('../../server/standin/data/countries/', import.meta.url);
  const selection = new Map(readdirSync(dir).filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(new URL(name, dir), 'utf8')))
    .map((country) => [country.iso2, country.geographicalConstraints?.dialZoneSelection]));
  assert.equal(MANUAL_DIAL_ZONE.size, 18);
  for (const iso2 of MANUAL_DIAL_ZONE) assert.equal(selection.get(iso2), 'manual', iso2);
  // The guide's automatic ones are not in it.
  for (const iso2 of ['BL', 'DE', 'FR', 'GF', 'GP', 'HK', 'MF', 'MQ', 'NL', 'PT', 'RE', 'YT']) assert.equal(MANUAL_DIAL_ZONE.has(iso2), false, iso2);
});

test('addressServices probes each look-up once, in parallel, and remembers the answer per country', async () => {
  const answers = {
    // FR: search; DE: validation only; AT: nothing; PT: postal codes and parishes.
    FR: { addresses: json(200, []), postalcodes: null, parishes: null },
    DE: { addresses: json(400, { code: 'SEARCH_NOT_SUPPORTED', message: 'validation only' }), postalcodes: null, parishes: null },
    AT: { addresses: null, postalcodes: null, parishes: null },
    PT: { addresses: null, postalcodes: json(200, []), parishes: json(200, []) },
  };
  const fetch = fakeFetch((request) => {
    const [, , iso2, kind] = request.path.split('?')[0].split('/');
    return answers[iso2]?.[kind]?.clone() ?? json(404, { code: 'NOT_FOUND', message: 'no' });
  });
  const client = await makeClient({ fetch });
  assert.deepEqual(await client.addressServices('fr'), { search: true, verify: true, postalCodes: false, parishes: false });
  assert.deepEqual(await client.addressServices('DE'), { search: false, verify: true, postalCodes: false, parishes: false });
  assert.deepEqual(await client.addressServices('AT'), { search: false, verify: false, postalCodes: false, parishes: false });
  assert.deepEqual(await client.addressServices('PT'), { search: false, verify: false, postalCodes: true, parishes: true });
  assert.equal(fetch.calls.length, 12);
  await client.addressServices('PT');
  await client.addressServices('FR');
  assert.equal(fetch.calls.length, 12, 'answers are remembered per country');
  assert.ok(fetch.calls.filter((c) => c.path.startsWith('/countries/PT/parishes')).every((c) => c.url.includes('a1=') && c.url.includes('a2=')));
});

test('addressServices: a probe that fails otherwise says "unknown" (null) and is asked again', async () => {
  let calls = 0;
  const fetch = fakeFetch((request) => {
    calls += 1;
    if (request.path.split('?')[0].endsWith('/addresses')) return json(500, { code: 'BOOM', message: 'down' });
    return json(404, { code: 'NOT_FOUND', message: 'no' });
  });
  const client = await makeClient({ fetch, retries: 0 });
  assert.deepEqual(await client.addressServices('CH'), { search: null, verify: null, postalCodes: false, parishes: false });
  const before = calls;
  await client.addressServices('CH');
  assert.ok(calls > before, 'an unknown answer is not remembered');
});

test('countryForm without geographical constraints or dial zones still builds the form', async () => {
  const fetch = fakeFetch((request) => (request.path.endsWith('geographicalconstraints') || request.path.endsWith('dialzones')
    ? json(404, { code: 'NOT_FOUND', message: 'none' })
    : chAnswer(request)));
  const client = await makeClient({ fetch });
  const result = await client.countryForm('CH');
  assert.equal(result.geographicalConstraints, null);
  assert.deepEqual(result.dialZones, []);
  assert.deepEqual(result.form.fields.map((f) => f.name), ['a3', 'pc']);
});

// ---------------------------------------------------------------- paths and URLs

test('path parameters cannot leave their place in the path', async () => {
  const fetch = sequence(listOf([]));
  const client = await makeClient({ fetch });
  for (const call of [
    () => client.vpns('..'),
    () => client.vpns('.'),
    () => client.vpns('%2e%2E'),
    () => client.vpns(''),
    () => client.vpns({ toString: () => '9999' }),
    () => client.country('../me'),
    () => client.country('F'),
    () => client.addressConstraints('FR/../../me'),
    () => client.geoAreas('CH', ['..']),
    () => client.geoAreas('CH', ['a', 'b', 'c', 'd']),
    () => client.pushVoiceAddress('9999', '..', { a3: 'x' }),
    () => client.getVoiceAddress('9999', '\ud800'),
  ]) {
    const error = await call().then(() => assert.fail(`accepted: ${call}`), (e) => e);
    assert.equal(error.code, 'invalidArgument', `${call}: ${error.message}`);
  }
  assert.equal(fetch.calls.length, 0);

  await client.vpns('a/b?c#d');
  await client.geoAreas('ch', ['Zürich', 'x/y']);
  await client.getVoiceAddress(9999, 'vs 1').catch(() => {});
  assert.deepEqual(fetch.calls.map(bare), [
    '/customers/a%2Fb%3Fc%23d/vpns',
    '/countries/CH/geoareas/area1/Z%C3%BCrich/area2/x%2Fy/area3',
    '/customers/9999/voicesites/vs%201/voiceaddress',
  ]);
});

test('geoAreas picks the level from the number of parents', async () => {
  const fetch = sequence(listOf(['Bern', { value: 'ZH', display: 'Zürich' }]));
  const client = await makeClient({ fetch });
  const level1 = await client.geoAreas('CH');
  assert.deepEqual(level1, [{ value: 'Bern', display: 'Bern' }, { value: 'ZH', display: 'Zürich' }]);
  await client.geoAreas('CH', ['ZH']);
  await client.geoAreas('CH', ['ZH', 'Zürich', 'Altstadt']);
  assert.deepEqual(fetch.calls.map(bare), [
    '/countries/CH/geoareas/area1',
    '/countries/CH/geoareas/area1/ZH/area2',
    '/countries/CH/geoareas/area1/ZH/area2/Z%C3%BCrich/area3/Altstadt/area4',
  ]);
});

test('searchAddresses puts the text in ?q= and sends nothing for an empty text', async () => {
  const fetch = sequence(listOf([{ id: 'c1', label: '1 Rue de Rivoli, Paris', voiceAddress: { a3: 'Paris', hno: '1' } }]));
  const client = await makeClient({ fetch });
  assert.deepEqual(await client.searchAddresses('FR', '   '), []);
  assert.equal(fetch.calls.length, 0);
  const found = await client.searchAddresses('FR', ' 1 rue de Rivoli & co ');
  assert.equal(found[0].id, 'c1');
  assert.deepEqual(found[0].address, { a3: 'Paris', hno: '1' });
  const url = new URL(fetch.calls[0].url);
  assert.equal(url.pathname, '/btalk/v1/countries/FR/addresses');
  assert.equal(url.searchParams.get('q'), '1 rue de Rivoli & co');
});

test('validateAddressCandidates sends the filled address elements as query parameters', async () => {
  const fetch = sequence(listOf([{ id: 'de-001', label: 'Platz der Republik 1, 11011 Berlin', voiceAddress: { a6: 'Platz der Republik', hno: '1' } }]));
  const client = await makeClient({ fetch });
  assert.deepEqual(await client.validateAddressCandidates('DE', { a6: '  ', dialZone: '030', evil: 'x' }), []);
  assert.equal(fetch.calls.length, 0);
  const found = await client.validateAddressCandidates('de', { a6: ' platz der republik ', hno: 1, pc: '', dialZone: '030', 'q&x': 'y' });
  assert.equal(found[0].id, 'de-001');
  const url = new URL(fetch.calls[0].url);
  assert.equal(url.pathname, '/btalk/v1/countries/DE/addresses');
  assert.deepEqual([...url.searchParams], [['a6', 'platz der republik'], ['hno', '1'], ['offset', '0'], ['limit', '1000']]);
});

// ---------------------------------------------------------------- Portugal look-ups

test('postalCodes sends ?q=, normalises the answer and caches it per URL', async () => {
  const fetch = sequence(listOf([{ value: '1495-063', display: '1495-063 Algés', a1: 'Lisboa', a2: 'Oeiras', a3: 'Algés' }]));
  const client = await makeClient({ fetch });
  assert.deepEqual(await client.postalCodes('PT', '  '), []);
  assert.equal(fetch.calls.length, 0);
  const found = await client.postalCodes('pt', ' 1495 ');
  assert.deepEqual(found, [{
    value: '1495-063', display: '1495-063 Algés', address: { pc: '1495-063', a1: 'Lisboa', a2: 'Oeiras', a3: 'Algés' },
  }]);
  const url = new URL(fetch.calls[0].url);
  assert.equal(url.pathname, '/btalk/v1/countries/PT/postalcodes');
  assert.deepEqual([...url.searchParams], [['q', '1495'], ['offset', '0'], ['limit', '1000']]);
  // Same URL: from the cache, and each caller gets its own copy.
  found[0].address.a1 = 'changed';
  assert.equal((await client.postalCodes('PT', '1495'))[0].address.a1, 'Lisboa');
  assert.equal(fetch.calls.length, 1);
  await client.postalCodes('PT', '1496');
  assert.equal(fetch.calls.length, 2);
});

test('parishes sends a1 and a2, and nothing when one is blank', async () => {
  const fetch = sequence(listOf([{ a1: 'Lisboa', a2: 'Oeiras', value: 'Algés, Linda-a-Velha e Cruz Quebrada-Dafundo' }, 'Barcarena']));
  const client = await makeClient({ fetch });
  assert.deepEqual(await client.parishes('PT', { a1: 'Lisboa', a2: ' ' }), []);
  assert.deepEqual(await client.parishes('PT', { a2: 'Oeiras' }), []);
  assert.equal(fetch.calls.length, 0);
  const list = await client.parishes('PT', { a1: ' Lisboa ', a2: 'Oeiras' });
  assert.deepEqual(list, [
    { value: 'Algés, Linda-a-Velha e Cruz Quebrada-Dafundo', display: 'Algés, Linda-a-Velha e Cruz Quebrada-Dafundo' },
    { value: 'Barcarena', display: 'Barcarena' },
  ]);
  const url = new URL(fetch.calls[0].url);
  assert.equal(url.pathname, '/btalk/v1/countries/PT/parishes');
  assert.deepEqual([...url.searchParams], [['a1', 'Lisboa'], ['a2', 'Oeiras'], ['offset', '0'], ['limit', '1000']]);
  await client.parishes('PT', { a1: 'Lisboa', a2: 'Oeiras' });
  assert.equal(fetch.calls.length, 1);
  for (const call of [
    () => client.parishes('PT', { a1: { x: 1 }, a2: 'Oeiras' }),
    () => client.parishes('P', { a1: 'Lisboa', a2: 'Oeiras' }),
    () => client.postalCodes('PT', ['1000']),
    () => client.postalCodes('PT', 'x'.repeat(501)),
    () => client.postalCodes('PT', '1000', { notFound: 'maybe' }),
  ]) {
    const error = await call().then(() => assert.fail(`accepted: ${call}`), (e) => e);
    assert.equal(error.code, 'invalidArgument', `${call}: ${error.message}`);
  }
  assert.equal(fetch.calls.length, 1);
});

test('a 404 look-up is [] by default and a "not offered" error on request', async () => {
  const fetch = sequence(json(404, { code: 'POSTALCODES_NOT_AVAILABLE', message: 'There is no postal code lookup for FR.' }));
  const client = await makeClient({ fetch });
  assert.deepEqual(await client.postalCodes('FR', '7500'), []);
  assert.deepEqual(await client.parishes('FR', { a1: 'x', a2: 'y' }), []);
  const error = await client.postalCodes('FR', '7500', { notFound: 'error' }).then(() => assert.fail('resolved'), (e) => e);
  assert.ok(error instanceof BtalkApiError);
  assert.equal(error.status, 404);
  assert.equal(error.code, 'POSTALCODES_NOT_AVAILABLE');
  // The 404 is an answer, cached like one: the error came from the cache.
  assert.equal(fetch.calls.length, 2);
});

test('look-up failures are errors, not empty lists, and are not cached', async () => {
  const fetch = sequence(
    json(400, { code: 'MISSING_PARAMETER', message: 'Give the start of a postal code.' }),
    listOf([{ display: 'no value' }]),
    listOf([{ value: '1000-001' }]),
  );
  const client = await makeClient({ fetch });
  const refused = await client.postalCodes('PT', '1000').then(() => assert.fail('resolved'), (e) => e);
  assert.equal(refused.status, 400);
  assert.equal(refused.code, 'MISSING_PARAMETER');
  const malformed = await client.postalCodes('PT', '1000').then(() => assert.fail('resolved'), (e) => e);
  assert.equal(malformed.code, 'malformedResponse');
  assert.deepEqual(await client.postalCodes('PT', '1000'), [{ value: '1000-001', display: '1000-001', address: { pc: '1000-001' } }]);
  assert.equal(fetch.calls.length, 3);
});

test('base URLs are joined without doubled slashes; relative bases work', async () => {
  const fetch = sequence(json(200, { rightsProfile: 'full' }));
  await (await makeClient({ fetch, baseUrl: 'https://api.example.test/btalk/v1///' })).me();
  await (await makeClient({ fetch, baseUrl: '/proxy/btalk/v1/' })).me();
  assert.deepEqual(fetch.calls.map((c) => c.url), ['https://api.example.test/btalk/v1/me', '/proxy/btalk/v1/me']);
});

test('relative bases resolve against the page location when there is one', async () => {
  const fetch = sequence(json(200, { rightsProfile: 'full' }));
  globalThis.location = { href: 'https://portal.example.test/app/page.html' };
  try {
    const client = await makeClient({ fetch, baseUrl: '/proxy/btalk/v1' });
    assert.equal(client.baseUrl, 'https://portal.example.test/proxy/btalk/v1');
  } finally {
    delete globalThis.location;
  }
});

test('bad base URLs and options are refused at construction', () => {
  const fetch = sequence(json(200, {}));
  assert.throws(() => new BtalkClient({ fetch, baseUrl: 'https://api.example.test/v1?apikey=x' }), TypeError);
  assert.throws(() => new BtalkClient({ fetch, baseUrl: 'https://user:pw@api.example.test/v1' }), TypeError);
  assert.throws(() => new BtalkClient({ fetch, baseUrl: 'ftp://api.example.test/v1' }), TypeError);
  assert.throws(() => new BtalkClient({ fetch, baseUrl: 'proxy/btalk' }), TypeError);
  assert.throws(() => new BtalkClient({ fetch, credentials: 'secret' }), TypeError);
  // Credentials travel over https only (loopback excepted, for local stand-ins).
  assert.throws(() => new BtalkClient({ fetch, baseUrl: 'http://api.example.test/v1', credentials: async () => ({}) }), TypeError);
  assert.ok(new BtalkClient({ fetch, baseUrl: 'http://127.0.0.1:8080/btalk/v1', credentials: async () => ({}) }));
  assert.throws(() => new BtalkClient({ fetch, timeoutMs: 0 }), TypeError);
  assert.throws(() => new BtalkClient({ fetch, retries: -1 }), TypeError);
});

test('BtalkApiError serialises without secrets or causes', () => {
  const error = new BtalkApiError({ status: 0, code: 'network', message: 'unreachable', url: '/me', cause: new Error(`key ${API_KEY}`) });
  assert.ok(error instanceof Error);
  assert.equal(error.cause.message, `key ${API_KEY}`); // still there for debugging in code
  assertNoSecrets(error, API_KEY);
  assert.deepEqual(JSON.parse(JSON.stringify(error)), {
    name: 'BtalkApiError', status: 0, code: 'network', message: 'unreachable', url: '/me', problems: [],
  });
});
