// Problems cross the wasm boundary as numbers and are spelled out in JS
// (web/core-loader/core-problems.js): for every kind of problem, the texts
// built in JS are the core's own (the JSON facade, whose texts C++ builds),
// through the compiled object, validateMany and the cached validateAddress,
// in both modules. And the schema cache behind validateAddress stays exact
// and bounded with hostile schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, loadAddressCore } from '../../web/index.js';

const cores = { full: await loadCore(), address: await loadAddressCore() };

// A field for nearly every kind of problem.
const constraints = {
  a6: { usage: 'mandatory', defaultLabel: 'Straße', minLength: 2, maxLength: 5, position: 1 },
  hno: { usage: 'optional', defaultLabel: 'Number', valueType: 'freenumerical', position: 2 },
  pc: { usage: 'mandatory', defaultLabel: 'Postcode', valueRegexp: '^[A-Z][0-9]{2}$', position: 3 },
  uk: { usage: 'optional', defaultLabel: 'Choice', valueRegexp: '^(A[0-9]|BB[0-9]{2})$', position: 4 },
  free: { usage: 'optional', defaultLabel: 'Free', valueRegexp: '^[a-z ]+$', position: 5 },
  en: { usage: 'optional', defaultLabel: 'Kind', valueType: 'enumeration', possibleValues: ['x', 'y'], position: 6 },
  bad: { usage: 'optional', defaultLabel: 'Broken', valueRegexp: '(a)\\1', position: 7 },
  ahead: { usage: 'optional', defaultLabel: 'Ahead', valueRegexp: '^(?=a)a$', position: 8 },
  a1: { usage: 'optional', defaultLabel: 'Région', position: 9 },
  one: { usage: 'optional', minLength: 1, maxLength: 1, position: 10 },
};
const manual = { dialZoneSelection: 'Manual', emergencyAreaRules: { area1_pidflo: 'a1' } };
const automatic = { dialZoneSelection: 'Automatic', emergencyAreaRules: { area1_pidflo: 'a1' } };
const areas = ['ZH', 'VD', 'Genève'];
const longKey = `clé-${'é'.repeat(50)}`;
const longArea = `Saint-${'é'.repeat(70)}`;

const addresses = [
  { a6: 'Rue', pc: 'B12', dialZone: '+41' }, // valid
  { a6: 'R', hno: '1a', pc: '1', uk: 'BB1', free: 'Q', en: 'z', bad: 'x', ahead: 'b', a1: 'GE', one: 'ab', dialZone: true },
  { a6: 'Rue trop longue', hno: 12, pc: 'a', uk: 'A', a1: longArea, [longKey]: 'x', zz: 1, dialZone: 'x'.repeat(1001) },
  { a6: 'Ru\uD800', pc: ' ', en: 'x', a1: 'Genève', dialZone: '' },
  { a6: true, hno: false, pc: 'B12', dialZone: false }, // booleans are packed ('x')
  { a6: ['x'], hno: true, pc: {}, one: '1' }, // arrays and objects go as JSON
];

// The C++ texts: the JSON facade (options as text skip the compiled path).
const reference = (core, geo, address) => core.validateAddress(JSON.stringify(constraints), address,
  JSON.stringify({ geographicalConstraints: geo, geoAreas: { area1: areas } }));

for (const [name, core] of Object.entries(cores)) {
  test(`${name} core: JS-built texts equal the core's for every kind of problem`, () => {
    const kinds = new Set();
    for (const geo of [manual, automatic]) {
      const compiled = core.compileConstraints(constraints, geo);
      compiled.setGeoAreas(1, [], areas);
      const many = compiled.validateMany(addresses);
      addresses.forEach((address, i) => {
        const expected = reference(core, geo, address);
        assert.deepEqual(compiled.validate(address), expected, JSON.stringify(address));
        assert.deepEqual(many[i], expected, `validateMany[${i}]`);
        // The same texts in the same key order as the core's own JSON gave them before.
        assert.equal(JSON.stringify(compiled.validate(address)), JSON.stringify(many[i]));
        for (const problem of expected.problems) kinds.add(`${problem.code}${problem.example ? '+hint' : ''}`);
      });
      compiled.dispose();
    }
    assert.deepEqual([...kinds].sort(), ['badInput', 'constraintError', 'notAllowed', 'patternMismatch',
      'patternMismatch+hint', 'tooLong', 'tooShort', 'typeMismatch', 'unknownField', 'valueMissing']);
    // The hint that follows what was typed, the abbreviated area and key, the broken rules.
    const texts = reference(core, manual, addresses[1]).problems.map((p) => p.message).join('\n');
    assert.match(texts, /Choice does not have the expected format: BB99 \(for example BB12\)/);
    assert.match(texts, /Broken cannot be checked because its rule from the API is invalid: /);
    assert.match(texts, /Ahead cannot be checked because its rule from the API is invalid: /);
    const far = cores.full.compileConstraints(constraints, manual);
    far.setGeoAreas(1, [], areas);
    const problems = far.validate(addresses[2]).problems;
    assert.ok(problems.some((p) => p.field === longKey && p.message.startsWith(`"clé-${'é'.repeat(36)}`)), 'the key, abbreviated');
    assert.ok(problems.some((p) => p.field === 'a1' && p.message.includes('é'.repeat(40))), 'the area, abbreviated');
    far.dispose();
  });

  test(`${name} core: the cached validateAddress gives the same problems`, () => {
    for (const address of addresses) {
      const options = { geographicalConstraints: manual, geoAreas: { area1: areas } };
      assert.deepEqual(core.validateAddress(constraints, address, options), reference(core, manual, address));
      const noAreas = core.validateAddress(constraints, address, { geographicalConstraints: manual });
      const viaCompiled = core.compileConstraints(constraints, manual).validate(address);
      assert.deepEqual(noAreas, viaCompiled);
    }
  });
}

test('a half-invalid batch: each answer is the one-by-one answer', () => {
  const core = cores.full;
  const compiled = core.compileConstraints(constraints, manual);
  compiled.setGeoAreas(1, [], areas);
  const batch = Array.from({ length: 3000 }, (_, i) => ({ ...addresses[i % addresses.length], hno: String(i % 7) }));
  const many = compiled.validateMany(batch);
  assert.equal(many.length, batch.length);
  batch.forEach((address, i) => assert.deepEqual(many[i], compiled.validate(address), `address ${i}`));
  assert.ok(many.filter((r) => !r.valid).length > batch.length / 2);
  compiled.dispose();
});

test('hostile schemas: constraint errors and bounded, exact caching', () => {
  const core = cores.full;
  // Unsupported or hostile patterns are constraint errors, not failures.
  const hostile = {
    back: { usage: 'optional', valueRegexp: '(a)\\1' },
    huge: { usage: 'optional', valueRegexp: `^(${'a?'.repeat(3000)})$` },
    nest: { usage: 'optional', valueRegexp: `${'('.repeat(5000)}a${')'.repeat(5000)}` },
  };
  const address = { back: 'a', huge: 'b', nest: 'a' };
  const answer = core.validateAddress(hostile, address);
  assert.deepEqual(answer, core.validateAddress(JSON.stringify(hostile), address, '{}'));
  assert.ok(answer.problems.length >= 2 && answer.problems.every((p) => p.code === 'constraintError' || p.code === 'patternMismatch'),
    JSON.stringify(answer.problems.map((p) => p.code)));
  assert.ok(answer.problems.some((p) => p.field === 'back' && p.code === 'constraintError'));

  // A schema too big to walk each call is compared as text: still never stale.
  const big = {};
  for (let i = 0; i < 3000; i += 1) big[`f${i}`] = { usage: 'optional', valueType: 'enumeration', possibleValues: ['a', 'b', 'c', 'd', 'e', 'f'] };
  assert.equal(core.validateAddress(big, { f1: 'a' }).valid, true);
  big.f1.possibleValues[0] = 'z';
  assert.deepEqual(core.validateAddress(big, { f1: 'a' }).problems.map((p) => `${p.field}:${p.code}`), ['f1:notAllowed']);

  // Deep changes, changes of key order, values JSON leaves out: never a stale answer.
  const schema = { pc: { usage: 'mandatory', valueRegexp: '^[0-9]{4}$' }, a6: { usage: 'optional', maxLength: 3 } };
  assert.equal(core.validateAddress(schema, { pc: '1234', a6: 'abc' }).valid, true);
  schema.a6.maxLength = 2;
  assert.equal(core.validateAddress(schema, { pc: '1234', a6: 'abc' }).problems[0]?.code, 'tooLong');
  schema.pc.valueRegexp = '^[0-9]{5}$';
  assert.equal(core.validateAddress(schema, { pc: '1234' }).problems[0]?.code, 'patternMismatch');
  schema.pc.extra = undefined; // JSON leaves it out: same schema
  assert.equal(core.validateAddress(schema, { pc: '12345' }).valid, true);
  schema.a6.usage = 'mandatory';
  assert.equal(core.validateAddress(schema, { pc: '12345' }).problems[0]?.code, 'valueMissing');
  // A deep-frozen schema is never walked again, and still right.
  const frozen = Object.freeze({ pc: Object.freeze({ usage: 'mandatory' }) });
  assert.equal(core.validateAddress(frozen, {}).problems[0]?.code, 'valueMissing');
  assert.equal(core.validateAddress(frozen, { pc: 'x' }).valid, true);
  // Cycles and getters that throw say so, as before.
  const cyclic = { pc: { usage: 'mandatory' } };
  cyclic.pc.self = cyclic;
  assert.throws(() => core.validateAddress(cyclic, {}), { code: 'invalidInput', message: /^constraints cannot be converted to JSON/ });
  const trap = { get pc() { throw new Error('no'); } };
  assert.throws(() => core.validateAddress(trap, {}), { code: 'invalidInput' });
});

test('a hint that follows what was typed is worked out only when read, then kept', () => {
  const core = cores.full;
  const module = core[Symbol.for('btalk-forms.coreInstance')].module;
  const own = module.formatExample;
  let calls = 0;
  module.formatExample = (...args) => { calls += 1; return own.call(module, ...args); };
  try {
    const compiled = core.compileConstraints(constraints, manual);
    const batch = Array.from({ length: 200 }, (_, i) => ({ a6: 'Rue', pc: 'B12', uk: i % 2 ? 'BB1' : 'A', dialZone: '+41' }));
    const many = compiled.validateMany(batch);
    const one = compiled.validate({ a6: 'Rue', pc: 'B12', uk: 'BB1', dialZone: '+41' });
    assert.equal(calls, 0, 'no hint worked out while validating');
    const problem = many[1].problems[0];
    // The public shape, unread: same keys in the same order, same values, same copies.
    assert.deepEqual(Object.keys(problem), ['code', 'field', 'message', 'format', 'example', 'legend']);
    const expected = reference(core, manual, batch[1]).problems[0];
    const clone = structuredClone(many[3].problems[0]);
    assert.deepStrictEqual(clone, expected);
    assert.equal(calls, 1);
    assert.deepStrictEqual(many[5].problems[0], expected); // the same (field, typed text): remembered
    // JSON, in the key order of the eager problems (the facade's JSON orders keys by name).
    const keys = ['code', 'field', 'message', 'format', 'example', 'legend'];
    assert.equal(JSON.stringify(many[7]), JSON.stringify({ valid: false, problems: [expected] }, ['valid', 'problems', ...keys]));
    assert.equal(calls, 1);
    assert.equal(problem.message, 'Choice does not have the expected format: BB99 (for example BB12)');
    assert.equal(problem.example, 'BB12');
    // Once read, plain data properties, which the reader may change.
    assert.equal(Object.getOwnPropertyDescriptor(problem, 'message').writable, true);
    problem.legend = 'mine';
    assert.equal(problem.legend, 'mine');
    assert.equal(calls, 1);
    assert.deepStrictEqual(many[0].problems[0], reference(core, manual, batch[0]).problems[0]); // 'A': A9
    assert.equal(calls, 2);
    const fresh = many[9].problems[0];
    fresh.message = 'set before any read';
    assert.deepEqual(Object.keys(fresh), ['code', 'field', 'message', 'format', 'example', 'legend']);
    assert.equal(fresh.message, 'set before any read');
    assert.equal(fresh.example, 'BB12');
    const frozen = Object.freeze(many[11].problems[0]); // frozen unread: still answers
    assert.deepStrictEqual({ ...frozen }, expected);
    // Read after the compiled object is disposed: the same text (the core call needs no compiled object).
    compiled.dispose();
    assert.deepStrictEqual(one, reference(core, manual, { a6: 'Rue', pc: 'B12', uk: 'BB1', dialZone: '+41' }));
  } finally {
    module.formatExample = own;
  }
});

test('a typed hint whose core call fails reads as the field\'s own hint', () => {
  const core = cores.address;
  const compiled = core.compileConstraints(constraints, manual);
  const [problem] = compiled.validate({ a6: 'Rue', pc: 'B12', uk: 'A', dialZone: '+41' }).problems;
  const module = core[Symbol.for('btalk-forms.coreInstance')].module;
  const own = module.formatExample;
  module.formatExample = () => { throw new Error('gone'); };
  let read;
  try {
    read = { example: problem.example, message: problem.message };
  } finally {
    module.formatExample = own;
  }
  const unguided = core.formatExample('^(A[0-9]|BB[0-9]{2})$');
  assert.notEqual(unguided.example, core.formatExample('^(A[0-9]|BB[0-9]{2})$', 'A').example); // A1, guided
  assert.equal(read.example, unguided.example);
  assert.equal(read.message, `Choice does not have the expected format: ${unguided.format} (for example ${unguided.example})`);
  compiled.dispose();
});
