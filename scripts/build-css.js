#!/usr/bin/env node
// The elements' styles are written as readable CSS (web/**/*.css) and shipped minified, as JS modules
// (esbuild minifies JS but leaves the CSS inside template literals as written): this writes each module
// from its .css with esbuild's CSS minifier, so bundler users, the raw ES modules and the CDN file all get
// the minified text. `node scripts/build-css.js` after editing a .css; tests/node/styles.test.js fails
// while a module is stale. With --check it only reports stale modules (exit 1).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Each generated module: its CSS source, the constant it exports, and what the CSS is appended to. */
export const STYLE_MODULES = [
  { css: 'web/internal/base.css', module: 'web/internal/base-styles.js', name: 'BASE_CSS',
    doc: 'Base styles for every element. Themable through --btalk-* custom properties and ::part.' },
  { css: 'web/internal/combobox.css', module: 'web/internal/combobox-styles.js', name: 'COMBOBOX_CSS',
    doc: "The type-ahead combobox's styles (a chunk of its own, with combobox.js): adopted by a shadow root\n// the first time a long list shows there." },
  { css: 'web/components/address-form/address-form.css', module: 'web/components/address-form/address-form.styles.js',
    name: 'ADDRESS_FORM_CSS', after: { name: 'BASE_CSS', from: '../../internal/base-styles.js' },
    doc: "<btalk-address-form>'s styles: the shared base plus the form's own layout. Themable through\n// the --btalk-* custom properties and ::part() (see the JSDoc of the element)." },
];

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
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const entry of STYLE_MODULES) {
    const text = await styleModule(entry);
    const file = join(root, entry.module);
    const current = await readFile(file, 'utf8').catch(() => '');
    if (current === text) continue;
    stale += 1;
    if (check) console.log(`${entry.module} is stale: run node scripts/build-css.js`);
    else {
      await writeFile(file, text);
      console.log(`${entry.module}: ${entry.css} minified`);
    }
  }
  if (check && stale) process.exit(1);
}
