// The static site (npm run build:site -> site/) in Debian's Chromium: the built
// folder copied under a deep path with a space in it (/a b/c/demo/) and served
// by a plain file server that knows nothing of the API. The stand-in runs in
// the page: an FR order with its saved address, a CH address with geo choices,
// a reload that keeps the voicesite (IndexedDB), "Reset demo data", every table
// country's sample address, the bulk import of the sample CSV, the language menu
// (Italian), the CSP and phone width, direct mode against a real (local) API; and
// no request outside the folder's path, none answered 404 (favicon aside).
// The page is examples/page/index.html rendered for the site (tests/node/demo-page.test.js).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_DATA_DIR, createStandInServer } from '../../server/standin/server.js';
import { REPO_ROOT, chooseOption, coreIsBuilt, launchBrowser, readCountry, saveScreenshot, waitForChoices } from './helpers.js';
import {
  EXPECTED_404, PROBE_404, fillDirectSettings, orderUi, orderWithSearchedAddress, standaloneRegion, standalonePicker, standInCredentials,
  uniqueSiteName,
} from './order-helpers.js';
import { importUi } from './site-import-helpers.js';
import { auditPage, contrast } from './a11y-audit.js';
import { staticServer } from './static-server.js';

const skip = coreIsBuilt() ? false : 'the wasm core is not built (npm run build)';
const SUBPATH = '/a b/c/demo/';
const ENCODED_SUBPATH = '/a%20b/c/demo/';
const TABLE_COUNTRIES = ['AT', 'AU', 'BE', 'BL', 'CH', 'CZ', 'DE', 'DK', 'ES', 'FI', 'FR', 'GB', 'GF', 'GP', 'HK',
  'IE', 'IT', 'LU', 'MF', 'MQ', 'NL', 'NO', 'NZ', 'PL', 'PT', 'RE', 'SE', 'SJ', 'YT', 'US'];
let www;
let files;
let browser;
let creds;

before(async () => {
  if (skip) return;
  if (!existsSync(join(REPO_ROOT, 'site', 'index.html'))) {
    await new Promise((resolve, reject) => execFile(process.execPath, ['scripts/build-site.js'], { cwd: REPO_ROOT },
      (error, stdout, stderr) => (error ? reject(new Error(stderr || error.message)) : resolve())));
  }
  www = await mkdtemp(join(tmpdir(), 'btalk-site-'));
  await cp(join(REPO_ROOT, 'site'), join(www, ...SUBPATH.split('/').filter(Boolean)), { recursive: true });
  files = await staticServer(www);
  browser = await launchBrowser();
  creds = await standInCredentials();
});

after(async () => {
  await browser?.close();
  await files?.close();
  if (www) await rm(www, { recursive: true, force: true });
});

/**
 * A fresh context (its own IndexedDB) and the site page. Records every request and
 * response, CSP violations, page and console errors.
 */
async function openSite({ viewport = { width: 1280, height: 900 }, context } = {}) {
  const ctx = context ?? await browser.newContext({ viewport });
  const page = await ctx.newPage();
  page.problems = [];
  page.requests = [];
  page.badResponses = [];
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => page.requests.push(request.url()));
  page.on('requestfailed', (request) => page.badResponses.push(`failed ${request.failure()?.errorText} ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !new URL(response.url()).pathname.endsWith('/favicon.ico')) {
      page.badResponses.push(`${response.status()} ${response.url()}`);
    }
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.context = () => ctx;
  page.closeAll = () => (context ? page.close() : ctx.close());
  await page.goto(`${files.origin}${ENCODED_SUBPATH}`);
  return page;
}

/** Requests that left the folder's path (or the static server), and responses >= 400 (favicon aside). */
async function strayTraffic(page) {
  const outside = page.requests.filter((url) => {
    const u = new URL(url);
    return u.origin !== files.origin || !u.pathname.startsWith(ENCODED_SUBPATH);
  });
  return { outside, bad: page.badResponses, csp: await page.evaluate(() => window.__csp) };
}

/** Opens the site, runs `body(page)`, then checks that no request strayed or failed and no script error occurred. */
async function onSite(body, options) {
  const page = await openSite(options);
  try {
    await body(page);
    assert.deepEqual(await strayTraffic(page), { outside: [], bad: [], csp: [] });
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
}

function siteUi(page) {
  return {
    notice: page.locator('.standin-notice'),
    kept: page.locator('#kept-list li'),
    keptSummary: page.locator('#kept-summary'),
    reset: page.locator('#reset-demo'),
    resetStatus: page.locator('#reset-status'),
  };
}

describe('static site under a deep subpath, on a plain file server', { skip }, () => {
  test('FR order with its saved address; a reload keeps it; Reset demo data clears it; no stray request', async () => {
    const fr = await readCountry(BUNDLED_DATA_DIR, 'FR');
    const candidate = fr.addresses[1];
    const page = await openSite();
    try {
      const ui = orderUi(page);
      const site = siteUi(page);
      assert.match(await site.notice.textContent(), /built-in stand-in/i);
      assert.match(await site.notice.textContent(), /fake data/i);
      await site.keptSummary.filter({ hasText: 'No voicesite yet' }).waitFor();

      const name = uniqueSiteName('SITE');
      const voiceSiteId = await orderWithSearchedAddress(page, creds, { name, label: 'Static site, Issy', query: 'Roosevelt', candidate });
      const stored = await page.evaluate((id) => document.querySelector('#order').client.getVoiceAddress('9999', id), voiceSiteId);
      assert.deepEqual(stored, candidate.voiceAddress);
      await page.locator(`#kept-list li[data-voicesite-id="${voiceSiteId}"]`, { hasText: 'address saved' }).waitFor();
      await ui.newRow.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'site.png');

      // Reload: the stand-in reads its state back from IndexedDB.
      await page.reload();
      const kept = page.locator(`#kept-list li[data-voicesite-id="${voiceSiteId}"]`);
      await kept.waitFor();
      assert.match(await kept.textContent(), new RegExp(`${name}.*FR.*address saved`));
      const afterReload = await page.evaluate((id) => document.querySelector('#order').client.getVoiceAddress('9999', id), voiceSiteId);
      assert.deepEqual(afterReload, candidate.voiceAddress);

      await site.reset.click();
      await site.resetStatus.filter({ hasText: 'cleared' }).waitFor();
      assert.equal(await site.kept.count(), 0);
      await page.reload();
      await site.keptSummary.filter({ hasText: 'No voicesite yet' }).waitFor();
      assert.deepEqual(await page.evaluate(() => document.querySelector('#order').client.voicesites()), []);

      const stray = await strayTraffic(page);
      assert.deepEqual(stray, { outside: [], bad: [], csp: [] });
      assert.deepEqual(page.problems, []);
      assert.ok(files.log.every((r) => r.path.startsWith(ENCODED_SUBPATH)), 'the file server saw only the folder');
    } finally {
      await page.closeAll();
    }
  });

  test('CH address in the standalone form: geo choices come from the in-page stand-in', () => onSite(async (page) => {
    const ch = await readCountry(BUNDLED_DATA_DIR, 'CH');
    const picker = await standalonePicker(page, 'CH');
    assert.equal(await picker.locator('option').count(), (await readdirCountries()).length);
    // Switzerland's localities are a real-size list: a chunk of its own, not part of the first load.
    const geoChunks = (iso2) => page.requests.filter((url) => new RegExp(`/assets/geo-${iso2}-[^/]*\\.js$`).test(url));
    assert.deepEqual(geoChunks('CH'), [], 'not fetched before Switzerland is chosen');
    const area1 = ch.geoAreas[0];
    const { form, region } = await standaloneRegion(page, 'CH', area1.value);
    const shown = await region.locator('option').evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
    assert.deepEqual(shown.sort(), ch.geoAreas.map((a) => a.value).sort());
    await region.selectOption(area1.value);
    // The next level lists the children of the chosen area: more than 30 localities, a combobox.
    const child = area1.children?.at(-1);
    assert.ok(child && area1.children.length > 30, 'CH data has a long second level');
    await chooseOption(form.locator('[name="a3"]'), child.value);
    assert.equal((await form.evaluate((element) => element.value)).a3, child.value);
    assert.equal(geoChunks('CH').length, 1, 'fetched once, when needed');
    assert.deepEqual(geoChunks('ES'), [], "Spain's list is never fetched for Switzerland");
    const entries = await page.locator('#event-log li').evaluateAll((items) => items.map((li) => li.textContent));
    assert.ok(entries.some((t) => t.includes('btalk-loaded') && t.includes('CH')));
  }));

  test('every table country: its form loads in the page, shows the sample address valid, and the stand-in saves it', async () => {
    const page = await openSite();
    try {
      await page.locator('#standalone-country option[value="US"]').waitFor({ state: 'attached' });
      const samples = {};
      for (const iso2 of TABLE_COUNTRIES) {
        const country = await readCountry(BUNDLED_DATA_DIR, iso2);
        const manual = country.geographicalConstraints.dialZoneSelection === 'manual';
        const dialZone = country.dialZones?.[0]?.value ?? `+${country.countryCode}`;
        samples[iso2] = manual ? { ...country.sampleAddress, dialZone } : { ...country.sampleAddress };
      }
      const vpn = creds.customers.find((c) => c.customerCode === '9999').vpns[0].vpnId;
      const failures = await page.evaluate(async ({ samples: all, vpn: vpnId }) => {
        const form = document.querySelector('#standalone-address');
        const client = document.querySelector('#order').client;
        const out = [];
        const until = async (fn, what, ms = 10000) => {
          const end = Date.now() + ms;
          while (Date.now() < end) {
            if (fn()) return;
            await new Promise((r) => setTimeout(r, 25));
          }
          throw new Error(`timed out: ${what}`);
        };
        for (const [iso2, address] of Object.entries(all)) {
          try {
            let loaded = false;
            const onLoaded = (e) => { if (e.detail?.country === iso2 || e.detail?.country?.iso2 === iso2) loaded = true; };
            form.addEventListener('btalk-loaded', onLoaded);
            form.setAttribute('country', iso2);
            await until(() => loaded, `${iso2} form loaded`);
            form.removeEventListener('btalk-loaded', onLoaded);
            form.value = address;
            await until(() => {
              const root = form.shadowRoot;
              if (root.querySelector('[part="form"]').getAttribute('aria-busy') === 'true') return false;
              return Object.entries(address).every(([name, text]) => {
                const control = root.querySelector(`[data-field="${name}"] input, [data-field="${name}"] select`);
                // A list of more than 30 choices is a combobox: it shows the label, its value is in data-value.
                // A text field with suggestions (PT's postal code) is a combobox too, whose text is its value.
                const value = control && 'value' in control.dataset ? control.dataset.value : control?.value;
                return control && !control.disabled && value === text;
              }) && form.checkValidity();
            }, `${iso2} sample shown valid`);
            const order = await client.orderVoicesite('9999', {
              customerOrderReference: `all-${iso2}`, technicalSiteName: `ALL_${iso2}`, customerSiteLabel: `All countries ${iso2}`,
              country: iso2, vpnId,
            });
            await client.pushVoiceAddress('9999', order.voiceSiteId, address);
            const stored = await client.getVoiceAddress('9999', order.voiceSiteId);
            if (JSON.stringify(stored) !== JSON.stringify(address)) out.push(`${iso2}: stored ${JSON.stringify(stored)}`);
          } catch (error) {
            out.push(`${iso2}: ${error.message}`);
          }
        }
        return out;
      }, { samples, vpn });
      assert.deepEqual(failures, []);
      const sites = await page.evaluate(() => document.querySelector('#order').client.voicesites());
      assert.equal(sites.filter((s) => s.hasVoiceAddress).length, TABLE_COUNTRIES.length);
      assert.deepEqual(await strayTraffic(page), { outside: [], bad: [], csp: [] });
    } finally {
      await page.closeAll();
    }
  });

  test('bulk import: the sample CSV, pasted, is checked and ordered inside the page, each site with its address', () => onSite(async (page) => {
    const sample = await readFile(join(REPO_ROOT, 'examples', 'page', 'sample-sites.csv'), 'utf8');
    // The page's download link serves the same file from the folder.
    const link = page.locator('section.import a[download]');
    assert.equal(await link.getAttribute('href'), 'sample-sites.csv');
    assert.equal(await page.evaluate((href) => fetch(href).then((r) => r.text()), await link.getAttribute('href')), sample);

    const ui = importUi(page);
    await ui.paste.fill(sample);
    await ui.pasteButton.click();
    // The stand-in's demo key sees two customers: the element asks which one.
    await ui.root.locator('#customer-select option[value="9999"]').waitFor({ state: 'attached' });
    await ui.root.locator('#customer-select').selectOption('9999');
    await ui.summary.filter({ hasText: '10 ready' }).waitFor();
    assert.equal(await ui.summary.textContent(), '10 ready, 0 with problems, 0 not covered.');
    await ui.order.click();
    await ui.counts.filter({ hasText: '10 of 10' }).waitFor({ timeout: 60000 });
    const sites = (await page.evaluate(() => document.querySelector('#order').client.voicesites()))
      .filter((s) => s.technicalSiteName.startsWith('DEMO_'));
    assert.equal(sites.length, 10);
    assert.equal(new Set(sites.map((s) => s.country)).size, 10);
    assert.ok(sites.every((s) => s.hasVoiceAddress), 'every imported site has its address');
    await page.locator('#event-log li[data-event="btalk-import-done"]').waitFor();
    // The list of what this browser keeps follows the import.
    await page.locator('#kept-list li', { hasText: 'DEMO_SE_STOCKHOLM' }).waitFor();
    assert.equal(await page.locator('#kept-list li', { hasText: 'address saved' }).count(), 10);
    await saveScreenshot(page, 'site-import-static.png', page.locator('section.import'));
  }));

  test('the language menu offers the seven languages; Italian applies to the three elements', () => onSite(async (page) => {
    const options = await page.locator('#lang option').evaluateAll((list) => list.map((o) => o.value));
    assert.deepEqual(options, ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt']);
    const order = orderUi(page);
    const imports = importUi(page);
    const search = page.locator('#standalone-address #search-label');
    await search.waitFor();
    assert.equal(await order.button.textContent(), 'Order the voicesite');
    await page.locator('#lang').selectOption('it');
    await page.locator('#apply-settings').click();
    await order.button.filter({ hasText: 'Ordina il sito voce' }).waitFor();
    await imports.pasteButton.filter({ hasText: 'Leggi il testo incollato' }).waitFor();
    await search.filter({ hasText: 'Cerca l’indirizzo' }).waitFor();
    for (const id of ['order', 'standalone-address', 'site-import']) assert.equal(await page.locator(`#${id}`).getAttribute('lang'), 'it');
  }));

  test('CSP in a meta tag, no inline script, style or data: URL; phone width without sideways scrolling', () => onSite(async (page) => {
    await orderUi(page).customer.locator('option[value="9999"]').waitFor({ state: 'attached' });
    const facts = await page.evaluate(() => ({
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '',
      inlineScripts: document.querySelectorAll('script:not([src])').length,
      styleElements: document.querySelectorAll('style').length,
      styleAttributes: document.querySelectorAll('[style]').length,
      dataUrls: [...document.querySelectorAll('[src], [href]')].map((e) => e.getAttribute('src') ?? e.getAttribute('href'))
        .filter((u) => /^\s*data:/i.test(u)),
      icon: document.querySelector('link[rel="icon"]')?.getAttribute('href'),
      scrollWidth: document.documentElement.scrollWidth,
      width: window.innerWidth,
    }));
    assert.match(facts.csp, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.equal(facts.inlineScripts, 0);
    assert.equal(facts.styleElements, 0);
    assert.equal(facts.styleAttributes, 0);
    assert.deepEqual(facts.dataUrls, []);
    assert.equal(facts.icon, 'favicon.svg');
    assert.ok(facts.scrollWidth <= facts.width, `no sideways scroll at 360 px (${facts.scrollWidth} > ${facts.width})`);
    await saveScreenshot(page, 'site-phone.png');
  }, { viewport: { width: 360, height: 740 } }));

  test('accessibility: the audit of the served demo passes; Reset demo data is reachable by Tab with a 3:1 focus ring', async () => {
    const page = await openSite();
    try {
      await waitForChoices(page.locator('#order #country-select'));
      await page.locator('#standalone-address input[name="pc"]').waitFor({ state: 'attached' }); // folded under the search
      const initial = await page.evaluate(auditPage);
      assert.deepEqual(initial.problems, [], initial.headings.join(' | '));
      assert.equal(initial.headings.filter((h) => h.startsWith('h1 ')).length, 1, 'one h1');
      assert.ok(initial.headings.some((h) => /^h2 Fake data/.test(h)), 'the stand-in notice is a section with its own h2');
      await page.locator('#order #order-button').click();
      await page.locator('#order #customer-select[aria-invalid="true"]').waitFor();
      assert.deepEqual((await page.evaluate(auditPage)).problems, []);

      await page.locator('body').click({ position: { x: 1, y: 1 } });
      let ring = null;
      for (let stop = 0; stop < 10 && !ring; stop += 1) {
        await page.keyboard.press('Tab');
        ring = await page.evaluate(() => {
          const active = document.activeElement;
          if (active?.id !== 'reset-demo') return null;
          const style = getComputedStyle(active);
          const colours = [style.outlineColor, ...[...style.boxShadow.matchAll(/rgba?\([^)]*\)/g)].map((m) => m[0])];
          return { colours, background: getComputedStyle(active.closest('.standin-notice')).backgroundColor };
        });
      }
      assert.ok(ring, 'Tab reaches the Reset demo data button');
      const best = Math.max(...ring.colours.map((c) => contrast(c, ring.background)));
      assert.ok(best >= 3, `focus indicator contrast ${best.toFixed(2)}`);
    } finally {
      await page.closeAll();
    }
  });

  test('direct mode talks to a real API base URL (a local stand-in on another origin)', async (t) => {
    const api = createStandInServer();
    await new Promise((r) => api.server.listen(0, '127.0.0.1', r));
    t.after(() => new Promise((r) => { api.server.closeAllConnections(); api.server.close(r); }));
    const base = `http://127.0.0.1:${api.server.address().port}/btalk/v1`;
    const page = await openSite();
    try {
      const ui = orderUi(page);
      await ui.accessInfo.filter({ hasText: 'full' }).waitFor();
      await fillDirectSettings(page, { base, clientId: creds.clientId, clientSecret: creds.clientSecret, apiKey: creds.readonlySingleKey });
      await page.locator('#apply-settings').click();
      await ui.accessInfo.filter({ hasText: 'readonly' }).waitFor();
      assert.equal(await ui.button.isDisabled(), true);
      const toApi = page.requests.filter((u) => u.startsWith(`http://127.0.0.1:${api.server.address().port}/`));
      assert.ok(toApi.some((u) => u.endsWith('/oauth/v3/token')) && toApi.some((u) => u.endsWith('/btalk/v1/me')), toApi.join('\n'));
      // Back to the built-in stand-in.
      await page.locator('input[name="mode"][value="standin"]').check();
      await page.locator('#apply-settings').click();
      await ui.accessInfo.filter({ hasText: 'full' }).waitFor();
      assert.equal(await ui.button.isDisabled(), false);
      assert.deepEqual((await page.evaluate(() => window.__csp)), []);
      // EXPECTED_404, PROBE_404: answers that say "none" (Chromium logs each as a console error).
      // Switching back to the stand-in cancels what the elements still had in flight to the API.
      assert.deepEqual(page.badResponses.filter((r) => !(r.startsWith('404 ') && (EXPECTED_404.test(r) || PROBE_404.test(r)))
        && !r.startsWith('failed net::ERR_ABORTED ')), []);
      assert.deepEqual(page.problems.filter((p) => !p.includes('Failed to load resource')), []);
    } finally {
      await page.closeAll();
    }
  });
});

async function readdirCountries() {
  return (await readdir(join(BUNDLED_DATA_DIR, 'countries'))).filter((n) => n.endsWith('.json'));
}
