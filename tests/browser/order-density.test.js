// Density (issue 18, item 11): no box around one sentence or one button; at 390 px the embedded
// address form uses the element's whole width; a field reserves no blank line for an error it does
// not show; the list's rows are compact, say statuses and countries in words, newest first; a
// wrapped error-summary item keeps its bullet beside its first line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, orderVoicesite } from './helpers.js';
import { listVoicesites, mountOrder, orderHarness, orderUi } from './order-helpers.js';

const env = orderHarness();
const { skip, withPage } = env;
const vpnOf = (code) => env.creds.customers.find((c) => c.customerCode === code).vpns[0].vpnId;

describe('density', { skip }, () => {
  test('access and order steps have no box; at 390 px the address form takes the whole width', async () => {
    const id = await orderVoicesite(env.server.origin, '9999', vpnOf('9999'), 'FR');
    await withPage(async (page) => {
      await mountOrder(page);
      const ui = orderUi(page);
      await ui.accessInfo.filter({ hasText: 'Rights profile' }).waitFor();
      const borders = await ui.root.evaluate((el) => ['access', 'order'].map((step) => getComputedStyle(el.shadowRoot.querySelector(`[data-step="${step}"]`)).borderTopWidth));
      assert.deepEqual(borders, ['0px', '0px'], 'one sentence or one button has no box of its own');
      await ui.root.locator('button[data-view="list"]').click();
      await ui.root.locator(`tr[data-voicesite-id="${id}"] button`).click();
      // FR has an address search: the fields stay folded until "Enter the address by hand".
      await ui.address.locator('[part~="manual"]').click();
      await ui.address.locator('[part~="field"]').first().waitFor();
      const widths = await ui.root.evaluate((el) => ({
        element: el.getBoundingClientRect().width,
        form: el.shadowRoot.querySelector('btalk-address-form').getBoundingClientRect().width,
      }));
      assert.ok(widths.form >= widths.element - 2, `the address form uses the width (${widths.form} of ${widths.element} px)`);
    }, { viewport: { width: 390, height: 900 } });
  });

  test('list rows: compact, statuses and countries in words, the newest first', async () => {
    const older = await orderVoicesite(env.server.origin, '9999', vpnOf('9999'), 'FR');
    await new Promise((resolve) => { setTimeout(resolve, 20); });
    const newer = await orderVoicesite(env.server.origin, '9999', vpnOf('9999'), 'DE');
    const sites = await listVoicesites(env.server.origin);
    assert.ok(sites.findIndex((s) => s.voiceSiteId === newer) > sites.findIndex((s) => s.voiceSiteId === older), 'the API lists the oldest first');
    await withPage(async (page) => {
      await mountOrder(page, { attributes: { view: 'list' } });
      const ui = orderUi(page);
      await ui.root.locator(`tr[data-voicesite-id="${older}"]`).waitFor();
      const rows = await ui.root.locator('[data-step="list"] tbody tr').evaluateAll((trs) => trs.map((tr) => ({
        id: tr.dataset.voicesiteId,
        height: tr.getBoundingClientRect().height,
        button: tr.querySelector('button').getBoundingClientRect().height,
        country: tr.querySelector('td[data-column="country"] .cell-value').textContent,
        status: tr.querySelector('td[data-column="status"] .cell-value').textContent,
      })));
      assert.deepEqual(rows.map((r) => r.id), [newer, older], 'the newest first');
      assert.deepEqual(rows.map((r) => [r.country, r.status]), [['Germany', 'Active'], ['France', 'Active']]);
      for (const row of rows) {
        assert.ok(row.button < 40, `"Give its address" does not wrap (${row.button} px)`);
        assert.ok(row.height < 60, `a compact row (${row.height} px)`);
      }
    });
  });

  test('the address form reserves no blank error line; a wrapped summary item keeps its bullet by its first line', async () => {
    const id = await orderVoicesite(env.server.origin, '9999', vpnOf('9999'), 'FR');
    const page = await openPage(env.browser, env.server.origin, `/pages/address-form.html?country=FR&customer=9999&voicesite=${id}`, { viewport: { width: 390, height: 900 } });
    try {
      const form = page.locator('btalk-address-form');
      // FR has an address search: its fields stay folded until "Enter the address by hand".
      await form.locator('[part~="manual"]').click();
      await form.locator('[part~="field"] input').first().waitFor();
      const blank = await form.evaluate((el) => [...el.shadowRoot.querySelectorAll('.message')].map((m) => m.getBoundingClientRect().height));
      assert.ok(blank.length > 0 && blank.every((h) => h === 0), `no blank line under fields without a message: ${blank}`);
      await form.evaluate((el) => { el.style.width = '240px'; });
      await form.locator('[part="save"]').click();
      const item = form.locator('[part="summary"] li button').first();
      await item.waitFor();
      const geometry = await item.evaluate((button) => {
        // A zero-size inline box at the start of the item sits on the line's baseline, where the bullet is.
        const probe = document.createElement('span');
        probe.style.cssText = 'display:inline-block;width:0;height:0';
        button.before(probe);
        const box = button.getBoundingClientRect();
        return { probe: probe.getBoundingClientRect().top - box.top, height: box.height, line: parseFloat(getComputedStyle(button).lineHeight) };
      });
      assert.ok(geometry.height > geometry.line * 1.5, `the item wraps (${geometry.height} px)`);
      assert.ok(geometry.probe <= geometry.line * 1.2, `the bullet is beside the first line (${geometry.probe} px down)`);
    } finally {
      await page.closeAll();
    }
  });
});
