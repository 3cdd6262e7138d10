#!/usr/bin/env node
// Prints what the browser pays per keystroke: the wasm core validating a whole
// address (and building a form) for real country schemas of the stand-in.
// Figures only: no assertion on time.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadCore } from '../web/index.js';

// --dist DIR measures another build of the module (e.g. build/size-probe/Os).
const distIndex = process.argv.indexOf('--dist');
const dist = distIndex > 0 ? new URL(`${process.argv[distIndex + 1].replace(/\/?$/, '/')}`, `file://${process.cwd()}/`) : null;
const started = performance.now();
const core = await loadCore(dist ? { moduleUrl: new URL('btalk-core.js', dist), wasmUrl: new URL('btalk-core.wasm', dist) } : {});
const loadMs = performance.now() - started;

const country = (iso2) => JSON.parse(readFileSync(new URL(`../examples/standin/data/countries/${iso2}.json`, import.meta.url)));
const time = (fn, minMs = 300) => {
  let runs = 0;
  const t0 = performance.now();
  do { fn(); runs += 1; } while (performance.now() - t0 < minMs);
  return ((performance.now() - t0) * 1000) / runs;
};

console.log(`loadCore() in Node: ${loadMs.toFixed(1)} ms (compile + instantiate)`);
console.log('country  fields  validateAddress µs/call  addressForm µs/call  (as text µs/call)');
for (const iso2 of ['FR', 'CH', 'US', 'GB', 'PT']) {
  const data = country(iso2);
  const constraints = data.addressConstraints;
  const geo = data.geographicalConstraints;
  const address = { ...data.sampleAddress };
  if (geo?.dialZoneSelection === 'manual') address.dialZone = data.dialZones?.[0]?.value ?? '+00';
  const constraintsText = JSON.stringify(constraints);
  const addressText = JSON.stringify(address);
  const options = { geographicalConstraints: geo };
  const result = core.validateAddress(constraints, address, options);
  if (!result.valid) throw new Error(`${iso2} sample is not valid: ${JSON.stringify(result.problems)}`);
  const validate = time(() => core.validateAddress(constraints, address, options));
  const form = time(() => core.addressForm(constraints, geo));
  const validateText = time(() => core.validateAddress(constraintsText, addressText, options));
  console.log(`${iso2.padEnd(7)}  ${String(Object.keys(constraints).length).padStart(6)}  ${validate.toFixed(1).padStart(23)}  ${form.toFixed(1).padStart(19)}  ${validateText.toFixed(1).padStart(17)}`);
}
