// Helpers for the <btalk-site-import> browser tests and the import benchmark: a test page
// that mounts the element with a proxy-mode client (plus per-request fault rules that add
// X-Standin-* headers, and counters of the order and address requests), and CSV files built
// from the stand-in's own sample addresses.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import { elementUi } from './helpers.js';

export const IMPORT_TAG = 'btalk-site-import';
const TEST_PAGE = '/__import-test.html';
const TEST_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>btalk-site-import test page</title><link rel="icon" href="data:,">
<style>body { margin: 0; padding: 8px; font-family: sans-serif; }</style>
</head><body><main id="host"></main></body></html>`;

/** A country file of the bundled stand-in data. */
export async function standInCountry(iso2) {
  return JSON.parse(await readFile(join(BUNDLED_DATA_DIR, 'countries', `${iso2}.json`), 'utf8'));
}

/** The customer's VPNs in the stand-in data. */
export async function standInVpns(customerCode) {
  const data = JSON.parse(await readFile(join(BUNDLED_DATA_DIR, 'customers.json'), 'utf8'));
  return data.customers.find((c) => c.customerCode === customerCode).vpns;
}

/**
 * A valid row for `iso2` (its sample address, plus the first dial zone where the customer
 * must choose one) as { field: value }.
 */
export async function validSite(iso2, name, vpnId) {
  const country = await standInCountry(iso2);
  const manual = country.geographicalConstraints?.dialZoneSelection === 'manual';
  const zone = manual && country.dialZones?.length ? country.dialZones[0].value : '';
  return { technicalSiteName: name, customerSiteLabel: `Site ${name}`, country: iso2, vpnId, ...country.sampleAddress, ...(zone ? { dialZone: zone } : {}) };
}

/** CSV text from headers and row objects (keys = headers); quotes every cell. */
export function csvOf(headers, rows, delimiter = ',') {
  const quote = (v) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  return [headers.map(quote).join(delimiter), ...rows.map((r) => headers.map((h) => quote(r[h])).join(delimiter))].join('\r\n');
}

/** Opens the test page on `origin` in a fresh context; page.problems collects page errors. */
export async function openImportPage(browser, origin, { viewport = { width: 1280, height: 900 }, context } = {}) {
  const ctx = context ?? await browser.newContext({ viewport, acceptDownloads: true });
  const page = await ctx.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  // "Failed to load resource" is Chromium noting an HTTP error status (an API 404 meaning
  // "none", an injected 500): the element handles those; any other console error counts.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) page.problems.push(`console: ${message.text()}`);
  });
  page.httpErrors = [];
  page.on('response', (response) => { if (response.status() >= 400) page.httpErrors.push(`${response.status()} ${new URL(response.url()).pathname}`); });
  await page.route(`${origin}${TEST_PAGE}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: TEST_HTML }));
  page.closeAll = () => ctx.close();
  await page.goto(`${origin}${TEST_PAGE}`);
  return page;
}

/** Runs `body(page)` on a fresh import page of `env` ({ browser, server }), checks no page error happened, closes it. */
export async function withImportPage(env, body) {
  const page = await openImportPage(env.browser, env.server.origin);
  try {
    await body(page);
    assert.deepEqual(page.problems, [], 'no page error');
  } finally {
    await page.closeAll();
  }
}

/**
 * Mounts <btalk-site-import id="import"> with a proxy-mode client. faultRules:
 * [{ method, path, headers, times }] add headers to the first `times` matching requests.
 * window.__requests counts order POSTs and voiceaddress PUTs by URL path.
 */
export async function mountImport(page, { attributes = {}, faultRules = [], mode = 'proxy', apiKey, clientId, clientSecret } = {}) {
  await page.evaluate(async ({ attributes, faultRules, mode, apiKey, clientId, clientSecret }) => {
    const { testClient } = await import('/pages/page-client.js');
    await import('/web/components/site-import/site-import.js');
    window.__events = [];
    for (const type of ['btalk-import-progress', 'btalk-import-row', 'btalk-import-done', 'btalk-error']) {
      document.addEventListener(type, (event) => window.__events.push({ type, detail: JSON.parse(JSON.stringify(event.detail ?? null)) }));
    }
    const element = document.createElement('btalk-site-import');
    element.id = 'import';
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.client = testClient({ mode, apiKey, clientId, clientSecret, faultRules });
    document.querySelector('#host').append(element);
  }, { attributes, faultRules, mode, apiKey, clientId, clientSecret });
}

/** Locators inside the element (Playwright CSS pierces open shadow roots). */
export function importUi(page) {
  const ui = elementUi(page, IMPORT_TAG, {
    file: '#file-input', paste: '#paste-input', pasteButton: '#paste-button', apply: '#apply-mapping',
    summary: '#summary', filter: '#problems-only', rows: 'tbody tr[data-row]', order: '#order-button',
    pause: '#pause-button', cancel: '#cancel-button', resume: '#resume-button', counts: '#run-counts',
    download: '#download-button',
  });
  return {
    ...ui,
    mapping: (i) => ui.root.locator(`select[data-column="${i}"]`),
    row: (n) => ui.root.locator(`tbody tr[data-row="${n}"]`),
  };
}

/** Waits for the btalk-import-done event (the n-th one) and returns its detail. */
export async function waitForDone(page, nth = 1, timeout = 60000) {
  const handle = await page.waitForFunction((n) => window.__events.filter((e) => e.type === 'btalk-import-done').length >= n,
    nth, { timeout });
  await handle.dispose();
  return page.evaluate((n) => window.__events.filter((e) => e.type === 'btalk-import-done')[n - 1].detail, nth);
}
