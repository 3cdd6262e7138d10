// Shared by typings.test.js and standin-typings.test.js: a TypeScript consumer project (consumer.ts and
// tsconfig.json in a folder of tests/typings) compiled with the repository's tsc, as written or misused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/** The project in `dir`, compiled: { ok, output }. */
export function compile(dir) {
  return new Promise((resolve) => {
    execFile(process.execPath, [tsc, '-p', dir], { cwd: root }, (error, stdout, stderr) => {
      resolve({ ok: !error, output: `${stdout}${stderr}` });
    });
  });
}

/**
 * The project with each [line, misuse] of `replacements` applied to its consumer.ts (each line must be
 * there), compiled in a folder of its own that is removed afterwards: { ok, output }.
 */
export async function compileMisused(project, replacements) {
  const dir = await mkdtemp(join(project, '.tmp-'));
  try {
    let source = await readFile(join(project, 'consumer.ts'), 'utf8');
    for (const [line, misuse] of replacements) {
      assert.ok(source.includes(line), `consumer.ts no longer has: ${line}`);
      source = source.replace(line, misuse);
    }
    await writeFile(join(dir, 'consumer.ts'), source);
    await writeFile(join(dir, 'tsconfig.json'), await readFile(join(project, 'tsconfig.json')));
    return await compile(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The two tests of a consumer project: it compiles under tsc --strict (test `compiles`), and it does not once
 * `misuses` turn one declared number into a string and one string into a number (test `misused`).
 */
export function consumerTests(project, { compiles, misused, misuses }) {
  test(compiles, async () => {
    const { ok, output } = await compile(project);
    assert.ok(ok, output);
  });
  test(misused, async () => {
    const { ok, output } = await compileMisused(project, misuses);
    assert.equal(ok, false);
    assert.match(output, /consumer\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
    assert.match(output, /consumer\.ts\(\d+,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
  });
}
