// Who the check is and how it authenticates: the command line and the environment become one
// checked configuration, and the request headers. Secrets come from the environment only (a flag
// would show in `ps` and in shell history); error messages name a variable, never its value.
import { parseArgs } from 'node:util';
import { DEFAULT_API_BASE, DEFAULT_TOKEN_URL } from '../proxy/index.js';
import { TokenSource } from '../proxy/token.js';

/** The 30 countries of the getting-started guide's "Country configuration status" table. */
export const SEED_COUNTRIES = ['AT', 'AU', 'BE', 'BL', 'CH', 'CZ', 'DE', 'DK', 'ES', 'FI', 'FR', 'GB', 'GF', 'GP', 'HK',
  'IE', 'IT', 'LU', 'MF', 'MQ', 'NL', 'NO', 'NZ', 'PL', 'PT', 'RE', 'SE', 'SJ', 'YT', 'US'];

export const DEFAULT_ORIGIN = 'https://btalk-forms-check.invalid';

/** A mistake in how the check was called: exit code 2, message on stderr. */
export class UsageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UsageError';
  }
}

/** No access token could be had from the token URL: exit code 2. The message holds no server text. */
export class TokenError extends Error {
  constructor(code) {
    const why = {
      UPSTREAM_UNAUTHORIZED: 'refused the client credentials (BTALK_CLIENT_ID, BTALK_CLIENT_SECRET)',
      GATEWAY_TIMEOUT: 'did not answer in time',
    }[code] ?? 'could not be reached, or answered without a usable access_token';
    super(`The OAuth token endpoint ${why}.`);
    this.name = 'TokenError';
  }
}

const OPTIONS = {
  base: { type: 'string' },
  proxy: { type: 'string' },
  customer: { type: 'string' },
  out: { type: 'string' },
  countries: { type: 'string' },
  origin: { type: 'string' },
  'token-url': { type: 'string' },
  timeout: { type: 'string' },
  'request-timeout': { type: 'string' },
  'page-size': { type: 'string' },
  'max-pages': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

const isLoopback = (host) => host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

function httpUrl(value, what, { secretsTravel }) {
  let url;
  try {
    url = new URL(String(value));
  } catch {
    throw new UsageError(`${what} must be an absolute http(s) URL.`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new UsageError(`${what} must be an http(s) URL without user, password, query or fragment.`);
  }
  // Credentials sent in clear text to another machine would be a leak.
  if (secretsTravel && url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new UsageError(`${what} must use https (plain http is accepted for a loopback host only).`);
  }
  return url.href.replace(/\/+$/, '');
}

function number(value, what, { min, max, fallback }) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`${what} must be a number from ${min} to ${max}.`);
  return n;
}

function secretFromEnv(env, name) {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (/[\x00-\x1f\x7f]/.test(value) || value.trim() !== value) {
    throw new UsageError(`${name} holds spaces or control characters around or inside it; set it to the bare value.`);
  }
  return value;
}

/**
 * The checked configuration, from the arguments after `check` and the environment.
 * @returns {{ help: true } | object}
 * @throws UsageError
 */
export function readConfig(argv, env) {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    // parseArgs names the option, e.g. "Unknown option '--tokn'": never a value from the environment.
    throw new UsageError(String(error.message).split('\n')[0].slice(0, 200));
  }
  if (values.help) return { help: true };
  const proxyMode = values.proxy !== undefined;
  if (proxyMode && values.base !== undefined) throw new UsageError('Give --base or --proxy, not both.');
  const countries = values.countries === undefined ? SEED_COUNTRIES
    : [...new Set(values.countries.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean))];
  if (countries.length > 300 || countries.some((c) => !/^[A-Z]{2}$/.test(c))) {
    throw new UsageError('--countries takes ISO 3166 alpha-2 codes separated by commas (e.g. FR,BE,ES).');
  }
  const config = {
    mode: proxyMode ? 'proxy' : 'direct',
    customer: values.customer,
    out: values.out,
    countries,
    timeoutMs: number(values.timeout, '--timeout (seconds)', { min: 1, max: 3600, fallback: 180 }) * 1000,
    requestTimeoutMs: number(values['request-timeout'], '--request-timeout (seconds)', { min: 0.1, max: 300, fallback: 20 }) * 1000,
    pageSize: number(values['page-size'], '--page-size', { min: 1, max: 10000, fallback: 1000 }),
    maxPages: number(values['max-pages'], '--max-pages', { min: 1, max: 1000, fallback: 100 }),
    maxItems: 50_000,
    maxBytes: 16 * 1024 * 1024,
  };
  if (values.customer !== undefined && (values.customer.trim() === '' || values.customer.length > 100)) {
    throw new UsageError('--customer takes a customer code as listed by GET /customers.');
  }
  if (proxyMode) {
    // Through the portal's proxy: it adds the credentials; the check sends none of the API's.
    config.base = httpUrl(values.proxy, '--proxy', { secretsTravel: false });
    config.auth = 'none';
    config.cookie = secretFromEnv(env, 'BTALK_PROXY_COOKIE');
    config.origin = null;
    return config;
  }
  config.base = httpUrl(values.base ?? env.BTALK_API_BASE ?? DEFAULT_API_BASE, '--base (or BTALK_API_BASE)', { secretsTravel: true });
  config.defaultBase = config.base === DEFAULT_API_BASE;
  config.origin = values.origin === undefined ? DEFAULT_ORIGIN : new URL(httpUrl(values.origin, '--origin', { secretsTravel: false })).origin;
  config.apiKey = secretFromEnv(env, 'BTALK_API_KEY');
  if (!config.apiKey) throw new UsageError('BTALK_API_KEY is not set (the 40-character key of the Business Talk Online portal), or use --proxy.');
  config.token = secretFromEnv(env, 'BTALK_TOKEN');
  config.clientId = secretFromEnv(env, 'BTALK_CLIENT_ID');
  config.clientSecret = secretFromEnv(env, 'BTALK_CLIENT_SECRET');
  if (config.token) {
    config.auth = 'token';
  } else if (config.clientId && config.clientSecret) {
    config.auth = 'clientCredentials';
    config.tokenUrl = httpUrl(values['token-url'] ?? env.BTALK_TOKEN_URL ?? DEFAULT_TOKEN_URL, '--token-url (or BTALK_TOKEN_URL)', { secretsTravel: true });
  } else {
    throw new UsageError('Set BTALK_TOKEN, or BTALK_CLIENT_ID and BTALK_CLIENT_SECRET (OAuth client credentials), or use --proxy.');
  }
  return config;
}

/** Every secret of a configuration, for the scrubber. */
export function secretsOf(config) {
  return [config.apiKey, config.token, config.clientId, config.clientSecret, config.cookie].filter(Boolean);
}

/**
 * The request headers and 401 renewal for a configuration.
 * @param {{ timeoutMs: number, onSecret: (secret: string) => void }} options onSecret receives each token
 *   fetched, before it is used (so that the scrubber knows it)
 * @returns {{ headers: () => Promise<object>, renew: (() => Promise<boolean>)|null }}
 * @throws TokenError from headers() when no token can be had
 */
export function credentialsFor(config, { timeoutMs, onSecret }) {
  const common = { Accept: 'application/json' };
  if (config.mode === 'proxy') {
    const headers = config.cookie ? { ...common, Cookie: config.cookie } : common;
    return { headers: async () => ({ ...headers }), renew: null };
  }
  const direct = { ...common, 'X-BT-API-KEY': config.apiKey, Origin: config.origin };
  if (config.auth === 'token') {
    return { headers: async () => ({ ...direct, Authorization: `Bearer ${config.token}` }), renew: null };
  }
  const tokens = new TokenSource({
    tokenUrl: config.tokenUrl, clientId: config.clientId, clientSecret: config.clientSecret, fetch: globalThis.fetch, timeoutMs,
  });
  let renewed = false;
  return {
    headers: async () => {
      let token;
      try {
        token = await tokens.get();
      } catch (error) {
        throw new TokenError(error?.code);
      }
      onSecret(token);
      return { ...direct, Authorization: `Bearer ${token}` };
    },
    // One new token per run after a 401 (the gateway's code 42, expired credentials); never a loop.
    renew: async () => {
      if (renewed) return false;
      renewed = true;
      tokens.invalidate();
      return true;
    },
  };
}
