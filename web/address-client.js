// btalk-forms/address-client: the API client of <btalk-address-form>, the address look-ups only
// (country, constraints, geographical areas, dial zones, address search and validation, postal
// codes, parishes, the voicesite's address). It parses with loadAddressCore() by default, so the
// address form's bundle holds neither the order/customer methods nor the full wasm module.
// BtalkClient (web/client.js) is this client plus customers, VPNs, voicesites and orders.
//
// Works in browsers and Node 20: only fetch, AbortController, URL and URLSearchParams.
import { loadAddressCore } from './address-core.js';
import {
  ADDRESS_ELEMENTS, BtalkApiError, MANUAL_DIAL_ZONE, MAX_QUERY_LENGTH, checkIso2, invalidArgument, isAutomaticDialZone, isPlainObject, queryText,
  segment, voiceAddressPath,
} from './http/client-common.js';
import { Transport, bindTransport } from './http/transport.js';

export { BtalkApiError, DEFAULT_BASE_URL, MAX_RESPONSE_BYTES, parseRetryAfter } from './http/client-common.js';

// The text addressServices() probes the look-ups with: any answer but 404 means "offered".
const PROBE_QUERY = '1';
// The seed's address elements, the names /addresses accepts as query parameters.
const ADDRESS_ELEMENT = new RegExp(`^(?:${ADDRESS_ELEMENTS})$`);
// addressLookup(): one path segment under /countries/{iso2}/, plain parameter names, and how the core
// reads each answer (its existing kinds: 'choices' is the { value, display } list of parishes and areas).
const LOOKUP_PATH = /^[a-z][a-z0-9-]{0,39}$/;
const LOOKUP_PARAM = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const LOOKUP_KINDS = { addressCandidates: 'addressCandidates', postalCodes: 'postalCodes', choices: 'parishes' };

/** How a client class names itself in errors and which core it loads by default (subclasses override). */
export const CLIENT_DEFAULTS = Symbol('btalk-forms.clientDefaults');

/**
 * The Business Talk API client for address forms (the full one is BtalkClient, web/client.js).
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
export class BtalkAddressClient {
  static [CLIENT_DEFAULTS] = { label: 'BtalkAddressClient', loadCore: loadAddressCore };

  #t;

  /**
   * @param {{ baseUrl?: string|URL, credentials?: () => Promise<{accessToken: string, apiKey: string}>,
   *           fetch?: typeof fetch, timeoutMs?: number, retries?: number, core?: object|Promise<object>,
   *           sleep?: (ms: number, signal?: AbortSignal) => Promise<void>, random?: () => number,
   *           maxRetryDelayMs?: number, language?: string | (() => string) }} [options]
   *   `language`: the Accept-Language of every request (the UI's language), or a function giving it.
   */
  constructor(options) {
    const { label, loadCore } = new.target[CLIENT_DEFAULTS];
    this.#t = new Transport(label, loadCore, options);
    bindTransport(this, this.#t);
  }

  /** The API base URL requests go to (no secrets in it). */
  get baseUrl() {
    return this.#t.base;
  }

  /** Forgets cached GET answers (country data, constraints, geo areas, dial zones, postal codes, parishes, country list). */
  clearCache() {
    this.#t.clearCache();
  }

  /** GET /countries/{iso2} -> { iso2, name, countryCode, covered, coverage } (cached) */
  async country(iso2, { signal } = {}) {
    return this.#t.getParsed(`/countries/${checkIso2(iso2)}`, 'country', { signal, cache: true });
  }

  /** GET /countries/{iso2}/addressconstraints -> the raw document (cached). */
  async addressConstraints(iso2, { signal } = {}) {
    return (await this.#constraints(checkIso2(iso2), signal)).constraints;
  }

  /** The constraints and the language of their texts: the answer's Content-Language, else null. */
  #constraints(country, signal) {
    const path = `/countries/${country}/addressconstraints`;
    return this.#t.read(path, async (answer) => ({
      constraints: await this.#t.document(path, answer),
      language: /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.exec(answer.headers?.get?.('content-language')?.split(',')[0].trim() ?? '')?.[0] ?? null,
    }), { signal, cache: true });
  }

  /** GET /countries/{iso2}/geographicalconstraints -> the raw document, or null (404: none). Cached. */
  async geographicalConstraints(iso2, { signal } = {}) {
    const path = `/countries/${checkIso2(iso2)}/geographicalconstraints`;
    return this.#t.read(path, (answer) => (answer.status === 404 ? null : this.#t.document(path, answer)),
      { signal, cache: true, accept404: true });
  }

  /**
   * GET /countries/{iso2}/geoareas/area1[/{v1}/area2[/{v2}/area3[/{v3}/area4]]] -> [{ value, display }].
   * `parents`: the values already chosen for the levels above (0 to 3 of them). Cached.
   */
  async geoAreas(iso2, parents = [], { signal } = {}) {
    if (!Array.isArray(parents) || parents.length > 3) {
      throw invalidArgument('The parent geographical areas must be a list of at most 3 values.');
    }
    let path = `/countries/${checkIso2(iso2)}/geoareas`;
    parents.forEach((parent, index) => {
      path += `/area${index + 1}/${segment(parent, `area${index + 1} value`)}`;
    });
    path += `/area${parents.length + 1}`;
    return this.#t.collection(path, 'geoAreas', { signal, cache: true });
  }

  /** GET /countries/{iso2}/dialzones -> [{ value, display }]; [] when the API has none (404). Cached. */
  async dialZones(iso2, { signal } = {}) {
    return this.#t.collection(`/countries/${checkIso2(iso2)}/dialzones`, 'dialZones', { signal, cache: true, notFound: 'empty' });
  }

  /** GET /countries/{iso2}/addresses?q= -> [{ id, label, address }]; [] for an empty query (nothing sent). */
  async searchAddresses(iso2, query, { signal } = {}) {
    const country = checkIso2(iso2);
    if (typeof query !== 'string') throw invalidArgument('The address search must be a text.');
    const text = query.trim();
    if (text === '') return [];
    if (text.length > MAX_QUERY_LENGTH) {
      throw invalidArgument(`The address search is longer than ${MAX_QUERY_LENGTH} characters.`);
    }
    const path = `/countries/${country}/addresses`;
    return this.#t.collection(path, 'addressCandidates', { signal, query: { q: text } });
  }

  /**
   * Full address validation: GET /countries/{iso2}/addresses?a6=&hno=&pc=... with the address's
   * filled elements -> the matching candidates [{ id, label, address }] in their canonical form
   * (none: the API does not know the address). [] without a request when no element is filled.
   */
  async validateAddressCandidates(iso2, address, { signal } = {}) {
    const country = checkIso2(iso2);
    if (!isPlainObject(address)) throw invalidArgument('The address must be an object of address elements.');
    const query = {};
    for (const [name, value] of Object.entries(address)) {
      // dialZone is not an address element the search knows; unknown names would be refused.
      if (!ADDRESS_ELEMENT.test(name)) continue;
      const text = queryText(value);
      if (text !== '') query[name] = text.slice(0, MAX_QUERY_LENGTH);
    }
    if (Object.keys(query).length === 0) return [];
    const path = `/countries/${country}/addresses`;
    return this.#t.collection(path, 'addressCandidates', { signal, query });
  }

  /**
   * Postal code look-up (Portugal): GET /countries/{iso2}/postalcodes?q= -> [{ value, display, address }],
   * `address` holding pc and the elements the code determines (a1, a2, a3...). Cached per URL.
   * [] for a blank query (nothing sent) and, unless `notFound: 'error'`, on 404 (the country offers
   * no look-up); with `notFound: 'error'` a 404 rejects, so a caller can tell "not offered" from "no match".
   */
  async postalCodes(iso2, query, { signal, notFound = 'empty' } = {}) {
    const country = checkIso2(iso2);
    if (typeof query !== 'string' && typeof query !== 'number') throw invalidArgument('The postal code search must be a text.');
    const text = queryText(query);
    if (text === '') return [];
    if (text.length > MAX_QUERY_LENGTH) {
      throw invalidArgument(`The postal code search is longer than ${MAX_QUERY_LENGTH} characters.`);
    }
    return this.#t.collection(`/countries/${country}/postalcodes`, 'postalCodes', { signal, query: { q: text }, cache: true, notFound });
  }

  /**
   * Parishes of a municipality (Portugal): GET /countries/{iso2}/parishes?a1=&a2= -> [{ value, display }].
   * Cached per URL. [] when a1 or a2 is blank (nothing sent) and, unless `notFound: 'error'`, on 404.
   */
  async parishes(iso2, { a1, a2 } = {}, { signal, notFound = 'empty' } = {}) {
    const country = checkIso2(iso2);
    const query = {};
    for (const [name, value] of [['a1', a1], ['a2', a2]]) {
      const text = queryText(value);
      if (value !== undefined && value !== null && typeof value !== 'string' && typeof value !== 'number') {
        throw invalidArgument(`The parish look-up's ${name} must be a text.`);
      }
      if (text === '') return [];
      if (text.length > MAX_QUERY_LENGTH) throw invalidArgument(`The parish look-up's ${name} is too long.`);
      query[name] = text;
    }
    return this.#t.collection(`/countries/${country}/parishes`, 'parishes', { signal, query, cache: true, notFound });
  }

  /**
   * A look-up of the specialised address APIs by its path, as <btalk-address-form>'s look-ups describe
   * them: GET /countries/{iso2}/{path}?{query} -> the answer read as `kind`: 'addressCandidates'
   * [{ id, label, address }] (the default), 'postalCodes' [{ value, display, address }] or 'choices'
   * [{ value, display }]. Blank query values are left out; with none left nothing is sent (-> []).
   * Every page is read (web/http/paging.js). A 404 rejects with status 404 (the country does not have it).
   * `cache`: the whole list kept per URL until clearCache().
   */
  async addressLookup(iso2, path, query, { kind = 'addressCandidates', cache = false, signal } = {}) {
    const country = checkIso2(iso2);
    if (typeof path !== 'string' || !LOOKUP_PATH.test(path)) throw invalidArgument('The look-up path must be one lower-case path segment.');
    if (!Object.hasOwn(LOOKUP_KINDS, kind)) throw invalidArgument(`The look-up answer must be one of ${Object.keys(LOOKUP_KINDS).join(', ')}.`);
    if (!isPlainObject(query)) throw invalidArgument('The look-up query must be an object of texts.');
    const params = {};
    for (const [name, value] of Object.entries(query)) {
      if (!LOOKUP_PARAM.test(name)) throw invalidArgument('A look-up parameter name must be letters, digits or _.');
      if (value !== undefined && value !== null && typeof value !== 'string' && typeof value !== 'number') {
        throw invalidArgument(`The look-up's ${name} must be a text.`);
      }
      const text = queryText(value);
      if (text.length > MAX_QUERY_LENGTH) throw invalidArgument(`The look-up's ${name} is longer than ${MAX_QUERY_LENGTH} characters.`);
      if (text !== '') params[name] = text;
    }
    if (Object.keys(params).length === 0) return [];
    const url = `/countries/${country}/${path}`;
    // Paged like every list (every page read); a 404 is the country's answer that it has no such look-up.
    return this.#t.collection(url, LOOKUP_KINDS[kind], { signal, query: params, cache, notFound: 'error' });
  }

  /**
   * Gives a voicesite its address: PUT /customers/{code}/voicesites/{id}/voiceaddress (POST if the
   * API answers 405). A 400 becomes a BtalkApiError whose `problems` say which fields are wrong.
   * -> { voiceSiteId, voiceAddress }
   */
  async pushVoiceAddress(customerCode, voiceSiteId, address, { signal } = {}) {
    const path = voiceAddressPath(customerCode, voiceSiteId);
    if (!isPlainObject(address)) throw invalidArgument('The address must be an object of address elements.');
    const text = JSON.stringify(address);
    let answer = await this.#t.exchange('PUT', path, { body: text, signal });
    if (answer.status === 405) answer = await this.#t.exchange('POST', path, { body: text, signal });
    if (!this.#t.ok(answer.status)) throw await this.#t.errorFor(answer, path);
    if (answer.text.trim() === '') return { voiceSiteId: String(voiceSiteId), voiceAddress: { ...address } };
    const document = await this.#t.document(path, answer);
    return {
      voiceSiteId: typeof document.voiceSiteId === 'string' || typeof document.voiceSiteId === 'number'
        ? String(document.voiceSiteId) : String(voiceSiteId),
      voiceAddress: isPlainObject(document.voiceAddress) ? document.voiceAddress : { ...address },
    };
  }

  /** GET /customers/{code}/voicesites/{id}/voiceaddress -> the stored address object, or null (404). */
  async getVoiceAddress(customerCode, voiceSiteId, { signal } = {}) {
    const path = voiceAddressPath(customerCode, voiceSiteId);
    return this.#t.read(path, async (answer) => {
      if (answer.status === 404) return null;
      const document = await this.#t.document(path, answer);
      return isPlainObject(document.voiceAddress) ? document.voiceAddress : document;
    }, { signal, accept404: true });
  }

  /**
   * Everything a country's address form needs, fetched in parallel:
   * -> { country, constraints, geographicalConstraints, form: core.addressForm(...), dialZones, language }
   * `dialZones` is [] unless the country's dial zone is chosen manually; `language` is the language of the
   * constraints' texts when the API says it (Content-Language), else null (the API's default, English).
   */
  async countryForm(iso2, { signal } = {}) {
    const country = checkIso2(iso2);
    const corePromise = this.#t.core();
    const geographical = this.geographicalConstraints(country, { signal });
    const documents = [this.country(country, { signal }), this.#constraints(country, signal), geographical, corePromise];
    // /dialzones only where the dial zone is not automatic: elsewhere its 404 is certain (and logged by browsers).
    // Where the guide's table says it is manual, asked at once with the documents (a round trip less before the
    // form shows); elsewhere once /geographicalconstraints has said so. An automatic answer drops the list.
    const askDialZones = () => this.dialZones(country, { signal }).then((list) => ({ list }), (error) => ({ error }));
    const early = MANUAL_DIAL_ZONE.has(country) ? askDialZones() : null;
    const dialZonesOutcome = geographical.then((geo) => (isAutomaticDialZone(geo) ? { list: [] } : early ?? askDialZones()))
      .then((outcome) => outcome, (error) => ({ error }));
    const [countryInfo, { constraints, language }, geographicalConstraints, core] = await Promise.all(documents);
    let form;
    try {
      form = core.addressForm(constraints, geographicalConstraints ?? undefined);
    } catch (error) {
      if (error?.name !== 'BtalkCoreError') throw error;
      throw new BtalkApiError({
        status: 200, code: 'malformedResponse', url: `/countries/${country}/addressconstraints`,
        message: `The Business Talk API sent address constraints that cannot be used: ${error.message}`,
      });
    }
    const outcome = await dialZonesOutcome;
    let dialZones = [];
    if (form.dialZone === 'manual') {
      // Without the list the dial zone is typed freely; only a real failure matters.
      if (outcome.error) throw outcome.error;
      dialZones = outcome.list;
    }
    return { country: countryInfo, constraints, geographicalConstraints, form, dialZones, language };
  }

  /**
   * Which specialised address APIs a country offers, learned with one cheap probe each, all at
   * once, and remembered per country (a client is per base URL). The probes of what a country lacks
   * fail (404/400, which browsers log): <btalk-address-form> does not call this, its look-ups know
   * their countries (components/address-form/lookups/).
   * -> { search, verify, postalCodes, parishes }, each true, false (404; search: a 400 to a plain search text)
   * or null (the probe failed otherwise: unknown, asked again next time).
   */
  async addressServices(iso2, { signal } = {}) {
    const country = checkIso2(iso2);
    const known = this.#t.services.get(country);
    if (known) return { ...known };
    const probe = (call) => call().then(() => true, (error) => (error?.status === 404 ? false : error));
    const [addresses, postalCodes, parishes] = await Promise.all([
      probe(() => this.searchAddresses(country, PROBE_QUERY, { signal })),
      probe(() => this.postalCodes(country, PROBE_QUERY, { signal, notFound: 'error' })),
      probe(() => this.parishes(country, { a1: PROBE_QUERY, a2: PROBE_QUERY }, { signal, notFound: 'error' })),
    ]);
    // /addresses refusing the probe's plain search text (400, whatever its code: the API's are
    // integers, the stand-in's SEARCH_NOT_SUPPORTED one of them) exists but does not search:
    // validation only (DE, US).
    const validationOnly = addresses instanceof Error && addresses.status === 400;
    const known400 = (outcome) => (outcome instanceof Error ? (outcome.status === 400 ? true : null) : outcome);
    const services = {
      search: validationOnly ? false : known400(addresses),
      verify: validationOnly ? true : known400(addresses),
      postalCodes: known400(postalCodes),
      parishes: known400(parishes),
    };
    if (Object.values(services).every((value) => value !== null)) this.#t.services.set(country, services);
    return { ...services };
  }

  /** The core this client parses and validates with (the `core` option, or the class's default loader). */
  core() {
    return this.#t.core();
  }
}
