// The UI languages: ONE list (LANGUAGES, web/internal/localize.js) and one catalogue file per language
// in each component's i18n/. Every component ships every language of the list, wires it into its
// generated catalogue table (scripts/build-i18n.js), and the typings name the same languages. Every
// catalogue has the English keys (a missing key fails), translated, with the same placeholders; plural
// forms follow each language's own categories (Intl.PluralRules), so Polish may add `few` and `many`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LANGUAGES, Localizer } from '../../web/internal/localize.js';
import { catalogueTable, catalogueTables, languageType } from '../../scripts/build-i18n.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TABLES = await catalogueTables();
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

// Words that really are the same as the English in that language (a loanword, a product name, a sign).
const SAME_AS_ENGLISH = {
  'address-form': { '*': ['errorStatus', 'requiredMark'], nl: ['legend.letter'] },
  'voicesite-order': { '*': ['problem.api'], de: ['list.col.status'], nl: ['list.col.label', 'list.col.status'] },
  'site-import': { fr: ['col.site', 'col.actions', 'order.pause'], de: ['col.status', 'row.voiceSite'],
    nl: ['col.status', 'row.voiceSite'], pt: ['col.site'] },
};

const catalogue = async (name, lang) => (await import(`../../web/components/${name}/i18n/${lang}.js`)).default;
// {labelLower} is {label} with a lower-case first letter (English's "Choose the canton first").
const names = (text) => [...new Set([...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
const placeholders = (text) => [...new Set([...String(text).matchAll(/\{(\w+)\}/g)].map((m) => (m[1] === 'labelLower' ? 'label' : m[1])))].sort();

/** `key` as { base, category } when it is a plural form (`base.one`, `base.=0`), else null. */
function pluralForm(key) {
  const match = /^(.+)\.(=\d+|[a-z]+)$/.exec(key);
  return match && (CATEGORIES.includes(match[2]) || match[2].startsWith('=')) ? { base: match[1], category: match[2] } : null;
}

/**
 * What `strings` (in `lang`) lacks or has too many against English. A plural form is checked against the
 * language's own categories: English's `one` is due where the language has `one`; `few`, `many`... are
 * allowed where the language has them.
 */
function keyDifferences(en, strings, lang) {
  const own = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const pluralBases = new Set(Object.keys(en).map(pluralForm).filter(Boolean).map((p) => p.base));
  const due = Object.keys(en).filter((key) => {
    const plural = pluralForm(key);
    return !plural || plural.category.startsWith('=') || own.includes(plural.category);
  });
  const missing = due.filter((key) => typeof strings[key] !== 'string');
  const extra = Object.keys(strings).filter((key) => {
    if (key in en) return false;
    const plural = pluralForm(key);
    return !(plural && pluralBases.has(plural.base) && (own.includes(plural.category) || plural.category.startsWith('=')));
  });
  return { missing, extra };
}

test('the languages are one list: LANGUAGES, English first, each a primary language subtag once', () => {
  assert.equal(LANGUAGES[0], 'en');
  assert.equal(new Set(LANGUAGES).size, LANGUAGES.length);
  for (const lang of LANGUAGES) assert.match(lang, /^[a-z]{2,3}$/);
});

test('the typings name exactly the languages of LANGUAGES, through the generated union', () => {
  const typings = readFileSync(`${root}web/types/ui-language.d.ts`, 'utf8');
  const union = /export type UiLanguage = ([^;]+);/.exec(typings);
  assert.ok(union, 'web/types/ui-language.d.ts declares UiLanguage');
  assert.deepEqual([...union[1].matchAll(/'([^']+)'/g)].map((m) => m[1]), [...LANGUAGES]);
  assert.equal(typings, languageType(), 'web/types/ui-language.d.ts is stale: run node scripts/build-i18n.js');
  assert.match(readFileSync(`${root}web/elements/index.d.ts`, 'utf8'), /import type \{ UiLanguage \} from '\.\.\/types\/ui-language\.js';/);
});

test('every component has an i18n/ folder with its generated catalogue table', () => {
  const components = readdirSync(`${root}web/components`, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  assert.deepEqual(TABLES.map((t) => t.name).sort(), components.sort());
});

test('the same-keys rule takes plural forms per language: Polish few/many are allowed, a missing key is not', () => {
  const en = { title: 'T', 'found.one': '{count} found', 'found.other': '{count} found' };
  assert.deepEqual(keyDifferences(en, { title: 'x', 'found.one': 'a', 'found.few': 'b', 'found.many': 'c', 'found.other': 'd' }, 'pl'),
    { missing: [], extra: [] });
  assert.deepEqual(keyDifferences(en, { title: 'x', 'found.few': 'b', 'found.other': 'd' }, 'pl'), { missing: ['found.one'], extra: [] });
  assert.deepEqual(keyDifferences(en, { title: 'x', 'found.one': 'a', 'found.few': 'b', 'found.other': 'd' }, 'fr'),
    { missing: [], extra: ['found.few'] }, 'French has no few');
  assert.deepEqual(keyDifferences(en, { 'found.other': 'd' }, 'ja'), { missing: ['title'], extra: [] }, 'Japanese has no one');
  assert.deepEqual(keyDifferences(en, { title: 'x', 'found.one': 'a', 'found.other': 'd', stray: 's' }, 'en'), { missing: [], extra: ['stray'] });
});

for (const { name, file } of TABLES) {
  test(`${name}: one catalogue per language of LANGUAGES, and no other`, () => {
    const files = readdirSync(`${root}web/components/${name}/i18n`).filter((f) => f !== 'index.js').map((f) => f.replace(/\.js$/, ''));
    assert.deepEqual(files.sort(), [...LANGUAGES].sort());
  });

  test(`${name}: ${file} is the table of LANGUAGES (run node scripts/build-i18n.js)`, () => {
    assert.equal(readFileSync(`${root}${file}`, 'utf8'), catalogueTable(name));
  });

  for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
    test(`${name}, ${lang}: every English key, translated, the same placeholders, and the element loads it`, async () => {
      const en = await catalogue(name, 'en');
      const strings = await catalogue(name, lang);
      assert.deepEqual(keyDifferences(en, strings, lang), { missing: [], extra: [] }, `${name}/i18n/${lang}.js`);
      const same = [...(SAME_AS_ENGLISH[name]?.['*'] ?? []), ...(SAME_AS_ENGLISH[name]?.[lang] ?? [])];
      for (const [key, text] of Object.entries(strings)) {
        assert.ok(typeof text === 'string' && text.trim(), `${lang}.${key} is empty`);
        const plural = pluralForm(key);
        // A plural form may leave out {count} ("1 address found"); it says nothing English's forms do not.
        const english = plural ? Object.keys(en).filter((k) => pluralForm(k)?.base === plural.base || k === plural.base) : [key];
        const allowed = new Set(english.flatMap((k) => placeholders(en[k])));
        if (plural) for (const p of placeholders(text)) assert.ok(allowed.has(p), `${lang}.${key}: {${p}} is not English's`);
        else assert.deepEqual(placeholders(text), placeholders(en[key]), `${lang}.${key}: same placeholders as en`);
        if (key in en && !same.includes(key)) assert.notEqual(text, en[key], `${name} ${lang}.${key} is still English`);
      }
      const { CATALOGUE } = await import(`../../web/components/${name}/i18n/index.js`);
      const loaded = await CATALOGUE.load(lang);
      for (const [key, text] of Object.entries(strings)) assert.equal(loaded[key], text, `${lang}.${key} loaded`);
    });
  }

  test(`${name}: every text formats in every language, large counts in the language's digits`, async () => {
    const en = await catalogue(name, 'en');
    for (const lang of LANGUAGES) {
      const t = new Localizer({ ...en, ...(await catalogue(name, lang)) }, lang);
      for (const key of Object.keys(en)) {
        const base = pluralForm(key)?.base ?? key;
        const params = Object.fromEntries([...names(en[key]), ...names(t.strings[key]), ...(base === key ? [] : ['count'])].map((p) => [p, p === 'count' ? 2500 : `<${p}>`]));
        const text = t.t(base, params);
        assert.doesNotMatch(text, /\{\w+\}/, `${name} ${lang}.${base}: ${text}`);
        assert.notEqual(text, base, `${name} ${lang}.${base} is a key on screen`);
        if ('count' in params && placeholders(en[key]).includes('count')) {
          assert.ok(text.includes(new Intl.NumberFormat(lang).format(2500)), `${name} ${lang}.${base}: ${text}`);
        }
      }
    }
  });

  test(`${name}: every key its code asks for exists in English`, async () => {
    const en = await catalogue(name, 'en');
    const folder = `${root}web/components/${name}/`;
    const sources = readdirSync(folder, { recursive: true }).filter((f) => f.endsWith('.js') && !f.startsWith('i18n'))
      .map((f) => readFileSync(`${folder}${f}`, 'utf8')).join('\n');
    const used = new Set([...sources.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]));
    assert.ok(used.size > 10, `keys found in the source: ${used.size}`);
    for (const key of used) {
      const known = typeof en[key] === 'string' || Object.keys(en).some((k) => pluralForm(k)?.base === key);
      assert.ok(known, `the code of ${name} uses ${key}, which i18n/en.js lacks`);
    }
  });
}

test('bundled (esbuild, code splitting), each element ships English in its entry and every other language as a chunk loaded on demand', async () => {
  const esbuild = await import('esbuild');
  for (const { name } of TABLES) {
    const result = await esbuild.build({
      entryPoints: [`${root}web/components/${name}/${name}.js`], bundle: true, splitting: true, format: 'esm',
      platform: 'browser', outdir: '/virtual-out', write: false, metafile: true, logLevel: 'silent', external: ['node:*'],
    });
    const outputs = result.metafile.outputs;
    const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint?.endsWith(`${name}/${name}.js`));
    const fetched = new Set();
    const visit = (path) => {
      if (fetched.has(path)) return;
      fetched.add(path);
      for (const i of outputs[path].imports) if (i.kind === 'import-statement') visit(i.path);
    };
    visit(entry);
    const holding = (lang) => Object.keys(outputs).filter((path) => Object.keys(outputs[path].inputs).some((input) => input.endsWith(`${name}/i18n/${lang}.js`)));
    assert.ok(holding('en').some((path) => fetched.has(path)), `${name}: English is in the first bundle`);
    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      const chunks = holding(lang);
      assert.equal(chunks.length, 1, `${name}: one chunk holds ${lang}`);
      assert.ok(!fetched.has(chunks[0]), `${name}: ${lang} is fetched only when shown`);
    }
  }
});
