// btalk-forms/standin from a Playwright test, as the README shows it: page.route()
// hands the page's API requests to standIn.handle(), adding the credentials a
// portal's proxy would add, so a portal page runs against the stand-in with no
// server and no Orange credentials. A dropped connection (fault) aborts the route.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createStandIn } from '../../server/standin/index.js';
import { coreIsBuilt, launchBrowser } from './helpers.js';

const skip = coreIsBuilt() ? false : 'the wasm core is not built (npm run build)';
let browser;

before(async () => {
  if (!skip) browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** The README's bridge: a Playwright route answered by the stand-in, as a portal proxy under /proxy. */
async function routeToStandIn(page, standIn, pattern = '**/proxy/btalk/v1/**') {
  await page.route(pattern, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    url.pathname = url.pathname.replace(/^\/proxy/, ''); // what the portal proxy strips
    const headers = { ...request.headers(), authorization: `Bearer ${standIn.issueToken()}`, 'x-bt-api-key': standIn.demo.apiKey };
    const response = await standIn.handle(new Request(url, {
      method: request.method(), headers, body: request.postDataBuffer() ?? undefined,
    }));
    if (response.type === 'error') return route.abort('connectionreset');
    return route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });
}

describe('the stand-in behind page.route()', { skip }, () => {
  test('a portal page reads and orders through its proxy path; a drop fault is a network error in the page', async () => {
    const standIn = createStandIn();
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.route('https://portal.test/', (route) => route.fulfill({
        contentType: 'text/html', body: '<!doctype html><title>portal</title><p>portal</p>',
      }));
      await routeToStandIn(page, standIn);
      await page.goto('https://portal.test/');
      const answers = await page.evaluate(async () => {
        const me = await (await fetch('/proxy/btalk/v1/me')).json();
        const ordered = await fetch('/proxy/btalk/v1/customers/9999/orders/voicesite', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            customerOrderReference: 'route-1',
            parameters: { technicalSiteName: 'ROUTE_1', customerSiteLabel: 'Route', country: 'FR', vpnId: 'aa76e66dfc63' },
          }),
        });
        return { me, status: ordered.status, order: await ordered.json() };
      });
      assert.deepEqual(answers.me, { rightsProfile: 'full' });
      assert.equal(answers.status, 201);
      assert.equal(standIn.state.data.voicesites[answers.order.voiceSiteId].technicalSiteName, 'ROUTE_1');

      standIn.faults = { dropRate: 1 };
      const dropped = await page.evaluate(() => fetch('/proxy/btalk/v1/me').then(() => 'answered', (e) => e.name));
      assert.equal(dropped, 'TypeError');
    } finally {
      await context.close();
    }
  });
});
