#!/usr/bin/env node
// Builds site/: the static demo, a folder any static host serves as is, from
// any path. `npm run build:site` builds the wasm core first, then runs this.
//
//   site/index.html       the demo page, rendered for the "site" target from the template
//                         examples/page/index.html (examples/page/render.js): CSP in a meta
//                         tag, relative URLs only; `npm start` renders the same template
//   site/demo.css, favicon.svg, sample-sites.csv   the page's files (examples/page/)
//   site/placeholders.css  room for the elements until they are defined (web/elements/)
//   site/site.css         the stand-in notice's styles (examples/site/)
//   site/assets/site.js   the page script, the elements, the client and the stand-in with
//                         its data, bundled and minified by esbuild; assets/*-<hash>.js are
//                         what it imports on demand (other languages, Papa Parse, look-ups)
//   site/dist/            the wasm core (btalk-core.js + btalk-core.wasm), loaded by URL
import { copyFile, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildPage } from '../examples/page/render.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// BTALK_SITE_DIR: another output folder, absolute or relative to the repository.
const out = resolve(root, process.env.BTALK_SITE_DIR ?? 'site');
const siteSrc = join(root, 'examples', 'site');
const pageSrc = join(root, 'examples', 'page');

/** Fails on a URL in the page that is not relative to it (a leading "/", a scheme, "//"). */
export function absoluteUrls(html) {
  const found = [];
  for (const match of html.matchAll(/\s(?:src|href)\s*=\s*["']([^"']*)["']/gi)) {
    const url = match[1].trim();
    if (/^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(url)) found.push(url);
  }
  return found;
}

async function sizes(dir) {
  const rows = [];
  const walk = async (d) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else {
        const bytes = await readFile(path);
        rows.push([relative(dir, path), bytes.length, gzipSync(bytes, { level: 9 }).length]);
      }
    }
  };
  await walk(dir);
  return rows.sort((a, b) => a[0].localeCompare(b[0]));
}

async function loadEsbuild() {
  try {
    return (await import('esbuild')).build;
  } catch {
    console.error('build-site: esbuild is not installed: run npm ci (it is a dev dependency, pinned to 0.28.2)');
    process.exit(1);
  }
}

async function main() {
  const build = await loadEsbuild();
  for (const file of ['btalk-core.js', 'btalk-core.wasm']) {
    if (!existsSync(join(root, 'dist', file))) {
      console.error(`build-site: dist/${file} is missing: build the wasm core first (npm run build:site does, or bash scripts/build.sh wasm)`);
      process.exit(1);
    }
  }
  const html = await buildPage('site');
  const absolute = absoluteUrls(html);
  if (absolute.length) {
    console.error(`build-site: examples/page/index.html must use relative URLs only, found: ${absolute.join(', ')}`);
    process.exit(1);
  }

  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'assets'), { recursive: true });
  await mkdir(join(out, 'dist'), { recursive: true });

  const result = await build({
    entryPoints: [join(siteSrc, 'site.js')],
    outdir: join(out, 'assets'),
    bundle: true,
    // What the page imports on demand (the languages other than English, Papa Parse when a CSV
    // is read, the address form's look-ups, a real-size geo list of the stand-in such as Spain's
    // 8,131 municipalities) goes to chunks beside site.js, fetched when needed.
    splitting: true,
    chunkNames: '[name]-[hash]',
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    // web/core.js reads the wasm with node:fs only when it runs in Node.
    external: ['node:*'],
    // The site defines the order element, so its address forms use the full core: loadAddressCore is loadCore
    // here, and the address-only module's glue stays out of the bundle (as in the CDN file, scripts/build-web.js).
    plugins: [{
      name: 'full-core-only',
      setup(b) {
        b.onLoad({ filter: /[\\/]web[\\/]address-core\.js$/ }, () => ({
          contents: "export { loadCore as loadAddressCore, BtalkCoreError } from './core.js';\n", loader: 'js',
        }));
      },
    }],
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  if (result.errors.length) process.exit(1);

  await writeFile(join(out, 'index.html'), html);
  for (const [from, to] of [
    [join(pageSrc, 'demo.css'), 'demo.css'],
    [join(root, 'web', 'elements', 'placeholders.css'), 'placeholders.css'],
    [join(pageSrc, 'favicon.svg'), 'favicon.svg'],
    [join(pageSrc, 'sample-sites.csv'), 'sample-sites.csv'],
    [join(siteSrc, 'site.css'), 'site.css'],
    [join(root, 'dist', 'btalk-core.js'), join('dist', 'btalk-core.js')],
    [join(root, 'dist', 'btalk-core.wasm'), join('dist', 'btalk-core.wasm')],
  ]) {
    await copyFile(from, join(out, to));
  }

  // The chunks (languages, Papa Parse and the address form's look-ups, loaded when needed) as one row.
  const all = await sizes(out);
  const chunks = all.filter(([name]) => /^assets[\\/].*-[A-Z0-9]{8}\.js$/.test(name));
  const rows = all.filter((row) => !chunks.includes(row));
  if (chunks.length) {
    rows.push([`assets/*-<hash>.js (${chunks.length} chunks)`, ...chunks.reduce((sum, r) => [sum[0] + r[1], sum[1] + r[2]], [0, 0])]);
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`site built in ${relative(root, out) || '.'}/ (bytes, gzip -9):`);
  for (const [name, raw, gz] of rows) console.log(`  ${name.padEnd(width)}  ${String(raw).padStart(8)}  ${String(gz).padStart(7)}`);
  const total = all.reduce((sum, r) => [sum[0] + r[1], sum[1] + r[2]], [0, 0]);
  console.log(`  ${'total'.padEnd(width)}  ${String(total[0]).padStart(8)}  ${String(total[1]).padStart(7)}`);
  // Largest inputs of the bundle, for whoever wants to make it smaller.
  const inputs = Object.entries(result.metafile.outputs[relative(root, join(out, 'assets', 'site.js'))]?.inputs ?? {})
    .map(([name, info]) => [name, info.bytesInOutput]).sort((a, b) => b[1] - a[1]);
  const data = inputs.filter(([n]) => n.includes('standin/data/')).reduce((s, [, b]) => s + b, 0);
  console.log(`  assets/site.js: stand-in data ${data} bytes of ${inputs.reduce((s, [, b]) => s + b, 0)} (minified, before gzip)`);
  const geo = Object.entries(result.metafile.outputs)
    .filter(([, output]) => Object.keys(output.inputs).some((name) => /standin[\\/]data[\\/]modules[\\/]geo-/.test(name)))
    .map(([name, output]) => `${relative(relative(root, out), name)} ${output.bytes}`);
  console.log(`  loaded on demand, the stand-in's real-size geo lists: ${geo.join(', ') || 'none'}`);
  const { size } = await stat(join(out, 'index.html'));
  if (!size) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(`build-site: ${error.message}`);
    process.exit(1);
  });
}
