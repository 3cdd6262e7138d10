// The ordering run of the site import (DOM-free): each ready row is ordered, then its
// voiceaddress is pushed, with bounded concurrency, pause/resume/cancel and per-row results.
//
// Exactly once: a row is ordered with its deterministic customerOrderReference, so ordering
// it again (after a 429, a reload mid-run, the same file imported again) makes the API return
// the existing order rather than create a second voicesite. Every step's outcome is saved to
// the progress store before the next step starts, so a reload resumes where the run stopped.
// POST and PUT are only re-sent after a 429 (the API did not act on them), after Retry-After.

export const ROW_STATE = Object.freeze({
  PENDING: 'pending', // not ordered yet
  ORDERING: 'ordering',
  ORDERED: 'ordered', // ordered, address not pushed yet
  ADDRESSING: 'addressing',
  DONE: 'done', // ordered and addressed
  ORDER_FAILED: 'orderFailed',
  ADDRESS_FAILED: 'addressFailed', // ordered, address missing: retry just that step
});

const DEFAULT_RETRY_AFTER_S = 2;
const MAX_RETRY_AFTER_S = 120;
const MAX_429_RETRIES = 6;

const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** What is kept of an error: a message and the API's problems; never a header or a secret. */
function describeError(error) {
  return {
    message: String(error?.message ?? error ?? 'Unknown error'),
    status: typeof error?.status === 'number' ? error.status : 0,
    problems: Array.isArray(error?.problems)
      ? error.problems.map(({ field, code, message }) => ({ field: String(field ?? ''), code: String(code ?? ''), message: String(message ?? '') }))
      : [],
  };
}

/** True when a failed request may still have been carried out (no answer, a timeout, a 5xx). */
export function outcomeUnknown(error) {
  const status = error?.status ?? 0;
  return status === 0 || status >= 500;
}

/** Counts of records by outcome, for a progress bar. */
export function countRecords(records) {
  const counts = { total: records.length, done: 0, ordered: 0, failed: 0, addressFailed: 0, pending: 0, active: 0 };
  for (const r of records) {
    if (r.state === ROW_STATE.DONE) counts.done += 1;
    else if (r.state === ROW_STATE.ORDERED) counts.ordered += 1;
    else if (r.state === ROW_STATE.ORDER_FAILED) counts.failed += 1;
    else if (r.state === ROW_STATE.ADDRESS_FAILED) counts.addressFailed += 1;
    else if (r.state === ROW_STATE.PENDING) counts.pending += 1;
    else counts.active += 1;
  }
  counts.finished = counts.done + counts.failed + counts.addressFailed;
  return counts;
}

export class ImportRun {
  #client;
  #customerCode;
  #importId;
  #store;
  #concurrency;
  #sleep;
  #onRow;
  #onProgress;
  #onHold;
  #records = new Map(); // key -> record
  #jobs = new Map(); // key -> { order, address }
  #queue = [];
  #paused = false;
  #cancelled = false;
  #holdUntil = 0; // a 429 holds every worker until then
  #holdShown = 0; // the hold onHold last announced (0: none)
  #resumeWaiters = [];
  #running = null;
  #now;

  /**
   * @param {{ client, customerCode: string, importId: string, store?: object, concurrency?: number,
   *           sleep?: (ms) => Promise<void>, now?: () => number,
   *           onRow?: (record) => void, onProgress?: (counts) => void,
   *           onHold?: (hold: { until: number, seconds: number } | null) => void }} options
   * onHold: a 429 holds the run until `until` (a time of `now`), or the hold is over (null).
   */
  constructor({ client, customerCode, importId, store = null, concurrency = 4, sleep = defaultSleep, now = Date.now, onRow, onProgress, onHold }) {
    this.#client = client;
    this.#customerCode = customerCode;
    this.#importId = importId;
    this.#store = store;
    this.#concurrency = Math.max(1, Math.min(16, Math.floor(concurrency) || 4));
    this.#sleep = sleep;
    this.#now = now;
    this.#onRow = onRow ?? (() => {});
    this.#onProgress = onProgress ?? (() => {});
    this.#onHold = onHold ?? (() => {});
  }

  get paused() { return this.#paused; }
  get cancelled() { return this.#cancelled; }
  get running() { return this.#running !== null; }
  get records() { return [...this.#records.values()]; }
  record(key) { return this.#records.get(key); }
  get counts() { return countRecords(this.records); }

  /**
   * Adds rows: [{ key, reference, order, address }], with their saved records (from a previous
   * run) when there are some. A row already done is never sent again.
   */
  add(rows, saved = []) {
    const savedByKey = new Map(saved.map((r) => [r.key, r]));
    for (const row of rows) {
      const previous = savedByKey.get(row.key);
      // A failed order whose outcome is unknown (no answer, 5xx) may have created the voicesite:
      // its reference is kept even if the row was edited since, so retrying cannot make a second one.
      const keep = previous && (previous.reference === row.reference
        || (previous.state === ROW_STATE.ORDER_FAILED && outcomeUnknown(previous.error)));
      const record = keep
        ? { ...previous }
        : { key: row.key, reference: row.reference, state: ROW_STATE.PENDING, orderId: '', voiceSiteId: '', error: null };
      // A step cut short by a reload is done again: ordering with the same reference is safe.
      if (record.state === ROW_STATE.ORDERING) record.state = ROW_STATE.PENDING;
      if (record.state === ROW_STATE.ADDRESSING) record.state = ROW_STATE.ORDERED;
      this.#records.set(row.key, record);
      this.#jobs.set(row.key, { order: row.order, address: row.address });
    }
  }

  /** Runs every row that is not finished; resolves with the counts once all are settled or the run is cancelled. */
  start() {
    if (this.#running) return this.#running;
    this.#cancelled = false;
    this.#queue = this.records.filter((r) => r.state === ROW_STATE.PENDING || r.state === ROW_STATE.ORDERED).map((r) => r.key);
    this.#running = this.#runQueue().finally(() => { this.#running = null; });
    return this.#running;
  }

  /** Runs only the address step of rows left "ordered, address missing" (or one row's, with `key`). */
  retryAddresses(key) {
    for (const record of this.records) {
      if (record.state === ROW_STATE.ADDRESS_FAILED && (key === undefined || record.key === key)) {
        // Without a voicesite id (the order was accepted but not yet completed), the order is sent
        // again with the same reference: the API answers with the existing order, now with its id.
        record.state = record.voiceSiteId ? ROW_STATE.ORDERED : ROW_STATE.PENDING;
        if (this.#running) this.#queue.push(record.key);
      }
    }
    return this.#running ?? this.start();
  }

  /** Retries the order of rows whose order failed (same reference: never a second voicesite). */
  retryOrders(key) {
    for (const record of this.records) {
      if (record.state === ROW_STATE.ORDER_FAILED && (key === undefined || record.key === key)) {
        record.state = ROW_STATE.PENDING;
        if (this.#running) this.#queue.push(record.key);
      }
    }
    return this.#running ?? this.start();
  }

  /** Requests in flight finish; no new one starts until resume(). */
  pause() {
    this.#paused = true;
    this.#onProgress(this.counts);
  }

  resume() {
    this.#paused = false;
    for (const wake of this.#resumeWaiters.splice(0)) wake();
    this.#onProgress(this.counts);
  }

  /** The time (of `now`) until which a 429 holds the run, or 0. */
  get holdUntil() { return this.#holdShown; }

  /** Stops taking rows (a 429's wait included); requests in flight finish and their results are kept. */
  cancel() {
    this.#cancelled = true;
    this.#queue.length = 0;
    this.resume();
    this.#endHold();
  }

  #endHold() {
    if (!this.#holdShown) return;
    this.#holdShown = 0;
    this.#onHold(null);
  }

  async #runQueue() {
    const workers = Array.from({ length: Math.min(this.#concurrency, Math.max(1, this.#queue.length)) }, () => this.#worker());
    await Promise.all(workers);
    this.#endHold();
    const counts = this.counts;
    this.#onProgress(counts);
    return counts;
  }

  async #gate() {
    while (!this.#cancelled) {
      if (this.#paused) {
        await new Promise((resolve) => this.#resumeWaiters.push(resolve));
        continue;
      }
      const wait = this.#holdUntil - this.#now();
      if (wait > 0) {
        // cancel() (through resume()) ends the wait early.
        await Promise.race([this.#sleep(wait), new Promise((resolve) => this.#resumeWaiters.push(resolve))]);
        continue;
      }
      this.#endHold();
      return true;
    }
    return false;
  }

  async #worker() {
    while (this.#queue.length && await this.#gate()) {
      const key = this.#queue.shift();
      if (key === undefined) break;
      await this.#runRow(key);
    }
  }

  async #update(record, changes) {
    Object.assign(record, changes, { updatedAt: this.#now() });
    try {
      await this.#store?.saveRecord(this.#importId, { ...record });
    } catch {
      // The store is a convenience for resuming: the reference keeps ordering exactly once without it.
    }
    this.#onRow({ ...record });
    this.#onProgress(this.counts);
  }

  /** A 429 holds every worker for Retry-After, then the same step is tried again. */
  #holdFor429(error, record) {
    record.attempts429 = (record.attempts429 ?? 0) + 1;
    if (error?.status !== 429 || record.attempts429 > MAX_429_RETRIES) return false;
    const seconds = Math.min(MAX_RETRY_AFTER_S, Number.isFinite(error.retryAfter) ? error.retryAfter : DEFAULT_RETRY_AFTER_S);
    this.#holdUntil = Math.max(this.#holdUntil, this.#now() + seconds * 1000);
    if (this.#holdUntil !== this.#holdShown) {
      this.#holdShown = this.#holdUntil;
      this.#onHold({ until: this.#holdUntil, seconds: Math.max(0, Math.ceil((this.#holdUntil - this.#now()) / 1000)) });
    }
    return true;
  }

  async #runRow(key) {
    const record = this.#records.get(key);
    const job = this.#jobs.get(key);
    if (record.state === ROW_STATE.PENDING) {
      await this.#update(record, { state: ROW_STATE.ORDERING, error: null });
      const { ok, answer } = await this.#step(key, record, ROW_STATE.PENDING, ROW_STATE.ORDER_FAILED,
        () => this.#client.orderVoicesite(this.#customerCode, { ...job.order, customerOrderReference: record.reference }));
      if (!ok) return;
      const voiceSiteId = answer?.voiceSiteId ? String(answer.voiceSiteId) : '';
      await this.#update(record, {
        state: voiceSiteId ? ROW_STATE.ORDERED : ROW_STATE.ADDRESS_FAILED,
        orderId: String(answer?.orderId ?? ''), voiceSiteId,
        error: voiceSiteId ? null : { message: `Order accepted (status ${answer?.status ?? 'unknown'}) but the API gave no voicesite id yet.`, status: 0, problems: [] },
      });
      if (!voiceSiteId || this.#cancelled) return;
    }
    if (record.state !== ROW_STATE.ORDERED) return;
    if (!(await this.#gate())) return;
    await this.#update(record, { state: ROW_STATE.ADDRESSING, error: null });
    const { ok } = await this.#step(key, record, ROW_STATE.ORDERED, ROW_STATE.ADDRESS_FAILED,
      () => this.#client.pushVoiceAddress(this.#customerCode, record.voiceSiteId, job.address));
    if (ok) await this.#update(record, { state: ROW_STATE.DONE, error: null });
  }

  /**
   * One request of a row's step: -> { ok, answer }. After a 429 the row goes back to `held` (the API did
   * not act on it) at the head of the queue, to be sent again once the wait is over; any other failure
   * leaves it `failed` with the error.
   */
  async #step(key, record, held, failed, request) {
    try {
      const answer = await request();
      record.attempts429 = 0;
      return { ok: true, answer };
    } catch (error) {
      if (this.#holdFor429(error, record)) {
        await this.#update(record, { state: held });
        this.#queue.unshift(key);
      } else {
        await this.#update(record, { state: failed, error: describeError(error) });
      }
      return { ok: false };
    }
  }
}
