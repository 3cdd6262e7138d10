// The ordering run of <btalk-site-import>: bounded concurrency, 429/Retry-After, pause,
// cancel, exactly once across runs (the in-memory progress store standing in for IndexedDB)
// against an API that does not de-duplicate orders: lost answers are looked up, never re-sent blindly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ImportRun, ROW_STATE } from '../../web/components/site-import/run-engine.js';
import { MemoryProgressStore } from '../../web/components/site-import/progress-store.js';

/**
 * A fake API that follows the real one's known rules: no de-duplication of customerOrderReference,
 * a technical site name taken within the customer answers 409, voicesites() lists them all.
 * Scripted per technical site name: failOrders (thrown before anything is done), loseAnswer
 * (thrown after the voicesite is created: the answer was lost), failLists (errors of voicesites()).
 */
function fakeClient({ failOrders = {}, failPushes = {}, loseAnswer = {}, failLists = [], delayMs = 1 } = {}) {
  const api = { sites: [], pushes: [], orderCalls: 0, listCalls: 0, active: 0, maxActive: 0 };
  // Voicesites by id, as `orders.size` counted them before.
  api.orders = { get size() { return api.sites.length; } };
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
    if (api.sites.some((v) => v.customerCode === customer && v.technicalSiteName === order.technicalSiteName)) {
      throw Object.assign(new Error('name in use'), { status: 409, code: 'TECHNICAL_SITE_NAME_IN_USE',
        problems: [{ field: 'parameters.technicalSiteName', code: 'notAllowed', message: 'used' }] });
    }
    const n = api.sites.length + 1;
    api.sites.push({ voiceSiteId: `v${n}`, customerCode: customer, technicalSiteName: order.technicalSiteName,
      customerSiteLabel: order.customerSiteLabel, country: order.country, vpnId: order.vpnId, status: 'active' });
    const lost = loseAnswer[order.technicalSiteName]?.shift();
    if (lost) throw Object.assign(new Error(`lost ${lost.code ?? lost.status}`), lost);
    return { orderId: `o${n}`, voiceSiteId: `v${n}`, status: 'completed' };
  };
  api.voicesites = async () => {
    api.listCalls += 1;
    await busy();
    const fail = failLists.shift();
    if (fail) throw Object.assign(new Error(`list fail ${fail.code ?? fail.status}`), fail);
    return api.sites.map((v) => ({ ...v }));
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
  while (!run.paused) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(run.counts.done, 1, 'paused after the first row, nothing more done while paused');
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
  const second = new ImportRun({ client, customerCode: '9999', importId: 'I', store, concurrency: 2 });
  second.add(rowsOf(6), await store.loadRecords('I'));
  const counts = await second.start();
  assert.equal(counts.done, 6);
  assert.equal(client.orders.size, 6, 'one voicesite per row');
  assert.equal(new Set(client.pushes.map((p) => p.voiceSiteId)).size, 6);
  assert.equal(client.pushes.length, 6, 'no address pushed twice');
});

test('a reload while an order was in flight: its voicesite is looked up and adopted, not ordered again', async () => {
  const client = fakeClient();
  const store = new MemoryProgressStore();
  // The POST reached the API (the voicesite exists), then the page reloaded before its answer.
  const [row] = rowsOf(1);
  await client.orderVoicesite('9999', { ...row.order, customerOrderReference: row.reference });
  await store.saveRecord('I', { key: row.key, reference: row.reference, state: ROW_STATE.ORDERING, orderId: '', voiceSiteId: '', error: null,
    sending: { customerCode: '9999', ...row.order } });
  const run = new ImportRun({ client, customerCode: '9999', importId: 'I', store });
  run.add([row], await store.loadRecords('I'));
  const counts = await run.start();
  assert.equal(counts.done, 1);
  assert.equal(client.orderCalls, 1, 'never sent again');
  assert.equal(client.orders.size, 1);
  assert.equal(run.record(2).voiceSiteId, 'v1');
  assert.equal(run.record(2).found, true);
});

test('records saved by an earlier version (no attempts kept): one cut short or failed without an answer is looked up first', async () => {
  const client = fakeClient();
  const store = new MemoryProgressStore();
  const rows = rowsOf(3);
  for (const row of rows.slice(0, 2)) await client.orderVoicesite('9999', { ...row.order, customerOrderReference: row.reference });
  const base = (row, state, error = null) => ({ key: row.key, reference: row.reference, state, orderId: '', voiceSiteId: '', error });
  await store.saveRecord('I', base(rows[0], ROW_STATE.ORDERING));
  await store.saveRecord('I', base(rows[1], ROW_STATE.ORDER_FAILED, { message: 'timeout', status: 0, problems: [] }));
  await store.saveRecord('I', base(rows[2], ROW_STATE.ORDER_FAILED, { message: 'bad', status: 400, problems: [] }));
  const run = new ImportRun({ client, customerCode: '9999', importId: 'I', store });
  run.add(rows, await store.loadRecords('I'));
  const counts = await run.retryOrders();
  assert.equal(counts.done, 3);
  assert.equal(client.orderCalls, 3, 'the two in doubt were found; only the refused one was sent again');
  assert.equal(client.orders.size, 3);
});

test('an order error other than 429 marks the row failed with the API problems, and is retried alone', async () => {
  const client = fakeClient();
  // S0 is already another voicesite's name: the API refuses the row (409).
  client.sites.push({ voiceSiteId: 'x0', customerCode: '9999', technicalSiteName: 'S0', customerSiteLabel: 'Other', country: 'FR', vpnId: 'v' });
  const run = new ImportRun({ client, customerCode: '9999', importId: 'I' });
  run.add(rowsOf(2));
  let counts = await run.start();
  assert.equal(counts.failed, 1);
  assert.deepEqual(run.record(2).error.problems, [{ field: 'parameters.technicalSiteName', code: 'notAllowed', message: 'used' }]);
  assert.equal(client.listCalls, 1, 'listed once for the run; a 409 for a name held before the send is a refusal');
  client.sites.shift(); // the other voicesite is gone
  counts = await run.retryOrders(2);
  assert.equal(counts.done, 2);
});

test('a 409 on a row\'s first answer, for a name free when the run started: a re-sent POST of ours, adopted', async () => {
  const client = fakeClient();
  const post = client.orderVoicesite;
  client.orderVoicesite = async (customer, order) => {
    if (order.technicalSiteName !== 'S1') return post(customer, order);
    await post(customer, order).catch(() => {}); // carried out, its answer lost in the browser...
    return post(customer, order); // ...which re-sent it: 409
  };
  const run = new ImportRun({ client, customerCode: '9999', importId: 'I' });
  run.add(rowsOf(3));
  const counts = await run.start();
  assert.equal(counts.done, 3);
  assert.equal(client.orders.size, 3);
  assert.deepEqual([run.record(3).voiceSiteId, run.record(3).found], [client.sites.find((v) => v.technicalSiteName === 'S1').voiceSiteId, true]);
});

test('an order accepted without a voicesite id is looked for in the list on retry, never ordered again', async () => {
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
  assert.equal(run.record(2).error.key, 'row.noSiteId');
  counts = await run.retryAddresses(2);
  assert.equal(counts.done, 1);
  assert.equal(client.orderCalls, 1, 'the order was not sent again');
  assert.equal(client.orders.size, 1, 'still one voicesite');
  assert.equal(client.pushes[0].voiceSiteId, 'v1');
});

for (const [what, lost] of [
  ['a network error', { code: 'network' }], ['a timeout', { code: 'timeout' }], ['a 502', { status: 502 }],
  ['an unreadable answer', { status: 201, code: 'malformedResponse' }],
]) {
  test(`a lost answer (${what}): the voicesite is looked up and adopted, exactly one, no second POST`, async () => {
    const client = fakeClient({ loseAnswer: { S0: [lost] } });
    const run = new ImportRun({ client, customerCode: '9999', importId: 'I' });
    run.add(rowsOf(2));
    const counts = await run.start();
    assert.equal(counts.done, 2);
    assert.equal(client.orderCalls, 2, 'one POST per row');
    assert.equal(client.sites.filter((v) => v.technicalSiteName === 'S0').length, 1);
    assert.deepEqual([run.record(2).voiceSiteId, run.record(2).found], ['v1', true]);
    assert.deepEqual(client.pushes.find((p) => p.voiceSiteId === 'v1').address, { a6: 'Street 0' });
  });
}

test('a lost answer and nothing in the list: the row fails, only an explicit retry sends it again', async () => {
  const client = fakeClient({ failOrders: { S0: [{ code: 'network' }] } }); // lost before reaching the API
  const store = new MemoryProgressStore();
  const run = new ImportRun({ client, customerCode: '9999', importId: 'I', store });
  run.add(rowsOf(1));
  let counts = await run.start();
  assert.equal(counts.failed, 1);
  assert.equal(client.orderCalls, 1, 'not re-sent on its own');
  assert.equal(run.record(2).error.key, 'row.notFound');
  assert.deepEqual(run.record(2).error.params, { name: 'S0' });
  assert.equal((await store.loadRecords('I'))[0].doubt.length, 1, 'the attempt in doubt is saved');
  counts = await run.retryOrders(2);
  assert.equal(counts.done, 1);
  assert.equal(client.orderCalls, 2);
  assert.equal(client.listCalls, 3, 'listed for the run, looked up after the loss, and again before the re-send');
  assert.equal(client.orders.size, 1);
});

test('the look-up itself failing: a clear error and no re-send; the retry looks up first and adopts', async () => {
  const client = fakeClient({ loseAnswer: { S0: [{ code: 'timeout' }] }, failLists: [null, { code: 'network' }] });
  const run = new ImportRun({ client, customerCode: '9999', importId: 'I' });
  run.add(rowsOf(1));
  let counts = await run.start();
  assert.equal(counts.failed, 1);
  assert.equal(run.record(2).error.key, 'row.lookupFailed');
  assert.match(run.record(2).error.message, /could not be listed.*Nothing was sent again/);
  assert.equal(client.orderCalls, 1);
  counts = await run.retryOrders(2);
  assert.equal(counts.done, 1);
  assert.equal(client.orderCalls, 1, 'found by the look-up: never sent again');
  assert.equal(client.orders.size, 1);
});

test('a 409 on the retry of an order in doubt is resolved by the look-up', async () => {
  // The first answer is lost and the first look-up misses the voicesite (the list lags); the
  // retry's look-up misses it too, its POST gets 409, and the look-up after the 409 finds it.
  const client = fakeClient({ loseAnswer: { S0: [{ status: 504 }] } });
  const list = client.voicesites;
  let misses = 3; // the run's listing, the look-up after the loss, the one before the retry
  client.voicesites = async () => ((misses -= 1) >= 0 ? [] : list());
  const run = new ImportRun({ client, customerCode: '9999', importId: 'I' });
  run.add(rowsOf(1));
  assert.equal((await run.start()).failed, 1);
  assert.equal(run.record(2).error.key, 'row.notFound');
  const counts = await run.retryOrders(2);
  assert.equal(counts.done, 1);
  assert.equal(client.orderCalls, 2);
  assert.equal(client.orders.size, 1);
  assert.equal(run.record(2).voiceSiteId, 'v1');
});

test('after a lost answer, an edited row keeps its record and finds the voicesite its first attempt created', async () => {
  const client = fakeClient({ loseAnswer: { S0: [{ status: 500 }] }, failLists: [null, { code: 'network' }] });
  const store = new MemoryProgressStore();
  const first = new ImportRun({ client, customerCode: '9999', importId: 'I', store });
  first.add(rowsOf(1));
  assert.equal((await first.start()).failed, 1);
  // The user edits the row's label: a new reference would be computed for it.
  const edited = rowsOf(1).map((r) => ({ ...r, reference: 'REF-EDITED', order: { ...r.order, customerSiteLabel: 'New label' } }));
  const second = new ImportRun({ client, customerCode: '9999', importId: 'I', store });
  second.add(edited, await store.loadRecords('I'));
  assert.equal((await second.retryOrders()).done, 1);
  assert.equal(client.orderCalls, 1, 'the first attempt\'s voicesite is adopted');
  assert.equal(client.orders.size, 1);
  assert.equal(second.record(2).reference, 'REF-0');
});

test('another customer\'s voicesite, or one of this customer with other fields, is not adopted', async () => {
  const client = fakeClient({ failOrders: { S0: [{ code: 'network' }] } });
  client.sites.push({ voiceSiteId: 'x1', customerCode: '4242', technicalSiteName: 'S0', customerSiteLabel: 'L0', country: 'FR', vpnId: 'v' });
  const run = new ImportRun({ client, customerCode: '9999', importId: 'I' });
  run.add(rowsOf(1));
  assert.equal((await run.start()).failed, 1);
  assert.equal(run.record(2).error.key, 'row.notFound');
  // Meanwhile someone else ordered S0 for 9999 with another label: the retry does not send, the name is taken.
  client.sites.push({ voiceSiteId: 'x2', customerCode: '9999', technicalSiteName: 'S0', customerSiteLabel: 'Other', country: 'FR', vpnId: 'v' });
  assert.equal((await run.retryOrders(2)).failed, 1);
  assert.equal(run.record(2).error.key, 'row.nameTaken');
  assert.equal(client.orderCalls, 1);
});
