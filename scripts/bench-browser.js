#!/usr/bin/env node
// Time to the first typeable field of <btalk-address-form>, in Debian's Chromium (playwright-core), against the
// demo app of examples/serve.js on loopback (stand-in API behind the same-origin proxy, /web and /dist as files):
//
// - bundled: `import 'btalk-forms/address-form'` bundled by esbuild (minified, code splitting, as a user's
//   bundler would) into a temporary folder; its chunks are served at /bench/bundle/ and the wasm it names
//   (new URL('../dist/…wasm', import.meta.url)) at /bench/dist/;
// - unbundled: the files of web/ as `npm start` serves them: a minimal page importing
//   /web/components/address-form/address-form.js.
// Both pages hold <btalk-address-form api-base="/proxy/btalk/v1" country="…"> in their HTML: it connects when
// its module defines it. Two countries: CH (its first typeable field is the street) and FR (its first typeable
// field is the address search box).
//
// Per run, a fresh browser context (empty HTTP cache). An init script wraps customElements.define so the
// element's first connectedCallback leaves a performance mark, then watches its (open) shadow root with a
// MutationObserver (and each animation frame, for property-only changes): "typeable" is the first moment an
// enabled, visible, writable <input>/<textarea> in the shadow root takes the focus. Times are performance.now(),
// i.e. from the navigation's start. Request times are Resource Timing's startTime (same clock); which module asked
// for which comes from the DevTools protocol's initiators: see scripts/bench-browser-waves.js for the waves.
// Figures only: no assertion on time. A first, discarded run per page warms the server and the disk cache.
//
//   npm run bench:browser        node scripts/bench-browser.js [--runs N] [--timeline]
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import esbuild from 'esbuild';
import { REPO_ROOT, coreIsBuilt, launchBrowser, startServer } from '../tests/browser/helpers.js';
import { goalText, goalsOf, initiatorOf, minMedian, requestWaves, wavesBefore } from './bench-browser-waves.js';

const argAt = process.argv.indexOf('--runs');
const RUNS = argAt > 0 ? Number(process.argv[argAt + 1]) : 7;
const TIMELINE = process.argv.includes('--timeline');
const COUNTRIES = ['CH', 'FR'];
const API = '/proxy/btalk/v1';

const ENTRY = {
  bundled: '/bench/bundle/app.js',
  unbundled: '/web/components/address-form/address-form.js',
};
const page = (variant, country) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>bench ${variant}</title><link rel="icon" href="data:,"></head>
<body><btalk-address-form api-base="${API}" country="${country}"></btalk-address-form>
<script type="module" src="${ENTRY[variant]}"></script></body></html>`;

// Runs in the page before its scripts (page.addInitScript).
function probe() {
  const bench = { connected: null, typeable: null, field: null };
  window.__bench = bench;
  const typeable = (root) => {
    if (bench.typeable !== null) return true;
    for (const el of root.querySelectorAll('input, textarea')) {
      if (el.type === 'hidden' || el.disabled || el.readOnly || !el.getClientRects().length) continue;
      el.focus({ preventScroll: true });
      const focused = root.activeElement === el;
      el.blur();
      if (focused) {
        bench.typeable = performance.now();
        bench.field = el.name || el.id || el.getAttribute('aria-label') || el.type;
        performance.mark('btalk-typeable');
        return true;
      }
    }
    return false;
  };
  const watch = (element) => {
    const root = element.shadowRoot;
    if (!root || typeable(root)) return;
    const observer = new MutationObserver(() => { if (typeable(root)) observer.disconnect(); });
    observer.observe(root, { subtree: true, childList: true, attributes: true });
    const frame = () => { if (!typeable(root)) requestAnimationFrame(frame); else observer.disconnect(); };
    requestAnimationFrame(frame);
  };
  const define = customElements.define.bind(customElements);
  customElements.define = (name, constructor, options) => {
    if (name === 'btalk-address-form') {
      const connected = constructor.prototype.connectedCallback;
      constructor.prototype.connectedCallback = function connectedCallback(...args) {
        const first = bench.connected === null;
        if (first) {
          bench.connected = performance.now();
          performance.mark('btalk-connected');
        }
        const result = connected?.apply(this, args);
        if (first) watch(this);
        return result;
      };
    }
    return define(name, constructor, options);
  };
}

async function bundle() {
  const dir = await mkdtemp(join(tmpdir(), 'btalk-bench-browser-'));
  const result = await esbuild.build({
    stdin: { contents: `import '${join(REPO_ROOT, 'web/components/address-form/address-form.js')}';\n`, resolveDir: REPO_ROOT, sourcefile: 'app.js' },
    bundle: true, minify: true, splitting: true, format: 'esm', platform: 'browser', target: 'es2022',
    outdir: join(dir, 'bundle'), entryNames: 'app', logLevel: 'silent', legalComments: 'none',
    loader: { '.wasm': 'file' },
  });
  if (result.errors.length) throw new Error(`esbuild: ${result.errors[0].text}`);
  return dir;
}

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };

/** Serves `dir`'s file for `rel`, or 404. */
async function serveFile(res, dir, rel) {
  const file = normalize(join(dir, rel));
  if (!file.startsWith(dir + sep)) return res.writeHead(404).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}

/** The demo app, plus /bench/<variant>-<country>.html, /bench/bundle/* and /bench/dist/*. */
async function server(bundleDir) {
  const app = await startServer();
  const inner = app.server.listeners('request')[0];
  app.server.removeAllListeners('request');
  app.server.on('request', (req, res) => {
    const pathname = req.url.split('?')[0];
    const html = /^\/bench\/(bundled|unbundled)-([A-Z]{2})\.html$/.exec(pathname);
    if (html) res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page(html[1], html[2]));
    else if (pathname.startsWith('/bench/bundle/')) serveFile(res, join(bundleDir, 'bundle'), pathname.slice('/bench/bundle/'.length));
    else if (pathname.startsWith('/bench/dist/')) serveFile(res, join(REPO_ROOT, 'dist'), pathname.slice('/bench/dist/'.length));
    else inner(req, res);
  });
  return app;
}

async function run(browser, origin, variant, country) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  try {
    const tab = await context.newPage();
    const problems = [];
    tab.on('pageerror', (error) => problems.push(error.message));
    await tab.addInitScript(probe);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    const events = [];
    cdp.on('Network.requestWillBeSent', (event) => {
      const { url, code } = initiatorOf(event.initiator);
      events.push({ type: 'sent', id: event.requestId, url: event.request.url, script: event.type === 'Script', initiator: url, code });
    });
    cdp.on('Network.loadingFinished', (event) => events.push({ type: 'done', id: event.requestId }));
    await tab.goto(`${origin}/bench/${variant}-${country}.html`);
    await tab.waitForFunction(() => window.__bench.typeable !== null, null, { timeout: 30000, polling: 50 })
      .catch((error) => { throw new Error(`${variant} ${country}: no typeable field (${problems.join('; ') || error.message})`); });
    const seen = await tab.evaluate(() => ({
      ...window.__bench,
      resources: performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd })),
    }));
    const timingOf = new Map(seen.resources.map((r) => [r.url, r]));
    const requests = events.filter((e) => e.type === 'sent' && timingOf.has(e.url))
      .map((e) => ({ ...e, start: timingOf.get(e.url).start, end: timingOf.get(e.url).end }));
    const waves = requestWaves(events);
    const api = requests.filter((r) => new URL(r.url).pathname.startsWith(`${API}/`)).sort((a, b) => a.start - b.start);
    if (!api.length) throw new Error(`${variant} ${country}: no API request before the first typeable field`);
    const firstApi = api[0].start;
    return {
      field: seen.field,
      navigation: seen.typeable,
      connected: seen.typeable - seen.connected,
      connectedAt: seen.connected,
      firstApi,
      wavesApi: waves.get(api[0].id) - 1,
      wavesTypeable: wavesBefore(requests, waves, seen.typeable),
      modules: requests.filter((r) => r.script && r.start < seen.typeable).length,
      requests, waves, typeable: seen.typeable, origin,
    };
  } finally {
    await context.close();
  }
}

function timeline(result) {
  const path = (url) => (url ? url.replace(result.origin, '') : '(page)');
  console.log(`  ${'start ms'.padStart(8)}  ${'end ms'.padStart(7)}  wave  request  (asked for by)`);
  for (const r of [...result.requests].sort((a, b) => a.start - b.start)) {
    if (r.start > result.typeable) break;
    const wave = result.waves.get(r.id);
    console.log(`  ${r.start.toFixed(1).padStart(8)}  ${r.end.toFixed(1).padStart(7)}  ${String(wave ?? '').padStart(4)}  ${path(r.url)}  (${r.code ? 'code in ' : ''}${path(r.initiator)})`);
  }
  console.log(`  ${result.typeable.toFixed(1).padStart(8)}  ${''.padStart(7)}        first typeable field: ${result.field}`);
}

const ms = (v) => v.toFixed(0).padStart(5);

async function main() {
  if (!coreIsBuilt()) throw new Error('the wasm core is not built: npm run build (or copy dist/ from a built checkout)');
  const bundleDir = await bundle();
  const app = await server(bundleDir);
  const browser = await launchBrowser();
  const cases = ['bundled', 'unbundled'].flatMap((variant) => COUNTRIES.map((country) => ({ variant, country, runs: [] })));
  try {
    for (const c of cases) await run(browser, app.origin, c.variant, c.country); // warm-up, discarded
    // Interleaved, so that the machine's load (2 cores, shared) weighs on every case alike.
    for (let i = 0; i < RUNS; i += 1) {
      for (const c of cases) c.runs.push(await run(browser, app.origin, c.variant, c.country));
    }
  } finally {
    await browser.close();
    await app.close();
    await rm(bundleDir, { recursive: true, force: true });
  }

  console.log(`Time to the first typeable field of <btalk-address-form>, ${RUNS} fresh contexts per case (ms: min / median)\n`);
  console.log(`${'case'.padEnd(14)} ${'first field'.padEnd(14)} ${'navigation→typeable'.padStart(20)} ${'connected→typeable'.padStart(19)}`
    + ` ${'connected at'.padStart(12)} ${'1st API request'.padStart(15)} ${'waves: before API'.padStart(17)} ${'before typeable'.padStart(15)} ${'modules'.padStart(7)}  goals (issue #19)`);
  const summary = new Map();
  for (const c of cases) {
    const nav = minMedian(c.runs.map((r) => r.navigation));
    const conn = minMedian(c.runs.map((r) => r.connected));
    const at = minMedian(c.runs.map((r) => r.connectedAt));
    const api = minMedian(c.runs.map((r) => r.firstApi));
    const range = (values) => (Math.min(...values) === Math.max(...values) ? String(values[0]) : `${Math.min(...values)}–${Math.max(...values)}`);
    const wavesApi = range(c.runs.map((r) => r.wavesApi));
    const wavesTypeable = Math.max(...c.runs.map((r) => r.wavesTypeable));
    const modules = Math.max(...c.runs.map((r) => r.modules));
    const caseGoals = goalsOf(c.variant, { navigation: nav.median, waves: wavesTypeable });
    summary.set(`${c.variant} ${c.country}`, caseGoals);
    const goals = caseGoals.map(goalText).join('; ');
    console.log(`${`${c.variant} ${c.country}`.padEnd(14)} ${c.runs[0].field.padEnd(14)} ${`${ms(nav.min)} / ${ms(nav.median)}`.padStart(20)}`
      + ` ${`${ms(conn.min)} / ${ms(conn.median)}`.padStart(19)} ${ms(at.median).padStart(12)} ${ms(api.median).padStart(15)}`
      + ` ${wavesApi.padStart(17)} ${range(c.runs.map((r) => r.wavesTypeable)).padStart(15)} ${String(modules).padStart(7)}  ${goals}`);
  }
  console.log('\n(connected at, 1st API request: medians from navigation; waves before API: module waves before the one the first API request\n leaves in; before typeable: the deepest module wave requested before the first typeable field; ranges over the runs;\n modules: script requests before the first typeable field, most in a run)');
  console.log('\nGoals (issue #19 item 1): median navigation→typeable, and for the unbundled form its waves before typeable:');
  for (const [name, caseGoals] of summary) {
    for (const g of caseGoals) console.log(`  ${name}: ${goalText(g)}`);
  }
  console.log('  where the time goes, and the next levers: docs/performance.md, "Time to the first typeable field"');
  if (TIMELINE) {
    for (const c of cases) {
      const median = [...c.runs].sort((a, b) => a.navigation - b.navigation)[c.runs.length >> 1];
      console.log(`\n${c.variant} ${c.country}: requests of the median run until the first typeable field`);
      timeline(median);
    }
  }
}

main().catch((error) => {
  console.error(error.stack ?? error);
  process.exit(1);
});
