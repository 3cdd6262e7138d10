// The BtalkApiError of a non-2xx answer (beside transport.js). The Business Talk API speaks in a
// "Common error list", a bare JSON array of
// { code: <integer>, message, description }, several entries at once (one per problem of a
// refused address); the gateway in one object { code: 40 | 41 | 42 | ..., message, description };
// other servers in objects with a text code, or in HTML pages. The core normalises the document
// ({ code, message, description, problems: [{ field, code, message, description }] }); this module
// decides what speaks for the API (JSON only: an HTML page is a gateway's, not the API's words)
// and writes the error people see.
import {
  ADDRESS_ELEMENTS, BtalkApiError, MAX_API_MESSAGE_LENGTH, codeForStatus, isPlainObject, messageForStatus, parseRetryAfter,
} from './client-common.js';

/** The gateway's 401 codes (Orange Developer): missing, invalid and expired credentials. */
export const GATEWAY_MISSING_CREDENTIALS = 40;
export const GATEWAY_INVALID_CREDENTIALS = 41;
export const GATEWAY_EXPIRED_CREDENTIALS = 42;

// The names an API text can give the field it is about: an address element or an order parameter,
// as a whole word ("pc", "hno", "parameters.technicalSiteName"; not "area1" nor "capc").
const FIELD_NAME = new RegExp(`(?<![\\p{L}\\p{N}_])(${ADDRESS_ELEMENTS}|dialZone|technicalSiteName|customerSiteLabel|vpnId|customerOrderReference)(?![\\p{L}\\p{N}_])`, 'u');

/** The first field `text` names by its code name, or ''. */
export const fieldNamedIn = (text) => (typeof text === 'string' ? FIELD_NAME.exec(text)?.[1] ?? '' : '');

/** An API code as sent: an integer, or a non-empty text; undefined otherwise. */
function apiCodeOf(value) {
  if (Number.isInteger(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

/**
 * The gateway's numeric code of a 401 body (40, 41, 42, as a number or its digits), or undefined.
 * Only the gateway's single object counts: a list is the Business Talk API itself speaking.
 */
export function gatewayCodeOf(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  const { code } = value;
  const number = typeof code === 'string' && /^\d{1,3}$/.test(code.trim()) ? Number(code) : code;
  return Number.isInteger(number) ? number : undefined;
}

const clip = (text) => (text.length > MAX_API_MESSAGE_LENGTH ? `${text.slice(0, MAX_API_MESSAGE_LENGTH - 1)}…` : text);

/** "message", or "message: description" when the description adds something the message does not say. */
export function apiSentence(message, description) {
  const said = typeof message === 'string' ? message.trim() : '';
  const more = typeof description === 'string' ? description.trim() : '';
  if (!said) return clip(more);
  if (!more || said.toLowerCase().includes(more.toLowerCase())) return clip(said);
  return clip(/[.!?:;]$/.test(said) ? `${said} ${more}` : `${said}: ${more}`);
}

/**
 * The error for `answer` ({ status, text, headers }), from `body`: the core's apiError
 * normalisation of its text (redacted), or null when it could not be read.
 * @param {{ status: number, text: string, headers?: Headers }} answer
 * @param {string} path
 * @param {object|null} body
 */
export function apiErrorFor(answer, path, body) {
  const { status } = answer;
  const retryAfterMs = parseRetryAfter(answer.headers?.get?.('retry-after') ?? null);
  // Only a JSON document (an object or the API's list) speaks for the API: a text body may be a
  // gateway's HTML page or a proxy's own words.
  let structured = false;
  try {
    const value = JSON.parse(answer.text);
    structured = value !== null && typeof value === 'object';
  } catch {
    structured = false;
  }
  const document = structured && isPlainObject(body) ? body : null;
  const problems = Array.isArray(document?.problems)
    ? document.problems.filter(isPlainObject).map(({ field, code, message, description }) => ({
      // Its own field, else the one its message (or description) names.
      field: (typeof field === 'string' && field) || fieldNamedIn(message) || fieldNamedIn(description),
      code: apiCodeOf(code) ?? 'invalid',
      // The entry's own words (the core gives the description when the message is empty); its
      // description stays apart, so a field's text is the API's sentence for it, not a paragraph.
      message: typeof message === 'string' ? clip(message.trim()) : '',
      description: typeof description === 'string' ? clip(description.trim()) : '',
    }))
    : [];
  const apiCode = apiCodeOf(document?.code);
  return new BtalkApiError({
    status,
    // A text code stays the error's code (e.g. 'INVALID_ADDRESS'); an integer one is in apiCode,
    // and `code` names the status ('conflict', 'badRequest', ...), which callers can branch on.
    code: typeof apiCode === 'string' ? apiCode : codeForStatus(status),
    apiCode,
    message: messageForStatus(status, document ? apiSentence(document.message, document.description) : '', retryAfterMs),
    body: isPlainObject(body) ? body : null,
    retryAfter: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
    url: path,
    problems,
  });
}
