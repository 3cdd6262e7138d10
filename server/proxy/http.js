// What the proxy lets through, in both directions: the API path (checked before anything is
// sent), the request headers and body, and the response headers.

/** An error answer in the API's own shape ({ code, message, description }). */
export class ProxyError extends Error {
  constructor(status, code, message, headers = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

const MAX_URL_LENGTH = 8 * 1024;
const REQUEST_HEADERS = ['content-type', 'accept-language'];
// The paging headers are how a client reads a whole collection (X-Total-Count: items in all,
// X-Result-Count: items in this page): without them it can only guess where a list ends.
const RESPONSE_HEADERS = ['content-type', 'content-language', 'retry-after', 'etag', 'last-modified', 'x-total-count',
  'x-result-count'];

const invalidPath = () => new ProxyError(400, 'INVALID_PATH', 'The proxied path is not valid.');

/**
 * Splits the mounted request URL into the API path and its query, refusing anything that
 * could leave the API base once resolved: "." and ".." segments, empty segments, backslashes,
 * encoded slashes, backslashes, dots or NULs, control characters, bad percent-encoding.
 * @returns {{ path: string, search: string }}
 */
export function checkApiPath(url) {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) throw invalidPath();
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const search = queryAt === -1 ? '' : url.slice(queryAt);
  // Control characters, spaces, fragments and backslashes have no place in either part.
  if (/[\x00-\x20\x7f#\\]/.test(url)) throw invalidPath();
  if (path !== '' && !path.startsWith('/')) throw invalidPath();
  if (/%(2f|5c|2e|00)/i.test(path)) throw invalidPath();
  const segments = path.split('/').slice(1);
  segments.forEach((raw, index) => {
    if (raw === '' && index !== segments.length - 1) throw invalidPath(); // "//"
    let decoded;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      throw invalidPath();
    }
    if (decoded === '.' || decoded === '..' || /[/\\\x00]/.test(decoded)) throw invalidPath();
  });
  return { path, search };
}

/** Only the allow-listed request headers travel upstream; cookies, auth and anything else stay. */
export function pickRequestHeaders(incoming = {}) {
  const out = {};
  for (const name of REQUEST_HEADERS) {
    const value = incoming[name];
    if (typeof value === 'string' && value !== '' && !/[\r\n]/.test(value)) out[name] = value;
  }
  // Whatever the browser accepts, the API speaks JSON, and Orange's gateway refuses (406) a request without it.
  out.accept = 'application/json';
  return out;
}

/** The upstream response headers the browser may see. */
export function pickResponseHeaders(headers) {
  const out = {};
  for (const name of RESPONSE_HEADERS) {
    const value = headers.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

/**
 * The request body as a Buffer, refused with 413 past `limit` bytes (by its Content-Length
 * before reading, or as it streams in). A body a framework already parsed is taken as it is.
 */
export async function readRequestBody(req, limit) {
  const tooLarge = () => new ProxyError(413, 'PAYLOAD_TOO_LARGE',
    `The request body is larger than ${limit} bytes.`, { Connection: 'close' });
  const declared = Number(req.headers?.['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (req.body !== undefined && (req.readableEnded || typeof req.on !== 'function')) {
    const { body } = req;
    const buffer = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    if (buffer.length > limit) throw tooLarge();
    return buffer.length ? buffer : undefined;
  }
  // Listeners rather than `for await`: leaving that loop early destroys the socket, and the
  // 413 could not be sent any more.
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const stop = (error) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (error) {
        req.resume(); // what is still coming is drained and dropped, never kept
        reject(error);
      }
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) stop(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(size ? Buffer.concat(chunks) : undefined);
    };
    const onError = () => stop(new ProxyError(400, 'BAD_REQUEST', 'The request body could not be read.'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
