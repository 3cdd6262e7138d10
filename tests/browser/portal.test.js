// examples/portal in Chromium: sign in through the form, the order element loads its data
// through the portal's gated proxy under a strict CSP, and no secret reaches the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, saveScreenshot } from './helpers.js';
import { orderUi } from './order-helpers.js';
import { createStandIn } from '../../server/standin/server.js';
import { createPortal } from '../../examples/portal/server.js';

let browser;
let standIn;
let portal;
let origin;
let secrets;

before(async () => {
  standIn = createStandIn({});
  await new Promise((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
  const upstream = `http://127.0.0.1:${standIn.server.address().port}`;
  const { clientId, clientSecret, apiKey } = standIn.demo;
  secrets = [clientSecret, apiKey];
  portal = createPortal({
    btalk: {
      apiBase: `${upstream}/btalk/v1`, tokenUrl: `${upstream}/oauth/v3/token`,
      clientId, clientSecret, apiKey,
    },
    users: { demo: 'portal-password' },
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => portal.once('listening', resolve));
  origin = `http://127.0.0.1:${portal.address().port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  portal?.closeAllConnections();
  standIn?.server.closeAllConnections();
  await Promise.all([new Promise((r) => portal.close(r)), new Promise((r) => standIn.server.close(r))]);
});

test('sign in, then the order element works through the gated proxy under a strict CSP', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/.test(message.text())) problems.push(message.text());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const apiCalls = [];
  page.on('request', (request) => { if (request.url().includes('/api/btalk/v1/')) apiCalls.push(request); });

  await page.goto(`${origin}/`);
  await page.getByLabel('User name').fill('demo');
  await page.getByLabel('Password').fill('portal-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  const ui = orderUi(page);
  await ui.root.waitFor();
  // The demo key manages several customers: the element asks which one.
  await page.waitForFunction(() => document.querySelector('btalk-voicesite-order')?.shadowRoot
    ?.querySelector('#customer-select')?.options.length > 1, null, { timeout: 15000 });
  await ui.customer.selectOption({ index: 1 });
  await page.waitForFunction(() => {
    const select = document.querySelector('btalk-voicesite-order')?.shadowRoot?.querySelector('#vpnId-select');
    return select && select.options.length > 1;
  }, null, { timeout: 15000 });
  await saveScreenshot(page, 'portal.png');

  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  assert.equal(await page.evaluate(() => document.cookie), '', 'the session cookie is HttpOnly');
  assert.ok(apiCalls.length > 0);
  for (const request of apiCalls) {
    const headers = await request.allHeaders();
    assert.equal(headers.authorization, undefined);
    assert.equal(headers['x-bt-api-key'], undefined);
  }
  const html = await page.evaluate(() => {
    const walk = (root) => [root.innerHTML ?? '', ...[...root.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => walk(e.shadowRoot))].join('');
    return walk(document.documentElement) + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
  });
  for (const secret of secrets) assert.ok(!html.includes(secret), 'a secret reached the page');

  // Signed out, the same page's element gets 401s and says so instead of showing data.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('User name').waitFor();
  const after = await page.evaluate(async () => (await fetch('/api/btalk/v1/me')).status);
  assert.equal(after, 401);
  await context.close();
});
