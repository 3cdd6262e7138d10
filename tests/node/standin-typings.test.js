// btalk-forms/standin's typings (server/standin/index.d.ts) describe the
// library as a portal's tests use it: tsc --strict accepts
// tests/typings/standin/consumer.ts and rejects a misuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { compile, compileMisused } from './typescript-consumer.js';

const project = fileURLToPath(new URL('../typings/standin', import.meta.url));

test('a strict TypeScript consumer of btalk-forms/standin compiles', async () => {
  const { ok, output } = await compile(project);
  assert.ok(ok, output);
});

test('misusing a stand-in type is a compile error', async () => {
  const { ok, output } = await compileMisused(project, [
    ['const status: number = response.status;', 'const status: string = response.status;'],
    ["faults: { failRate: 0.1, seed: 1 }", "faults: { failRate: '0.1', seed: 1 }"],
  ]);
  assert.equal(ok, false);
  assert.match(output, /consumer\.ts\(\d+,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
  assert.match(output, /consumer\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
});
