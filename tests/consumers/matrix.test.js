// The consumer matrix (issues #7, #15): the package as users get it. `npm pack`, then the tarball is installed
// into the fixture projects of this folder (their tools come from the one lockfile here, installed with `npm ci`),
// and each toolchain is checked the way its users work: esbuild browser bundle, webpack 5 with no config, the dev
// server and build of Vite 5, 7 and 8 with no config (rendered in Chromium against the stand-in), a React 18 app
// with the React wrappers, Vitest with happy-dom, every export imported at run time in plain Node and in each
// bundler, the stand-in's bundled data from the tarball, tsc --strict (bundler and node16), the CDN file from a
// plain static server, and a C++ project using find_package(btalk_core).
//
// It must pass on a fresh machine whose npm cache is empty (.ci/run runs it so): only `npm ci` reaches the
// registry, for what the lockfile pins.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createApp } from '../../examples/serve.js';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import { launchBrowser, orderVoicesite } from '../browser/helpers.js';
import { serveFolders } from './static-server.js';
import { bin, fixture, formShown, here, onPage, root, seconds, sh } from './harness.js';
import { entrySource, exportEntries } from './shared/exports.js';

const startedAt = performance.now();
const timings = [];
const FR = JSON.parse(await readFile(join(BUNDLED_DATA_DIR, 'countries', 'FR.json'), 'utf8'));
const installed = join(here, 'node_modules', 'btalk-forms');
// The Vite majors teams run, each from the lockfile (npm aliases: "vite5": "npm:vite@5...").
const VITES = [['Vite 5', 'vite5', 5], ['Vite 7', 'vite7', 7], ['Vite 8', 'vite', 8]];

let scratch;
let app;
let browser;
let api;
let entries;

before(async () => {
  const step = async (name, work) => {
    const start = performance.now();
    await work();
    timings.push(`${name} ${seconds(start)}`);
  };
  scratch = await mkdtemp(join(tmpdir(), 'btalk-consumers-'));
  let tarball;
  await step('npm pack', async () => {
    const { stdout } = await sh('npm', ['pack', '--silent', '--pack-destination', scratch], { cwd: root });
    tarball = join(scratch, stdout.trim().split('\n').pop());
  });
  await step('npm ci', () => sh('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: here }));
  // The tarball's runtime dependencies are pinned in this folder's lockfile (package.json here lists them), so
  // installing it needs nothing from the registry: --offline. Resolving them again from the registry would make
  // the matrix depend on what the machine's npm cache holds (issue #15: papaparse's metadata, absent on a fresh
  // machine), and would test whatever version the registry serves that day instead of the pinned one.
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const fixtures = JSON.parse(await readFile(join(here, 'package.json'), 'utf8'));
  for (const [name, version] of Object.entries(pkg.dependencies ?? {})) {
    assert.equal(fixtures.devDependencies[name], version,
      `the package depends on ${name}@${version}: pin the same in tests/consumers (npm install -D -E ${name}@${version} there)`);
  }
  await step('install the tarball', () => sh('npm', ['install', '--no-save', '--offline', '--no-audit', '--no-fund', tarball], { cwd: here }));
  const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
  entries = exportEntries(manifest, installed).filter((entry) => entry.kind !== 'asset');
  await writeFile(fixture('exports/browser.generated.js'), entrySource(entries.filter((e) => !e.nodeOnly), 'window'));
  await writeFile(fixture('exports/node.generated.js'), entrySource(entries, 'stdout'));
  // The stand-in (CORS open to any origin) and examples/serve.js's same-origin proxy to it.
  app = createApp({ stateFile: null });
  await new Promise((done) => app.server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${app.server.address().port}`;
  const key = app.standIn.data.raw.apiKeys.find((k) => k.rightsProfile === 'full');
  api = { origin, api: `${origin}/btalk/v1`, accessToken: app.standIn.issueToken(), apiKey: key.key };
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  app?.server.closeAllConnections?.();
  await new Promise((done) => (app ? app.server.close(done) : done()));
  if (scratch) await rm(scratch, { recursive: true, force: true });
  for (const name of ['browser', 'node']) await rm(fixture(`exports/${name}.generated.js`), { force: true });
  console.log(`consumer matrix: ${seconds(startedAt)} (${timings.join(', ')})`);
});

/** Opens `url` and waits until <btalk-address-form> shows France's form from the stand-in. */
async function renderAddressForm(url, { credentials } = {}) {
  const { value, requests } = await onPage(browser, url, { init: credentials, api }, (page) => formShown(page));
  return { requests, ...value };
}

function assertFranceShown(result) {
  assert.ok(result.label.includes(FR.addressConstraints.hno.defaultLabel), `label: ${result.label}`);
  assert.ok(result.fields.includes('pc'), `fields: ${result.fields}`);
  assert.ok(result.requests.some((url) => /\.wasm(\?|$)/.test(url)), 'the wasm was fetched');
  assert.ok(result.requests.some((url) => url.startsWith(`${api.api}/countries/FR`)), 'the API was asked for France');
}

/** What plain Node gets from each export (ssr/import-all.js), computed once. */
let nodeImports;
function importAllInNode() {
  nodeImports ??= sh(process.execPath, [fixture('ssr/import-all.js')], { cwd: fixture('ssr') }).then(({ stdout }) => JSON.parse(stdout));
  return nodeImports;
}

/** A bundle of exports/browser.generated.js, served from `dir`, must see every browser export as Node does. */
async function assertBundledExports(dir, page = 'index.html') {
  const server = await serveFolders({ '/': dir });
  try {
    await assertPageExports(`${server.origin}/${page}`);
  } finally {
    await server.close();
  }
}

async function assertPageExports(url) {
  const { value } = await onPage(browser, url, { api }, async (page) => {
    await page.waitForFunction(() => globalThis.btalkExports, null, { timeout: 30_000 });
    return page.evaluate(() => globalThis.btalkExports);
  });
  const { results } = await importAllInNode();
  const browserSpecifiers = entries.filter((e) => !e.nodeOnly).map((e) => e.specifier);
  assert.deepEqual(value, Object.fromEntries(browserSpecifiers.map((s) => [s, results[s]])));
}

/** A node bundle of exports/node.generated.js (every export), run by node, must see what Node sees. */
async function assertNodeBundle(file) {
  const { stdout } = await sh(process.execPath, [file], { cwd: dirname(file) });
  const { results } = await importAllInNode();
  assert.deepEqual(JSON.parse(stdout), Object.fromEntries(entries.map((e) => [e.specifier, results[e.specifier]])));
}

test('esbuild: a browser bundle builds with no node: import and renders the form', async () => {
  const dir = fixture('esbuild');
  const { stderr } = await sh(bin('esbuild'), ['main.js', '--bundle', '--format=esm', '--outdir=dist', '--log-level=warning'], { cwd: dir });
  assert.equal(stderr, '', 'esbuild printed warnings');
  const bundle = await readFile(join(dir, 'dist', 'main.js'), 'utf8');
  assert.doesNotMatch(bundle, /(from|import\(?)\s*["']node:/);
  // esbuild leaves new URL('../dist/btalk-address-core.wasm', import.meta.url) as is: the user copies the wasm next
  // to the bundle (the address form alone uses the address-only module).
  assert.match(bundle, /btalk-address-core\.wasm/);
  assert.doesNotMatch(bundle, /btalk-core\.wasm/, 'the address form alone does not reference the full module');
  await copyFile(join(installed, 'dist', 'btalk-address-core.wasm'), join(dir, 'dist', 'btalk-address-core.wasm'));
  const server = await serveFolders({ '/': dir });
  try {
    assertFranceShown(await renderAddressForm(`${server.origin}/index.html`, { credentials: api }));
  } finally {
    await server.close();
    await rm(join(dir, 'dist'), { recursive: true, force: true });
  }
});

test('esbuild: every export imports at run time, in a browser bundle and in a node bundle', async () => {
  const out = join(scratch, 'exports-esbuild');
  await sh(bin('esbuild'), ['browser.generated.js', '--bundle', '--format=esm', `--outdir=${out}`, '--log-level=error'], { cwd: fixture('exports') });
  await copyFile(fixture('exports/index.html'), join(out, 'index.html'));
  await assertBundledExports(out);
  await sh(bin('esbuild'), ['node.generated.js', '--bundle', '--platform=node', '--format=esm', `--outfile=${join(out, 'node.mjs')}`, '--log-level=error'], { cwd: fixture('exports') });
  await assertNodeBundle(join(out, 'node.mjs'));
});

test('webpack 5: no config; the wasm becomes an emitted asset and the form renders', async () => {
  const dir = fixture('webpack');
  try {
    const { stdout } = await sh(process.execPath, ['build.cjs'], { cwd: dir });
    // The fixture imports the address form alone: the address-only module is the asset webpack emits.
    assert.match(stdout, /asset \S+\.wasm .*\[from: .*btalk-forms\/dist\/btalk-address-core\.wasm\]/);
    const server = await serveFolders({ '/': dir });
    try {
      const result = await renderAddressForm(`${server.origin}/index.html`, { credentials: api });
      assertFranceShown(result);
      assert.ok(result.requests.some((url) => url.startsWith(`${server.origin}/dist/`) && url.endsWith('.wasm')));
    } finally {
      await server.close();
    }
  } finally {
    await rm(join(dir, 'dist'), { recursive: true, force: true });
  }
});

test('webpack 5: every export imports at run time, in a web bundle and in a node bundle', async () => {
  const out = join(scratch, 'exports-webpack');
  // Everything in one bundle (React, the CDN file...) is over webpack's size hints, and minifying it took most of
  // two minutes here: neither is the point (production mode still tree-shakes, with package.json "sideEffects").
  const webpack = (options) => sh(process.execPath, [fixture('webpack/build.cjs'),
    JSON.stringify({ performance: { hints: false }, optimization: { minimize: false }, ...options })], { cwd: fixture('exports') });
  const entry = (name) => fixture(`exports/${name}.generated.js`);
  await webpack({ entry: entry('browser'), output: { path: out, filename: 'browser.generated.js' } });
  await copyFile(fixture('exports/index.html'), join(out, 'index.html'));
  await assertBundledExports(out);
  await webpack({ target: 'node', entry: entry('node'), output: { path: join(out, 'node'), filename: 'main.cjs' } });
  await assertNodeBundle(join(out, 'node', 'main.cjs'));
});

for (const [name, pkg, major] of VITES) {
  /** Vite's JS API; a fresh dependency cache (node_modules/.vite, shared by the three) for each dev server. */
  const vite = async () => {
    const module = await import(pkg);
    assert.equal(Number(module.version.split('.')[0]), major, `${pkg} is Vite ${module.version}`);
    return module;
  };
  const devServer = async (rootDir) => {
    const { createServer } = await vite();
    await rm(join(here, 'node_modules', '.vite'), { recursive: true, force: true });
    const server = await createServer({ root: rootDir, configFile: false, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
    await server.listen();
    return { origin: `http://127.0.0.1:${server.httpServer.address().port}`, close: () => server.close() };
  };
  const buildSite = async (rootDir) => {
    const { build } = await vite();
    const outDir = await mkdtemp(join(scratch, 'vite-build-'));
    const warnings = [];
    await build({
      root: rootDir, configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true },
      customLogger: { info() {}, warn: (m) => warnings.push(m), warnOnce: (m) => warnings.push(m), error: (m) => warnings.push(m), clearScreen() {}, hasErrorLogged: () => false, hasWarned: false },
    });
    assert.deepEqual(warnings.filter((w) => /node:|externalized/.test(w)), []);
    return outDir;
  };

  test(`${name} dev server: the form renders with no Vite configuration`, async () => {
    const server = await devServer(fixture('vite'));
    try {
      assertFranceShown(await renderAddressForm(`${server.origin}/`, { credentials: api }));
    } finally {
      await server.close();
    }
  });

  test(`${name} build: the built site renders the form, the wasm emitted as an asset`, async () => {
    const outDir = await buildSite(fixture('vite'));
    const server = await serveFolders({ '/': outDir });
    try {
      const result = await renderAddressForm(`${server.origin}/index.html`, { credentials: api });
      assertFranceShown(result);
      assert.ok(result.requests.some((url) => url.startsWith(`${server.origin}/assets/`) && url.includes('.wasm')));
    } finally {
      await server.close();
    }
  });

  test(`${name}: every export imports at run time, in the dev server and in the build`, async () => {
    const server = await devServer(fixture('exports'));
    try {
      await assertPageExports(`${server.origin}/`);
    } finally {
      await server.close();
    }
    await assertBundledExports(await buildSite(fixture('exports')));
  });

  if (major === 5) {
    test(`React 18 (${name} build): the wrappers set client, credentials and value as properties; onBtalkAddressSaved receives the event`, async () => {
      const customerCode = String(app.standIn.data.raw.customers[0].customerCode);
      const vpnId = app.standIn.data.raw.customers[0].vpns[0].vpnId;
      const voiceSiteId = await orderVoicesite(api.origin, customerCode, vpnId, 'FR');
      const address = FR.addresses[0].voiceAddress;
      const outDir = await buildSite(fixture('react18'));
      const server = await serveFolders({ '/': outDir });
      try {
        const init = { ...api, customerCode, voiceSiteId, address };
        const { value } = await onPage(browser, `${server.origin}/index.html`, { init, api }, async (page) => {
          assert.match(await page.locator('h1').textContent(), /^React 18\./);
          await formShown(page, '#with-credentials');
          await formShown(page, '#with-client');
          const attributes = await page.evaluate(() => [...document.querySelectorAll('btalk-address-form')]
            .map((form) => form.getAttributeNames().sort()));
          // React 18 alone would have written these as attributes ("[object Object]", "false").
          assert.deepEqual(attributes, [['api-base', 'country', 'customer-code', 'id', 'voicesite-id'], ['country', 'id', 'lang']]);
          assert.deepEqual(await page.evaluate(() => document.querySelector('#with-credentials').value), address);
          await page.locator('#with-credentials >> [part="save"]').click();
          await page.waitForSelector('#saved', { timeout: 30_000 });
          return page.evaluate(() => ({ saved: document.querySelector('#saved').textContent, events: window.events }));
        });
        assert.equal(value.saved, `Saved to ${voiceSiteId}`);
        const saved = value.events.filter((e) => e.type === 'btalk-address-saved');
        assert.deepEqual(saved, [{ type: 'btalk-address-saved', id: 'with-credentials', detail: { voiceSiteId, address } }]);
        const loaded = value.events.filter((e) => e.type === 'btalk-loaded').map((e) => `${e.id}:${e.detail.country}`).sort();
        assert.deepEqual(loaded, ['with-client:FR', 'with-credentials:FR']);
        assert.deepEqual(value.events.filter((e) => e.type === 'btalk-error'), []);
      } finally {
        await server.close();
      }
    });
  }
}

test('Vitest with happy-dom: loadCore() loads the wasm and validates', async () => {
  const { stdout } = await sh(bin('vitest'), ['run', '--reporter=verbose'], { cwd: fixture('vitest'), env: { ...process.env, CI: '1', NO_COLOR: '1' } });
  assert.match(stdout, /loadCore\(\) works under happy-dom and validates/);
  assert.match(stdout, /Tests\s+2 passed/);
});

test('plain Node SSR: every export (read from the installed package.json) imports without a DOM and defines nothing', async () => {
  const { hasHTMLElement, customElements, results, assets } = await importAllInNode();
  assert.equal(hasHTMLElement, false);
  assert.equal(customElements, 'undefined');
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const plain = Object.keys(manifest.exports).filter((subpath) => !subpath.includes('*'));
  // A module or JSON export imports; a file export (the placeholders' CSS) resolves to its file.
  for (const subpath of plain) {
    const specifier = subpath === '.' ? 'btalk-forms' : `btalk-forms/${subpath.slice(2)}`;
    assert.ok(results[specifier] || assets[specifier], subpath);
  }
  assert.match(assets['btalk-forms/placeholders.css'], /placeholders\.css$/);
  assert.ok(results['btalk-forms'].includes('loadCore'));
  assert.ok(results['btalk-forms/address-form'].includes('BtalkAddressForm'));
  assert.ok(results['btalk-forms/elements'].includes('defineElements'));
  assert.deepEqual(results['btalk-forms/react'], ['BtalkAddressForm', 'BtalkSiteImport', 'BtalkVoicesiteOrder', 'createComponent']);
  for (const typesOnly of ['jsx', 'vue']) assert.deepEqual(results[`btalk-forms/${typesOnly}`], [], typesOnly);
  assert.deepEqual(results['btalk-forms/package.json'], ['default']);
  // ./dist/*: each shipped file, modules imported, the wasm resolved.
  assert.ok(results['btalk-forms/dist/btalk-core.js'].includes('default'));
  assert.ok(assets['btalk-forms/dist/btalk-core.wasm'].endsWith('/node_modules/btalk-forms/dist/btalk-core.wasm'));
});

test('btalk-forms/standin from the tarball: its generated data modules answer a client (every country, the JSON\'s texts)', async () => {
  const { stdout } = await sh(process.execPath, [join(fixture('ssr'), 'standin.js')], { cwd: fixture('ssr') });
  const shown = JSON.parse(stdout);
  const isos = (await readdir(join(BUNDLED_DATA_DIR, 'countries'))).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, 2)).sort();
  assert.deepEqual(shown.countries, isos);
  assert.equal(shown.france, FR.name);
  assert.equal(shown.pcLabel, FR.addressConstraints.pc.defaultLabel);
});

test('btalk-forms/standin/node from the tarball: BUNDLED_DATA_DIR is a folder the package ships, and loadDataDir reads France from it', async () => {
  const { stdout } = await sh(process.execPath, [join(fixture('ssr'), 'bundled-data.js')], { cwd: fixture('ssr') });
  const shown = JSON.parse(stdout);
  assert.ok(shown.dir.startsWith(`${installed}/`), shown.dir);
  assert.equal(shown.france.name, FR.name);
  assert.deepEqual(shown.france.addressConstraints, FR.addressConstraints);
  assert.ok(shown.countries.length > 30, shown.countries.join());
});

for (const resolution of ['bundler', 'node16']) {
  test(`tsc --strict, moduleResolution ${resolution}: every entry, JSX (React), the React wrappers and Vue typings`, async () => {
    await sh(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', `tsconfig.${resolution}.json`], { cwd: fixture('tsc') });
  });
}

test('CDN: only the script tag and the element, from a plain static server, at most 3 package files', async () => {
  // The portal's same-origin proxy, from the installed package: it adds the credentials server-side,
  // for this site's own pages only.
  const { createBtalkProxy } = await import('btalk-forms/proxy');
  const client = app.standIn.data.oauthClients[0];
  const proxy = createBtalkProxy({
    clientId: client.clientId, clientSecret: client.clientSecret, apiKey: api.apiKey,
    apiBase: api.api, tokenUrl: `${new URL(api.api).origin}/oauth/v3/token`,
    authorize: (req) => req.headers['sec-fetch-site'] === 'same-origin',
  });
  const server = await serveFolders({ '/pkg/': installed, '/': fixture('cdn') }, {
    '/proxy/btalk/v1/': (req, res) => { req.url = req.url.slice('/proxy/btalk/v1'.length); proxy(req, res); },
  });
  try {
    const result = await renderAddressForm(`${server.origin}/index.html`);
    assert.ok(result.label.includes(FR.addressConstraints.hno.defaultLabel));
    const packageFiles = result.requests.filter((url) => url.startsWith(`${server.origin}/pkg/`));
    assert.ok(packageFiles.length <= 3, packageFiles.join('\n'));
    assert.ok(packageFiles.some((url) => url.endsWith('/pkg/dist/btalk-core.wasm')), packageFiles.join('\n'));
  } finally {
    await server.close();
  }
});

test('C++: cmake --install, then find_package(btalk_core) + btalk::core in a fresh project', { skip: !existsSync(join(root, 'build', 'native', 'CMakeCache.txt')) && 'run scripts/build.sh native first' }, async () => {
  const prefix = join(scratch, 'prefix');
  const build = join(scratch, 'cmake-consumer');
  await sh('cmake', ['--install', join(root, 'build', 'native'), '--prefix', prefix]);
  await sh('cmake', ['-S', fixture('cmake'), '-B', build, `-DCMAKE_PREFIX_PATH=${prefix}`, '-DCMAKE_BUILD_TYPE=Release']);
  await sh('cmake', ['--build', build]);
  const { stdout } = await sh(join(build, 'app'), []);
  assert.match(stdout, /good: \{"ok":\{"problems":\[\],"valid":true\}\}/);
  assert.match(stdout, /bad: .*"valid":false/);
  assert.match(stdout, /"field":"pc"/);
  // pkg-config describes the same library.
  const { stdout: pcFiles } = await sh('find', [prefix, '-name', 'btalk_core.pc']);
  const { stdout: flags } = await sh('pkg-config', ['--cflags', '--libs', 'btalk_core'], { env: { ...process.env, PKG_CONFIG_PATH: dirname(pcFiles.trim()) } });
  assert.match(flags, /-lbtalk_core\b/);
  const includeDir = /-I(\S+)/.exec(flags)?.[1];
  assert.equal(resolve(includeDir ?? ''), join(prefix, 'include'));
});
