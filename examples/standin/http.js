// Small HTTP helpers shared by the stand-in and examples/serve.js: results as
// plain values, JSON errors in the Business Talk shape, bounded body reading.

/** An API error answer: { code, message, description, problems? } with an HTTP status. */
export class ApiError extends Error {
  constructor(status, code, message, { description, problems, headers } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.description = description ?? message;
    this.problems = problems;
    this.headers = headers;
  }

  toBody() {
    const body = { code: this.code, message: this.message, description: this.description };
    if (this.problems) body.problems = this.problems;
    return body;
  }
}

/** A handler result: the dispatcher serialises `body` as JSON. */
export function reply(status, body, headers) {
  return { status, body, headers };
}

export function errorReply(err) {
  return reply(err.status, err.toBody(), err.headers);
}

export const JSON_TYPE = 'application/json; charset=utf-8';

/** Writes a JSON answer (or `text` as is, for the malformed-response fault). */
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
 * a body far beyond the limit gets its connection cut.
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

/** Reads a JSON object body (bounded as readBody) or throws 400 INVALID_JSON. */
export async function readJsonObject(req, limit) {
  const buffer = await readBody(req, limit);
  let value;
  try {
    value = JSON.parse(buffer.toString('utf8'));
  } catch {
    throw new ApiError(400, 'INVALID_JSON', 'The request body is not valid JSON.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError(400, 'INVALID_JSON', 'The request body must be a JSON object.');
  }
  return value;
}

/**
 * Splits a raw path into URL-decoded segments, so a value holding an encoded
 * "/" stays one segment. Returns null when a segment is not valid percent-encoding.
 */
export function decodeSegments(pathname) {
  const raw = pathname.split('/').slice(1);
  try {
    return raw.map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

/** Case- and accent-insensitive form of a text, for searches. */
export function fold(text) {
  return String(text ?? '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
