// <btalk-address-form> and the specialised address APIs, in Debian's Chromium
// against the stand-in (through the same-origin proxy of examples/serve.js):
// Portugal's postal code (a combobox on the field) and parish look-ups, and the "Verify address"
// button of validation-only countries (DE). Expectations come from the stand-in's data files.
// The search and a look-up added from a data file: address-search.test.js.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  browserSuite, openPage, orderVoicesite, readCountry, setFaults,
} from './helpers.js';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import { control, field, fill, part, standInCustomer, tagOf, unexpectedProblems, waitLoaded } from './address-form-helpers.js';

const alert = (page) => page.locator('btalk-address-form >> [part="status"][role="alert"]');

// One stand-in server and one Chromium for the file (helpers.js).
const env = browserSuite();

describe('<btalk-address-form> with the specialised address APIs', { skip: env.skip }, () => {
  let PT;
  let DE;
  let CUSTOMER;
  let VPN;

  before(async () => {
    ({ customer: CUSTOMER, vpn: VPN } = standInCustomer());
    PT = await readCountry(BUNDLED_DATA_DIR, 'PT');
    DE = await readCountry(BUNDLED_DATA_DIR, 'DE');
  });

  async function open(iso2, query = '') {
    const voiceSiteId = await orderVoicesite(env.server.origin, CUSTOMER, VPN, iso2);
    const page = await openPage(env.browser, env.server.origin,
      `/pages/address-form.html?country=${iso2}&customer=${CUSTOMER}&voicesite=${encodeURIComponent(voiceSiteId)}${query}`);
    await waitLoaded(page, iso2);
    return { page, voiceSiteId };
  }

  test('PT: a postal code prefix lists codes; choosing one fills a1..a3 and lists its parishes; saved', async () => {
    const { page, voiceSiteId } = await open('PT');
    try {
      // A code whose municipality is not the district's capital, so a1, a2 and a3 all differ.
      const code = PT.postalCodes.find((c) => c.a1 !== c.a2 && c.a2 !== c.a3) ?? PT.postalCodes[0];
      const prefix = code.value.slice(0, 4);
      const listed = PT.postalCodes.filter((c) => c.value.startsWith(prefix));
      const parishes = PT.parishes.filter((p) => p.a1 === code.a1 && p.a2 === code.a2);
      assert.ok(parishes.length > 0, 'the data has parishes for the chosen code');
      assert.equal(await tagOf(page, 'a4'), 'input', 'the parish is free text before a municipality is known');

      // Three characters are not enough to ask.
      await control(page, 'pc').fill(prefix.slice(0, 3));
      await control(page, 'pc').fill(prefix);
      const list = part(page, 'postal-codes');
      await list.getByRole('option').first().waitFor();
      assert.equal(await list.getAttribute('role'), 'listbox');
      assert.equal(await control(page, 'pc').getAttribute('aria-expanded'), 'true');
      assert.deepEqual(await list.getByRole('option').allTextContents(), listed.map((c) => c.display));
      assert.deepEqual(await list.getByRole('option').first().locator('mark').allTextContents(), [prefix], 'the typed part is marked');
      assert.equal(await field(page, 'pc').locator('[role="status"]').textContent(),
        listed.length === 1 ? '1 postal code found. Use the arrow keys to choose it, then Enter.'
          : `${listed.length} postal codes found. Use the arrow keys to choose one, then Enter.`);

      await list.getByRole('option', { name: code.display, exact: true }).click();
      assert.equal(await list.getByRole('option').count(), 0);
      assert.equal(await list.isVisible(), false);
      assert.equal(await control(page, 'pc').inputValue(), code.value);
      for (const name of ['a1', 'a2', 'a3']) assert.equal(await control(page, name).inputValue(), code[name], name);

      // The parish field becomes a select of the municipality's parishes.
      await page.waitForFunction(() => window.element.shadowRoot.querySelector('[data-field="a4"] select'));
      const options = await control(page, 'a4').evaluate((s) => [...s.options].map((o) => ({ value: o.value, text: o.textContent })));
      assert.deepEqual(options.slice(1), parishes.map((p) => ({ value: p.value, text: p.display ?? p.value })));
      assert.equal(await page.evaluate(() => window.element.shadowRoot.querySelector('[data-field="a4"] label').htmlFor),
        await control(page, 'a4').getAttribute('id'), 'the new select keeps its label');
      await control(page, 'a4').selectOption(parishes.at(-1).value);
      await fill(page, { a6: 'Rua Direita', hno: '12' });

      assert.equal(await page.evaluate(() => window.element.checkValidity()), true);
      await part(page, 'save').click();
      await page.waitForFunction(() => window.events.some((e) => e.type === 'btalk-address-saved'));
      const saved = await page.evaluate(() => window.events.find((e) => e.type === 'btalk-address-saved').detail);
      assert.equal(saved.voiceSiteId, voiceSiteId);
      assert.deepEqual(saved.address, {
        a6: 'Rua Direita', hno: '12', pc: code.value, a3: code.a3, a1: code.a1, a2: code.a2, a4: parishes.at(-1).value,
      });
      assert.deepEqual(page.problems, []);
    } finally {
      await page.closeAll();
    }
  });

  test('PT: a typed parish is kept when its municipality has no list, and shown when it is not in the list', async () => {
    const { page } = await open('PT');
    try {
      const code = PT.postalCodes[0];
      const answered = page.waitForResponse((r) => r.url().includes('/parishes?') && r.url().includes('Nowhere'));
      await fill(page, { a1: code.a1, a4: 'My parish', a2: 'Nowhere municipality' });
      // No parishes for that municipality: still free text, value kept.
      assert.equal((await answered).status(), 200);
      await page.waitForFunction(() => window.element.shadowRoot.querySelector('[part="form"]').getAttribute('aria-busy') === 'false');
      assert.equal(await tagOf(page, 'a4'), 'input');
      assert.equal(await control(page, 'a4').inputValue(), 'My parish');
      // A municipality with parishes: a select that still shows the typed value.
      await control(page, 'a2').fill(code.a2);
      await page.waitForFunction(() => window.element.shadowRoot.querySelector('[data-field="a4"] select'));
      assert.equal(await control(page, 'a4').inputValue(), 'My parish');
      assert.equal(await control(page, 'a4').evaluate((s) => s.options[s.selectedIndex].textContent), 'My parish (not in the list)');
      assert.equal((await page.evaluate(() => window.element.value)).a4, 'My parish');
    } finally {
      await page.closeAll();
    }
  });

  test('PT: once the look-up answered, its failure is shown with Retry and the typed code is kept', async () => {
    const { page } = await open('PT');
    try {
      const [first, second] = [PT.postalCodes[0], PT.postalCodes.find((c) => c.value.slice(0, 4) !== PT.postalCodes[0].value.slice(0, 4))];
      await control(page, 'pc').fill(first.value.slice(0, 4));
      await part(page, 'postal-codes').getByRole('option').first().waitFor();
      await setFaults(env.server.origin, { failRate: 1, failStatus: 500 });
      await control(page, 'pc').fill(second.value.slice(0, 5));
      await alert(page).waitFor();
      assert.match(await alert(page).textContent(), /postal code look-up failed.*500/s);
      assert.equal(await control(page, 'pc').inputValue(), second.value.slice(0, 5));
      await setFaults(env.server.origin, {});
      await alert(page).getByRole('button', { name: 'Retry' }).click();
      await part(page, 'postal-codes').getByRole('option', { name: second.display, exact: true }).waitFor();
      assert.equal(await alert(page).isHidden(), true);
    } finally {
      await setFaults(env.server.origin, {});
      await page.closeAll();
    }
  });

  test('AT (no address API): neither search nor Verify is offered; postal codes are never looked up', async () => {
    const lookups = [];
    const { page } = await open('AT');
    try {
      page.on('request', (r) => { if (/\/(postalcodes|addresses|parishes)\?/.test(r.url())) lookups.push(r.url()); });
      assert.equal(await part(page, 'verify').isHidden(), true);
      assert.equal(await part(page, 'search').isHidden(), true);
      await control(page, 'a6').fill('Stephansplatz');
      await control(page, 'pc').fill('1010');
      await control(page, 'a6').focus(); // blur the postal code
      await page.waitForTimeout(400); // longer than the look-up debounce
      assert.deepEqual(lookups, [], 'no look-up the country does not offer, nothing probed');
      assert.equal(await control(page, 'a6').inputValue(), 'Stephansplatz');
      assert.equal(await alert(page).isHidden(), true);
    } finally {
      await page.closeAll();
    }
  });

  test('DE: validation only (no search box); Verify finds a known address, offers its exact format, warns on an unknown one', async () => {
    const { page, voiceSiteId } = await open('DE');
    try {
      const candidate = DE.addresses[0];
      const verify = part(page, 'verify');
      const result = part(page, 'verify-result');
      assert.equal(await verify.textContent(), 'Verify address');

      // Known from the look-ups' data: no search box, the Verify button.
      assert.equal(await part(page, 'search').isHidden(), true);
      assert.equal(await verify.isVisible(), true);

      // Exactly the API's address: found, nothing to change.
      await fill(page, candidate.voiceAddress);
      await verify.click();
      await page.waitForFunction(() => /Address found/.test(window.element.shadowRoot.querySelector('[part="verify-result"]').textContent));
      assert.equal(await result.getAttribute('role'), 'status');
      assert.equal(await part(page, 'verify-use').isVisible(), false);

      // Typed differently: found, and the API's exact format can be taken.
      await control(page, 'a6').fill(candidate.voiceAddress.a6.toLowerCase());
      assert.equal((await result.textContent()).trim(), '', 'an edit clears the verdict');
      await verify.click();
      await part(page, 'verify-use').waitFor();
      assert.match(await result.textContent(), new RegExp(`Business Talk writes it: ${candidate.label}`));
      await part(page, 'verify-use').click();
      assert.equal(await control(page, 'a6').inputValue(), candidate.voiceAddress.a6);
      assert.deepEqual(await page.evaluate(() => window.element.value), candidate.voiceAddress);

      // An unknown street: a warning, not a blocker.
      await control(page, 'a6').fill('Nirgendwostraße');
      await verify.click();
      await page.waitForFunction(() => /not known/.test(
        window.element.shadowRoot.querySelector('[part="verify-result"]').textContent));
      assert.equal(await page.evaluate(() => window.element.checkValidity()), true);
      await part(page, 'save').click();
      await page.waitForFunction(() => window.events.some((e) => e.type === 'btalk-address-saved'));
      const saved = await page.evaluate(() => window.events.find((e) => e.type === 'btalk-address-saved').detail);
      assert.equal(saved.voiceSiteId, voiceSiteId);
      assert.equal(saved.address.a6, 'Nirgendwostraße');
      assert.deepEqual(page.problems, []);
    } finally {
      await page.closeAll();
    }
  });

  test('DE: a 500 on Verify gives a clear error with Retry and keeps the input', async () => {
    const { page } = await open('DE', '&lang=fr');
    try {
      const address = DE.addresses[1].voiceAddress;
      await fill(page, address);
      assert.equal(await part(page, 'verify').textContent(), 'Vérifier l’adresse');
      await setFaults(env.server.origin, { failRate: 1, failStatus: 500 });
      await part(page, 'verify').click();
      await alert(page).waitFor();
      assert.match(await alert(page).textContent(), /L’adresse n’a pas pu être vérifiée.*500/s);
      const error = await page.evaluate(() => window.events.filter((e) => e.type === 'btalk-error').pop().detail);
      assert.equal(error.status, 500);
      for (const [name, value] of Object.entries(address)) assert.equal(await control(page, name).inputValue(), value, name);
      assert.equal((await part(page, 'verify-result').textContent()).trim(), '');
      assert.equal(await part(page, 'verify').isDisabled(), false, 'usable again after the failure');

      await setFaults(env.server.origin, {});
      await alert(page).getByRole('button', { name: 'Réessayer' }).click();
      await page.waitForFunction(() => /Adresse trouvée/.test(window.element.shadowRoot.querySelector('[part="verify-result"]').textContent));
      assert.equal(await alert(page).isHidden(), true);
    } finally {
      await setFaults(env.server.origin, {});
      await page.closeAll();
    }
  });
});
