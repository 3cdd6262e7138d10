// Loads the wasm core once and exposes it as plain JS functions.
// The core speaks JSON text (see core/include/btalk/facade.h): this module turns
// objects into text, unwraps the {ok}/{error} envelope, and throws BtalkCoreError.

/** An error from the core: bad input, or a document the core cannot use. */
export class BtalkCoreError extends Error {
  constructor(code, message, problems) {
    super(message);
    this.name = 'BtalkCoreError';
    this.code = code;
    if (problems) this.problems = problems;
  }
}

const isNode = typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined';
const moduleUrl = new URL('../dist/btalk-core.js', import.meta.url);
const wasmUrl = new URL('../dist/btalk-core.wasm', import.meta.url);

let corePromise = null;

/**
 * Instantiates the wasm module (once) and resolves to the core API.
 * @param {{ wasmUrl?: string|URL, moduleUrl?: string|URL, wasmBinary?: ArrayBuffer|Uint8Array }} [options]
 *   Overrides for bundlers or CDNs that move the files; Node needs none.
 */
export function loadCore(options = {}) {
  // Overridden files make an instance of their own; only the default one is shared.
  if (options.wasmUrl || options.moduleUrl || options.wasmBinary) return instantiate(options).then(wrap);
  if (!corePromise) {
    const promise = instantiate(options).then(wrap);
    corePromise = promise;
    // A failed load (missing file, offline) may be retried later.
    promise.catch(() => { if (corePromise === promise) corePromise = null; });
  }
  return corePromise;
}

async function instantiate(options) {
  const { default: createModule } = await import(String(options.moduleUrl ?? moduleUrl));
  const settings = {
    // The module must never write to the console on its own (it could echo input).
    print: () => {},
    printErr: () => {},
  };
  if (options.wasmBinary) {
    settings.wasmBinary = options.wasmBinary;
  } else if (isNode) {
    // Emscripten 3.1.6's web-only ES6 glue cannot read files in Node: hand it the bytes.
    const { readFile } = await import('node:fs/promises');
    settings.wasmBinary = await readFile(options.wasmUrl ?? wasmUrl);
  } else {
    const url = String(options.wasmUrl ?? wasmUrl);
    settings.locateFile = (file) => (file.endsWith('.wasm') ? url : file);
  }
  try {
    return await createModule(settings);
  } catch (cause) {
    throw new BtalkCoreError('loadFailed', `The btalk-forms core could not be loaded: ${cause?.message ?? cause}`);
  }
}

function toText(value, what) {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  try {
    return JSON.stringify(value);
  } catch (cause) {
    throw new BtalkCoreError('invalidInput', `${what} cannot be converted to JSON: ${cause.message}`);
  }
}

function unwrap(text) {
  let envelope;
  try {
    envelope = JSON.parse(text);
  } catch {
    throw new BtalkCoreError('internal', 'The core returned an unreadable answer.');
  }
  if (envelope && 'ok' in envelope) return envelope.ok;
  const error = envelope?.error ?? {};
  throw new BtalkCoreError(error.code ?? 'internal', error.message ?? 'The core rejected the input.', error.problems);
}

// String options of the export functions: absent or null = "", anything else
// but a string is refused here (the core takes them as plain arguments).
function exportOptions(options, keys) {
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

function wrap(module) {
  const call = (fn, ...args) => {
    let text;
    try {
      text = fn(...args);
    } catch (cause) {
      // The core is built to never throw; if it ever does, say so plainly.
      throw new BtalkCoreError('internal', `The core failed unexpectedly: ${cause?.message ?? cause}`);
    }
    return unwrap(text);
  };
  const dialZoneOf = (form) => {
    if (form.dialZone === null) delete form.dialZone;
    return form;
  };
  return Object.freeze({
    version: module.version(),
    addressForm(constraints, geographicalConstraints) {
      return dialZoneOf(call(module.addressForm, toText(constraints, 'constraints'),
        toText(geographicalConstraints, 'geographicalConstraints')));
    },
    validateAddress(constraints, address, options = {}) {
      return call(module.validateAddress, toText(constraints, 'constraints'), toText(address, 'address'),
        toText(options ?? {}, 'options'));
    },
    validateOrder(order) {
      return call(module.validateOrder, toText(order, 'order'));
    },
    buildOrderRequest(order) {
      return call(module.buildOrderRequest, toText(order, 'order')).body;
    },
    parseResponse(kind, body) {
      return call(module.parseResponse, String(kind), toText(body, 'body'));
    },
    // Normalisation, format hints, PIDF-LO and postal lines (facade_features.cc).
    normalizeAddress(constraints, address) {
      const text = toText(address, 'address');
      const { changes } = call(module.normalizeAddress, toText(constraints, 'constraints'), text);
      const canonical = { ...JSON.parse(text) };  // the core accepted it: a JSON object
      for (const change of changes) canonical[change.field] = change.to;
      return { address: canonical, changes };
    },
    formatExample(pattern) {
      if (typeof pattern !== 'string') throw new BtalkCoreError('invalidInput', 'The pattern must be a string.');
      return call(module.formatExample, pattern);
    },
    toCivicAddressXml(address, options = {}) {
      const o = exportOptions(options, ['country', 'lang']);
      return call(module.civicAddressXml, toText(address, 'address'), o.country, o.lang).xml;
    },
    toPidfLo(address, options = {}) {
      const o = exportOptions(options, ['entity', 'country', 'lang', 'tupleId', 'timestamp', 'retentionExpiry', 'method']);
      const allowed = options?.retransmissionAllowed ?? false;
      if (typeof allowed !== 'boolean') {
        throw new BtalkCoreError('invalidOptions', 'retransmissionAllowed must be true or false');
      }
      return call(module.pidfLo, toText(address, 'address'), o.entity, o.country, o.lang, o.tupleId, o.timestamp,
        o.retentionExpiry, allowed, options?.method ?? 'Manual').xml;
    },
    formatAddress(address, options = {}) {
      const o = exportOptions(options, ['country']);
      return call(module.formatAddress, toText(address, 'address'), o.country,
        toText(options?.constraints, 'constraints')).lines;
    },
  });
}
