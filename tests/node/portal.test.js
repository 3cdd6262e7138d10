// examples/portal: an Express portal whose server adds the Business Talk credentials through
// btalk-forms/proxy for signed-in users only, and serves a strict-CSP page with the elements.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CLIENT, FIXTURES_DIR, KEYS, close, order } from './fixtures/standin/harness.js';
import { createStandIn } from '../../server/standin/server.js';
import { CSP, createPortal } from '../../examples/portal/server.js';

let standIn;
let portal;
let base;

before(async () => {
  standIn = createStandIn({ dataDir: FIXTURES_DIR });
  await new Promise((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
  const upstream = `http://127.0.0.1:${standIn.server.address().port}`;
  portal = createPortal({
    btalk: {
      apiBase: `${upstream}/btalk/v1`, tokenUrl: `${upstream}/oauth/v3/token`,
      clientId: CLIENT.id, clientSecret: CLIENT.secret, apiKey: KEYS.full,
    },
    users: { alice: 'correct horse' },
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => portal.once('listening', resolve));
  base = `http://127.0.0.1:${portal.address().port}`;
});

after(async () => {
  await close(portal);
  await close(standIn.server);
});

const login = (user, password) => fetch(`${base}/login`, {
  method: 'POST', redirect: 'manual',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ user, password }),
});

test('signed out: the login page, and the API proxy answers 401 without reaching Business Talk', async () => {
  const page = await fetch(`${base}/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<form method="post" action="\/login"/);
  const me = await fetch(`${base}/api/btalk/v1/me`);
  assert.equal(me.status, 401);
  assert.equal((await me.json()).code, 'UNAUTHORIZED');
  const forged = await fetch(`${base}/api/btalk/v1/me`, { headers: { Cookie: 'portal_session=guess' } });
  assert.equal(forged.status, 401);
  assert.equal((await login('alice', 'wrong')).status, 401);
  assert.equal((await login('mallory', 'correct horse')).status, 401);
});

test('signed in: an HttpOnly SameSite=Strict session opens the page and the proxy, until sign-out', async () => {
  const signed = await login('alice', 'correct horse');
  assert.equal(signed.status, 303);
  const cookie = signed.headers.get('set-cookie');
  assert.match(cookie, /^portal_session=[\w-]{40,};/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  const session = cookie.split(';')[0];

  const page = await fetch(`${base}/`, { headers: { Cookie: session } });
  const html = await page.text();
  assert.equal(page.headers.get('content-security-policy'), CSP);
  assert.match(CSP, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(html, /<btalk-voicesite-order api-base="\/api\/btalk\/v1"/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)/, 'no inline script');
  assert.doesNotMatch(html, /<style|\sstyle=/, 'no inline style');
  assert.ok(!html.includes(KEYS.full) && !html.includes(CLIENT.secret));

  const me = await fetch(`${base}/api/btalk/v1/me`, { headers: { Cookie: session } });
  assert.deepEqual(await me.json(), { rightsProfile: 'full' });
  const created = await fetch(`${base}/api/btalk/v1/customers/9999/orders/voicesite`, {
    method: 'POST', headers: { Cookie: session, 'Content-Type': 'application/json' }, body: JSON.stringify(order('portal-1')),
  });
  assert.equal(created.status, 201);
  const crossSite = await fetch(`${base}/api/btalk/v1/me`, { headers: { Cookie: session, 'Sec-Fetch-Site': 'cross-site' } });
  assert.equal(crossSite.status, 401);

  const out = await fetch(`${base}/logout`, { method: 'POST', redirect: 'manual', headers: { Cookie: session } });
  assert.equal(out.status, 303);
  assert.equal((await fetch(`${base}/api/btalk/v1/me`, { headers: { Cookie: session } })).status, 401);
});

test('the package files are served for the page; nothing else of the repository is', async () => {
  const elements = await fetch(`${base}/node_modules/btalk-forms/web/elements/index.js`);
  assert.equal(elements.status, 200);
  assert.match(elements.headers.get('content-type'), /javascript/);
  assert.equal((await fetch(`${base}/node_modules/btalk-forms/package.json`)).status, 404);
  assert.equal((await fetch(`${base}/server.js`)).status, 404);
});
