// A fetch-based client for the Business Talk REST API (btalk/v1): BtalkAddressClient (the address
// look-ups, web/address-client.js) plus customers, VPNs, the country list, voicesites and orders,
// parsing with the full core (loadCore()). Both share one transport (http/transport.js).
//
// Works in browsers and Node 20: no Node-only imports, only fetch, AbortController,
// URL and URLSearchParams. Responses are normalised by the wasm core
// (core.parseResponse), so the components see one shape whatever variant the API sends.
//
// Secrets (access token, API key) only ever go into request headers: never into a
// URL, an error, a log line (this module never logs) or storage. They live in a
// private field of the client's transport.

import { loadCore } from './core.js';
import { isBuiltOrderBody } from './core-loader/core-order.js';
import { BtalkAddressClient, CLIENT_DEFAULTS } from './address-client.js';
import { BtalkApiError, invalidArgument, segment, untilAborted } from './http/client-common.js';
import { PAGE_LIMIT as MAX_PAGE_LIMIT } from './http/paging.js';
import { transportOf } from './http/transport.js';

export { BtalkAddressClient };
export { BtalkApiError, DEFAULT_BASE_URL, MAX_RESPONSE_BYTES, parseRetryAfter } from './http/client-common.js';

/**
 * The Business Talk API client.
 *
 * Two modes:
 * - proxy (no `credentials`): no auth header is sent; a same-origin proxy adds them.
 *   Recommended for portals: the secrets never reach the browser.
 * - direct (`credentials`: async () => ({ accessToken, apiKey })): called before the
 *   first request, cached, dropped after any 401 and asked again by the next request. A GET
 *   answered by the gateway's 42 (expired) is sent once more with new credentials; 40 and 41
 *   (missing, invalid) are answered at once; a POST or PUT is never sent again
 *   ('credentialsExpired' after a 42).
 *
 * GETs are retried (up to `retries` times) on 429/502/503/504 and network errors, with
 * exponential backoff and jitter, honouring Retry-After up to `maxRetryDelayMs`: when the
 * API asks for a longer wait the error is returned at once with `retryAfter` set.
 * Timeouts are not retried (the caller already waited `timeoutMs`). POST and PUT are never
 * retried, not even after a 401.
 * Redirects are never followed ('redirectRefused'), and an answer over MAX_RESPONSE_BYTES is
 * abandoned as it streams in ('responseTooLarge'). Retry-After is clamped to a day.
 */
export class BtalkClient extends BtalkAddressClient {
  static [CLIENT_DEFAULTS] = { label: 'BtalkClient', loadCore };

  #orders = new Map(); // customerCode + reference -> Promise<order>

  /** GET /me -> { rightsProfile, canOrder } */
  async me({ signal } = {}) {
    return transportOf(this).getParsed('/me', 'me', { signal });
  }

  /** GET /customers (every page) -> [{ customerCode, name, contractNumber, type }] */
  async customers({ signal } = {}) {
    return transportOf(this).collection('/customers', 'customers', { signal });
  }

  /** GET /customers/{customerCode}/vpns (every page) -> [{ vpnId, name, vpnCode }] */
  async vpns(customerCode, { signal } = {}) {
    return transportOf(this).collection(`/customers/${segment(customerCode, 'customer code')}/vpns`, 'vpns', { signal });
  }

  /** GET /countries (every page) -> [{ iso2, name, covered }] (cached) */
  async countries({ signal } = {}) {
    return transportOf(this).collection('/countries', 'countries', { signal, cache: true });
  }

  /**
   * GET /voicesites -> [{ voiceSiteId, technicalSiteName, customerSiteLabel, country, vpnId, status, hasVoiceAddress,
   * customerCode, voiceAddress }], every page. With `offset` or `limit`, one page only, as the server pages it:
   * -> { items, total } (`total`: X-Total-Count, undefined when the API does not say), for lists too long to hold.
   */
  async voicesites({ signal, offset, limit } = {}) {
    const t = transportOf(this);
    if (offset === undefined && limit === undefined) return t.collection('/voicesites', 'voicesites', { signal });
    const first = offset ?? 0;
    const size = limit ?? MAX_PAGE_LIMIT;
    if (!Number.isInteger(first) || first < 0) throw invalidArgument('The voicesites offset must be an integer >= 0.');
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_LIMIT) {
      throw invalidArgument(`The voicesites limit must be an integer from 1 to ${MAX_PAGE_LIMIT}.`);
    }
    return t.page('/voicesites', 'voicesites', { signal, offset: first, limit: size });
  }

  /**
   * Orders a voicesite: POST /customers/{code}/orders/voicesite with core.buildOrderRequest(order)
   * (one core call validates and builds); if that path answers 404 or 405, POST
   * /customers/{code}/orders with productReference 'voicesite'.
   * `body`: the order's body from core.orderRequest(order), when the caller validated with it (the
   * order element does): posted as it is, with no second validation. A body the core did not
   * build is not trusted: the order is then validated here.
   * A second call with the same customerOrderReference while the first is in flight shares it.
   * -> { orderId, customerOrderReference, status, voiceSiteId }
   */
  async orderVoicesite(customerCode, order, { signal, body: built } = {}) {
    const customer = segment(customerCode, 'customer code');
    let body = isBuiltOrderBody(built) ? built : null;
    if (!body) {
      const core = await transportOf(this).core();
      try {
        body = core.buildOrderRequest(order);
      } catch (error) {
        if (error?.name !== 'BtalkCoreError') throw error;
        throw new BtalkApiError({ code: 'invalidOrder', message: error.message, problems: error.problems });
      }
    }
    const key = `${customer}\u0000${body.customerOrderReference}`;
    let pending = this.#orders.get(key);
    if (!pending) {
      pending = this.#postOrder(customer, body).finally(() => this.#orders.delete(key));
      this.#orders.set(key, pending);
    }
    return untilAborted(pending, signal, `/customers/${customer}/orders/voicesite`);
  }

  async #postOrder(customer, body) {
    const t = transportOf(this);
    const specific = `/customers/${customer}/orders/voicesite`;
    let path = specific;
    let answer = await t.exchange('POST', path, { body: JSON.stringify(body) });
    if (answer.status === 404 || answer.status === 405) {
      path = `/customers/${customer}/orders`;
      answer = await t.exchange('POST', path, { body: JSON.stringify({ ...body, productReference: 'voicesite' }) });
    }
    if (!t.ok(answer.status)) throw await t.errorFor(answer, path);
    return t.parse('orderResponse', answer, path);
  }
}
