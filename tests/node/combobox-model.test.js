// The type-ahead combobox's DOM-free logic (web/internal/combobox-model.js): folding, filtering and
// ranking, keyboard moves, what is chosen (the value, as the select had it), the windowed rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  COMBOBOX_THRESHOLD, ChoiceIndex, ComboboxModel, foldText, revealRow, windowRange,
} from '../../web/internal/combobox-model.js';
import { COMBOBOX_THRESHOLD as FIELD_THRESHOLD } from '../../web/internal/choice-field.js';

const option = (value, label = value, disabled = false) => ({ value, label, ...(disabled ? { disabled } : {}) });
const labels = (index, matches) => matches.map((i) => index.options[i].label);

const PROVINCES = [
  option('15', 'A Coruña'), option('01', 'Araba/Álava'), option('05', 'Ávila'), option('09', 'Burgos'),
  option('10', 'Cáceres'), option('11', 'Cádiz'), option('14', 'Córdoba'), option('26', 'La Rioja'),
  option('35', 'Las Palmas'), option('28', 'Madrid'), option('29', 'Málaga'), option('38', 'Santa Cruz de Tenerife'),
  option('41', 'Sevilla'), option('46', 'Valencia/València'), option('47', 'Valladolid'),
];

test('the threshold is one number for the field and the model', () => {
  assert.equal(COMBOBOX_THRESHOLD, FIELD_THRESHOLD);
  assert.equal(COMBOBOX_THRESHOLD, 30);
});

test('folding: no accents, no case, one space', () => {
  const FOLDED = {
    'Ávila': 'avila', '  São   Paulo ': 'sao paulo', ZÜRICH: 'zurich',
    "L'Hospitalet de Llobregat": "l'hospitalet de llobregat", 'Ñandú': 'nandu',
  };
  for (const [text, folded] of Object.entries(FOLDED)) assert.equal(foldText(text), folded, text);
  assert.equal(foldText(null), '');
});

test('filter: case- and accent-insensitive, every word, ranked (start, word start, inside), list order within a rank', () => {
  const index = new ChoiceIndex(PROVINCES);
  assert.deepEqual(labels(index, index.filter('avila')), ['Ávila']);
  assert.deepEqual(labels(index, index.filter('ALAVA')), ['Araba/Álava']);
  assert.deepEqual(labels(index, index.filter('cadiz')), ['Cádiz']);
  // "la" starts "La Rioja" and "Las Palmas"; it is inside the others, listed after them in list order.
  assert.deepEqual(labels(index, index.filter('la')), ['La Rioja', 'Las Palmas', 'Araba/Álava', 'Ávila', 'Málaga', 'Sevilla', 'Valladolid']);
  // "cor" starts a word of "A Coruña": before "Córdoba"? No: "Córdoba" starts with it.
  assert.deepEqual(labels(index, index.filter('cor')), ['Córdoba', 'A Coruña']);
  assert.deepEqual(labels(index, index.filter('alava')), ['Araba/Álava'], 'a word after a slash');
  assert.deepEqual(labels(index, index.filter('cruz tene')), ['Santa Cruz de Tenerife']);
  assert.deepEqual(labels(index, index.filter('tenerife santa')), ['Santa Cruz de Tenerife'], 'words in any order');
  assert.deepEqual(labels(index, index.filter('valencia')), ['Valencia/València']);
  assert.deepEqual(index.filter('nowhere'), []);
  assert.equal(index.filter('').length, PROVINCES.length, 'an empty query lists everything');
  assert.equal(index.filter('   ').length, PROVINCES.length);
  // A code the label does not show is found too.
  assert.deepEqual(labels(index, index.filter('28')), ['Madrid']);
});

test('filter: a query that grows narrows the previous matches, with the same answer as from scratch', () => {
  const words = ['sant', 'san', 'vila', 'del', 'de la', 'al', 'o', 'torre', 'ri'];
  const options = [];
  for (let i = 0; i < 3000; i += 1) {
    const a = words[i % words.length];
    const b = words[(i * 7) % words.length];
    options.push(option(`v${i}`, `${a}${i % 3 ? 'á' : 'a'} ${b}-${i}`));
  }
  const incremental = new ChoiceIndex(options);
  for (const typed of ['s', 'sa', 'san', 'sant', 'santa', 'santa ', 'santa r', 'santa ri', 'd', 'de', 'de l', 'vi', 'vila 1', 'vila 12']) {
    const fresh = new ChoiceIndex(options);
    assert.deepEqual(incremental.filter(typed), fresh.filter(typed), typed);
  }
});

test('exact: one option by folded label or value, none when ambiguous', () => {
  const index = new ChoiceIndex([option('a', 'Villanueva'), option('b', 'Villanueva'), option('28', 'Madrid'), option('x', 'Ávila')]);
  assert.equal(index.exact('madrid'), 2);
  assert.equal(index.exact(' 28 '), 2);
  assert.equal(index.exact('AVILA'), 3);
  assert.equal(index.exact('villanueva'), -1, 'two options with that label');
  assert.equal(index.exact('madri'), -1);
  assert.equal(index.exact(''), -1);
});

test('typing opens the list with the first match active; arrows move, clamped; Enter chooses the value, not the label', () => {
  const model = new ComboboxModel();
  model.setOptions(PROVINCES);
  model.type('ca');
  assert.equal(model.open, true);
  assert.deepEqual(labels(model.index, model.matches), ['Cáceres', 'Cádiz']);
  assert.equal(model.activeOption.label, 'Cáceres');
  assert.deepEqual(model.key('ArrowDown'), { handled: true });
  assert.equal(model.activeOption.label, 'Cádiz');
  for (let i = 0; i < 10; i += 1) model.key('ArrowDown');
  assert.equal(model.active, model.matches.length - 1, 'no wrap at the end');
  model.key('Home');
  assert.equal(model.active, 0);
  model.key('ArrowUp');
  assert.equal(model.active, 0, 'no wrap at the start');
  model.key('End');
  assert.equal(model.active, model.matches.length - 1);
  model.key('Home');
  model.key('ArrowDown');
  const result = model.key('Enter');
  assert.deepEqual(result, { handled: true, chosen: '11' });
  assert.equal(model.value, '11');
  assert.equal(model.text, 'Cádiz');
  assert.equal(model.draft, null);
  assert.equal(model.open, false);
});

test('closed: ArrowDown opens on the chosen option, ArrowUp on the last; Home/End/Enter are left to the input', () => {
  const model = new ComboboxModel();
  model.setOptions(PROVINCES);
  model.setValue('28');
  assert.equal(model.key('Home').handled, false, 'caret to the start');
  assert.equal(model.key('Enter').handled, false, 'the form may use it');
  model.key('ArrowDown');
  assert.equal(model.open, true);
  assert.equal(model.activeOption.value, '28');
  model.close();
  model.key('ArrowUp');
  assert.equal(model.activeOption.label, 'Valladolid');
  model.key('Escape');
  model.key('ArrowDown', { altKey: true });
  assert.equal(model.activeOption.value, '28', 'Alt+Down opens without moving');
  model.key('ArrowUp', { altKey: true });
  assert.equal(model.open, false, 'Alt+Up closes');
});

test('Page Up / Page Down move by a page; disabled options are skipped and cannot be chosen', () => {
  const options = Array.from({ length: 100 }, (_, i) => option(String(i), `Item ${i}`, i % 10 === 5));
  const model = new ComboboxModel();
  model.setOptions(options);
  model.key('ArrowDown');
  assert.equal(model.active, 0);
  model.key('PageDown', { page: 5 });
  assert.equal(model.activeOption.value, '6', 'item 5 is disabled: the next one');
  model.key('PageUp', { page: 5 });
  assert.equal(model.active, 1);
  model.key('PageUp', { page: 5 });
  assert.equal(model.active, 0, 'clamped at the first');
  for (let i = 0; i < 5; i += 1) model.key('ArrowDown');
  assert.equal(model.activeOption.value, '6', 'ArrowDown skips the disabled item');
  assert.equal(model.choose(model.matches.indexOf(5)), null, 'a disabled option is not chosen');
  model.type('item 5');
  assert.equal(model.activeOption.value, '50', 'the first enabled match is active');
});

test('Escape closes the list, then gives up the typing; leaving the input commits', () => {
  const model = new ComboboxModel();
  model.setOptions(PROVINCES);
  model.setValue('28');
  model.type('sev');
  assert.deepEqual(model.key('Escape'), { handled: true });
  assert.equal(model.open, false);
  assert.equal(model.text, 'sev', 'the first Escape keeps the text');
  model.key('Escape');
  assert.equal(model.text, 'Madrid', 'the second shows the chosen value again');
  assert.equal(model.key('Escape').handled, false);
  // Leaving with text naming one option exactly chooses it.
  model.type('  SEVILLA ');
  assert.equal(model.commit(), '41');
  assert.equal(model.text, 'Sevilla');
  // Other text stays and chooses nothing, as a select left on its placeholder.
  model.type('Atlantis');
  assert.equal(model.commit(), '');
  assert.equal(model.text, 'Atlantis');
  assert.equal(model.value, '');
  // An emptied input chooses nothing and shows nothing.
  model.setValue('09');
  model.type('');
  assert.equal(model.commit(), '');
  assert.equal(model.draft, null);
  assert.equal(model.commit(), null, 'nothing typed since: no change');
});

test('what is typed survives new options and re-renders with the same value; another value replaces it', () => {
  const model = new ComboboxModel({ unknownLabel: (v) => `${v} (not in the list)` });
  model.setOptions(PROVINCES.slice(0, 5));
  model.type('val');
  assert.equal(model.matches.length, 0);
  model.setOptions(PROVINCES);
  assert.equal(model.text, 'val');
  assert.deepEqual(labels(model.index, model.matches), ['Valencia/València', 'Valladolid']);
  assert.equal(model.activeOption.label, 'Valencia/València');
  model.setValue('');
  assert.equal(model.text, 'val', 'the same value: the draft stays');
  model.setValue('47');
  assert.equal(model.text, 'Valladolid', 'a value from outside (an address search) replaces it');
  model.setValue('99');
  assert.equal(model.text, '99 (not in the list)', 'a value the list lacks is shown, not dropped');
});

test('windowed rows: the rows in view plus overscan; revealing a row scrolls as little as needed', () => {
  assert.deepEqual(windowRange({ count: 10000, rowHeight: 36, scrollTop: 0, viewportHeight: 288 }), { start: 0, end: 13 });
  assert.deepEqual(windowRange({ count: 10000, rowHeight: 36, scrollTop: 36 * 5000, viewportHeight: 288 }), { start: 4996, end: 5013 });
  assert.deepEqual(windowRange({ count: 10000, rowHeight: 36, scrollTop: 36 * 9999, viewportHeight: 288 }), { start: 9995, end: 10000 });
  assert.deepEqual(windowRange({ count: 3, rowHeight: 36, scrollTop: 0, viewportHeight: 108 }), { start: 0, end: 3 });
  assert.deepEqual(windowRange({ count: 0, rowHeight: 36, scrollTop: 0, viewportHeight: 288 }), { start: 0, end: 0 });
  assert.equal(revealRow({ index: 3, rowHeight: 36, scrollTop: 0, viewportHeight: 288 }), 0, 'in view: no scroll');
  assert.equal(revealRow({ index: 20, rowHeight: 36, scrollTop: 0, viewportHeight: 288 }), 21 * 36 - 288);
  assert.equal(revealRow({ index: 2, rowHeight: 36, scrollTop: 360, viewportHeight: 288 }), 72);
  // Every row a 10,000-row list can reveal is inside the window rendered after scrolling to it.
  for (const index of [0, 1, 40, 299, 5000, 9999]) {
    const scrollTop = revealRow({ index, rowHeight: 36, scrollTop: 0, viewportHeight: 288 });
    const { start, end } = windowRange({ count: 10000, rowHeight: 36, scrollTop, viewportHeight: 288 });
    assert.ok(start <= index && index < end, `${index} in [${start}, ${end})`);
    assert.ok(end - start <= 20, 'a window, not the list');
  }
});
