// Lists of real size in Chromium (issue #17): a list of more than 30 choices is a type-ahead
// combobox. Keyboard only, a municipality past the 300th of its province (Burgos: 371) and a Swiss
// locality past the 40th of its canton are found by typing part of their names without accents,
// and the address is saved with the exact value; the listbox renders a window, not the list; what
// is typed survives re-renders; axe finds no serious or critical violation with the list open.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import { browserSuite, openPage, orderVoicesite, readCountry } from './helpers.js';
import { assertNoSerious } from './axe-run.js';
import { mountOrder, openOrderPage, orderUi, standInCredentials, submitOrder, tabTo, uniqueSiteName } from './order-helpers.js';

const env = browserSuite({ reset: true });
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const hasAccent = (text) => fold(text) !== text.toLowerCase();
let ES;
let CH;
let creds;

before(async () => {
  if (env.skip) return;
  ES = await readCountry(BUNDLED_DATA_DIR, 'ES');
  CH = await readCountry(BUNDLED_DATA_DIR, 'CH');
  creds = await standInCredentials();
});

/** The first child at or past `from` whose name has an accent, and what a user types for it (accents left out). */
function farTarget(parent, from) {
  const index = parent.children.findIndex((child, i) => i >= from && hasAccent(child.value));
  assert.ok(index >= from, `no accented name past the ${from}th of ${parent.display}`);
  const value = parent.children[index].value;
  return { index, value, typed: fold(value).slice(0, Math.max(4, fold(value).length - 2)) };
}

/** The combobox of field `name` (a long list shows as a select until the combobox's chunk is there). */
async function comboboxOf(scope, name) {
  const control = scope.locator(`[data-field="${name}"] input[role="combobox"]`);
  await control.waitFor();
  return { control, id: await control.getAttribute('id') };
}

/** The address form for Spain (no voicesite), loaded, with its province combobox. */
/** Opens the form for Spain (a real-size province list), runs `body({ page, form, a1 })`, closes the page. */
async function onSpain(body) {
  const page = await openPage(env.browser, env.server.origin, '/pages/address-form.html?country=ES');
  try {
    const form = page.locator('btalk-address-form');
    await page.waitForFunction(() => window.events?.some((e) => e.type === 'btalk-loaded'));
    await body({ page, form, a1: await comboboxOf(form, 'a1') });
  } finally {
    await page.closeAll();
  }
}

/** Keyboard only: types `typed` in the focused combobox, moves to `value` with the arrow keys, chooses it with Enter. */
async function typeAndChoose(page, control, typed, value) {
  await page.keyboard.type(typed);
  const listbox = control.locator('xpath=..').locator('[role="listbox"]');
  await listbox.locator('[role="option"]').first().waitFor();
  for (let i = 0; i < 60; i += 1) {
    const active = await control.getAttribute('aria-activedescendant');
    if (active && await listbox.locator(`[id="${active}"]`).getAttribute('data-value') === value) break;
    await page.keyboard.press('ArrowDown');
  }
  const active = await control.getAttribute('aria-activedescendant');
  assert.equal(await listbox.locator(`[id="${active}"]`).getAttribute('data-value'), value, 'the arrows reach the wanted choice');
  await page.keyboard.press('Enter');
}

async function savedAddress(origin, customerCode, voiceSiteId) {
  const answer = await fetch(`${origin}/proxy/btalk/v1/customers/${customerCode}/voicesites/${voiceSiteId}/voiceaddress`);
  assert.equal(answer.status, 200, 'the address was saved');
  return answer.json();
}

describe('type-ahead comboboxes of real-size lists', { skip: env.skip }, () => {
  test('ES: keyboard only, a municipality past the 300th of Burgos typed without accents; the address saves with its exact name', async () => {
    const customer = creds.customers[0];
    const vpnId = String(customer.vpns[0].vpnId);
    const id = await orderVoicesite(env.server.origin, String(customer.customerCode), vpnId, 'ES');
    const page = await openPage(env.browser, env.server.origin, `/pages/address-form.html?country=ES&customer=${customer.customerCode}&voicesite=${id}`);
    try {
      const form = page.locator('btalk-address-form');
      await page.waitForFunction(() => window.events?.some((e) => e.type === 'btalk-loaded'));
      const burgos = ES.geoAreas.find((p) => p.value === '09');
      assert.ok(burgos.children.length > 300);
      const target = farTarget(burgos, 300);

      assert.ok(ES.geoAreas.length > 30);
      const a1 = await comboboxOf(form, 'a1');
      await tabTo(page, a1.id, { max: 60 });
      await page.keyboard.type('burg');
      await page.keyboard.press('Enter');
      assert.equal((await page.evaluate(() => window.element.value)).a1, '09', 'the province code, not its name');
      assert.equal(await a1.control.inputValue(), 'Burgos');

      const a3 = await comboboxOf(form, 'a3');
      await page.waitForFunction(() => {
        const input = window.element.shadowRoot.querySelector('[data-field="a3"] input');
        return input && !input.disabled;
      });
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => window.element.shadowRoot.activeElement?.id), a3.id, 'Tab goes on to the municipality');
      // Opened on the whole list: a window of rows is rendered, each saying its place in the list.
      await page.keyboard.press('ArrowDown');
      const listbox = form.locator('[data-field="a3"] [role="listbox"]');
      await listbox.locator('[role="option"]').first().waitFor();
      const rendered = await listbox.locator('[role="option"]').count();
      assert.ok(rendered > 5 && rendered < 40, `${rendered} options in the DOM for ${burgos.children.length}`);
      assert.equal(await listbox.locator('[role="option"]').first().getAttribute('aria-setsize'), String(burgos.children.length));
      await page.keyboard.press('Escape');

      await typeAndChoose(page, a3.control, target.typed, target.value);
      assert.equal((await page.evaluate(() => window.element.value)).a3, target.value, 'the exact name, accents included');
      assert.equal(await a3.control.inputValue(), target.value);
      assert.equal(await a3.control.getAttribute('aria-expanded'), 'false');

      // The rest of the address, then Enter in a text field saves it.
      await form.locator('[data-field="sts"] select').selectOption(ES.addressConstraints.sts.possibleValues[0]);
      await form.locator('[data-field="a6"] input').fill('Mayor');
      await form.locator('[data-field="pc"] input').fill('09001');
      await form.locator('[data-field="dialZone"] select').selectOption(ES.dialZones[0].value);
      await form.locator('[data-field="hno"] input').fill('1');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.events.some((e) => e.type === 'btalk-address-saved'));
      const saved = await savedAddress(env.server.origin, customer.customerCode, id);
      assert.equal(saved.a1, '09');
      assert.equal(saved.a3, target.value);
      assert.deepEqual(page.problems.filter((p) => !p.includes('Failed to load resource')), []);
    } finally {
      await page.closeAll();
    }
  });

  test('order element: the country (36) and a Swiss locality past the 40th chosen by typing, keyboard only; ordered and saved', async () => {
    const page = await openOrderPage(env.browser, env.server.origin);
    try {
      await mountOrder(page, { mode: 'direct', apiKey: creds.fullSingleKey, clientId: creds.clientId, clientSecret: creds.clientSecret });
      const ui = orderUi(page);
      await page.waitForFunction(() => {
        const input = document.querySelector('#order').shadowRoot.querySelector('#country-select');
        return input?.getAttribute('role') === 'combobox' && !input.disabled;
      });
      const vpn = ui.vpn;
      await vpn.waitFor();
      if (await vpn.evaluate((el) => el.tagName === 'SELECT' && el.options.length > 1)) {
        await vpn.selectOption({ index: 1 });
      }
      await tabTo(page, 'country-select');
      await page.keyboard.type('swit');
      await page.keyboard.press('Enter');
      assert.equal(await ui.country.inputValue(), 'Switzerland');
      await ui.name.fill(uniqueSiteName('CHCOMBO'));
      await ui.label.fill('Combobox test');
      const voiceSiteId = await submitOrder(page);
      assert.ok(voiceSiteId);

      const form = ui.address;
      await form.locator('[data-field="a1"] select').waitFor();
      const canton = [...CH.geoAreas].sort((a, b) => b.children.length - a.children.length)[0];
      assert.ok(canton.children.length > 40);
      const target = farTarget(canton, 40);
      await form.locator('[data-field="a1"] select').selectOption(canton.value);
      const a3 = await comboboxOf(form, 'a3');
      await page.waitForFunction(() => {
        const inner = document.querySelector('#order').shadowRoot.querySelector('btalk-address-form');
        const input = inner?.shadowRoot.querySelector('[data-field="a3"] input[role="combobox"]');
        return input && !input.disabled;
      });
      await tabTo(page, a3.id);
      await typeAndChoose(page, a3.control, target.typed, target.value);
      await form.locator('[data-field="a6"] input').fill('Bahnhofstrasse');
      await form.locator('[data-field="pc"] input').fill('3000');
      await form.locator('[data-field="dialZone"] select').selectOption(CH.dialZones[0].value);
      await form.locator('[part~="save"]').click();
      await page.waitForFunction(() => window.__events.some((e) => e.type === 'btalk-address-saved'));
      const { apiKeys } = JSON.parse(await readFile(join(BUNDLED_DATA_DIR, 'customers.json'), 'utf8'));
      const customerCode = apiKeys.find((k) => k.key === creds.fullSingleKey).customerCodes[0];
      const saved = await savedAddress(env.server.origin, customerCode, voiceSiteId);
      assert.equal(saved.a1, canton.value);
      assert.equal(saved.a3, target.value);
      assert.deepEqual(page.problems, []);
    } finally {
      await page.closeAll();
    }
  });

  test('what is typed survives re-renders and a rebuild of the fields (another language); text naming no choice stays, choosing nothing', () => onSpain(async ({ page, form, a1 }) => {
    await a1.control.click();
    await page.keyboard.type('zarag');
    // Another field changes: the form re-renders; then the language changes: the fields are rebuilt.
    await form.locator('[data-field="a6"] input').fill('Mayor');
    assert.equal(await a1.control.inputValue(), 'zarag');
    const before = await a1.control.elementHandle();
    await page.evaluate(() => window.element.setAttribute('lang', 'fr'));
    await page.waitForFunction((input) => !input.isConnected, before);
    const again = await comboboxOf(form, 'a1');
    assert.equal(await again.control.inputValue(), 'zarag', 'the typed text is still there');
    assert.equal((await page.evaluate(() => window.element.value)).a1 ?? '', '', 'nothing chosen yet');
    // Text naming no choice, left: it stays visible, and nothing is chosen (as a select left on its placeholder).
    await again.control.fill('Atlantis');
    await form.locator('[data-field="a6"] input').click();
    assert.equal(await again.control.inputValue(), 'Atlantis');
    assert.equal((await page.evaluate(() => window.element.value)).a1 ?? '', '');
    // Text naming one choice exactly (accents and case aside), left: that choice is made.
    await again.control.fill('  ZARAGOZA ');
    await form.locator('[data-field="a6"] input').click();
    assert.equal((await page.evaluate(() => window.element.value)).a1, '50');
    assert.equal(await again.control.inputValue(), 'Zaragoza');
  }));

  test('axe-core: no serious or critical violation with a combobox open on a real-size list', () => onSpain(async ({ page, form, a1 }) => {
    await a1.control.click();
    await page.keyboard.type('bur');
    await page.keyboard.press('Enter');
    const a3 = await comboboxOf(form, 'a3');
    await page.waitForFunction(() => !window.element.shadowRoot.querySelector('[data-field="a3"] input').disabled);
    await a3.control.click();
    await page.keyboard.type('villa');
    await form.locator('[data-field="a3"] [role="option"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => /\d/.test(window.element.shadowRoot.querySelector('[data-field="a3"] [role="status"]').textContent));
    assert.equal(await a3.control.getAttribute('aria-expanded'), 'true');
    assert.match(await form.locator('[data-field="a3"] [role="status"]').textContent(), /^\d+ choices match/);
    await assertNoSerious(page, 'combobox open');
  }));
});
