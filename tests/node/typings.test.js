// The hand-written TypeScript declarations (Emscripten 3.1.6 cannot emit them)
// must describe the public API as a consumer uses it: tsc --strict must accept
// tests/typings/consumer.ts, and must reject a consumer that misuses a type.
import { fileURLToPath } from 'node:url';
import { consumerTests } from './typescript-consumer.js';

consumerTests(fileURLToPath(new URL('../typings', import.meta.url)), {
  compiles: 'a strict TypeScript consumer of btalk-forms and btalk-forms/elements compiles',
  misused: 'the declarations are not `any`: misusing a type is a compile error',
  misuses: [
    ['const version: string = core.version;', 'const version: number = core.version;'],
    ['const status: number = error.status;', 'const status: string = error.status;'],
  ],
});
