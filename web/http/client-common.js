// What both API clients (web/address-client.js, web/client.js) and their transport
// (http/transport.js) share: the error class, limits, argument checks, messages for people.

export const DEFAULT_BASE_URL = 'https://api.orange.com/btalk/v1';
export const MAX_API_MESSAGE_LENGTH = 500;
export const MAX_QUERY_LENGTH = 500;
const MAX_PATH_PARAM_LENGTH = 200;
// The core refuses documents over 4 MB; a longer answer is cut off there, never read in full.
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
// A Retry-After beyond a day is read as a day: no sensible API asks for more, and the
// number must stay finite (a 400-digit delay-seconds would otherwise read as Infinity).
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Any failure of a client call. `message` is written for people and is safe to
 * show; it never contains a secret.
 */
export class BtalkApiError extends Error {
  /**
   * @param {{ status?: number, code: string, message: string, body?: object|null,
   *           retryAfter?: number, url?: string, problems?: Array<object>, cause?: unknown,
   *           apiCode?: number|string }} details
   */
  constructor({ status = 0, code, message, body = null, retryAfter, url, problems, cause, apiCode }) {
    // `cause` is kept non-enumerable (Error's own behaviour), so JSON.stringify skips it.
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'BtalkApiError';
    /** HTTP status; 0 when no response arrived (timeout, network, refused input). */
    this.status = status;
    /** 'timeout' | 'network' | 'aborted' | 'malformedResponse' | 'redirectRefused' | 'responseTooLarge' | 'invalidCredentials' |
     *  'credentialsUnavailable' | 'credentialsExpired' | 'invalidArgument' | 'invalidOrder' | 'listTooLong' | 'tooManyPages' |
     *  'pagingInconsistent' | the API's own code when it is a text | a status code name. */
    this.code = code;
    /** The API's own code as it sent it (an integer such as 1203 or the gateway's 42, or a text), or undefined. */
    this.apiCode = apiCode;
    /** The API's error document, normalised by the core ({ code, message, description, problems }), or null. */
    this.body = body;
    /** Seconds the API asked us to wait (Retry-After), when it said so. */
    this.retryAfter = retryAfter;
    /** The API path of the request (no host, no query). */
    this.url = url;
    /** [{ field, code, message, description? }]: every entry of the API's error list (or what the core found wrong
     *  with the input); `field` is the element an entry names ('' when none), `code` may be an integer. */
    this.problems = problems ?? [];
  }

  toJSON() {
    const { name, status, code, apiCode, message, url, retryAfter, problems } = this;
    return { name, status, code, apiCode, message, url, retryAfter, problems };
  }
}

export function abortedError(path, cause) {
  return new BtalkApiError({ code: 'aborted', message: 'The request to the Business Talk API was cancelled.', url: path, cause });
}

export function invalidArgument(message) {
  return new BtalkApiError({ code: 'invalidArgument', message });
}

/** Settles like `promise`, or rejects as soon as `signal` aborts (the work itself goes on). */
export function untilAborted(promise, signal, path) {
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

export function describeSeconds(ms) {
  // 15000 -> "15 s", 2500 -> "2.5 s", 20 -> "0.02 s"
  return `${Number((ms / 1000).toPrecision(3))} s`;
}

/** When to try again, for people: "in 30 s", "in 5 min", or "later" beyond an hour. */
export function describeWait(ms) {
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

/** A query parameter's text: a string trimmed, a number as written, anything else ''. */
export const queryText = (value) => (typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '');

/** The seed's address elements (PIDF-LO based), as a regular expression's alternatives. */
export const ADDRESS_ELEMENTS = 'a[1-6]|hno|hns|sts|flr|bld|room|pcn?|pobox|prd|pod|unit|addrExtInfo(?:10|[1-9])';

export const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
/**
 * The countries whose dial zone the getting-started guide's table ("Country configuration status") says is chosen
 * by hand: countryForm() asks their /dialzones with the first requests, not once /geographicalconstraints has
 * answered. Information only: the API's dialZoneSelection decides whether the list is used.
 */
export const MANUAL_DIAL_ZONE = new Set(['AT', 'AU', 'BE', 'CH', 'CZ', 'DK', 'ES', 'FI', 'GB', 'IE', 'IT', 'LU', 'NO', 'NZ',
  'PL', 'SE', 'SJ', 'US']);
/** True when /geographicalconstraints says the dial zone is determined automatically (no list to ask for). */
export const isAutomaticDialZone = (geo) => isPlainObject(geo)
  && String(geo.dialZoneSelection ?? '').trim().toLowerCase() === 'automatic';

export function checkIso2(iso2) {
  if (typeof iso2 !== 'string' || !/^[A-Za-z]{2}$/.test(iso2)) {
    throw invalidArgument('The country must be a two-letter ISO 3166-1 code, such as "FR".');
  }
  return iso2.toUpperCase();
}

/** One URL path segment from user or API data; it cannot leave its place in the path. */
export function segment(value, what) {
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
export function voiceAddressPath(customerCode, voiceSiteId) {
  return `/customers/${segment(customerCode, 'customer code')}/voicesites/${segment(voiceSiteId, 'voicesite id')}/voiceaddress`;
}

export function messageForStatus(status, apiMessage, retryAfterMs) {
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

export function codeForStatus(status) {
  return {
    400: 'badRequest', 401: 'unauthorized', 403: 'forbidden', 404: 'notFound', 405: 'methodNotAllowed',
    409: 'conflict', 422: 'unprocessable', 429: 'tooManyRequests',
  }[status] ?? (status >= 500 ? 'serverError' : 'httpError');
}

// ---------------------------------------------------------------- the transport's plumbing

/**
 * Sleeps `ms` milliseconds, or rejects when `signal` aborts.
 * @param {number} ms
 * @param {AbortSignal} [signal]
 */
export function defaultSleep(ms, signal) {
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

/**
 * The body of `response` as text, read as a stream and abandoned as soon as it passes
 * MAX_RESPONSE_BYTES (an oversized answer is never held in memory whole).
 */
export async function readLimitedText(response, path) {
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

export function resolveBaseUrl(baseUrl, label) {
  if (typeof baseUrl !== 'string' && !(baseUrl instanceof URL)) {
    throw new TypeError(`${label}: baseUrl must be a string or URL`);
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
      throw new TypeError(`${label}: baseUrl must be an absolute http(s) URL or a path starting with "/"`);
    }
    return { base: text.replace(/\/+$/, ''), url: null };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`${label}: baseUrl must use http or https`);
  }
  if (url.username || url.password) {
    throw new TypeError(`${label}: baseUrl must not contain a user name or password`);
  }
  if (url.search || url.hash) {
    throw new TypeError(`${label}: baseUrl must not contain a query or a fragment`);
  }
  return { base: url.href.replace(/\/+$/, ''), url };
}

export function isLoopback(hostname) {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
