// A French and a German portal speak French and German (issue #18, item 2), in Chromium against the
// stand-in, whose API texts (labels, descriptions, country names) are English and say no
// Content-Language: country names come from Intl.DisplayNames in the UI's language; a field the API
// labels in English takes the element's own name for that address element, the API's words kept as its
// description (marked lang="en"), so problems read in one language; every API request carries the UI
// language as Accept-Language; and the import's customer choice follows the language too. Each test
// failed before its fix.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import { browserSuite, comboboxOptions, readCountry, waitForChoices } from './helpers.js';
import { field, part, waitLoaded } from './address-form-helpers.js';

const env = browserSuite();
const strings = async (element, lang) => (await import(`../../web/components/${element}/i18n/${lang}.js`)).default;
// What Intl.DisplayNames calls two countries (the API says "Germany" and "France").
const COUNTRY_NAMES = { fr: { DE: 'Allemagne', FR: 'France' }, de: { DE: 'Deutschland', FR: 'Frankreich' } };

/** A page whose API requests (to /proxy/btalk/v1) are recorded with their Accept-Language. */
async function openRecorded(path) {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.apiRequests = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/proxy/btalk/v1/')) page.apiRequests.push({ path: url.pathname, language: request.headers()['accept-language'] });
  });
  page.closeAll = () => context.close();
  await page.goto(`${env.server.origin}${path}`);
  return page;
}

/** Mounts `tag` (loaded from `module`) with `attributes`; its own client, from api-base, in proxy mode. */
function mount(page, module, tag, attributes) {
  return page.evaluate(async ({ module, tag, attributes }) => {
    await import(module);
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    document.body.append(element);
  }, { module, tag, attributes: { 'api-base': '/proxy/btalk/v1', ...attributes } });
}

function assertAcceptLanguage(page, lang) {
  assert.ok(page.apiRequests.length > 0, 'API requests were made');
  for (const { path, language } of page.apiRequests) assert.equal(language, lang, `${path} asks for ${lang}`);
}

for (const [lang, iso2] of [['fr', 'FR'], ['de', 'DE']]) {
  describe(`a ${lang === 'fr' ? 'French' : 'German'} page`, { skip: env.skip }, () => {
    test(`address form (${iso2}): its own field names, the API's words as descriptions, problems in one language, Accept-Language: ${lang}`, async () => {
      const own = await strings('address-form', lang);
      const api = (await readCountry(BUNDLED_DATA_DIR, iso2)).addressConstraints.pc;
      const page = await openRecorded(`/pages/address-form.html?country=${iso2}&lang=${lang}`);
      try {
        await waitLoaded(page, iso2);
        // A country with an address search (FR) shows the search first, its fields folded until asked for.
        if ((await readCountry(BUNDLED_DATA_DIR, iso2)).addressApi === 'search') await part(page, 'manual').click();
        const pc = field(page, 'pc');
        await pc.locator('label').filter({ hasText: own['element.pc'] }).waitFor();
        assert.doesNotMatch(await pc.locator('label').textContent(), new RegExp(api.defaultLabel));
        const description = pc.locator('[part="description"]');
        assert.equal(await description.textContent(), `${api.defaultLabel}: ${api.defaultDescription}`);
        assert.equal(await description.getAttribute('lang'), 'en', 'the API\'s English is marked as such');
        await pc.locator('input').fill('1x');
        await pc.locator('input').blur();
        const error = await pc.locator('[part="error"]').textContent();
        assert.ok(error.startsWith(own['element.pc']), error);
        assert.doesNotMatch(error, new RegExp(api.defaultLabel), 'no English label in a message');
        assertAcceptLanguage(page, lang);
      } finally {
        await page.closeAll();
      }
    });

    test(`order: country names in ${lang === 'fr' ? 'French' : 'German'} (Intl.DisplayNames), sorted so; Accept-Language: ${lang}`, async () => {
      const own = await strings('voicesite-order', lang);
      const page = await openRecorded('/pages/address-form.html');
      try {
        await mount(page, '/web/components/voicesite-order/voicesite-order.js', 'btalk-voicesite-order', { lang });
        // More than 30 countries: a type-ahead combobox, whose listbox renders a window of its options.
        const combobox = page.locator('btalk-voicesite-order #country-select');
        await waitForChoices(combobox);
        assert.equal(await combobox.getAttribute('role'), 'combobox');
        const options = await comboboxOptions(combobox);
        for (const [code, name] of Object.entries(COUNTRY_NAMES[lang])) {
          assert.equal(options.find((o) => o.value === code)?.label, name);
        }
        assert.equal(await page.locator('btalk-voicesite-order label[for="country-select"]').textContent(), own['country.label']);
        const names = options.filter((o) => o.value !== '' && !o.disabled).map((o) => o.label);
        assert.ok(names.length > 30, 'every covered country');
        assert.deepEqual(names, [...names].sort(new Intl.Collator(lang).compare), 'in the language\'s order');
        assertAcceptLanguage(page, lang);
      } finally {
        await page.closeAll();
      }
    });

    test(`import: "Choose a customer" and the other texts follow the language, also when it changes; Accept-Language: ${lang}`, async () => {
      const own = await strings('site-import', lang);
      const en = await strings('site-import', 'en');
      const page = await openRecorded('/pages/address-form.html');
      try {
        // English first, as a portal's page before its user picks a language.
        await mount(page, '/web/components/site-import/site-import.js', 'btalk-site-import', { lang: 'en' });
        const placeholder = page.locator('btalk-site-import #customer-select option[value=""]');
        await placeholder.filter({ hasText: en['customer.choose'] }).waitFor({ state: 'attached' });
        await page.evaluate((l) => document.querySelector('btalk-site-import').setAttribute('lang', l), lang);
        await placeholder.filter({ hasText: own['customer.choose'] }).waitFor({ state: 'attached' });
        assert.equal(await page.locator('btalk-site-import label[for="customer-select"]').textContent(), own['customer.label']);
        // Loaded in the language from the start, the requests ask for it.
        page.apiRequests.length = 0;
        await page.evaluate(() => document.querySelector('btalk-site-import').remove());
        await mount(page, '/web/components/site-import/site-import.js', 'btalk-site-import', { lang });
        await placeholder.filter({ hasText: own['customer.choose'] }).waitFor({ state: 'attached' });
        assertAcceptLanguage(page, lang);
      } finally {
        await page.closeAll();
      }
    });
  });
}

describe('a French catalogue that arrives after the country', { skip: env.skip }, () => {
  test('the fields are built again in French, although the form was already lang="fr"', async () => {
    const own = await strings('address-form', 'fr');
    const english = await strings('address-form', 'en');
    const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
    try {
      const page = await context.newPage();
      // The early start makes the country's answer come before the catalogue; hold the catalogue until then.
      let loaded;
      const countryShown = new Promise((resolve) => { loaded = resolve; });
      await page.route('**/components/address-form/i18n/fr.js', async (route) => { await countryShown; await route.continue(); });
      // The form in a French page's markup, as a portal writes it: French from its constructor on.
      await page.route('**/pages/address-form-unbundled.html*', async (route) => {
        const answer = await route.fetch();
        await route.fulfill({ response: answer, body: (await answer.text()).replace('<html lang="en">', '<html lang="fr">') });
      });
      await page.goto(`${env.server.origin}/pages/address-form-unbundled.html?country=GB`);
      await field(page, 'pc').locator('label').waitFor();
      assert.doesNotMatch(await field(page, 'pc').locator('label').textContent(), new RegExp(own['element.pc']),
        'before its catalogue, the French form cannot show French names');
      loaded();
      await field(page, 'pc').locator('label').filter({ hasText: own['element.pc'] }).waitFor({ timeout: 5000 });
      assert.doesNotMatch(await field(page, 'a6').locator('label').textContent(), new RegExp(english['element.a6']));
    } finally {
      await context.close();
    }
  });
});
