// The Business Talk API stand-in (btalk/v1 and its OAuth token endpoint) as a
// fetch handler: handle(Request) -> Promise<Response>. Same paths, headers,
// auth rules and error shape as docs/contract.md "Business Talk API choices",
// with voiceaddress checks done by the project's own wasm core, persistence
// through an adapter (state.js) and fault injection (faults.js).
//
// No Node API here: it runs in Node, a browser page, a service worker and a
// test runner. Adapters: listener.js (Node http), server.js (Node CLI, data
// directories, state file), indexeddb-store.js (browser persistence).
import bundledData from './data/modules/index.js';
import { normalizeData, seedVoicesites } from './data.js';
import { ApiError, JSON_TYPE, decodeSegments, errorReply, readJsonObject, readText, reply, sleep } from './http.js';
import { FaultPlanner, failureReply, normalizeFaults, truncateJson } from './faults.js';
import { StateStore } from './state.js';
import { isWrite, matchRoute } from './api.js';
import { randomBase64url } from './random.js';
import { toNodeListener } from './listener.js';
import { loadCore } from '../../web/core.js';

export const API_PREFIX = '/btalk/v1';
export const TOKEN_PATH = '/oauth/v3/token';
export const ADMIN_PREFIX = '/__standin/';
/** The origin the stand-in's own helpers (fetch with a path, credentials()) use: never resolvable. */
export const STANDIN_ORIGIN = 'https://standin.invalid';
const API_KEY_FORMAT = /^[\x21-\x7e]{40}$/;
const MAX_TOKENS = 10_000;
/** Collections as the real API pages them: 40 items unless `limit` says otherwise, at most 1000 per answer. */
export const DEFAULT_PAGING = Object.freeze({ defaultLimit: 40, maxLimit: 1000 });
// What a cross-origin page may read of an answer: without the paging headers a browser client
// cannot page (it falls back to the short-page rule).
const EXPOSED_HEADERS = 'Retry-After, X-Total-Count, X-Result-Count';

const ALLOWED_HEADERS = [
  'Authorization', 'X-BT-API-KEY', 'Content-Type',
  'X-Standin-Latency', 'X-Standin-Fail', 'X-Standin-Drop', 'X-Standin-Malformed', 'X-Standin-Lose-Answer',
].join(', ');

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Compares two texts in time that depends on their length only. */
function safeEqual(a, b) {
  const x = encoder.encode(String(a));
  const y = encoder.encode(String(b));
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i += 1) diff |= x[i] ^ y[i];
  return diff === 0;
}

function decodeBase64Utf8(text) {
  try {
    return decoder.decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

function encodeBase64Utf8(text) {
  let binary = '';
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The `paging` option: { defaultLimit, maxLimit } (positive integers), or false for unpaged lists without headers. */
function checkPaging(value) {
  if (value === false) return null;
  const { defaultLimit = DEFAULT_PAGING.defaultLimit, maxLimit = DEFAULT_PAGING.maxLimit } = value ?? {};
  if (!(Number.isInteger(defaultLimit) && defaultLimit >= 1 && Number.isInteger(maxLimit) && maxLimit >= defaultLimit)) {
    throw new TypeError('createStandIn: paging must be false or { defaultLimit, maxLimit }, integers with 1 <= defaultLimit <= maxLimit');
  }
  return { defaultLimit, maxLimit };
}

function coreGetter(core) {
  if (typeof core === 'function') return core;
  if (core) return () => Promise.resolve(core);
  let promise = null;
  return () => {
    if (!promise) {
      promise = loadCore();
      promise.catch(() => { promise = null; }); // let a later request retry
    }
    return promise;
  };
}

/**
 * @param {import('./index.d.ts').StandInOptions} [options]
 * @returns {import('./index.d.ts').StandIn}
 */
export function createStandIn(options = {}) {
  const {
    data: rawData = bundledData,
    store,
    core,
    faults = {},
    allowFaultHeaders = true,
    admin = false,
    tokenTtlSeconds = 3600,
    corsOrigins = '*',
    maxBodyBytes = 64 * 1024,
    now = Date.now,
    log,
    basePath = '',
    deduplicateOrders = false,
    paging: pagingOption = DEFAULT_PAGING,
    errorShape = 'list',
  } = options;
  if (basePath && (!basePath.startsWith('/') || basePath.endsWith('/'))) {
    throw new TypeError('createStandIn: basePath must start with "/" and not end with one (e.g. "/mock")');
  }
  if (typeof deduplicateOrders !== 'boolean') throw new TypeError('createStandIn: deduplicateOrders must be true or false');
  const paging = checkPaging(pagingOption);
  if (errorShape !== 'list' && errorShape !== 'object') throw new TypeError('createStandIn: errorShape must be "list" or "object"');
  const fail = (err) => errorReply(err, errorShape);

  const data = rawData.apiKeys instanceof Map ? rawData : normalizeData(rawData);
  const state = new StateStore({ store, log, seed: () => seedVoicesites(data) });
  const loading = state.load();
  loading.catch(() => {}); // reported by every request until it works (see handle)
  const initialFaults = normalizeFaults(faults);
  const planner = new FaultPlanner(initialFaults);
  const tokens = new Map(); // access_token -> expiry (ms)
  const getCore = coreGetter(core);

  // Whether every origin is allowed is known at start-up; only a list needs the request's Origin.
  // A lone origin string is a list of one: String#includes would match any part of it.
  const allowedOrigins = Array.isArray(corsOrigins) ? corsOrigins : [String(corsOrigins)];
  const anyOrigin = allowedOrigins.includes('*');
  function corsHeaders(origin) {
    if (anyOrigin) return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSED_HEADERS };
    if (origin && allowedOrigins.includes(origin)) {
      return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSED_HEADERS, Vary: 'Origin' };
    }
    return { Vary: 'Origin' };
  }

  function issueToken() {
    const t = now();
    for (const [token, expiry] of tokens) if (expiry <= t) tokens.delete(token);
    while (tokens.size >= MAX_TOKENS) tokens.delete(tokens.keys().next().value);
    const token = randomBase64url(32);
    tokens.set(token, t + tokenTtlSeconds * 1000);
    return token;
  }

  async function tokenEndpoint(request) {
    if (request.method !== 'POST') {
      return reply(405, { error: 'invalid_request', error_description: 'Use POST.' }, { Allow: 'POST, OPTIONS' });
    }
    const body = new URLSearchParams(await readText(request, maxBodyBytes));
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.headers.get('authorization') ?? '');
    const decoded = match ? decodeBase64Utf8(match[1]) : '';
    const colon = decoded.indexOf(':');
    const id = colon >= 0 ? decoded.slice(0, colon) : '';
    const secret = colon >= 0 ? decoded.slice(colon + 1) : '';
    const client = data.oauthClients.find((c) => safeEqual(c.clientId, id));
    if (!client || !safeEqual(client.clientSecret, secret)) {
      return reply(401, { error: 'invalid_client', error_description: 'Client authentication failed.' },
        { 'WWW-Authenticate': 'Basic realm="btalk"' });
    }
    if (body.get('grant_type') !== 'client_credentials') {
      return reply(400, { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials.' });
    }
    return reply(200, { token_type: 'Bearer', access_token: issueToken(), expires_in: tokenTtlSeconds });
  }

  /** Bearer token then API key, as the real gateway does: 401 first, then 401/403 for the key. */
  function authenticate(request) {
    const authorization = request.headers.get('authorization');
    const bearer = { 'WWW-Authenticate': 'Bearer realm="btalk"' };
    if (!authorization) throw new ApiError(401, 'MISSING_CREDENTIALS', 'An Authorization: Bearer token is required.', { headers: bearer });
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const expiry = match ? tokens.get(match[1]) : undefined;
    if (expiry === undefined) throw new ApiError(401, 'INVALID_CREDENTIALS', 'The access token is not valid.', { headers: bearer });
    if (expiry <= now()) {
      tokens.delete(match[1]);
      throw new ApiError(401, 'EXPIRED_CREDENTIALS', 'The access token has expired: request a new one.', { headers: bearer });
    }
    const apiKey = request.headers.get('x-bt-api-key');
    if (!apiKey) throw new ApiError(401, 'MISSING_API_KEY', 'The X-BT-API-KEY header is required.');
    if (!API_KEY_FORMAT.test(apiKey)) throw new ApiError(401, 'INVALID_API_KEY', 'The X-BT-API-KEY header must hold a 40-character API key.');
    const key = data.apiKeys.get(apiKey);
    if (!key) throw new ApiError(403, 'UNKNOWN_API_KEY', 'This API key is not known (revoked or mistyped).');
    return key;
  }

  async function apiEndpoint(request, method, pathname, query) {
    const key = authenticate(request);
    const segments = decodeSegments(pathname.slice(API_PREFIX.length));
    if (!segments) throw new ApiError(400, 'INVALID_PATH', 'The path holds invalid percent-encoding.');
    if (segments.at(-1) === '') segments.pop(); // tolerate a trailing slash
    const route = matchRoute(segments);
    if (!route) throw new ApiError(404, 'NOT_FOUND', `No such resource: ${pathname}`);
    const verb = method === 'HEAD' ? 'GET' : method;
    const handler = route.methods[verb];
    if (!handler) {
      throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here.`,
        { headers: { Allow: [...Object.keys(route.methods), 'OPTIONS'].join(', ') } });
    }
    if (isWrite(verb) && key.rightsProfile !== 'full') {
      throw new ApiError(403, 'READONLY_API_KEY', 'This API key has the readonly rights profile: it cannot create or change anything.');
    }
    // `req`: the fetch Request (api.js reads bodies from it).
    const ctx = { req: request, key, data, state, query, core: getCore, now, maxBodyBytes, deduplicateOrders, paging };
    return handler(ctx, ...route.args);
  }

  async function adminEndpoint(request, pathname) {
    if (pathname === `${ADMIN_PREFIX}faults` && request.method === 'GET') return reply(200, { faults: planner.settings });
    if (request.method !== 'POST') throw new ApiError(405, 'METHOD_NOT_ALLOWED', 'Use POST.');
    if (pathname === `${ADMIN_PREFIX}faults`) {
      const body = await readJsonObject(request, maxBodyBytes);
      try {
        planner.set(body);
      } catch (cause) {
        throw new ApiError(400, 'INVALID_FAULTS', cause.message);
      }
      return reply(200, { faults: planner.settings });
    }
    if (pathname === `${ADMIN_PREFIX}reset`) {
      await reset();
      return reply(200, { reset: true });
    }
    if (pathname === `${ADMIN_PREFIX}tokens/expire`) {
      for (const token of tokens.keys()) tokens.set(token, 0);
      return reply(200, { expired: tokens.size });
    }
    throw new ApiError(404, 'NOT_FOUND', `No such admin endpoint: ${pathname}`);
  }

  /** Routes one request to a { status, body, headers } result, or { drop: true }. */
  async function dispatch(request, method, pathname, searchParams) {
    try {
      await loading;
    } catch (cause) {
      log?.(`stand-in state could not be loaded: ${cause?.message ?? cause}`);
      return { result: fail(new ApiError(500, 'STATE_UNAVAILABLE', 'The stand-in could not load its saved state.', { description: 'See the stand-in log.' })) };
    }
    if (pathname === TOKEN_PATH) return { result: await tokenEndpoint(request) };
    if (admin && pathname.startsWith(ADMIN_PREFIX)) return { result: await adminEndpoint(request, pathname) };
    if (pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`)) {
      // Faults hit the API only (not the token or admin endpoints), before
      // auth, as a flaky network or gateway would.
      const plan = planner.plan(Object.fromEntries(request.headers), allowFaultHeaders);
      if (plan.latencyMs) await sleep(plan.latencyMs);
      if (plan.drop) return { drop: true };
      if (plan.loseAnswer) {
        // The request is carried out (an order creates its voicesite), then the connection is
        // cut before any answer: the client cannot tell whether it worked.
        if (!plan.failStatus) await apiEndpoint(request, method, pathname, searchParams).catch(() => {});
        return { drop: true };
      }
      const result = plan.failStatus
        ? failureReply(plan.failStatus, plan.retryAfterSeconds, errorShape)
        : await apiEndpoint(request, method, pathname, searchParams);
      return { result, malformed: plan.malformed };
    }
    return {
      result: fail(new ApiError(404, 'NOT_FOUND', `No such resource: ${pathname}`, { description: 'The stand-in serves /btalk/v1 and /oauth/v3/token.' })),
    };
  }

  /**
   * Answers one request. Never rejects: a dropped connection (fault) is
   * Response.error(), which fetch() turns into a TypeError (see `fetch`).
   * @param {Request} request
   * @returns {Promise<Response>}
   */
  async function handle(request) {
    const method = request.method.toUpperCase();
    const url = new URL(request.url);
    const fullPath = url.pathname;
    const logLine = (status) => log?.(`${method} ${fullPath} ${status}`);
    const cors = corsHeaders(request.headers.get('origin'));

    if (method === 'OPTIONS') {
      logLine(204);
      return new Response(null, {
        status: 204,
        headers: {
          ...cors,
          'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': '600',
        },
      });
    }

    let outcome;
    if (basePath && fullPath !== basePath && !fullPath.startsWith(`${basePath}/`)) {
      outcome = { result: fail(new ApiError(404, 'NOT_FOUND', `No such resource: ${fullPath}`, { description: `The stand-in serves ${basePath}${API_PREFIX}.` })) };
    } else {
      const pathname = basePath ? fullPath.slice(basePath.length) || '/' : fullPath;
      try {
        outcome = await dispatch(request, method, pathname, url.searchParams);
      } catch (err) {
        if (err instanceof ApiError) {
          outcome = { result: fail(err) };
        } else {
          log?.(`stand-in error on ${method} ${fullPath}: ${err?.message ?? err}`);
          outcome = { result: fail(new ApiError(500, 'INTERNAL_ERROR', 'The stand-in failed unexpectedly.', { description: 'See the stand-in log.' })) };
        }
      }
    }
    if (outcome.drop) {
      logLine('closed');
      return Response.error();
    }
    const { result, malformed } = outcome;
    const status = malformed ? 200 : result.status;
    const headers = {
      'Content-Type': JSON_TYPE,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...cors,
      ...result.headers,
    };
    let text;
    if (malformed) text = truncateJson(JSON.stringify(result.body ?? {}));
    else text = result.body === undefined ? '' : JSON.stringify(result.body);
    logLine(status);
    return new Response(method === 'HEAD' ? null : text, { status, headers });
  }

  /**
   * A fetch() for BtalkClient({ fetch }) and tests: answers from handle(), no
   * network. A path alone ('/btalk/v1/me') is taken on STANDIN_ORIGIN; an
   * aborted signal rejects with its reason; a dropped connection is a TypeError.
   */
  async function standInFetch(input, init) {
    const target = typeof input === 'string' && input.startsWith('/') && !input.startsWith('//') ? `${STANDIN_ORIGIN}${input}` : input;
    const request = new Request(target, init);
    const { signal } = request;
    if (signal.aborted) throw signal.reason;
    let onAbort;
    const aborted = new Promise((_, reject) => {
      onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const response = await Promise.race([handle(request), aborted]);
      if (response.type === 'error') throw new TypeError('fetch failed: the stand-in dropped the connection (fault injection)');
      return response;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  // The demo customer's credentials: the first OAuth client and the first
  // full-rights (and readonly) key of the data. Fake, for tests and demos only.
  const firstClient = data.oauthClients[0];
  const demo = Object.freeze({
    clientId: firstClient?.clientId,
    clientSecret: firstClient?.clientSecret,
    apiKey: data.raw.apiKeys.find((k) => k.rightsProfile === 'full')?.key,
    readonlyApiKey: data.raw.apiKeys.find((k) => k.rightsProfile === 'readonly')?.key,
  });

  /**
   * A `credentials` function for BtalkClient: gets a token from this stand-in's
   * token endpoint (through handle(), as a portal back end would) and pairs it
   * with the demo full-rights key (or `apiKey`).
   */
  function credentials({ apiKey = demo.apiKey, clientId = demo.clientId, clientSecret = demo.clientSecret } = {}) {
    return async () => {
      const response = await standInFetch(`${STANDIN_ORIGIN}${basePath}${TOKEN_PATH}`, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${encodeBase64Utf8(`${clientId}:${clientSecret}`)}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
      });
      const body = await response.json().catch(() => null);
      if (!response.ok || typeof body?.access_token !== 'string') throw new Error(`The stand-in token endpoint answered ${response.status}.`);
      return { accessToken: body.access_token, apiKey };
    };
  }

  async function reset() {
    planner.set(initialFaults);
    await loading.catch(() => {});
    await state.reset();
  }

  const ready = loading.then(() => {});
  ready.catch(() => {}); // a caller that never looks at `ready` still sees the error in handle()

  return {
    handle,
    fetch: standInFetch,
    listener: toNodeListener(handle, { maxBodyBytes }),
    ready,
    credentials,
    demo,
    reset,
    state,
    data,
    issueToken,
    get faults() { return { ...planner.settings }; },
    set faults(value) { planner.set(value); },
  };
}
