// address-form.carry.js: what a country switch carries over (issue 18, item 5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COUNTRY_BOUND, beforeSwitch, leftOut } from '../../web/components/address-form/address-form.carry.js';

const usState = {
  data: { iso2: 'US' },
  fields: [{ name: 'a6', label: 'Street name' }, { name: 'a1', label: 'State' }, { name: 'pc', label: 'ZIP code' }, { name: 'unit', label: 'Suite / apt' }, { name: 'hno', label: 'House number' }],
  result: { problems: [{ field: 'hno', code: 'patternMismatch' }] },
};

test('beforeSwitch: nothing to carry on a first load or the same country; else the old labels and what the old check accepted', () => {
  assert.equal(beforeSwitch({ ...usState, data: null }, 'DE'), null);
  assert.equal(beforeSwitch(usState, 'US'), null);
  const carried = beforeSwitch(usState, 'DE');
  assert.equal(carried.from, 'US');
  assert.equal(carried.labels.get('pc'), 'ZIP code');
  assert.deepEqual([...carried.accepted].sort(), ['a1', 'a6', 'pc', 'unit']);
  assert.ok(COUNTRY_BOUND.includes('pc') && COUNTRY_BOUND.includes('a1'));
});

test('leftOut: country-bound values the old country accepted and values the new one refuses; not the fields it lacks', () => {
  const carried = beforeSwitch(usState, 'DE');
  const values = new Map([['a6', 'Pennsylvania'], ['a1', 'DC'], ['pc', '20500'], ['unit', '4B'], ['hno', '12x'], ['a3', '']]);
  const deFields = new Set(['a6', 'a1', 'pc', 'hno', 'a3']);
  const out = leftOut(carried, values, (name) => deFields.has(name), [{ field: 'hno', code: 'patternMismatch' }, { field: 'a3', code: 'valueMissing' }]);
  assert.deepEqual(out.map((o) => o.name), ['a1', 'pc', 'hno'], 'unit: DE has no such field (its value stays for a switch back)');
  assert.deepEqual(out[1], { name: 'pc', label: 'ZIP code', value: '20500' });
  assert.deepEqual(leftOut(null, values, () => true, []), [], 'no switch: nothing is left out');
  // A postal code the old country refused was not typed as one of its codes: kept when the new one accepts it.
  const refusedPc = beforeSwitch({ ...usState, result: { problems: [{ field: 'pc', code: 'patternMismatch' }] } }, 'DE');
  assert.deepEqual(leftOut(refusedPc, new Map([['pc', '10115']]), () => true, []), []);
});
