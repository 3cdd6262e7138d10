// '#wasm-file' for browsers and bundlers: no `node:` import, so no bundler ever tries to resolve one.
// A Node-like runtime that picked this file anyway (a test runner resolving with browser conditions)
// still has process.getBuiltinModule (Node >= 20.16, Deno, Bun): a run-time look-up no bundler follows.

/** Reads the wasm at a file: URL, where the runtime has a file system. */
export async function readWasmFile(url) {
  const fs = globalThis.process?.getBuiltinModule?.('node:fs/promises');
  if (!fs) throw new Error(`${url} is a file and this runtime cannot read files: pass loadCore({ wasmBinary }) or a wasmUrl`);
  return fs.readFile(url);
}
