// A plain static file server (what any static host does: files, their MIME type, nothing else),
// listening on a free port. `folders` maps URL prefixes to directories (longest prefix first);
// `handlers` maps URL prefixes to request listeners (the CDN page's same-origin proxy).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
};

export async function serveFolders(folders, handlers = {}) {
  const mounts = Object.entries(folders).sort(([a], [b]) => b.length - a.length);
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const handler = Object.entries(handlers).find(([prefix]) => pathname.startsWith(prefix));
    if (handler) return handler[1](req, res);
    const mount = mounts.find(([prefix]) => pathname.startsWith(prefix));
    if (!mount || req.method !== 'GET') return res.writeHead(404).end();
    const [prefix, dir] = mount;
    const file = normalize(join(dir, pathname.slice(prefix.length) || 'index.html'));
    if (file !== dir && !file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
