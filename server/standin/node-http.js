// A JSON answer writer on a Node ServerResponse, for examples/serve.js. The
// stand-in itself works on fetch Request/Response (http.js); its Node adapter
// is listener.js.
import { JSON_TYPE } from './http.js';

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
