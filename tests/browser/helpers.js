// Shared plumbing for the browser tests: one server per test file (the demo app
// of examples/serve.js: stand-in API, same-origin proxy, /web and /dist, plus
// the test pages under /pages/), one headless Debian Chromium, a fresh page
// per test, and small helpers to read the stand-in's data and steer its faults.
import { cp, mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, beforeEach } from 'node:test';
import { chromium } from 'playwright-core';
import { createApp } from '../../examples/serve.js';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PAGES_DIR = join(REPO_ROOT, 'tests', 'browser', 'pages');
export const ARTIFACTS_DIR = join(REPO_ROOT, 'test-artifacts');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

/** True when the wasm core is built (dist/btalk-core.{js,wasm}); browser tests need it. */
export function coreIsBuilt() {
  return existsSync(join(REPO_ROOT, 'dist', 'btalk-core.js')) && existsSync(join(REPO_ROOT, 'dist', 'btalk-core.wasm'));
}

/**
 * A copy of the stand-in's bundled data in a temporary directory, with extra or
 * replaced countries (`countries`: { ISO2: countryObject }) for tests that need
 * data the bundled set does not have (hostile labels...). Remove it with `dispose`.
 */
export async function makeDataDir({ countries = {}, from = BUNDLED_DATA_DIR } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'btalk-browser-data-'));
  await cp(join(from, 'customers.json'), join(dir, 'customers.json'));
  await mkdir(join(dir, 'countries'));
  for (const name of await readdir(join(from, 'countries'))) {
    if (name.endsWith('.json')) await cp(join(from, 'countries', name), join(dir, 'countries', name));
  }
  for (const [iso2, country] of Object.entries(countries)) {
    await writeFile(join(dir, 'countries', `${iso2}.json`), JSON.stringify({ iso2, ...country }, null, 1));
  }
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** Reads one country file of a data directory (to derive expectations from the data, not hard-code them). */
export async function readCountry(dataDir, iso2) {
  return JSON.parse(await readFile(join(dataDir, 'countries', `${iso2}.json`), 'utf8'));
}

/** Lists the ISO2 codes a data directory holds. */
export async function listCountries(dataDir) {
  return (await readdir(join(dataDir, 'countries'))).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, 2));
}

const PAGE_TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

async function servePage(req, res, pathname) {
  const file = normalize(join(PAGES_DIR, decodeURIComponent(pathname.slice('/pages/'.length))));
  if (!file.startsWith(PAGES_DIR + sep)) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': PAGE_TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
}

/**
 * Starts examples/serve.js's app (stand-in with admin endpoints, proxy, /web, /dist)
 * on a free port, also serving tests/browser/pages at /pages/. State in memory only.
 * `log` receives the stand-in's "METHOD /path STATUS" lines (and the proxy's).
 * @returns {{ origin, standIn, server, close }}
 */
export async function startServer({ dataDir, faults, log, deduplicateOrders } = {}) {
  const { server, standIn } = createApp({ admin: true, stateFile: null, ...(dataDir ? { dataDir } : {}), faults, log, deduplicateOrders });
  const appListener = server.listeners('request')[0];
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    const pathname = req.url.split('?')[0];
    if (pathname.startsWith('/pages/')) servePage(req, res, pathname);
    else appListener(req, res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const close = () => new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
  return { origin, standIn, server, close };
}

/** Debian's Chromium, headless, with the flags of the project brief. */
/**
 * The before/after every Chromium test file needs: one server (startServer(`server`)) and one browser
 * for the file, closed after it, and with `reset` the stand-in's state reset before each test. Returns
 * { skip, server, browser }; `before` fills in the last two (nothing starts when the core is not built).
 */
export function browserSuite({ reset = false, server = {} } = {}) {
  const env = { skip: coreIsBuilt() ? false : 'the wasm core is not built (npm run build)', server: null, browser: null };
  before(async () => {
    if (env.skip) return;
    env.server = await startServer(server);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  if (reset) {
    beforeEach(async () => {
      if (!env.skip) await resetStandIn(env.server.origin);
    });
  }
  return env;
}

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Opens `path` on `origin` in a new context + page. Page errors and console errors are
 * collected in `page.problems` so a test can assert none happened. `init`: a function run in the page before
 * its own scripts (an observer that must see the first render).
 */
export async function openPage(browser, origin, path, { viewport = { width: 1000, height: 900 }, init } = {}) {
  const context = await browser.newContext({ viewport });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  page.closeAll = () => context.close();
  await page.goto(`${origin}${path}`);
  return page;
}

/** Sets the stand-in's faults ({ failRate, failStatus, malformedRate, latencyMs, ... }). */
export async function setFaults(origin, faults) {
  const answer = await fetch(`${origin}/__standin/faults`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(faults),
  });
  if (!answer.ok) throw new Error(`setting faults failed: ${answer.status} ${await answer.text()}`);
}

/** Clears faults and the stand-in's orders/voicesites. */
export async function resetStandIn(origin) {
  const answer = await fetch(`${origin}/__standin/reset`, { method: 'POST' });
  if (!answer.ok) throw new Error(`reset failed: ${answer.status}`);
}

let orderCount = 0;

/** Orders a voicesite through the proxy (as a portal would) and returns its id. Names are unique per call. */
export async function orderVoicesite(origin, customerCode, vpnId, country) {
  const unique = `${Date.now().toString(36)}${(orderCount += 1)}${Math.random().toString(36).slice(2, 6)}`;
  const reference = `TEST-${unique}`;
  const answer = await fetch(`${origin}/proxy/btalk/v1/customers/${encodeURIComponent(customerCode)}/orders/voicesite`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      customerOrderReference: reference,
      parameters: { technicalSiteName: `site-${unique}`, customerSiteLabel: `Browser test site ${unique}`, country, vpnId },
    }),
  });
  const body = await answer.json();
  if (!answer.ok) throw new Error(`ordering a voicesite failed: ${answer.status} ${JSON.stringify(body)}`);
  return String(body.voiceSiteId ?? body.parameters?.voiceSiteId);
}

export async function saveScreenshot(page, name, locator) {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, name);
  await (locator ?? page).screenshot({ path, ...(locator ? {} : { fullPage: true }) });
  return path;
}

/** Locators inside the page's element `tag` (CSS pierces open shadow roots): { root, name: root.locator(selector) ... }. */
export function elementUi(page, tag, selectors) {
  const root = page.locator(tag);
  return { root, ...Object.fromEntries(Object.entries(selectors).map(([name, selector]) => [name, root.locator(selector)])) };
}

/**
 * Waits until a choice field's list is there and final: a select of 1 to 30 choices (past its
 * placeholder), or an enabled combobox (a longer list shows as a select only until the combobox's
 * chunk is loaded).
 */
export async function waitForChoices(control, { timeout = 15000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const ready = await control.evaluate((element) => (element.tagName === 'SELECT'
      ? !element.disabled && [...element.options].filter((o) => o.value !== '').length > 0
        && [...element.options].filter((o) => o.value !== '').length <= 31
      : element.getAttribute('role') === 'combobox' && !element.disabled), null, { timeout: 1000 }).catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error('the choices never came');
    await new Promise((resolve) => { setTimeout(resolve, 50); });
  }
}

/**
 * The value chosen in a select or a combobox (which shows the label and says the value in data-value).
 * A text field with suggestions (a look-up's, e.g. PT's postal code) is a combobox too, without
 * data-value: its text is its value.
 */
export function chosenValue(control) {
  return control.evaluate((element) => ('value' in element.dataset ? element.dataset.value : element.value));
}

/**
 * Every option of a combobox, in its order ({ value, label, disabled }): opens its listbox and scrolls
 * it from top to bottom (it renders only the rows in view), then closes it. Throws unless every
 * option (aria-setsize of them) was seen.
 */
export async function comboboxOptions(combobox) {
  await waitForChoices(combobox);
  await combobox.click();
  const listbox = combobox.locator('xpath=..').locator('[role="listbox"]');
  await listbox.locator('[role="option"]').first().waitFor();
  const options = await listbox.evaluate(async (box) => {
    const seen = new Map();
    let size = 0;
    const frame = () => new Promise((resolve) => { requestAnimationFrame(() => requestAnimationFrame(resolve)); });
    for (box.scrollTop = 0; ; box.scrollTop += Math.max(1, box.clientHeight / 2)) {
      await frame();
      for (const option of box.querySelectorAll('[role="option"]')) {
        size = Number(option.getAttribute('aria-setsize'));
        seen.set(Number(option.getAttribute('aria-posinset')), {
          value: option.dataset.value, label: option.textContent, disabled: option.getAttribute('aria-disabled') === 'true',
        });
      }
      if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) break;
    }
    return { size, list: [...seen.entries()].sort(([a], [b]) => a - b).map(([, option]) => option) };
  });
  await combobox.press('Escape');
  if (options.list.length !== options.size) throw new Error(`read ${options.list.length} of the combobox's ${options.size} options`);
  return options.list;
}

/**
 * Chooses `value` in a choice field's control, whatever it is: a native <select>, or the type-ahead
 * combobox a list of more than 30 choices becomes (types the value, which the combobox searches along
 * with the labels, then clicks the option holding it).
 */
export async function chooseOption(control, value) {
  await waitForChoices(control);
  const tag = await control.evaluate((element) => element.tagName.toLowerCase());
  if (tag === 'select') {
    await control.selectOption(String(value));
    return;
  }
  await control.fill(String(value));
  // The combobox's own wrapper holds its input and its listbox.
  await control.locator('xpath=..').locator(`[role="option"][data-value="${String(value).replace(/["\\]/g, '\\$&')}"]`).click();
}
