// A local stand-in for the Orange Business Talk API (btalk/v1) and its OAuth
// token endpoint, for demos and tests: same paths, headers, auth rules and
// error shape as docs/contract.md "Business Talk API choices", with
// voiceaddress checks done by the project's own wasm core, optional state
// persistence and fault injection.
//
//   import { createStandIn } from './examples/standin/server.js';
//   const { server } = createStandIn({ stateFile, faults: { failRate: 0.1, seed: 1 } });
//   server.listen(0);
//
// CLI: node examples/standin/server.js [--port 0] [--host 127.0.0.1] [--state file] [--data dir] [--admin]
import { createServer } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { ApiError, decodeSegments, errorReply, readBody, readJsonObject, reply, sendJson, sleep } from './http.js';
import { FaultPlanner, failureReply, normalizeFaults, truncateJson } from './faults.js';
import { loadData } from './data.js';
import { StateStore } from './state.js';
import { isWrite, matchRoute } from './api.js';

const here = dirname(fileURLToPath(import.meta.url));
export const BUNDLED_DATA_DIR = join(here, 'data');
export const API_PREFIX = '/btalk/v1';
export const TOKEN_PATH = '/oauth/v3/token';
export const ADMIN_PREFIX = '/__standin/';
const API_KEY_FORMAT = /^[\x21-\x7e]{40}$/;
const MAX_TOKENS = 10_000;

const ALLOWED_HEADERS = [
  'Authorization', 'X-BT-API-KEY', 'Content-Type',
  'X-Standin-Latency', 'X-Standin-Fail', 'X-Standin-Drop', 'X-Standin-Malformed',
].join(', ');

function safeEqual(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * @param {object} [options]
 * @param {string} [options.dataDir] customers.json + countries/<ISO2>.json (default: the bundled data)
 * @param {string} [options.stateFile] JSON file for orders and voicesites; omitted: memory only
 * @param {object} [options.core] the core from loadCore(); omitted: loaded on first voiceaddress push
 * @param {object} [options.faults] { latencyMs, failRate, failStatus, retryAfterSeconds, dropRate, malformedRate, seed }
 * @param {boolean} [options.allowFaultHeaders=true] honour X-Standin-* request headers
 * @param {boolean} [options.admin=false] expose POST /__standin/faults, /__standin/reset, /__standin/tokens/expire
 * @param {number} [options.tokenTtlSeconds=3600]
 * @param {string[]|string} [options.corsOrigins='*'] origins allowed to call cross-origin ('*' for any)
 * @param {number} [options.maxBodyBytes=65536]
 * @param {() => number} [options.now=Date.now] clock (tests move it to expire tokens)
 * @param {(line: string) => void} [options.log] receives "METHOD /path STATUS" lines, never headers or bodies
 */
export function createStandIn(options = {}) {
  const {
    dataDir = BUNDLED_DATA_DIR,
    stateFile,
    core,
    faults = {},
    allowFaultHeaders = true,
    admin = false,
    tokenTtlSeconds = 3600,
    corsOrigins = '*',
    maxBodyBytes = 64 * 1024,
    now = Date.now,
    log,
  } = options;

  const data = loadData(dataDir);
  const state = new StateStore({ file: stateFile, log });
  const initialFaults = normalizeFaults(faults);
  const planner = new FaultPlanner(initialFaults);
  const tokens = new Map(); // access_token -> expiry (ms)

  let corePromise = core ? Promise.resolve(core) : null;
  const getCore = () => {
    if (!corePromise) {
      corePromise = import('../../web/index.js').then((m) => m.loadCore());
      corePromise.catch(() => { corePromise = null; }); // let a later request retry
    }
    return corePromise;
  };

  // Whether every origin is allowed is known at start-up; only a list needs the request's Origin.
  // A lone origin string is a list of one: String#includes would match any part of it.
  const allowedOrigins = Array.isArray(corsOrigins) ? corsOrigins : [String(corsOrigins)];
  const anyOrigin = allowedOrigins.includes('*');
  function corsHeaders(req) {
    if (anyOrigin) return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After' };
    const origin = req.headers.origin;
    if (origin && allowedOrigins.includes(origin)) {
      return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After', Vary: 'Origin' };
    }
    return { Vary: 'Origin' };
  }

  function issueToken() {
    const t = now();
    for (const [token, expiry] of tokens) if (expiry <= t) tokens.delete(token);
    while (tokens.size >= MAX_TOKENS) tokens.delete(tokens.keys().next().value);
    const token = randomBytes(32).toString('base64url');
    tokens.set(token, t + tokenTtlSeconds * 1000);
    return token;
  }

  async function tokenEndpoint(req) {
    if (req.method !== 'POST') {
      return reply(405, { error: 'invalid_request', error_description: 'Use POST.' }, { Allow: 'POST, OPTIONS' });
    }
    const body = new URLSearchParams((await readBody(req, maxBodyBytes)).toString('utf8'));
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.headers.authorization ?? '');
    const decoded = match ? Buffer.from(match[1], 'base64').toString('utf8') : '';
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
  function authenticate(req) {
    const authorization = req.headers.authorization;
    const bearer = { 'WWW-Authenticate': 'Bearer realm="btalk"' };
    if (!authorization) throw new ApiError(401, 'MISSING_CREDENTIALS', 'An Authorization: Bearer token is required.', { headers: bearer });
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const expiry = match ? tokens.get(match[1]) : undefined;
    if (expiry === undefined) throw new ApiError(401, 'INVALID_CREDENTIALS', 'The access token is not valid.', { headers: bearer });
    if (expiry <= now()) {
      tokens.delete(match[1]);
      throw new ApiError(401, 'EXPIRED_CREDENTIALS', 'The access token has expired: request a new one.', { headers: bearer });
    }
    const apiKey = req.headers['x-bt-api-key'];
    if (!apiKey) throw new ApiError(401, 'MISSING_API_KEY', 'The X-BT-API-KEY header is required.');
    if (!API_KEY_FORMAT.test(apiKey)) throw new ApiError(401, 'INVALID_API_KEY', 'The X-BT-API-KEY header must hold a 40-character API key.');
    const key = data.apiKeys.get(apiKey);
    if (!key) throw new ApiError(403, 'UNKNOWN_API_KEY', 'This API key is not known (revoked or mistyped).');
    return key;
  }

  async function apiEndpoint(req, pathname, query) {
    const key = authenticate(req);
    const segments = decodeSegments(pathname.slice(API_PREFIX.length));
    if (!segments) throw new ApiError(400, 'INVALID_PATH', 'The path holds invalid percent-encoding.');
    if (segments.at(-1) === '') segments.pop(); // tolerate a trailing slash
    const route = matchRoute(segments);
    if (!route) throw new ApiError(404, 'NOT_FOUND', `No such resource: ${pathname}`);
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const handle = route.methods[method];
    if (!handle) {
      throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed here.`,
        { headers: { Allow: [...Object.keys(route.methods), 'OPTIONS'].join(', ') } });
    }
    if (isWrite(method) && key.rightsProfile !== 'full') {
      throw new ApiError(403, 'READONLY_API_KEY', 'This API key has the readonly rights profile: it cannot create or change anything.');
    }
    const ctx = { req, key, data, state, query, core: getCore, now, maxBodyBytes };
    return handle(ctx, ...route.args);
  }

  async function adminEndpoint(req, pathname) {
    if (pathname === `${ADMIN_PREFIX}faults` && req.method === 'GET') return reply(200, { faults: planner.settings });
    if (req.method !== 'POST') throw new ApiError(405, 'METHOD_NOT_ALLOWED', 'Use POST.');
    if (pathname === `${ADMIN_PREFIX}faults`) {
      const body = await readJsonObject(req, maxBodyBytes);
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

  async function handler(req, res) {
    const url = new URL(req.url, 'http://standin.invalid');
    const pathname = url.pathname;
    const cors = corsHeaders(req);
    const logLine = (status) => log?.(`${req.method} ${pathname} ${status}`);
    res.on('finish', () => logLine(res.statusCode));
    res.on('close', () => { if (!res.writableFinished) logLine('closed'); });

    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }

    let result;
    let plan = null;
    try {
      if (pathname === TOKEN_PATH) {
        result = await tokenEndpoint(req);
      } else if (admin && pathname.startsWith(ADMIN_PREFIX)) {
        result = await adminEndpoint(req, pathname);
      } else if (pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`)) {
        // Faults hit the API only (not the token or admin endpoints), before
        // auth, as a flaky network or gateway would.
        plan = planner.plan(req.headers, allowFaultHeaders);
        if (plan.latencyMs) await sleep(plan.latencyMs);
        if (plan.drop) {
          req.socket.destroy();
          return;
        }
        result = plan.failStatus ? failureReply(plan.failStatus, plan.retryAfterSeconds) : await apiEndpoint(req, pathname, url.searchParams);
      } else {
        result = reply(404, { code: 'NOT_FOUND', message: `No such resource: ${pathname}`, description: 'The stand-in serves /btalk/v1 and /oauth/v3/token.' });
      }
    } catch (err) {
      if (err instanceof ApiError) {
        result = errorReply(err);
      } else {
        log?.(`stand-in error on ${req.method} ${pathname}: ${err?.message ?? err}`);
        result = reply(500, { code: 'INTERNAL_ERROR', message: 'The stand-in failed unexpectedly.', description: 'See the stand-in log.' });
      }
    }
    if (res.headersSent || req.socket.destroyed) return;
    const headers = { ...cors, ...result.headers };
    if (plan?.malformed) {
      sendJson(res, 200, undefined, headers, truncateJson(JSON.stringify(result.body ?? {})));
    } else if (req.method === 'HEAD') {
      sendJson(res, result.status, undefined, headers, '');
    } else {
      sendJson(res, result.status, result.body, headers);
    }
  }

  async function reset() {
    planner.set(initialFaults);
    await state.reset();
  }

  const server = createServer((req, res) => {
    handler(req, res).catch(() => { if (!res.headersSent) res.destroy(); });
  });

  return {
    server,
    handler,
    reset,
    state,
    data,
    issueToken,
    get faults() { return { ...planner.settings }; },
    set faults(value) { planner.set(value); },
  };
}

// ---------------------------------------------------------------- CLI

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--admin') out.admin = true;
    else if (['--port', '--host', '--state', '--data'].includes(arg)) out[arg.slice(2)] = argv[++i];
    else throw new Error(`unknown argument ${arg} (use --port, --host, --state, --data, --admin)`);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = parseArgs(process.argv.slice(2));
  const port = Number(args.port ?? process.env.PORT ?? 8081);
  const host = args.host ?? '127.0.0.1';
  const { server } = createStandIn({
    dataDir: args.data, stateFile: args.state, admin: !!args.admin, log: (line) => console.log(line),
  });
  server.listen(port, host, () => {
    const { port: actual } = server.address();
    console.log(`Business Talk stand-in: http://${host}:${actual}${API_PREFIX} (token: http://${host}:${actual}${TOKEN_PATH})`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
