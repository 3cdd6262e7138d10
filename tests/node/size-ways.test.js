// scripts/size-ways.js measures the address form alone the same way whatever the current folder: the
// address-only core (its glue chunk fetched one wave after the bundle), never the full one. Run from a folder
// that shares a parent with the scratch folder (the OS's temporary folder, as a clone under /tmp does), it
// used to resolve esbuild's output paths wrongly, miss the bundle's imports and report 1 wave with the full core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/size-ways.js', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

/** The address-form way as measured from `cwd`. */
function addressForm(cwd) {
  const code = `const { measureWays } = await import(${JSON.stringify(script)});
    const way = (await measureWays()).find((w) => w.way === 'address-form');
    console.log(JSON.stringify({ core: way.core, waves: way.waves, files: way.rows.map((r) => r.name), gzip: way.total.gzip }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd, encoding: 'utf8' }));
}

test('the address form alone is measured with the address core, in 2 waves, from any folder', () => {
  const fromRoot = addressForm(root);
  const fromTmp = addressForm(tmpdir());
  for (const way of [fromRoot, fromTmp]) {
    assert.equal(way.core, 'btalk-address-core');
    assert.equal(way.waves, 2);
    assert.ok(way.files.includes('dist/btalk-address-core.wasm'), way.files.join(', '));
    assert.ok(way.files.some((name) => /^bundle\/btalk-address-core-\w+\.js$/.test(name)), way.files.join(', '));
  }
  assert.deepEqual(fromTmp, fromRoot);
});
