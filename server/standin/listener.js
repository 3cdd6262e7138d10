// Node http adapter: a `(req, res)` listener over any fetch handler
// (handle(Request) -> Promise<Response>). Uses only the req/res objects and
// web globals, so it adds no Node import to the modules that export it.

const EMPTY = new Uint8Array(0);

/**
 * Reads a request body, keeping at most `limit` + 1 bytes: enough for the
 * handler to answer 413, while the rest is drained so the client can read that
 * answer. Past 16 × the limit the connection is cut. Resolves to null when the
 * body did not arrive whole (no answer is sent then).
 */
function collect(req, limit) {
  return new Promise((resolve) => {
    const chunks = [];
    let kept = 0;
    let size = 0;
    let settled = false;
    const done = (value) => {
      if (!settled) {
        settled = true;
        resolve(value);
      }
    };
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit * 16) {
        req.socket.destroy();
        done(null);
        return;
      }
      if (kept <= limit) {
        const part = chunk.subarray(0, limit + 1 - kept);
        chunks.push(part);
        kept += part.length;
      }
    });
    req.on('end', () => {
      const out = new Uint8Array(kept);
      let at = 0;
      for (const chunk of chunks) {
        out.set(chunk, at);
        at += chunk.length;
      }
      done(out);
    });
    req.on('error', () => done(null));
    req.on('close', () => { if (!req.complete) done(null); });
  });
}

function toRequest(req, body) {
  const headers = new Headers();
  const raw = req.rawHeaders ?? [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i], raw[i + 1]);
    } catch {
      // A header fetch cannot carry: the handler never needs it.
    }
  }
  const url = new URL(req.url, 'http://standin.invalid');
  return new Request(url, { method: req.method, headers, body: body && body.length ? body : undefined });
}

/**
 * @param {(request: Request) => Promise<Response>} handle
 * @param {{ maxBodyBytes?: number }} [options] bodies up to this size reach the handler whole
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function toNodeListener(handle, { maxBodyBytes = 64 * 1024 } = {}) {
  async function run(req, res) {
    let body = EMPTY;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      body = await collect(req, maxBodyBytes);
      if (body === null) return;
    } else {
      req.resume();
    }
    let request;
    try {
      request = toRequest(req, body);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Bad request\n');
      return;
    }
    const response = await handle(request);
    if (res.destroyed || req.socket?.destroyed) return;
    if (response.type === 'error') {
      req.socket.destroy();
      return;
    }
    const payload = response.body ? new Uint8Array(await response.arrayBuffer()) : EMPTY;
    const headers = {};
    response.headers.forEach((value, name) => { headers[name] = value; });
    if (response.status !== 204 && response.status !== 304) headers['content-length'] = String(payload.length);
    res.writeHead(response.status, headers);
    res.end(req.method === 'HEAD' || !payload.length ? undefined : payload);
  }
  return function listener(req, res) {
    run(req, res).catch(() => { if (!res.headersSent) res.destroy(); });
  };
}
