// The demo page (examples/page, rendered for npm start) served by examples/serve.js on a free port: an order
// with its address in the default proxy mode (screenshot in test-artifacts/demo.png),
// direct mode with credentials typed into the settings panel (kept out of the DOM,
// URL and storage), the standalone address form's country picker and the event log.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import { browserSuite, coreIsBuilt, openPage, readCountry, resetStandIn, saveScreenshot, waitForChoices } from './helpers.js';
import {
  EXPECTED_404, PROBE_404, fillDirectSettings, listVoicesites, orderUi, orderWithSearchedAddress, standaloneRegion, standalonePicker,
  standInCredentials, uniqueSiteName,
} from './order-helpers.js';

const skip = coreIsBuilt() ? false : 'the wasm core is not built (npm run build)';

const env = browserSuite();
let creds;
before(async () => {
  if (!env.skip) creds = await standInCredentials();
});

async function openDemo(options) {
  await resetStandIn(env.server.origin);
  const page = await openPage(env.browser, env.server.origin, '/', options);
  page.failedResponses = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    const probe = PROBE_404.test(response.url());
    if (response.status() >= 400 && !(response.status() === 404 && (EXPECTED_404.test(path) || probe))) {
      page.failedResponses.push(`${response.status()} ${path}`);
    }
  });
  return page;
}

/** Script errors and unexpected HTTP failures (Chromium logs every 4xx fetch to the console). */
function unexpectedProblems(page) {
  return [...page.problems.filter((p) => !p.includes('Failed to load resource')), ...page.failedResponses];
}

/** Opens the demo, runs `body(page)`, then checks that no script error or unexpected HTTP failure occurred. */
async function onDemo(body, options) {
  const page = await openDemo(options);
  try {
    await body(page);
    assert.deepEqual(unexpectedProblems(page), []);
  } finally {
    await page.closeAll();
  }
}

/** Once the page is ready: its settings in direct mode against the test's stand-in, with this secret and key (not applied). */
async function fillDirect(page, clientSecret, apiKey) {
  await waitForChoices(orderUi(page).country);
  await fillDirectSettings(page, { base: `${env.server.origin}/btalk/v1`, clientId: creds.clientId, clientSecret, apiKey });
}

/** The texts of the event log entries, newest first. */
function logEntries(page) {
  return page.locator('#event-log li').evaluateAll((items) => items.map((li) => ({ event: li.dataset.event, text: li.textContent })));
}

describe('demo page', { skip }, () => {
  test('orders a voicesite with its address in proxy mode, logs the events, screenshot', () => onDemo(async (page) => {
    const fr = await readCountry(BUNDLED_DATA_DIR, 'FR');
    const candidate = fr.addresses[1];
    const ui = orderUi(page);
    assert.equal(await ui.root.getAttribute('api-base'), '/proxy/btalk/v1');
    const name = uniqueSiteName('DEMO');
    const voiceSiteId = await orderWithSearchedAddress(page, creds, { name, label: 'Issy campus', query: 'Roosevelt', candidate });

    const site = (await listVoicesites(env.server.origin)).find((s) => s.voiceSiteId === voiceSiteId);
    assert.equal(site.technicalSiteName, name);
    assert.deepEqual(site.voiceAddress, candidate.voiceAddress);

    const entries = await logEntries(page);
    const created = entries.find((e) => e.event === 'btalk-order-created');
    assert.ok(created, 'the order event is logged');
    assert.match(created.text, new RegExp(voiceSiteId));
    assert.ok(entries.some((e) => e.event === 'btalk-address-saved' && e.text.includes(voiceSiteId)));

    await ui.newRow.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'demo.png');
  }, { viewport: { width: 1280, height: 900 } }));

  test('direct mode: typed credentials are used from memory only; a readonly key disables ordering', () => onDemo(async (page) => {
    const ui = orderUi(page);
    await fillDirect(page, creds.clientSecret, creds.readonlySingleKey);
    const tokenRequests = [];
    const tokens = [];
    const consoleLines = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/oauth/v3/token')) tokenRequests.push(request.method());
    });
    page.on('response', async (response) => {
      if (response.url().endsWith('/oauth/v3/token')) tokens.push((await response.json().catch(() => ({}))).access_token);
    });
    page.on('console', (message) => consoleLines.push(message.text()));
    await page.locator('#apply-settings').click();
    await page.waitForFunction(() => document.querySelector('#order').shadowRoot
      .querySelector('#access-info').textContent.includes('readonly'));
    assert.ok(tokenRequests.length >= 1 && tokenRequests.every((m) => m === 'POST'), 'a token was requested');
    assert.equal(await ui.root.getAttribute('api-base'), `${env.server.origin}/btalk/v1`);
    assert.equal(await ui.button.isDisabled(), true);
    assert.match(await ui.reason.textContent(), /read-only/);

    // No secret (client secret, API key, the token it got) in the markup (attributes
    // included), the URL, storage or the console.
    assert.ok(tokens.length >= 1 && tokens.every((t) => typeof t === 'string' && t.length >= 16), 'the token was seen');
    const exposed = await page.evaluate((secrets) => {
      const markup = [document.documentElement.outerHTML];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) {
            markup.push(el.shadowRoot.innerHTML);
            walk(el.shadowRoot);
          }
        }
      };
      walk(document);
      const places = [...markup, location.href, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie];
      return secrets.filter((secret) => places.some((text) => text.includes(secret)));
    }, [creds.clientSecret, creds.readonlySingleKey, ...tokens]);
    assert.deepEqual(exposed, []);
    const logged = [creds.clientSecret, creds.readonlySingleKey, ...tokens].filter((secret) => consoleLines.some((line) => line.includes(secret)));
    assert.deepEqual(logged, []);

    // Back to the proxy: the full-rights key of the server side may order again.
    await page.locator('input[name="mode"][value="proxy"]').check();
    await page.locator('#apply-settings').click();
    await page.waitForFunction(() => document.querySelector('#order').shadowRoot
      .querySelector('#access-info').textContent.includes('full'));
    assert.equal(await ui.button.isDisabled(), false);
  }));

  test('direct mode with a wrong client secret: one message in the access step, no list of the old connection', async () => {
    const page = await openDemo();
    try {
      const ui = orderUi(page);
      await fillDirect(page, 'not-the-secret', creds.fullSingleKey);
      await page.locator('#apply-settings').click();
      await ui.root.locator('[data-slot="access"] .failure').waitFor();
      await page.waitForTimeout(500);
      const shown = await ui.root.evaluate((element) => ({
        boxes: [...element.shadowRoot.querySelectorAll('.failure')].map((b) => b.innerText.replace(/\s+/g, ' ').trim()),
        text: element.shadowRoot.querySelector('[part~="container"]').innerText,
      }));
      assert.equal(shown.boxes.length, 1, JSON.stringify(shown.boxes));
      assert.match(shown.boxes[0], /credentials could not be obtained/);
      const sentences = shown.boxes[0].split(/(?<=\.)\s+/);
      assert.equal(new Set(sentences).size, sentences.length, 'no sentence twice');
      assert.doesNotMatch(shown.text, /\[[A-Za-z_]+\]|\(\d{3}\)|Everything you typed is kept/);
      // The customers and countries of the proxy connection are not offered under failed credentials.
      assert.equal(await ui.country.locator('option[value="FR"]').count(), 0);
      assert.equal(await ui.country.isDisabled(), true);
      assert.equal(await ui.customer.isDisabled(), true);
    } finally {
      await page.closeAll();
    }
  });

  test('the standalone address form follows the country picker', () => onDemo(async (page) => {
    const ch = await readCountry(BUNDLED_DATA_DIR, 'CH');
    await standalonePicker(page, 'CH');
    const { form, region } = await standaloneRegion(page, 'CH', ch.geoAreas[0].value);
    assert.equal(await form.getAttribute('country'), 'CH');
    await region.selectOption(ch.geoAreas[0].value);
    const entries = await logEntries(page);
    assert.ok(entries.some((e) => e.event === 'btalk-loaded' && e.text.includes('CH')), 'btalk-loaded for CH is logged');
  }));
});
