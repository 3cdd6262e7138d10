// The demo server's proxy (examples/serve.js over btalk-forms/proxy) serves this server's own
// pages only: a page of another site, a DNS-rebound host name or a cross-site fetch is refused
// before anything reaches the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { FIXTURES_DIR, close } from './fixtures/standin/harness.js';
import { createApp, listen, sameOriginPage } from '../../examples/serve.js';

function get(port, path, headers) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('only this server\'s own pages (and local programs) may use the demo proxy', async (t) => {
  const lines = [];
  const app = createApp({ stateFile: null, dataDir: FIXTURES_DIR, log: (l) => lines.push(l) });
  const port = await listen(app.server, 0, '127.0.0.1');
  t.after(() => close(app.server));
  const own = `127.0.0.1:${port}`;
  const allowed = [
    { host: own },
    { host: `localhost:${port}`, origin: `http://localhost:${port}`, 'sec-fetch-site': 'same-origin' },
  ];
  for (const headers of allowed) assert.equal((await get(port, '/proxy/btalk/v1/me', headers)).status, 200, JSON.stringify(headers));
  const refused = [
    { host: `evil.test:${port}` }, // DNS rebinding: a foreign name resolving to loopback
    { host: own, origin: 'http://evil.test' },
    { host: own, 'sec-fetch-site': 'cross-site' },
    { host: own, 'sec-fetch-site': 'same-site', origin: `http://127.0.0.1:${port + 1}` },
  ];
  for (const headers of refused) {
    const answer = await get(port, '/proxy/btalk/v1/customers/9999/vpns', headers);
    assert.equal(answer.status, 401, JSON.stringify(headers));
    assert.doesNotMatch(answer.body, /aa76e66dfc63/);
  }
  assert.equal(lines.filter((l) => l.includes('/vpns')).every((l) => / 401 /.test(l)), true);
});

test('sameOriginPage reads Host, Origin and Sec-Fetch-Site', () => {
  const req = (headers) => ({ headers });
  assert.equal(sameOriginPage(req({ host: '127.0.0.1:80' }), 80), true);
  assert.equal(sameOriginPage(req({ host: '127.0.0.1:80', 'sec-fetch-site': 'none' }), 80), true);
  assert.equal(sameOriginPage(req({}), 80), false);
  assert.equal(sameOriginPage(req({ host: '127.0.0.1:81' }), 80), false);
  assert.equal(sameOriginPage(req({ host: '127.0.0.1:80', origin: 'null' }), 80), false);
});
