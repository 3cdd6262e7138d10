#!/usr/bin/env node
// Screenshots of what a user sees, for docs/screenshots/ (npm run screenshots): the demo (npm start's app), the
// static site (site/, built when absent) and each element alone, at 1,280 and 390 px wide, in Debian's Chromium.
// It also prints each page's cumulative layout shift (CLS) over its first load, the figure issue #18 holds to 0.05.
// Usage: node scripts/screenshots.js [--out DIR]
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, launchBrowser, startServer } from '../tests/browser/helpers.js';
import { staticServer } from '../tests/browser/static-server.js';

const outFlag = process.argv.indexOf('--out');
const OUT = outFlag > 0 ? process.argv[outFlag + 1] : join(REPO_ROOT, 'docs', 'screenshots');
const WIDTHS = [1280, 390];
const SETTLE_MS = 1500;

// Sums layout-shift entries not caused by input, as web-vitals' CLS does for a page's first load.
const CLS_OBSERVER = `
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
`;

async function shoot(browser, url, width, name, { element } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(CLS_OBSERVER);
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(SETTLE_MS);
  const cls = await page.evaluate(() => window.__cls);
  const file = join(OUT, `${name}-${width}.png`);
  if (element) await page.locator(element).first().screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
  await context.close();
  return { name: `${name} @${width}`, cls, file };
}

async function main() {
  if (!existsSync(join(REPO_ROOT, 'dist', 'btalk-core.wasm'))) {
    throw new Error('the wasm core is not built: run npm run build first');
  }
  if (!existsSync(join(REPO_ROOT, 'site', 'index.html'))) {
    await promisify(execFile)(process.execPath, ['scripts/build-site.js'], { cwd: REPO_ROOT });
  }
  await mkdir(OUT, { recursive: true });
  const app = await startServer();
  const site = await staticServer(join(REPO_ROOT, 'site'));
  const browser = await launchBrowser();
  const rows = [];
  try {
    for (const width of WIDTHS) {
      rows.push(await shoot(browser, `${app.origin}/`, width, 'demo'));
      rows.push(await shoot(browser, `${site.origin}/`, width, 'site'));
      rows.push(await shoot(browser, `${app.origin}/`, width, 'voicesite-order', { element: 'btalk-voicesite-order' }));
      rows.push(await shoot(browser, `${app.origin}/`, width, 'site-import', { element: 'btalk-site-import' }));
      for (const country of ['FR', 'US']) {
        rows.push(await shoot(browser, `${app.origin}/pages/address-form.html?country=${country}&customer=9999`, width,
          `address-form-${country}`, { element: 'btalk-address-form' }));
      }
    }
  } finally {
    await browser.close();
    await site.close();
    await app.close();
  }
  console.log('page                       CLS     file');
  for (const row of rows) {
    console.log(`${row.name.padEnd(26)} ${row.cls.toFixed(3).padStart(6)}  ${relative(process.cwd(), row.file)}`);
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
