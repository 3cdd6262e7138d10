// Fault injection: latency, failures (429/500/503), dropped connections,
// truncated JSON and lost answers (the request is carried out, then the
// connection is cut), from options (random, reproducible with a seed) or from
// per-request X-Standin-* headers. Lets client and browser tests exercise
// retries, timeouts, malformed-response handling and "did my order go through?"
// against a real socket.
import { errorBody } from './http.js';

const FAIL_STATUSES = new Set([429, 500, 503]);
const MAX_LATENCY_MS = 60_000;

/** mulberry32: a tiny deterministic PRNG, so a seed replays the same faults. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rate(value, name) {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new TypeError(`faults.${name} must be a number from 0 to 1`);
  }
  return value;
}

/** Checks and fills a faults object; throws TypeError naming the bad setting. */
export function normalizeFaults(input = {}) {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new TypeError('faults must be an object');
  }
  const known = ['latencyMs', 'failRate', 'failStatus', 'retryAfterSeconds', 'dropRate', 'malformedRate', 'loseAnswerRate', 'seed'];
  for (const key of Object.keys(input)) {
    if (!known.includes(key)) throw new TypeError(`faults.${key} is not a known setting (${known.join(', ')})`);
  }
  const latencyMs = input.latencyMs ?? 0;
  if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
    throw new TypeError(`faults.latencyMs must be an integer from 0 to ${MAX_LATENCY_MS}`);
  }
  const failStatus = input.failStatus ?? 503;
  if (!FAIL_STATUSES.has(failStatus)) throw new TypeError('faults.failStatus must be 429, 500 or 503');
  const retryAfterSeconds = input.retryAfterSeconds ?? 1;
  if (!Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0 || retryAfterSeconds > 3600) {
    throw new TypeError('faults.retryAfterSeconds must be an integer from 0 to 3600');
  }
  const seed = input.seed;
  if (seed !== undefined && !Number.isInteger(seed)) throw new TypeError('faults.seed must be an integer');
  return {
    latencyMs,
    failRate: rate(input.failRate, 'failRate'),
    failStatus,
    retryAfterSeconds,
    dropRate: rate(input.dropRate, 'dropRate'),
    malformedRate: rate(input.malformedRate, 'malformedRate'),
    loseAnswerRate: rate(input.loseAnswerRate, 'loseAnswerRate'),
    ...(seed === undefined ? {} : { seed }),
  };
}

/**
 * Holds the current fault settings and decides, per request, what goes wrong.
 * Every request draws the same numbers in the same order (a fourth one only
 * when loseAnswerRate is set, so older seeds replay as before), so with a seed
 * the n-th request always meets the same fate.
 */
export class FaultPlanner {
  constructor(faults) {
    this.set(faults);
  }

  set(faults) {
    this.settings = normalizeFaults(faults);
    this.random = seededRandom(this.settings.seed ?? Math.floor(Math.random() * 2 ** 32));
  }

  plan(headers, allowHeaders) {
    const s = this.settings;
    const dropDraw = this.random();
    const failDraw = this.random();
    const malformedDraw = this.random();
    const plan = {
      latencyMs: s.latencyMs,
      drop: dropDraw < s.dropRate,
      failStatus: failDraw < s.failRate ? s.failStatus : null,
      malformed: malformedDraw < s.malformedRate,
      // Carried out, then the connection is cut before any answer: a lost answer.
      loseAnswer: s.loseAnswerRate > 0 && this.random() < s.loseAnswerRate,
      retryAfterSeconds: s.retryAfterSeconds,
    };
    if (allowHeaders) {
      const latency = Number.parseInt(headers['x-standin-latency'], 10);
      if (Number.isFinite(latency) && latency >= 0) plan.latencyMs = Math.min(latency, MAX_LATENCY_MS);
      const fail = Number.parseInt(headers['x-standin-fail'], 10);
      if (FAIL_STATUSES.has(fail)) plan.failStatus = fail;
      if (headers['x-standin-drop'] === '1') plan.drop = true;
      if (headers['x-standin-malformed'] === '1') plan.malformed = true;
      if (headers['x-standin-lose-answer'] === '1') plan.loseAnswer = true;
    }
    return plan;
  }
}

const FAILURES = {
  429: ['TOO_MANY_REQUESTS', 'Too many requests: retry later.'],
  500: ['INTERNAL_ERROR', 'Internal server error (injected by the stand-in).'],
  503: ['SERVICE_UNAVAILABLE', 'Service temporarily unavailable (injected by the stand-in).'],
};

/** The answer for an injected failure; a 429 always says when to retry. `shape`: see errorBody. */
export function failureReply(status, retryAfterSeconds, shape) {
  const [code, message] = FAILURES[status];
  const headers = {};
  if (status === 429) headers['Retry-After'] = String(retryAfterSeconds);
  return { status, body: errorBody(code, message, { shape }), headers };
}

/** A JSON text cut short so that no JSON parser accepts it. */
export function truncateJson(text) {
  let cut = text.slice(0, Math.ceil(text.length / 2));
  try {
    JSON.parse(cut);
    cut = `{"${cut}`;
  } catch {
    // already unparsable: what we want
  }
  return cut;
}
