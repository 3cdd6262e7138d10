// What the consumer matrix (matrix.test.js) does again and again: run a command, open a page in Chromium and
// collect what went wrong there, wait for <btalk-address-form> to show France.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const here = fileURLToPath(new URL('.', import.meta.url));
export const root = join(here, '..', '..');
export const fixture = (name) => join(here, name);
export const bin = (name) => join(here, 'node_modules', '.bin', name);

/** Runs a command; a failure shows its whole output. */
export async function sh(file, args, options = {}) {
  try {
    return await run(file, args, { maxBuffer: 64 * 1024 * 1024, ...options });
  } catch (error) {
    throw new Error(`${file} ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

/**
 * Opens `url` in a fresh context and runs `check(page)`; fails when the page logged an error, threw, or got an HTTP
 * error (but the API's 404s: the element probes for look-ups a country may not offer).
 * @param {{ init?: object, api: { api: string } }} options init: put on window.btalkTest before the page runs
 * @returns {Promise<{ value: *, requests: string[] }>}
 */
export async function onPage(browser, url, { init, api }, check) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  const probes = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const probe = /status of 404/.test(message.text()) && probes.includes(message.location().url);
    if (!probe) problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  let inFlight = 0;
  page.on('request', () => { inFlight += 1; });
  page.on('requestfinished', (request) => { inFlight -= 1; requests.push(request.url()); });
  page.on('requestfailed', (request) => {
    inFlight -= 1;
    // The element aborts a look-up it no longer needs (a newer one replaced it): not a failure.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    const fromApi = response.url().startsWith(api.api) || response.url().includes('/proxy/btalk/v1/');
    if (response.status() === 404 && fromApi) probes.push(response.url());
    else if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  try {
    if (init) await page.addInitScript((value) => { window.btalkTest = value; }, init);
    await page.goto(url);
    const value = await check(page).catch((error) => {
      throw new Error(`${url}: ${error.message}\n${problems.join('\n')}`);
    });
    // The form can show before Playwright has reported every request it made as finished (a busy machine
    // showed the race): wait, 10 s at most, until none is in flight, so `requests` holds them all.
    for (const end = Date.now() + 10_000; inFlight > 0 && Date.now() < end;) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(problems, []);
    if (process.env.BTALK_CONSUMERS_VERBOSE) console.log(url, requests);
    return { value, requests };
  } finally {
    await context.close();
  }
}

/** Waits until the <btalk-address-form> matching `selector` shows its form; resolves to its hno label and fields. */
export async function formShown(page, selector = 'btalk-address-form') {
  const handle = await page.waitForFunction((css) => {
    const shadow = document.querySelector(css)?.shadowRoot;
    const label = shadow?.querySelector('[data-field="hno"] [part~="label"]');
    return label ? { label: label.textContent, fields: [...shadow.querySelectorAll('[data-field]')].map((f) => f.dataset.field) } : null;
  }, selector, { timeout: 30_000 });
  return handle.jsonValue();
}

/** The time since `start` (performance.now()), in seconds with one decimal. */
export const seconds = (start) => `${((performance.now() - start) / 1000).toFixed(1)} s`;
