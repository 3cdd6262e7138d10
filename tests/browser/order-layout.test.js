// <btalk-voicesite-order>'s layout: it takes the width it is given (no cap of its own inside a
// wider panel), puts customer, VPN and country side by side when its container is wide, and
// stacks everything at phone width. Screenshots of the flow at 1200 px and 360 px go to
// test-artifacts/order-*.png (look at them).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { orderVoicesite, saveScreenshot, waitForChoices } from './helpers.js';
import { fillOrder, mountOrder, openOrderPage, orderHarness, orderUi, submitOrder, uniqueSiteName } from './order-helpers.js';

// One stand-in and one Chromium for the file, the stand-in reset before each test (order-helpers.js).
const env = orderHarness();
const { skip } = env;
/** The widths of the host <main>, the element, and the left edges of the three choice steps. */
function measure(page) {
  return page.evaluate(() => {
    const host = document.querySelector('#host');
    const element = document.querySelector('btalk-voicesite-order');
    const root = element.shadowRoot;
    const left = (step) => Math.round(root.querySelector(`[data-step="${step}"]`).getBoundingClientRect().left);
    return {
      host: Math.round(host.getBoundingClientRect().width),
      element: Math.round(element.getBoundingClientRect().width),
      lefts: ['customer', 'vpn', 'country'].map(left),
      pageWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    };
  });
}

describe('order element layout', { skip }, () => {
  for (const width of [1200, 360]) {
    test(`${width} px: the element fills its container; screenshots of each step`, async () => {
      const vpn = env.creds.customers.find((c) => c.customerCode === '9999').vpns[0].vpnId;
      for (let i = 0; i < 22; i += 1) await orderVoicesite(env.server.origin, '9999', vpn, i % 3 ? 'FR' : 'CH');
      const page = await openOrderPage(env.browser, env.server.origin, { viewport: { width, height: 900 } });
      try {
        await mountOrder(page);
        const ui = orderUi(page);
        await waitForChoices(ui.country);
        const sizes = await measure(page);
        assert.equal(sizes.element, sizes.host, `the element takes its container's ${sizes.host}px (it is ${sizes.element}px)`);
        assert.ok(sizes.pageWidth <= sizes.viewport, 'nothing overflows sideways');
        if (width >= 1000) assert.equal(new Set(sizes.lefts).size, 3, `customer, VPN and country side by side: ${sizes.lefts}`);
        else assert.equal(new Set(sizes.lefts).size, 1, `stacked at phone width: ${sizes.lefts}`);
        await fillOrder(page, { customer: '9999', vpn, country: 'FR', name: uniqueSiteName('LAYOUT'), label: 'Layout office' });
        await saveScreenshot(page, `order-${width}-1-form.png`);
        await submitOrder(page);
        await ui.address.locator('[name="a6"]').waitFor({ state: 'attached' }); // FR: folded under the search
        await saveScreenshot(page, `order-${width}-2-address.png`);
        await ui.root.locator('button', { hasText: 'Skip for now' }).click();
        await ui.root.locator('[data-step="list"] [part~="pager"]').waitFor();
        await ui.newRow.scrollIntoViewIfNeeded();
        await saveScreenshot(page, `order-${width}-3-list.png`);
        assert.ok((await measure(page)).pageWidth <= width, 'the list fits too');
      } finally {
        await page.closeAll();
      }
    });
  }

  test('an access failure, 1200 px and 360 px (screenshots)', async () => {
    for (const width of [1200, 360]) {
      const page = await openOrderPage(env.browser, env.server.origin, { viewport: { width, height: 900 } });
      try {
        const unknownKey = env.creds.fullSingleKey.split('').reverse().join('');
        await mountOrder(page, { mode: 'direct', apiKey: unknownKey, clientId: env.creds.clientId, clientSecret: env.creds.clientSecret });
        await orderUi(page).root.locator('[data-slot="access"] .failure').waitFor();
        await page.waitForTimeout(300);
        await saveScreenshot(page, `order-${width}-0-access-failure.png`);
      } finally {
        await page.closeAll();
      }
    }
  });

  test('every language at 360 px: its own texts, no catalogue key on screen, nothing overflows; the address form speaks it too', async () => {
    const titles = { en: 'Order a voicesite', fr: 'Commander un site voix', de: 'Eine Voicesite bestellen', es: 'Pedir un sitio de voz',
      it: 'Ordinare un sito voce', nl: 'Een voicesite bestellen', pt: 'Encomendar um site de voz' };
    for (const [lang, title] of Object.entries(titles)) {
      const page = await openOrderPage(env.browser, env.server.origin, { viewport: { width: 360, height: 900 } });
      try {
        // The language comes from an ancestor's lang attribute (here <html>), not the element's own.
        await page.evaluate((l) => document.documentElement.setAttribute('lang', l), lang);
        await mountOrder(page);
        const ui = orderUi(page);
        await ui.root.locator('#title', { hasText: title }).waitFor();
        await waitForChoices(ui.country);
        await ui.button.click(); // every field message shows
        await ui.root.locator('#customer-select[aria-invalid="true"]').waitFor();
        const seen = await page.evaluate(() => {
          const root = document.querySelector('btalk-voicesite-order').shadowRoot;
          return { text: root.querySelector('[part~="container"]').innerText, width: document.documentElement.scrollWidth };
        });
        assert.doesNotMatch(seen.text, /\b(order|list|error|access|customer|vpn|country|problem|address)\.[a-z]/, `${lang}: a key shows`);
        assert.ok(seen.width <= 360, `${lang}: ${seen.width}px wide`);
        if (lang === 'de') await saveScreenshot(page, 'order-360-de-errors.png');
        if (lang === 'pt') {
          const vpn = env.creds.customers.find((c) => c.customerCode === '9999').vpns[0].vpnId;
          await fillOrder(page, { customer: '9999', vpn, country: 'PT', name: uniqueSiteName('LISBOA'), label: 'Escritório' });
          await submitOrder(page);
          await ui.address.waitFor();
          assert.equal(await ui.address.getAttribute('lang'), 'pt', 'the embedded address form gets the same language');
        }
      } finally {
        await page.closeAll();
      }
    }
  });
});
