// Paging of the API's collections (web/http/paging.js through the client): every page of a
// list, whatever the server's own cap, with X-Total-Count or without it; bounded work and a
// specific error against servers whose pages contradict themselves; cancellation; one cache entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BtalkClient } from '../../web/client.js';
import { loadCore } from '../../web/core.js';
import { transportOf } from '../../web/http/transport.js';

const BASE = 'https://api.example.test/btalk/v1';
let corePromise = null;
const core = () => (corePromise ??= loadCore());

const vpn = (i) => ({ vpnId: `vpn-${i}`, name: `VPN ${i}`, vpnCode: String(i) });
const VPNS = Array.from({ length: 95 }, (_, i) => vpn(i + 1));

/**
 * A server holding `items`: it answers `offset`/`limit` with at most `cap` items (its own limit),
 * adds the paging headers unless `headers` is false, and lets `lie(page, answer)` rewrite an answer.
 * Every request is recorded ({ url, offset, limit, headers, signal }).
 */
function pagingServer(items, { cap = 40, headers = true, lie, gate } = {}) {
  const requests = [];
  const fetch = async (url, init = {}) => {
    const query = new URL(url).searchParams;
    const offset = Number(query.get('offset') ?? 0);
    const limit = Number(query.get('limit') ?? 40);
    requests.push({ url: String(url), offset, limit, headers: init.headers, signal: init.signal });
    if (gate) await gate(requests.length, init.signal);
    let page = items.slice(offset, offset + Math.min(limit, cap));
    let total = items.length;
    if (lie) ({ page, total } = lie(requests.length, { page, total, offset }));
    const extra = headers ? { 'X-Total-Count': String(total), 'X-Result-Count': String(page.length) } : {};
    return new Response(JSON.stringify(page), { status: 200, headers: { 'Content-Type': 'application/json', ...extra } });
  };
  fetch.requests = requests;
  return fetch;
}

async function client(fetch, options = {}) {
  return new BtalkClient({ baseUrl: BASE, fetch, core: await core(), retries: 0, ...options });
}

test('with X-Total-Count: pages until the total, asking 1000 each time, whatever the server caps them at', async () => {
  const fetch = pagingServer(VPNS, { cap: 40 });
  const vpns = await (await client(fetch)).vpns('5150');
  assert.deepEqual(vpns.map((v) => v.vpnId), VPNS.map((v) => v.vpnId));
  assert.deepEqual(fetch.requests.map((r) => [r.offset, r.limit]), [[0, 1000], [40, 1000], [80, 1000]]);
  for (const request of fetch.requests) {
    assert.equal(new URL(request.url).pathname, '/btalk/v1/customers/5150/vpns');
    assert.equal(request.headers.Accept, 'application/json');
  }
});

test('with X-Total-Count and a list that fits: one request', async () => {
  const fetch = pagingServer(VPNS, { cap: 1000 });
  assert.equal((await (await client(fetch)).vpns('5150')).length, 95);
  assert.equal(fetch.requests.length, 1);
});

test('without the headers: a page shorter than an earlier one, or an empty one, ends the list', async () => {
  // Capped at 40 by the server: 40, 40, then 15 (shorter than a page it sent) ends it.
  const capped = pagingServer(VPNS, { cap: 40, headers: false });
  assert.equal((await (await client(capped)).vpns('5150')).length, 95);
  assert.deepEqual(capped.requests.map((r) => r.offset), [0, 40, 80]);
  // A short first page may be the server's cap: one more page is asked for, and its emptiness ends the list.
  const small = pagingServer(VPNS.slice(0, 3), { cap: 40, headers: false });
  assert.equal((await (await client(small)).vpns('5150')).length, 3);
  assert.deepEqual(small.requests.map((r) => r.offset), [0, 3]);
  // So a server capping below the first answer's size still gives everything.
  const tiny = pagingServer(VPNS.slice(0, 12), { cap: 5, headers: false });
  assert.equal((await (await client(tiny)).vpns('5150')).length, 12);
  assert.deepEqual(tiny.requests.map((r) => r.offset), [0, 5, 10]);
});

test('a total that changes between pages is an error, not a guess', async () => {
  const fetch = pagingServer(VPNS, { lie: (n, answer) => ({ ...answer, total: answer.total + n }) });
  const error = await (await client(fetch)).vpns('5150').catch((e) => e);
  assert.equal(error.code, 'pagingInconsistent');
  assert.match(error.message, /changed while it was read \(96 items, then 97\)/);
  assert.equal(fetch.requests.length, 2);
});

test('a server that ignores offset (the same page again) is caught at the second page', async () => {
  for (const headers of [true, false]) {
    const fetch = pagingServer(VPNS, { headers, lie: (n, answer) => ({ ...answer, page: VPNS.slice(0, 40) }) });
    const error = await (await client(fetch)).vpns('5150').catch((e) => e);
    assert.equal(error.code, 'pagingInconsistent', `headers: ${headers}`);
    assert.match(error.message, /same page again/);
    assert.equal(fetch.requests.length, 2);
  }
});

test('an empty page before the announced total, or more items than it, is an error', async () => {
  const early = pagingServer(VPNS, { lie: (n, answer) => (n === 2 ? { ...answer, page: [] } : answer) });
  const ended = await (await client(early)).vpns('5150').catch((e) => e);
  assert.equal(ended.code, 'pagingInconsistent');
  assert.match(ended.message, /ended at 40 of the 95 items/);
  const over = pagingServer(VPNS, { cap: 60, lie: (n, answer) => ({ ...answer, total: 50 }) });
  const tooMany = await (await client(over)).vpns('5150').catch((e) => e);
  assert.equal(tooMany.code, 'pagingInconsistent');
  assert.match(tooMany.message, /more items \(60\) than its list holds \(50\)/);
});

test('bounded work: a list that never ends hits the page cap, a huge one the item cap', async () => {
  const endless = Array.from({ length: 100_000 }, (_, i) => vpn(i));
  const noTotal = pagingServer(endless, { cap: 40, headers: false });
  const pages = await (await client(noTotal, { maxListPages: 5 })).vpns('5150').catch((e) => e);
  assert.equal(pages.code, 'tooManyPages');
  assert.match(pages.message, /did not end within 5 pages \(200 items read\)/);
  assert.equal(noTotal.requests.length, 5);
  // An announced total beyond the cap stops at once; without a total the count stops it.
  const announced = pagingServer(endless, { cap: 40 });
  const items = await (await client(announced, { maxListItems: 1000 })).vpns('5150').catch((e) => e);
  assert.equal(items.code, 'listTooLong');
  assert.match(items.message, /holds 100000 items, more than the 1000/);
  assert.equal(announced.requests.length, 1);
  const counted = pagingServer(endless, { cap: 40, headers: false });
  assert.equal((await (await client(counted, { maxListItems: 100 })).vpns('5150').catch((e) => e)).code, 'listTooLong');
  assert.equal(counted.requests.length, 3);
  assert.throws(() => new BtalkClient({ baseUrl: BASE, fetch: counted, maxListPages: 0 }), /maxListPages/);
  assert.throws(() => new BtalkClient({ baseUrl: BASE, fetch: counted, maxListItems: 1.5 }), /maxListItems/);
});

test('aborting mid-way cancels the request in flight and asks no further page', async () => {
  const controller = new AbortController();
  let secondSignal = null;
  const fetch = pagingServer(VPNS, {
    gate: (n, signal) => {
      if (n < 2) return undefined;
      secondSignal = signal;
      controller.abort(new Error('the user left'));
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    },
  });
  const error = await (await client(fetch)).vpns('5150', { signal: controller.signal }).catch((e) => e);
  assert.equal(error.code, 'aborted');
  assert.equal(secondSignal.aborted, true, 'the page being fetched was cancelled, not left running');
  assert.equal(fetch.requests.length, 2);
  // An already aborted signal sends nothing.
  const before = fetch.requests.length;
  assert.equal((await (await client(fetch)).vpns('5150', { signal: AbortSignal.abort() }).catch((e) => e)).code, 'aborted');
  assert.equal(fetch.requests.length, before);
});

test('a shared page goes on for another caller when one caller aborts', async () => {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  const fetch = pagingServer(VPNS, { cap: 1000, gate: () => gate });
  const c = await client(fetch);
  const controller = new AbortController();
  const leaving = c.vpns('5150', { signal: controller.signal });
  const staying = c.vpns('5150');
  await new Promise((resolve) => setImmediate(resolve));
  controller.abort();
  release();
  assert.equal((await leaving.catch((e) => e)).code, 'aborted');
  assert.equal((await staying).length, 95);
  assert.equal(fetch.requests.length, 1);
  assert.equal(fetch.requests[0].signal.aborted, false);
});

test('a whole list is one cache entry, and each caller gets its own copy', async () => {
  const areas = Array.from({ length: 130 }, (_, i) => ({ value: `city-${i}`, display: `City ${i}` }));
  const fetch = pagingServer(areas, { cap: 40 });
  const c = await client(fetch);
  const first = await c.geoAreas('SE', []);
  assert.equal(first.length, 130);
  assert.equal(fetch.requests.length, 4);
  const { cache } = transportOf(c);
  assert.equal(cache.size, 1);
  assert.deepEqual([...cache.keys()], [`${BASE}/countries/SE/geoareas/area1`]);
  first[0].display = 'changed';
  const again = await c.geoAreas('SE', []);
  assert.equal(again[0].display, 'City 0');
  assert.equal(again.length, 130);
  assert.equal(fetch.requests.length, 4, 'from the cache');
  c.clearCache();
  await c.geoAreas('SE', []);
  assert.equal(fetch.requests.length, 8);
});

test('a 404 on the first page is "none" for the look-ups that allow it; a 404 on a later page is an error', async () => {
  const fetch = pagingServer(VPNS, { cap: 40 });
  const missing = async () => new Response(JSON.stringify([{ code: 1206, message: 'No dial zones' }]), { status: 404 });
  assert.deepEqual(await (await client(missing)).dialZones('DK'), []);
  let calls = 0;
  const vanishing = async (url, init) => {
    calls += 1;
    return calls === 1 ? fetch(url, init) : missing();
  };
  const error = await (await client(vanishing)).dialZones('DK').catch((e) => e);
  assert.equal(error.status, 404);
  assert.equal(calls, 2);
});

test('voicesites({ offset, limit }) is one page as the server pages it: { items, total }', async () => {
  const sites = Array.from({ length: 95 }, (_, i) => ({ voiceSiteId: `vs-${i}`, technicalSiteName: `SITE_${i}` }));
  const fetch = pagingServer(sites, { cap: 1000 });
  const c = await client(fetch);
  const page = await c.voicesites({ offset: 90, limit: 10 });
  assert.equal(page.total, 95);
  assert.deepEqual(page.items.map((s) => s.voiceSiteId), ['vs-90', 'vs-91', 'vs-92', 'vs-93', 'vs-94']);
  assert.deepEqual(fetch.requests.map((r) => [r.offset, r.limit]), [[90, 10]]);
  assert.equal((await c.voicesites({ limit: 5 })).items.length, 5);
  // The fetch-all form is unchanged: every page, a plain list.
  assert.equal((await c.voicesites()).length, 95);
  for (const bad of [{ offset: -1 }, { offset: 1.5 }, { limit: 0 }, { limit: 1001 }, { limit: '10' }]) {
    assert.equal((await c.voicesites(bad).catch((e) => e)).code, 'invalidArgument', JSON.stringify(bad));
  }
  // Without X-Total-Count the total is not invented.
  const silent = await client(pagingServer(sites, { headers: false }));
  assert.equal((await silent.voicesites({ offset: 0, limit: 10 })).total, undefined);
});
