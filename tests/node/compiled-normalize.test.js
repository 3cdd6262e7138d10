// Blur normalisation through the compiled schema (compiled.normalize, the address form's path) gives
// exactly what core.normalizeAddress gives with the schema's text (the old path), on every stand-in
// country and on variants of its addresses that exercise each rule; in both wasm modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { loadAddressCore } from '../../web/address-core.js';
import { BtalkCoreError, loadCore } from '../../web/core.js';

const countriesDir = new URL('../../server/standin/data/countries/', import.meta.url);
const COUNTRIES = readdirSync(countriesDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, 2)).sort();
const country = (iso2) => JSON.parse(readFileSync(new URL(`${iso2}.json`, countriesDir), 'utf8'));

// The address core first (nothing else loaded yet), then the full one.
const cores = { address: await loadAddressCore(), full: await loadCore() };

const strip = (text) => text.normalize('NFD').replace(/\p{M}/gu, '');

/** Addresses that exercise every rule: case, accents, spaces, separators, street types, non-text values. */
function variants(data) {
  const sample = data.sampleAddress ?? {};
  const out = [sample, {}, { ...sample, zz: ' x ', n: 5, list: [1], nothing: null }];
  const mapped = (fn) => Object.fromEntries(Object.entries(sample).map(([k, v]) => [k, typeof v === 'string' ? fn(v) : v]));
  out.push(mapped((v) => `  ${v.toLowerCase()}  `));
  out.push(mapped((v) => strip(v).toUpperCase()));
  out.push(mapped((v) => v.replace(/[\s-]/g, '')));
  out.push(mapped((v) => v.split('').join(' ')));
  // A street typed with its type and direction ("Independence Avenue SE").
  if (sample.a6) out.push({ ...sample, a6: [sample.prd, sample.a6, sample.sts, sample.pod].filter(Boolean).join(' '), sts: '', pod: '', prd: '' });
  // Enumerations typed as their display, lower-cased and without accents.
  for (const [name, rule] of Object.entries(data.addressConstraints)) {
    const [first] = rule?.possibleValues ?? [];
    if (first) out.push({ ...sample, [name]: strip(String(first.display ?? first.value ?? first)).toLowerCase() });
  }
  for (const address of data.addresses ?? []) out.push(address.address ?? address);
  return out;
}

const outcome = (fn) => {
  try {
    return { value: fn() };
  } catch (error) {
    return { error: { name: error.name, code: error.code, message: error.message } };
  }
};

for (const [name, core] of Object.entries(cores)) {
  test(`${name} core: compiled.normalize equals normalizeAddress on every stand-in country`, () => {
    let compared = 0;
    const rules = new Set();
    for (const iso2 of COUNTRIES) {
      const data = country(iso2);
      const constraintsText = JSON.stringify(data.addressConstraints);
      const compiled = core.compileConstraints(data.addressConstraints, data.geographicalConstraints);
      try {
        for (const address of variants(data)) {
          const old = outcome(() => core.normalizeAddress(constraintsText, address));
          const now = outcome(() => compiled.normalize(address));
          assert.deepEqual(now, old, `${iso2} ${JSON.stringify(address)}`);
          compared += 1;
          for (const change of old.value?.changes ?? []) rules.add(change.rule);
        }
      } finally {
        compiled.dispose();
      }
    }
    assert.ok(compared > COUNTRIES.length * 8, `${compared} addresses compared`);
    assert.deepEqual([...rules].sort(), ['digits', 'enumeration', 'separator', 'street', 'upperCase', 'whitespace'],
      'the variants exercise every rule');
  });
}

test('compiled.normalize: bad input is the same structured error, and a disposed object says so', () => {
  const core = cores.full;
  const { addressConstraints } = country('GB');
  const compiled = core.compileConstraints(addressConstraints);
  for (const bad of ['[]', '{', '', 'x'.repeat(10), `{"a6": ${'['.repeat(5000)}${']'.repeat(5000)}}`, `{"a6": "${'x'.repeat(5 * 1024 * 1024)}"}`]) {
    const old = outcome(() => core.normalizeAddress(addressConstraints, bad));
    assert.ok(old.error, bad.slice(0, 20));
    assert.deepEqual(outcome(() => compiled.normalize(bad)), old, bad.slice(0, 20));
  }
  assert.deepEqual(compiled.normalize({ pc: ' sw1a  1aa' }).address, { pc: 'SW1A 1AA' });
  compiled.dispose();
  assert.throws(() => compiled.normalize({}), (error) => error instanceof BtalkCoreError && error.code === 'disposed');
});
