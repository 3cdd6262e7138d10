#!/usr/bin/env node
// The JS half of `npm run build` (scripts/build.sh runs it after the wasm build):
// 1. minifies the Emscripten glues in place (dist/btalk-core.js, dist/btalk-address-core.js); it must stay eval-free (-sDYNAMIC_EXECUTION=0),
//    so a strict CSP (no 'unsafe-eval') keeps working;
// 2. bundles the CDN file dist/btalk-forms.min.js: one ES module that defines both elements and loads
//    btalk-core.wasm from its own folder;
// 3. generates custom-elements.json from the classes' JSDoc tags (@custom-elements-manifest/analyzer).
import { readFile, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const what = new Set(process.argv.slice(2).length ? process.argv.slice(2) : ['glue', 'cdn', 'manifest']);

/** Throws when minified JS could evaluate strings as code (what a strict CSP forbids). */
export function assertNoEval(code, name) {
  const found = code.match(/\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]/);
  if (found) throw new Error(`${name} contains ${found[0]}: the CSP-safe build (-sDYNAMIC_EXECUTION=0) must not`);
}

if (what.has('glue')) {
  // The full module's glue and the address-only module's (dist/btalk-address-core.js).
  for (const name of ['btalk-core.js', 'btalk-address-core.js']) {
    const file = join(dist, name);
    const source = await readFile(file, 'utf8');
    const { code } = await esbuild.transform(source, { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' });
    assertNoEval(code, `dist/${name}`);
    await writeFile(file, code);
    console.log(`dist/${name}: ${source.length} -> ${code.length} bytes (minified)`);
  }
}

if (what.has('cdn')) {
  // In the package, core.js finds the wasm at ../dist/ from web/; the CDN file sits next to the wasm.
  const wasmNextToBundle = {
    name: 'wasm-next-to-bundle',
    setup(build) {
      build.onLoad({ filter: /[\\/]web[\\/]core\.js$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const moved = source.replace("new URL('../dist/btalk-core.wasm', import.meta.url)", "new URL('./btalk-core.wasm', import.meta.url)");
        if (moved === source) throw new Error('web/core.js no longer names ../dist/btalk-core.wasm: update scripts/build-web.js');
        return { contents: moved, loader: 'js' };
      });
    },
  };
  // The CDN file defines the order element, so its address forms use the full core: loadAddressCore is
  // loadCore there, and the address-only module (its glue and wasm) is left out of the file.
  const fullCoreOnly = {
    name: 'full-core-only',
    setup(build) {
      build.onLoad({ filter: /[\\/]web[\\/]address-core\.js$/ }, () => ({
        contents: "export { loadCore as loadAddressCore, BtalkCoreError } from './core.js';\n",
        loader: 'js',
      }));
    },
  };
  const result = await esbuild.build({
    stdin: {
      contents: "export * from './web/index.js';\nexport * from './web/elements/index.js';\n",
      resolveDir: root,
      sourcefile: 'btalk-forms-cdn.js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    outfile: join(dist, 'btalk-forms.min.js'),
    plugins: [wasmNextToBundle, fullCoreOnly],
    write: false,
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  // Minifying drops the comments that keep bundlers off the run-time import()s (loadCore({ moduleUrl }), and the
  // preloads of an unbundled page, internal/preload.js): an app that bundles the CDN file (btalk-forms/cdn) would
  // get webpack's "Critical dependency" warning. They go back in, on every import() of a computed URL; one of an
  // unexpected form stops the build, so a new one is looked at.
  const COMPUTED = ['String(', 'new URL('];
  const computed = [...output.text.matchAll(/\bimport\((?!\s*["'`])/g)].map((m) => output.text.slice(m.index + 7, m.index + 7 + 8));
  const unknown = computed.filter((head) => !COMPUTED.some((known) => head.startsWith(known)));
  if (unknown.length || computed.length !== COMPUTED.length) {
    throw new Error(`dist/btalk-forms.min.js: import() of computed URLs ${JSON.stringify(computed)}, expected one each of ${JSON.stringify(COMPUTED)}: update scripts/build-web.js`);
  }
  const text = output.text.replace(/\bimport\((?!\s*["'`])/g, 'import(/* @vite-ignore */ /* webpackIgnore: true */ ');
  assertNoEval(text, 'dist/btalk-forms.min.js');
  if (/(\bfrom\s*|\bimport\s*\(?\s*)["']node:/.test(text)) throw new Error('dist/btalk-forms.min.js imports a node: module');
  await writeFile(output.path, text);
  console.log(`dist/btalk-forms.min.js: ${Buffer.byteLength(text)} bytes`);
}

if (what.has('manifest')) {
  const cem = join(root, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
  await promisify(execFile)(process.execPath, [cem, 'analyze', '--config', 'custom-elements-manifest.config.mjs'], { cwd: root });
  const manifest = JSON.parse(await readFile(join(root, 'custom-elements.json'), 'utf8'));
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName);
  console.log(`custom-elements.json: ${tags.join(', ')}`);
}
