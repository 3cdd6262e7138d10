// <btalk-address-form> in Debian's Chromium against the stand-in API (through
// the same-origin proxy of examples/serve.js). One browser for the file, a new
// page per test. Expectations come from the stand-in's data files, not from
// copies of them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  coreIsBuilt, launchBrowser, makeDataDir, openPage, orderVoicesite, readCountry, saveScreenshot,
  setFaults, startServer,
} from './helpers.js';
import { control, field, part, unexpectedProblems, waitLoaded } from './address-form-helpers.js';
import { COUNTRY_BOUND } from '../../web/components/address-form/address-form.carry.js';

const PAYLOAD = '<img src=x onerror="window.__xss=1">';

// Test-only countries. CH and US are used only when the bundled data lacks them.
const XSS_COUNTRY = {
  name: `Hostile ${PAYLOAD}`,
  countryCode: '999',
  coverage: { businessTalkOnline: 'Yes' },
  addressApi: 'search',
  addressConstraints: {
    a6: {
      usage: 'mandatory', defaultLabel: `Street ${PAYLOAD}`, defaultDescription: `<b>bold</b> ${PAYLOAD}`,
      referenceUrl: 'javascript:window.__xss=2', valueType: 'freestring', minLength: 1, maxLength: 60, valueRegexp: '', position: 10,
    },
    sts: {
      usage: 'optional', defaultLabel: 'Street type', defaultDescription: '', referenceUrl: 'https://example.org/sts?a=<b>',
      valueType: 'enumerationAssociative', minLength: 0, maxLength: 20, valueRegexp: '',
      possibleValues: [{ value: 'AVE', display: `Avenue ${PAYLOAD}` }, { value: 'RD', display: 'Road' }], position: 20,
    },
    // A rule the core cannot use: the user is told, on the field.
    flr: { usage: 'optional', defaultLabel: 'Floor', valueType: 'freestring', minLength: 0, maxLength: 'three', position: 30 },
  },
  geographicalConstraints: { dialZoneSelection: 'automatic', emergencyAreaRules: {} },
  addresses: [{ id: 'zz-1', label: `1 Main ${PAYLOAD}`, voiceAddress: { a6: `Main ${PAYLOAD}`, sts: 'RD' } }],
};

const FALLBACK_CH = {
  name: 'Switzerland', countryCode: '41', coverage: { businessTalkOnline: 'Yes' }, addressApi: 'none',
  addressConstraints: {
    a1: { usage: 'mandatory', defaultLabel: 'Canton', defaultDescription: 'The canton', valueType: 'freestring', minLength: 1, maxLength: 100, position: 10 },
    a3: { usage: 'mandatory', defaultLabel: 'City', defaultDescription: 'The city', valueType: 'freestring', minLength: 1, maxLength: 100, position: 20 },
    a6: { usage: 'mandatory', defaultLabel: 'Street', defaultDescription: 'The street', valueType: 'freestring', minLength: 1, maxLength: 100, position: 30 },
    pc: { usage: 'mandatory', defaultLabel: 'Postal code', defaultDescription: '', valueType: 'freestring', minLength: 4, maxLength: 4, valueRegexp: '^[0-9]{4}$', position: 40 },
  },
  geographicalConstraints: { dialZoneSelection: 'manual', emergencyAreaRules: { area1_pidflo: 'a1', area2_pidflo: 'a3', area3_pidflo: 'notUsed', area4_pidflo: 'notUsed' } },
  geoAreas: [
    { value: 'ZH', display: 'Zürich', children: [{ value: 'Zürich', display: 'Zürich' }, { value: 'Winterthur', display: 'Winterthur' }] },
    { value: 'GE', display: 'Genève', children: [{ value: 'Genève', display: 'Genève' }, { value: 'Carouge/GE', display: 'Carouge (GE)' }] },
  ],
  dialZones: [{ value: '044', display: '044 Zürich' }, { value: '022', display: '022 Genève' }],
};

const FALLBACK_US = {
  name: 'United States of America', countryCode: '1', coverage: { businessTalkOnline: 'Yes' }, addressApi: 'none',
  addressConstraints: {
    a6: { usage: 'mandatory', defaultLabel: 'Street', defaultDescription: '', valueType: 'freestring', minLength: 1, maxLength: 60, position: 10 },
    a1: {
      usage: 'mandatory', defaultLabel: 'State', defaultDescription: 'Choose the state', valueType: 'enumerationAssociative', minLength: 2, maxLength: 2,
      possibleValues: [{ value: 'NY', display: 'New York' }, { value: 'CA', display: 'California' }, { value: 'TX', display: 'Texas' }], position: 20,
    },
  },
  geographicalConstraints: { dialZoneSelection: 'automatic', emergencyAreaRules: {} },
};

/** The element's fields in the order the data's positions give (absent last, ties by name). */
function expectedOrder(country) {
  return Object.entries(country.addressConstraints)
    .sort(([na, a], [nb, b]) => ((a.position ?? Infinity) - (b.position ?? Infinity)) || na.localeCompare(nb))
    .map(([name, element]) => ({ name, label: element.defaultLabel }));
}

/** A country with a search shows it first, its fields folded: this unfolds them to type by hand. */
const byHand = (page) => part(page, 'manual').click();

async function renderedFields(page) {
  return page.evaluate(() => [...window.element.shadowRoot.querySelectorAll('[part="field"]')].map((wrapper) => ({
    name: wrapper.dataset.field,
    label: wrapper.querySelector('label').textContent.replace(/\*$/, ''),
    tag: wrapper.querySelector('input, select').tagName.toLowerCase(),
  })));
}

async function optionsOf(page, name) {
  return control(page, name).evaluate((select) => [...select.options].map((o) => ({ value: o.value, text: o.textContent })));
}

async function activeField(page) {
  return page.evaluate(() => window.element.shadowRoot.activeElement?.name || window.element.shadowRoot.activeElement?.id || null);
}

describe('<btalk-address-form> in Chromium', { skip: !coreIsBuilt() && 'the wasm core is not built (npm run build)' }, () => {
  let browser;
  let server;
  let data;
  let countries;
  let CUSTOMER;
  let VPN;

  before(async () => {
    const extra = { ZZ: XSS_COUNTRY };
    const probe = await makeDataDir();
    const bundled = new Set((await import('node:fs')).readdirSync(`${probe.dir}/countries`).map((n) => n.slice(0, 2)));
    await probe.dispose();
    if (!bundled.has('CH')) extra.CH = FALLBACK_CH;
    if (!bundled.has('US')) extra.US = FALLBACK_US;
    data = await makeDataDir({ countries: extra });
    countries = {};
    for (const iso2 of ['FR', 'CH', 'US', 'AT', 'DE', 'ZZ']) countries[iso2] = await readCountry(data.dir, iso2);
    const customers = JSON.parse((await import('node:fs')).readFileSync(`${data.dir}/customers.json`, 'utf8')).customers;
    CUSTOMER = String(customers[0].customerCode);
    VPN = String(customers[0].vpns[0].vpnId);
    server = await startServer({ dataDir: data.dir });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await data?.dispose();
  });

  async function open(query, options) {
    const page = await openPage(browser, server.origin, `/pages/address-form.html?${query}`, options);
    return page;
  }

  test('FR: fields in the order of the API with its labels; a search candidate fills the form exactly', async () => {
    const page = await open('country=FR');
    try {
      await waitLoaded(page, 'FR');
      await byHand(page);
      const fr = countries.FR;
      const rendered = await renderedFields(page);
      assert.deepEqual(rendered.map(({ name, label }) => ({ name, label })), expectedOrder(fr));
      // Text inputs carry the model's maxlength; numeric ones ask for a numeric keyboard.
      for (const [name, element] of Object.entries(fr.addressConstraints)) {
        if (element.valueType.startsWith('enumeration')) continue;
        const input = control(page, name);
        assert.equal(await input.getAttribute('maxlength'), String(element.maxLength), `${name} maxlength`);
        assert.equal(await input.getAttribute('inputmode'), element.valueType === 'freenumerical' ? 'numeric' : null, `${name} inputmode`);
      }
      // Automatic dial zone: no dialZone field.
      assert.equal(rendered.some((f) => f.name === 'dialZone'), false);
      // Labels are tied to their inputs.
      const first = rendered[0];
      await assert.doesNotReject(page.getByLabel(first.label, { exact: true }).focus());
      assert.equal(await activeField(page), first.name);

      // UI strings can be overridden; API texts stay as they are.
      await page.evaluate(() => { window.element.strings = { searchLabel: 'Look the address up' }; });
      assert.equal(await part(page, 'search').locator('label').textContent(), 'Look the address up');
      assert.deepEqual((await renderedFields(page)).map((f) => f.label), expectedOrder(fr).map((f) => f.label));

      const candidate = fr.addresses[0];
      const word = candidate.label.split(/[ ,]+/).find((w) => w.length >= 5);
      await part(page, 'search').locator('input').fill(word);
      const button = part(page, 'candidates').getByRole('option', { name: candidate.label });
      await button.click();
      for (const name of Object.keys(fr.addressConstraints)) {
        assert.equal(await control(page, name).inputValue(), candidate.voiceAddress[name] ?? '', `field ${name}`);
      }
      assert.deepEqual(await page.evaluate(() => window.element.value), candidate.voiceAddress);
      const last = await page.evaluate(() => window.events.filter((e) => e.type === 'btalk-change').pop());
      assert.deepEqual(last.detail.address, candidate.voiceAddress);
      assert.equal(await page.evaluate(() => window.element.checkValidity()), true);
      // The same address as a PIDF-LO civic address, read back by the browser's XML parser.
      const civic = await page.evaluate(() => {
        const doc = new DOMParser().parseFromString(window.element.toCivicAddressXml({ lang: 'fr' }), 'application/xml');
        const root = doc.documentElement;
        const text = (tag) => root.getElementsByTagName(tag)[0]?.textContent;
        return {
          ns: root.namespaceURI, name: root.localName, lang: root.getAttribute('xml:lang'), country: text('country'),
          pc: text('PC'), errors: doc.getElementsByTagName('parsererror').length,
        };
      });
      assert.deepEqual(civic, {
        ns: 'urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr', name: 'civicAddress', lang: 'fr', country: 'FR',
        pc: candidate.voiceAddress.pc, errors: 0,
      });
      assert.deepEqual(unexpectedProblems(page), []);
    } finally {
      await page.closeAll();
    }
  });

  test('CH: geographical areas as dependent selects; level 2 loads for the chosen level 1 and reloads when it changes', async () => {
    const page = await open('country=CH');
    try {
      await waitLoaded(page, 'CH');
      const ch = countries.CH;
      const rules = ch.geographicalConstraints.emergencyAreaRules;
      const level1 = rules.area1_pidflo;
      const level2 = rules.area2_pidflo;
      // Two cantons of at most 30 places: their lists are selects (longer ones are comboboxes: combobox.test.js).
      const [first, second] = ch.geoAreas.filter((area) => area.children.length <= 30);
      await page.waitForFunction((name) => window.element.shadowRoot.querySelector(`[data-field="${name}"] select`)?.options.length > 1, level1);
      const options1 = await optionsOf(page, level1);
      assert.deepEqual(options1.slice(1).map((o) => o.value), ch.geoAreas.map((a) => a.value));
      assert.equal(options1[1].text, ch.geoAreas[0].display ?? ch.geoAreas[0].value);
      assert.equal(await control(page, level2).isDisabled(), true, 'level 2 waits for level 1');

      await control(page, level1).selectOption(first.value);
      await page.waitForFunction((name) => !window.element.shadowRoot.querySelector(`[data-field="${name}"] select`).disabled, level2);
      assert.deepEqual((await optionsOf(page, level2)).slice(1).map((o) => o.value), first.children.map((a) => a.value));
      await control(page, level2).selectOption(first.children[0].value);
      assert.equal((await page.evaluate(() => window.element.value))[level2], first.children[0].value);

      // A new parent clears the child and loads its own children.
      await control(page, level1).selectOption(second.value);
      await page.waitForFunction(({ name, value }) => {
        const select = window.element.shadowRoot.querySelector(`[data-field="${name}"] select`);
        return !select.disabled && [...select.options].some((o) => o.value === value);
      }, { name: level2, value: second.children[0].value });
      assert.equal(await control(page, level2).inputValue(), '');
      assert.deepEqual((await optionsOf(page, level2)).slice(1).map((o) => o.value), second.children.map((a) => a.value));
      assert.equal((await page.evaluate(() => window.element.value))[level2], undefined);

      // Setting `value` loads the choices along its path and keeps them selected.
      const child = second.children.at(-1);
      await page.evaluate((value) => { window.element.value = value; }, { [level1]: second.value, [level2]: child.value });
      await page.waitForFunction(({ name, value, count }) => {
        const select = window.element.shadowRoot.querySelector(`[data-field="${name}"] select`);
        return !select.disabled && select.value === value && select.options.length === 1 + count;
      }, { name: level2, value: child.value, count: second.children.length });
      assert.equal(await control(page, level2).inputValue(), child.value);
      assert.equal(await control(page, level2).evaluate((sel) => sel.options[sel.selectedIndex].textContent), child.display ?? child.value);
      assert.deepEqual(unexpectedProblems(page), []);
    } finally {
      await page.closeAll();
    }
  });

  test('US: the state enumeration shows the display text and stores the value', async () => {
    const page = await open('country=US');
    try {
      await waitLoaded(page, 'US');
      const [name, element] = Object.entries(countries.US.addressConstraints)
        .find(([, e]) => e.valueType === 'enumerationAssociative' && e.possibleValues.some((v) => v.display !== v.value));
      const options = await optionsOf(page, name);
      const choice = element.possibleValues.find((v) => v.display !== v.value);
      assert.ok(options.some((o) => o.value === choice.value && o.text === choice.display));
      await control(page, name).selectOption({ label: choice.display });
      assert.equal((await page.evaluate(() => window.element.value))[name], choice.value);
      assert.equal(await control(page, name).evaluate((s) => s.options[s.selectedIndex].textContent), choice.display);
    } finally {
      await page.closeAll();
    }
  });

  test('AT (manual dial zone): a dial zone select from /dialzones; no search box nor Verify (AT has no address API)', async () => {
    const page = await open('country=AT');
    try {
      await waitLoaded(page, 'AT');
      const rendered = await renderedFields(page);
      const dial = rendered.find((f) => f.name === 'dialZone');
      assert.ok(dial, 'dialZone field rendered');
      assert.equal(dial.tag, 'select');
      assert.equal(rendered.at(-1).name, 'dialZone');
      const options = await optionsOf(page, 'dialZone');
      assert.deepEqual(options.slice(1).map((o) => o.value), countries.AT.dialZones.map((d) => d.value));
      await control(page, 'dialZone').selectOption(countries.AT.dialZones[1].value);
      assert.equal((await page.evaluate(() => window.element.value)).dialZone, countries.AT.dialZones[1].value);

      // The look-ups know their countries: AT has none, so none is offered (and nothing asked).
      assert.equal(await part(page, 'search').isHidden(), true);
      assert.equal(await part(page, 'verify').isHidden(), true);
    } finally {
      await page.closeAll();
    }
  });

  test('an invalid postal code: message under the field, aria-invalid, aria-describedby', async () => {
    const page = await open('country=FR');
    try {
      await waitLoaded(page, 'FR');
      await byHand(page);
      const pc = control(page, 'pc');
      await pc.fill('123');
      // Not shown before the field was left...
      assert.equal(await pc.getAttribute('aria-invalid'), 'false');
      await pc.blur();
      assert.equal(await pc.getAttribute('aria-invalid'), 'true');
      const describedBy = (await pc.getAttribute('aria-describedby')).split(' ');
      const texts = await page.evaluate((ids) => ids.map((id) => window.element.shadowRoot.getElementById(id)?.textContent ?? null), describedBy);
      assert.ok(texts.every((t) => t !== null), 'every aria-describedby id exists');
      assert.ok(texts.includes(countries.FR.addressConstraints.pc.defaultDescription), 'describes with the API description');
      const error = await field(page, 'pc').locator('[part="error"]').textContent();
      assert.ok(error.length > 0 && texts.includes(error), 'the message is referenced by aria-describedby');
      assert.match(error, /postal code/i);
      // ...and updated as the user types.
      await pc.fill('75015');
      assert.equal(await pc.getAttribute('aria-invalid'), 'false');
      assert.equal(await field(page, 'pc').locator('[part="error"]').textContent(), '');
    } finally {
      await page.closeAll();
    }
  });

  test('submitting (Enter) shows the error summary and focuses the first invalid field', async () => {
    const page = await open('country=FR&lang=fr');
    try {
      await waitLoaded(page, 'FR');
      await byHand(page);
      const order = expectedOrder(countries.FR);
      const firstRequired = order.find(({ name }) => countries.FR.addressConstraints[name].usage === 'mandatory');
      const last = order.at(-1);
      await control(page, last.name).fill('Paris');
      await control(page, last.name).press('Enter');
      assert.equal(await activeField(page), firstRequired.name);
      const summary = part(page, 'summary');
      await summary.waitFor();
      assert.equal(await summary.getAttribute('role'), 'alert');
      // French UI strings, and problem messages from the French templates.
      assert.match(await summary.textContent(), /Veuillez corriger/);
      assert.match(await field(page, firstRequired.name).locator('[part="error"]').textContent(), /obligatoire/);
      // A summary entry moves focus to its field; it names the field in French, not in the API's English.
      assert.doesNotMatch(await summary.textContent(), /Postal code/);
      const pcEntry = summary.getByRole('button', { name: /Code postal/ });
      await pcEntry.click();
      assert.equal(await activeField(page), 'pc');
    } finally {
      await page.closeAll();
    }
  });

  test('inside a <form>: blocks submission while invalid, submits the address as FormData when valid', async () => {
    const page = await open('country=FR&form=1&name=address');
    try {
      await waitLoaded(page, 'FR');
      await page.click('#submit');
      assert.deepEqual(await page.evaluate(() => window.submissions), []);
      const firstRequired = expectedOrder(countries.FR).find(({ name }) => countries.FR.addressConstraints[name].usage === 'mandatory');
      assert.equal(await activeField(page), firstRequired.name, 'the browser focuses the first invalid field');
      assert.equal(await page.evaluate(() => window.element.validity.customError), true);
      const validationMessage = await page.evaluate(() => window.element.validationMessage);
      assert.ok(validationMessage.length > 0);
      // One text per problem: the validity message is the one shown under the field (the view works it out once).
      assert.equal(validationMessage, await field(page, firstRequired.name).locator('[part="error"]').textContent());

      const address = countries.FR.addresses[1].voiceAddress;
      await page.evaluate((value) => { window.element.value = value; }, address);
      assert.equal(await control(page, 'pc').inputValue(), address.pc);
      await page.click('#submit');
      const submissions = await page.evaluate(() => window.submissions);
      assert.equal(submissions.length, 1);
      const expected = [['note', 'kept'], ...Object.entries(address).map(([k, v]) => [`address[${k}]`, v])];
      assert.deepEqual([...submissions[0]].sort(), expected.sort());

      // form.reset() clears the element.
      await page.evaluate(() => document.getElementById('outer').reset());
      assert.deepEqual(await page.evaluate(() => window.element.value), {});
      assert.equal(await control(page, 'pc').inputValue(), '');
      // A disabled fieldset/element disables every control.
      await page.evaluate(() => window.element.setAttribute('disabled', ''));
      assert.equal(await control(page, 'pc').isDisabled(), true);
    } finally {
      await page.closeAll();
    }
  });

  test('changing the country keeps the values of the fields both countries have, but for country-bound ones (issue 18)', async () => {
    const page = await open('country=FR');
    try {
      await waitLoaded(page, 'FR');
      await byHand(page);
      const fr = Object.keys(countries.FR.addressConstraints);
      const de = Object.keys(countries.DE.addressConstraints);
      const shared = fr.filter((n) => de.includes(n) && !countries.DE.addressConstraints[n].possibleValues);
      const frOnly = fr.filter((n) => !de.includes(n) && !countries.FR.addressConstraints[n].possibleValues);
      assert.ok(shared.length >= 2 && frOnly.length >= 1);
      const typed = {};
      for (const name of [...shared, frOnly[0]]) {
        // Letters only: a value both countries accept (a digit is refused in a German city's name).
        typed[name] = name === 'pc' ? '75015' : `v-${name.replace(/[^a-z]/gi, '')}`.slice(0, countries.FR.addressConstraints[name].maxLength ?? 10);
        if (countries.FR.addressConstraints[name].valueType === 'freenumerical') typed[name] = '12';
        await control(page, name).fill(typed[name]);
      }
      await page.evaluate(() => window.element.setAttribute('country', 'DE'));
      await waitLoaded(page, 'DE');
      // A postal code (state, county, dial zone) FR accepted was typed as a French one: not carried over.
      const kept = (name) => (COUNTRY_BOUND.includes(name) ? '' : typed[name]);
      assert.ok(shared.some((name) => COUNTRY_BOUND.includes(name)) && shared.some((name) => !COUNTRY_BOUND.includes(name)));
      for (const name of shared) assert.equal(await control(page, name).inputValue(), kept(name), `DE keeps ${name}`);
      assert.equal((await page.evaluate(() => window.element.value))[frOnly[0]], undefined, 'a field DE lacks is not in its value');
      // Back to FR: the FR-only field typed before is still there.
      await page.evaluate(() => window.element.setAttribute('country', 'FR'));
      await page.waitForFunction(() => window.events.filter((e) => e.type === 'btalk-loaded' && e.detail.country === 'FR').length === 2);
      assert.equal(await control(page, frOnly[0]).inputValue(), typed[frOnly[0]]);
      for (const name of shared) assert.equal(await control(page, name).inputValue(), kept(name));
    } finally {
      await page.closeAll();
    }
  });

  test('API texts with markup render as text (labels, descriptions, options, candidates); unsafe links are dropped', async () => {
    const page = await open('country=ZZ&lookup=search-zz.js');
    try {
      await waitLoaded(page, 'ZZ');
      const zz = countries.ZZ.addressConstraints;
      const rendered = await renderedFields(page);
      assert.equal(rendered[0].label, zz.a6.defaultLabel);
      assert.equal(await field(page, 'a6').locator('[part="description"]').textContent(), zz.a6.defaultDescription);
      assert.ok((await optionsOf(page, 'sts')).some((o) => o.text === zz.sts.possibleValues[0].display));
      // javascript: referenceUrl: no link; https one: a safe new-window link.
      assert.equal(await field(page, 'a6').locator('a').count(), 0);
      const link = field(page, 'sts').locator('a[part="link"]');
      assert.equal(await link.getAttribute('href'), zz.sts.referenceUrl);
      assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
      assert.equal(await link.getAttribute('target'), '_blank');

      await part(page, 'search').locator('input').fill('Main');
      const candidate = part(page, 'candidates').getByRole('option');
      await candidate.waitFor();
      assert.equal(await candidate.textContent(), countries.ZZ.addresses[0].label);
      await candidate.click();
      assert.equal(await control(page, 'a6').inputValue(), countries.ZZ.addresses[0].voiceAddress.a6);
      await page.waitForTimeout(200); // give a smuggled onerror a chance to run
      const smuggled = await page.evaluate(() => ({
        xss: window.__xss ?? null,
        images: window.element.shadowRoot.querySelectorAll('img, b').length,
      }));
      assert.deepEqual(smuggled, { xss: null, images: 0 });

      // A broken rule on an empty optional field does not block the address...
      assert.equal(await page.evaluate(() => window.element.checkValidity()), true);
      // ...but a value there cannot be checked: the form is invalid, the rule said once.
      await control(page, 'flr').fill('3');
      assert.equal(await page.evaluate(() => window.element.reportValidity()), false);
      const rule = field(page, 'flr').locator('[part="error"]:not(:empty)');
      assert.equal(await rule.count(), 1, 'the broken rule is said once');
      assert.match(await rule.textContent(), /This field's rule from the API is broken: .*maxLength/);
      const ruleId = await rule.getAttribute('id');
      assert.ok((await control(page, 'flr').getAttribute('aria-describedby')).split(' ').includes(ruleId));
    } finally {
      await page.closeAll();
    }
  });

  test('save with voicesite-id: pushes the address, shows success; a double click sends one request', async () => {
    const voiceSiteId = await orderVoicesite(server.origin, CUSTOMER, VPN, 'FR');
    const page = await open(`country=FR&customer=${CUSTOMER}&voicesite=${encodeURIComponent(voiceSiteId)}`);
    try {
      await waitLoaded(page, 'FR');
      const address = countries.FR.addresses[0].voiceAddress;
      await page.evaluate((value) => { window.element.value = value; }, address);
      const puts = [];
      page.on('request', (request) => { if (request.method() !== 'GET' && request.url().includes('/voiceaddress')) puts.push(request.url()); });
      await setFaults(server.origin, { latencyMs: 400 });
      const save = part(page, 'save');
      await save.dblclick();
      assert.equal(await save.isDisabled(), true, 'disabled while saving');
      assert.equal(await part(page, 'form').getAttribute('aria-busy'), 'true');
      await page.waitForFunction(() => window.events.some((e) => e.type === 'btalk-address-saved'));
      await setFaults(server.origin, {});
      assert.equal(puts.length, 1);
      const saved = await page.evaluate(() => window.events.find((e) => e.type === 'btalk-address-saved').detail);
      assert.equal(saved.voiceSiteId, voiceSiteId);
      assert.deepEqual(saved.address, address);
      assert.match(await page.locator('btalk-address-form >> [part="status"][role="status"]').textContent(), new RegExp(voiceSiteId));
      const stored = await (await fetch(`${server.origin}/proxy/btalk/v1/customers/${CUSTOMER}/voicesites/${voiceSiteId}/voiceaddress`)).json();
      assert.deepEqual(stored.voiceAddress ?? stored, address);
    } finally {
      await page.closeAll();
    }
  });

  test('save: a 400 from the server puts its problems on the fields', async () => {
    const voiceSiteId = await orderVoicesite(server.origin, CUSTOMER, VPN, 'FR');
    const page = await open(`country=FR&customer=${CUSTOMER}&voicesite=${encodeURIComponent(voiceSiteId)}`);
    try {
      // The browser gets constraints without the postal code pattern (as if the API changed its
      // rules since): the element accepts "ABCDE", the server (bundled rules) refuses it.
      await page.route('**/countries/FR/addressconstraints', async (route) => {
        const response = await route.fetch();
        const body = await response.json();
        const doc = body.addressConstraints ?? body;
        doc.pc = { ...doc.pc, valueRegexp: '' };
        await route.fulfill({ response, json: body });
      });
      await page.reload();
      await waitLoaded(page, 'FR');
      const address = { ...countries.FR.addresses[0].voiceAddress, pc: 'ABCDE' };
      await page.evaluate((value) => { window.element.value = value; }, address);
      assert.equal(await page.evaluate(() => window.element.checkValidity()), true);
      await part(page, 'save').click();
      await page.waitForFunction(() => window.events.some((e) => e.type === 'btalk-error'));
      const pc = control(page, 'pc');
      await page.waitForFunction(() => window.element.shadowRoot.querySelector('[data-field="pc"] input').getAttribute('aria-invalid') === 'true');
      assert.ok((await field(page, 'pc').locator('[part="error"]').textContent()).length > 0);
      assert.equal(await activeField(page), 'pc');
      assert.equal(await pc.inputValue(), 'ABCDE', 'the typed value stays');
      const alert = page.locator('btalk-address-form >> [part="status"][role="alert"]');
      assert.match(await alert.textContent(), /rejected/);
      const error = await page.evaluate(() => window.events.find((e) => e.type === 'btalk-error').detail);
      assert.equal(error.status, 400);
      // Editing the field clears the server's verdict on it.
      await pc.fill('75015');
      assert.equal(await pc.getAttribute('aria-invalid'), 'false');
      assert.equal(await page.evaluate(() => window.element.checkValidity()), true);
    } finally {
      await page.closeAll();
    }
  });

  test('a 500 and a malformed answer: clear message with Retry, typed input kept', async () => {
    const voiceSiteId = await orderVoicesite(server.origin, CUSTOMER, VPN, 'FR');
    await setFaults(server.origin, { failRate: 1, failStatus: 500 });
    const page = await openPage(browser, server.origin, `/pages/address-form.html?country=FR&customer=${CUSTOMER}&voicesite=${encodeURIComponent(voiceSiteId)}`);
    try {
      const alert = page.locator('btalk-address-form >> [part="status"][role="alert"]');
      await alert.waitFor();
      assert.match(await alert.textContent(), /could not be loaded/);
      assert.match(await alert.textContent(), /500/);
      await setFaults(server.origin, {});
      await alert.getByRole('button', { name: 'Retry' }).click();
      await waitLoaded(page, 'FR');
      assert.equal(await alert.isHidden(), true);

      await byHand(page);
      const address = countries.FR.addresses[0].voiceAddress;
      for (const [name, value] of Object.entries(address)) await control(page, name).fill(value);
      await setFaults(server.origin, { failRate: 1, failStatus: 500 });
      await part(page, 'save').click();
      await alert.waitFor();
      assert.match(await alert.textContent(), /could not be saved.*500/s);
      for (const [name, value] of Object.entries(address)) assert.equal(await control(page, name).inputValue(), value);

      await setFaults(server.origin, { malformedRate: 1 });
      await alert.getByRole('button', { name: 'Retry' }).click();
      await page.waitForFunction(() => window.events.filter((e) => e.type === 'btalk-error').length >= 3);
      const last = await page.evaluate(() => window.events.filter((e) => e.type === 'btalk-error').pop().detail);
      assert.equal(last.code, 'malformedResponse');
      await alert.waitFor();
      assert.ok((await alert.textContent()).includes(last.message));
      for (const [name, value] of Object.entries(address)) assert.equal(await control(page, name).inputValue(), value);

      await setFaults(server.origin, {});
      await alert.getByRole('button', { name: 'Retry' }).click();
      await page.waitForFunction(() => window.events.some((e) => e.type === 'btalk-address-saved'));
    } finally {
      await setFaults(server.origin, {});
      await page.closeAll();
    }
  });

  test('keyboard only at 360px: search, choose a candidate, complete a field, save; screenshot', async () => {
    const voiceSiteId = await orderVoicesite(server.origin, CUSTOMER, VPN, 'FR');
    const page = await open(`country=FR&customer=${CUSTOMER}&voicesite=${encodeURIComponent(voiceSiteId)}`, { viewport: { width: 360, height: 900 } });
    try {
      await waitLoaded(page, 'FR');
      const tabTo = async (name, limit = 40) => {
        for (let i = 0; i < limit; i++) {
          await page.keyboard.press('Tab');
          if (await activeField(page) === name) return;
        }
        throw new Error(`Tab never reached ${name}`);
      };
      const candidate = countries.FR.addresses[0];
      await tabTo('search-input');
      await page.keyboard.type(candidate.label.split(',')[0]);
      await part(page, 'candidates').getByRole('option').first().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      assert.deepEqual(await page.evaluate(() => window.element.value), candidate.voiceAddress);
      // Complete an optional text field the candidate left empty.
      const optional = expectedOrder(countries.FR).find(({ name }) => !(name in candidate.voiceAddress)
        && countries.FR.addressConstraints[name].valueType === 'freestring');
      await tabTo(optional.name);
      await page.keyboard.type('Bat B');
      // Save with the keyboard.
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => window.element.shadowRoot.activeElement?.getAttribute('part') === 'save')) break;
      }
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.events.some((e) => e.type === 'btalk-address-saved'));
      const saved = await page.evaluate(() => window.events.find((e) => e.type === 'btalk-address-saved').detail.address);
      assert.deepEqual(saved, { ...candidate.voiceAddress, [optional.name]: 'Bat B' });

      // Fits 360px: no horizontal scrolling, inputs as wide as the form.
      const layout = await page.evaluate(() => {
        const form = window.element.shadowRoot.querySelector('[part="form"]').getBoundingClientRect();
        const input = window.element.shadowRoot.querySelector('[part="field"] input').getBoundingClientRect();
        return { scroll: document.documentElement.scrollWidth, form: form.width, input: input.width };
      });
      assert.ok(layout.scroll <= 360, `no horizontal scroll (${layout.scroll})`);
      assert.ok(Math.abs(layout.input - layout.form) < 1, 'inputs take the full width');
      await saveScreenshot(page, 'address-form-fr-360-keyboard.png');
      assert.deepEqual(unexpectedProblems(page), []);
    } finally {
      await page.closeAll();
    }
  });
});
