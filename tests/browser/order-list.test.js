// <btalk-voicesite-order>'s voicesite list (issue 10, bug 7): a row whose address is
// missing offers "Give its address", which opens the address step for that voicesite;
// over 20 rows the list pages and can be filtered; "Skip for now" closes the address form.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import { orderVoicesite, readCountry } from './helpers.js';
import {
  deepActiveId, fillOrder, listVoicesites, mountOrder, orderHarness, orderUi, submitOrder, uniqueSiteName, waitInPage,
} from './order-helpers.js';

// One stand-in and one Chromium for the file, the stand-in reset before each test (order-helpers.js).
const env = orderHarness();
const { skip, withPage } = env;

const vpnOf = (code, index = 0) => env.creds.customers.find((c) => c.customerCode === code).vpns[index].vpnId;

/** Orders one voicesite in the element, then skips its address: the list shows. */
async function orderAndSkip(page, name = uniqueSiteName('LISTED')) {
  const ui = orderUi(page);
  await fillOrder(page, { customer: '9999', vpn: vpnOf('9999'), country: 'FR', name, label: 'Listed office' });
  const id = await submitOrder(page);
  await ui.address.waitFor();
  await ui.root.locator('button', { hasText: 'Skip for now' }).click();
  await ui.root.locator('[data-step="list"] tbody tr').first().waitFor();
  return id;
}

/** The rows on screen: id, address cell text and the row's buttons. */
function rows(page) {
  return orderUi(page).root.locator('[data-step="list"] tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    id: tr.dataset.voicesiteId,
    address: tr.querySelector('td[data-column="address"]')?.innerText.replace(/\s+/g, ' ').trim() ?? '',
    buttons: [...tr.querySelectorAll('button')].map((b) => b.textContent.trim()),
  })));
}

describe('voicesite list', { skip }, () => {
  test('Skip for now closes the address form; "Give its address" opens the address step for that voicesite', async () => {
    const fr = await readCountry(BUNDLED_DATA_DIR, 'FR');
    const candidate = fr.addresses[0];
    // A voicesite of the other customer, ordered elsewhere, without its address.
    const other = await orderVoicesite(env.server.origin, '4242', vpnOf('4242'), 'FR');
    await withPage(async (page) => {
      await mountOrder(page);
      const ui = orderUi(page);
      const id = await orderAndSkip(page);
      assert.equal(await ui.root.locator('[data-step="address"]').isHidden(), true, 'the address step closed');
      assert.equal(await ui.address.count(), 0, 'no address form left behind');
      const shown = await rows(page);
      assert.deepEqual(shown.map((r) => r.id).sort(), [id, other].sort());
      for (const row of shown) assert.deepEqual(row.buttons, ['Give its address'], JSON.stringify(row));

      await ui.root.locator(`[data-step="list"] tr[data-voicesite-id="${other}"] button`).click();
      const form = ui.address;
      await form.waitFor();
      assert.equal(await ui.root.locator('[data-step="address"]').isVisible(), true);
      assert.equal(await form.getAttribute('voicesite-id'), other);
      assert.equal(await form.getAttribute('customer-code'), '4242', 'the voicesite\'s own customer');
      assert.equal(await form.getAttribute('country'), 'FR');
      assert.match(await ui.root.locator('#address-intro').textContent(), new RegExp(other));
      assert.equal(await deepActiveId(page), 'address-title', 'the focus moves to the address step it opened');
      await form.locator('#search-input').fill(candidate.label.split(',')[0].split(' ').slice(1, 3).join(' '));
      await form.locator('[role="option"]', { hasText: candidate.label }).click();
      await form.locator('[part="save"]').click();
      await waitInPage(page, (vs) => window.__events.some((e) => e.type === 'btalk-address-saved' && e.detail.voiceSiteId === vs), other);
      // Back to the list, which now says the address is given.
      await waitInPage(page, (vs) => {
        const row = document.querySelector('btalk-voicesite-order').shadowRoot.querySelector(`tr[data-voicesite-id="${vs}"]`);
        return row && !row.querySelector('button');
      }, other);
      assert.equal(await ui.root.locator('[data-step="address"]').isHidden(), true);
      await waitInPage(page, () => document.querySelector('btalk-voicesite-order').shadowRoot.activeElement?.id === 'list-title');
      assert.match(await ui.root.locator('#list-saved').textContent(), new RegExp(other), 'the save is said in the list step');
      const site = (await listVoicesites(env.server.origin)).find((s) => s.voiceSiteId === other);
      assert.deepEqual(site.voiceAddress, candidate.voiceAddress);
      const after = (await rows(page)).find((r) => r.id === other);
      assert.doesNotMatch(after.address, /Missing/);
    });
  });

  test('more than 20 rows: pages of 20 and a filter; 20 or fewer: neither', async () => {
    const made = [];
    for (let i = 0; i < 24; i += 1) made.push(await orderVoicesite(env.server.origin, '9999', vpnOf('9999'), i % 2 ? 'FR' : 'CH'));
    await withPage(async (page) => {
      await mountOrder(page);
      const ui = orderUi(page);
      const name = uniqueSiteName('NEWEST');
      const id = await orderAndSkip(page, name);
      const list = ui.root.locator('[data-step="list"]');
      // Newest first (issue 18): the first page holds the new voicesite, at its top, and 19 more.
      await ui.newRow.waitFor();
      assert.equal((await rows(page)).length, 20);
      assert.equal((await rows(page))[0].id, id, 'the new voicesite is the first row');
      const filter = list.locator('input[type="search"]');
      assert.equal(await filter.isVisible(), true);
      assert.match(await list.locator('[part~="pager"]').innerText(), /25/);
      const pages = [];
      const seen = new Set((await rows(page)).map((r) => r.id));
      pages.push(seen.size);
      const other = list.locator('[part~="pager"] button:not([aria-disabled="true"])').first();
      await other.click();
      const secondPage = await rows(page);
      assert.equal(secondPage.length, 5);
      for (const row of secondPage) seen.add(row.id);
      assert.equal(seen.size, 25, 'two pages show every voicesite once');
      // The filter matches the name, label, id, country or status, and returns to page 1.
      await filter.fill(name.toLowerCase());
      await waitInPage(page, () => document.querySelector('btalk-voicesite-order').shadowRoot
        .querySelectorAll('[data-step="list"] tbody tr').length === 1);
      assert.equal((await rows(page))[0].id, id);
      await filter.fill('zzzz-nothing');
      await list.getByText(/No voicesite matches/).waitFor();
      await filter.fill('');
      assert.equal((await rows(page)).length, 20);
      assert.ok(made.length === 24);
    });
  });

  test('a short list has no filter and no pager', async () => {
    await withPage(async (page) => {
      await mountOrder(page);
      const ui = orderUi(page);
      await orderAndSkip(page);
      const list = ui.root.locator('[data-step="list"]');
      assert.equal(await list.locator('input[type="search"]').count(), 0);
      assert.equal(await list.locator('[part~="pager"]').count(), 0);
    });
  });

  test('5,000 voicesites: the first page shows while the rest comes in pages, with progress; then the filter finds the last one', async () => {
    await withPage(async (page) => {
      await mountOrder(page);
      // The client pages like the real API (voicesites({ offset, limit }) -> { items, total }); pages after the
      // first wait until the test lets them through.
      await page.evaluate(() => {
        const all = Array.from({ length: 5000 }, (_, i) => ({
          voiceSiteId: `big-${i}`, technicalSiteName: `SITE_${i}`, customerCode: '9999', vpnId: 'x',
          customerSiteLabel: i === 4999 ? 'Genève Plainpalais' : `Office ${i}`, country: 'CH', status: 'active', hasVoiceAddress: true,
        }));
        window.__pages = [];
        let open = null;
        const gate = new Promise((resolve) => { open = resolve; });
        window.__releasePages = open;
        const client = document.querySelector('#order').client;
        window.__wholeLists = 0;
        client.voicesites = async ({ offset, limit } = {}) => {
          // Without offset and limit the client answers every page as one array (the order's
          // exactly-once look-up before its first send); the list asks for pages.
          if (offset === undefined && limit === undefined) {
            window.__wholeLists += 1;
            return all;
          }
          offset ??= 0;
          limit ??= 40;
          window.__pages.push({ offset, limit });
          if (offset > 0) await gate;
          return { items: all.slice(offset, offset + limit), total: all.length };
        };
      });
      const ui = orderUi(page);
      await orderAndSkip(page);
      const list = ui.root.locator('[data-step="list"]');
      assert.equal(await list.locator('tbody tr').count(), 20, 'the first page of rows, before the other pages came');
      assert.match(await list.locator('caption').textContent(), /5,000 voicesites/);
      assert.match(await list.locator('.list-progress').textContent(), /100 of 5,000/);
      await list.locator('input[type="search"]').fill('geneve');
      assert.match(await list.locator('.list-count').textContent(), /0 of the 100 voicesites loaded so far/);
      await page.evaluate(() => window.__releasePages());
      await waitInPage(page, () => document.querySelector('btalk-voicesite-order').shadowRoot
        .querySelector('.list-progress').textContent === '');
      assert.deepEqual((await page.evaluate(() => window.__pages)).map((p) => p.offset), [0, 100, 1100, 2100, 3100, 4100]);
      await waitInPage(page, () => document.querySelector('btalk-voicesite-order').shadowRoot
        .querySelector('tr[data-voicesite-id="big-4999"]'));
      assert.match(await list.locator('.list-count').textContent(), /^1 voicesite matches/);
      assert.equal(await list.locator('tbody tr').count(), 1);
    });
  });
});
