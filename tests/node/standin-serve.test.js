// examples/serve.js (npm start): the same-origin proxy that adds the secrets
// server-side, static files with the right types, and path traversal refused.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES_DIR, KEYS, close, errorName, order, rawGet } from './fixtures/standin/harness.js';
import { createApp, listen } from '../../examples/serve.js';
import { TARGETS } from '../../examples/page/render.js';

async function makeRoot() {
  const root = await mkdtemp(join(tmpdir(), 'serve-root-'));
  await mkdir(join(root, 'web', 'elements'), { recursive: true });
  await mkdir(join(root, 'dist'));
  await mkdir(join(root, 'examples', 'demo'), { recursive: true });
  await mkdir(join(root, 'examples', 'page'), { recursive: true });
  await writeFile(join(root, 'web', 'index.js'), 'export const x = 1;\n');
  await writeFile(join(root, 'web', '.hidden'), 'hidden\n');
  await writeFile(join(root, 'dist', 'btalk-core.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  await writeFile(join(root, 'examples', 'page', 'index.html'), '<!doctype html><title>{{title}}</title><script type="module" src="{{script}}"></script>\n');
  await writeFile(join(root, 'examples', 'page', 'demo.css'), 'body{}\n');
  await writeFile(join(root, 'examples', 'demo', 'demo.js'), 'export {};\n');
  await writeFile(join(root, 'package.json'), '{"secret": "not served"}\n');
  const outside = await mkdtemp(join(tmpdir(), 'serve-outside-'));
  await writeFile(join(outside, 'secret.txt'), 'outside\n');
  await symlink(outside, join(root, 'web', 'escape'));
  return { root, outside };
}

describe('npm start server', () => {
  let app;
  let base;
  let dirs;
  const lines = [];
  before(async () => {
    dirs = await makeRoot();
    app = createApp({ root: dirs.root, stateFile: null, dataDir: FIXTURES_DIR, admin: true, log: (l) => lines.push(l) });
    const port = await listen(app.server, 0, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
  });
  after(async () => {
    await close(app.server);
    await rm(dirs.root, { recursive: true, force: true });
    await rm(dirs.outside, { recursive: true, force: true });
  });

  const proxied = async (path, init = {}) => {
    const res = await fetch(`${base}/proxy/btalk/v1${path}`, init);
    const text = await res.text();
    let body;
    try { body = JSON.parse(text); } catch { body = undefined; }
    return { status: res.status, headers: res.headers, body, text };
  };

  test('the proxy adds the token and the full API key: the browser sends no secret', async () => {
    const me = await proxied('/me');
    assert.equal(me.status, 200);
    assert.deepEqual(me.body, { rightsProfile: 'full' });
    const vpns = await proxied('/customers/9999/vpns');
    assert.equal(vpns.body[0].vpnId, 'aa76e66dfc63');
    const created = await proxied('/customers/9999/orders/voicesite', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(order('via-proxy')),
    });
    assert.equal(created.status, 201);
    const sites = await proxied(`/voicesites?customerCode=9999`);
    assert.deepEqual(sites.body.map((v) => v.technicalSiteName), ['SITE_via-proxy']);
    // The same path without the proxy needs credentials.
    assert.equal((await fetch(`${base}/btalk/v1/me`)).status, 401);
  });

  test('a proxied order enters the Node server once: the proxy calls the stand-in in-process', async () => {
    const seen = [];
    const count = (req) => seen.push(`${req.method} ${req.url}`);
    app.server.prependListener('request', count);
    try {
      const created = await proxied('/customers/9999/orders/voicesite', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(order('in-process')),
      });
      assert.equal(created.status, 201);
    } finally {
      app.server.off('request', count);
    }
    // No loopback token request nor upstream request: only the browser's own.
    assert.deepEqual(seen, ['POST /proxy/btalk/v1/customers/9999/orders/voicesite']);
  });

  test('the proxy ignores browser-sent credentials and fault headers', async () => {
    const me = await proxied('/me', { headers: { Authorization: 'Bearer forged', 'X-BT-API-KEY': KEYS.readonly, 'X-Standin-Fail': '503' } });
    assert.equal(me.status, 200);
    assert.deepEqual(me.body, { rightsProfile: 'full' });
  });

  test('the proxy passes API errors and Retry-After through, and gets a new token after a 401', async () => {
    const notFound = await proxied('/countries/ZZ');
    assert.equal(notFound.status, 404);
    assert.equal(errorName(notFound.body), 'COUNTRY_NOT_FOUND');

    await fetch(`${base}/__standin/faults`, { method: 'POST', body: JSON.stringify({ failRate: 1, failStatus: 429, retryAfterSeconds: 5 }) });
    const limited = await proxied('/me');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '5');
    await fetch(`${base}/__standin/faults`, { method: 'POST', body: '{}' });

    await fetch(`${base}/__standin/tokens/expire`, { method: 'POST' });
    assert.equal((await proxied('/me')).status, 200);
  });

  test('an unreachable upstream becomes 502; malformed answers pass through', async () => {
    await fetch(`${base}/__standin/faults`, { method: 'POST', body: '{"dropRate":1}' });
    const dropped = await proxied('/me');
    assert.equal(dropped.status, 502);
    assert.equal(dropped.body.code, 'BAD_GATEWAY'); // the proxy's own error, one object
    await fetch(`${base}/__standin/faults`, { method: 'POST', body: '{"malformedRate":1}' });
    const malformed = await proxied('/customers');
    assert.equal(malformed.status, 200);
    assert.throws(() => JSON.parse(malformed.text), SyntaxError);
    await fetch(`${base}/__standin/reset`, { method: 'POST' });
    assert.equal((await proxied('/me')).status, 200);
  });

  test('the proxy refuses dot segments that would leave /btalk/v1', async () => {
    const res = await rawGet(base, '/proxy/btalk/v1/../../__standin/faults');
    assert.equal(res.status, 400);
    const encoded = await rawGet(base, '/proxy/btalk/v1/%2e%2e/%2E%2E/oauth/v3/token');
    assert.equal(encoded.status, 400);
    const broken = await rawGet(base, '/proxy/btalk/v1/countries/%E0%A4%A');
    assert.equal(broken.status, 400, 'invalid percent-encoding is refused, not forwarded');
  });

  test('static files: the demo page rendered from its template at /, its files, web/ and dist/ with their MIME types', async () => {
    const index = await fetch(`${base}/`);
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type'), /^text\/html/);
    assert.equal(await index.text(), `<!doctype html><title>${TARGETS.demo.title}</title><script type="module" src="demo.js"></script>\n`);
    assert.equal(await (await fetch(`${base}/index.html`)).text(), await (await fetch(`${base}/`)).text());
    const css = await fetch(`${base}/demo.css`);
    assert.match(css.headers.get('content-type'), /^text\/css/);
    const entry = await fetch(`${base}/demo.js`);
    assert.match(entry.headers.get('content-type'), /^text\/javascript/);
    assert.equal(await entry.text(), 'export {};\n');
    const js = await fetch(`${base}/web/index.js`);
    assert.match(js.headers.get('content-type'), /^text\/javascript/);
    assert.equal(await js.text(), 'export const x = 1;\n');
    const wasm = await fetch(`${base}/dist/btalk-core.wasm`);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.deepEqual([...new Uint8Array(await wasm.arrayBuffer())].slice(0, 4), [0, 0x61, 0x73, 0x6d]);
    assert.equal((await fetch(`${base}/web/missing.js`)).status, 404);
    assert.equal((await fetch(`${base}/web/`)).status, 404);
    assert.equal((await fetch(`${base}/web/index.js`, { method: 'POST' })).status, 405);
  });

  test('path traversal, hidden files and symlinks out of the root are refused', async () => {
    for (const path of ['/web/../package.json', '/web/%2e%2e/package.json', '/dist/..%2fpackage.json', '/web/..%5c..%5cpackage.json', '/../package.json']) {
      const res = await rawGet(base, path);
      assert.ok(res.status === 403 || res.status === 404, `${path} -> ${res.status}`);
      assert.ok(!res.text.includes('not served'), path);
    }
    assert.equal((await rawGet(base, '/web/../package.json')).status, 403);
    assert.equal((await rawGet(base, '/web/%00index.js')).status, 403);
    assert.equal((await rawGet(base, '/web/.hidden')).status, 404);
    const escaped = await rawGet(base, '/web/escape/secret.txt');
    assert.equal(escaped.status, 403);
    assert.ok(!escaped.text.includes('outside'));
    assert.equal((await rawGet(base, '/web/%E0%A4%A')).status, 400);
  });

  test('logs never hold the proxy credentials', () => {
    const all = lines.join('\n');
    assert.ok(lines.some((l) => l.startsWith('GET /proxy/btalk/v1/me 200')));
    assert.ok(!all.includes(KEYS.full) && !all.includes('demo-secret') && !/Bearer/.test(all));
  });
});

test('a placeholder page is served while the demo page template is missing', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'serve-empty-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const app = createApp({ root, stateFile: null, dataDir: FIXTURES_DIR });
  const port = await listen(app.server, 0, '127.0.0.1');
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /demo page's template .* is not there/s);
    const admin = await fetch(`http://127.0.0.1:${port}/__standin/reset`, { method: 'POST' });
    assert.equal(admin.status, 405, 'no admin endpoint without --admin (a plain static path instead)');
  } finally {
    await close(app.server);
  }
});

test('a busy port falls back to a free one', async (t) => {
  const blocker = createServer();
  await new Promise((r) => blocker.listen(0, '127.0.0.1', r));
  t.after(() => new Promise((r) => blocker.close(r)));
  const busy = blocker.address().port;
  const app = createApp({ stateFile: null, dataDir: FIXTURES_DIR });
  const originalLog = console.log;
  const printed = [];
  console.log = (...args) => printed.push(args.join(' '));
  let port;
  try {
    port = await listen(app.server, busy, '127.0.0.1');
  } finally {
    console.log = originalLog;
  }
  try {
    assert.notEqual(port, busy);
    assert.ok(port > 0);
    assert.match(printed.join('\n'), new RegExp(`Port ${busy} is busy`));
  } finally {
    await close(app.server);
  }
});
