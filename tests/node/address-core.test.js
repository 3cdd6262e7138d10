// The address-only wasm module (dist/btalk-address-core.*, loadAddressCore()): what the address form
// calls answers exactly as the full core does on every stand-in country; what it leaves out says so;
// and once the full core is loaded, loadAddressCore() hands out that one (one wasm per page).
// BTALK_CORE_DIR (ctest in build/wasm) points the test at another build's glue + wasm files.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadAddressCore } from '../../web/address-core.js';
import { BtalkCoreError, loadCore } from '../../web/core.js';

const dir = process.env.BTALK_CORE_DIR ? pathToFileURL(`${process.env.BTALK_CORE_DIR}/`) : null;
// build/wasm says "type": "commonjs" (for the test runner's glue): its ES module glues are read as .mjs copies.
const scratch = dir ? mkdtempSync(join(tmpdir(), 'btalk-address-core-')) : null;
const files = (name) => {
  if (!dir) return {};
  const glue = join(scratch, `${name}.mjs`);
  copyFileSync(new URL(`${name}.js`, dir), glue);
  return { moduleUrl: pathToFileURL(glue), wasmUrl: new URL(`${name}.wasm`, dir) };
};
if (scratch) after(() => rmSync(scratch, { recursive: true, force: true }));
const countriesDir = new URL('../../server/standin/data/countries/', import.meta.url);
const COUNTRIES = readdirSync(countriesDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, 2)).sort();
const country = (iso2) => JSON.parse(readFileSync(new URL(`${iso2}.json`, countriesDir), 'utf8'));

// Alone (nothing else loaded a core in this process): the address module.
const address = await loadAddressCore(files('btalk-address-core'));
const full = await loadCore(files('btalk-core'));

/** The outcome of one call: its value, or the error's code and message. */
const outcome = (fn) => {
  try {
    return { value: fn() };
  } catch (error) {
    return { error: { name: error.name, code: error.code, message: error.message, problems: error.problems } };
  }
};

/** Every address-form call, on one country's documents. */
function addressCalls(core, data) {
  const { addressConstraints: constraints, geographicalConstraints: geo } = data;
  const sample = data.sampleAddress ?? {};
  const compiled = outcome(() => core.compileConstraints(constraints, geo));
  const compiledRuns = compiled.value ? {
    fields: compiled.value.fields,
    form: compiled.value.form(),
    sample: compiled.value.validate(sample),
    empty: compiled.value.validate({}),
    many: compiled.value.validateMany([sample, {}, { pc: 'x'.repeat(300) }]),
  } : compiled;
  compiled.value?.dispose();
  const patterns = Object.values(constraints).map((c) => c?.valueRegexp).filter((p) => typeof p === 'string');
  return {
    form: outcome(() => core.addressForm(constraints, geo)),
    compiled: compiledRuns,
    validSample: outcome(() => core.validateAddress(constraints, sample, { geographicalConstraints: geo })),
    validEmpty: outcome(() => core.validateAddress(constraints, {})),
    normalized: outcome(() => core.normalizeAddress(constraints, sample)),
    examples: patterns.map((p) => outcome(() => core.formatExample(p))),
    civic: outcome(() => core.toCivicAddressXml(sample, { country: data.iso2, lang: 'en' })),
    country: outcome(() => core.parseResponse('country', JSON.stringify(data))),
    candidates: outcome(() => core.parseResponse('addressCandidates', JSON.stringify(data.addresses ?? []))),
  };
}

test('the address core loads alone: variant "address", the same version as the full core', () => {
  assert.equal(address.variant, 'address');
  assert.equal(full.variant, 'full');
  assert.notEqual(address, full);
  assert.equal(address.version, full.version);
});

test(`the address API answers identically to the full core on the ${COUNTRIES.length} stand-in countries`, () => {
  assert.ok(COUNTRIES.length >= 30);
  for (const iso2 of COUNTRIES) {
    const data = country(iso2);
    const mine = addressCalls(address, data);
    assert.ok(mine.form.value?.fields.length > 0, `${iso2}: a form`);
    assert.deepEqual(mine, addressCalls(full, data), iso2);
  }
});

test('parseResponse: the address kinds as the full core reads them, the others refused by name', () => {
  const bodies = {
    geoAreas: '["A", {"value": "B", "display": "Bee"}]',
    dialZones: '{"dialZones": [{"value": "01"}]}',
    parishes: '[{"value": "P"}]',
    postalCodes: '[{"value": "1000-001", "address": {"pc": "1000-001", "a1": "Lisboa"}}]',
    addressCandidates: '{"addresses": [{"id": 1, "label": "x", "address": {"a6": "Rue"}}]}',
    apiError: '<html>Bad Gateway</html>',
    country: '{"name": 1}',
  };
  for (const [kind, body] of Object.entries(bodies)) {
    assert.deepEqual(outcome(() => address.parseResponse(kind, body)), outcome(() => full.parseResponse(kind, body)), kind);
  }
  for (const kind of ['me', 'customers', 'vpns', 'countries', 'orderResponse', 'voicesites']) {
    assert.throws(() => address.parseResponse(kind, '{}'), (error) => error instanceof BtalkCoreError
      && error.code === 'notInAddressCore' && /not parsed by the address core.*loadCore\(\)/.test(error.message));
    assert.doesNotThrow(() => outcome(() => full.parseResponse(kind, '{}')));
  }
  assert.equal(outcome(() => address.parseResponse('weather', '{}')).error.code, 'unknownKind');
});

test('the order functions are absent from the address core, with an error that says where they are', () => {
  const order = { customerOrderReference: 'R1', technicalSiteName: 'S', customerSiteLabel: 'L', country: 'FR', vpnId: '1' };
  const calls = {
    orderRequest: () => address.orderRequest(order),
    validateOrder: () => address.validateOrder(order),
    buildOrderRequest: () => address.buildOrderRequest(order),
    toPidfLo: () => address.toPidfLo({ a1: 'x' }, { entity: 'pres:a@example.com', country: 'FR' }),
    formatAddress: () => address.formatAddress({ a1: 'x' }, { country: 'FR' }),
  };
  for (const [name, call] of Object.entries(calls)) {
    assert.throws(call, (error) => error instanceof BtalkCoreError && error.code === 'notInAddressCore'
      && error.message.startsWith(`${name}() is not in the address core`) && /loadCore\(\)/.test(error.message), name);
  }
  // The underlying functions are not in the module at all (the linker dropped them).
  const module = address[Symbol.for('btalk-forms.coreInstance')].module;
  for (const fn of ['orderRequest', 'validateOrder', 'buildOrderRequest', 'pidfLo', 'formatAddress']) assert.equal(module[fn], undefined, fn);
  assert.equal(full.validateOrder(order).valid, true);
});

test('abort recovery works for the address core: a broken instance is replaced on the next call', () => {
  const instance = address[Symbol.for('btalk-forms.coreInstance')];
  const schema = country('FR').addressConstraints;
  const compiled = address.compileConstraints(schema);
  const before = compiled.validate({}).problems;
  const broken = instance.module;
  const generation = instance.generation;
  broken.HEAPU8.fill(0xff);
  assert.throws(() => address.addressForm(schema), (error) => error instanceof BtalkCoreError && error.code === 'internal');
  assert.deepEqual(address.validateAddress(schema, {}).problems, before);
  assert.deepEqual(compiled.validate({}).problems, before, 'compiled objects compile again in the new instance');
  assert.equal(instance.generation, generation + 1);
  assert.notEqual(instance.module, broken);
  assert.equal(instance.module.orderRequest, undefined, 'the fresh instance is the address module again');
});

test('a compiled object keeps one list per level and parents for its replay: choosing again does not pile copies up', () => {
  const instance = address[Symbol.for('btalk-forms.coreInstance')];
  const CH = country('CH');
  const compiled = address.compileConstraints(CH.addressConstraints, CH.geographicalConstraints);
  const cantons = CH.geoAreas.map((area) => area.value);
  for (let i = 0; i < 50; i += 1) compiled.setGeoAreas(1, [], cantons);
  compiled.setGeoAreas(2, [cantons[0]], ['A']);
  compiled.setGeoAreas(2, [cantons[1]], ['B']);
  compiled.setGeoAreas(2, [cantons[0]], ['C']);
  instance.module.HEAPU8.fill(0xff); // the next call replaces the instance; the object compiles again and replays
  assert.throws(() => address.addressForm(CH.addressConstraints), (error) => error.code === 'internal');
  const replayed = [];
  const setAreas = instance.module.compiledSetGeoAreas;
  instance.module.compiledSetGeoAreas = (...args) => { replayed.push([args[1], args[2], args[3]]); return setAreas(...args); };
  compiled.validate({});
  assert.deepEqual(replayed.map(([level, parents, values]) => [level, JSON.parse(parents), JSON.parse(values).length]),
    [[1, [], cantons.length], [2, [cantons[0]], 1], [2, [cantons[1]], 1]]);
  assert.deepEqual(JSON.parse(replayed[1][2]), ['C'], 'the list set last for those parents');
  compiled.dispose();
});

test('loadAddressCore() hands out the full core once it is loading or loaded; overrides make their own', async () => {
  if (dir) {
    // ctest: the default files are dist/'s; the shared instances are not under test here.
    assert.equal((await loadAddressCore(files('btalk-address-core'))).variant, 'address');
    return;
  }
  const shared = await loadCore();
  assert.equal(await loadAddressCore(), shared);
  const bytes = readFileSync(new URL('../../dist/btalk-address-core.wasm', import.meta.url));
  const own = await loadAddressCore({ wasmBinary: bytes });
  assert.equal(own.variant, 'address');
  assert.notEqual(own, shared);
  assert.equal(own.addressForm(country('FR').addressConstraints).fields.length > 0, true);
  await assert.rejects(loadAddressCore({ wasmUrl: new URL('../../dist/missing.wasm', import.meta.url) }),
    (error) => error instanceof BtalkCoreError && error.code === 'loadFailed');
});
