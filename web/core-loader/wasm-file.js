// Gets the wasm's bytes and makes sure they are wasm before anything compiles them.
// - Node-like runtimes (Node >= 20.16, Deno, Bun: process.getBuiltinModule) read a file: URL from disk, for Node,
//   SSR and test runners that emulate a DOM. No `node:` import: browser bundlers have nothing to resolve.
// - Browsers fetch it. A dev server may answer a missing file with its index.html (HTTP 200): Vite 5, 6 and 7 serve
//   a pre-bundled copy of the package from <cacheDir>/deps/ (node_modules/.vite/deps/), where
//   `new URL('../dist/…wasm', import.meta.url)` names node_modules/.vite/dist/…wasm, a file that does not exist.
//   So the answer's first bytes are checked (the wasm magic word), and for the package's own URL the places where a
//   dev server serves the package's files are tried next (wasmFallbacks). When none holds the wasm, the error says
//   what each answered and how to fix it.

const PACKAGE = 'btalk-forms';
const MAGIC = [0x00, 0x61, 0x73, 0x6d]; // "\0asm"

/** Reads the wasm at a file: URL, where the runtime has a file system. */
export async function readWasmFile(url) {
  const fs = globalThis.process?.getBuiltinModule?.('node:fs/promises');
  if (!fs) throw new Error(`${url} is a file and this runtime cannot read files: pass loadCore({ wasmBinary }) or a wasmUrl`);
  return fs.readFile(url);
}

/** The bytes as a Uint8Array view (ArrayBuffer, typed array or DataView). */
function view(bytes) {
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  if (ArrayBuffer.isView(bytes)) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return null;
}

/** True when `bytes` start with the WebAssembly magic word (00 61 73 6d). */
export function isWasm(bytes) {
  const b = view(bytes);
  return !!b && b.length >= 8 && MAGIC.every((byte, i) => b[i] === byte);
}

/** What non-wasm bytes look like, for an error: their first bytes, and "an HTML page" when they are one. */
export function describeBytes(bytes) {
  const b = view(bytes);
  if (!b) return `a ${Object.prototype.toString.call(bytes).slice(8, -1)}, not bytes`;
  if (b.length === 0) return 'an empty answer';
  const hex = [...b.subarray(0, 4)].map((x) => x.toString(16).padStart(2, '0')).join(' ');
  const start = String.fromCharCode(...b.subarray(0, 64)).trimStart().toLowerCase();
  const html = start.startsWith('<!doctype html') || start.startsWith('<html');
  return `${html ? 'an HTML page' : 'not wasm'} (first bytes ${hex}, expected 00 61 73 6d)`;
}

/**
 * Where else a dev server serves the package's wasm when its URL, resolved from a pre-bundled copy of the package,
 * names a file that is not there. At most two places, in order:
 * 1. next to the bundler's cache folder: …/node_modules/.vite/dist/x.wasm -> …/node_modules/btalk-forms/dist/x.wasm
 *    (Vite serves it as /node_modules/… under its root, or as /@fs/<absolute path>/… outside it);
 * 2. the page's own /node_modules/btalk-forms/dist/x.wasm (a cache folder elsewhere, a dev server serving the
 *    project's folder), only for a URL of the page's origin.
 * @param {URL} url the wasm URL the package computed
 * @param {string} [pageOrigin] the page's origin (default: location.origin)
 * @returns {URL[]}
 */
export function wasmFallbacks(url, pageOrigin = globalThis.location?.origin) {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  const out = [];
  const add = (path) => {
    const candidate = new URL(path, url);
    if (candidate.href !== url.href && !out.some((u) => u.href === candidate.href)) out.push(candidate);
  };
  const cached = /^(.*\/node_modules\/)\.[^/]+\/dist\/([^/]+\.wasm)$/.exec(url.pathname);
  if (cached) add(`${cached[1]}${PACKAGE}/dist/${cached[2]}`);
  const file = /\/dist\/([^/]+\.wasm)$/.exec(url.pathname)?.[1];
  if (file && url.origin === pageOrigin) add(`/node_modules/${PACKAGE}/dist/${file}`);
  return out;
}

/** The error when no place answered wasm: what each answered, then the fixes. */
export function wasmNotFound(tried, fileName) {
  return new Error(`no WebAssembly file found for ${fileName}: ${tried.join('; ')}. `
    + 'If a dev server pre-bundles btalk-forms (Vite: node_modules/.vite/deps), exclude it from pre-bundling '
    + "(Vite: optimizeDeps: { exclude: ['btalk-forms'] }); otherwise serve the package's "
    + `dist/${fileName} and pass its URL as loadCore({ wasmUrl }) (loadAddressCore for the address form alone), `
    + 'or its bytes as { wasmBinary }');
}

/**
 * Fetches the wasm at `url`; when the answer is not wasm (an error status, or a dev server's index.html) and
 * `fallbacks` is set, tries wasmFallbacks(url) in turn. Resolves to the first answer that is wasm.
 * @param {URL} url
 * @param {{ fallbacks?: boolean, fetch?: typeof fetch, pageOrigin?: string }} [options] fallbacks only for the
 *   package's own URL (a wasmUrl the page chose is used as is)
 */
export async function fetchWasm(url, { fallbacks = false, fetch = globalThis.fetch, pageOrigin = globalThis.location?.origin } = {}) {
  const tried = [];
  const fileName = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  for (const candidate of [url, ...(fallbacks ? wasmFallbacks(url, pageOrigin) : [])]) {
    let response;
    try {
      response = await fetch(candidate.href, { credentials: 'same-origin' });
    } catch (cause) {
      tried.push(`${candidate.href} could not be fetched (${cause?.message ?? cause})`);
      continue;
    }
    if (!response.ok) {
      tried.push(`${candidate.href} answered HTTP ${response.status}`);
      continue;
    }
    const bytes = await response.arrayBuffer();
    if (isWasm(bytes)) return bytes;
    tried.push(`${candidate.href} answered ${describeBytes(bytes)}`);
  }
  throw wasmNotFound(tried, fileName);
}
