// <btalk-site-import>'s texts in the seven languages every element speaks (web/internal/localize.js):
// each catalogue has exactly the English keys with the same placeholders, is really translated,
// is wired into the element's catalogue, and every key the element's code asks for exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LANGUAGES, Localizer } from '../../web/internal/localize.js';
import en from '../../web/components/site-import/strings.js';
import { CATALOGUE } from '../../web/components/site-import/site-import.strings.js';

const FOLDER = fileURLToPath(new URL('../../web/components/site-import/', import.meta.url));
const load = async (lang) => (lang === 'en' ? en : (await import(`../../web/components/site-import/i18n/${lang}.js`)).default);
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Words that are the same as the English in that language (a loanword, a product name).
const SAME_AS_ENGLISH = {
  fr: ['col.site', 'col.actions', 'order.pause'],
  de: ['col.status', 'row.voiceSite'],
  nl: ['col.status', 'row.voiceSite'],
  pt: ['col.site'],
};

test('every language is shipped: the site import has a catalogue for each of LANGUAGES', () => {
  const files = readdirSync(new URL('i18n/', `file://${FOLDER}`)).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3));
  for (const lang of LANGUAGES.filter((l) => l !== 'en')) assert.ok(files.includes(lang), `i18n/${lang}.js is missing`);
});

for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
  test(`${lang}: exactly the English keys, the same placeholders, translated`, async () => {
    const strings = await load(lang);
    assert.deepEqual(Object.keys(strings).sort(), Object.keys(en).sort(), `${lang}: same keys as en`);
    for (const [key, text] of Object.entries(strings)) {
      assert.equal(typeof text, 'string', `${lang}.${key}`);
      assert.ok(text.trim().length > 0, `${lang}.${key} is empty`);
      assert.deepEqual(placeholders(text), placeholders(en[key]), `${lang}.${key}: same placeholders as en`);
      if (!(SAME_AS_ENGLISH[lang] ?? []).includes(key)) {
        assert.notEqual(text, en[key], `${lang}.${key} is still English`);
      }
    }
  });

  test(`${lang}: the element's catalogue loads it, and its texts format`, async () => {
    const strings = await CATALOGUE.load(lang);
    const own = await load(lang);
    assert.equal(strings.title, own.title);
    assert.notEqual(strings.title, en.title);
    const t = new Localizer(strings, lang);
    const counts = { finished: 1200, total: 1500, done: 1000, addressFailed: 150, failed: 50 };
    const line = t.t('order.counts', counts);
    assert.doesNotMatch(line, /\{\w+\}/);
    for (const value of Object.values(counts)) assert.ok(line.includes(String(value)), `${lang} order.counts shows ${value}`);
    assert.doesNotMatch(t.t('order.button', { count: 3 }), /\{|order\.button/);
    assert.match(t.t('order.button', { count: 2500 }), new RegExp(new Intl.NumberFormat(lang).format(2500).replace(/\s/g, '\\s')));
  });
}

test('every text key the element\'s code asks for exists in English', () => {
  const source = readdirSync(FOLDER).filter((f) => f.endsWith('.js')).map((f) => readFileSync(`${FOLDER}${f}`, 'utf8')).join('\n');
  const used = new Set([...source.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]));
  assert.ok(used.size > 40, `keys found in the source: ${used.size}`);
  for (const key of used) assert.equal(typeof en[key], 'string', `the code uses ${key}, which strings.js lacks`);
});
