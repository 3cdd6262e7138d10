// Turns raw answers into what the product can and cannot read: the core's parsers' verdicts,
// paging, error shapes, CORS headers, unknown fields. Pure functions over answers and a core;
// every text they produce is written here (API text is quoted in one place only: errorShape's
// `message`, after scrubbing). Findings: { severity: 'connection'|'error'|'warning'|'notice', code, endpoint, message }
// ('connection': the check could not complete).
import { KNOWN_FIELDS, fieldStats, unknownFields } from './shapes.js';

const GENERIC_MESSAGES = new Set(['The server reported an error without details',
  'The server answered with a web page instead of an API error']);
const MAX_QUOTE = 200;

export const finding = (severity, code, endpoint, message) => ({ severity, code, endpoint, message });

/** The core's reading of one body: { ok: true, value } or { ok: false, error: { code, message } }. */
export function coreRead(fn) {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, error: { code: String(error?.code ?? 'internal').slice(0, 60), message: String(error?.message ?? error).slice(0, 300) } };
  }
}

/** Findings for an answer that is not a 2xx (or no answer at all). */
export function answerFindings(endpoint, answer, { required = true } = {}) {
  if (answer.error) {
    const code = answer.error === 'overallTimeout' ? 'overallTimeout' : answer.error === 'timeout' ? 'timeout'
      : answer.error === 'tooLarge' ? 'tooLarge' : 'unreachable';
    const severity = code === 'tooLarge' ? 'error' : 'connection';
    return [finding(severity, code, endpoint, `No usable answer: ${answer.detail}.`)];
  }
  if (answer.crossOriginRedirect) {
    return [finding('error', 'crossOriginRedirect', endpoint,
      `Answered ${answer.status} with a redirect to another origin, which is never followed (it would carry the credentials).`)];
  }
  if (answer.tooManyRedirects || (answer.status >= 300 && answer.status < 400)) {
    return [finding('error', 'redirect', endpoint, `Answered ${answer.status}, a redirect the product does not follow.`)];
  }
  if (answer.status >= 200 && answer.status < 300) return [];
  return [finding(required ? 'error' : 'notice', 'httpStatus', endpoint, `Answered HTTP ${answer.status}.`)];
}

/**
 * The shape of an error answer and how much of it the core reads.
 * @param {object} answer { status, headers, text }
 * @param {object} core the loaded core
 * @param {(text: string) => string} scrubText blanks secrets and customer values from a quoted text
 */
export function errorShape(answer, core, scrubText) {
  const text = answer.text ?? '';
  const out = { status: answer.status, contentType: (answer.headers.get('content-type') ?? '').split(';')[0].trim().slice(0, 80) || null };
  let value;
  let json = true;
  try { value = JSON.parse(text); } catch { json = false; }
  let entries = [];
  if (text.trim() === '') out.shape = 'empty';
  else if (!json) out.shape = /^\s*</.test(text) ? 'html' : 'text';
  else if (Array.isArray(value)) { out.shape = 'list'; entries = value; }
  else if (value && typeof value === 'object') { out.shape = 'object'; entries = [value]; }
  else out.shape = 'jsonScalar';
  if (json && entries.length) {
    out.entries = entries.length;
    out.fields = fieldStats(entries);
    out.unknownFields = unknownFields(out.fields, [...KNOWN_FIELDS.apiError, 'problems', 'errors', 'problems.*', 'errors.*']);
    const codes = entries.map((e) => (e && typeof e === 'object' ? e.code : undefined));
    out.codeTypes = [...new Set(codes.map((c) => (c === undefined ? 'absent' : Number.isInteger(c) ? 'integer' : typeof c)))];
    // The documented shape: a list of {code: integer, message: string, description: string}.
    out.documentedShape = out.shape === 'list' && entries.every((e) => e && typeof e === 'object'
      && Number.isInteger(e.code) && typeof e.message === 'string' && typeof e.description === 'string');
  }
  const parsed = coreRead(() => core.parseResponse('apiError', text));
  if (!parsed.ok) {
    out.core = { read: false, error: parsed.error };
    return out;
  }
  const p = parsed.value;
  const texts = [p.message, p.description, ...(Array.isArray(p.problems) ? p.problems.map((x) => x?.message) : [])]
    .filter((t) => typeof t === 'string' && t !== '');
  const entryRead = (e) => e && typeof e === 'object' && typeof e.message === 'string' && e.message.trim() !== ''
    && texts.some((t) => t.includes(e.message.trim()));
  out.core = {
    read: true,
    code: typeof p.code === 'string' && p.code !== '' ? 'read' : 'none',
    message: GENERIC_MESSAGES.has(p.message) ? 'generic' : 'api',
    entriesRead: entries.filter(entryRead).length,
    problems: Array.isArray(p.problems) ? p.problems.length : 0,
  };
  if (typeof p.message === 'string' && out.core.message === 'api') out.message = scrubText(p.message).slice(0, MAX_QUOTE);
  return out;
}

/** Findings for one error shape (where: the endpoint template). */
export function errorShapeFindings(where, shape) {
  const out = [];
  if (shape.shape === 'html' || shape.shape === 'text' || shape.shape === 'jsonScalar') {
    out.push(finding('error', 'errorNotJson', where,
      `HTTP ${shape.status} answered with ${shape.shape === 'html' ? 'an HTML page' : 'non-JSON text'}: the product shows a generic message, not the API's reason.`));
  } else if (shape.shape === 'empty') {
    out.push(finding('warning', 'errorEmpty', where, `HTTP ${shape.status} answered with an empty body: the product shows a generic message.`));
  } else if (!shape.core?.read) {
    out.push(finding('error', 'errorRefused', where, `The core cannot read the error document (${shape.core?.error?.code}).`));
  } else if (shape.entries > 0 && shape.core.entriesRead < shape.entries) {
    out.push(finding('error', 'errorListPartlyRead', where,
      `The error holds ${shape.entries} entr${shape.entries === 1 ? 'y' : 'ies'}; the product reads ${shape.core.entriesRead} of them.`));
  }
  if (shape.shape === 'object') {
    out.push(finding('notice', 'errorObject', where,
      `HTTP ${shape.status} answered with one object (the gateway's form), not the documented list of {code, message, description}.`));
  }
  if (shape.codeTypes?.some((t) => t !== 'integer')) {
    out.push(finding('notice', 'errorCodeType', where, `Error codes are ${shape.codeTypes.join(', ')} (the reference documents integers).`));
  }
  return out;
}

/** CORS headers of answers (direct mode): what a browser on `origin` could read. */
export function corsOf(answers, origin) {
  const ok = answers.filter((a) => !a.error && a.status >= 200 && a.status < 300);
  if (ok.length === 0) return null;
  const allow = new Set(ok.map((a) => {
    const value = a.headers.get('access-control-allow-origin');
    if (value === null) return 'absent';
    if (value.trim() === '*') return 'any';
    return value.trim() === origin ? 'origin' : 'other';
  }));
  const exposed = new Set();
  for (const a of ok) {
    for (const name of (a.headers.get('access-control-expose-headers') ?? '').split(',')) {
      const n = name.trim().toLowerCase();
      if (n) exposed.add(n);
    }
  }
  const exposes = (name) => exposed.has('*') || exposed.has(name);
  return {
    allowOrigin: [...allow].sort(),
    exposeHeaders: [...exposed].filter((n) => /^[a-z0-9-]{1,64}$|^\*$/.test(n)).sort(),
    totalCountExposed: exposes('x-total-count'),
    resultCountExposed: exposes('x-result-count'),
  };
}

/**
 * The report entry and findings of one collection (readCollection's result).
 * @param {object} options { kind, endpoint, required, mode ('direct'|'proxy'), origin, core, scrubText }
 */
export function collectionEntry(result, { kind, endpoint, required, mode, origin, core, scrubText }) {
  const findings = [];
  const entry = { endpoint: endpoint.template, kind, status: result.answers.map((a) => a.status ?? a.error) };
  if (result.failure && result.items.length === 0) {
    const f = result.failure;
    findings.push(...answerFindings(endpoint.template, f, { required }));
    if (!f.error && f.status >= 200 && f.status < 300) {
      findings.push(finding(required ? 'error' : 'warning', 'refusedDocument', endpoint.template, f.notJson
        ? 'A success answer that is not JSON.' : `A success answer that is not a list (${f.notList}).`));
    }
    if (!f.error && f.status >= 400) entry.error = errorShape(f, core, scrubText);
    if (entry.error) findings.push(...errorShapeFindings(endpoint.template, entry.error));
    entry.readable = false;
    // A path the product does not use: what it shows is worth knowing, not a failure of the product.
    if (!required) for (const f of findings) if (f.severity === 'error') f.severity = 'warning';
    return { entry, findings };
  }
  if (result.failure) findings.push(...answerFindings(endpoint.template, result.failure, { required }));
  // Every page through the core's parser, as the product reads it.
  let parsedItems = 0;
  let refused = null;
  for (const answer of result.pageAnswers) {
    const parsed = coreRead(() => core.parseResponse(kind, answer.text));
    if (!parsed.ok) { refused ??= parsed.error; continue; }
    if (Array.isArray(parsed.value)) parsedItems += parsed.value.length;
  }
  entry.paging = result.paging;
  entry.fields = fieldStats(result.items);
  entry.unknownFields = unknownFields(entry.fields, KNOWN_FIELDS[kind] ?? []);
  entry.core = refused ? { read: false, error: { code: refused.code, message: scrubText(refused.message) } } : { read: true, items: parsedItems };
  entry.readable = !refused && !result.failure;
  if (refused) {
    findings.push(finding('error', 'refusedDocument', endpoint.template, `The core refuses the answer: ${refused.code}: ${scrubText(refused.message)}`));
  }
  if (mode === 'direct') entry.cors = corsOf(result.answers, origin);
  findings.push(...pagingFindings(endpoint.template, result.paging, mode, entry.cors));
  if (entry.unknownFields.length) {
    findings.push(finding('notice', 'unknownFields', endpoint.template, `Fields the product does not read: ${entry.unknownFields.join(', ')}.`));
  }
  return { entry, findings };
}

/** What paging means for the product: the short-page rule, headers, CORS exposure, bounds. */
export function pagingFindings(where, paging, mode, cors) {
  const out = [];
  const truncates = paging.shortPageRuleReads < paging.items;
  const totalReadable = paging.headers === 'both' || paging.headers === 'totalOnly';
  const browserReadsTotal = mode !== 'direct' || !cors || cors.totalCountExposed;
  if (truncates && !totalReadable) {
    out.push(finding('error', 'pagingTruncated', where,
      `No X-Total-Count and the server answers at most ${paging.serverPageCap ?? paging.pageCounts[0]} items a page: the product stops at the first short page with ${paging.shortPageRuleReads} of ${paging.items} items.`));
  } else if (truncates && !browserReadsTotal) {
    out.push(finding('error', 'pagingTruncatedInBrowser', where,
      `X-Total-Count is not in Access-Control-Expose-Headers: a browser calling the API directly stops at ${paging.shortPageRuleReads} of ${paging.items} items (use the proxy, or expose the header).`));
  }
  if (paging.headers === 'none') {
    out.push(finding('notice', 'pagingNoHeaders', where, 'No X-Total-Count or X-Result-Count: the product relies on the short-page rule.'));
  } else if (paging.headers !== 'both') {
    out.push(finding('notice', 'pagingPartialHeaders', where, `Paging headers: ${paging.headers} (the reference sends both on every page).`));
  }
  if (mode === 'direct' && cors && totalReadable && !cors.totalCountExposed && !truncates) {
    out.push(finding('warning', 'pagingHeadersNotExposed', where,
      'X-Total-Count is sent but not exposed to browsers (Access-Control-Expose-Headers): in direct mode the product falls back to the short-page rule.'));
  }
  if (paging.totalMatches === false) {
    out.push(finding('warning', 'pagingTotalMismatch', where, `X-Total-Count says ${paging.totalCount}; ${paging.items} items came.`));
  }
  if (paging.resultCountMatches === false) {
    out.push(finding('warning', 'pagingResultCountMismatch', where, 'X-Result-Count differs from the number of items on a page.'));
  }
  if (paging.end === 'bound') {
    out.push(finding('warning', 'pagingBound', where, `Stopped at the check's bound (${paging.pages} pages, ${paging.items} items); the collection may hold more.`));
  }
  if (paging.offsetIgnored) {
    out.push(finding(paging.pageCounts[0] >= paging.pageSizeAsked ? 'error' : 'notice', 'pagingOffsetIgnored', where,
      'The server ignores offset (the next page repeats the first).'));
  }
  if (paging.duplicates > 0) {
    out.push(finding('warning', 'pagingDuplicates', where, `${paging.duplicates} item(s) came twice across pages (unstable order?).`));
  }
  if (paging.longerThan40) {
    out.push(finding('notice', 'longCollection', where, `${paging.items} items: longer than the API's default page of 40.`));
  }
  return out;
}

/** The JSON value of a 2xx answer, or null (with findings) when there is none. */
export function jsonDocument(endpoint, answer, { required = true, notFoundIsAbsent = false } = {}) {
  if (notFoundIsAbsent && !answer.error && answer.status === 404) return { value: null, absent: true, findings: [] };
  const findings = answerFindings(endpoint.template, answer, { required });
  if (findings.length) return { value: null, findings };
  try {
    return { value: JSON.parse(answer.text), findings: [] };
  } catch {
    return { value: null, findings: [finding(required ? 'error' : 'warning', 'refusedDocument', endpoint.template, 'A success answer that is not JSON.')] };
  }
}

