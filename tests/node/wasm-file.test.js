// The loader's way of getting the wasm (web/core-loader/wasm-file.js): the answer's magic word is checked before
// anything compiles it, and when the package's own URL answers something else (Vite 5/6/7's dev server answers
// index.html for node_modules/.vite/dist/…wasm, the URL resolved from its pre-bundled copy of the package),
// the places where the dev server serves the package's files are tried; when none holds it, the error names each
// answer and the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeBytes, fetchWasm, isWasm, wasmFallbacks } from '../../web/core-loader/wasm-file.js';
import { coreLoader } from '../../web/core-loader/core-api.js';
import { BtalkCoreError, loadCore } from '../../web/core.js';
import createModule from '../../dist/btalk-core.js';

const wasm = readFileSync(fileURLToPath(new URL('../../dist/btalk-core.wasm', import.meta.url)));
const INDEX_HTML = new TextEncoder().encode('<!doctype html>\n<html lang="en"><head><script type="module" src="/@vite/client"></script></head></html>\n');
const VITE = 'http://localhost:5173';
// Vite's dev server, project root = Vite root: the pre-bundle is /node_modules/.vite/deps/btalk-forms_elements.js.
const IN_ROOT = new URL('/node_modules/.vite/dist/btalk-core.wasm', VITE);
// Vite root in a sub-folder (or a monorepo): the cache folder is served through /@fs/<absolute path>.
const OUTSIDE_ROOT = new URL('/@fs/home/dev/app/node_modules/.vite/dist/btalk-address-core.wasm', VITE);

/** A fetch that answers from `routes` (href -> bytes, or a status number) and records what it was asked. */
function fakeFetch(routes) {
  const asked = [];
  const fetch = async (href, init) => {
    asked.push(href);
    assert.equal(init.credentials, 'same-origin');
    const answer = routes[href];
    if (answer instanceof Error) throw answer;
    // A dev server with an SPA fallback: anything unknown is index.html, with status 200.
    const body = answer === undefined ? INDEX_HTML : answer;
    if (typeof body === 'number') return new Response('not found', { status: body });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'application/octet-stream' } });
  };
  return { fetch, asked };
}

test('isWasm knows the magic word; describeBytes says what came instead', () => {
  assert.equal(isWasm(wasm), true);
  assert.equal(isWasm(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)), true);
  assert.equal(isWasm(INDEX_HTML), false);
  assert.equal(isWasm(new Uint8Array([0, 0x61, 0x73])), false);
  assert.equal(isWasm('\0asm\x01\0\0\0'), false, 'a string is not bytes');
  assert.equal(describeBytes(INDEX_HTML), 'an HTML page (first bytes 3c 21 64 6f, expected 00 61 73 6d)');
  assert.equal(describeBytes(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x7d])), 'not wasm (first bytes 7b 22 61 22, expected 00 61 73 6d)');
  assert.equal(describeBytes(new ArrayBuffer(0)), 'an empty answer');
});

test('wasmFallbacks: the package next to the cache folder, then the page\'s /node_modules, never another origin', () => {
  const hrefs = (url, origin) => wasmFallbacks(url, origin).map((u) => u.href);
  assert.deepEqual(hrefs(IN_ROOT, VITE), [`${VITE}/node_modules/btalk-forms/dist/btalk-core.wasm`]);
  assert.deepEqual(hrefs(OUTSIDE_ROOT, VITE), [
    `${VITE}/@fs/home/dev/app/node_modules/btalk-forms/dist/btalk-address-core.wasm`,
    `${VITE}/node_modules/btalk-forms/dist/btalk-address-core.wasm`,
  ]);
  // Not the page's origin (a CDN): nothing guessed there.
  assert.deepEqual(hrefs(new URL('https://cdn.example/npm/btalk-forms@0.1.0/dist/btalk-core.wasm'), VITE), []);
  // A cache folder outside node_modules: only the page's /node_modules.
  assert.deepEqual(hrefs(new URL('/.vite-cache/dist/btalk-core.wasm', VITE), VITE), [`${VITE}/node_modules/btalk-forms/dist/btalk-core.wasm`]);
  // The URL already is the package's file (raw modules served from the project): nothing else to try.
  assert.deepEqual(hrefs(new URL('/node_modules/btalk-forms/dist/btalk-core.wasm', VITE), VITE), []);
  // A production build's hashed asset, a file: URL, a data: URL: no guess.
  assert.deepEqual(hrefs(new URL('/assets/btalk-core-3f2a.wasm', VITE), VITE), []);
  assert.deepEqual(hrefs(new URL('file:///app/node_modules/.vite/dist/btalk-core.wasm'), undefined), []);
  assert.deepEqual(hrefs(new URL('data:application/wasm;base64,AGFzbQ=='), undefined), []);
});

test('fetchWasm: the URL answered index.html (Vite 5 dev): the package\'s file next to node_modules/.vite is used', async () => {
  const fallback = `${VITE}/node_modules/btalk-forms/dist/btalk-core.wasm`;
  const { fetch, asked } = fakeFetch({ [fallback]: wasm });
  const bytes = await fetchWasm(IN_ROOT, { fallbacks: true, fetch });
  assert.equal(isWasm(bytes), true);
  assert.equal(bytes.byteLength, wasm.byteLength);
  assert.deepEqual(asked, [IN_ROOT.href, fallback]);
});

test('fetchWasm: a right first answer is the only request', async () => {
  const { fetch, asked } = fakeFetch({ [IN_ROOT.href]: wasm });
  assert.equal((await fetchWasm(IN_ROOT, { fallbacks: true, fetch })).byteLength, wasm.byteLength);
  assert.deepEqual(asked, [IN_ROOT.href]);
});

test('fetchWasm: when no place holds the wasm, the error says what each answered and names the fixes', async () => {
  const fallback = `${VITE}/@fs/home/dev/app/node_modules/btalk-forms/dist/btalk-address-core.wasm`;
  const { fetch, asked } = fakeFetch({ [fallback]: 404, [`${VITE}/node_modules/btalk-forms/dist/btalk-address-core.wasm`]: new TypeError('Failed to fetch') });
  const error = await fetchWasm(OUTSIDE_ROOT, { fallbacks: true, fetch, pageOrigin: VITE }).then(() => null, (e) => e);
  assert.equal(asked.length, 3);
  assert.ok(error instanceof Error);
  assert.match(error.message, /^no WebAssembly file found for btalk-address-core\.wasm: /);
  assert.ok(error.message.includes(`${OUTSIDE_ROOT.href} answered an HTML page (first bytes 3c 21 64 6f, expected 00 61 73 6d)`), error.message);
  assert.ok(error.message.includes(`${fallback} answered HTTP 404`), error.message);
  assert.ok(error.message.includes('could not be fetched (Failed to fetch)'), error.message);
  assert.ok(error.message.includes("optimizeDeps: { exclude: ['btalk-forms'] }"), error.message);
  assert.match(error.message, /dist\/btalk-address-core\.wasm and pass its URL as loadCore\(\{ wasmUrl \}\)/);
});

test('fetchWasm without fallbacks (a wasmUrl the page chose): that URL only, its answer checked', async () => {
  const { fetch, asked } = fakeFetch({});
  await assert.rejects(fetchWasm(IN_ROOT, { fetch }), /answered an HTML page/);
  assert.deepEqual(asked, [IN_ROOT.href]);
});

test('the core loads through a dev server whose URL for the wasm answers index.html', async (t) => {
  const fallback = `${VITE}/node_modules/btalk-forms/dist/btalk-core.wasm`;
  const { fetch, asked } = fakeFetch({ [fallback]: wasm });
  t.mock.method(globalThis, 'fetch', fetch);
  // What core.js computes in Vite's pre-bundled copy: new URL('../dist/btalk-core.wasm', import.meta.url).
  const load = coreLoader(async () => createModule, IN_ROOT);
  const core = await load();
  assert.equal(core.validateAddress({}, {}).valid, true);
  assert.deepEqual(asked, [IN_ROOT.href, fallback]);
  // Nothing anywhere: a loadFailed error that says what to do.
  t.mock.method(globalThis, 'fetch', fakeFetch({ [fallback]: 404 }).fetch);
  await assert.rejects(coreLoader(async () => createModule, IN_ROOT)(),
    (error) => error instanceof BtalkCoreError && error.code === 'loadFailed'
      && error.message.startsWith(`The btalk-forms core could not be loaded: no WebAssembly file found for btalk-core.wasm: ${IN_ROOT.href} answered an HTML page`)
      && error.message.includes(`${fallback} answered HTTP 404`) && error.message.includes('optimizeDeps'));
});

test('loadCore({ wasmBinary }) that is not wasm: a loadFailed error saying what it is, before compiling', async () => {
  await assert.rejects(loadCore({ wasmBinary: INDEX_HTML }),
    (error) => error instanceof BtalkCoreError && error.code === 'loadFailed'
      && error.message === 'The btalk-forms core could not be loaded: wasmBinary is an HTML page (first bytes 3c 21 64 6f, expected 00 61 73 6d)');
});
