// The hand-written TypeScript declarations (Emscripten 3.1.6 cannot emit them)
// must describe the public API as a consumer uses it: tsc --strict must accept
// tests/typings/consumer.ts, and must reject a consumer that misuses a type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { compile, compileMisused } from './typescript-consumer.js';

const typings = fileURLToPath(new URL('../typings', import.meta.url));

test('a strict TypeScript consumer of btalk-forms and btalk-forms/elements compiles', async () => {
  const { ok, output } = await compile(typings);
  assert.ok(ok, output);
});

test('the declarations are not `any`: misusing a type is a compile error', async () => {
  const { ok, output } = await compileMisused(typings, [
    ['const version: string = core.version;', 'const version: number = core.version;'],
    ['const status: number = error.status;', 'const status: string = error.status;'],
  ]);
  assert.equal(ok, false);
  assert.match(output, /consumer\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
  assert.match(output, /consumer\.ts\(\d+,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
});
