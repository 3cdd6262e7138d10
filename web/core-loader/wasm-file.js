// Reads the wasm from disk in Node-like runtimes (Node >= 20.16, Deno, Bun: process.getBuiltinModule), for
// Node, SSR and test runners that emulate a DOM. No `node:` import: browser bundlers have nothing to resolve,
// and a browser loading the raw modules never comes here (its wasm URL is http(s), fetched by the glue).

/** Reads the wasm at a file: URL, where the runtime has a file system. */
export async function readWasmFile(url) {
  const fs = globalThis.process?.getBuiltinModule?.('node:fs/promises');
  if (!fs) throw new Error(`${url} is a file and this runtime cannot read files: pass loadCore({ wasmBinary }) or a wasmUrl`);
  return fs.readFile(url);
}
