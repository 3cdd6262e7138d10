// The ordering run of <btalk-site-import>: bounded concurrency, 429/Retry-After, pause,
// cancel, exactly once across runs (the in-memory progress store standing in for IndexedDB).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ImportRun, ROW_STATE } from '../../web/components/site-import/run-engine.js';
import { MemoryProgressStore } from '../../web/components/site-import/progress-store.js';

/** A fake API: orders are idempotent per reference (like the API), with scripted failures. */
function fakeClient({ failOrders = {}, failPushes = {}, delayMs = 1 } = {}) {
  const api = { orders: new Map(), pushes: [], orderCalls: 0, active: 0, maxActive: 0 };
  const busy = async () => {
    api.active += 1;
    api.maxActive = Math.max(api.maxActive, api.active);
    await new Promise((r) => setTimeout(r, delayMs));
    api.active -= 1;
  };
  api.orderVoicesite = async (customer, order) => {
    api.orderCalls += 1;
    await busy();
    const fail = failOrders[order.technicalSiteName]?.shift();
    if (fail) throw Object.assign(new Error(`fail ${fail.status}`), fail);
    if (!api.orders.has(order.customerOrderReference)) {
      api.orders.set(order.customerOrderReference, { orderId: `o${api.orders.size + 1}`, voiceSiteId: `v${api.orders.size + 1}`, status: 'completed' });
    }
    return api.orders.get(order.customerOrderReference);
  };
  api.pushVoiceAddress = async (customer, voiceSiteId, address) => {
    await busy();
    const fail = failPushes[voiceSiteId]?.shift();
    if (fail) throw Object.assign(new Error(`push fail ${fail.status}`), fail);
    api.pushes.push({ voiceSiteId, address });
    return { voiceSiteId, voiceAddress: address };
  };
  return api;
}

const rowsOf = (n) => Array.from({ length: n }, (_, i) => ({
  key: i + 2, reference: `REF-${i}`,
  order: { technicalSiteName: `S${i}`, customerSiteLabel: `L${i}`, country: 'FR', vpnId: 'v' },
  address: { a6: `Street ${i}` },
}));

test('every row is ordered then addressed, at most `concurrency` requests at once', async () => {
  const client = fakeClient({ delayMs: 5 });
  const rowEvents = [];
  const run = new ImportRun({ client, customerCode: '9999', importId: 'I', concurrency: 4, onRow: (r) => rowEvents.push(r) });
  run.add(rowsOf(20));
  const counts = await run.start();
  assert.equal(counts.done, 20);
  assert.equal(client.orders.size, 20);
  assert.equal(client.pushes.length, 20);
  assert.ok(client.maxActive <= 4 && client.maxActive >= 2, `max in flight ${client.maxActive}`);
  assert.ok(rowEvents.some((r) => r.state === ROW_STATE.ORDERED && r.voiceSiteId));
});

test('a 429 holds the run for Retry-After, then the same step is sent again', async () => {
  const slept = [];
  let now = 0;
  const client = fakeClient({ failOrders: { S1: [{ status: 429, retryAfter: 3 }] } });
  const run = new ImportRun({ client, customerCode: '9999', importId: 'I', concurrency: 2, now: () => now,
    sleep: async (ms) => { slept.push(ms); now += ms; } });
  run.add(rowsOf(3));
  const counts = await run.start();
  assert.equal(counts.done, 3);
  assert.ok(slept.includes(3000), `slept ${slept}`);
  assert.equal(client.orders.size, 3);
});

test('a failed push leaves the row "ordered, address missing"; retrying runs only that step', async () => {
  const client = fakeClient({ failPushes: { v2: [{ status: 500 }] } });
  const run = new ImportRun({ client, customerCode: '9999', importId: 'I', concurrency: 1 });
  run.add(rowsOf(3));
  let counts = await run.start();
  assert.equal(counts.done, 2);
  assert.equal(counts.addressFailed, 1);
  const failed = run.records.find((r) => r.state === ROW_STATE.ADDRESS_FAILED);
  assert.equal(failed.voiceSiteId, 'v2');
  assert.match(failed.error.message, /500/);
  const ordersBefore = client.orderCalls;
  counts = await run.retryAddresses(failed.key);
  assert.equal(counts.done, 3);
  assert.equal(client.orderCalls, ordersBefore, 'no second order');
  assert.equal(client.pushes.filter((p) => p.voiceSiteId === 'v2').length, 1);
});

test('pause stops new requests until resume; cancel leaves the rest pending', async () => {
  const client = fakeClient({ delayMs: 5 });
  const run = new ImportRun({ client, customerCode: '9999', importId: 'I', concurrency: 1,
    onRow: (r) => { if (r.state === ROW_STATE.DONE && r.key === 2) run.pause(); } });
  run.add(rowsOf(4));
  const finished = run.start();
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(run.counts.done, 1, 'paused after the first row');
  run.resume();
  run.cancel();
  const counts = await finished;
  assert.ok(counts.pending >= 2, JSON.stringify(counts));
  assert.equal(run.cancelled, true);
});

test('exactly once: a new run with the saved records (a reload) never orders a done row again', async () => {
  const client = fakeClient({ delayMs: 2 });
  const store = new MemoryProgressStore();
  const first = new ImportRun({ client, customerCode: '9999', importId: 'I', store, concurrency: 2,
    onRow: (r) => { if (r.state === ROW_STATE.DONE) first.cancel(); } });
  first.add(rowsOf(6));
  await first.start();
  const saved = await store.loadRecords('I');
  const doneBefore = saved.filter((r) => r.state === ROW_STATE.DONE).length;
  assert.ok(doneBefore >= 1 && doneBefore < 6);
  // A row cut short mid-order (the page reloaded while its POST was in flight) is ordered again
  // with the same reference: the API answers with the existing order.
  const interrupted = saved.find((r) => r.state !== ROW_STATE.DONE);
  await store.saveRecord('I', { ...interrupted, state: ROW_STATE.ORDERING });
  const second = new ImportRun({ client, customerCode: '9999', importId: 'I', store, concurrency: 2 });
  second.add(rowsOf(6), await store.loadRecords('I'));
  const counts = await second.start();
  assert.equal(counts.done, 6);
  assert.equal(client.orders.size, 6, 'one voicesite per row');
  assert.equal(new Set(client.pushes.map((p) => p.voiceSiteId)).size, 6);
  assert.equal(client.pushes.length, 6, 'no address pushed twice');
});

test('an order error other than 429 marks the row failed with the API problems, and is retried alone', async () => {
  const client = fakeClient({ failOrders: { S0: [{ status: 409, problems: [{ field: 'parameters.technicalSiteName', code: 'notAllowed', message: 'used' }] }] } });
  const run = new ImportRun({ client, customerCode: '9999', importId: 'I' });
  run.add(rowsOf(2));
  let counts = await run.start();
  assert.equal(counts.failed, 1);
  assert.deepEqual(run.record(2).error.problems, [{ field: 'parameters.technicalSiteName', code: 'notAllowed', message: 'used' }]);
  counts = await run.retryOrders(2);
  assert.equal(counts.done, 2);
});

test('an order accepted without a voicesite id is asked again (same reference) on retry, then addressed', async () => {
  const client = fakeClient();
  const order = client.orderVoicesite;
  let first = true;
  client.orderVoicesite = async (...args) => {
    const answer = await order(...args);
    if (first) { first = false; return { ...answer, voiceSiteId: '', status: 'pending' }; }
    return answer;
  };
  const run = new ImportRun({ client, customerCode: '9999', importId: 'I' });
  run.add(rowsOf(1));
  let counts = await run.start();
  assert.equal(counts.addressFailed, 1);
  assert.match(run.record(2).error.message, /no voicesite id/);
  counts = await run.retryAddresses(2);
  assert.equal(counts.done, 1);
  assert.equal(client.orders.size, 1, 'still one voicesite');
});

test('after an order with an unknown outcome (500), an edited row keeps its reference: never a second voicesite', async () => {
  const client = fakeClient();
  const order = client.orderVoicesite;
  let fail = true;
  client.orderVoicesite = async (...args) => {
    const answer = await order(...args); // the API created it...
    if (fail) { fail = false; throw Object.assign(new Error('fail 500'), { status: 500 }); } // ...but the answer was lost
    return answer;
  };
  const store = new MemoryProgressStore();
  const first = new ImportRun({ client, customerCode: '9999', importId: 'I', store });
  first.add(rowsOf(1));
  assert.equal((await first.start()).failed, 1);
  // The user edits the row's label: a new reference would be computed for it.
  const edited = rowsOf(1).map((r) => ({ ...r, reference: 'REF-EDITED', order: { ...r.order, customerSiteLabel: 'New label' } }));
  const second = new ImportRun({ client, customerCode: '9999', importId: 'I', store });
  second.add(edited, await store.loadRecords('I'));
  second.retryOrders();
  assert.equal((await second.start()).done, 1);
  assert.equal(client.orders.size, 1, 'the first order is the one returned');
  assert.equal(second.record(2).reference, 'REF-0');
});
