// Which wasm a page downloads (issue 7): the address form alone fetches the address-only module; a
// page that also has the order element fetches the full module once, and its address forms use it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, coreIsBuilt } from './helpers.js';

const env = browserSuite();

/** Opens the page, waits for the address form, and says which wasm and glue files were requested. */
async function load(query) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const requested = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (/\/dist\/btalk-(address-)?core\.(wasm|js)$/.test(pathname)) requested.push(pathname);
  });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  try {
    await page.goto(`${env.server.origin}/pages/core-choice.html?${query}`);
    await page.waitForFunction(() => window.loaded !== undefined);
    await page.evaluate(() => window.loaded);
    const variant = await page.evaluate(async () => (await (await import('/web/address-core.js')).loadAddressCore()).variant);
    const fields = await page.evaluate(() => document.querySelector('btalk-address-form').shadowRoot.querySelectorAll('input, select').length);
    return { requested: requested.sort(), variant, fields, problems };
  } finally {
    await context.close();
  }
}

const skip = !coreIsBuilt() && 'wasm core not built';

test('Chromium: the address form alone downloads the address-only module, not the full one', { skip }, async () => {
  const { requested, variant, fields, problems } = await load('entry=address-form');
  assert.deepEqual(problems, []);
  assert.ok(fields > 0);
  assert.equal(variant, 'address');
  assert.deepEqual(requested, ['/dist/btalk-address-core.js', '/dist/btalk-address-core.wasm']);
});

for (const entry of ['elements', 'voicesite-order']) {
  test(`Chromium: with both elements (btalk-forms/${entry}) the page downloads one wasm, the full core`, { skip }, async () => {
    const { requested, variant, fields, problems } = await load(`entry=${entry}&order=1`);
    assert.deepEqual(problems, []);
    assert.ok(fields > 0);
    assert.equal(variant, 'full');
    assert.deepEqual(requested.filter((path) => path.endsWith('.wasm')), ['/dist/btalk-core.wasm']);
    assert.ok(!requested.includes('/dist/btalk-address-core.js'), requested.join(', '));
  });
}
