
import type { AddressForm, BtalkCore, FieldOption, Order, OrderRequestBody } from './core.js';

export declare const DEFAULT_BASE_URL: 'https://api.orange.com/btalk/v1';

/** What the credentials function resolves to. `apiKey` must be 40 printable characters. */
export interface Credentials { accessToken: string; apiKey: string }
export type CredentialsProvider = () => Promise<Credentials> | Credentials;

export interface BtalkClientOptions {
  /** Default 'https://api.orange.com/btalk/v1'. A path such as '/proxy/btalk/v1' resolves against the page.
   *  No query, fragment or user:password; with credentials, https only (loopback excepted). */
  baseUrl?: string | URL;
  /** Direct mode: called before the first request (then cached) and again after any 401 (a GET answered
   *  42, expired, is sent once more; POST and PUT never are).
   *  Omit it for same-origin proxy mode: no auth header is sent, the proxy adds them. */
  credentials?: CredentialsProvider;
  /** Default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Per attempt, covering the body too. Default 15000. */
  timeoutMs?: number;
  /** Extra attempts for GETs on 429/502/503/504 and network errors. Default 2. */
  retries?: number;
  /** The core from loadCore() (or a promise of it); loaded lazily when absent. */
  core?: BtalkCore | Promise<BtalkCore>;
  /** Longest wait before a GET retry; a longer Retry-After is not waited for (the error carries retryAfter). Default 10000. */
  maxRetryDelayMs?: number;
  /** For tests: the wait between retries. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** For tests: the jitter source, [0, 1). */
  random?: () => number;
  /** Most pages one list read may take before it fails with 'tooManyPages'. Default 500. */
  maxListPages?: number;
  /** Most items one list read may hold before it fails with 'listTooLong'. Default 100000. */
  maxListItems?: number;
  /** The Accept-Language of every request (e.g. the UI's language, 'fr'), or a function asked per request.
   *  Without it, none is set (a browser sends its own). The elements' own clients send the UI language. */
  language?: string | (() => string);
}

/** Every method takes an optional last argument. Aborting rejects with code 'aborted', and cancels the
 *  request in flight once no other caller shares it (a GET shared with other callers goes on for them).
 *  A list method reads every page of its collection (offset/limit, X-Total-Count), all cancelled together. */
export interface CallOptions { signal?: AbortSignal }

/** orderVoicesite's options: `body` from core.orderRequest(order), posted as it is. */
export interface OrderOptions extends CallOptions { body?: Readonly<OrderRequestBody> }

/** One page of a collection, as the server pages it. */
export interface PageOptions extends CallOptions {
  /** 0-based index of the first item. Default 0. */
  offset?: number;
  /** Most items wanted, 1 to 1000 (the server may answer fewer). Default 1000. */
  limit?: number;
}
export interface Page<T> {
  items: T[];
  /** X-Total-Count: the items of the whole collection; undefined when the API does not say (or does not expose it). */
  total: number | undefined;
}

export interface Me { rightsProfile: string; canOrder: boolean }
export interface Customer { customerCode: string; name: string; contractNumber: string; type: string }
export interface Vpn { vpnId: string; name: string; vpnCode: string }
export interface Country { iso2: string; name: string; countryCode: string; covered: boolean; coverage: Record<string, unknown> }
export interface CountryListItem { iso2: string; name: string; covered: boolean }
export interface OrderResponse { orderId: string; customerOrderReference: string; status: string; voiceSiteId: string | null }
export interface Voicesite {
  voiceSiteId: string; technicalSiteName: string; customerSiteLabel: string; country: string;
  vpnId: string; status: string; hasVoiceAddress: boolean;
  /** The customer the voicesite belongs to ('' when the API does not say). */
  customerCode: string;
  /** The stored address when the list carries it (text elements only), else null. */
  voiceAddress: Record<string, string> | null;
}
export interface AddressCandidate { id: string; label: string; address: Record<string, string> }
/** A postal code and the address elements it determines (always `pc`; a1, a2, a3... as the API gives them). */
export interface PostalCode { value: string; display: string; address: Record<string, string> & { pc: string } }
/** Options of the look-ups whose 404 means "this country does not offer it". */
export interface LookupOptions extends CallOptions {
  /** 'empty' (default): a 404 resolves to []. 'error': a 404 rejects (status 404), telling "not offered" from "no match". */
  notFound?: 'empty' | 'error';
}
export interface VoiceAddressResult { voiceSiteId: string; voiceAddress: Record<string, string> }
export interface CountryFormData {
  country: Country;
  /** The raw /addressconstraints document. */
  constraints: Record<string, unknown>;
  /** The raw /geographicalconstraints document, or null when the country has none (404). */
  geographicalConstraints: Record<string, unknown> | null;
  form: AddressForm;
  /** [] unless the dial zone is chosen manually (form.dialZone === 'manual') and the API lists zones. */
  dialZones: FieldOption[];
  /** The language of the constraints' texts (labels, descriptions) when the answer's Content-Language says it, else null: English. */
  language: string | null;
}

export interface AddressServices {
  /** /addresses?q= answers (not 404, and not 400 to a plain search text: validation only). */
  search: boolean | null;
  /** /addresses?a6=&hno=... exists (search or validation only). */
  verify: boolean | null;
  /** /postalcodes?q= exists (Portugal). */
  postalCodes: boolean | null;
  /** /parishes?a1=&a2= exists (Portugal). */
  parishes: boolean | null;
}

/** Answers longer than this (4 MB, the core's document limit) are abandoned unread: 'responseTooLarge'. */
export declare const MAX_RESPONSE_BYTES: number;

/** One entry of the API's error list (or one problem the core found). */
export interface ApiProblem {
  /** The address element or order field the entry is about ('' when it names none). */
  field: string;
  /** The API's code: an integer for the Business Talk API's lists, a text elsewhere. */
  code: string | number;
  message: string;
  /** The entry's description, when the API gave one that differs from the message. */
  description?: string;
}

export type BtalkApiErrorCode =
  | 'timeout' | 'network' | 'aborted' | 'malformedResponse' | 'redirectRefused' | 'responseTooLarge'
  | 'invalidCredentials' | 'credentialsUnavailable' | 'credentialsExpired' | 'invalidArgument' | 'invalidOrder'
  | 'listTooLong' | 'tooManyPages' | 'pagingInconsistent'
  | 'badRequest' | 'unauthorized' | 'forbidden' | 'notFound' | 'methodNotAllowed' | 'conflict'
  | 'unprocessable' | 'tooManyRequests' | 'serverError' | 'httpError'
  | (string & {}); // or the API's own code when it is a text, e.g. 'INVALID_ADDRESS' (an integer one is in apiCode)

export declare class BtalkApiError extends Error {
  constructor(details: {
    status?: number; code: string; message: string; body?: object | null; retryAfter?: number;
    url?: string; problems?: ApiProblem[]; cause?: unknown; apiCode?: number | string;
  });
  readonly name: 'BtalkApiError';
  /** HTTP status; 0 when no answer arrived or nothing was sent. */
  status: number;
  code: BtalkApiErrorCode;
  /** The API's own code as it sent it: an integer (its error list's first entry, the gateway's 40/41/42) or a text; undefined when none. */
  apiCode: number | string | undefined;
  /** Human and safe to show (as text): never contains a secret. For an error list, its first message
   *  (with its description when that adds something). */
  message: string;
  /** The API's error document, normalised by the core ({ code, message, description, problems }), or null. */
  body: { code?: string | number; message?: string; description?: string; problems?: ApiProblem[] } | null;
  /** Seconds the API asked to wait (Retry-After). */
  retryAfter: number | undefined;
  /** The API path of the request (no host, no query). */
  url: string | undefined;
  /** Every entry of the API's error list, each with the field it names (or the core's problems for 'invalidOrder'); [] otherwise. */
  problems: ApiProblem[];
  toJSON(): {
    name: string; status: number; code: string; apiCode?: number | string; message: string; url?: string; retryAfter?: number;
    problems: ApiProblem[];
  };
}

/**
 * The address look-ups only (what <btalk-address-form> calls), parsing with loadAddressCore() by
 * default: the address form's bundle holds neither the order methods nor the full wasm module.
 */
export declare class BtalkAddressClient {
  constructor(options?: BtalkClientOptions);
  /** The resolved base URL (no trailing slash). */
  readonly baseUrl: string;
  /** Forgets cached GET answers (countries, country, constraints, geo constraints, geo areas, dial zones, postal codes, parishes). */
  clearCache(): void;
  country(iso2: string, options?: CallOptions): Promise<Country>;
  addressConstraints(iso2: string, options?: CallOptions): Promise<Record<string, unknown>>;
  /** null when the country has no geographical constraints (404). */
  geographicalConstraints(iso2: string, options?: CallOptions): Promise<Record<string, unknown> | null>;
  /** `parents`: the values chosen for the levels above (0..3); their count selects area1..area4. */
  geoAreas(iso2: string, parents?: Array<string | number>, options?: CallOptions): Promise<FieldOption[]>;
  /** [] when the API lists none (404). */
  dialZones(iso2: string, options?: CallOptions): Promise<FieldOption[]>;
  /** [] without a request for a blank query. */
  searchAddresses(iso2: string, query: string, options?: CallOptions): Promise<AddressCandidate[]>;
  /** Candidates matching the filled address elements ([] = unknown address; no request when none is filled). */
  validateAddressCandidates(iso2: string, address: Record<string, string | number>, options?: CallOptions): Promise<AddressCandidate[]>;
  /** The core this client parses and validates with (the `core` option, or loadAddressCore() for BtalkAddressClient, loadCore() for BtalkClient). */
  core(): Promise<BtalkCore>;
  /** GET /countries/{iso2}/postalcodes?q= (Portugal). Cached per URL; [] for a blank query (nothing sent). */
  postalCodes(iso2: string, query: string | number, options?: LookupOptions): Promise<PostalCode[]>;
  /** GET /countries/{iso2}/parishes?a1=&a2= (Portugal). Cached per URL; [] when a1 or a2 is blank (nothing sent). */
  parishes(iso2: string, area: { a1?: string | number; a2?: string | number }, options?: LookupOptions): Promise<FieldOption[]>;
  /** PUT (POST when PUT answers 405); a 400 rejects with `problems`. */
  pushVoiceAddress(customerCode: string | number, voiceSiteId: string | number, address: Record<string, string>,
    options?: CallOptions): Promise<VoiceAddressResult>;
  /** null when the voicesite has no address yet (404). */
  getVoiceAddress(customerCode: string | number, voiceSiteId: string | number, options?: CallOptions):
    Promise<Record<string, string> | null>;
  /** country, constraints and geo constraints fetched in parallel, plus core.addressForm(); /dialzones unless the dial zone is automatic. */
  countryForm(iso2: string, options?: CallOptions): Promise<CountryFormData>;
  /** Which specialised address APIs the country offers (one probe each, remembered per country); null: unknown.
   *  The probes of what a country lacks fail (404/400): the address form does not call it. */
  addressServices(iso2: string, options?: CallOptions): Promise<AddressServices>;
  /**
   * GET /countries/{iso2}/{path}?{query} (a look-up of the address form): the answer read as `kind`
   * ('addressCandidates' by default, 'postalCodes' or 'choices'). Blank values are left out; none left:
   * [] without a request. A 404 rejects with status 404. `cache`: kept per URL until clearCache().
   */
  addressLookup(iso2: string, path: string, query: Record<string, string | number | null | undefined>,
    options?: CallOptions & { kind?: 'addressCandidates'; cache?: boolean }): Promise<AddressCandidate[]>;
  addressLookup(iso2: string, path: string, query: Record<string, string | number | null | undefined>,
    options: CallOptions & { kind: 'postalCodes'; cache?: boolean }): Promise<PostalCode[]>;
  addressLookup(iso2: string, path: string, query: Record<string, string | number | null | undefined>,
    options: CallOptions & { kind: 'choices'; cache?: boolean }): Promise<FieldOption[]>;
}

/** BtalkAddressClient plus customers, VPNs, the country list, voicesites and orders; parses with loadCore(). */
export declare class BtalkClient extends BtalkAddressClient {
  constructor(options?: BtalkClientOptions);
  me(options?: CallOptions): Promise<Me>;
  customers(options?: CallOptions): Promise<Customer[]>;
  vpns(customerCode: string | number, options?: CallOptions): Promise<Vpn[]>;
  countries(options?: CallOptions): Promise<CountryListItem[]>;
  /** One page of the voicesites, as the server pages it (for lists too long to hold). */
  voicesites(options: PageOptions & ({ offset: number } | { limit: number })): Promise<Page<Voicesite>>;
  /** Every voicesite (every page). */
  voicesites(options?: CallOptions): Promise<Voicesite[]>;
  /**
   * Never retried; calls with one customerOrderReference in flight share one request. `body`: the
   * order's body from core.orderRequest(order), posted as it is (no second validation); a body the
   * core did not build is not trusted and the order is validated instead.
   */
  orderVoicesite(customerCode: string | number, order: Order, options?: OrderOptions): Promise<OrderResponse>;
}

/** Retry-After (delay-seconds or HTTP date) in milliseconds; undefined when absent or unreadable. */
export declare function parseRetryAfter(value: string | null | undefined, now?: number): number | undefined;
