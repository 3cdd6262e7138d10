// The client's limits against real sockets: redirects are never followed (a POST body or an
// API key must not travel to another origin), an oversized answer is abandoned at the limit
// instead of being read whole, and a huge Retry-After is clamped and said sensibly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { BtalkClient, MAX_RESPONSE_BYTES, parseRetryAfter } from '../../web/client.js';
import { loadCore } from '../../web/core.js';

const API_KEY = 'K'.repeat(40);
const TOKEN = 'token-SECRET-abcdef';

/** A loopback server on a free port; `handler(req, res, body)` answers, every request is recorded. */
async function server(handler) {
  const requests = [];
  const srv = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${srv.address().port}`;
  return { origin, requests, close: () => new Promise((resolve) => { srv.closeAllConnections(); srv.close(resolve); }) };
}

const order = {
  customerOrderReference: 'REF-redirect-1', technicalSiteName: 'SITE_ONE', customerSiteLabel: 'Site one',
  country: 'FR', vpnId: 'aa76e66dfc63',
};

test('a cross-origin 307 on the order POST is refused: the body never reaches the other origin', async (t) => {
  const other = await server((req, res) => { res.writeHead(201, { 'Content-Type': 'application/json' }); res.end('{}'); });
  const api = await server((req, res) => {
    res.writeHead(307, { Location: `${other.origin}/steal${req.url}` });
    res.end();
  });
  t.after(() => Promise.all([other.close(), api.close()]));
  const client = new BtalkClient({ baseUrl: `${api.origin}/btalk/v1`, core: await loadCore() });
  await assert.rejects(client.orderVoicesite('9999', order), (error) => {
    assert.equal(error.code, 'redirectRefused');
    assert.equal(error.status, 307);
    assert.match(error.message, /redirect/);
    return true;
  });
  assert.equal(other.requests.length, 0);
  // Refused, not retried, and no fallback to the generic /orders path either.
  assert.deepEqual(api.requests.map((r) => r.method + ' ' + r.url), ['POST /btalk/v1/customers/9999/orders/voicesite']);
});

test('a GET with credentials is not redirected either: the API key stays home, nothing is retried', async (t) => {
  const other = await server((req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('{"rightsProfile":"full"}'); });
  const api = await server((req, res) => {
    res.writeHead(302, { Location: `${other.origin}/me` });
    res.end();
  });
  t.after(() => Promise.all([other.close(), api.close()]));
  const client = new BtalkClient({
    baseUrl: `${api.origin}/btalk/v1`, core: await loadCore(),
    credentials: async () => ({ accessToken: TOKEN, apiKey: API_KEY }),
  });
  await assert.rejects(client.me(), (error) => error.code === 'redirectRefused' && !error.message.includes(API_KEY));
  assert.equal(other.requests.length, 0);
  assert.equal(api.requests.length, 1);
});

test('an endless answer is abandoned just past the limit, not read whole', async (t) => {
  let written = 0;
  let finished = false;
  const api = await server((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!finished && written < 100 * 1024 * 1024) {
        written += chunk.length;
        if (!res.write(chunk)) { res.once('drain', pump); return; }
      }
      res.end();
    };
    res.on('close', () => { finished = true; });
    pump();
  });
  t.after(() => api.close());
  const client = new BtalkClient({ baseUrl: `${api.origin}/btalk/v1`, core: await loadCore(), retries: 0 });
  await assert.rejects(client.customers(), (error) => {
    assert.equal(error.code, 'responseTooLarge');
    assert.match(error.message, /larger than 4 MB/);
    return true;
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  // The socket buffers a few MB at most beyond what the client read before it let go.
  assert.ok(written < 24 * 1024 * 1024, `the server wrote ${written} bytes`);
});

test('a declared Content-Length over the limit is refused before reading', async (t) => {
  const api = await server((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(MAX_RESPONSE_BYTES + 1) });
    res.write('[');
    // Never finishes: the client must not wait for the rest.
  });
  t.after(() => api.close());
  const client = new BtalkClient({ baseUrl: `${api.origin}/btalk/v1`, core: await loadCore(), retries: 0, timeoutMs: 60_000 });
  await assert.rejects(client.customers(), { code: 'responseTooLarge' });
});

test('a huge Retry-After is clamped to a day and said as "later", never "Infinity s"', async (t) => {
  assert.equal(parseRetryAfter('9'.repeat(400)), 24 * 3600 * 1000);
  assert.equal(parseRetryAfter(new Date(Date.now() + 365 * 86400e3).toUTCString()), 24 * 3600 * 1000);
  assert.equal(parseRetryAfter('30'), 30_000);
  const waits = ['9'.repeat(400), '300', '7'];
  const api = await server((req, res) => {
    res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': waits.shift() });
    res.end('{"code":"TOO_MANY","message":"slow down"}');
  });
  t.after(() => api.close());
  const client = new BtalkClient({ baseUrl: `${api.origin}/btalk/v1`, core: await loadCore(), retries: 0 });
  const said = [];
  for (let i = 0; i < 3; i += 1) {
    await assert.rejects(client.customers(), (error) => {
      assert.ok(Number.isFinite(error.retryAfter));
      said.push(error.message);
      return true;
    });
  }
  assert.doesNotMatch(said.join(' '), /Infinity/);
  assert.match(said[0], /Try again later\.$/);
  assert.match(said[1], /Try again in 5 min\.$/);
  assert.match(said[2], /Try again in 7 s\.$/);
});
