// Accessibility measured by a real engine: axe-core (the engine behind the browsers'
// accessibility audits) injected into the page and run over the whole document, shadow
// roots included, in each state a user meets: the demo while loading and loaded, errors
// shown, the address search's candidates open, phone width (360 px), and the order
// element's later steps (address, voicesite list with filter and pages). Any serious or
// critical violation fails the test and is printed: rule, impact, element, what to fix.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import {
  browserSuite, coreIsBuilt, openPage, orderVoicesite, readCountry, resetStandIn, setFaults, waitForChoices,
} from './helpers.js';
import { assertNoSerious } from './axe-run.js';
import { fillOrder, mountOrder, openOrderPage, orderUi, standInCredentials, submitOrder, uniqueSiteName } from './order-helpers.js';

const skip = coreIsBuilt() ? false : 'the wasm core is not built (npm run build)';

const env = browserSuite({ reset: true });
let creds;
before(async () => {
  if (!env.skip) creds = await standInCredentials();
});

const deep = (page, selector) => page.locator(selector);

async function openDemo(viewport = { width: 1280, height: 900 }) {
  const page = await openPage(env.browser, env.server.origin, '/', { viewport });
  return page;
}

async function demoLoaded(page) {
  await waitForChoices(deep(page, '#order #country-select'));
  await deep(page, '#standalone-address input[name="pc"]').waitFor({ state: 'attached' }); // folded under the search
}

describe('axe-core: the demo page', { skip }, () => {
  test('while loading (slow API)', async () => {
    await setFaults(env.server.origin, { latencyMs: 2500 });
    const page = await openDemo();
    try {
      await page.waitForFunction(() => document.querySelector('#order')?.shadowRoot?.querySelector('[aria-busy="true"]'));
      await assertNoSerious(page, 'loading');
    } finally {
      await page.closeAll();
      await resetStandIn(env.server.origin);
    }
  });

  test('loaded, 1280 px', async () => {
    const page = await openDemo();
    try {
      await demoLoaded(page);
      await assertNoSerious(page, 'loaded');
    } finally {
      await page.closeAll();
    }
  });

  test('errors shown: field errors in both elements', async () => {
    const page = await openDemo();
    try {
      await demoLoaded(page);
      await deep(page, '#order #order-button').click();
      await deep(page, '#order #customer-select[aria-invalid="true"]').waitFor();
      await page.evaluate(() => document.querySelector('#standalone-address').reportValidity());
      await deep(page, '#standalone-address [part~="summary"]:not([hidden])').waitFor();
      await assertNoSerious(page, 'field errors');
    } finally {
      await page.closeAll();
    }
  });

  test('errors shown: the API is down', async () => {
    await setFaults(env.server.origin, { failRate: 1, failStatus: 503 });
    const page = await openDemo();
    try {
      await deep(page, '#order [data-slot="access"] .failure').waitFor();
      await page.waitForFunction(() => document.querySelector('#standalone-country-status').textContent.includes('could not be loaded'));
      await assertNoSerious(page, 'API down');
    } finally {
      await page.closeAll();
      await resetStandIn(env.server.origin);
    }
  });

  test('the address search candidates open', async () => {
    const fr = await readCountry(BUNDLED_DATA_DIR, 'FR');
    const page = await openDemo();
    try {
      await demoLoaded(page);
      const search = deep(page, '#standalone-address #search-input');
      await search.fill(fr.addresses[0].label.split(',')[0].split(' ').slice(1, 3).join(' '));
      await deep(page, '#standalone-address [role="option"]').first().waitFor();
      await assertNoSerious(page, 'search candidates open');
    } finally {
      await page.closeAll();
    }
  });

  test('phone width (360 px), in French', async () => {
    const page = await openDemo({ width: 360, height: 740 });
    try {
      await demoLoaded(page);
      await assertNoSerious(page, 'phone width');
      await page.locator('#lang').selectOption('fr');
      await page.locator('#apply-settings').click();
      await page.waitForFunction(() => document.querySelector('#order').shadowRoot.querySelector('#order-button').textContent === 'Commander le site voix');
      await assertNoSerious(page, 'phone width, French');
    } finally {
      await page.closeAll();
    }
  });
});

describe('axe-core: the order element after the order', { skip }, () => {
  for (const width of [1200, 360]) {
    test(`address step, then the voicesite list with filter and pages (${width} px)`, async () => {
      const vpn = creds.customers.find((c) => c.customerCode === '9999').vpns[0].vpnId;
      for (let i = 0; i < 21; i += 1) await orderVoicesite(env.server.origin, '9999', vpn, 'FR');
      const page = await openOrderPage(env.browser, env.server.origin, { viewport: { width, height: 900 } });
      try {
        await mountOrder(page);
        const ui = orderUi(page);
        await fillOrder(page, { customer: '9999', vpn, country: 'FR', name: uniqueSiteName('AXE'), label: 'Axe office' });
        await submitOrder(page);
        await ui.address.locator('[name="a6"]').waitFor({ state: 'attached' });
        await assertNoSerious(page, 'address step');
        await ui.root.locator('button', { hasText: 'Skip for now' }).click();
        await ui.root.locator('[data-step="list"] [part~="pager"]').waitFor();
        await assertNoSerious(page, 'list with filter and pages');
        await ui.root.locator('[data-step="list"] input[type="search"]').fill('no such voicesite');
        await ui.root.locator('[data-step="list"]').getByText(/No voicesite matches/).waitFor();
        await assertNoSerious(page, 'list filtered to nothing');
      } finally {
        await page.closeAll();
      }
    });
  }
});
