#!/usr/bin/env node
// The elements' styles are written as readable CSS and shipped minified, as JS modules (esbuild
// minifies JS but leaves the CSS inside template literals as written): this writes each module from
// its .css with esbuild's CSS minifier, so bundler users, the raw ES modules and the CDN file all get
// the minified text. The base (web/internal/base.css -> base-styles.js, BASE_CSS) and every
// component's web/components/<name>/<name>.css -> <name>.styles.js (<NAME>_CSS = BASE_CSS + its own).
// `node scripts/build-css.js` after editing a .css; tests/node/styles.test.js fails while a module is
// stale. With --check it only reports stale modules (exit 1).
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { writeGenerated } from './generated-files.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const COMPONENTS = 'web/components';

/** Each generated module: its CSS source, the constant it exports, and what the CSS is appended to. */
export async function styleModules() {
  const modules = [{ css: 'web/internal/base.css', module: 'web/internal/base-styles.js', name: 'BASE_CSS',
    doc: 'Base styles for every element. Themable through --btalk-* custom properties and ::part.' }];
  for (const entry of (await readdir(join(root, COMPONENTS), { withFileTypes: true })).filter((e) => e.isDirectory())) {
    const folder = `${COMPONENTS}/${entry.name}`;
    if (!existsSync(join(root, folder, `${entry.name}.css`))) continue;
    modules.push({
      css: `${folder}/${entry.name}.css`, module: `${folder}/${entry.name}.styles.js`,
      name: `${entry.name.replace(/-/g, '_').toUpperCase()}_CSS`, after: { name: 'BASE_CSS', from: '../../internal/base-styles.js' },
      doc: `<btalk-${entry.name}>'s styles: the shared base plus its own. Themable through the --btalk-* custom\n// properties and ::part() (see the JSDoc of the element).`,
    });
  }
  // Parts loaded on demand carry their own styles, adopted with them.
  modules.push({ css: 'web/internal/combobox.css', module: 'web/internal/combobox-styles.js', name: 'COMBOBOX_CSS',
    doc: "The type-ahead combobox's styles (a chunk of its own, with combobox.js): adopted by a shadow root\n// the first time a long list shows there." });
  modules.push({ css: 'web/components/address-form/lookups/lookups.css', module: 'web/components/address-form/lookups/lookups.styles.js',
    name: 'LOOKUPS_CSS', doc: "The address form's look-ups' styles, adopted with them (on demand): listboxes, the search box." });
  return modules;
}

/** The text of one generated module. */
export async function styleModule({ css, name, after, doc }) {
  const source = await readFile(join(root, css), 'utf8');
  const { code } = await esbuild.transform(source, { loader: 'css', minify: true, logLevel: 'silent' });
  const text = JSON.stringify(code.trim());
  return [
    `// ${doc}`,
    `// Generated from ${css.split('/').pop()} by scripts/build-css.js (minified): edit the .css, then run it.`,
    ...(after ? [`import { ${after.name} } from '${after.from}';`, '', `export const ${name} = ${after.name} + ${text};`]
      : ['', `export const ${name} = ${text};`]),
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outputs = [];
  for (const entry of await styleModules()) outputs.push({ file: entry.module, text: await styleModule(entry), source: `${entry.css} (minified)` });
  const stale = await writeGenerated(root, outputs, { check: process.argv.includes('--check'), script: 'scripts/build-css.js' });
  if (stale && process.argv.includes('--check')) process.exit(1);
}
