// The component recipe (docs/contributing.md#component-recipe), held for every folder of web/components:
// the same files in the same roles, and a controller that stays DOM-free (its import graph never
// reaches a view, the element class or the DOM helpers of internal/shared.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const COMPONENTS = new URL('../../web/components/', import.meta.url);
const names = readdirSync(COMPONENTS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

/** Every module `url` imports statically, transitively (relative specifiers only). */
function importGraph(url, seen = new Set()) {
  if (seen.has(url.href)) return seen;
  seen.add(url.href);
  const source = readFileSync(url, 'utf8');
  for (const [, spec] of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    if (spec.startsWith('.')) importGraph(new URL(spec, url), seen);
  }
  return seen;
}

test('the three elements are there', () => {
  for (const name of ['address-form', 'voicesite-order', 'site-import']) assert.ok(names.includes(name), names.join());
});

for (const name of names) {
  const folder = new URL(`${name}/`, COMPONENTS);

  test(`${name}: entry, component, controller, view, .css styles, typings and i18n/`, () => {
    for (const file of [`${name}.js`, `${name}.component.js`, `${name}.controller.js`, `${name}.view.js`, `${name}.css`,
      `${name}.styles.js`, `${name}.d.ts`, 'i18n/en.js', 'i18n/index.js']) {
      assert.ok(existsSync(new URL(file, folder)), `web/components/${name}/${file} is missing`);
    }
    const entry = readFileSync(new URL(`${name}.js`, folder), 'utf8');
    assert.match(entry, new RegExp(`defineElement\\('btalk-${name}', `), 'the entry defines the element');
    assert.match(entry, new RegExp(`from '\\./${name}\\.component\\.js'`), 'the entry takes the class from the component');
    const component = readFileSync(new URL(`${name}.component.js`, folder), 'utf8');
    for (const part of [`./${name}.controller.js`, `./${name}.styles.js`, './i18n/index.js']) {
      assert.ok(component.includes(`'${part}'`), `${name}.component.js imports ${part}`);
    }
  });

  test(`${name}: the controller and every module it imports are DOM-free`, () => {
    const files = [...importGraph(new URL(`${name}.controller.js`, folder))].map((href) => href.split('/web/')[1]);
    assert.ok(files.length > 1, files.join());
    for (const file of files) {
      assert.doesNotMatch(file, /\.view\.js$|\.component\.js$|^internal\/shared\.js$/, `${name}.controller.js reaches ${file}`);
    }
  });
}
