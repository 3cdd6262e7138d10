// The check's only way to reach the API: read-only GETs. There is no method parameter anywhere in
// this module: every request is `fetch(url, { method: 'GET', ... })`, written once below, so the
// check cannot send POST, PUT or anything else to the API. (The OAuth token request, a POST to the
// token URL, is made by the proxy's TokenSource; see credentials.js.)
//
// Each request: its own timeout, the run's overall signal, `redirect: 'manual'` with same-origin
// redirects followed (at most MAX_REDIRECTS) and any other origin never followed, the body read up
// to a byte limit. A request that gets no HTTP answer resolves to { error } and never throws.

const MAX_REDIRECTS = 3;
const MAX_RETRY_AFTER_MS = 10_000;

/** Reads a body up to `limit` bytes; null when it is longer (the rest is abandoned). */
async function readBounded(response, limit) {
  if (!response.body) return '';
  const chunks = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > limit) {
      await response.body.cancel().catch(() => {});
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks.map((c) => Buffer.from(c))).toString('utf8');
}

function failureOf(error, requestSignal, overallSignal) {
  if (overallSignal?.aborted) return { error: 'overallTimeout', detail: 'the overall time bound of the check ran out' };
  if (requestSignal.aborted) return { error: 'timeout', detail: 'no complete answer within the request timeout' };
  const code = error?.cause?.code ?? error?.code;
  const detail = typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? code : 'network error';
  return { error: 'unreachable', detail };
}

function retryAfterMs(value) {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}

const sleep = (ms, signal) => new Promise((resolve) => {
  const timer = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
});

/**
 * A GET function bound to one API base.
 * @param {object} options
 * @param {string} options.base the API base URL (no trailing slash)
 * @param {() => Promise<Record<string,string>>} options.headers the request headers (credentials included)
 * @param {() => Promise<boolean>} [options.renewCredentials] after a 401: true when new credentials
 *   were obtained (then the GET is sent once more)
 * @param {number} options.timeoutMs per request
 * @param {AbortSignal} options.signal the run's overall bound
 * @param {number} options.maxBytes body limit
 * @param {(entry: object) => void} options.log receives { endpoint, query, status|error, ms }
 * @returns {(endpoint: {template: string, path: string}, query?: Record<string, string|number>) => Promise<object>}
 *   resolves to { status, headers, text, url, redirects, crossOriginRedirect? } or { error, detail }
 */
export function createGet({ base, headers, renewCredentials, timeoutMs, signal, maxBytes, log }) {
  const origin = new URL(base).origin;

  // The single place a request is sent.
  async function once(url, requestHeaders) {
    const requestSignal = AbortSignal.timeout(timeoutMs);
    const both = AbortSignal.any([requestSignal, signal]);
    try {
      const response = await fetch(url, { method: 'GET', headers: requestHeaders, redirect: 'manual', signal: both });
      const text = await readBounded(response, maxBytes);
      if (text === null) return { error: 'tooLarge', detail: `the answer is larger than ${maxBytes} bytes` };
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      return failureOf(error, requestSignal, signal);
    }
  }

  async function follow(url, requestHeaders) {
    let current = url;
    for (let hops = 0; ; hops += 1) {
      const answer = await once(current, requestHeaders);
      if (answer.error || answer.status < 300 || answer.status > 399) return { ...answer, redirects: hops };
      const location = answer.headers.get('location');
      let next = null;
      try { next = location ? new URL(location, current) : null; } catch { next = null; }
      if (!next) return { ...answer, redirects: hops };
      if (next.origin !== origin) return { ...answer, redirects: hops, crossOriginRedirect: true };
      if (hops >= MAX_REDIRECTS) return { ...answer, redirects: hops, tooManyRedirects: true };
      current = next.href;
    }
  }

  return async function get(endpoint, query) {
    const url = new URL(base + endpoint.path);
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, String(value));
    const started = Date.now();
    let answer = await follow(url.href, await headers());
    let retried = false;
    if (!answer.error && answer.status === 401 && renewCredentials && await renewCredentials()) {
      answer = await follow(url.href, await headers());
      retried = true;
    }
    const wait = answer.error ? null : retryAfterMs(answer.headers.get('retry-after'));
    if (!retried && !answer.error && [429, 503].includes(answer.status) && wait !== null && wait <= MAX_RETRY_AFTER_MS) {
      await sleep(wait, signal);
      if (!signal.aborted) answer = await follow(url.href, await headers());
    }
    log({ method: 'GET', endpoint: endpoint.template, query: query ?? null,
      ...(answer.error ? { error: answer.error } : { status: answer.status }), ms: Date.now() - started });
    return answer;
  };
}
