// A fetch-based client for the Business Talk REST API (btalk/v1).
//
// Works in browsers and Node 20: no Node-only imports, only fetch, AbortController,
// URL and URLSearchParams. Responses are normalised by the wasm core
// (core.parseResponse), so the components see one shape whatever variant the API sends.
//
// Secrets (access token, API key) only ever go into request headers: never into a
// URL, an error, a log line (this module never logs) or storage. They live in a
// private field of the client instance.

import { loadCore } from './core.js';

export const DEFAULT_BASE_URL = 'https://api.orange.com/btalk/v1';

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const BACKOFF_BASE_MS = 500;
const MAX_API_MESSAGE_LENGTH = 500;
const MAX_QUERY_LENGTH = 500;
const MAX_PATH_PARAM_LENGTH = 200;
const API_KEY_LENGTH = 40;
// The core refuses documents over 4 MB; a longer answer is cut off there, never read in full.
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
// A Retry-After beyond a day is read as a day: no sensible API asks for more, and the
// number must stay finite (a 400-digit delay-seconds would otherwise read as Infinity).
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
// Printable ASCII without space: what a header value can carry without being
// rejected by fetch (whose error would quote the value, i.e. the secret).
const TOKEN_CHARS = /^[\x21-\x7e]+$/;
// The seed's address elements (PIDF-LO based), the names /addresses accepts as query parameters.
const ADDRESS_ELEMENT = /^(a[1-6]|hno|hns|sts|flr|bld|room|pc|pcn|pobox|prd|pod|unit|addrExtInfo([1-9]|10))$/;

/**
 * Any failure of a client call. `message` is written for people and is safe to
 * show; it never contains a secret.
 */
export class BtalkApiError extends Error {
  /**
   * @param {{ status?: number, code: string, message: string, body?: object|null,
   *           retryAfter?: number, url?: string, problems?: Array<object>, cause?: unknown }} details
   */
  constructor({ status = 0, code, message, body = null, retryAfter, url, problems, cause }) {
    // `cause` is kept non-enumerable (Error's own behaviour), so JSON.stringify skips it.
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'BtalkApiError';
    /** HTTP status; 0 when no response arrived (timeout, network, refused input). */
    this.status = status;
    /** 'timeout' | 'network' | 'aborted' | 'malformedResponse' | 'redirectRefused' | 'responseTooLarge' | 'invalidCredentials' |
     *  'credentialsUnavailable' | 'invalidArgument' | 'invalidOrder' | the API's own code | a status code name. */
    this.code = code;
    /** The API's error document, normalised ({ code, message, description, problems }), or null. */
    this.body = body;
    /** Seconds the API asked us to wait (Retry-After), when it said so. */
    this.retryAfter = retryAfter;
    /** The API path of the request (no host, no query). */
    this.url = url;
    /** [{ field, code, message }]: what the API (or the core) found wrong with the input. */
    this.problems = problems ?? [];
  }

  toJSON() {
    const { name, status, code, message, url, retryAfter, problems } = this;
    return { name, status, code, message, url, retryAfter, problems };
  }
}

/**
 * Sleeps `ms` milliseconds, or rejects when `signal` aborts.
 * @param {number} ms
 * @param {AbortSignal} [signal]
 */
function defaultSleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortedError(path, cause) {
  return new BtalkApiError({ code: 'aborted', message: 'The request to the Business Talk API was cancelled.', url: path, cause });
}

function invalidArgument(message) {
  return new BtalkApiError({ code: 'invalidArgument', message });
}

/** Settles like `promise`, or rejects as soon as `signal` aborts (the work itself goes on). */
function untilAborted(promise, signal, path) {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortedError(path, signal.reason));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortedError(path, signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => { signal.removeEventListener('abort', onAbort); resolve(value); },
      (error) => { signal.removeEventListener('abort', onAbort); reject(error); },
    );
  });
}

function describeSeconds(ms) {
  // 15000 -> "15 s", 2500 -> "2.5 s", 20 -> "0.02 s"
  return `${Number((ms / 1000).toPrecision(3))} s`;
}

/** When to try again, for people: "in 30 s", "in 5 min", or "later" beyond an hour. */
function describeWait(ms) {
  if (ms <= 120_000) return `in ${describeSeconds(Math.ceil(ms / 1000) * 1000)}`;
  if (ms <= 3_600_000) return `in ${Math.ceil(ms / 60_000)} min`;
  return 'later';
}

/**
 * Retry-After as milliseconds: delay-seconds or an HTTP date; undefined when absent or unreadable.
 * @param {string|null} value
 */
export function parseRetryAfter(value, now = Date.now()) {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Math.min(MAX_RETRY_AFTER_MS, Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - now));
}

/**
 * The body of `response` as text, read as a stream and abandoned as soon as it passes
 * MAX_RESPONSE_BYTES (an oversized answer is never held in memory whole).
 */
async function readLimitedText(response, path) {
  const tooLarge = () => new BtalkApiError({
    status: response.status, code: 'responseTooLarge', url: path,
    message: `The Business Talk API answer is larger than ${MAX_RESPONSE_BYTES / (1024 * 1024)} MB, more than any Business Talk document: it was not read.`,
  });
  const declared = Number(response.headers?.get?.('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_RESPONSE_BYTES) {
    response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!response.body || typeof response.body.getReader !== 'function') return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * One promise shared by every caller until it rejects: a failure is not kept,
 * so the next caller starts afresh (a core that failed to load, credentials not obtained).
 */
class SharedUntilRejected {
  #promise = null;

  /** The shared promise, made by `make` when there is none. */
  get(make) {
    if (!this.#promise) {
      const promise = make();
      this.#promise = promise;
      promise.catch(() => { if (this.#promise === promise) this.#promise = null; });
    }
    return this.#promise;
  }

  /** The next get() makes a new promise. */
  forget() {
    this.#promise = null;
  }
}

/** A query parameter's text: a string trimmed, a number as written, anything else ''. */
const queryText = (value) => (typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '');

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

function checkIso2(iso2) {
  if (typeof iso2 !== 'string' || !/^[A-Za-z]{2}$/.test(iso2)) {
    throw invalidArgument('The country must be a two-letter ISO 3166-1 code, such as "FR".');
  }
  return iso2.toUpperCase();
}

/** One URL path segment from user or API data; it cannot leave its place in the path. */
function segment(value, what) {
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
  if (typeof value !== 'string' || value.length === 0) {
    throw invalidArgument(`The ${what} must be a non-empty text.`);
  }
  if (value.length > MAX_PATH_PARAM_LENGTH) {
    throw invalidArgument(`The ${what} is longer than ${MAX_PATH_PARAM_LENGTH} characters.`);
  }
  // "." and ".." (or their %2e forms, which encodeURIComponent leaves as they are)
  // would be resolved by URL parsing and move the request to another path.
  if (/^(\.|%2e){1,2}$/i.test(value)) throw invalidArgument(`The ${what} cannot be "${value}".`);
  try {
    return encodeURIComponent(value);
  } catch {
    throw invalidArgument(`The ${what} contains characters that cannot be sent (unpaired surrogate).`);
  }
}

/** /customers/{code}/voicesites/{id}/voiceaddress, both ids checked as path segments. */
function voiceAddressPath(customerCode, voiceSiteId) {
  return `/customers/${segment(customerCode, 'customer code')}/voicesites/${segment(voiceSiteId, 'voicesite id')}/voiceaddress`;
}

function resolveBaseUrl(baseUrl) {
  if (typeof baseUrl !== 'string' && !(baseUrl instanceof URL)) {
    throw new TypeError('BtalkClient: baseUrl must be a string or URL');
  }
  const text = String(baseUrl).trim();
  let url = null;
  try {
    url = new URL(text);
  } catch {
    // Relative ('/proxy/btalk/v1'): resolve against the page when there is one.
    const here = globalThis.location?.href;
    if (here) url = new URL(text, here);
  }
  if (url === null) {
    if (!text.startsWith('/') || /[?#]/.test(text)) {
      throw new TypeError('BtalkClient: baseUrl must be an absolute http(s) URL or a path starting with "/"');
    }
    return { base: text.replace(/\/+$/, ''), url: null };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('BtalkClient: baseUrl must use http or https');
  }
  if (url.username || url.password) {
    throw new TypeError('BtalkClient: baseUrl must not contain a user name or password');
  }
  if (url.search || url.hash) {
    throw new TypeError('BtalkClient: baseUrl must not contain a query or a fragment');
  }
  return { base: url.href.replace(/\/+$/, ''), url };
}

function isLoopback(hostname) {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function messageForStatus(status, apiMessage, retryAfterMs) {
  switch (status) {
    case 401:
      return 'The Business Talk API refused the credentials (401).';
    case 403:
      return 'The Business Talk API key does not allow this operation (403).';
    case 429:
      return retryAfterMs === undefined
        ? 'The Business Talk API is receiving too many requests (429). Try again shortly.'
        : `The Business Talk API is receiving too many requests (429). Try again ${describeWait(retryAfterMs)}.`;
    case 502:
    case 503:
    case 504:
      return `The Business Talk API is unavailable right now (${status}). Try again later.`;
    default:
      break;
  }
  if (status >= 500) return `The Business Talk API failed (${status}). Try again later.`;
  if (apiMessage) return apiMessage;
  if (status === 404) return 'The Business Talk API found nothing at this address (404).';
  if (status === 405) return 'The Business Talk API does not support this operation (405).';
  return `The Business Talk API refused the request (${status}).`;
}

function codeForStatus(status) {
  return {
    400: 'badRequest', 401: 'unauthorized', 403: 'forbidden', 404: 'notFound', 405: 'methodNotAllowed',
    409: 'conflict', 422: 'unprocessable', 429: 'tooManyRequests',
  }[status] ?? (status >= 500 ? 'serverError' : 'httpError');
}

/**
 * The Business Talk API client.
 *
 * Two modes:
 * - proxy (no `credentials`): no auth header is sent; a same-origin proxy adds them.
 *   Recommended for portals: the secrets never reach the browser.
 * - direct (`credentials`: async () => ({ accessToken, apiKey })): called before the
 *   first request, cached, and called again once after a 401 (the request is then
 *   retried once; a second 401 is an error).
 *
 * GETs are retried (up to `retries` times) on 429/502/503/504 and network errors, with
 * exponential backoff and jitter, honouring Retry-After up to `maxRetryDelayMs`: when the
 * API asks for a longer wait the error is returned at once with `retryAfter` set.
 * Timeouts are not retried (the caller already waited `timeoutMs`). POST and PUT are never
 * retried, except once after a 401 (the API did not act on the request).
 * Redirects are never followed ('redirectRefused'), and an answer over MAX_RESPONSE_BYTES is
 * abandoned as it streams in ('responseTooLarge'). Retry-After is clamped to a day.
 */
export class BtalkClient {
  #base;
  #credentials;
  #fetch;
  #timeoutMs;
  #retries;
  #maxRetryDelayMs;
  #sleep;
  #random;
  #coreOption;
  #sharedCore = new SharedUntilRejected(); // the core
  #auth = new SharedUntilRejected(); // the credentials: { accessToken, apiKey }
  #authGeneration = 0;
  #cache = new Map(); // url -> { status, text }
  #inFlight = new Map(); // url -> Promise<{ status, text }>
  #orders = new Map(); // customerCode + reference -> Promise<order>
  #knownSecrets = new Set(); // for redaction of API error texts; the last few only

  /**
   * @param {{ baseUrl?: string|URL, credentials?: () => Promise<{accessToken: string, apiKey: string}>,
   *           fetch?: typeof fetch, timeoutMs?: number, retries?: number, core?: object|Promise<object>,
   *           sleep?: (ms: number, signal?: AbortSignal) => Promise<void>, random?: () => number,
   *           maxRetryDelayMs?: number }} [options]
   */
  constructor({
    baseUrl = DEFAULT_BASE_URL, credentials, fetch = globalThis.fetch, timeoutMs = 15000, retries = 2, core,
    sleep = defaultSleep, random = Math.random, maxRetryDelayMs = 10000,
  } = {}) {
    const { base, url } = resolveBaseUrl(baseUrl);
    if (credentials !== undefined && credentials !== null && typeof credentials !== 'function') {
      throw new TypeError('BtalkClient: credentials must be an async function returning { accessToken, apiKey }');
    }
    if (credentials && url && url.protocol === 'http:' && !isLoopback(url.hostname)) {
      throw new TypeError('BtalkClient: credentials are only sent over https (or to localhost)');
    }
    if (typeof fetch !== 'function') throw new TypeError('BtalkClient: no fetch function available');
    if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new TypeError('BtalkClient: timeoutMs must be a positive number');
    if (!(Number.isInteger(retries) && retries >= 0 && retries <= 10)) throw new TypeError('BtalkClient: retries must be an integer from 0 to 10');
    if (typeof sleep !== 'function' || typeof random !== 'function') throw new TypeError('BtalkClient: sleep and random must be functions');
    if (!(Number.isFinite(maxRetryDelayMs) && maxRetryDelayMs >= 0)) throw new TypeError('BtalkClient: maxRetryDelayMs must be a number >= 0');
    this.#base = base;
    this.#credentials = credentials || null;
    this.#fetch = fetch;
    this.#timeoutMs = timeoutMs;
    this.#retries = retries;
    this.#maxRetryDelayMs = maxRetryDelayMs;
    this.#sleep = sleep;
    this.#random = random;
    this.#coreOption = core ?? null;
  }

  /** The API base URL requests go to (no secrets in it). */
  get baseUrl() {
    return this.#base;
  }

  /** Forgets cached GET answers (country data, constraints, geo areas, dial zones, postal codes, parishes, country list). */
  clearCache() {
    this.#cache.clear();
  }

  // ---- API methods -------------------------------------------------------

  /** GET /me -> { rightsProfile, canOrder } */
  async me({ signal } = {}) {
    return this.#getParsed('/me', 'me', { signal });
  }

  /** GET /customers -> [{ customerCode, name, contractNumber, type }] */
  async customers({ signal } = {}) {
    return this.#getParsed('/customers', 'customers', { signal });
  }

  /** GET /customers/{customerCode}/vpns -> [{ vpnId, name, vpnCode }] */
  async vpns(customerCode, { signal } = {}) {
    return this.#getParsed(`/customers/${segment(customerCode, 'customer code')}/vpns`, 'vpns', { signal });
  }

  /** GET /countries -> [{ iso2, name, covered }] (cached) */
  async countries({ signal } = {}) {
    return this.#getParsed('/countries', 'countries', { signal, cache: true });
  }

  /** GET /countries/{iso2} -> { iso2, name, countryCode, covered, coverage } (cached) */
  async country(iso2, { signal } = {}) {
    return this.#getParsed(`/countries/${checkIso2(iso2)}`, 'country', { signal, cache: true });
  }

  /** GET /countries/{iso2}/addressconstraints -> the raw document (cached). */
  async addressConstraints(iso2, { signal } = {}) {
    const path = `/countries/${checkIso2(iso2)}/addressconstraints`;
    return this.#read(path, (answer) => this.#document(path, answer), { signal, cache: true });
  }

  /** GET /countries/{iso2}/geographicalconstraints -> the raw document, or null (404: none). Cached. */
  async geographicalConstraints(iso2, { signal } = {}) {
    const path = `/countries/${checkIso2(iso2)}/geographicalconstraints`;
    return this.#read(path, (answer) => (answer.status === 404 ? null : this.#document(path, answer)),
      { signal, cache: true, accept404: true });
  }

  /**
   * GET /countries/{iso2}/geoareas/area1[/{v1}/area2[/{v2}/area3[/{v3}/area4]]] -> [{ value, display }].
   * `parents`: the values already chosen for the levels above (0 to 3 of them). Cached.
   */
  async geoAreas(iso2, parents = [], { signal } = {}) {
    if (!Array.isArray(parents) || parents.length > 3) {
      throw invalidArgument('The parent geographical areas must be a list of at most 3 values.');
    }
    let path = `/countries/${checkIso2(iso2)}/geoareas`;
    parents.forEach((parent, index) => {
      path += `/area${index + 1}/${segment(parent, `area${index + 1} value`)}`;
    });
    path += `/area${parents.length + 1}`;
    return this.#getParsed(path, 'geoAreas', { signal, cache: true });
  }

  /** GET /countries/{iso2}/dialzones -> [{ value, display }]; [] when the API has none (404). Cached. */
  async dialZones(iso2, { signal } = {}) {
    return this.#lookup(`/countries/${checkIso2(iso2)}/dialzones`, 'dialZones', undefined, { signal, notFound: 'empty' });
  }

  /** GET /countries/{iso2}/addresses?q= -> [{ id, label, address }]; [] for an empty query (nothing sent). */
  async searchAddresses(iso2, query, { signal } = {}) {
    const country = checkIso2(iso2);
    if (typeof query !== 'string') throw invalidArgument('The address search must be a text.');
    const text = query.trim();
    if (text === '') return [];
    if (text.length > MAX_QUERY_LENGTH) {
      throw invalidArgument(`The address search is longer than ${MAX_QUERY_LENGTH} characters.`);
    }
    const path = `/countries/${country}/addresses`;
    return this.#getParsed(path, 'addressCandidates', { signal, query: { q: text } });
  }

  /**
   * Full address validation: GET /countries/{iso2}/addresses?a6=&hno=&pc=... with the address's
   * filled elements -> the matching candidates [{ id, label, address }] in their canonical form
   * (none: the API does not know the address). [] without a request when no element is filled.
   */
  async validateAddressCandidates(iso2, address, { signal } = {}) {
    const country = checkIso2(iso2);
    if (!isPlainObject(address)) throw invalidArgument('The address must be an object of address elements.');
    const query = {};
    for (const [name, value] of Object.entries(address)) {
      // dialZone is not an address element the search knows; unknown names would be refused.
      if (!ADDRESS_ELEMENT.test(name)) continue;
      const text = queryText(value);
      if (text !== '') query[name] = text.slice(0, MAX_QUERY_LENGTH);
    }
    if (Object.keys(query).length === 0) return [];
    const path = `/countries/${country}/addresses`;
    return this.#getParsed(path, 'addressCandidates', { signal, query });
  }

  /**
   * Postal code look-up (Portugal): GET /countries/{iso2}/postalcodes?q= -> [{ value, display, address }],
   * `address` holding pc and the elements the code determines (a1, a2, a3...). Cached per URL.
   * [] for a blank query (nothing sent) and, unless `notFound: 'error'`, on 404 (the country offers
   * no look-up); with `notFound: 'error'` a 404 rejects, so a caller can tell "not offered" from "no match".
   */
  async postalCodes(iso2, query, { signal, notFound = 'empty' } = {}) {
    const country = checkIso2(iso2);
    if (typeof query !== 'string' && typeof query !== 'number') throw invalidArgument('The postal code search must be a text.');
    const text = queryText(query);
    if (text === '') return [];
    if (text.length > MAX_QUERY_LENGTH) {
      throw invalidArgument(`The postal code search is longer than ${MAX_QUERY_LENGTH} characters.`);
    }
    return this.#lookup(`/countries/${country}/postalcodes`, 'postalCodes', { q: text }, { signal, notFound });
  }

  /**
   * Parishes of a municipality (Portugal): GET /countries/{iso2}/parishes?a1=&a2= -> [{ value, display }].
   * Cached per URL. [] when a1 or a2 is blank (nothing sent) and, unless `notFound: 'error'`, on 404.
   */
  async parishes(iso2, { a1, a2 } = {}, { signal, notFound = 'empty' } = {}) {
    const country = checkIso2(iso2);
    const query = {};
    for (const [name, value] of [['a1', a1], ['a2', a2]]) {
      const text = queryText(value);
      if (value !== undefined && value !== null && typeof value !== 'string' && typeof value !== 'number') {
        throw invalidArgument(`The parish look-up's ${name} must be a text.`);
      }
      if (text === '') return [];
      if (text.length > MAX_QUERY_LENGTH) throw invalidArgument(`The parish look-up's ${name} is too long.`);
      query[name] = text;
    }
    return this.#lookup(`/countries/${country}/parishes`, 'parishes', query, { signal, notFound });
  }

  /** GET /voicesites -> [{ voiceSiteId, technicalSiteName, customerSiteLabel, country, vpnId, status, hasVoiceAddress, customerCode, voiceAddress }] */
  async voicesites({ signal } = {}) {
    return this.#getParsed('/voicesites', 'voicesites', { signal });
  }

  /**
   * Orders a voicesite: POST /customers/{code}/orders/voicesite with core.buildOrderRequest(order);
   * if that path answers 404 or 405, POST /customers/{code}/orders with productReference 'voicesite'.
   * A second call with the same customerOrderReference while the first is in flight shares it.
   * -> { orderId, customerOrderReference, status, voiceSiteId }
   */
  async orderVoicesite(customerCode, order, { signal } = {}) {
    const customer = segment(customerCode, 'customer code');
    const core = await this.#core();
    let body;
    try {
      body = core.buildOrderRequest(order);
    } catch (error) {
      if (error?.name !== 'BtalkCoreError') throw error;
      throw new BtalkApiError({ code: 'invalidOrder', message: error.message, problems: error.problems });
    }
    const key = `${customer}\u0000${body.customerOrderReference}`;
    let pending = this.#orders.get(key);
    if (!pending) {
      pending = this.#postOrder(customer, body).finally(() => this.#orders.delete(key));
      this.#orders.set(key, pending);
    }
    return untilAborted(pending, signal, `/customers/${customer}/orders/voicesite`);
  }

  /**
   * Gives a voicesite its address: PUT /customers/{code}/voicesites/{id}/voiceaddress (POST if the
   * API answers 405). A 400 becomes a BtalkApiError whose `problems` say which fields are wrong.
   * -> { voiceSiteId, voiceAddress }
   */
  async pushVoiceAddress(customerCode, voiceSiteId, address, { signal } = {}) {
    const path = voiceAddressPath(customerCode, voiceSiteId);
    if (!isPlainObject(address)) throw invalidArgument('The address must be an object of address elements.');
    const text = JSON.stringify(address);
    let answer = await this.#exchange('PUT', path, { body: text, signal });
    if (answer.status === 405) answer = await this.#exchange('POST', path, { body: text, signal });
    if (!this.#ok(answer.status)) throw await this.#errorFor(answer, path);
    if (answer.text.trim() === '') return { voiceSiteId: String(voiceSiteId), voiceAddress: { ...address } };
    const document = await this.#document(path, answer);
    return {
      voiceSiteId: typeof document.voiceSiteId === 'string' || typeof document.voiceSiteId === 'number'
        ? String(document.voiceSiteId) : String(voiceSiteId),
      voiceAddress: isPlainObject(document.voiceAddress) ? document.voiceAddress : { ...address },
    };
  }

  /** GET /customers/{code}/voicesites/{id}/voiceaddress -> the stored address object, or null (404). */
  async getVoiceAddress(customerCode, voiceSiteId, { signal } = {}) {
    const path = voiceAddressPath(customerCode, voiceSiteId);
    return this.#read(path, async (answer) => {
      if (answer.status === 404) return null;
      const document = await this.#document(path, answer);
      return isPlainObject(document.voiceAddress) ? document.voiceAddress : document;
    }, { signal, accept404: true });
  }

  /**
   * Everything a country's address form needs, fetched in parallel:
   * -> { country, constraints, geographicalConstraints, form: core.addressForm(...), dialZones }
   * `dialZones` is [] unless the country's dial zone is chosen manually.
   */
  async countryForm(iso2, { signal } = {}) {
    const country = checkIso2(iso2);
    const corePromise = this.#core();
    const dialZonesOutcome = this.dialZones(country, { signal }).then(
      (list) => ({ list }),
      (error) => ({ error }),
    );
    const [countryInfo, constraints, geographicalConstraints, core] = await Promise.all([
      this.country(country, { signal }),
      this.addressConstraints(country, { signal }),
      this.geographicalConstraints(country, { signal }),
      corePromise,
    ]);
    let form;
    try {
      form = core.addressForm(constraints, geographicalConstraints ?? undefined);
    } catch (error) {
      if (error?.name !== 'BtalkCoreError') throw error;
      throw new BtalkApiError({
        status: 200, code: 'malformedResponse', url: `/countries/${country}/addressconstraints`,
        message: `The Business Talk API sent address constraints that cannot be used: ${error.message}`,
      });
    }
    const outcome = await dialZonesOutcome;
    let dialZones = [];
    if (form.dialZone === 'manual') {
      // Without the list the dial zone is typed freely; only a real failure matters.
      if (outcome.error) throw outcome.error;
      dialZones = outcome.list;
    }
    return { country: countryInfo, constraints, geographicalConstraints, form, dialZones };
  }

  /** The core this client parses and validates with (the `core` option, or the shared loadCore()). */
  core() {
    return this.#core();
  }

  // ---- plumbing ------------------------------------------------------------

  #core() {
    return this.#sharedCore.get(() => Promise.resolve(this.#coreOption ?? loadCore()));
  }

  #ok(status) {
    return status >= 200 && status < 300;
  }

  /** A cached GET look-up whose 404 means "not offered here": [] or, with notFound 'error', the 404 error. */
  #lookup(path, kind, query, { signal, notFound }) {
    if (notFound !== 'empty' && notFound !== 'error') throw invalidArgument("notFound must be 'empty' or 'error'.");
    return this.#read(path, async (answer) => {
      if (answer.status !== 404) return this.#parse(kind, answer, path);
      if (notFound === 'empty') return [];
      throw await this.#errorFor(answer, path);
    }, { signal, query, cache: true, accept404: true });
  }

  #getParsed(path, kind, options) {
    return this.#read(path, (answer) => this.#parse(kind, answer, path), options);
  }

  /**
   * GET `path` and turn the answer into a value with `convert`. With `cache`, the answer is
   * kept (until clearCache) only once `convert` accepted it, and converted anew for every
   * caller, so callers never share (or corrupt) one object.
   */
  async #read(path, convert, { signal, query, cache = false, accept404 = false } = {}) {
    const url = this.#url(path, query);
    if (signal?.aborted) throw abortedError(path, signal.reason);
    const cached = cache ? this.#cache.get(url) : undefined;
    if (cached) return convert(cached);
    const answer = await this.#get(path, url, { signal, accept404 });
    const value = await convert(answer);
    if (cache) this.#cache.set(url, answer);
    return value;
  }

  /** Normalises a success body with the core; unusable bodies become 'malformedResponse'. */
  async #parse(kind, answer, path) {
    this.#checkJson(answer, path);
    const core = await this.#core();
    try {
      return core.parseResponse(kind, answer.text);
    } catch (error) {
      if (error?.name === 'BtalkCoreError' && error.code === 'malformedResponse') {
        throw new BtalkApiError({ status: answer.status, code: 'malformedResponse', message: error.message, url: path });
      }
      throw error;
    }
  }

  /** A raw JSON object document (constraints, voice address). */
  async #document(path, answer) {
    const value = this.#checkJson(answer, path);
    if (!isPlainObject(value)) {
      throw new BtalkApiError({
        status: answer.status, code: 'malformedResponse', url: path,
        message: 'The Business Talk API answered with JSON that is not an object where an object was expected.',
      });
    }
    return value;
  }

  #checkJson(answer, path) {
    try {
      return JSON.parse(answer.text);
    } catch {
      throw new BtalkApiError({
        status: answer.status, code: 'malformedResponse', url: path,
        message: 'The Business Talk API answered with something that is not valid JSON.',
      });
    }
  }

  #url(path, query) {
    let url = this.#base + path;
    if (query) url += `?${new URLSearchParams(query)}`;
    return url;
  }

  /**
   * A GET answer ({ status, text, headers }), 2xx (or 404 with accept404); otherwise a BtalkApiError.
   * Concurrent GETs of one URL share one request. The caller's signal only stops the
   * caller's wait: the shared request goes on for the others.
   */
  async #get(path, url, { signal, accept404 = false } = {}) {
    let shared = this.#inFlight.get(url);
    if (!shared) {
      shared = this.#getWithRetries(path, url).finally(() => this.#inFlight.delete(url));
      this.#inFlight.set(url, shared);
    }
    const answer = await untilAborted(shared, signal, path);
    if (!this.#ok(answer.status) && !(answer.status === 404 && accept404)) throw await this.#errorFor(answer, path);
    return answer;
  }

  /** One GET, retried on 429/502/503/504 and network errors. Resolves to the final { status, text, headers }. */
  async #getWithRetries(path, url) {
    for (let attempt = 0; ; attempt += 1) {
      let answer;
      try {
        answer = await this.#exchange('GET', path, { url });
      } catch (error) {
        if (!(error instanceof BtalkApiError) || error.code !== 'network' || attempt >= this.#retries) throw error;
        await this.#sleep(this.#backoff(attempt));
        continue;
      }
      if (!RETRYABLE_STATUSES.has(answer.status) || attempt >= this.#retries) return answer;
      const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'));
      if (retryAfterMs !== undefined && retryAfterMs > this.#maxRetryDelayMs) return answer;
      await this.#sleep(retryAfterMs ?? this.#backoff(attempt));
    }
  }

  #backoff(attempt) {
    const exponential = Math.min(this.#maxRetryDelayMs, BACKOFF_BASE_MS * 2 ** attempt);
    // Jitter in [50%, 100%) of the step, so clients that failed together do not retry together.
    return Math.round(exponential * (0.5 + this.#random() / 2));
  }

  /** One request, plus one retry with fresh credentials after a 401 (direct mode). */
  async #exchange(method, path, { url = this.#url(path), body, signal } = {}) {
    const generation = this.#authGeneration;
    let answer = await this.#attempt(method, path, url, body, signal, await this.#authHeaders());
    if (answer.status === 401 && this.#credentials) {
      this.#refreshCredentials(generation);
      answer = await this.#attempt(method, path, url, body, signal, await this.#authHeaders());
    }
    return answer;
  }

  /** Fresh credentials after a 401; concurrent 401s of one generation share one refresh. */
  #refreshCredentials(generation) {
    if (generation === this.#authGeneration) {
      this.#auth.forget();
      this.#authGeneration += 1;
    }
  }

  async #authHeaders() {
    if (!this.#credentials) return {};
    const { accessToken, apiKey } = await this.#auth.get(() => this.#loadCredentials());
    return { Authorization: `Bearer ${accessToken}`, 'X-BT-API-KEY': apiKey };
  }

  async #loadCredentials() {
    let value;
    try {
      value = await this.#credentials();
    } catch (cause) {
      throw new BtalkApiError({
        code: 'credentialsUnavailable', cause,
        message: 'The Business Talk API credentials could not be obtained.',
      });
    }
    const accessToken = value?.accessToken;
    const apiKey = value?.apiKey;
    if (typeof apiKey !== 'string' || apiKey.length !== API_KEY_LENGTH || !TOKEN_CHARS.test(apiKey)) {
      throw new BtalkApiError({
        code: 'invalidCredentials',
        message: `The Business Talk API key must be ${API_KEY_LENGTH} printable characters (see the Developer tab of Business Talk Online).`,
      });
    }
    if (typeof accessToken !== 'string' || !TOKEN_CHARS.test(accessToken)) {
      throw new BtalkApiError({ code: 'invalidCredentials', message: 'The Business Talk API access token is missing or malformed.' });
    }
    for (const secret of [accessToken, apiKey]) {
      this.#knownSecrets.delete(secret);
      this.#knownSecrets.add(secret);
    }
    while (this.#knownSecrets.size > 6) this.#knownSecrets.delete(this.#knownSecrets.values().next().value);
    return Object.freeze({ accessToken, apiKey });
  }

  /**
   * One HTTP exchange bounded by the timeout (which also covers reading the body).
   * Resolves to { status, headers, text } for any HTTP status; rejects with a
   * BtalkApiError 'timeout', 'network' or 'aborted' when no full answer arrived.
   */
  async #attempt(method, path, url, body, signal, authHeaders) {
    if (signal?.aborted) throw abortedError(path, signal.reason);
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(signal.reason);
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => {
        const error = new BtalkApiError({
          code: 'timeout', url: path,
          message: `The Business Talk API did not answer within ${describeSeconds(this.#timeoutMs)}.`,
        });
        controller.abort(error);
        reject(error);
      }, this.#timeoutMs);
    });
    const headers = { Accept: 'application/json', ...authHeaders };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const exchange = (async () => {
      const response = await this.#fetch.call(globalThis, url, {
        method, headers, body, signal: controller.signal, cache: 'no-store',
        // Never followed, whatever the method or mode: a redirect would re-send a POST/PUT body
        // to wherever it points, and fetch drops only Authorization across origins, not X-BT-API-KEY.
        redirect: 'manual',
      });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        response.body?.cancel().catch(() => {});
        throw new BtalkApiError({
          status: response.status, code: 'redirectRefused', url: path,
          message: 'The Business Talk API answered with a redirect, which is never followed. Check the API base URL.',
        });
      }
      const text = await readLimitedText(response, path);
      return { status: response.status, headers: response.headers, text };
    })();
    try {
      return await Promise.race([exchange, timeout]);
    } catch (error) {
      if (error instanceof BtalkApiError) throw error;
      if (signal?.aborted) throw abortedError(path, signal.reason);
      // fetch rejects with a TypeError for network failures; its text is not shown.
      throw new BtalkApiError({
        code: 'network', url: path, cause: error,
        message: 'The Business Talk API could not be reached (network error). Check the connection and try again.',
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
      exchange.catch(() => {}); // a late failure after a timeout is expected, not unhandled
    }
  }

  async #postOrder(customer, body) {
    const specific = `/customers/${customer}/orders/voicesite`;
    let path = specific;
    let answer = await this.#exchange('POST', path, { body: JSON.stringify(body) });
    if (answer.status === 404 || answer.status === 405) {
      path = `/customers/${customer}/orders`;
      answer = await this.#exchange('POST', path, { body: JSON.stringify({ ...body, productReference: 'voicesite' }) });
    }
    if (!this.#ok(answer.status)) throw await this.#errorFor(answer, path);
    return this.#parse('orderResponse', answer, path);
  }

  /** The BtalkApiError for a non-2xx answer, with the API's document parsed by the core. */
  async #errorFor(answer, path) {
    const { status } = answer;
    let body = null;
    if (answer.text.trim() !== '') {
      try {
        const core = await this.#core();
        body = core.parseResponse('apiError', answer.text);
      } catch {
        body = null; // an unreadable error document still gives a status-based error
      }
    }
    body = isPlainObject(body) ? this.#redacted(body) : null;
    const retryAfterMs = parseRetryAfter(answer.headers?.get?.('retry-after') ?? null);
    // Only a JSON error document speaks for the API: a text body may be a gateway's HTML page.
    let structured = false;
    try {
      structured = isPlainObject(JSON.parse(answer.text));
    } catch {
      structured = false;
    }
    const apiMessage = structured && typeof body?.message === 'string' && body.message.trim() !== ''
      ? body.message.trim().slice(0, MAX_API_MESSAGE_LENGTH) : '';
    const apiCode = typeof body?.code === 'string' && body.code.trim() !== '' ? body.code.trim() : '';
    const problems = Array.isArray(body?.problems)
      ? body.problems.filter(isPlainObject).map(({ field, code, message }) => ({
        field: typeof field === 'string' ? field : '',
        code: typeof code === 'string' ? code : 'invalid',
        message: typeof message === 'string' ? message : '',
      }))
      : [];
    return new BtalkApiError({
      status,
      code: apiCode || codeForStatus(status),
      message: messageForStatus(status, apiMessage, retryAfterMs),
      body,
      retryAfter: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
      url: path,
      problems,
    });
  }

  /** The API could echo a secret in an error text: blank every one this client has held. */
  #redacted(value) {
    const secrets = [...this.#knownSecrets].filter((secret) => secret.length >= 8);
    if (secrets.length === 0) return value;
    const scrub = (item) => {
      if (typeof item === 'string') return secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), item);
      if (Array.isArray(item)) return item.map(scrub);
      if (isPlainObject(item)) return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, scrub(v)]));
      return item;
    };
    return scrub(value);
  }
}
