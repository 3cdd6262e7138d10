// `npm start`: the demo, the library files and the Business Talk stand-in on one origin.
//
//   /                      the demo page, rendered from examples/page/index.html (examples/page/render.js),
//                          with the files of examples/page/ (shared with the static site) and examples/demo/
//   /web/*, /dist/*        the library and its wasm build (application/wasm)
//   /node_modules/papaparse/*  Papa Parse's own files, for <btalk-site-import> on pages without a bundler
//   /btalk/v1/*            the stand-in API (needs token + API key, like the real one)
//   /oauth/v3/token        the stand-in token endpoint
//   /proxy/btalk/v1/*      same-origin proxy: adds the bearer token and API key server-side,
//                          the mode we recommend to portals (secrets never reach the browser)
//   /__standin/*           fault/reset admin endpoints, only with --admin
//
// Options: --port N (or PORT; default 8080, a free port if busy), --host, --admin, --state FILE,
// --dedup-orders (the stand-in answers a known customerOrderReference with its order; off by default).
// The proxy calls the local stand-in in-process; set BTALK_UPSTREAM (e.g. https://api.orange.com) with
// BTALK_CLIENT_ID, BTALK_CLIENT_SECRET and BTALK_API_KEY to point it at another API instead.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ADMIN_PREFIX, API_PREFIX, TOKEN_PATH, createStandInServer, parseArgs } from '../server/standin/server.js';
import { STANDIN_ORIGIN } from '../server/standin/standin.js';
import { sendJson } from '../server/standin/node-http.js';
import { createBtalkProxy } from '../server/proxy/index.js';
import { renderPage } from './page/render.js';

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
<p>The demo page's template (examples/page/index.html) is not there.
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

/** Serves a file from the first of `roots` that has it. */
async function serveStatic(req, res, roots, rawSegments) {
  let found = 404;
  for (const root of [roots].flat()) {
    found = await resolveStatic(root, rawSegments);
    if (found !== 404) break;
  }
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
 * Who may use the demo's proxy: pages of this very server. The proxy holds real ordering rights,
 * so a page of another site (cross-site request, Origin of another host) and a DNS-rebound host
 * name (a Host header that is not this server's) are refused. Local programs (tests, curl) send
 * neither Origin nor Sec-Fetch-Site and are let through: they can read the demo's data files anyway.
 * A portal uses its own sign-in instead (examples/portal/).
 */
export function sameOriginPage(req, port) {
  const host = String(req.headers.host ?? '').toLowerCase();
  const ownHosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  if (!ownHosts.includes(host)) return false;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${host}`;
}

/**
 * Builds the npm-start server (not listening).
 * @param {object} [options]
 * @param {boolean} [options.admin=false] expose /__standin/* (fault injection, reset)
 * @param {boolean} [options.deduplicateOrders=false] the stand-in answers a known customerOrderReference with its order
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
    deduplicateOrders = false,
    stateFile = join(repoRoot, 'examples', '.state', 'standin-state.json'),
    dataDir,
    core,
    faults,
    root = repoRoot,
    upstream,
    log,
  } = options;
  const standIn = createStandInServer({
    ...(dataDir ? { dataDir } : {}), stateFile: stateFile ?? undefined, core, faults, admin, deduplicateOrders, log,
  });
  let server;

  let proxy = null;
  const getProxy = () => {
    if (proxy) return proxy;
    // Another API (BTALK_UPSTREAM) over the network; else the local stand-in in-process: the proxy
    // calls its fetch handler directly, with the demo customer's fake credentials (standIn.demo).
    const { clientId, clientSecret, apiKey } = upstream ?? standIn.demo;
    const origin = upstream ? upstream.origin : STANDIN_ORIGIN;
    proxy = createBtalkProxy({
      clientId,
      clientSecret,
      apiKey,
      ...(upstream ? {} : { fetch: standIn.fetch }),
      apiBase: `${origin}${API_PREFIX}`,
      tokenUrl: `${origin}${TOKEN_PATH}`,
      authorize: (req) => sameOriginPage(req, server.address().port),
      maxBodyBytes: MAX_BODY_BYTES,
      timeoutMs: UPSTREAM_TIMEOUT_MS,
    });
    return proxy;
  };

  // Every request enters here. An order from the demo page: browser → /proxy/btalk/v1 (createBtalkProxy,
  // gated by sameOriginPage; adds the token and API key) → the stand-in's fetch handler, in-process
  // (server/standin/standin.js) → its API routes (server/standin/api.js). /btalk/v1 and the token
  // endpoint go to the stand-in's Node listener directly; the rest is static files.
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
      let handler;
      try {
        handler = getProxy();
      } catch {
        apiError(res, 503, 'PROXY_NOT_CONFIGURED', 'The proxy has no Business Talk credentials configured.');
        return;
      }
      req.url = `${rawPath.slice(`${PROXY_PREFIX}${API_PREFIX}`.length)}${search}`;
      await handler(req, res);
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
    // The page's files (examples/page/, shared with the static site) and the demo's entry (examples/demo/),
    // side by side at / as build-site.js puts the site's; the page itself is rendered from the template.
    const pageRoot = join(root, 'examples', 'page');
    if (rawPath === '/' || rawPath === '/index.html') {
      const found = await resolveStatic(pageRoot, ['index.html']);
      const html = typeof found === 'number' ? PLACEHOLDER : renderPage(await readFile(found, 'utf8'), 'demo');
      res.writeHead(200, { 'Content-Type': MIME['.html'], 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    await serveStatic(req, res, [pageRoot, join(root, 'examples', 'demo')], segments);
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


if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = parseArgs(process.argv.slice(2), ['--port', '--host', '--state']);
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
    deduplicateOrders: !!args.deduplicateOrders,
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
