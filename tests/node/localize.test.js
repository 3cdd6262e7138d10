// The DOM-free localisation layer every element builds on (web/internal/localize.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  Catalogue, LANGUAGES, LocalizeController, Localizer, bestLanguage, langOf, regionName, withOverrides,
} from '../../web/internal/localize.js';

// A minimal stand-in for DOM nodes: getAttribute, parentNode, and a shadow root's host.
const node = (lang, parent = null) => ({ getAttribute: (n) => (n === 'lang' ? lang : null), parentNode: parent });

test('bestLanguage maps BCP 47 tags to a shipped language, English otherwise', () => {
  // Any language of the list, whatever its region and case (the list itself: tests/node/i18n.test.js).
  for (const lang of LANGUAGES) assert.equal(bestLanguage(`${lang.toUpperCase()}-XX`), lang);
  assert.equal(bestLanguage('fr-CH'), 'fr');
  assert.equal(bestLanguage('PT_br'), 'pt');
  assert.equal(bestLanguage(' de '), 'de');
  assert.equal(bestLanguage('x-unknown'), 'en');
  assert.equal(bestLanguage('sv', ['en', 'sv']), 'sv');
  assert.equal(bestLanguage(''), 'en');
  assert.equal(bestLanguage(undefined), 'en');
});

test('langOf takes the element, then the closest ancestor, crossing shadow roots', () => {
  const html = node('nl');
  const section = node(null, html);
  const host = node(null, section);
  const shadowRoot = { parentNode: null, host };
  const inner = node(null, shadowRoot);
  assert.equal(langOf(inner), 'nl');
  assert.equal(langOf(node('it', section)), 'it');
  assert.equal(langOf(node(null, null)), '');
});

test('Localizer fills placeholders, picks plural forms by Intl.PluralRules, formats lists', () => {
  const fr = new Localizer({
    found: '{count} adresses trouvées', 'found.one': '{count} adresse trouvée', 'found.=0': 'Aucune adresse',
    hello: 'Bonjour {name}',
  }, 'fr');
  assert.equal(fr.t('hello', { name: 'Zoé' }), 'Bonjour Zoé');
  assert.equal(fr.t('found', { count: 0 }), 'Aucune adresse');
  assert.equal(fr.t('found', { count: 1 }), '1 adresse trouvée');
  assert.equal(fr.t('found', { count: 1500 }), `${new Intl.NumberFormat('fr').format(1500)} adresses trouvées`);
  assert.equal(fr.t('missing.key'), 'missing.key');
  assert.equal(fr.t('hello'), 'Bonjour {name}');
  assert.equal(fr.list(['A', 'B', 'C']), 'A, B et C');
  assert.equal(new Localizer({}, 'de').list(['A', 'B'], 'disjunction'), 'A oder B');
});

test('overrides apply flat and per language, strings only', () => {
  const merged = withOverrides({ save: 'Save', retry: 'Retry' }, 'fr', { save: 'Keep', fr: { retry: 'Encore' }, de: { retry: 'Nochmal' }, bad: 3 });
  assert.deepEqual(merged, { save: 'Keep', retry: 'Encore' });
});

test('Catalogue loads a language once, falls back to English keys and on a failed load', async () => {
  let loads = 0;
  const catalogue = new Catalogue({
    en: { save: 'Save', retry: 'Retry' },
    fr: async () => { loads += 1; return { default: { save: 'Enregistrer' } }; },
    de: async () => { throw new Error('offline'); },
  });
  assert.deepEqual(catalogue.peek('fr'), { save: 'Save', retry: 'Retry' });
  assert.deepEqual(await catalogue.load('fr'), { save: 'Enregistrer', retry: 'Retry' });
  await catalogue.load('fr');
  assert.equal(loads, 1);
  assert.deepEqual(await catalogue.load('de'), { save: 'Save', retry: 'Retry' });
  assert.deepEqual(await catalogue.load('xx'), { save: 'Save', retry: 'Retry' });
  assert.throws(() => new Catalogue({ fr: {} }), TypeError);
});

test('LocalizeController follows the host language and overrides, and reports changes once', async () => {
  let lang = 'en';
  const host = { getAttribute: () => lang, parentNode: null, strings: { fr: { retry: 'Encore' } } };
  const changes = [];
  const catalogue = new Catalogue({ en: { retry: 'Retry' }, fr: async () => ({ default: { retry: 'Réessayer' } }) });
  const controller = new LocalizeController(host, { catalogue, onChange: (l) => changes.push(l.lang) });
  assert.equal(controller.t('retry'), 'Retry');
  await controller.update();
  assert.deepEqual(changes, []);
  lang = 'fr-BE';
  await controller.update();
  assert.equal(controller.lang, 'fr');
  assert.equal(controller.t('retry'), 'Encore');
  host.strings = {};
  await controller.update();
  assert.equal(controller.t('retry'), 'Réessayer');
  assert.deepEqual(changes, ['fr', 'fr']);
});

test('regionName: a country in the UI language from Intl.DisplayNames, the fallback where it has none', () => {
  assert.equal(regionName('DE', 'de', 'Germany'), 'Deutschland');
  assert.equal(regionName('de', 'fr', 'Germany'), 'Allemagne');
  assert.equal(regionName('XX', 'fr', 'Nowhere'), 'Nowhere', 'a code the browser has no name for: the API name');
  assert.equal(regionName('ZZ', 'fr', 'Evilland'), 'Evilland', 'a private-use code: the API name, not "région inconnue"');
  assert.equal(regionName('XK', 'de', 'Kosovo'), 'Kosovo');
  assert.equal(regionName('Germany', 'fr', 'Germany'), 'Germany', 'not a code: never thrown at');
  assert.equal(regionName('', 'fr'), '');
});

test('LocalizeController.wantedLang: the language asked for now, before its strings load', async () => {
  let lang = 'en';
  const host = { getAttribute: (n) => (n === 'lang' ? lang : null), parentNode: null };
  const catalogue = new Catalogue({ en: { retry: 'Retry' }, fr: () => new Promise(() => {}) });
  const controller = new LocalizeController(host, { catalogue });
  lang = 'fr-CA';
  controller.update(); // never resolves: the French strings never arrive
  assert.equal(controller.lang, 'en');
  assert.equal(controller.wantedLang, 'fr');
});
