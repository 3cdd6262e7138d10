// Server-side rendering (Next.js, Nuxt, Astro, SvelteKit) imports components in plain Node:
// every entry of the package must import without a DOM, define nothing, and export its API.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(await readFile(require.resolve('btalk-forms/package.json'), 'utf8'));
const results = {};
for (const [subpath, target] of Object.entries(manifest.exports)) {
  if (subpath.includes('*') || subpath.endsWith('.json')) continue;
  if (typeof target === 'object' && !target.default) continue; // types only (./jsx, ./react, ./vue)
  const specifier = subpath === '.' ? 'btalk-forms' : `btalk-forms/${subpath.slice(2)}`;
  const module = await import(specifier);
  results[specifier] = Object.keys(module).sort();
}
console.log(JSON.stringify({ hasHTMLElement: typeof HTMLElement !== 'undefined', customElements: typeof customElements, results }));
