// A plain static file server for browser tests: GET of files under a folder,
// 404 for anything else. It knows nothing of the API; it logs every request.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.wasm': 'application/wasm',
};

/** @returns {Promise<{ origin: string, log: Array<{ method, path, status }>, close(): Promise<void> }>} */
export function staticServer(dir) {
  const log = [];
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    let file;
    try {
      file = normalize(join(dir, decodeURIComponent(pathname)));
      if (file.endsWith(sep)) file = join(file, 'index.html');
    } catch {
      file = null;
    }
    let status = 404;
    let body = 'not found';
    if (file && (file === dir || file.startsWith(dir + sep)) && req.method === 'GET') {
      try {
        if ((await stat(file)).isFile()) {
          body = await readFile(file);
          status = 200;
        }
      } catch {
        // 404
      }
    }
    log.push({ method: req.method, path: pathname, status });
    res.writeHead(status, { 'Content-Type': status === 200 ? TYPES[extname(file)] ?? 'application/octet-stream' : 'text/plain' });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    origin: `http://127.0.0.1:${server.address().port}`,
    log,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  })));
}
