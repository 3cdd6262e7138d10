// <btalk-site-import> through esbuild, as a front-end team bundles it: Papa Parse (which ships
// no ES module) ends up in a chunk of its own, loaded only when a file is read, and none of the
// other elements' entries pulls it in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
let esbuild = null;
try {
  esbuild = await import('esbuild');
} catch {
  esbuild = null;
}
const PAPA = 'BAD_DELIMITERS'; // a name only Papa Parse's code holds

async function bundle(entry, outdir) {
  await esbuild.build({
    entryPoints: [join(root, entry)], bundle: true, splitting: true, format: 'esm', platform: 'browser',
    outdir, logLevel: 'silent', external: ['node:*'],
  });
  const files = {};
  for (const name of await readdir(outdir)) files[name] = await readFile(join(outdir, name), 'utf8');
  return files;
}

test('esbuild puts Papa Parse in its own lazily loaded chunk', { skip: !esbuild && 'esbuild is not installed' }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'btalk-import-bundle-'));
  try {
    const files = await bundle('web/components/site-import/site-import.js', dir);
    const entry = files['site-import.js'];
    assert.ok(entry, Object.keys(files).join(', '));
    assert.equal(entry.includes(PAPA), false, 'the entry chunk does not hold Papa Parse');
    const papaChunks = Object.entries(files).filter(([, text]) => text.includes(PAPA)).map(([name]) => name);
    assert.equal(papaChunks.length, 1);
    assert.match(entry, new RegExp(`import\\(\\s*["']\\./${papaChunks[0].replace('.', '\\.')}["']\\s*\\)`), 'loaded by a dynamic import');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the other elements never bundle Papa Parse', { skip: !esbuild && 'esbuild is not installed' }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'btalk-elements-bundle-'));
  try {
    const files = await bundle('web/elements/index.js', dir);
    assert.equal(Object.values(files).some((text) => text.includes(PAPA)), false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
