// Small HTTP helpers of the stand-in: results as plain values, JSON errors in
// the Business Talk shape, bounded body reading from a fetch Request. No Node
// API: the same code runs in Node, a page, a service worker and a test runner.
// (The Node req/res versions used by examples/serve.js are in node-http.js.)

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

function tooLarge(limit) {
  return new ApiError(413, 'PAYLOAD_TOO_LARGE', `The request body exceeds ${limit} bytes.`, { headers: { Connection: 'close' } });
}

/**
 * Reads a Request's body up to `limit` bytes (a declared Content-Length over it
 * is refused before reading; a stream is cancelled as soon as it passes it).
 * @param {Request} request
 * @returns {Promise<Uint8Array>}
 */
export async function readBody(request, limit) {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    let step;
    try {
      step = await reader.read();
    } catch {
      throw new ApiError(400, 'INCOMPLETE_BODY', 'The request body was cut short.');
    }
    if (step.done) break;
    size += step.value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(step.value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

const decoder = new TextDecoder();

/** The body as UTF-8 text, bounded as readBody. */
export async function readText(request, limit) {
  return decoder.decode(await readBody(request, limit));
}

/** Reads a JSON object body (bounded as readBody) or throws 400 INVALID_JSON. */
export async function readJsonObject(request, limit) {
  const text = await readText(request, limit);
  let value;
  try {
    value = JSON.parse(text);
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
