// The proxy's OAuth access token: client credentials (RFC 6749 §4.4), Basic client
// authentication, cached until shortly before it expires; concurrent requests share one
// token request. Nothing here logs, and no error carries a secret or the token endpoint's text.
import { ProxyError } from './http.js';

const MIN_LIFETIME_S = 1;
const DEFAULT_LIFETIME_S = 3600;
const MAX_TOKEN_BYTES = 64 * 1024;

/** RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded. */
function basicCredentials(clientId, clientSecret) {
  const encode = (value) => encodeURIComponent(value).replace(/%20/g, '+');
  return Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64');
}

export class TokenSource {
  #options;
  #token = null;
  #expiresAt = 0;
  #pending = null;

  constructor({ tokenUrl, clientId, clientSecret, fetch, timeoutMs, now = Date.now }) {
    this.#options = { tokenUrl, basic: basicCredentials(clientId, clientSecret), fetch, timeoutMs, now };
  }

  /** The token in use (for redaction), or null. */
  current() {
    return this.#token;
  }

  /** A valid token: the cached one, or one fresh request shared by every caller waiting. */
  get() {
    if (this.#token && this.#options.now() < this.#expiresAt) return Promise.resolve(this.#token);
    this.#pending ??= this.#request().finally(() => { this.#pending = null; });
    return this.#pending;
  }

  /** The next get() asks for a new token (after the API refused this one). */
  invalidate() {
    this.#token = null;
    this.#expiresAt = 0;
  }

  async #request() {
    const { tokenUrl, basic, fetch, timeoutMs, now } = this.#options;
    let response;
    try {
      response = await fetch(tokenUrl, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${basic}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if (error?.name === 'TimeoutError') {
        throw new ProxyError(504, 'GATEWAY_TIMEOUT', 'The Business Talk token endpoint did not answer in time. Try again.');
      }
      throw new ProxyError(502, 'BAD_GATEWAY', 'The Business Talk token endpoint could not be reached. Try again.');
    }
    let body = null;
    try {
      const text = await response.text();
      if (text.length <= MAX_TOKEN_BYTES) body = JSON.parse(text);
    } catch {
      body = null;
    }
    const token = body?.access_token;
    if (!response.ok || typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) {
      const refused = response.status === 400 || response.status === 401;
      throw new ProxyError(502, refused ? 'UPSTREAM_UNAUTHORIZED' : 'BAD_GATEWAY', refused
        ? 'The Business Talk token endpoint refused the proxy\'s client credentials.'
        : `The Business Talk token endpoint failed (${response.status}).`);
    }
    const lifetime = Number(body.expires_in);
    const seconds = Number.isFinite(lifetime) && lifetime >= MIN_LIFETIME_S ? lifetime : DEFAULT_LIFETIME_S;
    // Renewed a little before it expires: a minute early, or a tenth of a short lifetime.
    const margin = Math.min(60, seconds / 10);
    this.#token = token;
    this.#expiresAt = now() + (seconds - margin) * 1000;
    return token;
  }
}
