// Benchmark: how fast <btalk-site-import> checks a 1,000-row file in Chromium (Debian's,
// headless), against the stand-in. Prints figures; asserts nothing (speed is not a test).
//   node scripts/bench-import.js [rows]
// Two figures: the row validation alone (RowValidator.validateRows, the country rules and
// geo areas already loaded), and the element end to end (CSV parsing, mapping, loading each
// country once, validation in chunks, table rendering).
import { loadavg } from 'node:os';
import { launchBrowser, startServer } from '../tests/browser/helpers.js';
import { csvOf, mountImport, openImportPage, validSite } from '../tests/browser/site-import-helpers.js';

const COUNT = Number.parseInt(process.argv[2] ?? '1000', 10);
const COUNTRIES = ['FR', 'DE', 'GB', 'US', 'BE', 'CH', 'ES', 'IT', 'NL', 'SE'];
const HEADERS = ['technicalSiteName', 'customerSiteLabel', 'country', 'vpnId', 'hno', 'a6', 'sts', 'pod', 'a1', 'a2', 'a3', 'a4', 'pc', 'dialZone'];

const rows = [];
for (let i = 0; i < COUNT; i += 1) rows.push(await validSite(COUNTRIES[i % COUNTRIES.length], `BENCH_${i}`, 'aa76e66dfc63'));
const text = csvOf(HEADERS, rows);

const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await openImportPage(browser, server.origin);
  await mountImport(page, { attributes: { 'customer-code': '9999' } });
  const figures = await page.evaluate(async ({ text }) => {
    const element = document.querySelector('btalk-site-import');
    const { RowValidator } = await import('/web/components/site-import/row-validation.js');
    const { loadPapa, parseCsv } = await import('/web/components/site-import/csv.js');
    const { proposeMapping, readRow } = await import('/web/components/site-import/columns.js');
    const client = element.client;
    const parsed = parseCsv(text, await loadPapa());
    const { columns } = proposeMapping(parsed.headers);
    const model = parsed.rows.map((cells, i) => ({ key: i + 2, number: i + 2, cells, ...readRow(cells, columns) }));
    const validator = new RowValidator({ core: await client.core(), client, countries: await client.countries(),
      vpns: await client.vpns('9999') });
    await validator.prepare(model);
    const runs = [];
    for (let i = 0; i < 5; i += 1) {
      const start = performance.now();
      await validator.validateRows(model, { customerCode: '9999', importId: 'BENCH' });
      runs.push(performance.now() - start);
    }
    const ready = model.filter((r) => r.check.status === 'ready').length;
    // End to end through the element (fresh client caches are not cleared: countries are
    // cached by the client, as they would be after the first file).
    const longTasks = [];
    const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
    observer.observe({ type: 'longtask', buffered: false });
    const start = performance.now();
    await element.importText(text, 'bench.csv');
    const endToEnd = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    const elementReady = element.rows.filter((r) => r.check?.status === 'ready').length;
    return { runs, ready, endToEnd, elementReady, rows: model.length, longest: Math.max(0, ...longTasks) };
  }, { text });
  const best = Math.min(...figures.runs);
  const median = figures.runs.sort((a, b) => a - b)[Math.floor(figures.runs.length / 2)];
  // The machine is shared: the load says how much the figures below were squeezed.
  console.log(`load average: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`rows: ${figures.rows} (${figures.ready} ready) in ${COUNTRIES.length} countries`);
  console.log(`row validation: median ${median.toFixed(0)} ms, best ${best.toFixed(0)} ms -> ${Math.round(figures.rows / (median / 1000))} rows/s`);
  console.log(`element end to end (parse, map, load, validate, render): ${figures.endToEnd.toFixed(0)} ms (${figures.elementReady} ready)`);
  console.log(`longest main-thread task meanwhile: ${figures.longest.toFixed(0)} ms`);
  if (page.problems.length) console.log('page problems:', page.problems);
  await page.closeAll();
} finally {
  await browser.close();
  await server.close();
}
