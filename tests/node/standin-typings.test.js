// btalk-forms/standin's typings (server/standin/index.d.ts) describe the
// library as a portal's tests use it: tsc --strict accepts
// tests/typings/standin/consumer.ts and rejects a misuse.
import { fileURLToPath } from 'node:url';
import { consumerTests } from './typescript-consumer.js';

consumerTests(fileURLToPath(new URL('../typings/standin', import.meta.url)), {
  compiles: 'a strict TypeScript consumer of btalk-forms/standin compiles',
  misused: 'misusing a stand-in type is a compile error',
  misuses: [
    ['const status: number = response.status;', 'const status: string = response.status;'],
    ["faults: { failRate: 0.1, seed: 1 }", "faults: { failRate: '0.1', seed: 1 }"],
  ],
});
