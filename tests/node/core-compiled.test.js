// Compile once, validate many (issue #9): core.compileConstraints and the
// schema cache behind core.validateAddress, against the real stand-in data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCore, BtalkCoreError } from '../../web/index.js';

const core = await loadCore();
const country = (iso2) => JSON.parse(readFileSync(new URL(`../../server/standin/data/countries/${iso2}.json`, import.meta.url)));
const CH = country('CH');
const FR = country('FR');
const US = country('US');
const chAddress = { ...CH.sampleAddress, dialZone: CH.dialZones[0].value };

function storeTree(compiled, list, level = 1, parents = []) {
  compiled.setGeoAreas(level, parents, list);
  for (const node of list) if (node.children) storeTree(compiled, node.children, level + 1, [...parents, node.value]);
}

// The JSON facade, uncached (options as text skip the cache): the reference answer.
const reference = (data, address, geoAreas) => core.validateAddress(JSON.stringify(data.addressConstraints), address,
  JSON.stringify({ geographicalConstraints: data.geographicalConstraints ?? null, ...(geoAreas ? { geoAreas } : {}) }));

test('compiled validate gives the JSON facade\'s answers, valid or not', () => {
  const cases = [
    [FR, FR.sampleAddress],
    [FR, { ...FR.sampleAddress, pc: '7501', hns: 'zz', flr: 'x1', extra: 1 }],
    [FR, { pc: 75015, a6: ['x'], a3: true, hno: null, a4: undefined, zz: null }],
    [US, US.sampleAddress],
    [US, { ...US.sampleAddress, a1: 'XX', unit: 'APT 1', sts: ' AVE ' }],
    [CH, chAddress],
    [CH, { ...chAddress, dialZone: '', a1: 'vd', hno: '2b2' }],
    [CH, {}],
  ];
  for (const [data, address] of cases) {
    const compiled = core.compileConstraints(data.addressConstraints, data.geographicalConstraints);
    assert.deepEqual(compiled.validate(address), reference(data, address), JSON.stringify(address));
    assert.deepEqual(compiled.validate(JSON.stringify(address)), reference(data, address), 'as JSON text');
    compiled.dispose();
  }
});

test('values JSON spells differently from JS still agree: fractions, NUL, toJSON, boxed, lone surrogates', () => {
  const compiled = core.compileConstraints(FR.addressConstraints, FR.geographicalConstraints);
  const tricky = [
    { ...FR.sampleAddress, hno: 1.5 },
    { ...FR.sampleAddress, hno: 1e21 },
    { ...FR.sampleAddress, a6: 'Rue\u0000du Bac' },
    { ...FR.sampleAddress, a6: { toJSON: () => 'Rue du Bac' } },
    { ...FR.sampleAddress, a6: new String('Rue du Bac') }, // eslint-disable-line no-new-wrappers
    { ...FR.sampleAddress, hno: NaN },
    { ...FR.sampleAddress, 'z\u0000z': 'x' },
    Object.assign(Object.create({ a6: 'inherited' }), { pc: '75015' }),
  ];
  for (const address of tricky) assert.deepEqual(compiled.validate(address), reference(FR, address));
  // A lone surrogate is a problem on its field, never a whole-document error.
  const lone = compiled.validate({ ...FR.sampleAddress, a3: 'Par\uD800is' });
  assert.equal(lone.valid, false);
  assert.deepEqual(lone.problems.map((p) => `${p.field}:${p.code}`), ['a3:badInput']);
  assert.match(lone.problems[0].message, /not valid text/);
  assert.equal(compiled.validate({ ...FR.sampleAddress, a3: 'Paris \uD83D\uDE00' }).problems[0]?.code, 'patternMismatch');
  compiled.dispose();
});

test('geo areas set once are checked along the address\'s own path', () => {
  const compiled = core.compileConstraints(CH.addressConstraints, CH.geographicalConstraints);
  assert.equal(compiled.validate({ ...chAddress, a1: 'ZZ', a3: 'Nowhere' }).valid, true, 'nothing stored: not checked');
  storeTree(compiled, CH.geoAreas);
  assert.deepEqual(compiled.validate(chAddress), { valid: true, problems: [] });
  const zurich = CH.geoAreas.find((n) => n.value === 'ZH').children[0].value;
  const wrong = compiled.validate({ ...chAddress, a3: zurich });
  assert.deepEqual(wrong.problems.map((p) => `${p.field}:${p.code}`), ['a3:notAllowed']);
  assert.equal(wrong.problems[0].message, `"${zurich}" is not a known ${CH.addressConstraints.a3.defaultLabel}`);
  assert.deepEqual(compiled.validate({ ...chAddress, a1: 'ZZ' }).problems.map((p) => p.field), ['a1']);
  // The same answers as the per-call lists validateAddress takes.
  const vd = CH.geoAreas.find((n) => n.value === 'VD');
  const lists = { area1: CH.geoAreas, area2: vd.children };
  for (const address of [chAddress, { ...chAddress, a3: zurich }]) {
    assert.deepEqual(compiled.validate(address), reference(CH, address, lists));
  }
  compiled.clearGeoAreas();
  assert.equal(compiled.validate({ ...chAddress, a3: zurich }).valid, true);
  assert.throws(() => compiled.setGeoAreas(7, [], ['x']), { name: 'BtalkCoreError', code: 'invalidInput' });
  assert.throws(() => compiled.setGeoAreas(1, ['VD'], ['x']), { code: 'invalidInput' });
  compiled.dispose();
});

test('validateMany answers each address as validate does, in one call', () => {
  const compiled = core.compileConstraints(CH.addressConstraints, CH.geographicalConstraints);
  storeTree(compiled, CH.geoAreas);
  const addresses = [];
  for (let i = 0; i < 3000; i += 1) {
    const address = { ...chAddress, hno: String(i % 50) };
    if (i % 7 === 3) address.pc = 'x';
    if (i % 11 === 5) address.a3 = 'Zürich';
    if (i % 13 === 0) address.extra = i;
    if (i === 1234) address.a6 = 'Rue\u0000x'; // goes as JSON, same answer
    addresses.push(address);
  }
  const results = compiled.validateMany(addresses);
  assert.equal(results.length, addresses.length);
  for (let i = 0; i < addresses.length; i += 1) assert.deepEqual(results[i], compiled.validate(addresses[i]), `#${i}`);
  assert.ok(results.some((r) => !r.valid) && results.some((r) => r.valid));
  assert.deepEqual(compiled.validateMany([]), []);
  assert.throws(() => compiled.validateMany('x'), { code: 'invalidInput' });
  assert.throws(() => compiled.validateMany([chAddress, '[1']), (error) => error instanceof BtalkCoreError
    && error.code === 'invalidJson' && /^addresses\[1\]: /.test(error.message));
  // Per-call lists go address by address, with the same answers.
  const lists = { geoAreas: { area1: ['VD'] } };
  assert.deepEqual(compiled.validateMany([chAddress, { ...chAddress, a1: 'ZH' }], lists).map((r) => r.valid), [true, false]);
  compiled.dispose();
});

test('a batch larger than one crossing is cut, and still answers every address', () => {
  const compiled = core.compileConstraints(FR.addressConstraints);
  const long = 'é'.repeat(30);
  const addresses = Array.from({ length: 40000 }, (_, i) => ({ ...FR.sampleAddress, addrExtInfo1: long, hno: i % 3 ? '1' : 'x' }));
  const results = compiled.validateMany(addresses);
  assert.equal(results.filter((r) => !r.valid).length, Math.ceil(40000 / 3));
  assert.deepEqual(results[39999], compiled.validate(addresses[39999]));
  compiled.dispose();
});

test('packing writes the core\'s buffer directly: mixed texts, long values, getters that validate again', () => {
  const compiled = core.compileConstraints(FR.addressConstraints, FR.geographicalConstraints);
  const cases = [
    { ...FR.sampleAddress, a6: 'Rue de l\'Église', a3: 'Saint-Étienne' }, // ASCII then UTF-8 mid-value
    { ...FR.sampleAddress, a6: '€', hno: 7 }, // a value that is all non-ASCII; a number
    { ...FR.sampleAddress, a6: 'x'.repeat(5000) }, // grows the buffer mid-record
    { ...FR.sampleAddress, a6: 'Ab\uD800c', a3: 'é\uDC00' }, // lone surrogates after ASCII and after UTF-8
    { ...FR.sampleAddress, a6: 'é\u0000x' }, // NUL after UTF-8: JSON
    { ...FR.sampleAddress, a6: undefined, extra: 'é' },
  ];
  for (const address of cases) assert.deepEqual(compiled.validate(address), reference(FR, address), JSON.stringify(address));
  assert.deepEqual(compiled.validateMany(cases), cases.map((address) => reference(FR, address)));
  // A getter that validates while the outer address is being packed must not
  // write over it: both answers stay right.
  const inner = { ...FR.sampleAddress, pc: 'x' };
  let innerAnswer = null;
  const outer = { ...FR.sampleAddress };
  Object.defineProperty(outer, 'a3', {
    enumerable: true,
    get() {
      innerAnswer = compiled.validate(inner);
      assert.deepEqual(compiled.validateMany([inner, FR.sampleAddress]).map((r) => r.valid), [false, true]);
      return FR.sampleAddress.a3;
    },
  });
  assert.deepEqual(compiled.validate(outer), { valid: true, problems: [] });
  assert.deepEqual(innerAnswer, reference(FR, inner));
  const many = compiled.validateMany([FR.sampleAddress, outer, inner]);
  assert.deepEqual(many.map((r) => r.valid), [true, true, false]);
  // A getter whose work grows the module's memory (which replaces HEAPU8)
  // while its address is half written: the record is written again.
  const heap = () => core[Symbol.for('btalk-forms.coreInstance')].module.HEAPU8.buffer;
  let grew = false;
  const grows = (field, value) => {
    const address = { ...FR.sampleAddress };
    Object.defineProperty(address, field, {
      enumerable: true,
      get() {
        const before = heap();
        assert.throws(() => compiled.validate(JSON.stringify({ a6: 'x'.repeat(1 << 24) })), BtalkCoreError);
        grew ||= heap() !== before;
        return value;
      },
    });
    return address;
  };
  const bad = { ...FR.sampleAddress, pc: '7501' };
  for (const address of [grows('hno', '6'), grows('a3', 'Paris'), grows('pc', '7501')]) {
    compiled.validate({ ...bad, a3: 'Lyon', a6: 'Rue' }); // what the buffer holds before
    assert.deepEqual(compiled.validate(address), reference(FR, address.pc === '7501' ? bad : FR.sampleAddress));
  }
  assert.deepEqual(compiled.validateMany([bad, grows('a6', 'Rue'), bad]).map((r) => r.valid), [false, true, false]);
  assert.ok(grew, 'the memory grew while an address was packed');
  compiled.dispose();
});

test('form() is the addressForm result, built once', () => {
  const compiled = core.compileConstraints(CH.addressConstraints, CH.geographicalConstraints);
  const form = compiled.form();
  assert.deepEqual(form, core.addressForm(CH.addressConstraints, CH.geographicalConstraints));
  form.fields.length = 0; // the caller's copy
  assert.ok(compiled.form().fields.length > 0);
  assert.deepEqual(compiled.fields, compiled.form().fields.map((f) => f.name));
  compiled.dispose();
});

test('use after dispose is a clear BtalkCoreError; dispose is idempotent and Symbol.dispose works', () => {
  const compiled = core.compileConstraints(FR.addressConstraints);
  assert.equal(compiled.disposed, false);
  compiled.dispose();
  compiled.dispose();
  assert.equal(compiled.disposed, true);
  for (const use of [() => compiled.validate(FR.sampleAddress), () => compiled.validateMany([]), () => compiled.form(),
    () => compiled.setGeoAreas(1, [], []), () => compiled.fields]) {
    assert.throws(use, (error) => error instanceof BtalkCoreError && error.code === 'disposed'
      && /compileConstraints\(\)/.test(error.message));
  }
  const other = core.compileConstraints(FR.addressConstraints);
  const dispose = other[Symbol.dispose ?? Symbol.for('Symbol.dispose')];
  assert.equal(typeof dispose, 'function');
  dispose();
  assert.equal(other.disposed, true);
  // The core is still fine.
  assert.equal(core.compileConstraints(FR.addressConstraints).validate(FR.sampleAddress).valid, true);
});

test('compile errors are BtalkCoreErrors naming the document', () => {
  assert.throws(() => core.compileConstraints('{'), { name: 'BtalkCoreError', code: 'invalidJson', message: /^Address constraints: / });
  assert.throws(() => core.compileConstraints({}, '[1]'), { code: 'invalidDocument', message: /^Geographical constraints: / });
  assert.throws(() => core.compileConstraints(FR.addressConstraints).validate('{"a"'), { code: 'invalidJson', message: /^Address: / });
});

test('many compiled objects can be made and released (the handle table reuses slots)', () => {
  for (let i = 0; i < 6000; i += 1) core.compileConstraints({ pc: { usage: 'mandatory' } }).dispose();
  const live = core.compileConstraints({ pc: { usage: 'mandatory' } });
  assert.equal(live.validate({}).problems[0].code, 'valueMissing');
  live.dispose();
});

test('validateAddress caches compiled schemas but is never stale after a mutation', () => {
  const constraints = structuredClone(FR.addressConstraints);
  const address = { ...FR.sampleAddress, a6: 'A'.repeat(30) };
  assert.equal(core.validateAddress(constraints, address).valid, true);
  constraints.a6.maxLength = 10; // the caller edits the same object
  assert.deepEqual(core.validateAddress(constraints, address).problems.map((p) => `${p.field}:${p.code}`), ['a6:tooLong']);
  delete constraints.a6;
  assert.deepEqual(core.validateAddress(constraints, address).problems.map((p) => p.code), ['unknownField']);
  const geo = structuredClone(CH.geographicalConstraints);
  assert.equal(core.validateAddress(CH.addressConstraints, chAddress, { geographicalConstraints: geo }).valid, true);
  geo.dialZoneSelection = 'automatic';
  assert.deepEqual(core.validateAddress(CH.addressConstraints, chAddress, { geographicalConstraints: geo }).problems
    .map((p) => `${p.field}:${p.code}`), ['dialZone:notAllowed']);
  // Lists of { value, display } objects (walked by their own fast path): every change is seen.
  const listed = { sts: { usage: 'optional', valueType: 'enumeration', possibleValues: [
    { value: 'ST', display: 'Street' }, { value: 'AV', display: 'Avenue' }] } };
  const asText = () => core.validateAddress(JSON.stringify(listed), { sts: 'AV' }, '{}'); // the JSON facade: no cache
  const check = (what) => assert.deepEqual(core.validateAddress(listed, { sts: 'AV' }), asText(), what);
  check('as given');
  assert.equal(asText().valid, true);
  listed.sts.possibleValues[1].value = 'AVE';
  check('a value changed');
  assert.equal(asText().valid, false);
  listed.sts.possibleValues[1] = { value: 'AV', display: 'Avenue' };
  check('back');
  listed.sts.possibleValues[1] = Object.create({ value: 'AV', display: 'Avenue' }); // inherited keys: JSON writes {}
  check('an item whose keys are inherited');
  assert.equal(asText().valid, false);
  listed.sts.possibleValues[1] = { value: 'AV', display: 'Avenue' };
  listed.sts.possibleValues[1] = Object.assign(['AV'], { value: 'AV', display: 'Avenue' }); // JSON writes ["AV"]
  check('an array with the same keys');
  listed.sts.possibleValues[1] = { display: 'Avenue', value: 'AV' };
  check('the keys in another order');
  listed.sts.possibleValues[1] = { value: 'AV', display: { text: 'Avenue' } };
  check('a nested object');
  listed.sts.possibleValues[1] = { value: 'AV', display: 'Avenue', toJSON: () => 'AX' };
  check('toJSON');
  // More schemas than the cache holds, then the first again: still right.
  for (let n = 1; n <= 12; n += 1) {
    const schema = { pc: { usage: 'mandatory', minLength: n } };
    assert.equal(core.validateAddress(schema, { pc: 'x'.repeat(n) }).valid, true);
    assert.equal(core.validateAddress(schema, { pc: 'x'.repeat(n - 1) }).valid, false);
  }
  // Errors keep the exact wording of before.
  assert.throws(() => core.validateAddress('{', {}), { code: 'invalidJson', message: /^Address constraints: / });
  assert.throws(() => core.validateAddress({}, {}, { geographicalConstraints: '[' }), { message: /^Validation options: / });
  assert.throws(() => core.validateAddress({}, {}, { geoAreas: [] }), { message: /^Validation options: / });
  assert.throws(() => core.validateAddress({}, '[]'), { code: 'invalidDocument', message: /^Address: / });
});
