// What a postal code fills in <btalk-address-form> (address-form.postal-areas.js), DOM-free, with the real
// wasm core and a scripted client over the stand-in's CH data (fixtures/address-form-client.js): a field
// the postal code filled and then cleared is the user's untouched field again (no "required" they did not
// earn), and the start hint names only what a postal code can fill.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../web/core.js';
import { loaded, settle } from './fixtures/address-form-client.js';

const WASM = fileURLToPath(new URL('../../dist/btalk-core.wasm', import.meta.url));
const skip = !existsSync(WASM) && 'the wasm core is not built (npm run build)';

test('CH 1003 then 8001: the dial zone filled for the user and then cleared shows no "required" error', { skip }, async () => {
  const core = await loadCore();
  const { ctrl } = await loaded(core, 'CH');
  ctrl.input('pc', '1003');
  await settle();
  assert.equal(ctrl.value.dialZone, '021', '1003 fills the dial zone');
  ctrl.input('pc', '8001');
  await settle();
  assert.equal(ctrl.value.a1, 'ZH');
  assert.equal(ctrl.value.dialZone, undefined, 'two dial zones serve 8001: none is picked');
  assert.equal(ctrl.state.touched.has('dialZone'), false, 'the user never touched it');
  assert.equal(ctrl.shownProblem('dialZone'), null, 'no error on a field the user never touched');
  // Save still shows every problem.
  ctrl.showAll();
  assert.equal(ctrl.shownProblem('dialZone')?.code, 'valueMissing');
});

test('CH: a dial zone the user had touched keeps its error once the postal code clears it', { skip }, async () => {
  const core = await loadCore();
  const { ctrl } = await loaded(core, 'CH');
  ctrl.input('pc', '1003');
  await settle();
  assert.equal(ctrl.value.dialZone, '021');
  ctrl.blur('dialZone'); // the user went through the field
  ctrl.input('pc', '8001');
  await settle();
  assert.equal(ctrl.value.dialZone, undefined);
  assert.equal(ctrl.shownProblem('dialZone')?.code, 'valueMissing', 'the user\'s field shows its problem');
});

test('CH start hint: names the canton and the dial zone, whose lists give postal codes, never the locality it cannot fill', { skip }, async () => {
  const core = await loadCore();
  const { ctrl, data } = await loaded(core, 'CH');
  const label = (name) => ctrl.field(name).label;
  const list = (labels) => new Intl.ListFormat('en', { type: 'conjunction' }).format(labels);
  const hint = () => ctrl.startHint()?.params.fields;
  assert.equal(hint(), list([label('a1'), 'Dial zone']), 'at start only the cantons\' list is loaded');
  // A canton whose list gives codes to a sample of its localities only: the locality still cannot be filled.
  const sampled = data.geoAreas.find((c) => c.children.some((m) => !Array.isArray(m.postalCodes)));
  ctrl.input('a1', sampled.value, { choice: true });
  await settle();
  assert.ok(ctrl.state.geo.get(2).options?.length, 'its localities are loaded');
  assert.equal(hint(), list([label('a1'), 'Dial zone']));
  // A canton whose every locality lists its codes: there a postal code does fill the locality.
  const listed = data.geoAreas.find((c) => c.children.length && c.children.every((m) => Array.isArray(m.postalCodes)));
  if (listed) {
    ctrl.input('a1', listed.value, { choice: true });
    await settle();
    assert.equal(hint(), list([label('a1'), label('a3'), 'Dial zone']));
  }
});

test('start hint: no list that gives postal codes, no hint; a dial zone list alone is named alone', { skip }, async () => {
  const core = await loadCore();
  const { ctrl } = await loaded(core, 'CH');
  for (const option of ctrl.state.geo.get(1).options) delete option.postalCodes;
  assert.equal(ctrl.startHint()?.params.fields, 'Dial zone');
  for (const option of ctrl.field('dialZone').options) delete option.postalCodes;
  assert.equal(ctrl.startHint(), null);
});
