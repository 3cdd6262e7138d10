// The address form's DOM-free logic (web/components/address-form/address-form.controller.js and
// its field model) in Node, with the real wasm core and a scripted client built on the
// stand-in's country data (fixtures/address-form-client.js). No browser: what the view shows is
// derived from this state. The look-ups: address-form-lookups.test.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../web/core.js';
import { AddressFormController } from '../../web/components/address-form/address-form.controller.js';
import { autofillToken, buildFields, fieldOfProblem, layoutRows, lowerFirst } from '../../web/components/address-form/fields.js';
import { BtalkApiError } from '../../web/client.js';
import en from '../../web/components/address-form/i18n/en.js';
import fr from '../../web/components/address-form/i18n/fr.js';
import { Localizer, LANGUAGES } from '../../web/internal/localize.js';
import { country, fakeClient, loaded, make, settle } from './fixtures/address-form-client.js';

const WASM = fileURLToPath(new URL('../../dist/btalk-core.wasm', import.meta.url));
const skip = !existsSync(WASM) && 'the wasm core is not built (npm run build)';

test('loads the country: fields, its look-ups without a request, btalk-loaded, no message left', { skip }, async () => {
  const core = await loadCore();
  const { ctrl, events, client } = await loaded(core, 'FR');
  assert.equal(ctrl.state.status, 'ready');
  assert.deepEqual(ctrl.state.fields.map((f) => f.name), Object.entries(country('FR').addressConstraints)
    .sort(([, a], [, b]) => a.position - b.position).map(([name]) => name));
  assert.deepEqual(ctrl.lookups.list.map((d) => d.id), ['search', 'verify']);
  assert.deepEqual(client.calls.map((c) => c[0]), ['countryForm'], 'nothing probed');
  assert.equal(events.filter((e) => e.type === 'btalk-loaded').length, 1);
  assert.equal(ctrl.state.info, null);
  assert.equal(ctrl.state.failure, null);
  assert.equal(ctrl.state.result.valid, false);
});

test('bug 2: Save while loading does nothing visible; the loaded form starts with no message', { skip }, async () => {
  const core = await loadCore();
  const data = country('CH');
  const client = fakeClient(core, data, { latency: 50 });
  const { ctrl } = make(client, { core });
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
  const client = fakeClient(core, country('FR'), { failCountryForm: true });
  const { ctrl, events } = make(client, { core });
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

test('blur normalises through the compiled schema: core.normalizeAddress (which parses the schema text) is not called', { skip }, async () => {
  const real = await loadCore();
  const core = { ...real }; // the core object is frozen: a copy gets counting wrappers
  const calls = { normalizeAddress: 0, compiledNormalize: 0 };
  core.normalizeAddress = (...args) => { calls.normalizeAddress += 1; return real.normalizeAddress(...args); };
  core.compileConstraints = (...args) => {
    const compiled = real.compileConstraints(...args);
    return {
      validate: (...a) => compiled.validate(...a),
      setGeoAreas: (...a) => compiled.setGeoAreas(...a),
      dispose: () => compiled.dispose(),
      normalize: (address) => { calls.compiledNormalize += 1; return compiled.normalize(address); },
    };
  };
  const { ctrl } = await loaded(core, 'GB');
  ctrl.input('pc', 'sw1a2aa');
  ctrl.blur('pc');
  assert.equal(ctrl.value.pc, 'SW1A 2AA');
  assert.equal(ctrl.state.notes.get('pc'), 'SW1A 2AA');
  assert.deepEqual(calls, { normalizeAddress: 0, compiledNormalize: 1 });
  // Without a compiled object (a core that has none), the schema's text path gives the same value.
  const plain = { ...real, compileConstraints: undefined };
  const other = await loaded(plain, 'GB');
  other.ctrl.input('pc', 'sw1a2aa');
  other.ctrl.blur('pc');
  assert.equal(other.ctrl.value.pc, 'SW1A 2AA');
  ctrl.dispose();
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

test('save: every entry of the API\'s error list is kept, on the field its code name or label names', { skip }, async () => {
  const core = await loadCore();
  const { ctrl, data, client } = await loaded(core, 'FR');
  ctrl.value = data.sampleAddress;
  const labels = Object.fromEntries(ctrl.state.fields.map((f) => [f.name, f.label]));
  const problems = [
    // Named by the core (code name in the text): kept.
    { field: 'hno', code: 1103, message: 'House number out of range', description: 'hno 999 is above 120' },
    // No field, but the schema's label of a field: that field.
    { field: '', code: 1102, message: `${labels.a6} unknown in this city`, description: '' },
    // Neither: in the summary, as is; two such entries with one code both stay.
    { field: '', code: 1100, message: 'The address could not be checked', description: '' },
    { field: '', code: 1100, message: 'The building is not served', description: '' },
  ];
  client.pushVoiceAddress = async () => { throw new BtalkApiError({ status: 400, code: 'badRequest', message: 'x', problems }); };
  const rejected = await ctrl.save('9999', 'vs-1');
  assert.deepEqual(rejected.problems.map((p) => [p.field, p.code, p.message]), [
    ['hno', '1103', 'House number out of range'],
    ['a6', '1102', `${labels.a6} unknown in this city`],
    ['', '1100', 'The address could not be checked'],
    ['', '1100', 'The building is not served'],
  ]);
  assert.equal(ctrl.shownProblem('a6').message, `${labels.a6} unknown in this city`);
  assert.equal(ctrl.state.result.problems.length, 4, 'all four reach what the form shows');
  // A 409 list is shown the same way.
  client.pushVoiceAddress = async () => { throw new BtalkApiError({ status: 409, code: 'conflict', message: 'x', problems: [problems[3]] }); };
  assert.deepEqual((await ctrl.save('9999', 'vs-1')).problems.map((p) => p.message), ['The building is not served']);
});

test('fieldOfProblem: own field first, else the earliest label named (longest at one place), whole words, accents aside', () => {
  const fields = [
    { name: 'a6', labels: ['Street', 'Rue'] }, { name: 'hno', labels: ['Street number', ''] }, { name: 'a3', labels: ['Ville', 'City'] },
  ];
  assert.equal(fieldOfProblem({ field: 'a3', message: 'Street unknown' }, fields), 'a3');
  assert.equal(fieldOfProblem({ field: '', message: 'Street number too high' }, fields), 'hno');
  assert.equal(fieldOfProblem({ field: '', message: 'Unknown VILLE for this street' }, fields), 'a3');
  assert.equal(fieldOfProblem({ field: '', message: 'Streets are closed', description: 'ask the city' }, fields), 'a3');
  assert.equal(fieldOfProblem({ field: '', message: 'Nothing here', description: 'nor there' }, fields), '');
  assert.equal(fieldOfProblem({ field: 'technicalSiteName', message: 'no label' }, fields), 'technicalSiteName');
  assert.equal(fieldOfProblem({ field: '', message: 'Rué fermée' }, fields), 'a6', 'accents aside');
});

test('field model: per-language schema labels, translated built-in names, autofill tokens, rows', { skip }, async () => {
  const core = await loadCore();
  const constraints = {
    a6: { usage: 'mandatory', defaultLabel: 'Street', labels: { fr: 'Rue', de: 'Straße' }, descriptions: { fr: 'La voie' }, valueType: 'freestring', minLength: 1, maxLength: 60, position: 10 },
    hno: { usage: 'optional', valueType: 'freenumerical', minLength: 0, maxLength: 5, position: 20 },
    pc: { usage: 'mandatory', defaultLabel: '', valueType: 'freestring', minLength: 5, maxLength: 5, position: 30 },
    a3: { usage: 'mandatory', defaultLabel: 'Town', defaultDescription: 'Town as written by the post', valueType: 'freestring', minLength: 1, maxLength: 40, position: 40 },
    addrExtInfo1: { usage: 'optional', valueType: 'freestring', minLength: 0, maxLength: 40, position: 50 },
  };
  const form = core.addressForm(constraints, { dialZoneSelection: 'automatic' });
  const t = (lang) => { const l = new Localizer({ ...en, ...(lang === 'fr' ? fr : {}) }, lang); return (k, p) => l.t(k, p); };
  const frFields = buildFields({ form, constraints, lang: 'fr', t: t('fr') });
  // The API speaks English (no Content-Language): a French form names its fields itself and keeps the
  // API's label and description as the description, marked as English.
  assert.deepEqual(frFields.map((f) => f.label), ['Rue', 'Numéro', 'Code postal', 'Ville', 'Complément d’adresse 1']);
  assert.deepEqual(frFields.map((f) => [f.description, f.descriptionLang]),
    [['La voie', null], ['', null], ['', null], ['Town: Town as written by the post', 'en'], ['', null]]);
  // An API that answers in French (Content-Language: fr) is taken at its word.
  const frApi = buildFields({ form, constraints, lang: 'fr', apiLanguage: 'fr-FR', t: t('fr') });
  assert.deepEqual(frApi.map((f) => f.label), ['Rue', 'Numéro', 'Code postal', 'Town', 'Complément d’adresse 1']);
  assert.deepEqual([frApi[3].description, frApi[3].descriptionLang], ['Town as written by the post', null]);
  const enFields = buildFields({ form, constraints, lang: 'en', t: t('en') });
  assert.deepEqual(enFields.map((f) => f.label), ['Street', 'Street number', 'Postal code', 'Town', 'Additional information 1']);
  assert.deepEqual([enFields[3].description, enFields[3].descriptionLang], ['Town as written by the post', null]);
  // A German API in an English form: the English names, the German texts kept (marked de).
  const deApi = buildFields({ form, constraints, lang: 'en', apiLanguage: 'de', t: t('en') });
  assert.deepEqual(deApi.map((f) => f.label), ['Street name', 'Street number', 'Postal code', 'City', 'Additional information 1']);
  assert.deepEqual([deApi[3].description, deApi[3].descriptionLang], ['Town: Town as written by the post', 'de']);
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

