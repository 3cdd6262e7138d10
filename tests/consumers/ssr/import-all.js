// Server-side rendering (Next.js, Nuxt, Astro, SvelteKit) imports components in plain Node: every export of the
// package (every subpath, a pattern subpath's files, JSON with its import attribute) must import without a DOM
// and define nothing. Non-module files of a pattern subpath (the .wasm) must resolve.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { exportEntries, shapeOf } from '../shared/exports.js';

const require = createRequire(import.meta.url);
const manifestFile = require.resolve('btalk-forms/package.json');
const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
const results = {};
const assets = {};
for (const { specifier, kind } of exportEntries(manifest, dirname(manifestFile))) {
  if (kind === 'asset') {
    assets[specifier] = import.meta.resolve(specifier);
    continue;
  }
  const namespace = await import(specifier, kind === 'json' ? { with: { type: 'json' } } : undefined);
  results[specifier] = shapeOf(namespace, kind);
}
console.log(JSON.stringify({ hasHTMLElement: typeof HTMLElement !== 'undefined', customElements: typeof customElements, results, assets }));
