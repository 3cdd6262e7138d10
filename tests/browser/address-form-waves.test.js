// How soon the unbundled address form works (issue #19): the raw files of web/ as `npm start` serves them. The
// browser must find every module the form needs within 3 waves of module requests (read from the DevTools
// protocol's initiators, as scripts/bench-browser.js does), the country's API requests must leave with the wasm
// and the glue (not after them), asked for by the entry module, and each API request leaves once, for what the page
// set right after its import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite } from './helpers.js';
import { initiatorOf, requestWaves, wavesBefore } from '../../scripts/bench-browser-waves.js';

const env = browserSuite();
const API = '/proxy/btalk/v1/';

/** Loads the page for `country` in a fresh context; the requests made until its first field is typeable. */
async function load(country) {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const events = [];
    const requests = new Map();
    cdp.on('Network.requestWillBeSent', (event) => {
      const { url, code } = initiatorOf(event.initiator);
      const path = new URL(event.request.url).pathname;
      events.push({ type: 'sent', id: event.requestId, url: event.request.url, script: event.type === 'Script', initiator: url, code });
      if (!requests.has(event.requestId)) requests.set(event.requestId, { id: event.requestId, path, script: event.type === 'Script', sent: events.length });
    });
    cdp.on('Network.loadingFinished', (event) => {
      events.push({ type: 'done', id: event.requestId });
      const request = requests.get(event.requestId);
      if (request) request.done = events.length;
    });
    await page.goto(`${env.server.origin}/pages/address-form-unbundled.html?country=${country}`);
    // Typeable: an enabled, visible text input of the form's shadow root.
    await page.waitForFunction(() => {
      const root = document.querySelector('btalk-address-form')?.shadowRoot;
      return [...(root?.querySelectorAll('input') ?? [])].some((el) => el.type !== 'hidden' && !el.disabled && !el.readOnly
        && el.getClientRects().length > 0);
    }, null, { timeout: 30000, polling: 20 });
    const typeableAt = events.length;
    const timing = await page.evaluate(() => ({
      resources: performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, e.startTime]),
    }));
    const startOf = new Map(timing.resources);
    const waves = requestWaves(events);
    const list = [...requests.values()].map((r) => ({ ...r, wave: waves.get(r.id), start: r.sent, startMs: startOf.get(r.path) }));
    return { problems, list, waves, typeableAt, deepest: wavesBefore(list, waves, typeableAt + 1) };
  } finally {
    await context.close();
  }
}

for (const country of ['CH', 'FR']) {
  test(`Chromium, unbundled ${country}: at most 3 waves of module requests before the form works`, { skip: env.skip }, async () => {
    const { problems, list, deepest } = await load(country);
    assert.deepEqual(problems, []);
    const scripts = list.filter((r) => r.script);
    assert.ok(deepest <= 3, `${deepest} waves: ${scripts.filter((r) => r.wave > 3).map((r) => `${r.path} (wave ${r.wave})`).join(', ')}`);
  });

  test(`Chromium, unbundled ${country}: the API requests leave with the wasm and its glue, once each`, { skip: env.skip }, async () => {
    const { problems, list } = await load(country);
    assert.deepEqual(problems, []);
    const api = list.filter((r) => r.path.startsWith(API));
    const wasm = list.find((r) => r.path.endsWith('/dist/btalk-address-core.wasm'));
    const glue = list.find((r) => r.path.endsWith('/dist/btalk-address-core.js'));
    assert.ok(wasm && glue, 'the address core is fetched');
    for (const name of ['addressconstraints', 'geographicalconstraints']) {
      const request = api.find((r) => r.path === `${API}countries/${country}/${name}`);
      assert.ok(request, `${name} requested`);
      // In the first wave of requests made by code: with the wasm, not after it arrived.
      assert.ok(request.wave <= wasm.wave, `${name} in wave ${request.wave}, the wasm in wave ${wasm.wave}`);
      assert.ok(request.sent < wasm.done, `${name} left after the wasm had arrived`);
    }
    assert.ok(wasm.wave <= 3, `the wasm leaves in wave ${wasm.wave}`);
    const paths = api.map((r) => r.path);
    assert.deepEqual(paths.filter((p, i) => paths.indexOf(p) !== i), [], 'an API request left twice');
  });
}

test('Chromium: what the page sets right after its import counts: only the new country is asked for, once', { skip: env.skip }, async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    const api = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith(API)) api.push(path);
    });
    await page.route('**/pages/address-form-unbundled.html*', async (route) => {
      const answer = await route.fetch();
      const body = (await answer.text()).replace(/<script type="module" src="([^"]+)"><\/script>/,
        `<script type="module">import '$1'; document.querySelector('btalk-address-form').setAttribute('country', 'GB');</script>`);
      await route.fulfill({ response: answer, body });
    });
    await page.goto(`${env.server.origin}/pages/address-form-unbundled.html?country=CH`);
    await page.locator('btalk-address-form [data-field="pc"] input').waitFor();
    assert.deepEqual(api.filter((p) => p.includes('/countries/CH')), [], 'nothing asked for the country the page replaced');
    assert.ok(api.includes(`${API}countries/GB/addressconstraints`));
    assert.deepEqual(api.filter((p, i) => api.indexOf(p) !== i), [], 'an API request left twice');
  } finally {
    await context.close();
  }
});
