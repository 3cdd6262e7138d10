// Loads the full wasm core once and exposes it as plain JS functions (see core-loader/core-api.js).
// The address form alone needs less: web/address-core.js (loadAddressCore) loads the address-only
// module, or this one when a page already has it.
import { coreLoader, BtalkCoreError } from './core-loader/core-api.js';
import { noteFullCore } from './core-loader/core-choice.js';
import { orderApi } from './core-loader/core-order.js';

// How the glue and the wasm are found (see README "Toolchains"):
// - the glue is a static import, so every bundler bundles it and the page makes no extra module round trip;
// - the wasm is `new URL('…wasm', import.meta.url)`, the pattern Vite, webpack 5, Rollup and Parcel turn into an
//   emitted asset with no configuration (esbuild users copy the file or pass `wasmUrl`);
// - a file: URL (Node, Vitest/Jest with happy-dom or jsdom, Node workers; told by process.versions.node, not by
//   window) is read from disk through process.getBuiltinModule: a run-time look-up, so no bundler ever meets a
//   `node:` import, and the raw modules still load in a browser with no bundler and no import map;
// - `loadCore({ wasmBinary | wasmUrl })` always wins.
import createModule from '../dist/btalk-core.js';

export { BtalkCoreError };

const load = coreLoader(async () => createModule, new URL('../dist/btalk-core.wasm', import.meta.url), orderApi);

/**
 * Instantiates the wasm module (once) and resolves to the core API.
 * @param {{ wasmUrl?: string|URL, moduleUrl?: string|URL, wasmBinary?: ArrayBuffer|Uint8Array }} [options]
 *   Overrides for bundlers or CDNs that move the files; Node needs none.
 */
export function loadCore(options = {}) {
  const promise = load(options);
  // The shared instance serves loadAddressCore() too, once it is loading: one wasm per page.
  if (promise === load.current()) noteFullCore(load.current);
  return promise;
}
