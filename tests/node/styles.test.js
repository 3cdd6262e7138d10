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
  const { LOOKUPS_CSS } = await import('../../web/components/address-form/lookups/lookups.styles.js');
  const { BASE_CSS } = await import('../../web/internal/shared.js');
  assert.ok(ADDRESS_FORM_CSS.startsWith(BASE_CSS));
  const source = (...files) => files.map((file) => readFileSync(join(root, file), 'utf8')).join('\n');
  const properties = (text) => [...new Set(text.match(/--btalk-[a-z-]+/g))].sort();
  // Rule count: one "{" per rule or at-rule, comments aside.
  const blocks = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').split('{').length;
  for (const [css, files] of [
    [ADDRESS_FORM_CSS, ['web/internal/base.css', 'web/components/address-form/address-form.css']],
    [LOOKUPS_CSS, ['web/components/address-form/lookups/lookups.css']],
  ]) {
    assert.deepEqual(properties(css), properties(source(...files)), files.join(' + '));
    assert.equal(blocks(css), blocks(source(...files)), files.join(' + '));
    assert.doesNotMatch(css, /\/\*|\n/);
  }
  assert.match(ADDRESS_FORM_CSS, /@container btalk-fields \(min-width:\s?28rem\)/);
});
