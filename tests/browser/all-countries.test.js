// Issue #4's acceptance in Debian's Chromium: for each of the 30 countries of
// the seed's table, a voicesite ordered through the API (fast path), then a
// <btalk-address-form> for it is given the country's sample address (from the
// stand-in's data, + the dial zone a user would give when it is manual), shows
// it valid, and the Save button stores it in the stand-in. One browser, one
// page; each country gets a fresh element in that page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, openPage, orderVoicesite, readCountry } from './helpers.js';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import { standInCustomer, unexpectedProblems } from './address-form-helpers.js';

const TABLE_COUNTRIES = ['AT', 'AU', 'BE', 'BL', 'CH', 'CZ', 'DE', 'DK', 'ES', 'FI', 'FR', 'GB', 'GF', 'GP', 'HK',
  'IE', 'IT', 'LU', 'MF', 'MQ', 'NL', 'NO', 'NZ', 'PL', 'PT', 'RE', 'SE', 'SJ', 'YT', 'US'];

/** The dial zone a user gives in a manual country: the first listed one, or free text when there is none. */
const dialZoneFor = (country) => country.dialZones?.[0]?.value ?? `+${country.countryCode}`;

// One stand-in server and one Chromium for the file (helpers.js).
const env = browserSuite();

describe('every seed table country in Chromium: sample address, valid, saved through the UI',
  { skip: env.skip }, () => {
    let page;
    let CUSTOMER;
    let VPN;

    before(async () => {
      ({ customer: CUSTOMER, vpn: VPN } = standInCustomer());
      // The test page without a country: each test mounts its own element.
      page = await openPage(env.browser, env.server.origin, '/pages/address-form.html');
      await page.waitForFunction(() => window.element instanceof HTMLElement && customElements.get('btalk-address-form'));
    });

    after(async () => {
      await page?.closeAll();
    });

    /** Replaces the page's element with a new one for this country and voicesite; resolves when its form is loaded. */
    async function mount(iso2, voiceSiteId) {
      await page.evaluate(({ iso2: country, customer, voiceSiteId: id }) => {
        window.element.remove();
        window.events.length = 0;
        const element = document.createElement('btalk-address-form');
        element.setAttribute('api-base', '/proxy/btalk/v1');
        element.setAttribute('country', country);
        element.setAttribute('customer-code', customer);
        element.setAttribute('voicesite-id', id);
        document.getElementById('host').append(element);
        window.element = element;
      }, { iso2, customer: CUSTOMER, voiceSiteId });
      await page.waitForFunction((country) => window.events.some((e) => e.type === 'btalk-loaded' && e.detail.country === country)
        || window.events.some((e) => e.type === 'btalk-error'), iso2);
      const failure = await page.evaluate(() => window.events.find((e) => e.type === 'btalk-error')?.detail);
      assert.equal(failure, undefined, `${iso2}: the form failed to load: ${JSON.stringify(failure)}`);
    }

    /**
     * Waits until every control shows its value of `address` (geo selects and comboboxes only
     * once their list arrived), nothing is loading, and the element says it is valid. On timeout,
     * reports what the element shows instead.
     */
    async function waitShownAndValid(iso2, address) {
      const state = () => page.evaluate((expected) => {
        const root = window.element.shadowRoot;
        const shown = {};
        for (const name of Object.keys(expected)) {
          const control = root.querySelector(`[data-field="${name}"] input, [data-field="${name}"] select`);
          // A list of more than 30 choices is a combobox: it shows the label and holds the value in data-value.
          // A text field with suggestions (PT's postal code) is a combobox too, whose text is its value.
          const value = control && 'value' in control.dataset ? control.dataset.value : control?.value;
          shown[name] = control ? { value, disabled: control.disabled } : null;
        }
        const busy = root.querySelector('[part="form"]').getAttribute('aria-busy') === 'true';
        const validity = window.events.filter((e) => e.type === 'btalk-validity').at(-1)?.detail ?? null;
        return { shown, busy, valid: window.element.checkValidity(), validity, value: window.element.value };
      }, address);
      try {
        await page.waitForFunction((expected) => {
          const root = window.element.shadowRoot;
          if (root.querySelector('[part="form"]').getAttribute('aria-busy') === 'true') return false;
          for (const [name, text] of Object.entries(expected)) {
            const control = root.querySelector(`[data-field="${name}"] input, [data-field="${name}"] select`);
            const value = control && 'value' in control.dataset ? control.dataset.value : control?.value;
            if (!control || control.disabled || value !== text) return false;
          }
          return window.element.checkValidity();
        }, address, { timeout: 10000 });
      } catch (error) {
        assert.fail(`${iso2}: the form never showed the sample as valid: ${JSON.stringify(await state())} (${error.message})`);
      }
      const final = await state();
      assert.deepEqual(final.value, address, `${iso2}: element.value is the address`);
      assert.equal(final.validity?.valid, true, `${iso2}: the last btalk-validity says valid`);
      assert.deepEqual(final.validity.problems, [], `${iso2}: no problems`);
    }

    for (const iso2 of TABLE_COUNTRIES) {
      test(`${iso2}: the sample address is shown valid and saved with the Save button`, async () => {
        const country = await readCountry(BUNDLED_DATA_DIR, iso2);
        assert.ok(country.sampleAddress, `${iso2}: the data has a sampleAddress`);
        const manual = country.geographicalConstraints.dialZoneSelection === 'manual';
        const address = manual ? { ...country.sampleAddress, dialZone: dialZoneFor(country) } : { ...country.sampleAddress };

        const voiceSiteId = await orderVoicesite(env.server.origin, CUSTOMER, VPN, iso2);
        await mount(iso2, voiceSiteId);
        // The dial zone: chosen from the API's list, typed where there is none, absent when automatic.
        const dialZoneControl = await page.evaluate(() => window.element.shadowRoot
          .querySelector('[data-field="dialZone"] input, [data-field="dialZone"] select')?.tagName.toLowerCase() ?? null);
        assert.equal(dialZoneControl, manual ? (country.dialZones ? 'select' : 'input') : null, `${iso2}: dial zone control`);
        await page.evaluate((value) => { window.element.value = value; }, address);
        await waitShownAndValid(iso2, address);

        await page.locator('btalk-address-form >> [part="save"]').click();
        await page.waitForFunction(() => window.events.some((e) => e.type === 'btalk-address-saved' || e.type === 'btalk-error'));
        const outcome = await page.evaluate(() => window.events.filter((e) => e.type === 'btalk-address-saved' || e.type === 'btalk-error'));
        assert.equal(outcome[0].type, 'btalk-address-saved', `${iso2}: save failed: ${JSON.stringify(outcome[0].detail)}`);
        assert.equal(outcome[0].detail.voiceSiteId, voiceSiteId);
        assert.deepEqual(outcome[0].detail.address, address);

        const status = page.locator('btalk-address-form >> [part~="status"][role="status"]');
        assert.match(await status.textContent(), new RegExp(`saved.*${voiceSiteId}`));
        assert.match(await status.getAttribute('class'), /\bsuccess\b/);

        const answer = await fetch(`${env.server.origin}/proxy/btalk/v1/customers/${CUSTOMER}/voicesites/${voiceSiteId}/voiceaddress`);
        assert.equal(answer.status, 200, `${iso2}: the stand-in has an address`);
        const stored = await answer.json();
        assert.deepEqual(stored.voiceAddress ?? stored, address, `${iso2}: stored as shown`);
        assert.deepEqual(unexpectedProblems(page), [], `${iso2}: no page errors`);
      });
    }
  });
