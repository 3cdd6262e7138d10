// The hand-written TypeScript declarations (Emscripten 3.1.6 cannot emit them)
// must describe the public API as a consumer uses it: tsc --strict must accept
// tests/typings/consumer.ts, and must reject a consumer that misuses a type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const typings = join(root, 'tests', 'typings');

async function compile(project) {
  try {
    await run(process.execPath, [tsc, '-p', project], { cwd: root });
    return { ok: true, output: '' };
  } catch (error) {
    return { ok: false, output: `${error.stdout}${error.stderr}` };
  }
}

test('a strict TypeScript consumer of btalk-forms and btalk-forms/elements compiles', async () => {
  const { ok, output } = await compile(typings);
  assert.ok(ok, output);
});

test('the declarations are not `any`: misusing a type is a compile error', async () => {
  const dir = await mkdtemp(join(typings, '.tmp-'));
  try {
    const source = await readFile(join(typings, 'consumer.ts'), 'utf8');
    const broken = source
      .replace('const version: string = core.version;', 'const version: number = core.version;')
      .replace("const status: number = error.status;", 'const status: string = error.status;');
    await writeFile(join(dir, 'consumer.ts'), broken);
    const config = JSON.parse(await readFile(join(typings, 'tsconfig.json'), 'utf8'));
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(config));
    const { ok, output } = await compile(dir);
    assert.equal(ok, false);
    assert.match(output, /consumer\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
    assert.match(output, /consumer\.ts\(\d+,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
