// The address form's look-ups (web/components/address-form/lookups/), DOM-free, in Node with the real
// wasm core and a scripted client over the stand-in's data (fixtures/address-form-client.js): which
// countries have which look-up (no request to find out), the generic mechanism (suggest, options,
// verify), a look-up added from one data file, what a 404 withdraws, the folded fields, the highlight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../web/core.js';
import { offeredLookups, registerLookup } from '../../web/components/address-form/lookups/index.js';
import { highlight } from '../../web/components/address-form/lookups/highlight.js';
import { MAX_SUGGESTIONS } from '../../web/components/address-form/lookups/lookups.controller.js';
import streets from '../browser/pages/street-lookup.js';
import { apiError, country, fakeClient, loaded, settle } from './fixtures/address-form-client.js';

const WASM = fileURLToPath(new URL('../../dist/btalk-core.wasm', import.meta.url));
const skip = !existsSync(WASM) && 'the wasm core is not built (npm run build)';
const COUNTRIES = new URL('../../server/standin/data/countries/', import.meta.url);
const lookupCalls = (client) => client.calls.filter(([name]) => !['countryForm', 'geoAreas', 'push'].includes(name));

test('the look-ups\' countries are the guide\'s table, as the stand-in serves it; nothing is asked to find out', () => {
  const client = { baseUrl: 'test://table', addressLookup: () => assert.fail('no request') };
  const ids = (iso2) => offeredLookups(client, iso2).map((d) => d.id).sort();
  const expected = { search: ['search', 'verify'], validation: ['verify'], postalCodesAndParishes: ['parishes', 'postalCodes'], none: [] };
  for (const file of readdirSync(COUNTRIES).filter((name) => name.endsWith('.json'))) {
    const { iso2, addressApi } = JSON.parse(readFileSync(new URL(file, COUNTRIES), 'utf8'));
    assert.deepEqual(ids(iso2), expected[addressApi], `${iso2} (${addressApi})`);
  }
  assert.deepEqual(offeredLookups({ baseUrl: 'x' }, 'FR'), [], 'a client without addressLookup() has none');
  assert.throws(() => registerLookup({ id: 'x', path: '../customers' }), /needs a path/);
  assert.throws(() => registerLookup({ id: 'x', path: 'x', kind: 'options' }), /needs a field and its keys/);
});

test('CH has no look-up: their code is not even loaded, and nothing is asked while typing', { skip }, async () => {
  const core = await loadCore();
  const { ctrl, client } = await loaded(core, 'CH');
  assert.equal(ctrl.lookups, null);
  ctrl.input('pc', '8001');
  ctrl.blur('pc');
  await settle();
  assert.deepEqual(lookupCalls(client), []);
});

test('search (FR): the fields fold under the box until wanted; a candidate fills the exact push format', { skip }, async () => {
  const core = await loadCore();
  const { ctrl, data, events, client } = await loaded(core, 'FR');
  const { lookups } = ctrl;
  assert.equal(lookups.folded, true, 'an empty form with a search: the fields are folded');
  const candidate = data.addresses[0];
  lookups.type('search', 'ab'); // too short: nothing asked
  lookups.type('search', candidate.label.slice(0, 12));
  await settle();
  assert.deepEqual(lookupCalls(client).map(([path, query]) => [path, query]), [['addresses', { q: candidate.label.slice(0, 12) }]]);
  const { items } = lookups.entries.search;
  assert.ok(items.length >= 1);
  assert.equal(lookups.entries.search.status, 'found');
  lookups.move('search', 1);
  assert.equal(lookups.entries.search.active, 0);
  lookups.move('search', -1);
  assert.equal(lookups.entries.search.active, items.length - 1);
  const chosen = lookups.choose('search', items.findIndex((c) => c.label === candidate.label));
  assert.equal(chosen.label, candidate.label);
  assert.deepEqual(ctrl.value, candidate.voiceAddress);
  assert.equal(lookups.entries.search.items.length, 0);
  assert.equal(ctrl.state.info.key, 'candidateChosen');
  assert.deepEqual(events.filter((e) => e.type === 'btalk-change').at(-1).detail.address, candidate.voiceAddress);
  assert.equal(lookups.folded, false);
  // Nothing found: said so, with what was typed.
  lookups.type('search', 'zzzz nowhere');
  await settle();
  assert.deepEqual([lookups.entries.search.status, lookups.entries.search.asked], ['none', 'zzzz nowhere']);
});

test('folded fields unfold for manual entry, for a value set, and when every problem must show', { skip }, async () => {
  const core = await loadCore();
  const { ctrl } = await loaded(core, 'FR');
  assert.equal(ctrl.lookups.folded, true);
  ctrl.lookups.unfold();
  assert.equal(ctrl.lookups.folded, false);
  ctrl.reset();
  assert.equal(ctrl.lookups.folded, true, 'a reset folds them again');
  ctrl.value = { a6: 'Rue de Rivoli' };
  assert.equal(ctrl.lookups.folded, false, 'a filled address is shown');
  ctrl.reset();
  ctrl.showAll();
  assert.equal(ctrl.lookups.folded, false, 'Save or submit shows the problems on the fields');
  const de = await loaded(core, 'DE');
  assert.equal(de.ctrl.lookups.folded, false, 'no search box: nothing to fold under');
});

test('PT: postal codes (suggest, merge) fill a1..a3; the parish field (options) becomes a list', { skip }, async () => {
  const core = await loadCore();
  const { ctrl, data } = await loaded(core, 'PT');
  assert.deepEqual(ctrl.lookups.list.map((d) => d.id).sort(), ['parishes', 'postalCodes']);
  const code = data.postalCodes.find((c) => data.parishes.some((p) => p.a1 === c.a1 && p.a2 === c.a2));
  ctrl.input('pc', code.value.slice(0, 3));
  await settle();
  assert.equal(ctrl.lookups.entries.postalCodes.status, null, 'under 4 characters nothing is asked');
  ctrl.input('pc', code.value.slice(0, 4));
  await settle();
  const index = ctrl.lookups.entries.postalCodes.items.findIndex((c) => c.address.pc === code.value);
  assert.ok(index >= 0);
  ctrl.input('a4', 'Old parish');
  ctrl.lookups.choose('postalCodes', index);
  await settle();
  assert.deepEqual({ pc: ctrl.value.pc, a1: ctrl.value.a1, a2: ctrl.value.a2, a3: ctrl.value.a3 },
    { pc: code.value, a1: code.a1, a2: code.a2, a3: code.a3 });
  assert.equal(ctrl.value.a4, undefined, 'a parish of another municipality goes');
  // The fields it filled, in the form's order.
  const labels = ctrl.state.fields.filter((f) => ['a1', 'a2', 'a3'].includes(f.name)).map((f) => f.label);
  assert.equal(ctrl.state.info.key, 'postalCodeChosen');
  assert.equal(ctrl.state.info.params.fields, new Intl.ListFormat('en', { type: 'conjunction' }).format(labels));
  const parish = ctrl.field('a4');
  assert.equal(parish.select, true);
  assert.deepEqual(parish.options.map((o) => o.value), data.parishes.filter((p) => p.a1 === code.a1 && p.a2 === code.a2).map((p) => p.value));
});

test('a new look-up from one data file (street suggestions): offered, asked, listed and filling the form', { skip }, async (t) => {
  const core = await loadCore();
  registerLookup(streets);
  t.after(() => registerLookup({ ...streets, countries: [] }));
  // The street API: FR's streets with their postal code and city, as a flat list of elements.
  const streetApi = (query, data) => [...new Map(data.addresses.map(({ voiceAddress: { a6, pc, a3 } }) => [a6, { a6, pc, a3 }])).values()]
    .filter((street) => street.a6.toLowerCase().includes(query.q.toLowerCase()));
  const { ctrl, client, data } = await loaded(core, 'FR', { lookups: { streets: streetApi } });
  assert.ok(ctrl.lookups.find('streets'), 'FR has it');
  assert.deepEqual(lookupCalls(client), [], 'nothing asked before typing');
  ctrl.lookups.unfold();
  ctrl.input('hno', '12');
  const street = data.addresses[0].voiceAddress;
  ctrl.input('a6', street.a6.slice(0, 2));
  await settle();
  assert.deepEqual(lookupCalls(client), [], 'under minChars nothing is asked');
  const typed = street.a6.split(' ').at(-1);
  ctrl.input('a6', typed);
  await settle();
  assert.deepEqual(lookupCalls(client).map(([path, query]) => [path, query]), [['streets', { q: typed }]]);
  const { items, status } = ctrl.lookups.entries.streets;
  assert.equal(status, 'found');
  const index = items.findIndex((item) => item.address.a6 === street.a6);
  assert.deepEqual(items[index], { label: [street.a6, street.pc, street.a3].join(', '), address: { a6: street.a6, pc: street.pc, a3: street.a3 } },
    'the core\'s addressCandidates parsing read the flat answer; its label is built from the elements');
  ctrl.lookups.choose('streets', index);
  assert.deepEqual(ctrl.value, { hno: '12', a6: street.a6, pc: street.pc, a3: street.a3 }, 'merged: the number stays');
  assert.equal(ctrl.state.info.key, 'lookupChosen');
  assert.equal(ctrl.state.info.params.fields, new Intl.ListFormat('en', { type: 'conjunction' })
    .format(['pc', 'a3'].map((name) => ctrl.field(name).label)));
  assert.equal(ctrl.state.result.problems.some((p) => ['a6', 'pc', 'a3'].includes(p.field)), false);
  // Another country does not have it: typing a street asks nothing.
  const ch = await loaded(core, 'CH', { lookups: { streets: streetApi } });
  ch.ctrl.input('a6', 'Bahnhofstrasse');
  await settle();
  assert.deepEqual(lookupCalls(ch.client), []);
});

test('a 404 withdraws the path\'s look-ups for the country (remembered); SEARCH_NOT_SUPPORTED only the search', { skip }, async () => {
  const core = await loadCore();
  const gone = () => { throw apiError(404, 'ADDRESS_API_NOT_AVAILABLE'); };
  const { ctrl, client } = await loaded(core, 'FR', { lookups: { addresses: gone } });
  ctrl.lookups.type('search', 'Rue de Rivoli');
  await settle();
  assert.deepEqual(ctrl.lookups.list.map((d) => d.id), [], 'search and verify go together (one path)');
  assert.equal(ctrl.state.info.key, 'searchUnavailable');
  assert.equal(ctrl.state.failure, null, 'not an error: the form goes on');
  assert.equal(ctrl.lookups.folded, false, 'no box: the fields show');
  assert.deepEqual(offeredLookups(client, 'FR'), [], 'the same client and country: never asked again');
  await ctrl.load();
  assert.equal(lookupCalls(client).length, 1);

  const refused = () => { throw apiError(400, 'SEARCH_NOT_SUPPORTED'); };
  const other = await loaded(core, 'FR', { lookups: { addresses: refused }, baseUrl: 'test://other' });
  other.ctrl.lookups.type('search', 'Rue de Rivoli');
  await settle();
  assert.deepEqual(other.ctrl.lookups.list.map((d) => d.id), ['verify']);
});

test('a look-up answering thousands of suggestions lists the first MAX_SUGGESTIONS', { skip }, async () => {
  const core = await loadCore();
  const flood = () => Array.from({ length: 5000 }, (_, i) => ({ a6: `Rue ${i}` }));
  const { ctrl } = await loaded(core, 'FR', { lookups: { addresses: flood }, baseUrl: 'test://flood' });
  ctrl.lookups.type('search', 'Rue');
  await settle();
  assert.equal(ctrl.lookups.entries.search.items.length, MAX_SUGGESTIONS);
});

test('a failed look-up says so with Retry, keeps the text, and the retry asks again', { skip }, async () => {
  const core = await loadCore();
  let fail = true;
  const flaky = (query, data) => {
    if (fail) throw apiError(500, 'INTERNAL', 'Down for a moment.');
    return data.postalCodes.filter((p) => p.value.startsWith(query.q)).map((p) => ({ value: p.value, display: p.display, address: { pc: p.value } }));
  };
  const { ctrl } = await loaded(core, 'PT', { lookups: { postalcodes: flaky } });
  ctrl.input('pc', '1000');
  await settle();
  assert.equal(ctrl.state.failure.key, 'postalCodesFailed');
  assert.equal(ctrl.value.pc, '1000');
  assert.ok(ctrl.lookups.find('postalCodes'), 'a 500 withdraws nothing');
  fail = false;
  ctrl.retry();
  await settle();
  assert.equal(ctrl.state.failure, null);
  assert.ok(ctrl.lookups.entries.postalCodes.items.length > 0);
});

test('verify (DE): known, known in another format (which can be taken), unknown, empty', { skip }, async () => {
  const core = await loadCore();
  const { ctrl, data, client } = await loaded(core, 'DE');
  const { lookups } = ctrl;
  await lookups.verify();
  assert.deepEqual(lookups.entries.verify.result, { kind: 'empty' });
  const candidate = data.addresses[0];
  ctrl.value = candidate.voiceAddress;
  await lookups.verify();
  assert.deepEqual(lookups.entries.verify.result, { kind: 'found' });
  assert.deepEqual(lookupCalls(client).at(-1).slice(0, 2), ['addresses', candidate.voiceAddress]);
  ctrl.input('a6', candidate.voiceAddress.a6.toUpperCase());
  assert.equal(lookups.entries.verify.result, null, 'an edit clears the verdict');
  await lookups.verify();
  assert.equal(lookups.entries.verify.result.kind, 'foundOther');
  lookups.useVerifiedFormat();
  assert.deepEqual(ctrl.value, candidate.voiceAddress);
  assert.deepEqual(lookups.entries.verify.result, { kind: 'applied' });
  ctrl.input('a6', 'Nirgendwostraße');
  await lookups.verify();
  assert.deepEqual(lookups.entries.verify.result, { kind: 'unknown' });
});

test('highlight: every typed word, ignoring case and accents, as text pieces that give the label back', () => {
  assert.deepEqual(highlight('12 Boulevard de Sébastopol, 75001 Paris', 'sebastopol 750'), [
    ['12 Boulevard de ', false], ['Sébastopol', true], [', ', false], ['750', true], ['01 Paris', false],
  ]);
  assert.deepEqual(highlight('Rue de Rivoli', ''), [['Rue de Rivoli', false]]);
  assert.deepEqual(highlight('İstanbul Straße', 'istanbul STRASSE'), [['İstanbul', true], [' Straße', false]]);
  const hostile = '<img src=x onerror=alert(1)> Main';
  assert.equal(highlight(hostile, 'main').map(([text]) => text).join(''), hostile, 'markup stays text');
  assert.ok(highlight('a'.repeat(10_000), 'a').map(([text]) => text).join('').length <= 300, 'bounded');
});
