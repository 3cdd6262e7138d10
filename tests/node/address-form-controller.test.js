// The address form's DOM-free logic (web/components/address-form/address-form.controller.js and
// its field model) in Node, with the real wasm core and a scripted client built on the
// stand-in's country data. No browser: what the view shows is derived from this state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../web/core.js';
import { AddressFormController } from '../../web/components/address-form/address-form.controller.js';
import { autofillToken, buildFields, layoutRows, lowerFirst } from '../../web/components/address-form/address-form.fields.js';
import en from '../../web/components/address-form/i18n/en.js';
import fr from '../../web/components/address-form/i18n/fr.js';
import { Localizer, LANGUAGES } from '../../web/internal/localize.js';

const WASM = fileURLToPath(new URL('../../dist/btalk-core.wasm', import.meta.url));
const skip = !existsSync(WASM) && 'the wasm core is not built (npm run build)';
const DATA = new URL('../../server/standin/data/countries/', import.meta.url);
const country = (iso2) => JSON.parse(readFileSync(new URL(`${iso2}.json`, DATA), 'utf8'));

/** A client over one country's data file; `calls` records every method call. */
function fakeClient(core, data, { services, failCountryForm = false, latency = 0 } = {}) {
  const calls = [];
  const wait = () => new Promise((resolve) => setTimeout(resolve, latency));
  const areas = (parents) => {
    let list = data.geoAreas ?? [];
    for (const value of parents) list = list.find((n) => n.value === value)?.children ?? [];
    return list.map(({ value, display, postalCodes }) => ({ value, display: display ?? value, ...(postalCodes ? { postalCodes } : {}) }));
  };
  return {
    calls,
    baseUrl: `test://${data.iso2}`,
    async countryForm(iso2) {
      calls.push(['countryForm', iso2]);
      await wait();
      if (failCountryForm) throw Object.assign(new Error('The API is down.'), { status: 503, code: 'unavailable' });
      const form = core.addressForm(data.addressConstraints, data.geographicalConstraints);
      return { constraints: data.addressConstraints, geographicalConstraints: data.geographicalConstraints, form, dialZones: data.dialZones ?? [] };
    },
    async addressServices(iso2) {
      calls.push(['addressServices', iso2]);
      return services ?? { search: data.addressApi === 'search', verify: ['search', 'validation'].includes(data.addressApi),
        postalCodes: !!data.postalCodes, parishes: !!data.parishes };
    },
    async geoAreas(iso2, parents) { calls.push(['geoAreas', parents]); return areas(parents); },
    async searchAddresses(iso2, q) {
      calls.push(['searchAddresses', q]);
      return (data.addresses ?? []).filter((a) => a.label.toLowerCase().includes(q.toLowerCase()))
        .map((a) => ({ id: a.id, label: a.label, address: a.voiceAddress }));
    },
    async validateAddressCandidates(iso2, address) { calls.push(['validate', address]); return []; },
    async postalCodes(iso2, q) {
      calls.push(['postalCodes', q]);
      return (data.postalCodes ?? []).filter((p) => p.value.startsWith(q)).map((p) => ({ value: p.value, display: p.display, address: { a1: p.a1, a2: p.a2, a3: p.a3 } }));
    },
    async parishes(iso2, { a1, a2 }) {
      calls.push(['parishes', a1, a2]);
      return (data.parishes ?? []).filter((p) => p.a1 === a1 && p.a2 === a2).map(({ value, display }) => ({ value, display }));
    },
    async pushVoiceAddress(customer, id, address) { calls.push(['push', address]); return { voiceSiteId: id, voiceAddress: address }; },
  };
}

/** A controller over `client`; events land in `events`; timers fire at once. */
function make(core, client, { lang = 'en' } = {}) {
  const localizer = new Localizer({ ...en, ...(lang === 'fr' ? fr : {}) }, lang);
  const events = [];
  let renders = 0;
  const ctrl = new AddressFormController({
    client: () => client,
    core: async () => core,
    iso2: () => client.iso2,
    lang: () => lang,
    t: (key, params) => localizer.t(key, params),
    list: (items) => localizer.list(items),
    errorText: (error) => String(error?.message ?? error),
    emit: (type, detail) => events.push({ type, detail }),
    update: () => { renders += 1; },
    later: (fn) => { const id = setTimeout(fn, 0); return { cancel: () => clearTimeout(id) }; },
  });
  return { ctrl, events, renders: () => renders };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function loaded(core, iso2, options = {}) {
  const data = country(iso2);
  const client = fakeClient(core, data, options);
  client.iso2 = iso2;
  const made = make(core, client, options);
  await made.ctrl.load();
  await settle();
  return { ...made, client, data };
}

test('loads the country: fields, services learned in the same round, btalk-loaded, no message left', { skip }, async () => {
  const core = await loadCore();
  const { ctrl, events, client } = await loaded(core, 'FR');
  assert.equal(ctrl.state.status, 'ready');
  assert.deepEqual(ctrl.state.fields.map((f) => f.name), Object.entries(country('FR').addressConstraints)
    .sort(([, a], [, b]) => a.position - b.position).map(([name]) => name));
  assert.deepEqual(ctrl.state.services, { search: true, verify: true, postalCodes: false, parishes: false });
  assert.deepEqual(client.calls.slice(0, 2).map((c) => c[0]).sort(), ['addressServices', 'countryForm']);
  assert.equal(events.filter((e) => e.type === 'btalk-loaded').length, 1);
  assert.equal(ctrl.state.info, null);
  assert.equal(ctrl.state.failure, null);
  assert.equal(ctrl.state.result.valid, false);
});

test('bug 2: Save while loading does nothing visible; the loaded form starts with no message', { skip }, async () => {
  const core = await loadCore();
  const data = country('CH');
  const client = Object.assign(fakeClient(core, data, { latency: 50 }), { iso2: 'CH' });
  const { ctrl } = make(core, client);
  const loading = ctrl.load();
  assert.equal(ctrl.state.status, 'loading');
  const early = await ctrl.save('9999', 'vs-1');
  assert.equal(early.saved, false);
  assert.equal(early.error.code, 'notReady');
  assert.equal(ctrl.state.info, null, 'no "not loaded yet" message to go stale');
  await loading;
  assert.equal(ctrl.state.status, 'ready');
  assert.equal(ctrl.state.info, null);
  assert.equal(ctrl.state.submitted, false);
});

test('a failed load says so with a retry, keeps the typed values and offers no form', { skip }, async () => {
  const core = await loadCore();
  const client = Object.assign(fakeClient(core, country('FR'), { failCountryForm: true }), { iso2: 'FR' });
  const { ctrl, events } = make(core, client);
  ctrl.value = { a6: 'Rue de Rivoli' };
  await ctrl.load();
  assert.equal(ctrl.state.status, 'failed');
  assert.equal(ctrl.state.failure.key, 'loadFailed');
  assert.equal(typeof ctrl.state.failure.retry, 'function');
  assert.equal(ctrl.state.fields.length, 0);
  assert.deepEqual(ctrl.value, { a6: 'Rue de Rivoli' });
  assert.match(events.find((e) => e.type === 'btalk-error').detail.message, /could not be loaded: The API is down/);
});

test('typing keeps the text as typed; blur normalises it and shows the problem from then on', { skip }, async () => {
  const core = await loadCore();
  const { ctrl, events } = await loaded(core, 'FR');
  ctrl.input('a6', '  Rue  de   Rivoli ');
  assert.equal(ctrl.value.a6, '  Rue  de   Rivoli ', 'never normalised mid-typing');
  assert.equal(events.at(-1).type, 'btalk-change');
  ctrl.input('pc', '7501');
  assert.equal(ctrl.shownProblem('pc'), null, 'not touched yet');
  ctrl.blur('a6');
  assert.equal(ctrl.value.a6, 'Rue de Rivoli');
  ctrl.blur('pc');
  assert.ok(ctrl.shownProblem('pc'), 'the postal code problem shows once left');
});

test('bug 3: a pasted leading space is dropped before the length cap', { skip }, async () => {
  const core = await loadCore();
  const { ctrl } = await loaded(core, 'FR');
  assert.equal(ctrl.field('pc').maxLength, 5);
  const { text, caret } = ctrl.paste('pc', { before: '', after: '', pasted: ' 75015' });
  assert.equal(text, '75015');
  assert.equal(caret, 5);
  assert.equal(ctrl.value.pc, '75015');
  assert.equal(ctrl.state.result.problems.some((p) => p.field === 'pc'), false);
  // Into existing text: the cap still applies to the whole value.
  ctrl.input('hno', '1');
  assert.equal(ctrl.paste('hno', { before: '1', after: '', pasted: ' 23456 ' }).text, '12345');
});

test('the core normaliser gives the canonical value on blur, with a visible note; never mid-typing', { skip }, async () => {
  const core = await loadCore();
  assert.equal(typeof core.normalizeAddress, 'function');
  const { ctrl } = await loaded(core, 'GB');
  ctrl.input('pc', 'sw1a 2aa');
  assert.equal(ctrl.value.pc, 'sw1a 2aa', 'typed text stays as typed');
  ctrl.blur('pc');
  assert.equal(ctrl.value.pc, 'SW1A 2AA');
  assert.equal(ctrl.state.notes.get('pc'), 'SW1A 2AA');
  ctrl.input('pc', 'SW1A 2A');
  assert.equal(ctrl.state.notes.has('pc'), false, 'typing again clears the note');
  // Whitespace only: changed, but no note.
  ctrl.input('a3', '  London ');
  ctrl.blur('a3');
  assert.equal(ctrl.value.a3, 'London');
  assert.equal(ctrl.state.notes.has('a3'), false);
});

test('a compiled validator is used when the core has one, and disposed on the next load', { skip }, async () => {
  const real = await loadCore();
  const core = { ...real }; // the core object is frozen: a copy gets the stand-in compiler
  const log = [];
  const areas = [];
  core.compileConstraints = (constraints, geo) => {
    log.push('compile');
    return {
      validate: (address) => { log.push('validate'); return real.validateAddress(constraints, address, geo ? { geographicalConstraints: geo } : {}); },
      setGeoAreas: (level, parents, values) => areas.push([level, parents, values.length]),
      dispose: () => log.push('dispose'),
    };
  };
  const ch = await loaded(core, 'CH');
  assert.deepEqual(areas, [[1, [], country('CH').geoAreas.length]], 'each loaded list is given to the compiled validator');
  ch.ctrl.dispose();
  log.length = 0;
  const { ctrl } = await loaded(core, 'FR');
  const before = log.filter((e) => e === 'validate').length;
  ctrl.input('a6', 'Rue');
  ctrl.input('a6', 'Rue de');
  assert.equal(log.filter((e) => e === 'compile').length, 1);
  assert.equal(log.filter((e) => e === 'validate').length, before + 2);
  await ctrl.load();
  assert.deepEqual(log.filter((e) => e !== 'validate'), ['compile', 'dispose', 'compile']);
  ctrl.dispose();
  assert.equal(log.at(-1), 'dispose');
});

test('bug 4: services a country lacks are never called', { skip }, async () => {
  const core = await loadCore();
  const { ctrl, client } = await loaded(core, 'CH');
  assert.deepEqual(ctrl.state.services, { search: false, verify: false, postalCodes: false, parishes: false });
  ctrl.searchInput('Bahnhofstrasse');
  ctrl.input('pc', '8001');
  ctrl.blur('pc');
  await ctrl.verify();
  await settle();
  assert.deepEqual(client.calls.filter(([name]) => ['searchAddresses', 'postalCodes', 'validate', 'parishes'].includes(name)), []);
});

test('PT: postal codes fill a1..a3; the parish field becomes a list for the municipality', { skip }, async () => {
  const core = await loadCore();
  const { ctrl, data } = await loaded(core, 'PT');
  const code = data.postalCodes.find((c) => data.parishes.some((p) => p.a1 === c.a1 && p.a2 === c.a2));
  ctrl.input('pc', code.value.slice(0, 4));
  await settle();
  const index = ctrl.state.postal.codes.findIndex((c) => c.value === code.value);
  assert.ok(index >= 0);
  ctrl.choosePostalCode(index);
  await settle();
  assert.deepEqual({ pc: ctrl.value.pc, a1: ctrl.value.a1, a2: ctrl.value.a2, a3: ctrl.value.a3 },
    { pc: code.value, a1: code.a1, a2: code.a2, a3: code.a3 });
  const labels = ['a1', 'a2', 'a3'].map((name) => ctrl.field(name).label);
  assert.equal(ctrl.state.info.key, 'postalCodeChosen');
  assert.equal(ctrl.state.info.params.fields, new Intl.ListFormat('en', { type: 'conjunction' }).format(labels));
  const parish = ctrl.field('a4');
  assert.equal(parish.select, true);
  assert.ok(parish.options.length > 0);
});

test('bug 6: BE "1000 Bruxelles / Brussel" fills the municipality, without overwriting a typed one', { skip }, async () => {
  const core = await loadCore();
  const { ctrl } = await loaded(core, 'BE');
  const pc = ctrl.field('pc');
  assert.equal(pc.geoLevel, 1);
  ctrl.input('pc', '1000', { choice: true });
  assert.equal(ctrl.value.a3, 'Bruxelles');
  ctrl.input('pc', '1020', { choice: true });
  assert.equal(ctrl.value.a3, 'Laeken', 'an auto-filled place follows the code');
  ctrl.input('a3', 'Mon village');
  ctrl.input('pc', '1000', { choice: true });
  assert.equal(ctrl.value.a3, 'Mon village', 'a typed place is the user\'s');
});

test('geographical levels: a new parent clears and reloads the levels below', { skip }, async () => {
  const core = await loadCore();
  const { ctrl, data, client } = await loaded(core, 'CH');
  const level1 = ctrl.fieldAt(1);
  const level2 = ctrl.fieldAt(2);
  const [first, second] = data.geoAreas;
  ctrl.input(level1.name, first.value, { choice: true });
  await settle();
  ctrl.input(level2.name, first.children[0].value, { choice: true });
  ctrl.input(level1.name, second.value, { choice: true });
  assert.equal(ctrl.value[level2.name], undefined);
  await settle();
  assert.deepEqual(ctrl.state.geo.get(2).options.map((o) => o.value), second.children.map((c) => c.value));
  assert.ok(client.calls.some(([name, parents]) => name === 'geoAreas' && parents?.[0] === second.value));
});

test('search: candidates, arrow keys wrap, choosing fills the exact push format', { skip }, async () => {
  const core = await loadCore();
  const { ctrl, data, events } = await loaded(core, 'FR');
  const candidate = data.addresses[0];
  ctrl.searchInput('ab'); // too short: nothing asked
  ctrl.searchInput(candidate.label.slice(0, 12));
  await settle();
  const { candidates } = ctrl.state.search;
  assert.ok(candidates.length >= 1);
  ctrl.moveActive(1);
  assert.equal(ctrl.state.search.active, 0);
  ctrl.moveActive(-1);
  assert.equal(ctrl.state.search.active, candidates.length - 1);
  const chosen = ctrl.chooseCandidate(candidates.findIndex((c) => c.label === candidate.label));
  assert.equal(chosen.label, candidate.label);
  assert.deepEqual(ctrl.value, candidate.voiceAddress);
  assert.equal(ctrl.state.search.candidates.length, 0);
  assert.equal(ctrl.state.info.key, 'candidateChosen');
  assert.deepEqual(events.filter((e) => e.type === 'btalk-change').at(-1).detail.address, candidate.voiceAddress);
});

test('save: problems first; then the trimmed address is pushed; a 400 lands on its fields', { skip }, async () => {
  const core = await loadCore();
  const { ctrl, data, client, events } = await loaded(core, 'FR');
  const invalid = await ctrl.save('9999', 'vs-1');
  assert.equal(invalid.saved, false);
  assert.ok(invalid.problems.length > 0);
  assert.equal(ctrl.state.submitted, true);
  ctrl.value = data.sampleAddress;
  const ok = await ctrl.save('9999', 'vs-1');
  assert.equal(ok.saved, true);
  assert.deepEqual(client.calls.find(([name]) => name === 'push')[1], data.sampleAddress);
  assert.equal(events.at(-1).type, 'btalk-address-saved');
  client.pushVoiceAddress = async () => { throw Object.assign(new Error('Bad postal code'), { status: 400, problems: [{ field: 'pc', code: 'notAllowed', message: 'no' }] }); };
  const rejected = await ctrl.save('9999', 'vs-1');
  assert.equal(rejected.saved, false);
  assert.deepEqual(rejected.problems.map((p) => p.field), ['pc']);
  assert.equal(ctrl.shownProblem('pc').code, 'notAllowed');
  ctrl.input('pc', data.sampleAddress.pc);
  assert.equal(ctrl.state.serverProblems.length, 0, 'editing the field drops the server problem');
});

test('field model: per-language schema labels, translated built-in names, autofill tokens, rows', { skip }, async () => {
  const core = await loadCore();
  const constraints = {
    a6: { usage: 'mandatory', defaultLabel: 'Street', labels: { fr: 'Rue', de: 'Straße' }, descriptions: { fr: 'La voie' }, valueType: 'freestring', minLength: 1, maxLength: 60, position: 10 },
    hno: { usage: 'optional', valueType: 'freenumerical', minLength: 0, maxLength: 5, position: 20 },
    pc: { usage: 'mandatory', defaultLabel: '', valueType: 'freestring', minLength: 5, maxLength: 5, position: 30 },
    a3: { usage: 'mandatory', defaultLabel: 'City', valueType: 'freestring', minLength: 1, maxLength: 40, position: 40 },
    addrExtInfo1: { usage: 'optional', valueType: 'freestring', minLength: 0, maxLength: 40, position: 50 },
  };
  const form = core.addressForm(constraints, { dialZoneSelection: 'automatic' });
  const t = (lang) => { const l = new Localizer({ ...en, ...(lang === 'fr' ? fr : {}) }, lang); return (k, p) => l.t(k, p); };
  const frFields = buildFields({ form, constraints, lang: 'fr', t: t('fr') });
  assert.deepEqual(frFields.map((f) => f.label), ['Rue', 'Numéro', 'Code postal', 'City', 'Complément d’adresse 1']);
  assert.equal(frFields[0].description, 'La voie');
  const enFields = buildFields({ form, constraints, lang: 'en', t: t('en') });
  assert.deepEqual(enFields.map((f) => f.label), ['Street', 'Street number', 'Postal code', 'City', 'Additional information 1']);
  assert.deepEqual(enFields.map((f) => f.autocomplete), ['address-line1', 'off', 'postal-code', 'address-level2', 'address-line2']);
  assert.deepEqual(layoutRows(enFields).map((row) => row.map((f) => f.name)), [['a6', 'hno'], ['pc', 'a3'], ['addrExtInfo1']]);
  // The best pairing over the form: the postal code goes with its city, not with the floor before it.
  const rows = (names) => layoutRows(names.map(([name, short]) => ({ name, short }))).map((row) => row.map((f) => f.name).join('+'));
  assert.deepEqual(rows([['hno', true], ['hns', true], ['a6', false], ['a4', false], ['flr', true], ['pc', true], ['a3', false]]),
    ['hno+hns', 'a6', 'a4', 'flr', 'pc+a3']);
  assert.deepEqual(rows([['a6', false], ['hno', true], ['addrExtInfo1', false], ['pc', true], ['a1', true], ['a3', false]]),
    ['a6+hno', 'addrExtInfo1', 'pc+a1', 'a3']);
  assert.equal(autofillToken('a2', new Set(['a2'])), 'address-level2');
  assert.equal(autofillToken('a2', new Set(['a2', 'a3'])), 'off');
  assert.equal(lowerFirst('Canton'), 'canton');
  assert.equal(lowerFirst('ZIP code'), 'ZIP code');
});

test('every catalogue has exactly the English keys, and no English left where a translation is due', async () => {
  const english = Object.keys(en).sort();
  for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
    const { default: strings } = await import(`../../web/components/address-form/i18n/${lang}.js`);
    assert.deepEqual(Object.keys(strings).sort(), english, `${lang}: same keys as en`);
    for (const [key, text] of Object.entries(strings)) {
      // {labelLower} is {label} with a lower-case first letter (for English's "Choose the canton first").
      const placeholders = (s) => (s.replace('{labelLower}', '{label}').match(/\{\w+\}/g) ?? []).sort();
      assert.deepEqual(placeholders(text), placeholders(en[key]), `${lang}.${key}: same placeholders`);
      // The same word in both languages: nl "letter".
      const same = key === 'legend.letter' && lang === 'nl';
      if (!same && !/^(errorStatus|requiredMark|summaryOther)$/.test(key)) assert.notEqual(text, en[key], `${lang}.${key} is translated`);
    }
    assert.equal(strings.moreInfo.includes('More information'), false);
  }
});

test('PointerHoldController: work deferred during a press runs once the press (and its click) is over', async () => {
  const { PointerHoldController } = await import('../../web/internal/pointer-hold.js');
  const listeners = new Map();
  const saved = { add: globalThis.addEventListener, remove: globalThis.removeEventListener };
  globalThis.addEventListener = (type, fn) => listeners.set(type, fn);
  globalThis.removeEventListener = (type) => listeners.delete(type);
  try {
    const root = new EventTarget();
    const hold = new PointerHoldController(root);
    const ran = [];
    hold.defer('a', () => ran.push('now'));
    assert.deepEqual(ran, ['now'], 'no press: at once');
    root.dispatchEvent(new Event('pointerdown'));
    hold.defer('blur:pc', () => ran.push('old'));
    hold.defer('blur:pc', () => ran.push('blur pc'));
    assert.deepEqual(ran, ['now'], 'held while pressed');
    listeners.get('pointerup')();
    assert.deepEqual(ran, ['now'], 'still held until the click has been dispatched');
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(ran, ['now', 'blur pc'], 'one run per key, the latest');
    assert.equal(hold.held, false);
  } finally {
    globalThis.addEventListener = saved.add;
    globalThis.removeEventListener = saved.remove;
  }
});

test('the first bundle\'s service list (services/discover.js) names what the on-demand services use', async () => {
  const { METHODS, PARISH } = await import('../../web/components/address-form/services/discover.js');
  const { SERVICES } = await import('../../web/components/address-form/services/index.js');
  assert.deepEqual(Object.keys(METHODS).sort(), Object.keys(SERVICES).sort());
  for (const [id, service] of Object.entries(SERVICES)) assert.equal(service.method, METHODS[id], id);
  assert.equal(SERVICES.parishes.field, PARISH.field);
  assert.deepEqual(SERVICES.parishes.parents, [...PARISH.parents]);
});

test('without any address service the look-ups do nothing; with one, they work once load() resolves', { skip }, async () => {
  const core = await loadCore();
  const none = { search: false, verify: false, postalCodes: false, parishes: false };
  const { ctrl, client } = await loaded(core, 'FR', { services: none });
  assert.deepEqual(ctrl.state.services, none);
  ctrl.searchInput('Rue de Rivoli');
  await ctrl.verify();
  await settle();
  assert.equal(ctrl.state.search.candidates.length, 0);
  assert.deepEqual(client.calls.map(([name]) => name).filter((name) => /search|validate/i.test(name)), []);
  const pt = await loaded(core, 'PT');
  assert.equal(pt.ctrl.state.services.postalCodes, true);
  pt.ctrl.input('pc', '1000');
  await settle();
  assert.ok(pt.ctrl.state.postal.codes.length > 0, 'the postal code look-up ran');
});

// ---- issue 18 ---------------------------------------------------------------

test('issue 18 item 6: a street typed with its type and direction fills a6, sts and pod on blur', { skip }, async () => {
  const core = await loadCore();
  const { ctrl } = await loaded(core, 'US');
  ctrl.input('a6', 'Pennsylvania Avenue NW');
  assert.equal(ctrl.value.a6, 'Pennsylvania Avenue NW', 'nothing moves while typing');
  ctrl.blur('a6');
  assert.deepEqual([ctrl.value.a6, ctrl.value.sts, ctrl.value.pod], ['Pennsylvania', 'AVE', 'NW']);
  assert.equal(ctrl.state.notes.get('a6'), 'Pennsylvania');
  // A type the user chose is kept: only the direction goes to its empty field.
  ctrl.input('sts', 'ST', { choice: true });
  ctrl.input('pod', '', { choice: true });
  ctrl.input('a6', 'Main Avenue SE');
  ctrl.blur('a6');
  assert.deepEqual([ctrl.value.a6, ctrl.value.sts, ctrl.value.pod], ['Main Avenue', 'ST', 'SE']);
});

test('issue 18 item 10: a CH postal code fills canton, municipality and dial zone; a shared one narrows', { skip }, async () => {
  const core = await loadCore();
  const { ctrl } = await loaded(core, 'CH');
  ctrl.input('pc', '1003');
  await settle();
  await settle();
  assert.deepEqual([ctrl.value.a1, ctrl.value.a3, ctrl.value.dialZone], ['VD', 'Lausanne', '021']);
  assert.equal(ctrl.state.result.problems.some((p) => ['a1', 'a3', 'dialZone'].includes(p.field)), false);
  // Zürich has two dial zones: the choice narrows to them, and nothing is picked.
  ctrl.input('pc', '8001');
  await settle();
  await settle();
  assert.deepEqual([ctrl.value.a1, ctrl.value.a3, ctrl.value.dialZone], ['ZH', 'Zürich', undefined], 'what 1003 filled is replaced');
  const zone = ctrl.field('dialZone');
  assert.deepEqual(ctrl.shownOptions(zone, zone.options).map((o) => o.value), ['043', '044']);
  // 1213 is Lancy and Onex: the municipality narrows to them.
  ctrl.input('pc', '1213');
  await settle();
  await settle();
  assert.equal(ctrl.value.a1, 'GE');
  assert.equal(ctrl.value.a3, undefined);
  const town = ctrl.fieldAt(2);
  assert.deepEqual(ctrl.shownOptions(town, ctrl.state.geo.get(2).options).map((o) => o.value), ['Lancy', 'Onex']);
  // A choice of the user is never replaced by a postal code.
  ctrl.input('a3', 'Onex', { choice: true });
  ctrl.input('pc', '1212');
  await settle();
  assert.equal(ctrl.value.a3, 'Onex');
  // A postal code the lists do not know changes nothing and narrows nothing.
  assert.equal(ctrl.shownOptions(zone, zone.options).length, 1);
  ctrl.input('pc', '9999');
  assert.equal(ctrl.shownOptions(zone, zone.options).length, zone.options.length);
});

test('issue 18 item 10: the form says to start with the postal code, by its label, where it fills the others', { skip }, async () => {
  const core = await loadCore();
  const pt = await loaded(core, 'PT');
  const hint = pt.ctrl.startHint();
  assert.equal(hint.key, 'startWith');
  assert.equal(hint.params.label, pt.ctrl.field('pc').label);
  const list = (labels) => new Intl.ListFormat('en', { type: 'conjunction' }).format(labels);
  assert.equal(hint.params.fields, list(['a3', 'a1', 'a2'].map((n) => pt.ctrl.field(n).label)));
  const ch = await loaded(core, 'CH');
  assert.equal(ch.ctrl.startHint().params.fields, list(['Canton', 'Municipality', 'Dial zone']));
  // No postal code filling anything (GB): no hint.
  assert.equal((await loaded(core, 'GB')).ctrl.startHint(), null);
});
