// <btalk-address-form>'s look-ups in Debian's Chromium against the stand-in (issue 18 items 4 and 12,
// issue 16 item 8): a normal flow asks nothing a country lacks (no failed request, no console
// error); the search comes first with the fields folded until wanted, says "no address found" on
// screen with a way to type the address by hand, and lists its suggestions in a listbox that
// overlays the form, the typed words marked; a look-up added from one data file works the same way.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import { coreIsBuilt, launchBrowser, openPage, readCountry, startServer } from './helpers.js';

const part = (page, name) => page.locator(`btalk-address-form >> [part~="${name}"]`);
const field = (page, name) => page.locator(`btalk-address-form [data-field="${name}"]`);
const control = (page, name) => field(page, name).locator('input, select');
const shadowActive = (page) => page.evaluate(() => {
  const active = window.element.shadowRoot.activeElement;
  return active ? active.getAttribute('name') || active.id || active.getAttribute('part') : null;
});

async function waitLoaded(page, country) {
  await page.waitForFunction((iso2) => window.events?.some((e) => e.type === 'btalk-loaded' && e.detail.country === iso2), country);
}

/** Every answer >= 400 the page got, as "status url". */
function failedRequests(page) {
  const failed = [];
  page.on('response', (response) => { if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`); });
  return failed;
}

describe('<btalk-address-form> look-ups, search first', { skip: !coreIsBuilt() && 'the wasm core is not built (npm run build)' }, () => {
  let browser;
  let server;
  const data = {};

  before(async () => {
    for (const iso2 of ['FR', 'CH', 'DE', 'US']) data[iso2] = await readCountry(BUNDLED_DATA_DIR, iso2);
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (query) => {
    const page = await openPage(browser, server.origin, '/pages/address-form.html?api=/proxy/btalk/v1');
    const failed = failedRequests(page);
    await page.goto(`${server.origin}/pages/address-form.html?${query}`);
    return { page, failed };
  };

  /** Opens the form for France, waits until it is loaded, runs `body(page)`, closes the page. */
  const onFrance = async (body) => {
    const { page } = await open('country=FR');
    try {
      await waitLoaded(page, 'FR');
      await body(page);
    } finally {
      await page.closeAll();
    }
  };

  test('FR, CH, DE, US: loading and using the form asks nothing a country lacks: no answer >= 400, no console error', async () => {
    for (const iso2 of ['FR', 'CH', 'DE', 'US']) {
      const { page, failed } = await open(`country=${iso2}`);
      try {
        await waitLoaded(page, iso2);
        await page.waitForFunction(() => window.element.shadowRoot.querySelector('[part="form"]').getAttribute('aria-busy') === 'false');
        if (iso2 === 'FR') {
          await part(page, 'search-input').fill(data.FR.addresses[0].label.split(',')[0]);
          await part(page, 'candidate').first().click();
        } else {
          await control(page, 'a6').fill(data[iso2].sampleAddress.a6);
          await control(page, 'pc').fill(data[iso2].sampleAddress.pc);
        }
        if (iso2 === 'DE' || iso2 === 'US') {
          await part(page, 'verify').click();
          await page.waitForFunction(() => window.element.shadowRoot.querySelector('[part~="verify-result"]').textContent.trim() !== '');
        }
        await page.waitForTimeout(400); // longer than any look-up's debounce
        assert.deepEqual(failed, [], `${iso2}: no failed request`);
        assert.deepEqual(page.problems, [], `${iso2}: no console error`);
      } finally {
        await page.closeAll();
      }
    }
  });

  test('FR: the search comes first, the fields folded; "Enter the address by hand" unfolds them (keyboard)', () => onFrance(async (page) => {
    assert.equal(await part(page, 'search-input').isVisible(), true);
    assert.equal(await control(page, 'a6').isVisible(), false, 'the fields are folded');
    const manual = part(page, 'manual');
    assert.equal(await manual.textContent(), 'Enter the address by hand');
    // Keyboard: the search box, then the button that unfolds the fields.
    await page.keyboard.press('Tab');
    assert.equal(await shadowActive(page), 'search-input');
    await page.keyboard.press('Tab');
    assert.equal(await shadowActive(page), 'manual');
    await page.keyboard.press('Enter');
    assert.equal(await control(page, 'a6').isVisible(), true);
    assert.equal(await manual.isVisible(), false);
    const first = await page.evaluate(() => window.element.shadowRoot.querySelector('[part="field"]').dataset.field);
    assert.equal(await shadowActive(page), first, 'the first field has the focus');
    // A candidate chosen later still fills the shown fields.
    const candidate = data.FR.addresses[0];
    await part(page, 'search-input').fill(candidate.label.split(',')[0]);
    await part(page, 'candidate').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    assert.deepEqual(await page.evaluate(() => window.element.value), candidate.voiceAddress);
  }));

  test('"zzzz nowhere": "No address found" on screen, with a way to type the address by hand', () => onFrance(async (page) => {
    const status = part(page, 'search-status');
    await part(page, 'search-input').fill('zzzz nowhere');
    await page.waitForFunction(() => /No address found/.test(window.element.shadowRoot.querySelector('[part~="search-status"]').textContent));
    assert.equal(await status.textContent(), 'No address found for “zzzz nowhere”. Check the spelling, or enter the address by hand.');
    assert.equal(await status.isVisible(), true, 'on screen, not only for screen readers');
    assert.equal(await status.evaluate((el) => el.getBoundingClientRect().height > 10 && getComputedStyle(el).clip !== 'rect(0px, 0px, 0px, 0px)'), true);
    assert.equal(await status.getAttribute('role'), 'status');
    await part(page, 'manual').click();
    assert.equal(await control(page, 'a6').isVisible(), true);
    assert.equal(await status.textContent(), 'No address found for “zzzz nowhere”. Check the spelling, or fill in the fields below.');
    // In French too.
    await page.evaluate(() => window.element.setAttribute('lang', 'fr'));
    await page.waitForFunction(() => /Aucune adresse trouvée pour « zzzz nowhere »/.test(
      window.element.shadowRoot.querySelector('[part~="search-status"]').textContent));
  }));

  test('suggestions: a listbox overlaying the form (nothing moves), the typed words marked as text', () => onFrance(async (page) => {
    await part(page, 'manual').click();
    const input = part(page, 'search-input');
    const below = () => page.evaluate(() => {
      const root = window.element.shadowRoot;
      return [root.querySelector('[part~="search-status"]'), root.querySelector('[part="field"]')].map((el) => el.getBoundingClientRect().top);
    });
    const before = await below();
    const candidate = data.FR.addresses[0];
    const words = candidate.label.split(/[ ,]+/).filter((w) => w.length >= 4).slice(0, 2);
    await input.fill(words.join(' ').toLowerCase());
    const listbox = part(page, 'candidates');
    await listbox.getByRole('option').first().waitFor();
    assert.deepEqual(await below(), before, 'the open list moves nothing');
    const box = await listbox.evaluate((el) => {
      const style = getComputedStyle(el);
      const list = el.getBoundingClientRect();
      const status = el.getRootNode().querySelector('[part~="search-status"]').getBoundingClientRect();
      return { position: style.position, overlays: list.top < status.bottom && list.bottom > status.top };
    });
    assert.deepEqual(box, { position: 'absolute', overlays: true });
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    // The matching words are <mark>s; the option's text is the label, as text.
    const option = listbox.getByRole('option', { name: candidate.label });
    const marks = await option.locator('mark').allTextContents();
    assert.deepEqual(marks.map((m) => m.toLowerCase()).sort(), words.map((w) => w.toLowerCase()).sort());
    assert.equal(await option.textContent(), candidate.label);
    assert.equal(await option.evaluate((el) => [...el.childNodes].every((n) => n.nodeType === Node.TEXT_NODE || n.localName === 'mark')), true);
    await input.press('Escape');
    assert.equal(await listbox.isVisible(), false);
  }));

  test('a look-up added from one data file (street suggestions) is offered, asked, shown and fills the form', async () => {
    const streets = [...new Map(data.FR.addresses.map(({ voiceAddress: { a6, pc, a3 } }) => [a6, { a6, pc, a3 }])).values()];
    const asked = [];
    const page = await openPage(browser, server.origin, '/pages/address-form.html?api=/proxy/btalk/v1');
    const failed = failedRequests(page);
    try {
      // The street API is not the stand-in's: the test answers it, as a flat list of elements, paged
      // like every list of the real API (offset, limit, X-Total-Count), which the client reads whole.
      await page.route('**/countries/*/streets?*', (route) => {
        const params = new URL(route.request().url()).searchParams;
        const q = params.get('q').toLowerCase();
        asked.push(q);
        const found = streets.filter((s) => s.a6.toLowerCase().includes(q));
        const offset = Number(params.get('offset') ?? 0);
        const items = found.slice(offset, offset + Number(params.get('limit') ?? 40));
        route.fulfill({ json: items, headers: { 'X-Total-Count': String(found.length), 'X-Result-Count': String(items.length) } });
      });
      await page.goto(`${server.origin}/pages/address-form.html?country=FR&lookup=street-lookup.js`);
      await waitLoaded(page, 'FR');
      await part(page, 'manual').click();
      const street = streets[0];
      const typed = street.a6.split(' ').at(-1).toLowerCase();
      await control(page, 'hno').fill('12');
      const a6 = control(page, 'a6');
      assert.equal(await a6.getAttribute('role'), 'combobox');
      await a6.fill(typed.slice(0, 2));
      await page.waitForTimeout(400);
      assert.deepEqual(asked, [], 'nothing asked before minChars');
      await a6.fill(typed);
      const listbox = field(page, 'a6').locator('[role="listbox"]');
      await listbox.getByRole('option').first().waitFor();
      assert.deepEqual(asked, [typed]);
      assert.equal(await a6.getAttribute('aria-controls'), await listbox.getAttribute('id'));
      const label = [street.a6, street.pc, street.a3].join(', ');
      const option = listbox.getByRole('option', { name: label });
      assert.equal((await option.locator('mark').allTextContents()).join('').toLowerCase(), typed);
      const index = await listbox.getByRole('option').evaluateAll((options, text) => options.findIndex((o) => o.textContent === text), label);
      for (let i = 0; i <= index; i++) await a6.press('ArrowDown');
      await a6.press('Enter');
      assert.deepEqual(await page.evaluate(() => window.element.value), { hno: '12', a6: street.a6, pc: street.pc, a3: street.a3 });
      assert.equal(await shadowActive(page), 'a6', 'the focus stays in the field');
      assert.deepEqual(failed, []);
      assert.deepEqual(page.problems, []);
    } finally {
      await page.closeAll();
    }
  });
});
