// The core API over one Emscripten module, shared by web/core.js (the full module) and
// web/address-core.js (the address-only one): loading (with the wasmUrl / wasmBinary / moduleUrl
// overrides and abort recovery), the {ok}/{error} envelope, and compiled constraints.
// The core speaks JSON text (see core/include/btalk/facade.h): this module turns objects into
// text, unwraps the envelope, and throws BtalkCoreError.
import { CoreInstance, compileAndKeep, instantiateNow } from './core-instance.js';
import { describeBytes, fetchWasm, isWasm, readWasmFile } from './wasm-file.js';
import { BtalkCoreError, toText, unwrap } from './core-envelope.js';
import { compiledApi, normalizedAddress } from './core-compiled.js';

export { BtalkCoreError };

const isNode = !!globalThis.process?.versions?.node;

// Each loaded Emscripten module -> how to make a fresh one synchronously (see core-instance.js).
const restarts = new WeakMap();

/**
 * A loadCore()-like function for one module: the default files are instantiated once and shared
 * (a failed load may be retried); overridden files make an instance of their own.
 * `loader.current()` is the shared promise, or null when nothing is loading or loaded.
 * @param {() => Promise<Function>} glue resolves to the Emscripten glue's factory (a static import, or a
 *   dynamic one that loads the glue only when this core is really used)
 * @param {URL} wasmUrl where the default .wasm is
 * @param {((call: Function) => object)|null} [orderApi] the order, PIDF-LO and postal-line methods
 *   (core-loader/core-order.js; web/core.js passes them, so the address form's bundle holds none of them)
 */
export function coreLoader(glue, wasmUrl, orderApi = null) {
  let corePromise = null;
  const make = (module) => wrap(module, orderApi);
  const load = (options = {}) => {
    if (options.wasmUrl || options.moduleUrl || options.wasmBinary) {
      return instantiate(glue, wasmUrl, options).then(make);
    }
    if (!corePromise) {
      const promise = instantiate(glue, wasmUrl, options).then(make);
      corePromise = promise;
      // A failed load (missing file, offline) may be retried later.
      promise.catch(() => { if (corePromise === promise) corePromise = null; });
    }
    return corePromise;
  };
  load.current = () => corePromise;
  return load;
}

/** The wasm's URL, resolved against the page for a relative `wasmUrl`. */
function wasmLocation(wasmUrl, override) {
  if (!override) return wasmUrl;
  return new URL(String(override), globalThis.location?.href ?? wasmUrl);
}

/** Starts getting the .wasm bytes at once (in parallel with the glue), as a promise; they are checked to be wasm. */
function wasmBytes(wasmUrl, options) {
  if (options.wasmBinary) return Promise.resolve(options.wasmBinary).then((bytes) => checked(bytes, 'wasmBinary'));
  const url = wasmLocation(wasmUrl, options.wasmUrl);
  // Node-like runtimes: the bytes from disk (fetch cannot read file: URLs there).
  if (isNode && url.protocol === 'file:') return readWasmFile(url).then((bytes) => checked(bytes, url.href));
  // The package's own URL may be wrong in a dev server that pre-bundles it: fetchWasm then looks where
  // the dev server serves the package's files (internal/wasm-file.js).
  return fetchWasm(url, { fallbacks: !options.wasmUrl });
}

function checked(bytes, where) {
  if (!isWasm(bytes)) throw new Error(`${where} is ${describeBytes(bytes)}`);
  return bytes;
}

async function instantiate(glue, wasmUrl, options) {
  const settings = {
    // The module must never write to the console on its own (it could echo input).
    print: () => {},
    printErr: () => {},
  };
  try {
    const bytes = wasmBytes(wasmUrl, options);
    bytes.catch(() => {}); // a failure shows where the bytes are awaited (or the glue failed first)
    // A glue moved elsewhere (another build of the module): loaded at run time, out of every bundler's sight.
    const create = options.moduleUrl
      ? (await import(/* @vite-ignore */ /* webpackIgnore: true */ String(options.moduleUrl))).default
      : await glue();
    // Abort recovery: compile the .wasm ourselves and keep the WebAssembly.Module, so a
    // dropped instance can be replaced synchronously (core-loader/core-instance.js).
    let compiled = null;
    let loadFailed;
    const failure = new Promise((resolve, reject) => { loadFailed = reject; });
    settings.instantiateWasm = compileAndKeep(() => bytes, (module) => { compiled = module; }, loadFailed);
    const module = await Promise.race([create(settings), failure]);
    restarts.set(module, () => instantiateNow(create, compiled, { print: settings.print, printErr: settings.printErr }));
    return module;
  } catch (cause) {
    throw new BtalkCoreError('loadFailed', `The btalk-forms core could not be loaded: ${cause?.message ?? cause}`);
  }
}

// String options of the export functions: absent or null = "", anything else
// but a string is refused here (the core takes them as plain arguments).
export function exportOptions(options, keys) {
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new BtalkCoreError('invalidOptions', 'The options must be an object');
  }
  const out = {};
  for (const key of keys) {
    const value = options?.[key] ?? '';
    if (typeof value !== 'string') throw new BtalkCoreError('invalidOptions', `${key} must be a string`);
    out[key] = value;
  }
  return out;
}

function wrap(module, orderApi) {
  const instance = new CoreInstance(module, restarts.get(module));
  const call = (name, ...args) => {
    let text;
    try {
      text = instance.call(name, ...args);
    } catch (cause) {
      // The core is built to never throw; if it ever does, say so plainly. The
      // instance that threw is gone: the next call gets a fresh one.
      throw new BtalkCoreError('internal', `The core failed unexpectedly: ${cause?.message ?? cause}`);
    }
    return unwrap(text);
  };
  // The address-only module binds no order, PIDF-LO or postal-line function (and its loader brings no
  // orderApi): those methods say so.
  const variant = typeof module.orderRequest === 'function' ? 'full' : 'address';
  const missing = (method) => () => {
    throw new BtalkCoreError('notInAddressCore',
      `${method}() is not in the address core (loadAddressCore()); load the full core with loadCore() to use it.`);
  };
  const order = orderApi && variant === 'full' ? orderApi(call) : {};
  const dialZoneOf = (form) => {
    if (form.dialZone === null) delete form.dialZone;
    return form;
  };
  // Compiled objects reach the live instance through `instance`: after a restart they compile again.
  const compiled = compiledApi({ module: () => instance.module, invoke: (name, ...args) => instance.call(name, ...args) }, dialZoneOf);
  const api = {
    version: module.version(),
    /** 'full' (loadCore()) or 'address' (loadAddressCore(): the address form's functions only). */
    variant,
    addressForm(constraints, geographicalConstraints) {
      return dialZoneOf(call('addressForm', toText(constraints, 'constraints'),
        toText(geographicalConstraints, 'geographicalConstraints')));
    },
    validateAddress(constraints, address, options = {}) {
      return compiled.validateAddress(constraints, address, options);
    },
    compileConstraints(constraints, geographicalConstraints) {
      return compiled.compile(constraints, geographicalConstraints);
    },
    parseResponse(kind, body) {
      return call('parseResponse', String(kind), toText(body, 'body'));
    },
    // Normalisation, format hints, PIDF-LO and postal lines (facade_features.cc).
    normalizeAddress(constraints, address) {
      const text = toText(address, 'address');
      return normalizedAddress(text, call('normalizeAddress', toText(constraints, 'constraints'), text));
    },
    formatExample(pattern, typed = '') {
      if (typeof pattern !== 'string') throw new BtalkCoreError('invalidInput', 'The pattern must be a string.');
      if (typeof typed !== 'string') throw new BtalkCoreError('invalidInput', 'The typed text must be a string.');
      return call('formatExample', pattern, typed);
    },
    toCivicAddressXml(address, options = {}) {
      const o = exportOptions(options, ['country', 'lang']);
      return call('civicAddressXml', toText(address, 'address'), o.country, o.lang).xml;
    },
    ...Object.fromEntries(['orderRequest', 'validateOrder', 'buildOrderRequest', 'toPidfLo', 'formatAddress']
      .map((method) => [method, order[method] ?? missing(method)])),
  };
  // Tests and debugging only: the live instance (module, generation).
  Object.defineProperty(api, Symbol.for('btalk-forms.coreInstance'), { value: instance });
  return Object.freeze(api);
}
