// btalk-forms/standin's typings (server/standin/index.d.ts) describe the
// library as a portal's tests use it: tsc --strict accepts
// tests/typings/standin/consumer.ts and rejects a misuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const project = join(root, 'tests', 'typings', 'standin');

function compile(dir) {
  return new Promise((resolve) => {
    execFile(process.execPath, [tsc, '-p', dir], { cwd: root }, (error, stdout, stderr) => {
      resolve({ ok: !error, output: `${stdout}${stderr}` });
    });
  });
}

test('a strict TypeScript consumer of btalk-forms/standin compiles', async () => {
  const { ok, output } = await compile(project);
  assert.ok(ok, output);
});

test('misusing a stand-in type is a compile error', async () => {
  const dir = await mkdtemp(join(project, '.tmp-'));
  try {
    const source = await readFile(join(project, 'consumer.ts'), 'utf8');
    await writeFile(join(dir, 'consumer.ts'), source
      .replace('const status: number = response.status;', 'const status: string = response.status;')
      .replace("faults: { failRate: 0.1, seed: 1 }", "faults: { failRate: '0.1', seed: 1 }"));
    await writeFile(join(dir, 'tsconfig.json'), await readFile(join(project, 'tsconfig.json')));
    const { ok, output } = await compile(dir);
    assert.equal(ok, false);
    assert.match(output, /consumer\.ts\(\d+,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
    assert.match(output, /consumer\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
