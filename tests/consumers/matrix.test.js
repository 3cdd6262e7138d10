// The consumer matrix (issue #7): the package as users get it. `npm pack`, then the tarball is installed
// offline from the file into the fixture projects of this folder (their tools come from the one lockfile
// here, installed with `npm ci`), and each toolchain is checked the way its users work:
// esbuild browser bundle, webpack 5 with no config, Vite dev server and build (rendered in Chromium against the stand-in), Vitest
// with happy-dom, plain Node SSR import of every entry, tsc --strict (bundler and node16), the CDN file
// from a plain static server, and a C++ project using find_package(btalk_core).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createApp } from '../../examples/serve.js';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import { launchBrowser } from '../browser/helpers.js';
import { serveFolders } from './static-server.js';

const run = promisify(execFile);
const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const fixture = (name) => join(here, name);
const bin = (name) => join(here, 'node_modules', '.bin', name);
const startedAt = performance.now();
const FR = JSON.parse(await readFile(join(BUNDLED_DATA_DIR, 'countries', 'FR.json'), 'utf8'));

let scratch;
let app;
let browser;
let api;

/** Runs a command; a failure shows its whole output. */
async function sh(file, args, options = {}) {
  try {
    return await run(file, args, { maxBuffer: 64 * 1024 * 1024, ...options });
  } catch (error) {
    throw new Error(`${file} ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'btalk-consumers-'));
  const { stdout } = await sh('npm', ['pack', '--silent', '--pack-destination', scratch], { cwd: root });
  const tarball = join(scratch, stdout.trim().split('\n').pop());
  await sh('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: here });
  await sh('npm', ['install', '--no-save', '--offline', '--no-audit', '--no-fund', tarball], { cwd: here });
  // The stand-in (CORS open to any origin) and examples/serve.js's same-origin proxy to it.
  app = createApp({ stateFile: null });
  await new Promise((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${app.server.address().port}`;
  const key = app.standIn.data.raw.apiKeys.find((k) => k.rightsProfile === 'full');
  api = { api: `${origin}/btalk/v1`, accessToken: app.standIn.issueToken(), apiKey: key.key };
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  app?.server.closeAllConnections?.();
  await new Promise((resolve) => (app ? app.server.close(resolve) : resolve()));
  if (scratch) await rm(scratch, { recursive: true, force: true });
  console.log(`consumer matrix: ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
});

/**
 * Opens `url` in Chromium and waits until <btalk-address-form> shows France's form from the stand-in.
 * With `credentials`, the page's mount script finds them on window.btalkTest.
 * @returns {Promise<{ requests: string[], label: string, fields: string[] }>}
 */
async function renderAddressForm(url, { credentials } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const probe = /status of 404/.test(message.text()) && probes.includes(message.location().url);
    if (!probe) problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('requestfinished', (request) => requests.push(request.url()));
  page.on('requestfailed', (request) => {
    // The element aborts a look-up it no longer needs (a newer one replaced it): not a failure.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  // A 404 from the API means "not offered" (dial zones, search...): the element probes for those.
  const probes = [];
  page.on('response', (response) => {
    const fromApi = response.url().startsWith(api.api) || response.url().includes('/proxy/btalk/v1/');
    if (response.status() === 404 && fromApi) probes.push(response.url());
    else if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  try {
    if (credentials) await page.addInitScript((value) => { window.btalkTest = value; }, credentials);
    await page.goto(url);
    const shown = await page.waitForFunction(() => {
      const root = document.querySelector('btalk-address-form')?.shadowRoot;
      const label = root?.querySelector('[data-field="hno"] [part~="label"]');
      return label ? { label: label.textContent, fields: [...root.querySelectorAll('[data-field]')].map((f) => f.dataset.field) } : null;
    }, null, { timeout: 30_000 }).then((handle) => handle.jsonValue()).catch(async (error) => {
      throw new Error(`the address form did not render at ${url}: ${error.message}\n${problems.join('\n')}`);
    });
    assert.deepEqual(problems, []);
    if (process.env.BTALK_CONSUMERS_VERBOSE) console.log(url, requests);
    return { requests, ...shown };
  } finally {
    await context.close();
  }
}

function assertFranceShown(result) {
  assert.ok(result.label.includes(FR.addressConstraints.hno.defaultLabel), `label: ${result.label}`);
  assert.ok(result.fields.includes('pc'), `fields: ${result.fields}`);
  assert.ok(result.requests.some((url) => /\.wasm(\?|$)/.test(url)), 'the wasm was fetched');
  assert.ok(result.requests.some((url) => url.startsWith(`${api.api}/countries/FR`)), 'the API was asked for France');
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
  await copyFile(join(here, 'node_modules', 'btalk-forms', 'dist', 'btalk-address-core.wasm'), join(dir, 'dist', 'btalk-address-core.wasm'));
  const server = await serveFolders({ '/': dir });
  try {
    assertFranceShown(await renderAddressForm(`${server.origin}/index.html`, { credentials: api }));
  } finally {
    await server.close();
    await rm(join(dir, 'dist'), { recursive: true, force: true });
  }
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

test('Vite dev server: the form renders with no Vite configuration', async () => {
  const { createServer } = await import('vite');
  const server = await createServer({ root: fixture('vite'), logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  try {
    const address = server.httpServer.address();
    assertFranceShown(await renderAddressForm(`http://127.0.0.1:${address.port}/`, { credentials: api }));
  } finally {
    await server.close();
  }
});

test('Vite build: the built site renders the form, the wasm emitted as an asset', async () => {
  const dir = fixture('vite');
  const outDir = await mkdtemp(join(tmpdir(), 'btalk-vite-build-'));
  try {
    const { build } = await import('vite');
    const warnings = [];
    await build({
      root: dir, logLevel: 'warn', build: { outDir, emptyOutDir: true },
      customLogger: { info() {}, warn: (m) => warnings.push(m), warnOnce: (m) => warnings.push(m), error: (m) => warnings.push(m), clearScreen() {}, hasErrorLogged: () => false, hasWarned: false },
    });
    assert.deepEqual(warnings.filter((w) => /node:|externalized/.test(w)), []);
    const server = await serveFolders({ '/': outDir });
    try {
      const result = await renderAddressForm(`${server.origin}/index.html`, { credentials: api });
      assertFranceShown(result);
      assert.ok(result.requests.some((url) => url.startsWith(`${server.origin}/assets/`) && url.includes('.wasm')));
    } finally {
      await server.close();
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
});

test('Vitest with happy-dom: loadCore() loads the wasm and validates', async () => {
  const { stdout } = await sh(bin('vitest'), ['run', '--reporter=verbose'], { cwd: fixture('vitest'), env: { ...process.env, CI: '1', NO_COLOR: '1' } });
  assert.match(stdout, /loadCore\(\) works under happy-dom and validates/);
  assert.match(stdout, /Tests\s+2 passed/);
});

test('plain Node SSR: every entry imports without a DOM and defines nothing', async () => {
  const { stdout } = await sh(process.execPath, [join(fixture('ssr'), 'import-all.js')], { cwd: fixture('ssr') });
  const { hasHTMLElement, customElements, results } = JSON.parse(stdout);
  assert.equal(hasHTMLElement, false);
  assert.equal(customElements, 'undefined');
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const runtimeEntries = Object.entries(manifest.exports).filter(([k, v]) => !k.includes('*') && !k.endsWith('.json') && (typeof v === 'string' || v.default));
  assert.equal(Object.keys(results).length, runtimeEntries.length);
  assert.ok(results['btalk-forms'].includes('loadCore'));
  assert.ok(results['btalk-forms/address-form'].includes('BtalkAddressForm'));
  assert.ok(results['btalk-forms/elements'].includes('defineElements'));
});

test('btalk-forms/standin from the tarball: its generated data modules answer a client (every country, the JSON\'s texts)', async () => {
  const { stdout } = await sh(process.execPath, [join(fixture('ssr'), 'standin.js')], { cwd: fixture('ssr') });
  const shown = JSON.parse(stdout);
  const isos = (await readdir(join(BUNDLED_DATA_DIR, 'countries'))).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, 2)).sort();
  assert.deepEqual(shown.countries, isos);
  assert.equal(shown.france, FR.name);
  assert.equal(shown.pcLabel, FR.addressConstraints.pc.defaultLabel);
});

for (const resolution of ['bundler', 'node16']) {
  test(`tsc --strict, moduleResolution ${resolution}: every entry, JSX (React) and Vue typings`, async () => {
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
  const server = await serveFolders({ '/pkg/': join(here, 'node_modules', 'btalk-forms'), '/': fixture('cdn') }, {
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
