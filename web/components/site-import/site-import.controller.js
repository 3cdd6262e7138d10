// <btalk-site-import>'s logic, DOM-free (unit-tested in Node): the state of one import (the file,
// its column mapping, the rows and their checks, the run) and its transitions: read a file, map a
// column, check every row, fix one, order the ready ones, retry, resume a saved import, write
// the result CSV. The element renders; the host gives the client, the store, texts, events and
// the hooks through which the element shows what happens.
import { loadPapa, parseCsv, toCsv } from './csv.js';
import { describeMapping, fieldLabel, proposeMapping, readRow } from './columns.js';
import { RowValidator, STATUS } from './row-validation.js';
import { ImportRun } from './run-engine.js';
import { buildResult } from './result-csv.js';
import { importIdFor } from './reference.js';

/**
 * @typedef {object} ImportHost
 * @property {() => object} client          the API client (BtalkClient or the page's)
 * @property {() => object} store           where progress is kept (saveImport, loadImport, listImports, loadRecords, deleteImport)
 * @property {(name: string) => string|null} attribute  one of the element's attributes
 * @property {(key: string, params?: object) => string} t  a UI text
 * @property {(type: string, detail: object) => void} emit  a btalk-* event
 * @property {() => void} validationStarted  the rows are about to be checked
 * @property {(count: number) => void} loadingRules  the rules of `count` countries are loading
 * @property {(total: number) => void} checkingRows  `total` rows are about to be checked
 * @property {(done: number, total: number) => void} rowsChecked  progress of the check
 * @property {() => void} validationEnded    the check stopped (done or failed)
 * @property {() => void} validated          the rows were checked for the current customer
 * @property {(key: string, error: unknown, again: Function) => void} fail  a failure, with what Retry does
 * @property {() => void} runStarted         a run (order or retry) starts
 * @property {(key: number) => void} rowChanged  a row's run record changed
 * @property {(counts: object) => void} runProgress  the run's counts changed
 * @property {(waiting: { seconds: number, left: number } | null) => void} runWaiting  the API answered 429: the
 *   run waits `seconds` (Retry-After) before it goes on with the `left` rows not finished; null: it goes on
 * @property {(counts: object, cancelled: boolean) => void} runEnded  the run ended
 */
export class SiteImportController {
  #sleep;
  #now;

  /**
   * @param {ImportHost} host
   * @param {{ sleep?: (ms: number) => Promise<void>, now?: () => number }} [clock]  the run's timer and clock (tests)
   */
  constructor(host, { sleep, now = Date.now } = {}) {
    this.host = host;
    this.#sleep = sleep;
    this.#now = now;
    this.file = null; // { name, headers, rows: string[][] }
    this.mapping = null;
    this.rows = [];
    this.validator = null;
    this.customers = null;
    this.customerCode = '';
    this.importId = '';
    this.run = null;
    this.core = null;
    this.validating = false;
    this.finished = false;
    this.revalidate = false;
    this.validatedFor = null; // the customer the rows were last checked for
    this.resumedImportId = null; // a resumed import keeps its saved id
  }

  // ---- customer ----------------------------------------------------------

  /** The customers the API key sees (loaded once). */
  async loadCustomers() {
    this.customers ??= await this.host.client().customers();
    return this.customers;
  }

  setCustomer(code) {
    if (code === this.customerCode) return;
    this.customerCode = code;
    if (this.rows.length && !this.run?.running) this.validate();
  }

  // ---- reading -----------------------------------------------------------

  /** Papa Parse: the bundler's, or papaparse-src's for pages without one. */
  #papa() {
    return loadPapa({ url: this.host.attribute('papaparse-src') || undefined });
  }

  /**
   * Reads CSV text into a new import (throws when it cannot be parsed). Resolves to true when
   * every column is matched (the rows can be checked at once).
   */
  async read(text, name) {
    const parsed = parseCsv(text, await this.#papa());
    this.file = { name, headers: parsed.headers, rows: parsed.rows };
    this.mapping = proposeMapping(parsed.headers);
    this.run = null;
    this.resumedImportId = null;
    this.finished = false;
    this.rows = parsed.rows.map((cells, i) => ({ key: i + 2, number: i + 2, cells, original: [...cells], check: null }));
    return this.mapping.unmapped.length === 0 && this.mapping.missing.length === 0;
  }

  /** Column `index` now holds `field` (null: ignored). */
  mapColumn(index, field) {
    const columns = [...this.mapping.columns];
    columns[index] = field;
    this.mapping = describeMapping(this.mapping.headers, columns);
  }

  /** What the mapping still lacks, as one text (empty when nothing is left to do). */
  mappingNotes() {
    const m = this.mapping;
    const t = (key, params) => this.host.t(key, params);
    const notes = [];
    if (m.unmapped.length) notes.push(t('mapping.unmapped', { count: m.unmapped.length })); // plural forms: mapping.unmapped.one, …
    if (m.missing.length) notes.push(t('mapping.missing', { fields: m.missing.map((f) => fieldLabel(t, f)).join(', ') }));
    if (m.duplicates.length) notes.push(t('mapping.duplicate', { fields: m.duplicates.join(', ') }));
    return notes.join(' ');
  }

  // ---- validation --------------------------------------------------------

  /** Checks every row with the core (site fields, coverage, address, geo areas, dial zone). */
  async validate() {
    const host = this.host;
    if (!this.file || this.run?.running) return;
    if (this.validating) {
      this.revalidate = true; // the customer (or the mapping) changed meanwhile: check again after this pass
      return;
    }
    this.validating = true;
    this.revalidate = false;
    const customerCode = this.customerCode;
    host.validationStarted();
    try {
      const client = host.client();
      const [core, countries, vpns] = await Promise.all([
        client.core(), client.countries(), customerCode ? client.vpns(customerCode) : Promise.resolve([]),
      ]);
      this.core = core;
      for (const row of this.rows) Object.assign(row, readRow(row.cells, this.mapping.columns));
      this.importId = importIdFor(customerCode, this.rows.map((r) => readRow(r.original, this.mapping.columns).site),
        this.resumedImportId ?? host.attribute('import-id') ?? undefined);
      this.validator?.dispose();
      this.validator = new RowValidator({ core, client, vpns, countries });
      host.loadingRules(new Set(this.rows.map((r) => r.site.country).filter(Boolean)).size);
      await this.validator.prepare(this.rows);
      host.checkingRows(this.rows.length);
      await this.validator.validateRows(this.rows, {
        customerCode, importId: this.importId,
        onProgress: (done, total) => {
          host.rowsChecked(done, total);
          host.emit('btalk-import-progress', { phase: 'validating', done, total });
        },
      });
    } catch (error) {
      host.fail('validate.failed', error, () => this.validate());
    } finally {
      this.validating = false;
      host.validationEnded();
    }
    if (this.revalidate) {
      await this.validate();
      return;
    }
    this.validatedFor = customerCode;
    host.validated();
  }

  /** Rows by check status: { ready, problems, notCovered }. */
  statusCounts() {
    const counts = { ready: 0, problems: 0, notCovered: 0 };
    for (const row of this.rows) if (row.check) counts[row.check.status] += 1;
    return counts;
  }

  get checked() {
    return this.rows.some((r) => r.check);
  }

  /** The rows the table shows: all, or (problemsOnly) those with problems or a failed step. */
  shownRows(problemsOnly) {
    return this.rows.filter((row) => {
      if (!problemsOnly) return true;
      const state = this.record(row.key)?.state;
      return row.check?.status !== STATUS.READY || state === 'orderFailed' || state === 'addressFailed';
    });
  }

  record(key) {
    return this.run?.record(key);
  }

  /** The core's postal lines for an address, when the core can write them. */
  formatLines() {
    const core = this.core;
    return typeof core?.formatAddress === 'function' ? (address, country) => core.formatAddress(address, { country }) : null;
  }

  /**
   * A row fixed in place: checked at once with what is loaded, then again once what its new
   * values need (a country, geo areas) is loaded; resolves after the second check.
   */
  editRow(row, cells) {
    const context = () => ({ customerCode: this.customerCode, importId: this.importId });
    row.cells = cells;
    Object.assign(row, readRow(cells, this.mapping.columns));
    this.validator.validate(row, context());
    return this.validator.prepare([row]).then(() => {
      this.validator.validate(row, context());
    });
  }

  // ---- ordering ----------------------------------------------------------

  readyRows() {
    return this.rows.filter((row) => row.check?.status === STATUS.READY);
  }

  /** Ready rows this element has not finished yet (a resumed or repeated run skips the rest). */
  toOrder() {
    return this.readyRows().filter((row) => {
      const state = this.record(row.key)?.state;
      return state !== 'done' && state !== 'addressFailed';
    });
  }

  /** Orders every ready row, then pushes its address; resolves with the counts when the run ends. */
  async order() {
    const host = this.host;
    if (this.run?.running || this.validating) return undefined;
    const ready = this.readyRows();
    if (!ready.length || !this.customerCode || this.validatedFor !== this.customerCode) return undefined;
    const store = host.store();
    await store.saveImport({
      importId: this.importId, customerCode: this.customerCode, fileName: this.file.name, headers: this.file.headers,
      columns: this.mapping.columns, rows: this.rows.map((r) => ({ number: r.number, cells: r.cells, original: r.original })),
      finished: false, updatedAt: Date.now(),
    }).catch(() => {}); // the store only serves resuming: ordering exactly once rests on the references
    const saved = await store.loadRecords(this.importId).catch(() => []); // nothing saved: every row from the start
    const previous = this.run;
    this.run = new ImportRun({
      client: host.client(), customerCode: this.customerCode, importId: this.importId, store,
      ...(this.#sleep ? { sleep: this.#sleep } : {}), now: this.#now,
      onHold: (hold) => host.runWaiting(hold ? this.waiting() : null),
      concurrency: Number.parseInt(host.attribute('concurrency') ?? '4', 10) || 4,
      onRow: (record) => {
        const row = this.rows.find((r) => r.key === record.key);
        host.rowChanged(record.key);
        host.emit('btalk-import-row', { row: record.key, state: record.state, reference: record.reference,
          orderId: record.orderId, voiceSiteId: record.voiceSiteId, error: record.error, technicalSiteName: row?.check?.order.technicalSiteName });
      },
      onProgress: (counts) => {
        host.runProgress(counts);
        host.emit('btalk-import-progress', { phase: 'ordering', done: counts.finished, total: counts.total, counts });
      },
    });
    const records = [...saved, ...(previous?.records ?? [])];
    this.run.add(ready.map((row) => ({ key: row.key, reference: row.check.order.customerOrderReference, order: row.check.order, address: row.check.address })), records);
    // Rows whose order failed before are tried again too (one whose outcome was unknown is looked up first).
    return this.#runToEnd(this.run.retryOrders());
  }

  async #runToEnd(promise) {
    const host = this.host;
    this.finished = false;
    host.runStarted();
    const counts = await promise;
    const cancelled = this.run.cancelled;
    this.finished = true;
    const complete = counts.done === counts.total;
    const store = host.store();
    store.saveImport({ ...(await store.loadImport(this.importId).catch(() => null) ?? { importId: this.importId }),
      finished: complete || cancelled, updatedAt: Date.now() }).catch(() => {}); // as above: only resuming needs it
    host.runEnded(counts, cancelled);
    host.emit('btalk-import-done', { counts, cancelled });
    return counts;
  }

  /**
   * While a 429 holds the (unpaused) run: { seconds, left } (whole seconds until it goes on, rows not
   * finished yet); else null. Asked again every second, it counts down.
   */
  waiting() {
    const until = this.run?.running && !this.run.paused ? this.run.holdUntil : 0; // paused: "Paused" says it
    if (!until) return null;
    const counts = this.run.counts;
    return { seconds: Math.max(0, Math.ceil((until - this.#now()) / 1000)), left: counts.total - counts.finished };
  }

  pause() { this.run?.pause(); }
  resume() { this.run?.resume(); }
  cancel() { this.run?.cancel(); }

  /** Sends again the failed addresses or orders ('addresses' | 'orders'), of one row or all. */
  retry(what, key) {
    if (!this.run) return;
    const wasRunning = this.run.running;
    const promise = what === 'addresses' ? this.run.retryAddresses(key) : this.run.retryOrders(key);
    if (!wasRunning) this.#runToEnd(promise);
  }

  /** What the order step shows. */
  runState() {
    return {
      toOrder: this.toOrder().length, ready: this.readyRows().length, checked: this.checked,
      running: !!this.run?.running, paused: !!this.run?.paused, validating: this.validating,
      customer: !!this.customerCode, counts: this.run?.counts ?? null,
    };
  }

  // ---- resume ------------------------------------------------------------

  /**
   * A saved import that stopped before the end (of the fixed customer, if any) and could be
   * resumed: { importId, fileName, done, total }, or null (none, the store fails, a file is open).
   */
  async resumable() {
    const store = this.host.store();
    let imports = [];
    try {
      imports = await store.listImports();
    } catch {
      return null; // a store that cannot be read (storage blocked): there is nothing to offer to resume
    }
    const fixed = this.host.attribute('customer-code');
    const open = imports.find((meta) => !meta.finished && (!fixed || meta.customerCode === fixed));
    if (!open || this.file) return null;
    const records = await store.loadRecords(open.importId).catch(() => []);
    const done = records.filter((r) => r.state === 'done').length;
    return { importId: open.importId, fileName: open.fileName, done, total: Math.max(done, records.length) };
  }

  loadSaved(importId) {
    return this.host.store().loadImport(importId);
  }

  /** Makes a saved import the current one (its customer unless customer-code fixes it, its id). */
  restore(meta) {
    if (!this.host.attribute('customer-code')) this.customerCode = meta.customerCode;
    this.file = { name: meta.fileName, headers: meta.headers, rows: meta.rows.map((r) => r.cells) };
    this.mapping = describeMapping(meta.headers, meta.columns);
    this.rows = meta.rows.map((r) => ({ key: r.number, number: r.number, cells: r.cells, original: r.original, check: null }));
    this.resumedImportId = meta.importId;
  }

  discardSaved(importId) {
    return this.host.store().deleteImport(importId).catch(() => {}); // left in a blocked store, it is offered again: harmless
  }

  // ---- output ------------------------------------------------------------

  /** The result file as CSV text: the file's columns plus voiceSiteId, orderId, status, problems. */
  async resultCsv() {
    const papa = await this.#papa();
    const core = this.core;
    const civicAddress = typeof core?.toCivicAddressXml === 'function'
      ? (row) => core.toCivicAddressXml(row.check.address, { country: row.check.order.country }) : undefined;
    const result = buildResult(this.file.headers, this.rows, (key) => this.record(key), { civicAddress, columns: this.mapping?.columns });
    return toCsv(result.headers, result.rows, papa);
  }
}
