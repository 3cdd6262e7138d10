// Helpers for the <btalk-address-form> browser tests (address-form*.test.js, address-services.test.js,
// all-countries.test.js, languages.test.js), on the test page tests/browser/pages/address-form.html:
// locators inside the element, waiting for a country's form, filling it, and the stand-in customer and
// VPN the tests order voicesites for.
import { readFileSync } from 'node:fs';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import { chooseOption } from './helpers.js';

export const field = (page, name) => page.locator(`btalk-address-form [data-field="${name}"]`);
export const control = (page, name) => field(page, name).locator('input, select');
export const part = (page, name) => page.locator(`btalk-address-form >> [part~="${name}"]`);
export const tagOf = (page, name) => control(page, name).evaluate((el) => el.tagName.toLowerCase());

/** Problems that are not expected 404s (a look-up or dial zone list the country lacks, the favicon). */
export const unexpectedProblems = (page) => page.problems.filter((p) => !p.includes('Failed to load resource'));

/** Waits for the page's btalk-loaded event of `country` (the test page records events in window.events). */
export async function waitLoaded(page, country) {
  await page.waitForFunction((iso2) => window.events?.some((e) => e.type === 'btalk-loaded' && e.detail.country === iso2), country);
}

/** Fills text inputs and chooses select options by value. */
export async function fill(page, address) {
  for (const [name, value] of Object.entries(address)) {
    // A select or, for a list of more than 30 choices, a combobox (its value in data-value): chosen; a
    // text input, also one with suggestions (a look-up's combobox, e.g. PT's postal code): typed.
    const choice = await control(page, name).evaluate((el) => el.tagName === 'SELECT' || 'value' in el.dataset);
    if (choice) await chooseOption(control(page, name), value);
    else await control(page, name).fill(value);
  }
}

/** The stand-in's first customer and its first VPN: { customer, vpn }. */
export function standInCustomer() {
  const { customers } = JSON.parse(readFileSync(`${BUNDLED_DATA_DIR}/customers.json`, 'utf8'));
  return { customer: String(customers[0].customerCode), vpn: String(customers[0].vpns[0].vpnId) };
}
