// <btalk-voicesite-order>'s two views (issue 18, items 1 and 3): the voicesites list is reachable
// at any time ("Your voicesites", or view="list" from the page), so a voicesite ordered earlier
// without its address gets it later; the address step names the site it is for, and the
// previous order's result does not stay above another voicesite's address.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { orderVoicesite } from './helpers.js';
import {
  deepActiveId, fillOrder, listVoicesites, mountOrder, orderHarness, orderUi, submitOrder, uniqueSiteName,
} from './order-helpers.js';

const env = orderHarness();
const { skip, withPage } = env;
const vpnOf = (code) => env.creds.customers.find((c) => c.customerCode === code).vpns[0].vpnId;

/** A voicesite ordered "yesterday" (outside the element), without its address: { id, name, label }. */
async function earlierVoicesite() {
  const id = await orderVoicesite(env.server.origin, '9999', vpnOf('9999'), 'FR');
  const site = (await listVoicesites(env.server.origin)).find((s) => String(s.voiceSiteId) === id);
  return { id, name: site.technicalSiteName, label: site.customerSiteLabel };
}

const giveButton = (ui, id) => ui.root.locator(`[data-step="list"] tr[data-voicesite-id="${id}"] button`, { hasText: 'Give its address' });

describe('voicesite order views', { skip }, () => {
  test('view="list" opens on the list: a voicesite ordered earlier gets its address there', async () => {
    const earlier = await earlierVoicesite();
    await withPage(async (page) => {
      await mountOrder(page, { attributes: { view: 'list' } });
      const ui = orderUi(page);
      await giveButton(ui, earlier.id).waitFor();
      assert.equal(await ui.root.locator('form[part="form"]').isHidden(), true, 'the order form is not shown in the list view');
      assert.equal(await ui.root.locator('button[data-view="list"]').getAttribute('aria-pressed'), 'true');
      await giveButton(ui, earlier.id).click();
      await ui.address.waitFor();
      assert.equal(await ui.address.getAttribute('voicesite-id'), earlier.id);
      const heading = await ui.root.locator('#address-title').textContent();
      assert.ok(heading.includes(earlier.label) && heading.includes(earlier.name), `the heading names the site: ${heading}`);
      assert.equal(await deepActiveId(page), 'address-title');
    });
  });

  test('"Your voicesites" is reachable before any order, and "New order" comes back to the form', async () => {
    const earlier = await earlierVoicesite();
    await withPage(async (page) => {
      await mountOrder(page);
      const ui = orderUi(page);
      await ui.customer.locator('option').nth(1).waitFor({ state: 'attached' });
      assert.equal(await ui.root.locator('[data-step="list"]').isHidden(), true, 'the order view comes first');
      await ui.root.locator('button[data-view="list"]', { hasText: 'Your voicesites' }).click();
      await giveButton(ui, earlier.id).waitFor();
      assert.equal(await ui.root.getAttribute('view'), 'list', 'the attribute follows the view');
      assert.equal(await page.evaluate(() => document.querySelector('btalk-voicesite-order').view), 'list');
      await ui.root.locator('button[data-view="order"]').click();
      await ui.name.waitFor();
      assert.equal(await ui.root.locator('[data-step="list"]').isHidden(), true);
      assert.equal(await ui.root.getAttribute('view'), 'order');
    });
  });

  test('"Give its address" on another row names that site and hides the previous order\'s result', async () => {
    const earlier = await earlierVoicesite();
    await withPage(async (page) => {
      await mountOrder(page);
      const ui = orderUi(page);
      const name = uniqueSiteName('NEWSITE');
      await fillOrder(page, { customer: '9999', vpn: vpnOf('9999'), country: 'FR', name, label: 'Head office' });
      await submitOrder(page);
      await ui.address.waitFor();
      const first = await ui.root.locator('#address-title').textContent();
      assert.ok(first.includes('Head office') && first.includes(name), `the new site is named: ${first}`);
      await ui.root.locator('button', { hasText: 'Skip for now' }).click();
      await giveButton(ui, earlier.id).click();
      await ui.root.locator(`btalk-address-form[voicesite-id="${earlier.id}"]`).waitFor();
      assert.equal(await ui.created.isHidden(), true, 'the previous order\'s result is cleared');
      const heading = await ui.root.locator('#address-title').textContent();
      assert.ok(heading.includes(earlier.label) && heading.includes(earlier.name), `the other site is named: ${heading}`);
      assert.ok(!heading.includes(name), heading);
    });
  });
});
