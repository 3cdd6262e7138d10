// The shipped style modules are the minified text of their readable .css sources (scripts/build-css.js):
// the base and one per component (web/components/<name>/<name>.css), as the component recipe wants.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { styleModule, styleModules } from '../../scripts/build-css.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MODULES = await styleModules();

for (const entry of MODULES) {
  test(`${entry.module} is ${entry.css} minified (run node scripts/build-css.js after editing the .css)`, async () => {
    assert.equal(readFileSync(join(root, entry.module), 'utf8'), await styleModule(entry));
  });
}

test('every component has its styles from a .css source', () => {
  const components = readdirSync(join(root, 'web/components'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  assert.ok(components.length >= 3, components.join());
  for (const name of components) {
    assert.ok(MODULES.some((m) => m.css === `web/components/${name}/${name}.css`), `web/components/${name}/${name}.css is missing`);
  }
});

for (const entry of MODULES.filter((m) => m.after)) {
  test(`${entry.name}: the base plus every rule and custom property of ${entry.css}, minified`, async () => {
    const styles = (await import(join(root, entry.module)))[entry.name];
    const { BASE_CSS } = await import('../../web/internal/shared.js');
    assert.ok(styles.startsWith(BASE_CSS));
    const sources = [readFileSync(join(root, 'web/internal/base.css'), 'utf8'), readFileSync(join(root, entry.css), 'utf8')].join('\n');
    const properties = (text) => [...new Set(text.match(/--btalk-[a-z-]+/g))].sort();
    assert.deepEqual(properties(styles), properties(sources));
    // Rule count: one "{" per rule or at-rule, comments aside.
    const blocks = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').split('{').length;
    assert.equal(blocks(styles), blocks(sources));
    assert.doesNotMatch(styles, /\/\*|\n/);
  });
}

for (const entry of MODULES.filter((m) => !m.after && m.name !== 'BASE_CSS')) {
  test(`${entry.name}: every rule and custom property of ${entry.css}, minified, on its own`, async () => {
    const styles = (await import(join(root, entry.module)))[entry.name];
    const source = readFileSync(join(root, entry.css), 'utf8');
    const properties = (text) => [...new Set(text.match(/--btalk-[a-z-]+/g))].sort();
    assert.deepEqual(properties(styles), properties(source));
    const blocks = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').split('{').length;
    assert.equal(blocks(styles), blocks(source));
    assert.doesNotMatch(styles, /\/\*|\n/);
  });
}

test('the address form keeps its container query', async () => {
  const { ADDRESS_FORM_CSS } = await import('../../web/components/address-form/address-form.styles.js');
  assert.match(ADDRESS_FORM_CSS, /@container btalk-fields \(min-width:\s?28rem\)/);
  // The combobox's styles come with its chunk (COMBOBOX_CSS, checked above), not with the first load.
  assert.ok(!ADDRESS_FORM_CSS.includes('.combobox-option'));
});
