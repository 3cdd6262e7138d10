// Layout shift of the demo and the static site (issue 18, item 7): the elements take their room
// before they are defined (web/elements/placeholders.css) and keep it while they load, so the page
// does not jump as they appear. Cumulative layout shift (CLS, the layout-shift entries not caused
// by input, as web-vitals counts them over a first load) stays at most 0.05 at 1,280 and 390 px.
// A layout property, not a timing: the page is measured once it has settled.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, coreIsBuilt, launchBrowser, startServer } from './helpers.js';
import { staticServer } from './static-server.js';

const skip = coreIsBuilt() ? false : 'the wasm core is not built (npm run build)';
const MAX_CLS = 0.05;
const CLS_OBSERVER = `
  window.__cls = 0;
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__cls += entry.value;
      window.__shifts.push({ value: entry.value, sources: entry.sources.map((s) => s.node?.nodeName ?? '?') });
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;
const env = { app: null, site: null, browser: null, dir: null };

before(async () => {
  if (skip) return;
  // A fresh build of the site in its own folder (site/ may be stale or built by another test).
  env.dir = await mkdtemp(join(tmpdir(), 'btalk-cls-site-'));
  await promisify(execFile)(process.execPath, ['scripts/build-site.js'], { cwd: REPO_ROOT, env: { ...process.env, BTALK_SITE_DIR: env.dir } });
  env.app = await startServer();
  env.site = await staticServer(env.dir);
  env.browser = await launchBrowser();
});

after(async () => {
  await env.browser?.close();
  await env.site?.close();
  await env.app?.close();
  if (env.dir) await rm(env.dir, { recursive: true, force: true });
});

/** The page's CLS over its first load, once the elements have loaded their data. */
async function clsOf(url, width) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(CLS_OBSERVER);
    await page.goto(url, { waitUntil: 'networkidle' });
    // Settled: the order element has its customers, the address form its fields.
    await page.locator('btalk-voicesite-order #customer-select option[value="9999"]').waitFor({ state: 'attached' });
    await page.locator('btalk-address-form [part~="input"]').first().waitFor({ state: 'attached' });
    await page.evaluate(() => new Promise((resolve) => { requestAnimationFrame(() => requestAnimationFrame(resolve)); }));
    return await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
  } finally {
    await context.close();
  }
}

describe('layout shift', { skip }, () => {
  for (const width of [1280, 390]) {
    for (const name of ['demo', 'site']) {
      test(`the ${name} page at ${width} px: CLS <= ${MAX_CLS}`, async () => {
        const origin = name === 'demo' ? env.app.origin : env.site.origin;
        const { cls, shifts } = await clsOf(`${origin}/`, width);
        console.log(`CLS ${name} @${width}: ${cls.toFixed(3)}`);
        assert.ok(cls <= MAX_CLS, `CLS ${cls.toFixed(3)} > ${MAX_CLS}: ${JSON.stringify(shifts)}`);
      });
    }
  }
});
