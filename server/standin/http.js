// Small HTTP helpers of the stand-in: results as plain values, JSON errors in
// the Business Talk shape (lists of { code: <integer>, message, description }), bounded body reading from a fetch Request. No Node
// API: the same code runs in Node, a page, a service worker and a test runner.
// (The Node req/res versions used by examples/serve.js are in node-http.js.)

/**
 * The stand-in's error codes. The Business Talk API answers its errors as a list of
 * { code: <integer>, message, description } (its "Common error list"), and the gateway in front of
 * it answers 401s with one object whose code is 40 (missing), 41 (invalid) or 42 (expired
 * credentials). The names are the stand-in's own, for its code and tests; the wire carries the
 * numbers. Which numbers the real API uses is not public: these are ours.
 */
export const ERROR_CODES = Object.freeze({
  MISSING_CREDENTIALS: 40, INVALID_CREDENTIALS: 41, EXPIRED_CREDENTIALS: 42,
  INVALID_PATH: 1001, NOT_FOUND: 1002, METHOD_NOT_ALLOWED: 1003, PAYLOAD_TOO_LARGE: 1004, INVALID_JSON: 1005,
  INCOMPLETE_BODY: 1006, MISSING_PARAMETER: 1007, UNKNOWN_PARAMETER: 1008, INVALID_PAGING: 1009,
  MISSING_API_KEY: 1101, INVALID_API_KEY: 1102, UNKNOWN_API_KEY: 1103, READONLY_API_KEY: 1104, CUSTOMER_NOT_ALLOWED: 1105,
  CUSTOMER_NOT_FOUND: 1201, INVALID_COUNTRY: 1202, COUNTRY_NOT_FOUND: 1203, GEOAREAS_NOT_FOUND: 1204,
  GEOAREA_NOT_FOUND: 1205, DIALZONES_NOT_FOUND: 1206, ADDRESS_API_NOT_AVAILABLE: 1207, POSTALCODES_NOT_AVAILABLE: 1208,
  PARISHES_NOT_AVAILABLE: 1209, ORDER_NOT_FOUND: 1210, VOICESITE_NOT_FOUND: 1211, VOICEADDRESS_NOT_FOUND: 1212,
  SEARCH_NOT_SUPPORTED: 1301, INVALID_ADDRESS: 1302,
  MISSING_FIELD: 1401, INVALID_FIELD: 1402, UNSUPPORTED_PRODUCT: 1403, COUNTRY_NOT_COVERED: 1404, UNKNOWN_VPN: 1405,
  TECHNICAL_SITE_NAME_IN_USE: 1406,
  TOO_MANY_REQUESTS: 1501, INTERNAL_ERROR: 1502, SERVICE_UNAVAILABLE: 1503, STATE_UNAVAILABLE: 1504,
  VALIDATION_UNAVAILABLE: 1505, COUNTRY_CONFIGURATION_MISSING: 1506, INVALID_FAULTS: 1507, GEOAREAS_UNAVAILABLE: 1508,
});

/** The gateway's own errors: one object, never a list. */
const GATEWAY_ERRORS = new Set(['MISSING_CREDENTIALS', 'INVALID_CREDENTIALS', 'EXPIRED_CREDENTIALS']);

/**
 * An error body in the shape the stand-in speaks: the API's list (one entry per problem when
 * there are several, each naming its field in the description) or the gateway's one object.
 * `shape: 'object'` is the getting-started guide's older guess, { code: NAME, message,
 * description, problems? }, for testing clients against it.
 */
export function errorBody(name, message, { description = message, problems, shape = 'list' } = {}) {
  if (!Object.hasOwn(ERROR_CODES, name)) throw new TypeError(`stand-in: no error code for ${name}`);
  if (shape === 'object') {
    const body = { code: name, message, description };
    if (problems) body.problems = problems;
    return body;
  }
  const code = ERROR_CODES[name];
  if (GATEWAY_ERRORS.has(name)) return { code, message, description };
  if (problems?.length) {
    return problems.map((p) => ({ code, message: p.message || message, description: `Element ${p.field}: ${p.code}.` }));
  }
  return [{ code, message, description }];
}

/** An API error answer with an HTTP status; its body is errorBody()'s. */
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

  toBody(shape) {
    return errorBody(this.code, this.message, { description: this.description, problems: this.problems, shape });
  }
}

/** A handler result: the dispatcher serialises `body` as JSON. */
export function reply(status, body, headers) {
  return { status, body, headers };
}

export function errorReply(err, shape) {
  return reply(err.status, err.toBody(shape), err.headers);
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
