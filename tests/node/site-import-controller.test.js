// <btalk-site-import>'s DOM-free controller (site-import.controller.js) with the real core (dist/), Papa Parse,
// the in-memory progress store and a fake client over the stand-in's data: reading and mapping, the check of
// every row (what the element is told, in order), fixing a row, ordering exactly once, a resumed import, the
// result CSV, and failures reported with their Retry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { loadCore } from '../../web/core.js';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import { Localizer } from '../../web/internal/localize.js';
import en from '../../web/components/site-import/i18n/en.js';
import { MemoryProgressStore } from '../../web/components/site-import/progress-store.js';
import { SiteImportController } from '../../web/components/site-import/site-import.controller.js';

const skip = !existsSync(new URL('../../dist/btalk-core.wasm', import.meta.url)) && 'the wasm core is not built (npm run build)';
const countries = new Map(readdirSync(join(BUNDLED_DATA_DIR, 'countries')).filter((n) => n.endsWith('.json'))
  .map((n) => { const c = JSON.parse(readFileSync(join(BUNDLED_DATA_DIR, 'countries', n), 'utf8')); return [c.iso2, c]; }));
const VPN = { vpnId: 'aa76e66dfc63', name: 'My VPN 1', vpnCode: '1' };
const COLUMNS = ['technicalSiteName', 'customerSiteLabel', 'country', 'vpnName', 'a1', 'a3', 'a6', 'hno', 'pc', 'sts', 'pod', 'dialZone'];

/**
 * A client over the stand-in's data. Like the real API as far as it is known: no de-duplication
 * of the reference, 409 for a technical site name already used, voicesites() lists them all.
 */
function fakeClient(core, { failPushes = 0, failCountries = null, tooMany = 0 } = {}) {
  const api = { orders: new Map(), orderCalls: 0, pushes: [], failPushes, tooMany, refs: [], sites: [] };
  Object.assign(api, {
    core: async () => core,
    customers: async () => [{ customerCode: '9999', name: 'ACME' }],
    vpns: async () => [VPN],
    async countries() {
      if (failCountries) throw failCountries;
      return [...countries.values()].map((c) => ({ iso2: c.iso2, name: c.name, covered: c.coverage.businessTalkOnline === 'Yes' }));
    },
    async countryForm(iso2) {
      const c = countries.get(iso2);
      const form = core.addressForm(c.addressConstraints, c.geographicalConstraints);
      return { country: c, constraints: c.addressConstraints, geographicalConstraints: c.geographicalConstraints, form,
        dialZones: form.dialZone === 'manual' ? (c.dialZones ?? []) : [] };
    },
    async geoAreas(iso2, parents) {
      let list = countries.get(iso2).geoAreas;
      for (const p of parents) list = list.find((n) => n.value === p).children;
      return list.map(({ value, display }) => ({ value, display: display ?? value }));
    },
    async orderVoicesite(customer, order) {
      api.orderCalls += 1;
      api.refs.push(order.customerOrderReference);
      if (api.tooMany > 0) { // the client's error for a 429 with Retry-After: 12
        api.tooMany -= 1;
        throw Object.assign(new Error('Too many requests: retry in 12 s.'), { status: 429, code: 'TOO_MANY_REQUESTS', retryAfter: 12 });
      }
      if (api.sites.some((v) => v.customerCode === customer && v.technicalSiteName === order.technicalSiteName)) {
        throw Object.assign(new Error('The technical site name is already used.'), { status: 409, code: 'TECHNICAL_SITE_NAME_IN_USE' });
      }
      const n = api.sites.length + 1;
      const { technicalSiteName, customerSiteLabel, country, vpnId } = order;
      api.sites.push({ voiceSiteId: `v${n}`, customerCode: customer, technicalSiteName, customerSiteLabel, country, vpnId });
      api.orders.set(`v${n}`, { orderId: `o${n}`, voiceSiteId: `v${n}`, status: 'completed' });
      return api.orders.get(`v${n}`);
    },
    async voicesites() {
      return api.sites.map((v) => ({ ...v }));
    },
    async pushVoiceAddress(customer, voiceSiteId, address) {
      if (api.failPushes > 0) {
        api.failPushes -= 1;
        throw Object.assign(new Error('The API is down.'), { status: 500, code: 'serverError' });
      }
      api.pushes.push({ voiceSiteId, address });
      return { voiceSiteId, voiceAddress: address };
    },
  });
  return api;
}

/** A host that records what the controller tells the element. */
function fakeHost(client, { store = new MemoryProgressStore(), attributes = {} } = {}) {
  const calls = [];
  const events = [];
  const t = new Localizer(en, 'en');
  const note = (name) => (...args) => calls.push([name, ...args]);
  return {
    calls, events, store: () => store, client: () => client,
    attribute: (name) => attributes[name] ?? null,
    t: (key, params) => t.t(key, params),
    emit: (type, detail) => events.push({ type, detail }),
    validationStarted: note('validationStarted'), loadingRules: note('loadingRules'), checkingRows: note('checkingRows'),
    rowsChecked: note('rowsChecked'), validationEnded: note('validationEnded'), validated: note('validated'),
    fail: note('fail'), runStarted: note('runStarted'), rowChanged: note('rowChanged'), runProgress: note('runProgress'),
    runWaiting: note('runWaiting'), runEnded: note('runEnded'),
  };
}

function site(iso2, name, changes = {}) {
  const c = countries.get(iso2);
  const zone = c.geographicalConstraints?.dialZoneSelection === 'manual' && c.dialZones?.length ? c.dialZones[0].value : '';
  return { technicalSiteName: name, customerSiteLabel: `Site ${name}`, country: iso2, vpnName: VPN.name, ...(c.sampleAddress ?? {}), dialZone: zone, ...changes };
}
const csv = (sites, headers = COLUMNS) => Papa.unparse({ fields: headers, data: sites.map((s) => headers.map((h) => s[h] ?? '')) });
const names = (calls) => calls.map(([name]) => name);

test('reading: the mapping is proposed; notes say what is left; mapping a column completes it', async () => {
  const host = fakeHost(null);
  const ctrl = new SiteImportController(host);
  const headers = ['technicalSiteName', 'customerSiteLabel', 'Zzz', 'vpnName', 'Notes'];
  const complete = await ctrl.read(csv([site('FR', 'A')], headers), 'sites.csv');
  assert.equal(complete, false);
  assert.equal(ctrl.rows.length, 1);
  assert.equal(ctrl.rows[0].number, 2, 'line 1 is the header');
  assert.equal(ctrl.mappingNotes(), '2 columns are not matched yet: choose a field or leave them ignored. No column holds: Country.');
  ctrl.mapColumn(2, 'country');
  assert.equal(ctrl.mappingNotes(), '1 column is not matched yet: choose a field or leave it ignored.');
  ctrl.mapColumn(4, 'country');
  assert.match(ctrl.mappingNotes(), /More than one column holds: /);
  await assert.rejects(ctrl.read('', 'empty.csv'));
  assert.equal(ctrl.file.name, 'sites.csv', 'a file that cannot be read leaves the current one');
});

test('checking: the element is told each stage in order; counts, filter and events follow the rows', { skip }, async () => {
  const core = await loadCore();
  const host = fakeHost(fakeClient(core));
  const ctrl = new SiteImportController(host);
  assert.equal(await ctrl.read(csv([site('FR', 'OK_FR'), site('BE', 'OK_BE'), site('FR', 'BAD_PC', { pc: '7501' }), site('BR', 'NC')]), 'sites.csv'), true);
  ctrl.setCustomer('9999'); // starts the check
  await ctrl.validate(); // asked again while checking: it runs once more after the first pass
  while (ctrl.validating) await new Promise((r) => setTimeout(r, 5));
  const first = host.calls.slice(0, host.calls.findIndex(([n]) => n === 'validated') + 1);
  assert.deepEqual(names(first).filter((n, i, all) => n !== 'rowsChecked' || all[i - 1] !== 'rowsChecked'),
    ['validationStarted', 'loadingRules', 'checkingRows', 'rowsChecked', 'validationEnded', 'validationStarted',
      'loadingRules', 'checkingRows', 'rowsChecked', 'validationEnded', 'validated']);
  assert.deepEqual(first.find(([n]) => n === 'loadingRules'), ['loadingRules', 3]);
  assert.deepEqual(first.find(([n]) => n === 'checkingRows'), ['checkingRows', 4]);
  assert.deepEqual(ctrl.statusCounts(), { ready: 2, problems: 1, notCovered: 1 });
  assert.deepEqual(ctrl.shownRows(true).map((r) => r.number), [4, 5]);
  assert.equal(ctrl.shownRows(false).length, 4);
  assert.equal(ctrl.validatedFor, '9999');
  assert.match(ctrl.importId, /\S/);
  const progress = host.events.filter((e) => e.type === 'btalk-import-progress');
  assert.deepEqual(progress.at(-1).detail, { phase: 'validating', done: 4, total: 4 });
  assert.deepEqual(ctrl.runState(), { toOrder: 2, ready: 2, checked: true, running: false, paused: false, validating: false, customer: true, counts: null });
  assert.equal(typeof ctrl.formatLines(), 'function');

  // Fixed in place: checked at once, then again once loaded.
  const bad = ctrl.rows[2];
  const cells = [...bad.cells];
  cells[COLUMNS.indexOf('pc')] = countries.get('FR').sampleAddress.pc;
  await ctrl.editRow(bad, cells);
  assert.equal(bad.check.status, 'ready');
  assert.equal(ctrl.toOrder().length, 3);
});

test('ordering: each ready row once, events and hooks; a repeat orders nothing; the result CSV says what happened', { skip }, async () => {
  const core = await loadCore();
  const client = fakeClient(core);
  const store = new MemoryProgressStore();
  const host = fakeHost(client, { store, attributes: { 'customer-code': '9999', concurrency: '2' } });
  const ctrl = new SiteImportController(host);
  assert.equal(await ctrl.order(), undefined, 'nothing read yet: nothing ordered');
  await ctrl.read(csv([site('FR', 'OK_FR'), site('DE', 'OK_DE'), site('FR', 'BAD', { pc: '7501' })]), 'sites.csv');
  ctrl.customerCode = '9999';
  await ctrl.validate();
  const counts = await ctrl.order();
  assert.deepEqual([counts.total, counts.done, counts.failed], [2, 2, 0]);
  assert.equal(client.orders.size, 2);
  assert.equal(client.pushes.length, 2);
  assert.ok(names(host.calls).includes('runStarted'));
  assert.deepEqual(host.calls.filter(([n]) => n === 'runEnded').at(-1), ['runEnded', counts, false]);
  assert.deepEqual(host.events.filter((e) => e.type === 'btalk-import-done').map((e) => e.detail), [{ counts, cancelled: false }]);
  const rowEvents = host.events.filter((e) => e.type === 'btalk-import-row');
  assert.ok(rowEvents.some((e) => e.detail.state === 'done' && e.detail.technicalSiteName === 'OK_DE' && e.detail.voiceSiteId));
  assert.ok((await store.loadImport(ctrl.importId)).finished, 'a complete import is saved as finished');

  assert.equal(ctrl.toOrder().length, 0);
  await ctrl.order();
  assert.equal(client.orders.size, 2, 'ordered again: never a second voicesite');
  assert.equal(client.pushes.length, 2, 'addresses already given are not pushed again');

  const [headers, ...rows] = Papa.parse(await ctrl.resultCsv()).data.filter((r) => r.length > 1);
  for (const name of ['voiceSiteId', 'orderId', 'status', 'problems']) assert.ok(headers.includes(name), name);
  const status = headers.indexOf('status');
  assert.deepEqual(rows.map((r) => r[status]), ['done', 'done', 'problems']);
});

test('the result CSV has the postal code as ordered, like its civic address (issue 18 item 9)', { skip }, async () => {
  const core = await loadCore();
  const client = fakeClient(core);
  const ctrl = new SiteImportController(fakeHost(client, { attributes: { 'customer-code': '9999' } }));
  const typed = countries.get('GB').sampleAddress.pc.toLowerCase();
  await ctrl.read(csv([site('GB', 'GB_1', { pc: typed })]), 'gb.csv');
  ctrl.customerCode = '9999';
  await ctrl.validate();
  await ctrl.order();
  assert.equal(client.pushes[0].address.pc, typed.toUpperCase());
  const [headers, ...rows] = Papa.parse(await ctrl.resultCsv()).data.filter((r) => r.length > 1);
  assert.equal(rows[0][headers.indexOf('pc')], typed.toUpperCase());
  assert.match(rows[0][headers.indexOf('civicAddress')], new RegExp(`<PC>${typed.toUpperCase()}</PC>`));
});

test('a failed push leaves its row to retry; the import is offered again and resumed without a second order', { skip }, async () => {
  const core = await loadCore();
  const client = fakeClient(core, { failPushes: 1 });
  const store = new MemoryProgressStore();
  const host = fakeHost(client, { store });
  const ctrl = new SiteImportController(host);
  await ctrl.read(csv([site('FR', 'R_1'), site('IT', 'R_2')]), 'resume.csv');
  ctrl.customerCode = '9999';
  await ctrl.validate();
  const counts = await ctrl.order();
  assert.deepEqual([counts.done, counts.addressFailed], [1, 1]);
  assert.equal((await store.loadImport(ctrl.importId)).finished, false);

  // A new element (a reload) with the same store: the import is offered, then resumed.
  const again = new SiteImportController(fakeHost(client, { store }));
  const offer = await again.resumable();
  assert.deepEqual(offer, { importId: ctrl.importId, fileName: 'resume.csv', done: 1, total: 2 });
  const fixedElsewhere = new SiteImportController(fakeHost(client, { store, attributes: { 'customer-code': '4242' } }));
  assert.equal(await fixedElsewhere.resumable(), null, 'another customer\'s import is not offered');
  again.restore(await again.loadSaved(offer.importId));
  assert.equal(again.customerCode, '9999');
  await again.validate();
  assert.equal(again.importId, ctrl.importId, 'a resumed import keeps its id');
  const resumed = await again.order();
  assert.equal(resumed.done, 1, 'the row left "ordered, address missing" is not ordered again');
  assert.equal(client.orders.size, 2);
  assert.equal(client.orderCalls, 2, 'no order request for either row');

  // Its retry pushes just that address.
  const pushes = client.pushes.length;
  again.retry('addresses');
  while (again.run.running) await new Promise((r) => setTimeout(r, 5));
  assert.equal(client.pushes.length, pushes + 1);
  assert.equal(again.run.counts.done, 2);
  await again.discardSaved(offer.importId);
  assert.equal(await store.loadImport(offer.importId), null);
});

test('a failed check is reported with a Retry that checks again', { skip }, async () => {
  const core = await loadCore();
  const error = Object.assign(new Error('The API is down.'), { status: 503 });
  const client = fakeClient(core, { failCountries: error });
  const host = fakeHost(client);
  const ctrl = new SiteImportController(host);
  await ctrl.read(csv([site('FR', 'A')]), 'sites.csv');
  ctrl.customerCode = '9999';
  await ctrl.validate();
  const fail = host.calls.find(([n]) => n === 'fail');
  assert.equal(fail[1], 'validate.failed');
  assert.equal(fail[2], error);
  assert.deepEqual(names(host.calls), ['validationStarted', 'fail', 'validationEnded', 'validated']);
  assert.equal(ctrl.validating, false);
  client.countries = async () => [...countries.values()].map((c) => ({ iso2: c.iso2, name: c.name, covered: true }));
  await fail[3]();
  assert.equal(ctrl.statusCounts().ready, 1);
});

/** A clock the test moves, and a timer it fires: the run's waits take no real time. */
function fakeClock() {
  const clock = { time: 1_000_000, timers: [] };
  clock.now = () => clock.time;
  clock.sleep = (ms) => new Promise((resolve) => clock.timers.push({ ms, fire: resolve }));
  clock.until = async (condition) => {
    for (let i = 0; i < 1000 && !condition(); i += 1) await new Promise((r) => setImmediate(r));
    assert.ok(condition(), 'the run got there');
  };
  return clock;
}

test('a 429 with Retry-After: the element is told the wait and the rows left, counts down, clears it, and the row is ordered once', { skip }, async () => {
  const core = await loadCore();
  const client = fakeClient(core, { tooMany: 1 });
  const host = fakeHost(client, { attributes: { 'customer-code': '9999', concurrency: '1' } });
  const clock = fakeClock();
  const ctrl = new SiteImportController(host, clock);
  await ctrl.read(csv([site('FR', 'W_1'), site('DE', 'W_2')]), 'wait.csv');
  ctrl.customerCode = '9999';
  await ctrl.validate();
  assert.equal(ctrl.waiting(), null, 'no run: no wait');
  const running = ctrl.order();
  await clock.until(() => clock.timers.length === 1);
  assert.equal(clock.timers[0].ms, 12_000, 'the run waits Retry-After');
  assert.deepEqual(host.calls.filter(([n]) => n === 'runWaiting'), [['runWaiting', { seconds: 12, left: 2 }]]);
  assert.deepEqual(ctrl.waiting(), { seconds: 12, left: 2 });
  assert.equal(ctrl.runState().running, true);
  clock.time += 4_500;
  assert.deepEqual(ctrl.waiting(), { seconds: 8, left: 2 }, 'asked again, it counts down');
  ctrl.pause();
  assert.equal(ctrl.waiting(), null, 'paused: the pause is what holds the run');
  ctrl.resume();
  await clock.until(() => clock.timers.length === 2); // woken by resume(), it waits the rest
  assert.equal(clock.timers[1].ms, 7_500);
  assert.equal(client.orderCalls, 1, 'nothing is sent while the run waits');
  clock.time += 7_500;
  for (const timer of clock.timers) timer.fire();
  const counts = await running;
  assert.deepEqual([counts.total, counts.done], [2, 2]);
  const waits = host.calls.filter(([n]) => n === 'runWaiting');
  assert.deepEqual(waits.at(-1), ['runWaiting', null], 'cleared when the run goes on');
  assert.equal(waits.length, 2);
  assert.equal(ctrl.waiting(), null);
  assert.equal(client.orderCalls, 3, 'the 429-ed order is sent once more, after the wait');
  assert.equal(client.refs[0], client.refs[1], 'with the same reference');
  assert.equal(client.orders.size, 2, 'one voicesite per row');
  assert.equal(client.pushes.length, 2);
});

test('Cancel during a 429\'s wait ends the run at once (no waiting out Retry-After) and clears the wait', { skip }, async () => {
  const core = await loadCore();
  const client = fakeClient(core, { tooMany: 1 });
  const host = fakeHost(client, { attributes: { 'customer-code': '9999', concurrency: '1' } });
  const clock = fakeClock(); // its timers never fire
  const ctrl = new SiteImportController(host, clock);
  await ctrl.read(csv([site('FR', 'C_1'), site('DE', 'C_2')]), 'cancel.csv');
  ctrl.customerCode = '9999';
  await ctrl.validate();
  const running = ctrl.order();
  await clock.until(() => ctrl.waiting() !== null);
  ctrl.cancel();
  const counts = await Promise.race([running, new Promise((r) => setTimeout(() => r('still waiting'), 2000))]);
  assert.notEqual(counts, 'still waiting', 'the run ended without its timer firing');
  assert.deepEqual([counts.done, counts.pending], [0, 2]);
  assert.deepEqual(host.calls.filter(([n]) => n === 'runWaiting').at(-1), ['runWaiting', null]);
  assert.deepEqual(host.calls.filter(([n]) => n === 'runEnded').at(-1), ['runEnded', counts, true]);
  assert.equal(client.orderCalls, 1);
});
