// BUNDLED_DATA_DIR and loadDataDir (btalk-forms/standin/node): the installed package ships only the generated
// data modules (server/standin/data/modules/), not the JSON they are made from; loadDataDir reads that folder
// as it reads the JSON sources, and a broken module says which file. (The consumer matrix reads BUNDLED_DATA_DIR
// from the installed tarball.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_DATA_DIR, loadDataDir } from '../../server/standin/server.js';

const sources = fileURLToPath(new URL('../../server/standin/data/', import.meta.url));
const modules = join(sources, 'modules');

test('in a checkout, BUNDLED_DATA_DIR is the JSON sources', () => {
  assert.equal(join(BUNDLED_DATA_DIR, '/'), sources);
});

test('loadDataDir reads the generated modules folder (what the package ships) as it reads the JSON', () => {
  const fromJson = loadDataDir(sources);
  const fromModules = loadDataDir(modules);
  assert.ok(fromModules.countries.size > 30 && fromModules.countries.get('FR').name === 'France');
  assert.deepEqual(fromModules, fromJson);
});

test('a data module that is not `export default <JSON>;` is refused by name', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'btalk-standin-modules-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await copyFile(join(modules, 'customers.js'), join(dir, 'customers.js'));
  await writeFile(join(dir, 'FR.js'), "export default { iso2: 'FR' };\n");
  assert.throws(() => loadDataDir(dir), new RegExp(`${join(dir, 'FR.js')} is not valid JSON`));
  await writeFile(join(dir, 'FR.js'), 'export const FR = {};\n');
  assert.throws(() => loadDataDir(dir), /FR\.js is not a generated data module/);
});
