// btalk-forms/address-core: the smallest core that serves <btalk-address-form>, the address-only
// wasm module (dist/btalk-address-core.{js,wasm}: address form, validation, compiled constraints,
// normalisation, format hints, civic XML, and parseResponse for the address kinds + apiError).
// When the page already has the full core (loadCore() called, or the order element defined), that
// one is returned instead: never two wasm downloads on one page.
import { coreLoader, BtalkCoreError } from './core-loader/core-api.js';
import { fullCoreInUse } from './core-loader/core-choice.js';

export { BtalkCoreError };

// The glue is a dynamic import (a literal, so every bundler emits it as a chunk): a page that has the
// full core never fetches it. Its wasm is fetched in parallel with it (core-loader/core-api.js).
const load = coreLoader(
  () => import('../dist/btalk-address-core.js').then((glue) => glue.default),
  new URL('../dist/btalk-address-core.wasm', import.meta.url),
);

/**
 * Resolves to the full core when it is loading or loaded (or preferred: the order element is
 * defined), else to the address core, whose order functions (orderRequest, validateOrder, buildOrderRequest,
 * toPidfLo, formatAddress) throw BtalkCoreError 'notInAddressCore'.
 * @param {{ wasmUrl?: string|URL, moduleUrl?: string|URL, wasmBinary?: ArrayBuffer|Uint8Array }} [options]
 *   Overrides (of the address module's files) make an address core of their own.
 */
export function loadAddressCore(options = {}) {
  if (!(options.wasmUrl || options.moduleUrl || options.wasmBinary)) {
    const full = fullCoreInUse();
    if (full) return full;
  }
  return load(options);
}
