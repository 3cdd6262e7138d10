// The transport both API clients share (web/address-client.js, web/client.js): one HTTP
// attempt bounded by a timeout, the response size limit, no redirects, GET retries with
// backoff (never POST/PUT), credentials (direct mode) renewed after a 401, the GET cache,
// every page of a collection (paging.js), and API errors parsed by the core (api-errors.js).
// Internal: the clients' methods are the API.
//
// Secrets (access token, API key) only ever go into request headers: never into a URL, an
// error, a log line (this module never logs) or storage. They live in private fields here.
import {
  BtalkApiError, DEFAULT_BASE_URL, abortedError, defaultSleep, describeSeconds, invalidArgument, isLoopback, isPlainObject,
  parseRetryAfter, readLimitedText, resolveBaseUrl, untilAborted,
} from './client-common.js';
import { GATEWAY_EXPIRED_CREDENTIALS, GATEWAY_INVALID_CREDENTIALS, GATEWAY_MISSING_CREDENTIALS, apiErrorFor, gatewayCodeOf } from './api-errors.js';
import { checkListBounds, countHeader, readAllPages } from './paging.js';

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const BACKOFF_BASE_MS = 500;
const API_KEY_LENGTH = 40;
// Printable ASCII without space: what a header value can carry without being
// rejected by fetch (whose error would quote the value, i.e. the secret).
const TOKEN_CHARS = /^[\x21-\x7e]+$/;

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

// Each client -> its transport (the methods of BtalkClient reach the one BtalkAddressClient made).
const transports = new WeakMap();

/** Called once by the client's constructor. */
export function bindTransport(client, transport) {
  transports.set(client, transport);
}

/** The transport of a client made by BtalkAddressClient's constructor. */
export function transportOf(client) {
  const transport = transports.get(client);
  if (!transport) throw new TypeError('Not a btalk-forms API client (call the method on a BtalkClient).');
  return transport;
}

// An Accept-Language value ("fr", "de-CH, de;q=0.8"): a letter first, then only the characters that keep the
// header CORS-safelisted (no preflight), so no line break or other header can ride along.
const ACCEPT_LANGUAGE = /^[A-Za-z][A-Za-z0-9 ,;=.*-]{0,199}$/;

/**
 * The `language` option as a function giving the Accept-Language value of each request: a string
 * (checked now), or a function (its answer checked per request: a bad one sends no header).
 */
function languageOption(language, label) {
  const valid = (value) => (typeof value === 'string' && ACCEPT_LANGUAGE.test(value) ? value.trim() : '');
  if (language === undefined || language === null || language === '') return () => '';
  if (typeof language === 'function') return () => valid(language());
  if (!valid(language)) throw new TypeError(`${label}: language must be an Accept-Language value such as 'fr' or 'de-CH, de;q=0.8'`);
  return () => valid(language);
}

/** A client's transport: see the BtalkClient documentation (web/client.js) for the behaviour. */
export class Transport {
  #credentials;
  #fetch;
  #timeoutMs;
  #retries;
  #maxRetryDelayMs;
  #sleep;
  #random;
  #coreOption;
  #loadCore;
  #listBounds;
  #language; // () => the Accept-Language value ('' sends none)
  /** Where requests go (no secrets in it). */
  base;
  #sharedCore = new SharedUntilRejected(); // the core
  #auth = new SharedUntilRejected(); // the credentials: { accessToken, apiKey }
  #authGeneration = 0;
  cache = new Map(); // url -> { status, text } (a document) or { list } (a whole collection, as JSON text)
  services = new Map(); // iso2 -> what addressServices() learned
  #inFlight = new Map(); // url -> { promise: Promise<{ status, text, headers }>, controller, waiters }
  #knownSecrets = new Set(); // for redaction of API error texts; the last few only

  /**
   * @param {string} label the client class's name, for its argument errors
   * @param {() => Promise<object>} loadCore the core used when the options give none
   * @param {{ baseUrl?: string|URL, credentials?: () => Promise<{accessToken: string, apiKey: string}>,
   *           fetch?: typeof fetch, timeoutMs?: number, retries?: number, core?: object|Promise<object>,
   *           sleep?: (ms: number, signal?: AbortSignal) => Promise<void>, random?: () => number,
   *           maxRetryDelayMs?: number, maxListPages?: number, maxListItems?: number,
   *           language?: string | (() => string) }} [options]
   */
  constructor(label, loadCore, {
    baseUrl = DEFAULT_BASE_URL, credentials, fetch = globalThis.fetch, timeoutMs = 15000, retries = 2, core,
    sleep = defaultSleep, random = Math.random, maxRetryDelayMs = 10000, maxListPages, maxListItems, language,
  } = {}) {
    const { base, url } = resolveBaseUrl(baseUrl, label);
    if (credentials !== undefined && credentials !== null && typeof credentials !== 'function') {
      throw new TypeError(`${label}: credentials must be an async function returning { accessToken, apiKey }`);
    }
    if (credentials && url && url.protocol === 'http:' && !isLoopback(url.hostname)) {
      throw new TypeError(`${label}: credentials are only sent over https (or to localhost)`);
    }
    if (typeof fetch !== 'function') throw new TypeError(`${label}: no fetch function available`);
    if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new TypeError(`${label}: timeoutMs must be a positive number`);
    if (!(Number.isInteger(retries) && retries >= 0 && retries <= 10)) throw new TypeError(`${label}: retries must be an integer from 0 to 10`);
    if (typeof sleep !== 'function' || typeof random !== 'function') throw new TypeError(`${label}: sleep and random must be functions`);
    if (!(Number.isFinite(maxRetryDelayMs) && maxRetryDelayMs >= 0)) throw new TypeError(`${label}: maxRetryDelayMs must be a number >= 0`);
    this.#listBounds = checkListBounds(label, { maxListPages, maxListItems });
    this.base = base;
    this.#credentials = credentials || null;
    this.#fetch = fetch;
    this.#timeoutMs = timeoutMs;
    this.#retries = retries;
    this.#maxRetryDelayMs = maxRetryDelayMs;
    this.#sleep = sleep;
    this.#random = random;
    this.#coreOption = core ?? null;
    this.#loadCore = loadCore;
    this.#language = languageOption(language, label);
  }

  /** The core (the `core` option, else the client's default loader), shared until a load fails. */
  core() {
    return this.#sharedCore.get(() => Promise.resolve(this.#coreOption ?? this.#loadCore()));
  }

  ok(status) {
    return status >= 200 && status < 300;
  }

  /**
   * Every item of the paged collection at `path` (paging.js), parsed by the core as `kind`. With
   * `cache`, the whole list is one cache entry (until clearCache), a fresh copy for each caller.
   * `notFound`: what a 404 of the first page means, 'empty' ([], cached) or 'error' (the 404
   * error); without it a 404 is an error like any other.
   */
  async collection(path, kind, { signal, query, cache = false, notFound } = {}) {
    if (notFound !== undefined && notFound !== 'empty' && notFound !== 'error') {
      throw invalidArgument("notFound must be 'empty' or 'error'.");
    }
    const key = this.url(path, query);
    if (signal?.aborted) throw abortedError(path, signal.reason);
    const cached = cache ? this.cache.get(key) : undefined;
    if (cached?.list !== undefined) return JSON.parse(cached.list);
    if (cached?.absent) return this.#absent(cached.absent, path, notFound);
    let absent = null;
    const readPage = async (offset, limit) => {
      const url = this.url(path, { ...query, offset, limit });
      const answer = await this.#get(path, url, { signal, accept404: notFound !== undefined });
      if (answer.status === 404) {
        if (offset > 0) throw await this.errorFor(answer, path);
        absent = answer;
        return null;
      }
      return { items: await this.parse(kind, answer, path), headers: answer.headers, text: answer.text };
    };
    const items = await readAllPages(readPage, { path, signal, ...this.#listBounds });
    if (items === null) {
      if (cache) this.cache.set(key, { absent }); // the 404 is an answer, kept like one
      return this.#absent(absent, path, notFound);
    }
    if (cache) this.cache.set(key, { list: JSON.stringify(items) });
    return items;
  }

  /** A collection that is not there (404): [] for notFound 'empty', else its error. */
  async #absent(answer, path, notFound) {
    if (notFound === 'empty') return [];
    throw await this.errorFor(answer, path);
  }

  /**
   * One page of the collection at `path`: `offset` and `limit` as the caller gives them, one
   * request. -> { items, total } (`total`: X-Total-Count, or undefined when the API does not say).
   */
  async page(path, kind, { signal, query, offset, limit }) {
    const answer = await this.#get(path, this.url(path, { ...query, offset, limit }), { signal });
    const items = await this.parse(kind, answer, path);
    return { items, total: countHeader(answer.headers, 'x-total-count') };
  }

  getParsed(path, kind, options) {
    return this.read(path, (answer) => this.parse(kind, answer, path), options);
  }

  /**
   * GET `path` and turn the answer into a value with `convert`. With `cache`, the answer is
   * kept (until clearCache) only once `convert` accepted it, and converted anew for every
   * caller, so callers never share (or corrupt) one object.
   */
  async read(path, convert, { signal, query, cache = false, accept404 = false } = {}) {
    const url = this.url(path, query);
    if (signal?.aborted) throw abortedError(path, signal.reason);
    const cached = cache ? this.cache.get(url) : undefined;
    if (cached) return convert(cached);
    const answer = await this.#get(path, url, { signal, accept404 });
    const value = await convert(answer);
    if (cache) this.cache.set(url, answer);
    return value;
  }

  /** Normalises a success body with the core; unusable bodies become 'malformedResponse'. */
  async parse(kind, answer, path) {
    this.#checkJson(answer, path);
    const core = await this.core();
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
  async document(path, answer) {
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

  url(path, query) {
    let url = this.base + path;
    if (query) url += `?${new URLSearchParams(query)}`;
    return url;
  }

  /**
   * A GET answer ({ status, text, headers }), 2xx (or 404 with accept404); otherwise a BtalkApiError.
   * Concurrent GETs of one URL share one request. A caller's signal stops that caller's wait; the
   * request itself (retries included) is cancelled once every caller waiting for it has aborted.
   */
  async #get(path, url, { signal, accept404 = false } = {}) {
    let shared = this.#inFlight.get(url);
    if (!shared) {
      const controller = new AbortController();
      const entry = { controller, waiters: 0, promise: null };
      entry.promise = this.#getWithRetries(path, url, controller.signal).finally(() => {
        if (this.#inFlight.get(url) === entry) this.#inFlight.delete(url);
      });
      entry.promise.catch(() => {}); // each waiter sees the failure; an abandoned request's is expected
      this.#inFlight.set(url, entry);
      shared = entry;
    }
    shared.waiters += 1;
    let answer;
    try {
      answer = await untilAborted(shared.promise, signal, path);
    } finally {
      shared.waiters -= 1;
      if (shared.waiters === 0 && signal?.aborted) {
        if (this.#inFlight.get(url) === shared) this.#inFlight.delete(url);
        shared.controller.abort(signal.reason);
      }
    }
    if (!this.ok(answer.status) && !(answer.status === 404 && accept404)) throw await this.errorFor(answer, path);
    return answer;
  }

  /** One GET, retried on 429/502/503/504 and network errors. Resolves to the final { status, text, headers }. */
  async #getWithRetries(path, url, signal) {
    for (let attempt = 0; ; attempt += 1) {
      let answer;
      try {
        answer = await this.exchange('GET', path, { url, signal });
      } catch (error) {
        if (!(error instanceof BtalkApiError) || error.code !== 'network' || attempt >= this.#retries) throw error;
        await this.#pause(this.#backoff(attempt), path, signal);
        continue;
      }
      if (!RETRYABLE_STATUSES.has(answer.status) || attempt >= this.#retries) return answer;
      const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'));
      if (retryAfterMs !== undefined && retryAfterMs > this.#maxRetryDelayMs) return answer;
      await this.#pause(retryAfterMs ?? this.#backoff(attempt), path, signal);
    }
  }

  /** The wait before a retry; cancelled with `signal` (then the 'aborted' error). */
  async #pause(ms, path, signal) {
    try {
      await this.#sleep(ms, signal);
    } catch (cause) {
      if (signal?.aborted) throw abortedError(path, signal.reason);
      throw cause;
    }
    if (signal?.aborted) throw abortedError(path, signal.reason);
  }

  #backoff(attempt) {
    const exponential = Math.min(this.#maxRetryDelayMs, BACKOFF_BASE_MS * 2 ** attempt);
    // Jitter in [50%, 100%) of the step, so clients that failed together do not retry together.
    return Math.round(exponential * (0.5 + this.#random() / 2));
  }

  /**
   * One request. In direct mode a 401 always drops the credentials (the next request asks for new
   * ones); the gateway's code then decides: 40 (missing) and 41 (invalid) are answered at once, no
   * retry; 42 (expired), or a 401 without a gateway code, sends a GET once more with the new
   * credentials. A POST or PUT is never sent again: after a 42 its answer is marked
   * `credentialsExpired` (errorFor says so).
   */
  async exchange(method, path, { url = this.url(path), body, signal } = {}) {
    const generation = this.#authGeneration;
    // Without credentials (proxy mode) the request leaves within this call, not a microtask later: a form's
    // requests started by its entry module are then on the network while the element is being defined.
    const authHeaders = this.#credentials ? await this.#authHeaders() : {};
    const answer = await this.#attempt(method, path, url, body, signal, authHeaders);
    if (answer.status !== 401 || !this.#credentials) return answer;
    this.#refreshCredentials(generation);
    const gateway = gatewayCodeOf(answer.text);
    if (gateway === GATEWAY_MISSING_CREDENTIALS || gateway === GATEWAY_INVALID_CREDENTIALS) return answer;
    if (method !== 'GET') return { ...answer, credentialsExpired: gateway === GATEWAY_EXPIRED_CREDENTIALS };
    return this.#attempt(method, path, url, body, signal, await this.#authHeaders());
  }

  /** Fresh credentials after a 401; concurrent 401s of one generation share one refresh. */
  #refreshCredentials(generation) {
    if (generation === this.#authGeneration) {
      this.#auth.forget();
      this.#authGeneration += 1;
    }
  }

  /** Only with credentials: each caller tests them first (so proxy mode awaits nothing). */
  async #authHeaders() {
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
    const language = this.#language();
    if (language) headers['Accept-Language'] = language;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const exchange = (async () => {
      const response = await this.#fetch.call(globalThis, url, {
        method, headers, body, signal: controller.signal, cache: 'no-store',
        // Never followed, whatever the method or mode: a redirect would re-send a POST/PUT body
        // to wherever it points, and fetch drops only Authorization across origins, not X-BT-API-KEY.
        redirect: 'manual',
      });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        response.body?.cancel().catch(() => {}); // the redirect is refused either way
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

  /** The BtalkApiError for a non-2xx answer, with the API's document parsed by the core (api-errors.js). */
  async errorFor(answer, path) {
    let body = null;
    if (answer.text.trim() !== '') {
      try {
        const core = await this.core();
        body = core.parseResponse('apiError', answer.text);
      } catch {
        body = null; // an unreadable error document still gives a status-based error
      }
    }
    const error = apiErrorFor(answer, path, isPlainObject(body) ? this.#redacted(body) : null);
    if (answer.credentialsExpired) {
      error.code = 'credentialsExpired';
      error.message = 'The Business Talk API access token had expired: new credentials will be used. '
        + 'The request was not sent again; send it again.';
    }
    return error;
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

  /** Forgets cached GET answers and what addressServices() learned. */
  clearCache() {
    this.cache.clear();
    this.services.clear();
  }
}
