// The one wording of address problems (web/internal/problem-text.js), shared by
// <btalk-address-form> and <btalk-site-import>: per-code texts with the field's label and
// limits, the expected format of a pattern mismatch, broken API rules, the core's own message
// otherwise; and that every language of the address form's catalogues can say all of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FormatHints, formatHintText, problemText } from '../../web/internal/problem-text.js';
import { LANGUAGES, Localizer } from '../../web/internal/localize.js';
import { CATALOGUE } from '../../web/components/address-form/i18n/index.js';
import en from '../../web/components/address-form/i18n/en.js';
import fr from '../../web/components/address-form/i18n/fr.js';

const WASM = fileURLToPath(new URL('../../dist/btalk-core.wasm', import.meta.url));
const localizer = (strings, lang) => {
  const l = new Localizer(strings, lang);
  return (key, params) => l.t(key, params);
};
const enT = localizer(en, 'en');
const frT = localizer({ ...en, ...fr }, 'fr');
const postcode = { name: 'pc', label: 'Postcode', minLength: 4, maxLength: 7, pattern: '^[0-9]{4} ?[A-Z]{2}$' };

test('per-code texts carry the label and the limits; a known code without a field is the core message', () => {
  assert.equal(problemText({ field: 'pc', code: 'tooShort', message: 'core says' }, postcode, enT), 'Postcode: at least 4 characters.');
  assert.equal(problemText({ field: 'pc', code: 'tooLong', message: 'core says' }, postcode, frT), 'Postcode : au plus 7 caractères.');
  assert.equal(problemText({ field: 'pc', code: 'valueMissing', message: 'core says' }, postcode, enT), 'Postcode: this field is required.');
  assert.equal(problemText({ field: 'pc', code: 'tooShort', message: 'core says' }, null, enT), 'core says');
  // No limit known: an empty placeholder, never "undefined".
  assert.equal(problemText({ field: 'x', code: 'tooShort' }, { label: 'X' }, enT), 'X: at least  characters.');
});

test('codes the catalogue has no text for keep the core message, else the code', () => {
  assert.equal(problemText({ field: 'pc', code: 'dialZoneUnknown', message: 'Dial zone "999" is not listed' }, postcode, enT),
    'Dial zone "999" is not listed');
  assert.equal(problemText({ field: 'pc', code: 'somethingNew' }, postcode, enT), 'somethingNew');
  assert.equal(problemText({ code: '' }, null, enT), '');
});

test('a broken API rule says so, with the core reason, with or without a field', () => {
  const problem = { field: 'pc', code: 'constraintError', message: 'unsupported syntax at 3' };
  assert.equal(problemText(problem, postcode, enT), "This field's rule from the API is broken: unsupported syntax at 3");
  assert.equal(problemText(problem, null, enT), "This field's rule from the API is broken: unsupported syntax at 3");
  assert.match(problemText(problem, null, frT), /unsupported syntax at 3$/);
  assert.doesNotMatch(problemText(problem, null, frT), /rule from the API/);
});

test('a pattern mismatch gives the expected format when there is one, the plain text when not', () => {
  const problem = { field: 'pc', code: 'patternMismatch', message: 'core says' };
  const hint = () => 'expected format: 9999 AA';
  assert.equal(problemText(problem, postcode, enT, hint), 'Postcode: the format is not valid; expected format: 9999 AA.');
  assert.equal(problemText(problem, postcode, enT, () => ''), 'Postcode: the format is not valid.');
  assert.equal(problemText(problem, postcode, enT), 'Postcode: the format is not valid.');
  // The hint is only asked for pattern mismatches.
  let asked = 0;
  problemText({ field: 'pc', code: 'tooLong' }, postcode, enT, () => { asked += 1; return 'x'; });
  assert.equal(asked, 0);
});

test('format hints: translated legend, example, nothing when the core gave nothing', () => {
  assert.equal(formatHintText({ format: '9999 AA', example: '1012 AB', legend: '9 = digit, A = capital letter' }, frT),
    'format attendu : 9999 AA, par exemple 1012 AB (9 = chiffre, A = lettre majuscule)');
  assert.equal(formatHintText({ format: '', example: '97312', legend: '' }, frT), 'par exemple 97312');
  assert.equal(formatHintText({ format: '99999', example: '99999', legend: '9 = digit' }, frT), 'format attendu : 99999 (9 = chiffre)');
  assert.equal(formatHintText({ format: '99999', example: '', legend: '' }, enT), 'expected format: 99999');
  assert.equal(formatHintText(null, frT), '');
  assert.equal(formatHintText({ format: '', example: '', legend: '' }, frT), '');
});

test('FormatHints asks the core once per pattern, falls back to the problem example, survives a throwing core', () => {
  const asked = [];
  const core = { formatExample: (pattern) => { asked.push(pattern); return { format: '9999 AA', example: '1012 AB', legend: '9 = digit, A = capital letter' }; } };
  const hints = new FormatHints();
  const want = 'expected format: 9999 AA, for example 1012 AB (9 = digit, A = capital letter)';
  assert.equal(hints.text(core, postcode, {}, enT), want);
  assert.equal(hints.text(core, postcode, {}, enT), want);
  assert.deepEqual(asked, [postcode.pattern]);
  assert.equal(hints.text(core, { label: 'No pattern' }, {}, enT), '', 'no pattern, no hint');
  hints.clear();
  hints.text(core, postcode, {}, enT);
  assert.equal(asked.length, 2, 'asked again after clear()');

  const unknown = { formatExample: () => null };
  assert.equal(new FormatHints().text(unknown, postcode, { example: '1234 AB', format: '9999 AA' }, enT), 'expected format: 9999 AA, for example 1234 AB');
  assert.equal(new FormatHints().text(unknown, postcode, {}, enT), '');
  const throwing = { formatExample: () => { throw new Error('boom'); } };
  assert.equal(new FormatHints().text(throwing, postcode, { example: '1234 AB' }, enT), 'for example 1234 AB');
  assert.equal(new FormatHints().text(null, postcode, {}, enT), '');
});

test('FormatHints: the hint the validation gave (it follows the typed value) comes before the pattern\'s', () => {
  const core = { formatExample: () => ({ format: 'A9 9AA', example: 'A1 2BC', legend: 'A = capital letter, 9 = digit' }) };
  const gb = { ...postcode, pattern: '^(?:[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}|GIR ?0AA)$' };
  const typed = { field: 'pc', code: 'patternMismatch', format: 'AA9X 9AA', example: 'AB1C 2DE', legend: 'A = capital letter, 9 = digit, X = letter or digit' };
  assert.equal(new FormatHints().text(core, gb, typed, enT),
    'expected format: AA9X 9AA, for example AB1C 2DE (A = capital letter, 9 = digit, X = letter or digit)');
  // An older core's problem (no legend): the pattern's answer, as before.
  assert.equal(new FormatHints().text(core, gb, { format: 'AA9X 9AA', example: 'AB1C 2DE' }, enT),
    'expected format: A9 9AA, for example A1 2BC (A = capital letter, 9 = digit)');
});

test('every language of the address form can word every problem: no key shown, no placeholder left', async () => {
  const codes = Object.keys(en).filter((k) => k.startsWith('problem.') && k !== 'problem.patternMismatchHint').map((k) => k.slice(8));
  assert.ok(codes.length >= 7, codes.join());
  const answer = { format: '9999 AA', example: '1012 AB', legend: '9 = digit, A = capital letter, a = small letter, L = letter, X = letter or digit' };
  const seen = new Map();
  for (const lang of LANGUAGES) {
    const t = localizer(await CATALOGUE.load(lang), lang);
    const hint = () => formatHintText(answer, t);
    const texts = [
      ...codes.map((code) => problemText({ field: 'pc', code, message: 'core says' }, postcode, t, hint)),
      problemText({ field: 'pc', code: 'patternMismatch', message: 'core says' }, postcode, t, hint),
      formatHintText({ format: '', example: '97312', legend: '' }, t),
    ];
    const broken = problemText({ field: 'pc', code: 'constraintError', message: 'core says' }, null, t);
    for (const text of [...texts, broken]) {
      assert.doesNotMatch(text, /\{\w+\}|problem\.|legend\.|formatHint|formatExampleOnly|constraintBroken/, `${lang}: ${text}`);
    }
    for (const text of texts) assert.doesNotMatch(text, /core says/, `${lang}: our own words, not the core's: ${text}`);
    assert.match(broken, /core says$/, `${lang}: ${broken}`);
    assert.ok(texts.slice(0, -1).every((text) => text.includes('Postcode')), lang);
    seen.set(lang, [...texts, broken].join('\n'));
  }
  // Each language says it in its own words.
  assert.equal(new Set(seen.values()).size, LANGUAGES.length);
});

test('the real core gives the hint the wording uses', { skip: !existsSync(WASM) && 'the wasm core is not built (npm run build)' }, async () => {
  const { loadCore } = await import('../../web/core.js');
  const core = await loadCore();
  const text = problemText({ field: 'pc', code: 'patternMismatch' }, postcode, frT, (f, p) => new FormatHints().text(core, f, p, frT));
  assert.match(text, /^Postcode : le format n’est pas valide ; format attendu : 9999 ?AA/);
});
