// Issue 9's reproducers through the JS API (wasm): each answers with a
// structured error or problem, the instance never aborts on them, and the core
// still validates a normal address afterwards. Then abort recovery: a broken
// instance is dropped and the very next call runs on a fresh one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, BtalkCoreError } from '../../web/index.js';

const core = await loadCore();
const instance = core[Symbol.for('btalk-forms.coreInstance')];

const france = {
  a6: { usage: 'mandatory', defaultLabel: 'Street', valueType: 'freestring', maxLength: 38, position: 1 },
  pc: { usage: 'mandatory', defaultLabel: 'Postal code', maxLength: 5, valueRegexp: '^[0-9]{5}$', position: 2 },
  a3: { usage: 'mandatory', defaultLabel: 'City', maxLength: 45, position: 3 },
};
const codes = (result) => result.problems.map((p) => `${p.field}:${p.code}`);

function assertStillValidates() {
  assert.deepEqual(core.validateAddress(france, { a6: 'Rue de Sèvres', pc: '75006', a3: 'Paris' }),
    { valid: true, problems: [] });
  assert.deepEqual(codes(core.validateAddress(france, { a6: 'Rue', pc: '7500', a3: 'Paris' })), ['pc:patternMismatch']);
}

test('defect 1: repeats of nothing compile at once and match only the empty text', () => {
  const generation = instance.generation;
  for (const valueRegexp of ['(?:(?:(?:){1000}){1000}){1000}', '(?:(?:(?:a{0}){1000}){1000}){100}']) {
    const schema = { pc: { usage: 'optional', valueRegexp } };
    assert.deepEqual(core.addressForm(schema).constraintErrors, []);
    assert.deepEqual(codes(core.validateAddress(schema, { pc: 'a' })), ['pc:patternMismatch']);
  }
  // Still too large once expanded: a constraint error on that field only.
  const blowUp = { pc: { usage: 'optional', valueRegexp: '(?:(?:a{1000}){1000}){1000}' }, a3: { maxLength: 3 } };
  assert.deepEqual(codes({ problems: core.addressForm(blowUp).constraintErrors }), ['pc:constraintError']);
  assert.deepEqual(codes(core.validateAddress(blowUp, { pc: 'a', a3: 'long' })), ['a3:tooLong', 'pc:constraintError']);
  assert.equal(instance.generation, generation, 'no abort');
  assertStillValidates();
});

test('defect 2: a megabyte of large patterns is refused as tooComplex, and the module stays usable', () => {
  const generation = instance.generation;
  const many = {};
  for (let i = 0; i < 12000; i += 1) many[`e${i}`] = { usage: 'optional', valueRegexp: '(?:.{999}){19}' };
  const text = JSON.stringify(many);
  assert.ok(text.length > 700000);
  for (const run of [() => core.addressForm(text), () => core.validateAddress(text, {})]) {
    assert.throws(run, (error) => error instanceof BtalkCoreError && error.code === 'tooComplex'
      && /too large/.test(error.message));
  }
  assert.equal(instance.generation, generation, 'no abort');
  assertStillValidates();
});

test('defect 3: ten heavy fields share one match budget and get tooComplex problems', () => {
  const schema = {};
  const address = {};
  for (let i = 1; i <= 10; i += 1) {
    schema[`addrExtInfo${i}`] = { usage: 'optional', maxLength: 10000, valueRegexp: '(?:.{0,999}){10}a' };
    address[`addrExtInfo${i}`] = `${'x'.repeat(9000)}a`;
  }
  const result = core.validateAddress(schema, address);
  assert.equal(result.valid, false);
  assert.equal(result.problems.length, 10);
  for (const problem of result.problems) {
    assert.equal(problem.code, 'tooComplex');
    assert.match(problem.message, /cannot be checked/);
  }
  // The exact values (10,000 characters) cannot match at all: no VM run.
  for (const key of Object.keys(address)) address[key] = 'x'.repeat(10000);
  assert.ok(core.validateAddress(schema, address).problems.every((p) => p.code === 'patternMismatch'));
  // Short values of the same rule are checked for real.
  for (const key of Object.keys(address)) address[key] = `${'x'.repeat(100)}a`;
  assert.deepEqual(core.validateAddress(schema, address), { valid: true, problems: [] });
  assertStillValidates();
});

test('defect 4: a lone surrogate is a badInput problem on its field; the rest is validated', () => {
  for (const address of [
    { a6: 'Rue \ud800 de Sèvres', pc: '9999', a3: 'Paris' },
    // As text too: raw lone surrogates in a JSON string the caller made.
    `{"a6": "Rue \udc00 de Sèvres", "pc": "9999", "a3": "Paris"}`,
  ]) {
    const result = core.validateAddress(france, address);
    assert.deepEqual(codes(result), ['a6:badInput', 'pc:patternMismatch']);
    assert.match(result.problems[0].message, /lone UTF-16 surrogate/);
  }
  // Proper pairs are text like any other.
  assert.deepEqual(core.validateAddress(france, { a6: 'Rue 😀', pc: '75006', a3: 'Paris' }).valid, true);
  assertStillValidates();
});

test('abort recovery: a broken instance is dropped and the next call gets a fresh one', async () => {
  const broken = instance.module;
  const generation = instance.generation;
  // Test-only: wreck the instance's memory (heap, stack, allocator state), as an abort would leave it.
  broken.HEAPU8.fill(0xff);
  assert.throws(() => core.validateAddress(france, { a6: 'Rue', pc: '75006', a3: 'Paris' }),
    (error) => error instanceof BtalkCoreError && error.code === 'internal'
      && /failed unexpectedly/.test(error.message));
  // The very next call works, on a new instance, synchronously.
  assertStillValidates();
  assert.equal(instance.generation, generation + 1);
  assert.notEqual(instance.module, broken);
  // loadCore() keeps handing out the same wrapper, which no longer uses the broken instance.
  assert.equal(await loadCore(), core);
  assert.equal(core.addressForm(france).fields.length, 3);
  // And it recovers again if it happens again.
  instance.module.HEAPU8.fill(0xff);
  assert.throws(() => core.parseResponse('me', '{}'), BtalkCoreError);
  assertStillValidates();
  assert.equal(instance.generation, generation + 2);
});
