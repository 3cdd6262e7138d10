// The ordering run of the site import (DOM-free): each ready row is ordered, then its
// voiceaddress is pushed, with bounded concurrency, pause/resume/cancel and per-row results.
//
// Exactly once, without the server's help (nothing says the API de-duplicates orders on
// customerOrderReference): an order whose outcome is unknown (no answer, a timeout, a 5xx, an
// answer that cannot be read, a reload while it was in flight) is remembered in the row's record
// as an attempt in doubt. The voicesites are then listed (every page) and the one holding the
// row's technical site name is adopted; when none does, the row fails, and only an explicit retry
// sends it again, after one more look-up (../../internal/order-lookup.js). Every step's outcome is
// saved to the progress store before the next step starts, so a reload resumes where the run
// stopped. POST and PUT are only re-sent on their own after a 429 (the API did not act on them).
import { OrderOnce, addAttempt as addDoubt, lookUpOrder, namesHeld, orderKey } from '../../internal/order-lookup.js';

export const ROW_STATE = Object.freeze({
  PENDING: 'pending', // not ordered yet (or to be looked up first: record.doubt)
  ORDERING: 'ordering',
  CHECKING: 'checking', // looking the order up in the voicesites list
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

/**
 * A row error said in the element's words: `key` and `params` name a catalogue text (row.*) the
 * table shows instead of `message` (the English text the result CSV and events carry).
 */
const rowError = (key, params, message, error = null) => ({ ...describeError(error), key, params, message });

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
  #held = null; // the names the customer held when the run started (a test), or null
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
      // An order whose outcome is unknown may have created the voicesite: its record (reference
      // and attempts in doubt) is kept even if the row was edited since, and looked up first.
      const inFlight = previous?.state === ROW_STATE.ORDERING || previous?.state === ROW_STATE.CHECKING;
      const keep = previous && (previous.reference === row.reference || previous.doubt?.length || inFlight);
      const record = keep
        ? { ...previous, doubt: [...(previous.doubt ?? [])] }
        : { key: row.key, reference: row.reference, state: ROW_STATE.PENDING, orderId: '', voiceSiteId: '', error: null, doubt: [] };
      // An order cut short by a reload may have reached the API: it is in doubt, looked up before
      // any re-send. So is a failure without a definite answer of a record saved before attempts
      // were kept (its attempt: the row's order).
      const asSent = record.sending ?? { ...row.order, customerCode: this.#customerCode };
      const oldUnknown = keep && !previous.doubt && record.state === ROW_STATE.ORDER_FAILED
        && !(record.error?.status > 0 && record.error.status < 500);
      if (inFlight || oldUnknown) record.doubt = addDoubt(record.doubt, asSent);
      if (inFlight) record.state = ROW_STATE.PENDING;
      if (record.state === ROW_STATE.ADDRESSING) record.state = ROW_STATE.ORDERED;
      delete record.sending;
      this.#records.set(row.key, record);
      this.#jobs.set(row.key, { order: row.order, address: row.address });
    }
  }

  /** Runs every row that is not finished; resolves with the counts once all are settled or the run is cancelled. */
  start() {
    if (this.#running) return this.#running;
    this.#cancelled = false;
    this.#queue = this.records.filter((r) => r.state === ROW_STATE.PENDING || r.state === ROW_STATE.ORDERED).map((r) => r.key);
    this.#running = this.#listNames().then(() => this.#runQueue()).finally(() => { this.#running = null; });
    return this.#running;
  }

  /** Runs only the address step of rows left "ordered, address missing" (or one row's, with `key`). */
  retryAddresses(key) {
    for (const record of this.records) {
      if (record.state === ROW_STATE.ADDRESS_FAILED && (key === undefined || record.key === key)) {
        // Without a voicesite id (the order was accepted, not completed yet), the voicesites are
        // listed again for it: the order itself is never sent again.
        record.state = record.voiceSiteId ? ROW_STATE.ORDERED : ROW_STATE.PENDING;
        if (this.#running) this.#queue.push(record.key);
      }
    }
    return this.#running ?? this.start();
  }

  /** Retries the order of rows whose order failed (an attempt in doubt is looked up first). */
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

  /**
   * Lists the voicesites once before the rows are sent: a 409 for a name that was free then is
   * looked up (a browser may have re-sent the POST on its own, and its voicesite is the row's).
   * Without the list, a 409 is taken as a refusal.
   */
  async #listNames() {
    this.#held = null;
    if (!this.records.some((r) => r.state === ROW_STATE.PENDING && !r.accepted && !r.doubt?.length)) return;
    try {
      this.#held = namesHeld(await this.#client.voicesites(), this.#customerCode);
    } catch {
      // Ordering goes on without it.
    }
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
      await (record.accepted ? this.#findAccepted(record, job) : this.#order(record, job));
      if (record.state !== ROW_STATE.ORDERED || this.#cancelled) return;
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

  /** Orders a row once (OrderOnce: attempts in doubt are looked up before any re-send). */
  async #order(record, job) {
    const order = { ...job.order, customerOrderReference: record.reference };
    // Saved before the POST: a reload while it is in flight leaves it in doubt (see add()).
    await this.#update(record, { state: ROW_STATE.ORDERING, error: null, sending: orderKey({ ...order, customerCode: this.#customerCode }) });
    const once = new OrderOnce({ attempts: record.doubt });
    const onPhase = (phase) => {
      const state = phase === 'checking' ? ROW_STATE.CHECKING : ROW_STATE.ORDERING;
      if (record.state !== state) this.#update(record, { state });
    };
    const nameFree = this.#held ? !this.#held(order.technicalSiteName) : undefined;
    const outcome = await once.send(this.#client, this.#customerCode, order, { onPhase, nameFree });
    const after = { doubt: once.attempts, sending: undefined };
    const { kind, error } = outcome;
    if (kind === 'created') {
      record.attempts429 = 0;
      const voiceSiteId = outcome.voiceSiteId ? String(outcome.voiceSiteId) : '';
      // Accepted without a voicesite id yet: never ordered again, looked up on retry.
      const accepted = voiceSiteId ? undefined : orderKey({ ...order, customerCode: this.#customerCode });
      await this.#update(record, {
        ...after, accepted, found: outcome.found || undefined,
        state: voiceSiteId ? ROW_STATE.ORDERED : ROW_STATE.ADDRESS_FAILED,
        orderId: String(outcome.order?.orderId ?? ''), voiceSiteId,
        error: voiceSiteId ? null : rowError('row.noSiteId', {}, `Order accepted (status ${outcome.order?.status ?? 'unknown'}) but the API gave no voicesite id yet.`),
      });
      return;
    }
    if (kind === 'refused' && this.#holdFor429(error, record)) {
      await this.#update(record, { ...after, state: ROW_STATE.PENDING });
      this.#queue.unshift(record.key);
      return;
    }
    let failure;
    if (kind === 'notFound') {
      failure = rowError('row.notFound', { name: order.technicalSiteName }, `No answer came (${describeError(error).message}), and no voicesite named ${order.technicalSiteName} is listed: the order does not seem to have been carried out. Retry sends it again.`, error);
    } else if (kind === 'lookupFailed') {
      failure = rowError('row.lookupFailed', {}, `The order may have been carried out, but the voicesites could not be listed to check it (${describeError(error).message}). Nothing was sent again: Retry checks first.`, error);
    } else if (kind === 'taken' && !error) {
      failure = rowError('row.nameTaken', { name: order.technicalSiteName }, `Another voicesite is named ${order.technicalSiteName}: change the technical site name.`);
    } else {
      failure = describeError(error);
    }
    await this.#update(record, { ...after, state: ROW_STATE.ORDER_FAILED, error: failure });
  }

  /** A row accepted without a voicesite id: its voicesite is looked for in the list, never ordered again. */
  async #findAccepted(record, job) {
    await this.#update(record, { state: ROW_STATE.CHECKING, error: null });
    try {
      const { site } = await lookUpOrder(this.#client, [record.accepted]);
      if (site) {
        await this.#update(record, { state: ROW_STATE.ORDERED, voiceSiteId: String(site.voiceSiteId), accepted: undefined, error: null });
        return;
      }
      await this.#update(record, { state: ROW_STATE.ADDRESS_FAILED,
        error: rowError('row.notListedYet', { name: job.order.technicalSiteName }, `The order was accepted, but no voicesite named ${job.order.technicalSiteName} is listed yet. Retry looks again.`) });
    } catch (error) {
      await this.#update(record, { state: ROW_STATE.ADDRESS_FAILED,
        error: rowError('row.lookupFailed', {}, `The voicesites could not be listed (${describeError(error).message}). Retry looks again.`, error) });
    }
  }
}
