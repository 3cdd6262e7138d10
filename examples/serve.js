// `npm start`: the demo, the library files and the Business Talk stand-in on one origin.
//
//   /                      examples/demo/ (index.html; a placeholder until the demo exists)
//   /web/*, /dist/*        the library and its wasm build (application/wasm)
//   /btalk/v1/*            the stand-in API (needs token + API key, like the real one)
//   /oauth/v3/token        the stand-in token endpoint
//   /proxy/btalk/v1/*      same-origin proxy: adds the bearer token and API key server-side,
//                          the mode we recommend to portals (secrets never reach the browser)
//   /__standin/*           fault/reset admin endpoints, only with --admin
//
// Options: --port N (or PORT; default 8080, a free port if busy), --host, --admin, --state FILE.
// The proxy targets the local stand-in; set BTALK_UPSTREAM (e.g. https://api.orange.com) with
// BTALK_CLIENT_ID, BTALK_CLIENT_SECRET and BTALK_API_KEY to point it at another API instead.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ADMIN_PREFIX, API_PREFIX, TOKEN_PATH, createStandIn } from './standin/server.js';
import { ApiError, decodeSegments, readBody, sendJson } from './standin/http.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PROXY_PREFIX = '/proxy';
const MAX_BODY_BYTES = 64 * 1024;
const UPSTREAM_TIMEOUT_MS = 30_000;

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.d.ts': 'text/plain; charset=utf-8',
};

const PLACEHOLDER = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>btalk-forms</title>
<p>The demo page (examples/demo/index.html) is not there yet.
The Business Talk stand-in answers at <code>/btalk/v1</code> and <code>/proxy/btalk/v1</code>.</p>
</html>
`;

function apiError(res, status, code, message) {
  sendJson(res, status, { code, message, description: message });
}

/**
 * Maps a URL path under a root folder to a file, refusing anything that could
 * leave it: "..", ".", hidden names, NUL or backslashes in any decoded segment,
 * and symlinks pointing outside. Returns the file path, or an HTTP status.
 */
export async function resolveStatic(root, rawSegments) {
  let segments;
  try {
    segments = rawSegments.map((s) => decodeURIComponent(s));
  } catch {
    return 400;
  }
  if (segments.some((s) => s === '..' || s === '.' || s.includes('/') || s.includes('\\') || s.includes('\0'))) return 403;
  if (segments.some((s) => s.startsWith('.'))) return 404;
  if (!segments.length || segments.at(-1) === '') return 404;
  let realRoot;
  let real;
  try {
    realRoot = await realpath(root);
    real = await realpath(join(root, ...segments));
  } catch {
    return 404;
  }
  if (!real.startsWith(realRoot + sep)) return 403;
  const info = await stat(real);
  return info.isFile() ? real : 404;
}

function mimeOf(file) {
  if (file.endsWith('.d.ts')) return MIME['.d.ts'];
  return MIME[extname(file)] ?? 'application/octet-stream';
}

async function serveStatic(req, res, root, rawSegments) {
  const found = await resolveStatic(root, rawSegments);
  if (typeof found === 'number') {
    res.writeHead(found, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end(found === 403 ? 'Forbidden\n' : found === 400 ? 'Bad request\n' : 'Not found\n');
    return;
  }
  const info = await stat(found);
  res.writeHead(200, {
    'Content-Type': mimeOf(found),
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(found).on('error', () => res.destroy()).pipe(res);
}

/**
 * Holds the proxy's upstream credentials: a bearer token fetched with the
 * client id/secret (cached until shortly before it expires; concurrent
 * requests share one fetch) and the API key.
 */
class UpstreamCredentials {
  constructor({ tokenUrl, clientId, clientSecret, apiKey }) {
    Object.assign(this, { tokenUrl, clientId, clientSecret, apiKey });
    this.token = null;
    this.expiresAt = 0;
    this.pending = null;
  }

  async accessToken({ refresh = false } = {}) {
    if (!refresh && this.token && Date.now() < this.expiresAt) return this.token;
    if (!this.pending) {
      this.pending = this.fetchToken().finally(() => { this.pending = null; });
    }
    return this.pending;
  }

  async fetchToken() {
    const basic = Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64');
    const res = await fetch(this.tokenUrl(), {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: 'grant_type=client_credentials',
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
    const body = await res.json().catch(() => null);
    if (!res.ok || typeof body?.access_token !== 'string') {
      throw new Error(`token endpoint answered ${res.status}`);
    }
    const ttl = Number(body.expires_in) || 3600;
    this.token = body.access_token;
    this.expiresAt = Date.now() + Math.max(ttl - 30, ttl / 2) * 1000;
    return this.token;
  }
}

/**
 * Builds the npm-start server (not listening).
 * @param {object} [options]
 * @param {boolean} [options.admin=false] expose /__standin/* (fault injection, reset)
 * @param {string|null} [options.stateFile] default examples/.state/standin-state.json; null = memory only
 * @param {string} [options.dataDir] stand-in data (default: bundled)
 * @param {object} [options.core] core for the stand-in (default: loaded lazily)
 * @param {string} [options.root] repository root to serve files from
 * @param {object} [options.upstream] { origin, clientId, clientSecret, apiKey }: proxy target other than the local stand-in
 * @param {(line: string) => void} [options.log]
 */
export function createApp(options = {}) {
  const {
    admin = false,
    stateFile = join(repoRoot, 'examples', '.state', 'standin-state.json'),
    dataDir,
    core,
    faults,
    root = repoRoot,
    upstream,
    log,
  } = options;
  const standIn = createStandIn({
    ...(dataDir ? { dataDir } : {}), stateFile: stateFile ?? undefined, core, faults, admin, log,
  });
  let server;
  const localOrigin = () => {
    const { port } = server.address();
    return `http://127.0.0.1:${port}`;
  };
  const upstreamOrigin = () => upstream?.origin ?? localOrigin();

  let credentials = null;
  const getCredentials = () => {
    if (credentials) return credentials;
    let demo;
    if (upstream) {
      demo = { clientId: upstream.clientId, clientSecret: upstream.clientSecret, apiKey: upstream.apiKey };
    } else {
      // The demo customer: the first OAuth client and the first full-rights key of the stand-in data.
      const client = standIn.data.oauthClients[0];
      const key = standIn.data.raw.apiKeys.find((k) => k.rightsProfile === 'full');
      demo = { clientId: client?.clientId, clientSecret: client?.clientSecret, apiKey: key?.key };
    }
    if (!demo.clientId || !demo.clientSecret || !demo.apiKey) throw new Error('no proxy credentials configured');
    credentials = new UpstreamCredentials({ ...demo, tokenUrl: () => `${upstreamOrigin()}${TOKEN_PATH}` });
    return credentials;
  };

  async function proxy(req, res, rest, search) {
    if (!['GET', 'HEAD', 'POST', 'PUT'].includes(req.method)) {
      apiError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not proxied.`);
      return;
    }
    // No dot segments: fetch() would resolve them and let a caller reach
    // paths outside /btalk/v1 (e.g. the admin endpoints) with our credentials.
    const restSegments = decodeSegments(rest);
    if (!restSegments || restSegments.some((s) => s === '.' || s === '..' || s.includes('\\'))) {
      apiError(res, 400, 'INVALID_PATH', 'The proxied path is not valid.');
      return;
    }
    let body;
    if (req.method === 'POST' || req.method === 'PUT') {
      try {
        body = await readBody(req, MAX_BODY_BYTES);
      } catch (err) {
        if (err instanceof ApiError) sendJson(res, err.status, err.toBody(), err.headers);
        else res.destroy();
        return;
      }
    }
    // Only these headers travel upstream: the browser's own Authorization,
    // API key, cookies and X-Standin-* fault headers are dropped here.
    const headers = { Accept: 'application/json' };
    if (req.headers['content-type']) headers['Content-Type'] = req.headers['content-type'];
    const target = `${upstreamOrigin()}${API_PREFIX}${rest}${search}`;
    let upstreamRes;
    try {
      const creds = getCredentials();
      const send = async (token) => fetch(target, {
        method: req.method,
        headers: { ...headers, Authorization: `Bearer ${token}`, 'X-BT-API-KEY': creds.apiKey },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
      });
      upstreamRes = await send(await creds.accessToken());
      if (upstreamRes.status === 401) {
        // The token expired or the upstream restarted: auth is checked before
        // anything runs, so one retry with a fresh token is safe even for writes.
        await upstreamRes.arrayBuffer();
        upstreamRes = await send(await creds.accessToken({ refresh: true }));
      }
    } catch (err) {
      log?.(`proxy: upstream unreachable (${err?.name ?? 'error'})`);
      apiError(res, 502, 'BAD_GATEWAY', 'The Business Talk API could not be reached. Try again.');
      return;
    }
    let payload;
    try {
      payload = Buffer.from(await upstreamRes.arrayBuffer());
    } catch {
      apiError(res, 502, 'BAD_GATEWAY', 'The Business Talk API answer was cut short. Try again.');
      return;
    }
    const out = {
      'Content-Type': upstreamRes.headers.get('content-type') ?? 'application/json; charset=utf-8',
      'Content-Length': payload.length,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    const retryAfter = upstreamRes.headers.get('retry-after');
    if (retryAfter) out['Retry-After'] = retryAfter;
    res.writeHead(upstreamRes.status, out);
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  async function handle(req, res) {
    const rawPath = req.url.split('?')[0].split('#')[0];
    const search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    const standInPaths = rawPath === TOKEN_PATH || rawPath === API_PREFIX || rawPath.startsWith(`${API_PREFIX}/`)
      || (admin && rawPath.startsWith(ADMIN_PREFIX));
    if (standInPaths) {
      await standIn.handler(req, res);
      return;
    }
    if (rawPath.startsWith(`${PROXY_PREFIX}${API_PREFIX}/`) || rawPath === `${PROXY_PREFIX}${API_PREFIX}`) {
      const started = Date.now();
      res.on('finish', () => log?.(`${req.method} ${rawPath} ${res.statusCode} (proxy, ${Date.now() - started} ms)`));
      await proxy(req, res, rawPath.slice(`${PROXY_PREFIX}${API_PREFIX}`.length), search);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed\n');
      return;
    }
    const segments = rawPath.split('/').slice(1);
    if (segments[0] === 'web' || segments[0] === 'dist') {
      await serveStatic(req, res, join(root, segments[0]), segments.slice(1));
      return;
    }
    // The CSV reader <btalk-site-import> loads on demand (Papa Parse ships no ES module).
    if (segments[0] === 'node_modules' && segments[1] === 'papaparse') {
      await serveStatic(req, res, join(root, 'node_modules', 'papaparse'), segments.slice(2));
      return;
    }
    const demoRoot = join(root, 'examples', 'demo');
    if (rawPath === '/' || rawPath === '/index.html') {
      const found = await resolveStatic(demoRoot, ['index.html']);
      if (typeof found === 'number') {
        res.writeHead(200, { 'Content-Type': MIME['.html'], 'Cache-Control': 'no-cache' });
        res.end(req.method === 'HEAD' ? undefined : PLACEHOLDER);
        return;
      }
    }
    await serveStatic(req, res, demoRoot, rawPath === '/' ? ['index.html'] : segments);
  }

  server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      log?.(`serve: ${req.method} ${req.url.split('?')[0]} failed: ${err?.message ?? err}`);
      if (!res.headersSent) apiError(res, 500, 'INTERNAL_ERROR', 'The server failed unexpectedly.');
      else res.destroy();
    });
  });
  return { server, standIn };
}

/** Listens on `port`, or on a free port when it is taken. Resolves to the bound port. */
export function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      if (err.code === 'EADDRINUSE' && port !== 0) {
        console.log(`Port ${port} is busy; using a free port instead.`);
        server.listen(0, host);
      } else {
        reject(err);
      }
    };
    server.on('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      resolve(server.address().port);
    });
    server.listen(port, host);
  });
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--admin') out.admin = true;
    else if (['--port', '--host', '--state'].includes(arg)) out[arg.slice(2)] = argv[++i];
    else throw new Error(`unknown argument ${arg} (use --port, --host, --state, --admin)`);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = parseArgs(process.argv.slice(2));
  const port = Number(args.port ?? process.env.PORT ?? 8080);
  const host = args.host ?? '127.0.0.1';
  const upstream = process.env.BTALK_UPSTREAM ? {
    origin: process.env.BTALK_UPSTREAM.replace(/\/+$/, ''),
    clientId: process.env.BTALK_CLIENT_ID,
    clientSecret: process.env.BTALK_CLIENT_SECRET,
    apiKey: process.env.BTALK_API_KEY,
  } : undefined;
  const { server } = createApp({
    admin: !!args.admin,
    ...(args.state ? { stateFile: args.state } : {}),
    upstream,
    log: (line) => console.log(line),
  });
  const actual = await listen(server, port, host);
  console.log(`btalk-forms demo: http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/`);
  console.log(`  stand-in API: ${API_PREFIX}, same-origin proxy: ${PROXY_PREFIX}${API_PREFIX}${args.admin ? ', admin: /__standin/' : ''}`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
