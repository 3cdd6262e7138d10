// btalk-forms/proxy: the server-side half of "secrets never reach the browser".
//
// createBtalkProxy() returns a Connect/Express-style handler that forwards the elements'
// requests to the Business Talk API and adds the credentials there: an OAuth access token
// (client credentials, cached and refreshed here) and the X-BT-API-KEY. The browser sends
// no secret and never receives one.
//
//   app.use('/api/btalk/v1', createBtalkProxy({ clientId, clientSecret, apiKey,
//     authorize: (req) => sessions.has(cookieOf(req)) }));
//
// Node >= 20 (global fetch). No dependency.
import { TokenSource } from './token.js';
import { ProxyError, checkApiPath, pickRequestHeaders, pickResponseHeaders, readRequestBody } from './http.js';

export { ProxyError };

export const DEFAULT_API_BASE = 'https://api.orange.com/btalk/v1';
export const DEFAULT_TOKEN_URL = 'https://api.orange.com/oauth/v3/token';
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
const METHODS = ['GET', 'POST', 'PUT'];

function httpUrl(value, what) {
  let url;
  try {
    url = new URL(String(value));
  } catch {
    throw new TypeError(`createBtalkProxy: ${what} must be an absolute http(s) URL`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new TypeError(`createBtalkProxy: ${what} must be an http(s) URL without credentials, query or fragment`);
  }
  return url;
}

function requiredText(value, what) {
  // The message names the option, never its value: it may be a secret.
  if (typeof value !== 'string' || value.trim() === '' || /[\r\n]/.test(value)) {
    throw new TypeError(`createBtalkProxy: ${what} is required (a non-empty single-line string)`);
  }
  return value;
}

function sendError(res, error) {
  const body = JSON.stringify({ code: error.code, message: error.message, description: error.message });
  res.writeHead(error.status, {
    ...error.headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

/** Blanks every occurrence of a secret in an upstream answer (an API may echo what it was sent). */
function redact(buffer, secrets) {
  let text = null;
  for (const secret of secrets) {
    if (!secret || secret.length < 8 || buffer.indexOf(secret) === -1) continue;
    text ??= buffer.toString('utf8');
    text = text.split(secret).join('[redacted]');
  }
  return text === null ? buffer : Buffer.from(text, 'utf8');
}

/** Reads an upstream body, abandoning it past `limit` bytes. */
async function readUpstreamBody(response, limit) {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => {});
    throw new ProxyError(502, 'BAD_GATEWAY', 'The Business Talk API answer is larger than the proxy relays.');
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > limit) {
      throw new ProxyError(502, 'BAD_GATEWAY', 'The Business Talk API answer is larger than the proxy relays.');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Creates the proxy handler.
 * @param {object} options
 * @param {(req: import('node:http').IncomingMessage) => boolean|Promise<boolean>} options.authorize
 *   Required: who may use the proxy (e.g. a logged-in portal session). A false answer gives 401
 *   and nothing reaches upstream.
 * @param {string} options.clientId OAuth client id (Orange Developer).
 * @param {string} options.clientSecret OAuth client secret.
 * @param {string} options.apiKey The 40-character Business Talk API key (X-BT-API-KEY).
 * @param {string} [options.apiBase] default https://api.orange.com/btalk/v1
 * @param {string} [options.tokenUrl] default https://api.orange.com/oauth/v3/token
 * @param {typeof fetch} [options.fetch] default globalThis.fetch
 * @param {number} [options.maxBodyBytes] request bodies above this get 413 (default 1 MB)
 * @param {number} [options.maxResponseBytes] upstream answers above this get 502 (default 8 MB)
 * @param {number} [options.timeoutMs] per upstream request (default 30 s): 504 past it
 * @param {(line: string) => void} [options.log] one line per request: method, path, status, time
 * @returns {(req, res, next?) => Promise<void>}
 */
export function createBtalkProxy(options = {}) {
  const {
    authorize, clientId, clientSecret, apiKey, apiBase = DEFAULT_API_BASE, tokenUrl = DEFAULT_TOKEN_URL,
    fetch: fetchImpl = globalThis.fetch, maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
    maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES, timeoutMs = DEFAULT_TIMEOUT_MS, log,
  } = options;
  if (typeof authorize !== 'function') {
    throw new TypeError('createBtalkProxy: authorize(req) is required. Without it anyone who reaches the proxy '
      + 'orders with your credentials; return false for requests that are not from a signed-in user.');
  }
  requiredText(clientId, 'clientId');
  requiredText(clientSecret, 'clientSecret');
  requiredText(apiKey, 'apiKey');
  const base = httpUrl(apiBase, 'apiBase');
  const basePath = base.pathname.replace(/\/+$/, '');
  httpUrl(tokenUrl, 'tokenUrl');
  if (typeof fetchImpl !== 'function') throw new TypeError('createBtalkProxy: no fetch function available');
  for (const [name, value] of Object.entries({ maxBodyBytes, maxResponseBytes, timeoutMs })) {
    if (!(Number.isFinite(value) && value > 0)) throw new TypeError(`createBtalkProxy: ${name} must be a positive number`);
  }
  const tokens = new TokenSource({ tokenUrl: String(tokenUrl), clientId, clientSecret, fetch: fetchImpl, timeoutMs });
  const secrets = () => [apiKey, clientSecret, tokens.current()];

  async function send(method, target, headers, body) {
    const token = await tokens.get();
    return fetchImpl(target, {
      method,
      headers: { ...headers, Authorization: `Bearer ${token}`, 'X-BT-API-KEY': apiKey },
      body,
      // Never followed: a redirect would carry the credentials (and a POST body) wherever it points.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  async function forward(req, res) {
    if (!METHODS.includes(req.method)) {
      throw new ProxyError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not proxied.`, { Allow: METHODS.join(', ') });
    }
    const { path, search } = checkApiPath(req.url ?? '');
    let allowed = false;
    try {
      allowed = (await authorize(req)) === true;
    } catch {
      throw new ProxyError(500, 'AUTHORIZATION_FAILED', 'The proxy could not check who is asking.');
    }
    if (!allowed) throw new ProxyError(401, 'UNAUTHORIZED', 'Sign in to use the Business Talk API.');
    const body = req.method === 'GET' ? undefined : await readRequestBody(req, maxBodyBytes);
    const target = new URL(`${base.origin}${basePath}${path}${search}`);
    // Belt and braces: whatever the path held, the request stays under apiBase.
    if (target.origin !== base.origin || !(target.pathname === basePath || target.pathname.startsWith(`${basePath}/`))) {
      throw new ProxyError(400, 'INVALID_PATH', 'The proxied path is not valid.');
    }
    const headers = pickRequestHeaders(req.headers);
    let upstream;
    try {
      upstream = await send(req.method, target, headers, body);
      if (upstream.status === 401) {
        await upstream.body?.cancel().catch(() => {});
        tokens.invalidate();
        // Only a GET is sent again, with a fresh token: a POST or PUT is never repeated.
        if (req.method === 'GET') upstream = await send(req.method, target, headers, body);
      }
      if (upstream.status === 401) {
        // Relayed as is, a 401 would read as "sign in to the portal": it is the proxy's own
        // credentials that failed.
        await upstream.body?.cancel().catch(() => {});
        throw new ProxyError(502, 'UPSTREAM_UNAUTHORIZED', req.method === 'GET'
          ? 'The Business Talk API refused the proxy\'s credentials.'
          : 'The Business Talk API refused the proxy\'s token; the request was not repeated. Try again.');
      }
    } catch (error) {
      if (error instanceof ProxyError) throw error;
      if (error?.name === 'TimeoutError') {
        throw new ProxyError(504, 'GATEWAY_TIMEOUT', 'The Business Talk API did not answer in time. Try again.');
      }
      throw new ProxyError(502, 'BAD_GATEWAY', 'The Business Talk API could not be reached. Try again.');
    }
    if (upstream.status >= 300 && upstream.status < 400) {
      await upstream.body?.cancel().catch(() => {});
      throw new ProxyError(502, 'BAD_GATEWAY', 'The Business Talk API answered with a redirect, which the proxy does not follow.');
    }
    let payload;
    try {
      payload = redact(await readUpstreamBody(upstream, maxResponseBytes), secrets());
    } catch (error) {
      if (error instanceof ProxyError) throw error;
      if (error?.name === 'TimeoutError') {
        throw new ProxyError(504, 'GATEWAY_TIMEOUT', 'The Business Talk API answer did not arrive in time. Try again.');
      }
      throw new ProxyError(502, 'BAD_GATEWAY', 'The Business Talk API answer was cut short. Try again.');
    }
    res.writeHead(upstream.status, {
      ...pickResponseHeaders(upstream.headers),
      'Content-Length': payload.length,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(payload);
  }

  return async function btalkProxy(req, res, next) {
    const started = Date.now();
    const shownPath = String(req.url ?? '').split('?')[0].slice(0, 200);
    try {
      await forward(req, res);
    } catch (error) {
      if (!(error instanceof ProxyError)) {
        // Not ours: hand it to the framework when there is one, else a plain 500 (no details).
        if (typeof next === 'function') { next(error); return; }
        error = new ProxyError(500, 'INTERNAL_ERROR', 'The proxy failed unexpectedly.');
      }
      if (res.headersSent) res.destroy();
      else sendError(res, error);
    } finally {
      log?.(`proxy ${req.method} ${shownPath} ${res.statusCode} ${Date.now() - started} ms`);
    }
  };
}
