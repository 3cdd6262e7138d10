// What a failure means to the person filling in <btalk-voicesite-order>: one catalogue key
// (never a code in brackets: codes and statuses stay in the btalk-error detail), whether
// trying again can help, whether it is about access (shown once, in the access step), and
// which field to change when the API refused a value. DOM-free, unit-tested in Node.
import { apiSentence } from '../../http/api-errors.js';

/** Failures that concern the credentials or the rights of the key, whatever the call. */
const ACCESS_KEYS = new Set(['error.config', 'error.notConfigured', 'error.credentials', 'error.credentialsInvalid', 'error.401',
  'error.unknownKey', 'error.403']);

// API codes that name the field the user must change, when the answer has no problems list.
const FIELD_OF_CODE = {
  TECHNICAL_SITE_NAME_IN_USE: 'technicalSiteName',
  COUNTRY_NOT_COVERED: 'country',
  UNKNOWN_VPN: 'vpnId',
};

/** The API's field problems ("parameters.x" -> x), kept to the fields in `fields`. */
export function apiProblemsOf(error, fields) {
  const list = Array.isArray(error?.problems) && error.problems.length ? error.problems
    : Array.isArray(error?.body?.problems) ? error.body.problems : [];
  return list
    .filter((p) => p && typeof p.field === 'string')
    .map((p) => ({
      field: p.field.replace(/^parameters\./, ''),
      code: typeof p.code === 'string' || Number.isInteger(p.code) ? String(p.code) : 'invalid',
      message: typeof p.message === 'string' ? p.message : '',
      fromApi: true,
    }))
    .filter((p) => fields.includes(p.field));
}

/**
 * The API's own words for what it refused, each once: every entry of its error list that is not
 * shown beside one of `fields` (with its description when that adds something); without a list,
 * its message.
 */
export function apiWords(error, fields = []) {
  const list = Array.isArray(error?.problems) && error.problems.length ? error.problems
    : Array.isArray(error?.body?.problems) ? error.body.problems : [];
  const words = [];
  for (const problem of list) {
    const field = typeof problem?.field === 'string' ? problem.field.replace(/^parameters\./, '') : '';
    if (fields.includes(field)) continue;
    const text = apiSentence(problem?.message, problem?.description);
    if (text && !words.includes(text)) words.push(text);
  }
  if (list.length) return words.join(' ');
  return typeof error?.body?.message === 'string' ? error.body.message.trim() : '';
}

/**
 * Describes `error` for the user.
 * @returns {{ key: string, params: object, detail: string, retry: boolean, access: boolean,
 *   field: string, code: string, status: number }}
 *   key: catalogue key of the one sentence to show; detail: the API's own words when they add
 *   something (data, shown as text), else ''; retry: whether the same call can succeed again;
 *   access: the failure concerns the credentials or the key (shown once, in the access step);
 *   field: the order field to change ('' if none).
 */
export function describeFailure(error, { fields = [] } = {}) {
  const status = Number(error?.status) || 0;
  const code = typeof error?.code === 'string' ? error.code : '';
  const problems = apiProblemsOf(error, fields);
  // What the API said beyond the fields it named (those show their own text beside them).
  const apiMessage = apiWords(error, problems.map((p) => p.field));
  const field = problems[0]?.field ?? FIELD_OF_CODE[code] ?? '';
  let key;
  let retry = true;
  let detail = '';
  if (error?.name === 'BtalkCoreError') {
    key = 'error.core';
  } else if (code === 'notConfigured') {
    // No client, credentials nor api-base (internal/shared.js clientFor): nothing was asked; setting one loads.
    key = 'error.notConfigured';
    retry = false;
  } else if (error instanceof TypeError) {
    // A page set-up problem (e.g. credentials with a plain-http base URL): the client's
    // explanation is for the page's developer, and trying again cannot change it.
    key = 'error.config';
    retry = false;
    detail = typeof error.message === 'string' ? error.message : '';
  } else if (code === 'timeout') key = 'error.timeout';
  else if (code === 'network') key = 'error.network';
  else if (code === 'malformedResponse') key = 'error.malformed';
  else if (code === 'credentialsUnavailable') key = 'error.credentials';
  else if (code === 'invalidCredentials') key = 'error.credentialsInvalid';
  else if (code === 'credentialsExpired') key = 'error.expired';
  else if (code === 'invalidOrder') {
    key = 'order.invalid.core';
    retry = false;
  } else if (status === 401) key = 'error.401';
  else if (status === 403) {
    key = code === 'UNKNOWN_API_KEY' ? 'error.unknownKey' : 'error.403';
    // Which key or customer, and why: the API's words (its codes are not public, so not mapped).
    if (key === 'error.403') detail = apiMessage;
  } else if (status === 409 && field === 'technicalSiteName') {
    key = 'error.siteNameInUse';
    retry = false;
    detail = apiMessage;
  } else if ((status === 400 || status === 409 || status === 422) && field) {
    key = 'error.fields';
    retry = false;
    detail = apiMessage;
  } else if (status === 429) key = 'error.busy';
  else if (status >= 500) {
    key = 'error.unavailable';
    detail = apiMessage;
  } else if (status === 404) {
    key = 'error.notFound';
    retry = false;
    detail = apiMessage;
  } else if (status >= 400) {
    key = 'error.refused';
    retry = false;
    detail = apiMessage;
  } else key = 'error.unknown';
  return { key, params: {}, detail, retry, access: ACCESS_KEYS.has(key), field, code, status };
}
