import type { BtalkCore, LoadCoreOptions } from './core.js';

export { BtalkCoreError } from './core.js';

/**
 * The smallest core that serves <btalk-address-form>: the full core when the page has it (loading
 * or loaded, or the order element defined), else the address-only module (its own wasm). With an
 * override, an address core of its own from those files.
 */
export function loadAddressCore(options?: LoadCoreOptions): Promise<BtalkCore>;
