// btalk-forms/standin in a service worker (Chromium): the universal stand-in,
// bundled by esbuild, answers the page's /btalk/v1 and token requests from a
// module service worker served by a plain file server that knows nothing of
// the API. Reads, auth and orders work there, and so does address
// validation: the bundle carries the core's glue (a static import, no import(),
// which service workers disallow) and fetches the wasm beside it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT, coreIsBuilt, launchBrowser } from './helpers.js';
import { ERROR_CODES } from '../../server/standin/http.js';
import { staticServer } from './static-server.js';
import { standInCredentials } from './order-helpers.js';

const skip = coreIsBuilt() ? false : 'the wasm core is not built (npm run build)';
let www;
let files;
let browser;
let creds;

const WORKER = `
import { createStandIn } from './server/standin/index.js';
const scope = new URL(self.registration.scope).pathname.replace(/\\/$/, '');
const standIn = createStandIn({ basePath: scope });
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const { pathname } = new URL(event.request.url);
  if (pathname.startsWith(scope + '/btalk/v1') || pathname === scope + '/oauth/v3/token') {
    event.respondWith(standIn.handle(event.request));
  }
});
`;

before(async () => {
  if (skip) return;
  www = await mkdtemp(join(tmpdir(), 'btalk-sw-'));
  await mkdir(join(www, 'sw test'));
  await writeFile(join(www, 'sw test', 'index.html'), '<!doctype html><meta charset="utf-8"><title>sw</title><p>sw</p>');
  await build({
    stdin: { contents: WORKER, resolveDir: REPO_ROOT, sourcefile: 'sw-entry.js' },
    outfile: join(www, 'sw test', 'sw.js'), bundle: true, format: 'esm', platform: 'browser',
    external: ['node:*'], logLevel: 'error',
  });
  // esbuild keeps web/core.js's new URL('../dist/btalk-core.wasm', import.meta.url): put the wasm there.
  await mkdir(join(www, 'dist'));
  await copyFile(join(REPO_ROOT, 'dist', 'btalk-core.wasm'), join(www, 'dist', 'btalk-core.wasm'));
  creds = await standInCredentials();
  files = await staticServer(www);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await files?.close();
  if (www) await rm(www, { recursive: true, force: true });
});

describe('the stand-in in a service worker', { skip }, () => {
  test('answers token, reads and an order (sent again: 409, no de-duplication); the file server never sees an API path', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${files.origin}/sw%20test/`);
      const answers = await page.evaluate(async ({ clientId, clientSecret, apiKey }) => {
        await navigator.serviceWorker.register('./sw.js', { type: 'module', scope: './' });
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
        }
        const token = await (await fetch('./oauth/v3/token', {
          method: 'POST',
          headers: { Authorization: `Basic ${btoa(`${clientId}:${clientSecret}`)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials',
        })).json();
        const headers = { Authorization: `Bearer ${token.access_token}`, 'X-BT-API-KEY': apiKey, 'Content-Type': 'application/json' };
        const countries = await (await fetch('./btalk/v1/countries', { headers })).json();
        const [customer] = await (await fetch('./btalk/v1/customers', { headers })).json();
        const [vpn] = await (await fetch(`./btalk/v1/customers/${customer.customerCode}/vpns`, { headers })).json();
        const body = JSON.stringify({ customerOrderReference: 'sw-1', parameters: { technicalSiteName: 'SW_1', customerSiteLabel: 'SW', country: 'FR', vpnId: vpn.vpnId } });
        const first = await fetch(`./btalk/v1/customers/${customer.customerCode}/orders/voicesite`, { method: 'POST', headers, body });
        const again = await fetch(`./btalk/v1/customers/${customer.customerCode}/orders/voicesite`, { method: 'POST', headers, body });
        const order = await first.json();
        const address = await fetch(`./btalk/v1/customers/${customer.customerCode}/voicesites/${order.voiceSiteId}/voiceaddress`, {
          method: 'PUT', headers, body: JSON.stringify({ a3: 'Paris', a6: 'Rivoli', pc: '75001' }),
        });
        const noAuth = await fetch('./btalk/v1/me');
        // Errors come as the API's list of { code: <integer>, message, description }.
        const codeOf = async (res) => [await res.json()].flat()[0]?.code ?? null;
        return {
          tokenType: token.token_type, countries: countries.length, first: first.status, again: again.status,
          againCode: await codeOf(again), address: address.status,
          addressCode: await codeOf(address), noAuth: noAuth.status,
        };
      }, { clientId: creds.clientId, clientSecret: creds.clientSecret, apiKey: creds.fullSingleKey });
      assert.equal(answers.tokenType, 'Bearer');
      assert.ok(answers.countries >= 30);
      // The real API promises no de-duplication, nor does the stand-in by default: the name is taken.
      assert.deepEqual([answers.first, answers.again, answers.againCode], [201, 409, ERROR_CODES.TECHNICAL_SITE_NAME_IN_USE]);
      // The core ran in the worker: the address got a verdict, not 503 VALIDATION_UNAVAILABLE.
      assert.notEqual(answers.address, 503, answers.addressCode);
      assert.equal(answers.noAuth, 401);
      assert.deepEqual(files.log.filter((r) => /\/btalk\/v1|oauth/.test(r.path)), [], 'no API request reached the file server');
      assert.ok(files.log.some((r) => r.path === '/dist/btalk-core.wasm' && r.status === 200), 'the worker fetched the wasm');
    } finally {
      await context.close();
    }
  });
});
