// Switching country (issue 18, item 5): only values valid in the new country are carried over, and
// the form says once, politely, what was left out. US -> DE must not keep "DC" as the federal state
// nor the ZIP code 20500 as the postal code (though it fits the German format: it was typed, and
// accepted, as a US ZIP code); the street, house number and city are kept.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, chooseOption, chosenValue, openPage } from './helpers.js';

const env = browserSuite();
const control = (page, name) => page.locator(`btalk-address-form [data-field="${name}"]`).locator('input, select');

async function waitLoaded(page, country) {
  await page.waitForFunction((iso2) => window.events?.some((e) => e.type === 'btalk-loaded' && e.detail.country === iso2), country);
}

describe('<btalk-address-form>: switching country', { skip: env.skip }, () => {
  test('US -> DE leaves out the state and the ZIP code, keeps the street, and says so once, politely', async () => {
    const page = await openPage(env.browser, env.server.origin, '/pages/address-form.html?country=US&customer=9999');
    try {
      await waitLoaded(page, 'US');
      await control(page, 'a6').fill('Pennsylvania');
      await control(page, 'hno').fill('1600');
      await control(page, 'a3').fill('Washington');
      await chooseOption(control(page, 'a1'), 'DC'); // 50+ states: a combobox
      await control(page, 'pc').fill('20500');
      await control(page, 'a6').focus();
      await page.locator('btalk-address-form').evaluate((el) => el.setAttribute('country', 'DE'));
      await waitLoaded(page, 'DE');
      const status = page.locator('btalk-address-form [part="status"][role="status"]');
      await status.filter({ hasText: 'Germany' }).waitFor();
      const text = await status.textContent();
      assert.equal(await status.getAttribute('aria-live'), 'polite');
      assert.match(text, /State “DC”/);
      assert.match(text, /ZIP code “20500”/);
      assert.doesNotMatch(text, /Pennsylvania|Washington|1600/, text);
      assert.equal(await control(page, 'pc').inputValue(), '', 'the US ZIP code is not the German postal code');
      assert.equal(await chosenValue(control(page, 'a1')), '', 'DC is no German federal state');
      assert.equal(await control(page, 'a6').inputValue(), 'Pennsylvania');
      assert.equal(await control(page, 'hno').inputValue(), '1600');
      assert.equal(await control(page, 'a3').inputValue(), 'Washington');
      const value = await page.evaluate(() => window.element.value);
      assert.equal(value.pc, undefined);
      assert.equal(value.a1, undefined);
      assert.equal(await page.locator('btalk-address-form [data-field="a1"] [part~="error"]').textContent(), '', 'no "not allowed" flagged at once');
    } finally {
      await page.closeAll();
    }
  });
});
