// <btalk-address-form> as the user edits it: typing, leaving a field, pasting, saving while the form
// loads, what a country offers, the ARIA combobox, languages, layout and autofill, in Debian's
// Chromium against the stand-in (each regression test failed before its fix).
// Screenshots of FR, US and CH at 1200 and 360 px go to test-artifacts/.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import {
  browserSuite, chooseOption, openPage, orderVoicesite, readCountry, saveScreenshot, setFaults,
} from './helpers.js';
import { control, field, fill, part, standInCustomer, tagOf, waitLoaded } from './address-form-helpers.js';

const status = (page) => page.locator('btalk-address-form >> [part="status"][role="status"]');

// axe-core runs where it is installed (a dev dependency of the a11y suite); skipped otherwise.
let AXE = null;
try {
  AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
} catch {
  AXE = null;
}

// One stand-in server and one Chromium for the file (helpers.js).
const env = browserSuite();

describe('<btalk-address-form>: editing', { skip: env.skip }, () => {
  let CUSTOMER;
  let VPN;
  const data = {};

  before(async () => {
    ({ customer: CUSTOMER, vpn: VPN } = standInCustomer());
    for (const iso2 of ['FR', 'CH', 'US', 'BE']) data[iso2] = await readCountry(BUNDLED_DATA_DIR, iso2);
  });

  /**
   * Opens the test page; with `save`, for a fresh voicesite (the Save button shows). A country with a
   * search shows it first with its fields folded: they are unfolded (typed by hand) unless `byHand` is false.
   */
  async function open(iso2, { save = false, query = '', viewport, wait = true, before: beforeOpen, byHand = true } = {}) {
    const voiceSiteId = save ? await orderVoicesite(env.server.origin, CUSTOMER, VPN, iso2) : null;
    await beforeOpen?.();
    const params = `country=${iso2}${save ? `&customer=${CUSTOMER}&voicesite=${encodeURIComponent(voiceSiteId)}` : ''}${query}`;
    const page = await openPage(env.browser, env.server.origin, `/pages/address-form.html?${params}`, viewport ? { viewport } : undefined);
    if (wait) await waitLoaded(page, iso2);
    if (wait && byHand && await part(page, 'manual').isVisible()) await part(page, 'manual').click();
    return { page, voiceSiteId };
  }

  test('CH, postal code "100" still focused: one click on Save is enough', async () => {
    const { page } = await open('CH', { save: true });
    try {
      await control(page, 'a6').fill('Bahnhofstrasse');
      await control(page, 'pc').fill('100');
      // The focus leaves the postal code on mouse-down; the click must still reach Save.
      await part(page, 'save').click();
      await part(page, 'summary').waitFor({ timeout: 3000 });
      assert.match(await field(page, 'pc').locator('[part="error"]').textContent(), /Postal code/);
    } finally {
      await page.closeAll();
    }
  });

  test('a field takes room for an error only when it shows one (the pointer case is the test above)', async () => {
    const { page } = await open('CH', { save: true });
    try {
      await control(page, 'pc').fill('100');
      const save = part(page, 'save');
      const before = (await save.boundingBox()).y;
      const blank = await field(page, 'pc').locator('.message').evaluate((line) => line.getBoundingClientRect().height);
      assert.equal(blank, 0, 'no blank line reserved under a field without a message');
      await control(page, 'a6').focus(); // blur by keyboard: the error shows at once
      assert.notEqual(await field(page, 'pc').locator('[part="error"]').textContent(), '');
      // What is below moves by the message's own height, nothing more (no pointer is on it: a press
      // defers the message until its click, see the test above).
      const height = await field(page, 'pc').locator('.message').evaluate((line) => line.getBoundingClientRect().height);
      const shift = (await save.boundingBox()).y - before;
      assert.ok(height > 0 && Math.abs(shift - height) < 1, `moved ${shift}px for a ${height}px message`);
    } finally {
      await page.closeAll();
    }
  });

  test('with a slow API, Save waits for the form and no stale message stays', async () => {
    let opened = null;
    try {
      opened = await open('CH', { save: true, wait: false, before: () => setFaults(env.server.origin, { latencyMs: 1500 }) });
      const { page } = opened;
      await page.waitForFunction(() => /Loading the address form/.test(
        window.element?.shadowRoot.querySelector('[part="status"][role="status"]')?.textContent ?? ''));
      assert.equal(await part(page, 'save').isDisabled(), true, 'no Save while loading');
      await page.evaluate(() => window.element.shadowRoot.querySelector('[part="save"]').click());
      await waitLoaded(page, 'CH');
      await page.waitForFunction(() => window.element.shadowRoot.querySelector('[part="form"]').getAttribute('aria-busy') === 'false');
      assert.equal(await part(page, 'save').isDisabled(), false);
      const text = await page.evaluate(() => window.element.shadowRoot.querySelector('[part="form"]').textContent);
      assert.doesNotMatch(text, /not loaded yet/);
      assert.equal(await part(page, 'summary').isHidden(), true);
    } finally {
      await setFaults(env.server.origin, { latencyMs: 0 });
      await opened?.page.closeAll();
    }
  });

  test('pasting " 75015" into FR\'s postal code keeps 75015 and finds no problem', async () => {
    const { page } = await open('FR');
    try {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
      await page.evaluate(() => navigator.clipboard.writeText(' 75015'));
      await control(page, 'pc').focus();
      await page.keyboard.press('Control+V');
      assert.equal(await control(page, 'pc').inputValue(), '75015');
      assert.equal((await page.evaluate(() => window.element.value)).pc, '75015');
      await control(page, 'a3').focus();
      assert.equal(await field(page, 'pc').locator('[part="error"]').textContent(), '');
    } finally {
      await page.closeAll();
    }
  });

  test('bug 4: only what a country offers is shown; no look-up it lacks, no /dialzones where automatic', async () => {
    for (const [iso2, search, verify] of [['CH', false, false], ['FR', true, true], ['US', false, true]]) {
      const requests = [];
      const { page } = await open(iso2, { wait: false });
      try {
        page.on('response', (r) => requests.push({ url: r.url(), status: r.status() }));
        await waitLoaded(page, iso2);
        assert.equal(await part(page, 'search').isVisible(), search, `${iso2} search box`);
        if (search) await part(page, 'manual').click(); // Verify shows with the fields
        assert.equal(await part(page, 'verify').isVisible(), verify, `${iso2} Verify`);
        await control(page, 'pc').fill(data[iso2].sampleAddress.pc ?? '1234');
        await control(page, 'a6').focus();
        await page.waitForTimeout(400); // longer than any look-up debounce
        const lookups = requests.filter((r) => /\/(addresses|postalcodes|parishes)\?/.test(r.url));
        assert.deepEqual(lookups, [], `${iso2}: no look-up it does not offer, nothing probed`);
      } finally {
        await page.closeAll();
      }
    }
    // An automatic dial zone: /dialzones is never asked; no 404 at all.
    const seen = [];
    const page = await openPage(env.browser, env.server.origin, '/pages/address-form.html?country=FR&api=/proxy/btalk/v1');
    try {
      page.on('response', (r) => seen.push({ url: r.url(), status: r.status() }));
      await page.evaluate(() => { window.element.setAttribute('country', 'GP'); });
      await waitLoaded(page, 'GP');
      assert.equal(seen.some((r) => r.url.includes('/dialzones')), false);
      const unexpected = seen.filter((r) => r.status === 404);
      assert.deepEqual(unexpected, []);
    } finally {
      await page.closeAll();
    }
  });

  test('BE, choosing "1000 Bruxelles / Brussel" fills the municipality', async () => {
    const { page } = await open('BE');
    try {
      // Belgium's postal codes: more than 30, a combobox.
      await chooseOption(control(page, 'pc'), '1000');
      assert.equal(await control(page, 'a3').inputValue(), 'Bruxelles');
      assert.equal((await page.evaluate(() => window.element.value)).a3, 'Bruxelles');
    } finally {
      await page.closeAll();
    }
  });

  test('the search box is an ARIA combobox: listbox, options, active descendant, expanded state', async () => {
    const { page } = await open('FR', { byHand: false });
    try {
      const input = part(page, 'search-input');
      assert.equal(await input.getAttribute('role'), 'combobox');
      assert.equal(await input.getAttribute('aria-expanded'), 'false');
      const listId = await input.getAttribute('aria-controls');
      await input.fill(data.FR.addresses[0].label.split(',')[0]);
      await part(page, 'candidates').getByRole('option').first().waitFor();
      assert.equal(await input.getAttribute('aria-expanded'), 'true');
      assert.equal(await page.evaluate((id) => window.element.shadowRoot.getElementById(id).getAttribute('role'), listId), 'listbox');
      await page.keyboard.press('ArrowDown');
      const active = await input.getAttribute('aria-activedescendant');
      assert.equal(await page.evaluate((id) => window.element.shadowRoot.getElementById(id).getAttribute('aria-selected'), active), 'true');
      assert.equal(await page.evaluate(() => window.element.shadowRoot.activeElement?.id), 'search-input', 'focus stays in the input');
      if (AXE) {
        await page.addScriptTag({ path: AXE });
        const serious = await page.evaluate(async () => (await window.axe.run(document)).violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id));
        assert.deepEqual(serious, []);
      }
      await page.keyboard.press('Escape');
      assert.equal(await input.getAttribute('aria-expanded'), 'false');
      assert.equal(await input.getAttribute('aria-activedescendant'), null);
    } finally {
      await page.closeAll();
    }
  });

  test('lang=fr: French texts and element names, no English "More information"; lang follows the closest ancestor', async () => {
    const { page } = await open('FR', { save: true, query: '&lang=fr' });
    try {
      await page.waitForFunction(() => /Enregistrer/.test(window.element.shadowRoot.querySelector('[part="save"]').textContent));
      const text = await page.evaluate(() => window.element.shadowRoot.querySelector('[part="form"]').textContent);
      assert.doesNotMatch(text, /More information/);
      assert.match(text, /Plus d’informations sur/);
      assert.equal(await part(page, 'search').locator('label').textContent(), 'Rechercher l’adresse');
      await page.evaluate(() => window.element.reportValidity());
      assert.match(await part(page, 'summary').textContent(), /Veuillez corriger/);
      // Without its own lang, the element speaks the page's.
      await page.evaluate(() => { window.element.removeAttribute('lang'); document.documentElement.lang = 'de'; });
      await page.waitForFunction(() => window.element.shadowRoot.querySelector('[part="save"]').textContent === 'Adresse speichern');
      await page.evaluate(() => { document.documentElement.lang = 'nl-BE'; });
      await page.waitForFunction(() => window.element.shadowRoot.querySelector('[part="save"]').textContent === 'Adres opslaan');
    } finally {
      await page.closeAll();
    }
  });

  test('autofill tokens on every field; short fields share a row only in a wide container', async () => {
    const { page } = await open('CH', { viewport: { width: 1200, height: 900 } });
    try {
      const tokens = await page.evaluate(() => Object.fromEntries([...window.element.shadowRoot.querySelectorAll('[part="field"]')]
        .map((w) => [w.dataset.field, w.querySelector('input, select').getAttribute('autocomplete')])));
      assert.ok(Object.values(tokens).every(Boolean), JSON.stringify(tokens));
      assert.equal(tokens.pc, 'postal-code');
      assert.equal(tokens.a6, 'address-line1');
      assert.equal(tokens.a3, 'address-level2');
      const tops = () => page.evaluate(() => Object.fromEntries(['a6', 'hno'].map((name) => [name,
        window.element.shadowRoot.querySelector(`[data-field="${name}"]`).getBoundingClientRect().top])));
      const wide = await tops();
      assert.equal(wide.a6, wide.hno, 'street and house number side by side');
      // The same viewport, a narrow container: one column.
      await page.evaluate(() => { window.element.style.maxWidth = '300px'; });
      const narrow = await tops();
      assert.ok(narrow.hno > narrow.a6, 'one column in a narrow container');
    } finally {
      await page.closeAll();
    }
  });

  test('normalisation on blur and on paste, visibly, never while typing; the expected format in pattern messages', async (t) => {
    const { page } = await open('GB');
    try {
      const hasNormaliser = await page.evaluate(async () => {
        const { loadCore } = await import('/web/core.js');
        const core = await loadCore();
        try {
          core.normalizeAddress({}, {});
          core.formatExample('^[0-9]$');
          return true;
        } catch {
          return false; // not there (or not bound in this build) yet
        }
      });
      if (!hasNormaliser) {
        t.skip('the core has no normalizeAddress/formatExample yet');
        return;
      }
      const pc = control(page, 'pc');
      await pc.pressSequentially('sw1a 2aa');
      assert.equal(await pc.inputValue(), 'sw1a 2aa', 'typed text stays as typed');
      await control(page, 'a6').focus();
      assert.equal(await pc.inputValue(), 'SW1A 2AA');
      assert.equal((await page.evaluate(() => window.element.value)).pc, 'SW1A 2AA');
      assert.match(await field(page, 'pc').locator('[part="note"]').textContent(), /SW1A 2AA/);
      assert.equal(await field(page, 'pc').locator('[part="error"]').textContent(), '');
      // Typing again: the note goes.
      await pc.fill('SW1A 2A');
      assert.equal(await field(page, 'pc').locator('[part="note"]').textContent(), '');
      // A pattern mismatch says what is expected.
      await control(page, 'a6').focus();
      const error = await field(page, 'pc').locator('[part="error"]').textContent();
      assert.match(error, /expected format: .+/);
    } finally {
      await page.closeAll();
    }
  });

  test('NL, French: a pasted postal code is normalised, the format hint is in French', async (t) => {
    const { page } = await open('NL', { query: '&lang=fr' });
    try {
      const has = await page.evaluate(async () => {
        try {
          const core = await (await import('/web/core.js')).loadCore();
          core.normalizeAddress({}, {});
          return !!core.formatExample('^[0-9]$');
        } catch {
          return false;
        }
      });
      if (!has) {
        t.skip('the core has no formatExample yet');
        return;
      }
      await page.waitForFunction(() => window.element.shadowRoot.querySelector('[part="search"] label')?.textContent === 'Rechercher l’adresse');
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
      await page.evaluate(() => navigator.clipboard.writeText('  1012   rj '));
      await control(page, 'pc').focus();
      await page.keyboard.press('Control+V');
      assert.equal(await control(page, 'pc').inputValue(), '1012 RJ');
      await control(page, 'pc').fill('10123RJ'); // the right length, the wrong shape
      await control(page, 'a6').focus();
      assert.match(await field(page, 'pc').locator('[part="error"]').textContent(), /format attendu : 9999 AA/);
    } finally {
      await page.closeAll();
    }
  });

  for (const iso2 of ['FR', 'US', 'CH']) {
    for (const width of [1200, 360]) {
      test(`screenshot: ${iso2} at ${width} px, one field left wrong`, async () => {
        const { page } = await open(iso2, { save: true, viewport: { width, height: 1400 } });
        try {
          const sample = { ...data[iso2].sampleAddress };
          delete sample.dialZone;
          await fill(page, sample);
          if ((await tagOf(page, 'pc')) === 'input') await control(page, 'pc').fill('12');
          await page.evaluate(() => window.element.reportValidity());
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scroll <= width, `no horizontal scroll (${scroll})`);
          await saveScreenshot(page, `address-form-${iso2.toLowerCase()}-${width}.png`);
        } finally {
          await page.closeAll();
        }
      });
    }
  }
});
