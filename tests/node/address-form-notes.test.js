// The normalisation note ("Changed to …") of <btalk-address-form>'s controller, DOM-free: a note is shown
// only for the value it describes (noteOf(), which the view reads), so a country switch that drops or
// keeps a value never leaves a note under a field whose value it no longer describes. Real wasm core,
// scripted client over the stand-in's data (fixtures/address-form-client.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../web/core.js';
import { country, fakeClient, make, settle } from './fixtures/address-form-client.js';

const WASM = fileURLToPath(new URL('../../dist/btalk-core.wasm', import.meta.url));
const skip = !existsSync(WASM) && 'the wasm core is not built (npm run build)';

/** One client for several countries: `switchTo(iso2)` is what the element's country attribute does. */
function switching(core, first) {
  const clients = new Map();
  const of = (iso2) => clients.get(iso2) ?? clients.set(iso2, fakeClient(core, country(iso2))).get(iso2);
  const client = {
    iso2: first,
    baseUrl: 'test://switch',
    countryForm: (iso2) => of(iso2).countryForm(iso2),
    geoAreas: (iso2, parents) => of(iso2).geoAreas(iso2, parents),
    addressLookup: (iso2, ...rest) => of(iso2).addressLookup(iso2, ...rest),
  };
  return client;
}

test('a note only shows for its value: a GB postcode corrected, then a switch to US drops it and its note', { skip }, async () => {
  const core = await loadCore();
  const client = switching(core, 'GB');
  const { ctrl } = make(client, { core, lang: 'fr' });
  await ctrl.load();
  await settle();
  ctrl.input('pc', 'sw1a1aa');
  ctrl.blur('pc');
  assert.equal(ctrl.value.pc, 'SW1A 1AA');
  assert.equal(ctrl.noteOf('pc'), 'SW1A 1AA', 'the correction is said under the field');
  client.iso2 = 'US';
  await ctrl.load();
  await settle();
  assert.equal(ctrl.state.info?.key, 'leftOut', 'the GB postcode is left out, and said so');
  assert.equal(ctrl.value.pc, undefined);
  assert.equal(ctrl.noteOf('pc'), undefined, 'no note under the empty US postal code');
  assert.equal(ctrl.state.notes.has('pc'), false);
});

test('a note never outlives its value: a new load starts without notes, and a changed value has none', { skip }, async () => {
  const core = await loadCore();
  const client = switching(core, 'GB');
  const { ctrl } = make(client, { core });
  await ctrl.load();
  await settle();
  ctrl.input('pc', 'sw1a1aa');
  ctrl.blur('pc');
  // A value set behind the input's back (no input()): the note described the old one.
  ctrl.state.values.set('pc', 'SW1A 2AA');
  assert.equal(ctrl.noteOf('pc'), undefined);
  ctrl.state.values.set('pc', 'SW1A 1AA');
  assert.equal(ctrl.noteOf('pc'), 'SW1A 1AA');
  // Back to GB from another country: the kept value was not corrected in this form.
  client.iso2 = 'US';
  await ctrl.load();
  client.iso2 = 'GB';
  await ctrl.load();
  await settle();
  assert.equal(ctrl.state.notes.size, 0);
});
