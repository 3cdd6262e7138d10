// The shipped style modules are the minified text of their readable .css sources (scripts/build-css.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { STYLE_MODULES, styleModule } from '../../scripts/build-css.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

for (const entry of STYLE_MODULES) {
  test(`${entry.module} is ${entry.css} minified (run node scripts/build-css.js after editing the .css)`, async () => {
    assert.equal(readFileSync(join(root, entry.module), 'utf8'), await styleModule(entry));
  });
}

test('the minified styles keep every rule and custom property of their sources', async () => {
  const { ADDRESS_FORM_CSS } = await import('../../web/components/address-form/address-form.styles.js');
  const { BASE_CSS } = await import('../../web/internal/shared.js');
  assert.ok(ADDRESS_FORM_CSS.startsWith(BASE_CSS));
  const own = (entry) => entry.css !== 'web/internal/combobox.css'; // a chunk of its own (checked below)
  const sources = STYLE_MODULES.filter(own).map((entry) => readFileSync(join(root, entry.css), 'utf8')).join('\n');
  const properties = (text) => [...new Set(text.match(/--btalk-[a-z-]+/g))].sort();
  assert.deepEqual(properties(ADDRESS_FORM_CSS), properties(sources));
  // Rule count: one "{" per rule or at-rule, comments aside.
  const blocks = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').split('{').length;
  assert.equal(blocks(ADDRESS_FORM_CSS), blocks(sources));
  assert.doesNotMatch(ADDRESS_FORM_CSS, /\/\*|\n/);
  assert.match(ADDRESS_FORM_CSS, /@container btalk-fields \(min-width:\s?28rem\)/);
  // The combobox's styles come with its chunk, not with the first load.
  const { COMBOBOX_CSS } = await import('../../web/internal/combobox-styles.js');
  const combobox = readFileSync(join(root, 'web/internal/combobox.css'), 'utf8');
  assert.deepEqual(properties(COMBOBOX_CSS), properties(combobox));
  assert.equal(blocks(COMBOBOX_CSS), blocks(combobox));
  assert.ok(!ADDRESS_FORM_CSS.includes('.combobox-option'));
});
