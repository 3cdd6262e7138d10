// The demo page's one template (examples/page/index.html, rendered by examples/page/render.js):
// the served demo (examples/serve.js at /) and the static site (scripts/build-site.js ->
// site/index.html) are both made from it, so they carry the same elements, the same settings
// form and the language menu of web/internal/localize.js LANGUAGES; the site keeps its CSP and
// relative URLs; template mistakes fail loudly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES } from '../../web/internal/localize.js';
import { TARGETS, buildPage, languageName, languageOptions, renderPage } from '../../examples/page/render.js';
import { absoluteUrls } from '../../scripts/build-site.js';
import { createApp, listen } from '../../examples/serve.js';
import { FIXTURES_DIR, close } from './fixtures/standin/harness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pages = { demo: await buildPage('demo'), site: await buildPage('site') };

/** The custom elements' start tags, in page order. */
const elementTags = (html) => [...html.matchAll(/<btalk-[a-z-]+\b[^>]*>/g)].map((m) => m[0]);
/** The ids of the page, in order. */
const ids = (html) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
/** The language menu's options as [value, text]. */
const languageMenu = (html) => {
  const select = html.match(/<select id="lang"[^>]*>([\s\S]*?)<\/select>/)[1];
  return [...select.matchAll(/<option value="([^"]*)" lang="\1">([^<]*)<\/option>/g)].map((m) => [m[1], m[2]]);
};

test('both pages carry the same three elements, each on its target\'s api-base', () => {
  const tags = Object.fromEntries(Object.entries(pages).map(([target, html]) => [target, elementTags(html)]));
  assert.equal(tags.demo.length, 3);
  assert.deepEqual(tags.demo.map((t) => t.match(/^<([a-z-]+)/)[1]), ['btalk-voicesite-order', 'btalk-address-form', 'btalk-site-import']);
  for (const [target, list] of Object.entries(tags)) {
    assert.ok(list.every((t) => t.includes(` api-base="${TARGETS[target].apiBase}"`)), `${target}: ${list.join(' ')}`);
  }
  const neutral = (list, target) => list.map((t) => t.replace(` api-base="${TARGETS[target].apiBase}"`, ''));
  assert.deepEqual(neutral(tags.site, 'site'), neutral(tags.demo, 'demo'));
});

test('the site has every id of the demo page (plus its stand-in notice), in the same order', () => {
  const site = ids(pages.site);
  const notice = ['notice-title', 'kept-title', 'kept-summary', 'kept-list', 'reset-demo', 'reset-status'];
  assert.deepEqual(site.filter((id) => !notice.includes(id)), ids(pages.demo));
  assert.ok(notice.every((id) => site.includes(id)));
  assert.ok(ids(pages.demo).includes('site-import'), 'the bulk import is on both pages');
});

test('the language menu is web/internal/localize.js LANGUAGES, each named in itself, on both pages', () => {
  const expected = LANGUAGES.map((code) => [code, languageName(code)]);
  assert.equal(expected.length, 7);
  assert.deepEqual(languageMenu(pages.demo), expected);
  assert.deepEqual(languageMenu(pages.site), expected);
  assert.deepEqual(expected.find(([code]) => code === 'it'), ['it', 'Italiano']);
  // A language added to the list appears in the menu with no other edit.
  assert.match(languageOptions(['en', 'pl']), /<option value="pl" lang="pl">Polski<\/option>/);
});

test('every URL of both pages is relative; only the site has the CSP meta tag and the stand-in notice', () => {
  for (const [target, html] of Object.entries(pages)) {
    assert.deepEqual(absoluteUrls(html), [], target);
    assert.doesNotMatch(html, /\{\{|<!-- (?:if|end if)|<!--#/, `${target}: no template syntax left`);
    assert.match(html, new RegExp(`<script type="module" src="${TARGETS[target].script}"></script>`));
    assert.match(html, /<a href="sample-sites.csv" download>/);
  }
  assert.match(pages.site, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; /);
  assert.doesNotMatch(pages.demo, /Content-Security-Policy/);
  assert.match(pages.site, /class="standin-notice"/);
  assert.doesNotMatch(pages.demo, /standin-notice|reset-demo/);
  assert.match(pages.demo, /value="proxy" checked/);
  assert.match(pages.site, /value="standin" checked/);
});

test('template mistakes fail: unknown target, value or block, an unclosed or nested block', () => {
  assert.throws(() => renderPage('<p></p>', 'portal'), /no page target "portal"/);
  assert.throws(() => renderPage('<p>{{nope}}</p>', 'demo'), /\{\{nope\}\} has no value for "demo"/);
  assert.throws(() => renderPage('<!-- if portal -->\n<p></p>\n<!-- end if -->\n', 'demo'), /"if portal" names no target/);
  assert.throws(() => renderPage('<!-- if site -->\n<p></p>\n', 'site'), /unbalanced or nested/);
  assert.throws(() => renderPage('<!-- if site -->\n<!-- if demo -->\n<!-- end if -->\n<!-- end if -->\n', 'site'), /unbalanced or nested/);
  assert.equal(renderPage('<!--# note {{x}} -->\n<!-- if site -->\n<b>s</b>\n<!-- end if -->\n<!-- if demo -->\n<i>d</i>\n<!-- end if -->\n<t>{{title}}</t>\n', 'demo'),
    `<i>d</i>\n<t>${TARGETS.demo.title}</t>\n`);
  assert.equal(renderPage('<a title="{{title}}">', 'site').includes('"btalk-forms demo: order a Business Talk voicesite (static, built-in stand-in)"'), true);
});

test('npm start serves the demo page rendered from the template', async () => {
  const app = createApp({ stateFile: null, dataDir: FIXTURES_DIR });
  const port = await listen(app.server, 0, '127.0.0.1');
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(await res.text(), pages.demo);
    for (const file of ['demo.js', 'page.js', 'demo.css', 'favicon.svg', 'sample-sites.csv']) {
      assert.equal((await fetch(`http://127.0.0.1:${port}/${file}`)).status, 200, file);
    }
  } finally {
    await close(app.server);
  }
});

test('scripts/build-site.js writes the site page rendered from the template, with the page\'s files', async (t) => {
  const out = await mkdtemp(join(tmpdir(), 'site-build-'));
  t.after(() => rm(out, { recursive: true, force: true }));
  await new Promise((resolve, reject) => execFile(process.execPath, ['scripts/build-site.js'], { cwd: root, env: { ...process.env, BTALK_SITE_DIR: out } },
    (error, stdout, stderr) => (error ? reject(new Error(stderr || error.message)) : resolve())));
  assert.equal(await readFile(join(out, 'index.html'), 'utf8'), pages.site);
  const files = await readdir(out);
  for (const file of ['demo.css', 'site.css', 'favicon.svg', 'sample-sites.csv', 'assets', 'dist']) assert.ok(files.includes(file), file);
  assert.equal(await readFile(join(out, 'sample-sites.csv'), 'utf8'), await readFile(join(root, 'examples', 'page', 'sample-sites.csv'), 'utf8'));
});
