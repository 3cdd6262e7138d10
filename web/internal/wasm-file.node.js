// '#wasm-file' under the `node` condition (Node, SSR, Vitest/Jest): reads the wasm from disk.
import { readFile } from 'node:fs/promises';

/** Reads the wasm at a file: URL. */
export function readWasmFile(url) {
  return readFile(url);
}
