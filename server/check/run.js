// The check itself: the read-only GETs in order, each answer through the core's parsers, and the
// report (report.js formats it). Customer-scoped answers (me, customers, VPNs, voicesites) leave
// only shapes and counts; customer codes never appear in a path of the report ({customerCode}).
import { createGet } from './http.js';
import { readCollection } from './paging.js';
import { KNOWN_FIELDS, collectValues, fieldStats, unknownFields } from './shapes.js';
import { scrubValues } from './redact.js';
import { coreRead, collectionEntry, errorShape, errorShapeFindings, finding, jsonDocument, answerFindings } from './analyze.js';
import { checkCountry } from './countries.js';
import { credentialsFor } from './credentials.js';

export const UNKNOWN_PATH = '/btalk-forms-check/no-such-resource';
const COUNTRY_CONCURRENCY = 3;

async function pool(items, limit, task, signal) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal.aborted) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results.filter(Boolean);
}

/**
 * Runs the check.
 * @param {object} config from readConfig()
 * @param {object} deps { core, scrubber }
 * @returns {Promise<object>} the report (not yet scrubbed: report.js does it when writing)
 */
export async function runCheck(config, { core, scrubber }) {
  const started = Date.now();
  const signal = AbortSignal.timeout(config.timeoutMs);
  const requests = [];
  const findings = [];
  const customerValues = new Set(config.customer ? [config.customer] : []);
  const scrubText = (text) => scrubber.scrub(scrubValues(text, customerValues));
  const creds = credentialsFor(config, { timeoutMs: config.requestTimeoutMs, onSecret: (s) => scrubber.add(s) });
  const get = createGet({
    base: config.base, headers: creds.headers, renewCredentials: creds.renew, timeoutMs: config.requestTimeoutMs,
    signal, maxBytes: config.maxBytes, log: (entry) => requests.push(entry),
  });
  const paging = { pageSize: config.pageSize, maxPages: config.maxPages, maxItems: config.maxItems };
  const ctx = { get, core, mode: config.mode, origin: config.origin, paging, scrubText };
  const report = {
    tool: 'btalk-forms check',
    coreVersion: core.version,
    startedAt: new Date(started).toISOString(),
    target: {
      mode: config.mode,
      base: config.defaultBase ? config.base : `(${new URL(config.base).protocol.slice(0, -1)} base given by ${config.mode === 'proxy' ? '--proxy' : '--base or BTALK_API_BASE'})`,
      basePath: new URL(config.base).pathname,
      auth: config.auth,
      originSent: config.origin,
      countries: config.countries,
    },
    me: null,
    collections: [],
    countries: [],
    unknownPath: null,
    findings,
    requests,
  };
  const collection = async (kind, endpoint, { required, idKeys }) => {
    const result = await readCollection(get, endpoint, { ...paging, idKeys });
    if (['customers', 'vpns', 'voicesites'].includes(kind)) collectValues(result.items, customerValues);
    const { entry, findings: found } = collectionEntry(result, { kind, endpoint, required, ...ctx });
    report.collections.push(entry);
    findings.push(...found);
    return result;
  };

  // /me: are the credentials good at all? Without it nothing else is worth asking.
  const meEp = { template: '/me', path: '/me' };
  const meAnswer = await get(meEp);
  report.me = { status: meAnswer.status ?? meAnswer.error };
  if (!meAnswer.error && (meAnswer.status === 401 || meAnswer.status === 403)) {
    report.me.error = errorShape(meAnswer, core, scrubText);
    findings.push(finding('connection', 'authRefused', '/me',
      `HTTP ${meAnswer.status}: the credentials are refused${config.mode === 'proxy' ? ' (is the proxy gated? set BTALK_PROXY_COOKIE to a signed-in session)' : ''}; nothing else was checked.`));
    findings.push(...errorShapeFindings('/me', report.me.error));
    return finish(report, started);
  }
  const me = jsonDocument(meEp, meAnswer);
  findings.push(...me.findings);
  if (meAnswer.error) return finish(report, started);
  if (me.value !== null) {
    const parsed = coreRead(() => core.parseResponse('me', meAnswer.text));
    report.me.core = parsed.ok
      ? { read: true, rightsProfile: /^[A-Za-z_-]{1,30}$/.test(parsed.value.rightsProfile) ? parsed.value.rightsProfile : '(other)', canOrder: parsed.value.canOrder }
      : { read: false, error: parsed.error };
    if (!parsed.ok) findings.push(finding('error', 'refusedDocument', '/me', `The core refuses the answer: ${parsed.error.code}: ${parsed.error.message}`));
    report.me.unknownFields = unknownFields(fieldStats([me.value]), KNOWN_FIELDS.me);
    if (report.me.unknownFields.length) {
      findings.push(finding('notice', 'unknownFields', '/me', `Fields the product does not read: ${report.me.unknownFields.join(', ')}.`));
    }
  } else if (!meAnswer.error && meAnswer.status >= 400) {
    report.me.error = errorShape(meAnswer, core, scrubText);
    findings.push(...errorShapeFindings('/me', report.me.error));
  }

  const customers = await collection('customers', { template: '/customers', path: '/customers' }, { required: true, idKeys: ['customerCode'] });
  const codes = customers.items.map((c) => c?.customerCode).filter((c) => typeof c === 'string' || typeof c === 'number').map(String);
  let code = codes[0];
  if (config.customer !== undefined) {
    code = codes.includes(config.customer) ? config.customer : undefined;
    if (!code && !customers.failure) findings.push(finding('connection', 'customerNotListed', '/customers', 'The customer given by --customer is not among those of GET /customers; customer resources were not checked.'));
  } else if (code === undefined && !customers.failure) {
    findings.push(finding('warning', 'noCustomer', '/customers', 'GET /customers lists no customer: VPNs and voicesites were not checked.'));
  }
  report.customersListed = codes.length;
  if (code !== undefined) {
    const c = encodeURIComponent(code);
    await collection('vpns', { template: '/customers/{customerCode}/vpns', path: `/customers/${c}/vpns` }, { required: true, idKeys: ['vpnId'] });
    await collection('voicesites', { template: '/voicesites', path: '/voicesites' }, { required: true, idKeys: ['voiceSiteId', 'id'] });
    // The real client's path (every resource under /customers/{c}); the product uses /voicesites.
    await collection('voicesites', { template: '/customers/{customerCode}/voicesites', path: `/customers/${c}/voicesites` }, { required: false, idKeys: ['voiceSiteId', 'id'] });
  }
  await collection('countries', { template: '/countries', path: '/countries' }, { required: true, idKeys: ['iso2', 'code'] });

  const results = await pool(config.countries, COUNTRY_CONCURRENCY, (iso2) => checkCountry(iso2, ctx), signal);
  for (const { entry, findings: found } of results) {
    report.countries.push(entry);
    findings.push(...found);
  }

  // A path that exists nowhere: the error shape the API (or its gateway) really sends.
  const unknownEp = { template: UNKNOWN_PATH, path: UNKNOWN_PATH };
  const unknown = await get(unknownEp);
  if (unknown.error || unknown.crossOriginRedirect || (unknown.status >= 300 && unknown.status < 400)) {
    findings.push(...answerFindings(UNKNOWN_PATH, unknown));
  } else if (unknown.status < 400) {
    report.unknownPath = { status: unknown.status };
    findings.push(finding('warning', 'unknownPathAnswered', UNKNOWN_PATH, `A path that does not exist answered ${unknown.status}.`));
  } else {
    report.unknownPath = errorShape(unknown, core, scrubText);
    findings.push(...errorShapeFindings(UNKNOWN_PATH, report.unknownPath));
  }
  if (signal.aborted) findings.push(finding('connection', 'overallTimeout', null, `The check stopped at its overall bound (${config.timeoutMs / 1000} s); the report is partial.`));
  return finish(report, started);
}

const RANK = { connection: 3, error: 2, warning: 1, notice: 0 };

function finish(report, started) {
  report.durationMs = Date.now() - started;
  // One finding per (severity, code, endpoint, message), the worst first.
  const seen = new Set();
  report.findings = report.findings.filter((f) => {
    const key = JSON.stringify(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).sort((a, b) => RANK[b.severity] - RANK[a.severity]);
  const count = (s) => report.findings.filter((f) => f.severity === s).length;
  report.summary = {
    requests: report.requests.length,
    methods: [...new Set(report.requests.map((r) => r.method))],
    connection: count('connection'), errors: count('error'), warnings: count('warning'), notices: count('notice'),
  };
  report.exitCode = report.summary.connection ? 2 : report.summary.errors ? 1 : 0;
  return report;
}
