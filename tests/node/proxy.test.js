// btalk-forms/proxy (server/proxy) against a fake upstream with strict OAuth: gating, token
// caching and refresh, header drop, path traversal, body limits, upstream failures, redirects,
// and no secret in any answer or log line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { createBtalkProxy } from '../../server/proxy/index.js';
import { TokenSource } from '../../server/proxy/token.js';

const CLIENT_ID = 'portal-client-id';
const CLIENT_SECRET = 'portal-CLIENT-SECRET-value';
const API_KEY = 'A'.repeat(20) + 'PROXY-API-KEY-SECRET'; // 40 characters
const PREFIX = '/api/btalk/v1';

// ---------------------------------------------------------------- the fake upstream

const upstream = {
  tokenRequests: 0, apiRequests: [], validTokens: new Set(), issued: [], redirectHits: 0, delayMs: 0,
  reset() {
    this.tokenRequests = 0; this.apiRequests = []; this.validTokens.clear(); this.redirectHits = 0;
  },
};

function readAll(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString()));
  });
}

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const upstreamServer = createServer(async (req, res) => {
  const body = await readAll(req);
  // As Orange's gateway: Accept: application/json is required, on the token request too.
  if (req.headers.accept !== 'application/json') {
    json(res, 406, { code: 406, message: 'Not Acceptable', description: `Accept: ${req.headers.accept}` });
    return;
  }
  if (req.url === '/oauth/v3/token') {
    upstream.tokenRequests += 1;
    const expected = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
    if (req.method !== 'POST' || req.headers.authorization !== expected || body !== 'grant_type=client_credentials'
      || req.headers['content-type'] !== 'application/x-www-form-urlencoded') {
      json(res, 401, { error: 'invalid_client' });
      return;
    }
    const token = `tok-${upstream.issued.length}-${Math.random().toString(36).slice(2)}`;
    upstream.issued.push(token);
    upstream.validTokens.add(token);
    json(res, 200, { token_type: 'Bearer', access_token: token, expires_in: 3600 });
    return;
  }
  if (req.url === '/elsewhere') {
    upstream.redirectHits += 1;
    json(res, 200, { stolen: body });
    return;
  }
  upstream.apiRequests.push({ method: req.method, url: req.url, headers: req.headers, body });
  const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  if (!upstream.validTokens.has(bearer) || req.headers['x-bt-api-key'] !== API_KEY) {
    json(res, 401, { code: 'UNAUTHORIZED', message: 'bad token' });
    return;
  }
  if (upstream.delayMs) await new Promise((resolve) => setTimeout(resolve, upstream.delayMs));
  if (req.url === '/btalk/v1/me') json(res, 200, { rightsProfile: 'full' }, { 'Retry-After': '1', 'Set-Cookie': 'up=1', 'X-Powered-By': 'x' });
  else if (req.url === '/btalk/v1/echo') json(res, 200, { youSent: req.headers });
  else if (req.url.startsWith('/btalk/v1/voicesites')) json(res, 200, [{ voiceSiteId: 'vs-41' }], { 'X-Total-Count': '95', 'X-Result-Count': '1' });
  else if (req.url === '/btalk/v1/moved') { res.writeHead(307, { Location: `http://127.0.0.1:${upstreamServer.address().port}/elsewhere` }); res.end(); }
  else if (req.url === '/btalk/v1/huge') { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(Buffer.alloc(9 * 1024 * 1024, 0x20)); }
  else if (req.url.startsWith('/btalk/v1/customers/9999/orders')) json(res, 201, { orderId: 'o-1', echo: JSON.parse(body || 'null') });
  else json(res, 404, { code: 'NOT_FOUND', message: `nothing at ${req.url}` });
});

// ---------------------------------------------------------------- the portal under test

let allow = true;
const logLines = [];
const answers = []; // every status line, header block and body the "browser" received
let portal;
let portalPort;

function makeProxy(overrides = {}) {
  const origin = `http://127.0.0.1:${upstreamServer.address().port}`;
  return createBtalkProxy({
    apiBase: `${origin}/btalk/v1`, tokenUrl: `${origin}/oauth/v3/token`,
    clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, apiKey: API_KEY,
    authorize: (req) => allow && req.headers.cookie === 'session=ok',
    log: (line) => logLines.push(line),
    ...overrides,
  });
}

/** A plain Node server mounting `handler` at PREFIX, as Express's app.use would. */
function mount(handler) {
  return createServer((req, res) => {
    if (!req.url.startsWith(PREFIX)) { res.writeHead(404); res.end(); return; }
    req.url = req.url.slice(PREFIX.length);
    handler(req, res);
  });
}

before(async () => {
  await new Promise((resolve) => upstreamServer.listen(0, '127.0.0.1', resolve));
  portal = mount(makeProxy());
  await new Promise((resolve) => portal.listen(0, '127.0.0.1', resolve));
  portalPort = portal.address().port;
});

after(async () => {
  portal.closeAllConnections();
  upstreamServer.closeAllConnections();
  await Promise.all([new Promise((r) => portal.close(r)), new Promise((r) => upstreamServer.close(r))]);
});

/** Sends exactly these bytes (no URL normalisation on the way) and returns { status, headers, body }. */
function raw(requestText, port = portalPort) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(requestText));
    const chunks = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString();
      answers.push(text);
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

function request(method, path, { headers = {}, body } = {}) {
  const lines = [`${method} ${PREFIX}${path} HTTP/1.1`, 'Host: portal.test', 'Connection: close', 'Cookie: session=ok'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return raw(`${lines.join('\r\n')}\r\n\r\n${body ?? ''}`);
}

// ---------------------------------------------------------------- tests

test('a proxy without authorize cannot be made; missing secrets are named, never shown', () => {
  const base = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, apiKey: API_KEY };
  assert.throws(() => createBtalkProxy(base), /authorize\(req\) is required/);
  assert.throws(() => createBtalkProxy({ ...base, authorize: true }), /authorize/);
  assert.throws(() => createBtalkProxy({ ...base, clientSecret: '', authorize: () => true }), /clientSecret is required/);
  assert.throws(() => createBtalkProxy({ ...base, apiKey: `${API_KEY}\nX: y`, authorize: () => true }), (error) => {
    assert.match(error.message, /apiKey/);
    assert.ok(!error.message.includes(API_KEY));
    return true;
  });
  assert.throws(() => createBtalkProxy({ ...base, authorize: () => true, apiBase: 'ftp://x/btalk/v1' }), /apiBase/);
});

test('defaults point at Orange', async () => {
  const seen = [];
  const proxy = createBtalkProxy({
    clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, apiKey: API_KEY, authorize: () => true,
    fetch: async (url) => { seen.push(String(url)); throw new TypeError('offline'); },
  });
  const server = mount(proxy);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const answer = await raw(`GET ${PREFIX}/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, server.address().port);
  await new Promise((resolve) => server.close(resolve));
  assert.equal(answer.status, 502);
  assert.deepEqual(seen, ['https://api.orange.com/oauth/v3/token']);
});

test('an unauthorized request gets 401 and nothing reaches upstream, not even a token request', async () => {
  upstream.reset();
  allow = false;
  const answer = await request('GET', '/me');
  allow = true;
  assert.equal(answer.status, 401);
  assert.equal(JSON.parse(answer.body).code, 'UNAUTHORIZED');
  const noCookie = await raw(`GET ${PREFIX}/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  assert.equal(noCookie.status, 401);
  assert.equal(upstream.tokenRequests, 0);
  assert.equal(upstream.apiRequests.length, 0);
});

test('credentials are added server-side; the browser\'s own auth, cookies and other headers are dropped', async () => {
  upstream.reset();
  const answer = await request('GET', '/me', {
    headers: {
      Authorization: 'Bearer browser-token', 'X-BT-API-KEY': 'B'.repeat(40), 'X-Standin-Fail': '500',
      'Accept-Language': 'fr-CH', 'X-Forwarded-For': '10.0.0.1', Accept: 'text/html, */*',
    },
  });
  assert.equal(answer.status, 200);
  assert.deepEqual(JSON.parse(answer.body), { rightsProfile: 'full' });
  const seen = upstream.apiRequests[0].headers;
  assert.equal(seen['x-bt-api-key'], API_KEY);
  assert.match(seen.authorization, /^Bearer tok-/);
  assert.equal(seen['accept-language'], 'fr-CH');
  assert.equal(seen.accept, 'application/json', 'the API is asked for JSON whatever the browser accepts');
  for (const dropped of ['cookie', 'x-standin-fail', 'x-forwarded-for']) assert.equal(seen[dropped], undefined, dropped);
  // Safe headers come back, the upstream's cookies and server banners do not.
  assert.equal(answer.headers['retry-after'], '1');
  assert.equal(answer.headers['set-cookie'], undefined);
  assert.equal(answer.headers['x-powered-by'], undefined);
  assert.equal(answer.headers['cache-control'], 'no-store');
});

test('the paging headers of a collection reach the browser (X-Total-Count, X-Result-Count)', async () => {
  upstream.reset();
  const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => request('GET', `/voicesites?offset=${i}&limit=1`)));
  for (const answer of answers) {
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['x-total-count'], '95');
    assert.equal(answer.headers['x-result-count'], '1');
  }
  // The paging query travels upstream as it was asked.
  assert.ok(upstream.apiRequests.some((r) => r.url === '/btalk/v1/voicesites?offset=29&limit=1'));
});

test('one token serves concurrent requests and is reused; a revoked token is refreshed once for a GET', async () => {
  upstream.reset();
  const proxy = makeProxy();
  const server = mount(proxy);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  const get = () => raw(`GET ${PREFIX}/me HTTP/1.1\r\nHost: x\r\nCookie: session=ok\r\nConnection: close\r\n\r\n`, port);
  const first = await Promise.all([get(), get(), get(), get(), get()]);
  assert.deepEqual(first.map((a) => a.status), [200, 200, 200, 200, 200]);
  assert.equal((await get()).status, 200);
  assert.equal(upstream.tokenRequests, 1);
  upstream.validTokens.clear(); // the API revokes it
  const again = await get();
  assert.equal(again.status, 200);
  assert.equal(upstream.tokenRequests, 2);
  assert.equal(upstream.apiRequests.length, 8); // 6 + the refused one + its single retry
  await new Promise((resolve) => server.close(resolve));
});

test('a POST refused with 401 upstream is never sent again', async () => {
  upstream.reset();
  await request('GET', '/me'); // a token is cached
  upstream.validTokens.clear();
  const before = upstream.apiRequests.length;
  const answer = await request('POST', '/customers/9999/orders/voicesite', {
    headers: { 'Content-Type': 'application/json' }, body: '{"customerOrderReference":"r1"}',
  });
  assert.equal(answer.status, 502);
  assert.equal(JSON.parse(answer.body).code, 'UPSTREAM_UNAUTHORIZED');
  assert.equal(upstream.apiRequests.length - before, 1);
  // The next request gets a fresh token.
  const ok = await request('POST', '/customers/9999/orders/voicesite', {
    headers: { 'Content-Type': 'application/json' }, body: '{"customerOrderReference":"r2"}',
  });
  assert.equal(ok.status, 201);
  assert.deepEqual(JSON.parse(ok.body).echo, { customerOrderReference: 'r2' });
});

test('paths that could leave the API base are refused before anything is sent', async () => {
  upstream.reset();
  const bad = [
    '/../oauth/v3/token', '/customers/../../oauth/v3/token', '/%2e%2e/oauth/v3/token', '/%2E%2e/x', '/./me',
    '/customers/%2F..%2Foauth', '/customers/..%2f..%2foauth', '/a%5cb', '/me%00', '//me', '/a//b',
    '/customers/%zz', '/me#frag', 'me',
  ];
  for (const path of bad) {
    const answer = await raw(`GET ${PREFIX}${path} HTTP/1.1\r\nHost: x\r\nCookie: session=ok\r\nConnection: close\r\n\r\n`);
    assert.equal(answer.status, 400, path);
    assert.equal(JSON.parse(answer.body).code, 'INVALID_PATH', path);
  }
  const backslash = await raw(`GET ${PREFIX}/a\\..\\b HTTP/1.1\r\nHost: x\r\nCookie: session=ok\r\nConnection: close\r\n\r\n`);
  assert.equal(backslash.status, 400);
  assert.equal(upstream.tokenRequests, 0);
  assert.equal(upstream.apiRequests.length, 0);
  // Ordinary encoded segments still pass.
  const ok = await request('GET', '/countries/CH/geoareas/area1/Z%C3%BCrich/area2');
  assert.equal(ok.status, 404);
  assert.equal(upstream.apiRequests.at(-1).url, '/btalk/v1/countries/CH/geoareas/area1/Z%C3%BCrich/area2');
});

test('only GET, POST and PUT are proxied', async () => {
  upstream.reset();
  for (const method of ['DELETE', 'PATCH', 'HEAD', 'OPTIONS']) {
    const answer = await request(method, '/me');
    assert.equal(answer.status, 405, method);
    assert.equal(answer.headers.allow, 'GET, POST, PUT');
  }
  assert.equal(upstream.apiRequests.length, 0);
});

test('bodies over maxBodyBytes get 413 and are not forwarded, declared or streamed', async () => {
  upstream.reset();
  const big = 'x'.repeat(1024 * 1024 + 1);
  const declared = await request('PUT', '/customers/9999/voicesites/v1/voiceaddress', { headers: { 'Content-Type': 'application/json' }, body: big });
  assert.equal(declared.status, 413);
  const chunked = await raw([
    `POST ${PREFIX}/customers/9999/orders HTTP/1.1`, 'Host: x', 'Cookie: session=ok', 'Connection: close',
    'Transfer-Encoding: chunked', 'Content-Type: application/json', '', `${(big.length).toString(16)}\r\n${big}\r\n0\r\n\r\n`,
  ].join('\r\n'));
  assert.equal(chunked.status, 413);
  assert.equal(JSON.parse(chunked.body).code, 'PAYLOAD_TOO_LARGE');
  assert.equal(upstream.apiRequests.length, 0);
});

test('upstream down gives 502, too slow gives 504, a redirect is not followed, a huge answer is not relayed', async () => {
  const downProxy = makeProxy({ apiBase: 'http://127.0.0.1:9/btalk/v1', tokenUrl: 'http://127.0.0.1:9/oauth/v3/token' });
  const down = mount(downProxy);
  await new Promise((resolve) => down.listen(0, '127.0.0.1', resolve));
  const gone = await raw(`GET ${PREFIX}/me HTTP/1.1\r\nHost: x\r\nCookie: session=ok\r\nConnection: close\r\n\r\n`, down.address().port);
  await new Promise((resolve) => down.close(resolve));
  assert.equal(gone.status, 502);
  assert.equal(JSON.parse(gone.body).code, 'BAD_GATEWAY');

  const slowProxy = makeProxy({ timeoutMs: 150 });
  const slow = mount(slowProxy);
  await new Promise((resolve) => slow.listen(0, '127.0.0.1', resolve));
  upstream.delayMs = 1000;
  const late = await raw(`GET ${PREFIX}/me HTTP/1.1\r\nHost: x\r\nCookie: session=ok\r\nConnection: close\r\n\r\n`, slow.address().port);
  upstream.delayMs = 0;
  slow.closeAllConnections();
  await new Promise((resolve) => slow.close(resolve));
  assert.equal(late.status, 504);
  assert.equal(JSON.parse(late.body).code, 'GATEWAY_TIMEOUT');

  upstream.reset();
  const moved = await request('PUT', '/moved', { headers: { 'Content-Type': 'application/json' }, body: '{"a1":"x"}' });
  assert.equal(moved.status, 502);
  assert.equal(upstream.redirectHits, 0);

  const huge = await request('GET', '/huge');
  assert.equal(huge.status, 502);
});

test('an answer echoing the credentials is redacted; no secret in any answer or log line', async () => {
  const echoed = await request('GET', '/echo');
  assert.equal(echoed.status, 200);
  const seen = JSON.parse(echoed.body).youSent;
  assert.equal(seen['x-bt-api-key'], '[redacted]');
  assert.equal(seen.authorization, 'Bearer [redacted]');
  const secrets = [API_KEY, CLIENT_SECRET, Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64'), ...upstream.issued];
  const everything = [...answers, ...logLines].join('\n');
  for (const secret of secrets) assert.ok(!everything.includes(secret), `a secret leaked: ${secret.slice(0, 6)}…`);
  assert.ok(logLines.some((line) => /^proxy GET \/me 200 \d+ ms$/.test(line)));
});

test('TokenSource renews shortly before expires_in and shares one request', async () => {
  let clock = 0;
  let calls = 0;
  const fetch = async () => {
    calls += 1;
    return new Response(JSON.stringify({ access_token: `t${calls}`, expires_in: 100 }), { status: 200 });
  };
  const tokens = new TokenSource({ tokenUrl: 'http://x/token', clientId: 'a', clientSecret: 'b', fetch, timeoutMs: 1000, now: () => clock });
  assert.deepEqual(await Promise.all([tokens.get(), tokens.get()]), ['t1', 't1']);
  clock = 89_000;
  assert.equal(await tokens.get(), 't1');
  clock = 90_001; // 100 s minus a tenth
  assert.equal(await tokens.get(), 't2');
  assert.equal(calls, 2);
  const refused = new TokenSource({
    tokenUrl: 'http://x/token', clientId: 'a', clientSecret: 'b', timeoutMs: 1000,
    fetch: async () => new Response('{"error":"invalid_client","secret":"b"}', { status: 401 }),
  });
  await assert.rejects(refused.get(), (error) => error.status === 502 && error.code === 'UPSTREAM_UNAUTHORIZED' && !/secret/.test(error.message));
});
