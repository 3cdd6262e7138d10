// Issue 17 in Chromium: the elements against a stand-in that follows the real API (collections
// paged at 40, errors as lists of { code: integer, message, description }). An item past the first
// page can be chosen and ordered; every list is whole; the API's own refusal texts reach the screen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import { chooseOption, chosenValue, comboboxOptions, openPage, orderVoicesite, readCountry } from './helpers.js';
import { failedOrderText, mountOrder, orderHarness, orderUi, submitOrder, uniqueSiteName, waitInPage } from './order-helpers.js';

const env = orderHarness();
const { skip, withPage } = env;

/** The stand-in's key of customer 5150 alone (55 VPNs, 95 voicesites), read from its data. */
async function keyOf5150() {
  const data = JSON.parse(await (await import('node:fs/promises')).readFile(`${BUNDLED_DATA_DIR}/customers.json`, 'utf8'));
  const key = data.apiKeys.find((k) => k.rightsProfile === 'full' && k.customerCodes.length === 1 && k.customerCodes[0] === '5150');
  const customer = data.customers.find((c) => c.customerCode === '5150');
  return { key: key.key, vpns: customer.vpns, sites: customer.voicesites.length };
}

describe('lists past the first page', { skip }, () => {
  test('the VPN select offers all 55 VPNs; VPN #50 is ordered; the list counts all 96 voicesites', async () => {
    const { key, vpns, sites } = await keyOf5150();
    assert.equal(vpns.length, 55);
    const fiftieth = vpns[49];
    await withPage(async (page) => {
      await mountOrder(page, { mode: 'direct', apiKey: key, clientId: env.creds.clientId, clientSecret: env.creds.clientSecret });
      const ui = orderUi(page);
      // 55 VPNs, more than 30: a type-ahead combobox, whose options are read by scrolling its listbox.
      await waitInPage(page, () => document.querySelector('btalk-voicesite-order').shadowRoot
        .querySelector('#vpnId-select')?.getAttribute('role') === 'combobox');
      const offered = (await comboboxOptions(ui.vpn)).map((o) => o.value).filter(Boolean);
      assert.deepEqual(offered, vpns.map((v) => v.vpnId), 'every VPN, in the API\'s order');
      await chooseOption(ui.vpn, fiftieth.vpnId);
      assert.equal(await chosenValue(ui.vpn), fiftieth.vpnId);
      await chooseOption(ui.country, 'FR');
      const name = uniqueSiteName('PAGE2');
      await ui.name.fill(name);
      await ui.label.fill('Ordered on VPN 50');
      const id = await submitOrder(page);
      const created = env.server.standIn.state.data.voicesites[id];
      assert.equal(created.vpnId, fiftieth.vpnId);
      assert.equal(created.customerCode, '5150');
      await ui.address.waitFor();
      await ui.root.locator('button', { hasText: 'Skip for now' }).click();
      const range = ui.root.locator('[data-step="list"] .pager-position');
      await range.waitFor();
      assert.match(await range.textContent(), new RegExp(`of ${sites + 1}$`));
      // The new one is there, past the API's first page of 40.
      assert.equal(await ui.root.locator(`[data-step="list"] tr[data-voicesite-id="${id}"]`).count(), 1);
    });
  });

  test('the address form offers all 102 Belgian postal areas; the last one is chosen', async () => {
    const be = await readCountry(BUNDLED_DATA_DIR, 'BE');
    const areas = be.geoAreas.map((a) => a.value);
    assert.ok(areas.length > 40);
    const field = be.geographicalConstraints.emergencyAreaRules.area1_pidflo;
    const page = await openPage(env.browser, env.server.origin, '/pages/address-form.html?country=BE');
    try {
      await page.waitForFunction(() => window.events?.some((e) => e.type === 'btalk-loaded'));
      // 102 areas, more than 30: a type-ahead combobox, whose options are read by scrolling its listbox.
      const combobox = page.locator(`btalk-address-form [data-field="${field}"] [role="combobox"]`);
      const offered = (await comboboxOptions(combobox)).map((o) => o.value).filter(Boolean);
      assert.deepEqual(offered, areas);
      await chooseOption(combobox, areas.at(-1));
      assert.equal(await chosenValue(combobox), areas.at(-1));
      assert.equal(await page.evaluate((name) => window.element.value[name], field), areas.at(-1));
    } finally {
      await page.closeAll();
    }
  });
});

describe('the API\'s refusal texts reach the screen', { skip }, () => {
  test('address form: a 400 with two entries shows both texts, each on the field it names', async () => {
    const fr = await readCountry(BUNDLED_DATA_DIR, 'FR');
    const vpn = env.creds.customers.find((c) => c.customerCode === '9999').vpns[0].vpnId;
    const voiceSiteId = await orderVoicesite(env.server.origin, '9999', vpn, 'FR');
    const page = await openPage(env.browser, env.server.origin, `/pages/address-form.html?country=FR&customer=9999&voicesite=${voiceSiteId}`);
    try {
      await page.route('**/voiceaddress', (route) => (route.request().method() === 'GET' ? route.fallback() : route.fulfill({
        status: 400, contentType: 'application/json',
        body: JSON.stringify([
          { code: 1102, message: 'Street unknown', description: 'Street name Rue Inconnue does not exist in 75001' },
          { code: 1103, message: 'House number out of range', description: 'hno 999 is above the last number, 120' },
        ]),
      })));
      await page.waitForFunction(() => window.events?.some((e) => e.type === 'btalk-loaded'));
      await page.evaluate((address) => { window.element.value = address; }, fr.sampleAddress);
      const result = await page.evaluate(() => window.element.save());
      assert.equal(result.saved, false);
      assert.deepEqual(result.problems.map((p) => [p.field, p.message]), [['a6', 'Street unknown'], ['hno', 'House number out of range']]);
      const summary = page.locator('btalk-address-form >> [part~="summary"]');
      await summary.waitFor();
      const text = await summary.textContent();
      assert.match(text, /Street unknown/);
      assert.match(text, /House number out of range/);
      // Beside the fields too, and the banner says the first entry in the API's words.
      const errorOf = (name) => page.locator(`btalk-address-form [data-field="${name}"] [part~="error"]`).textContent();
      assert.match(await errorOf('a6'), /Street unknown/);
      assert.match(await errorOf('hno'), /House number out of range/);
      assert.match(await page.locator('btalk-address-form >> [role="alert"]').first().textContent(), /Street unknown|rejected/);
      assert.deepEqual(page.problems.filter((p) => !p.includes('Failed to load resource')), []);
    } finally {
      await page.closeAll();
    }
  });

  test('order element: a 409 list shows its message', async () => {
    await withPage(async (page) => {
      await page.route('**/orders/voicesite', (route) => route.fulfill({
        status: 409, contentType: 'application/json',
        body: JSON.stringify([{ code: 1299, message: 'Site SITE_3 is being moved to another contract', description: 'Try again after the move' }]),
      }));
      await mountOrder(page);
      const ui = orderUi(page);
      const vpn = env.creds.customers.find((c) => c.customerCode === '9999').vpns[0].vpnId;
      await chooseOption(ui.customer, '9999');
      await chooseOption(ui.vpn, vpn);
      await chooseOption(ui.country, 'FR');
      await ui.name.fill('SITE_3');
      await ui.label.fill('Third');
      const text = await failedOrderText(page);
      assert.match(text, /Site SITE_3 is being moved to another contract: Try again after the move/);
      assert.doesNotMatch(text, /409|1299/, 'codes and statuses stay in the event detail');
      const errors = (await page.evaluate(() => window.__events)).filter((e) => e.type === 'btalk-error');
      assert.ok(errors.some((e) => e.detail.status === 409 && e.detail.apiCode === 1299 && e.detail.code === 'conflict'));
    });
  });
});
