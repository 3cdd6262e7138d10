// Helpers for the <btalk-voicesite-order> browser tests (order*.test.js, demo.test.js),
// on top of helpers.js: the harness the order*.test.js files share (one stand-in and one
// Chromium per file), a test page that mounts the element with a client of the
// test's choosing (proxy or direct mode, a short timeout, per-request fault rules
// that add X-Standin-* or a bad Authorization header), and small steps of the flow.
import { before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import { browserSuite, chooseOption, elementUi } from './helpers.js';

export const ORDER_TAG = 'btalk-voicesite-order';
const TEST_PAGE = '/__order-test.html';
const TEST_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>btalk-voicesite-order test page</title>
<style>body { margin: 0; padding: 8px; font-family: sans-serif; }</style>
</head><body><main id="host"></main></body></html>`;

// 404 is how the API says "none" for these (contract.md): not a failure of a page. The address
// form's probes (one per look-up and country: /addresses?q=1, /postalcodes?q=1, /parishes?a1=1&a2=1)
// learn which look-ups a country offers the same way.
export const EXPECTED_404 = /\/(dialzones|geographicalconstraints|voiceaddress)$/;
export const PROBE_404 = /\/(addresses\?q=1|postalcodes\?q=1|parishes\?a1=1&a2=1)&offset=0&limit=1000$/;

/** The stand-in's demo credentials, read from its data (never typed into tests). */
export async function standInCredentials(dataDir = BUNDLED_DATA_DIR) {
  const data = JSON.parse(await readFile(join(dataDir, 'customers.json'), 'utf8'));
  const client = data.oauthClients[0];
  const keyWhere = (test) => data.apiKeys.find(test)?.key;
  return {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    // One customer only: the element picks it on its own.
    fullSingleKey: keyWhere((k) => k.rightsProfile === 'full' && k.customerCodes.length === 1),
    readonlySingleKey: keyWhere((k) => k.rightsProfile === 'readonly' && k.customerCodes.length === 1),
    customers: data.customers,
  };
}

/**
 * The harness of an order*.test.js file; call it once, at the top level (`server`: startServer's
 * options). Registers: before
 * all, the stand-in's credentials, a stand-in server and Chromium; after all, both closed;
 * before each test, the stand-in reset. Returns `{ skip, server, browser, creds, withPage }`
 * (server, browser and creds are set once `before` has run). `skip` is the reason to skip
 * (the wasm core is not built) or false; `withPage(body, options)` runs `body(page)` on a
 * fresh openOrderPage, checks no script error happened, and closes the page.
 */
export function orderHarness(server = {}) {
  const env = browserSuite({ reset: true, server });
  env.creds = null;
  before(async () => {
    if (!env.skip) env.creds = await standInCredentials();
  });
  env.withPage = async (body, options) => {
    const page = await openOrderPage(env.browser, env.server.origin, options);
    try {
      await body(page);
      assert.deepEqual(page.problems, [], 'no page error');
    } finally {
      await page.closeAll();
    }
  };
  return env;
}

/**
 * Opens the test page (served by page.route on the server's origin, so /web and /dist
 * load same-origin) in a fresh context. `page.problems` collects page errors.
 */
export async function openOrderPage(browser, origin, { viewport = { width: 1000, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  page.posts = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/orders(\/voicesite)?$/.test(new URL(request.url()).pathname)) {
      page.posts.push(request.url());
    }
  });
  await page.route(`${origin}${TEST_PAGE}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: TEST_HTML }));
  page.closeAll = () => context.close();
  await page.goto(`${origin}${TEST_PAGE}`);
  return page;
}

/**
 * Mounts <btalk-voicesite-order id="order"> with its own BtalkClient.
 * @param {object} options
 *   mode: 'proxy' (default) | 'direct'; apiKey, clientId, clientSecret (direct);
 *   timeoutMs; attributes; faultRules: [{ method, path, headers, times }]
 *   (headers added to the first `times` matching requests).
 */
export async function mountOrder(page, options = {}) {
  await page.evaluate(async ({ mode = 'proxy', apiKey, clientId, clientSecret, timeoutMs = 15000, attributes = {}, faultRules = [] }) => {
    const { testClient } = await import('/pages/page-client.js');
    await import('/web/elements/index.js');
    window.__events = [];
    for (const type of ['btalk-order-created', 'btalk-address-saved', 'btalk-error']) {
      document.addEventListener(type, (event) => {
        window.__events.push({ type, detail: JSON.parse(JSON.stringify(event.detail ?? null)) });
      });
    }
    const client = testClient({ mode, apiKey, clientId, clientSecret, timeoutMs, faultRules });
    // Counts the element's order calls (the client also shares concurrent same-reference
    // calls, so POSTs alone would not show whether the element itself guards).
    window.__orderCalls = 0;
    const orderVoicesite = client.orderVoicesite.bind(client);
    client.orderVoicesite = (...args) => {
      window.__orderCalls += 1;
      return orderVoicesite(...args);
    };
    const element = document.createElement('btalk-voicesite-order');
    element.id = 'order';
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.client = client;
    document.querySelector('#host').append(element);
  }, options);
}

/** Locators inside the order element (Playwright CSS pierces open shadow roots). */
export function orderUi(page) {
  return elementUi(page, ORDER_TAG, {
    customer: '#customer-select', vpn: '#vpnId-select', country: '#country-select', name: '#technicalSiteName-input',
    label: '#customerSiteLabel-input', reference: '#customerOrderReference-input', button: '#order-button',
    reason: '#order-reason', accessInfo: '#access-info', orderError: '[data-slot="order"] [role="alert"]',
    orderRetry: '[data-slot="order"] button.retry', created: '#created-title', list: '[data-step="list"] table',
    newRow: '[data-step="list"] tr.new', address: 'btalk-address-form',
  });
}

/** Waits until `fn` (run in the page) returns a truthy value; returns it. */
export async function waitInPage(page, fn, arg, timeout = 15000) {
  const handle = await page.waitForFunction(fn, arg, { timeout });
  return handle.jsonValue();
}

/** The events the page recorded (btalk-order-created, btalk-address-saved, btalk-error). */
export function recordedEvents(page) {
  return page.evaluate(() => window.__events);
}

/** Fills the order part of the flow (customer when asked, VPN, country, names). */
export async function fillOrder(page, { customer, vpn, country, name, label }) {
  const ui = orderUi(page);
  if (customer) await chooseOption(ui.customer, customer);
  await chooseOption(ui.vpn, vpn);
  await chooseOption(ui.country, country);
  await ui.name.fill(name);
  await ui.label.fill(label);
}

/** Clicks the order button and waits for the result; returns the shown voiceSiteId. */
export async function submitOrder(page) {
  const ui = orderUi(page);
  await ui.button.click();
  await ui.created.waitFor();
  return page.evaluate((tag) => document.querySelector(tag).voiceSiteId, ORDER_TAG);
}

/**
 * Orders a voicesite for customer 9999 (its first VPN) in France, types `query` in the address search, picks
 * `candidate` and saves it; checks that the new row of the list is that voicesite and resolves to its id.
 */
export async function orderWithSearchedAddress(page, creds, { name, label, query, candidate }) {
  const ui = orderUi(page);
  const vpn = creds.customers.find((c) => c.customerCode === '9999').vpns[0].vpnId;
  await fillOrder(page, { customer: '9999', vpn, country: 'FR', name, label });
  const voiceSiteId = await submitOrder(page);
  assert.ok(voiceSiteId);
  await ui.address.locator('#search-input').fill(query);
  await ui.address.locator('[role="option"]', { hasText: candidate.label }).click();
  await ui.address.locator('[part="save"]').click();
  await ui.newRow.waitFor();
  assert.equal(await ui.newRow.getAttribute('data-voicesite-id'), voiceSiteId);
  return voiceSiteId;
}

/** The demo page's settings panel (demo and static site): direct mode with these credentials, not yet applied. */
export async function fillDirectSettings(page, { base, clientId, clientSecret, apiKey }) {
  await page.locator('input[name="mode"][value="direct"]').check();
  await page.locator('#base-url').fill(base);
  await page.locator('#client-id').fill(clientId);
  await page.locator('#client-secret').fill(clientSecret);
  await page.locator('#api-key').fill(apiKey);
}

/** Clicks the order button and waits for the order step's error; returns its text. */
export async function failedOrderText(page) {
  const ui = orderUi(page);
  await ui.button.click();
  await ui.orderError.waitFor();
  return ui.orderError.textContent();
}

/** The demo page's standalone country picker (demo and static site), once it offers `iso2`. */
export async function standalonePicker(page, iso2) {
  const picker = page.locator('#standalone-country');
  await picker.locator(`option[value="${iso2}"]`).waitFor({ state: 'attached' });
  return picker;
}

/** Chooses `iso2` in the standalone picker; its address form and first-level select, once that offers `area`. */
export async function standaloneRegion(page, iso2, area) {
  await page.locator('#standalone-country').selectOption(iso2);
  const form = page.locator('#standalone-address');
  const region = form.locator('select[name="a1"]');
  await region.locator(`option[value="${area}"]`).waitFor({ state: 'attached' });
  return { form, region };
}

/** GET /voicesites through the proxy (the demo key sees customers 9999 and 4242), every page. */
export async function listVoicesites(origin) {
  return listAll(`${origin}/proxy/btalk/v1/voicesites`);
}

/** Every item of a collection of the stand-in (paged at 40 by default): one page of up to 1000, checked whole. */
export async function listAll(url) {
  const answer = await fetch(`${url}${url.includes('?') ? '&' : '?'}limit=1000`);
  if (!answer.ok) throw new Error(`GET ${url} answered ${answer.status}`);
  const body = await answer.json();
  if (body.length !== Number(answer.headers.get('x-total-count'))) throw new Error(`GET ${url}: more than one page`);
  return body;
}

/** A technical site name unique to one test run. */
export function uniqueSiteName(prefix) {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
}

/** The id of the element that has focus, looking through shadow roots. */
export function deepActiveId(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id ?? '';
  });
}

/**
 * Presses Tab until the focused element (looking through shadow roots) has the
 * given id, or the given part: `{ id }` or `{ part }`.
 */
export async function tabUntil(page, wanted, { max = 40, shift = false } = {}) {
  for (let i = 0; i < max; i += 1) {
    const reached = await page.evaluate(({ id, part }) => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      if (!active) return false;
      return id !== undefined ? active.id === id : (active.getAttribute('part') ?? '').split(/\s+/).includes(part);
    }, wanted);
    if (reached) return;
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${JSON.stringify(wanted)} (focus on #${await deepActiveId(page)})`);
}

/** Presses Tab until the element with `id` (in any shadow root) has focus. */
export function tabTo(page, id, options) {
  return tabUntil(page, { id }, options);
}
