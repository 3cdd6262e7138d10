// Node req/res helpers for examples/serve.js (its static files and proxy): a
// JSON answer writer and a bounded body reader. The stand-in itself works on
// fetch Request/Response (http.js); its Node adapter is listener.js.
import { ApiError, JSON_TYPE } from './http.js';

/** Writes a JSON answer (or `text` as is). */
export function sendJson(res, status, body, headers = {}, text) {
  const payload = text ?? (body === undefined ? '' : JSON.stringify(body));
  res.writeHead(status, {
    'Content-Type': JSON_TYPE,
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(payload);
}

/**
 * Reads the request body up to `limit` bytes. A larger body is drained and
 * discarded, then answered 413 (draining lets the client read the answer);
 * one over 16 × the limit gets its connection cut.
 */
export function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let tooLarge = Number.isFinite(declared) && declared > limit;
    let size = 0;
    const chunks = [];
    const hardLimit = limit * 16;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > hardLimit) {
        req.socket.destroy();
        return;
      }
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) {
        reject(new ApiError(413, 'PAYLOAD_TOO_LARGE', `The request body exceeds ${limit} bytes.`,
          { headers: { Connection: 'close' } }));
      } else {
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new ApiError(400, 'INCOMPLETE_BODY', 'The request body was cut short.'));
    });
  });
}
