// An element with neither `api-base`, `credentials` nor a `client` (issue: a bare <btalk-address-form country="CH">
// made 12 unauthenticated GETs to the real API, then showed an English network error in a French UI). Each
// element says, in its UI language, that it is not connected to the API, without a single request; setting
// `api-base` loads it. Debian's Chromium against the stand-in (its proxy at /proxy/btalk/v1).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite } from './helpers.js';
import fr from '../../web/components/address-form/i18n/fr.js';
import orderFr from '../../web/components/voicesite-order/i18n/fr.js';
import importFr from '../../web/components/site-import/i18n/fr.js';

const PAGE = '/__not-configured.html';
const HTML = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>not configured</title></head><body>
<main id="host"></main>
<script type="module">
  import '/web/elements/index.js';
  import '/web/components/site-import/site-import.js';
  window.events = [];
  document.addEventListener('btalk-error', (event) => window.events.push({ type: event.type, detail: event.detail }));
  document.addEventListener('btalk-loaded', (event) => window.events.push({ type: event.type, detail: event.detail }));
  window.ready = true;
</script></body></html>`;

/** A page of the stand-in's origin where every request to the API (real or proxied) is recorded. */
async function open(env) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  page.requests = [];
  page.on('request', (request) => {
    if (/\/btalk\/v1\//.test(request.url())) page.requests.push(request.url());
  });
  // The real API is never reached from a test: any request to it is recorded above and refused here.
  await context.route('https://api.orange.com/**', (route) => route.abort());
  await page.route(`${env.server.origin}${PAGE}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: HTML }));
  await page.goto(`${env.server.origin}${PAGE}`);
  await page.waitForFunction(() => window.ready === true);
  page.closeAll = () => context.close();
  return page;
}

describe('elements without api-base, credentials or client', () => {
  const env = browserSuite();

  test('<btalk-address-form country="CH" lang="fr">: says it is not connected, in French, asks nothing; api-base loads it', { skip: env.skip }, async () => {
    const page = await open(env);
    try {
      await page.evaluate(() => {
        const form = document.createElement('btalk-address-form');
        form.setAttribute('country', 'CH');
        form.setAttribute('lang', 'fr');
        document.getElementById('host').append(form);
      });
      await page.waitForFunction(() => window.events.some((e) => e.type === 'btalk-error'));
      // In French once its catalogue is there (the text follows the language, as every text of the form).
      await page.waitForFunction((text) => document.querySelector('btalk-address-form').shadowRoot.querySelector('.error-status > span')
        .textContent === text, fr.notConfigured);
      assert.equal(await page.evaluate(() => window.events.find((e) => e.type === 'btalk-error').detail.code), 'notConfigured');
      // No Retry: trying again cannot help; the page sets api-base, credentials or a client.
      assert.equal(await page.evaluate(() => document.querySelector('btalk-address-form').shadowRoot.querySelector('.error-status > button').hidden), true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(page.requests, [], 'not one request');
      // The real API's base, written out, is no better without credentials.
      await page.evaluate(() => document.querySelector('btalk-address-form').setAttribute('api-base', 'https://api.orange.com/btalk/v1/'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(page.requests, []);
      await page.evaluate(() => document.querySelector('btalk-address-form').setAttribute('api-base', '/proxy/btalk/v1'));
      await page.waitForFunction(() => window.events.some((e) => e.type === 'btalk-loaded' && e.detail.country === 'CH'));
      assert.ok(page.requests.length > 0 && page.requests.every((url) => url.startsWith(`${env.server.origin}/proxy/btalk/v1/`)), page.requests.join('\n'));
      assert.equal(await page.evaluate(() => document.querySelector('btalk-address-form').shadowRoot.querySelector('.error-status').hidden), true, 'the message is gone');
      assert.deepEqual(page.problems, []);
    } finally {
      await page.closeAll();
    }
  });

  // The order element shows it in its Access step; the site import where it shows its failures. Both load on api-base.
  for (const [tag, text, loaded] of [
    ['btalk-voicesite-order', orderFr['error.notConfigured'], '/proxy/btalk/v1/'],
    ['btalk-site-import', importFr['error.notConfigured'], '/proxy/btalk/v1/customers'],
  ]) {
    test(`<${tag} lang="fr">: says it is not connected, in French, asks nothing; api-base loads it`, { skip: env.skip }, async () => {
      const page = await open(env);
      try {
        await page.evaluate((t) => {
          const element = document.createElement(t);
          element.setAttribute('lang', 'fr');
          document.getElementById('host').append(element);
        }, tag);
        await page.waitForFunction(({ t, words }) => document.querySelector(t)?.shadowRoot?.textContent.includes(words), { t: tag, words: text });
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.deepEqual(page.requests, [], 'not one request');
        await page.evaluate((t) => document.querySelector(t).setAttribute('api-base', '/proxy/btalk/v1'), tag);
        await page.waitForFunction(({ t, words }) => !document.querySelector(t).shadowRoot.textContent.includes(words), { t: tag, words: text });
        await page.waitForFunction((path) => performance.getEntriesByType('resource').some((r) => r.name.includes(path)), loaded);
        assert.ok(page.requests.every((url) => url.startsWith(`${env.server.origin}/proxy/btalk/v1/`)), page.requests.join('\n'));
      } finally {
        await page.closeAll();
      }
    });
  }
});
