// Typings for btalk-forms/standin (server/standin/index.js).
/** Fault injection settings (see README "The API stand-in"). */
export interface StandInFaults {
  latencyMs?: number;
  failRate?: number;
  failStatus?: 429 | 500 | 503;
  retryAfterSeconds?: number;
  dropRate?: number;
  malformedRate?: number;
  /** Share of API requests carried out and then left unanswered (the connection is cut): a lost answer. */
  loseAnswerRate?: number;
  seed?: number;
}

/** Where the stand-in keeps its orders and voicesites: memoryStore(), indexedDbStore(), fileStore() (Node). */
export interface StandInStore {
  /** The saved JSON text, or null/undefined when there is none. */
  load(): string | null | undefined | Promise<string | null | undefined>;
  /** Stores the JSON text, replacing the previous one whole. */
  save(text: string): void | Promise<void>;
  /** Keeps an unreadable saved state for inspection; returns where. */
  setAside?(reason: string): string | void | Promise<string | void>;
  /** A name for log lines. */
  describe?: string;
}

/** The reference data: customers.json's content and the country objects (default: the bundled data). */
export interface StandInData {
  customers: {
    apiKeys: Array<{ key: string; rightsProfile: 'full' | 'readonly'; customerCodes: Array<string | number> }>;
    oauthClients: Array<{ clientId: string; clientSecret: string }>;
    customers: Array<Record<string, unknown> & { customerCode: string | number }>;
  };
  countries: Array<Record<string, unknown> & { iso2: string; name: string }>;
  /**
   * Geo trees kept out of their country objects (a real-size list: Spain's 8,131 municipalities), each
   * loaded by its function when that country's areas are first asked for, e.g. `() => import('./geo-ES.js')`.
   */
  lazyGeoAreas?: Record<string, () => Promise<Array<{ value: string; display?: string; children?: unknown[] }>>>;
}

export interface StandInOptions {
  data?: StandInData;
  store?: StandInStore;
  /** The core from loadCore(), a promise of it, or a function returning one; default: loadCore() on first need. */
  core?: object | Promise<object> | (() => Promise<object>);
  faults?: StandInFaults;
  /** Honour X-Standin-* request headers (default true). */
  allowFaultHeaders?: boolean;
  /** Serve POST /__standin/faults, /__standin/reset, /__standin/tokens/expire (default false). */
  admin?: boolean;
  tokenTtlSeconds?: number;
  /** Origins allowed cross-origin ('*' for any, the default). */
  corsOrigins?: string | string[];
  maxBodyBytes?: number;
  /** Clock in ms (tests move it to expire tokens). */
  now?: () => number;
  /** Receives "METHOD /path STATUS" lines, never headers or bodies. */
  log?: (line: string) => void;
  /** A path before /btalk/v1 and /oauth/v3/token (e.g. "/mock"); default none. */
  basePath?: string;
  /**
   * Answer an order whose customerOrderReference is already known with that order (200) instead of
   * ordering again. Default false: nothing public says the real API de-duplicates orders.
   */
  deduplicateOrders?: boolean;
  /** Collections paged as the real API pages them (default { defaultLimit: 40, maxLimit: 1000 }, with X-Total-Count and
   *  X-Result-Count); false: whole lists without the headers. */
  paging?: false | { defaultLimit?: number; maxLimit?: number };
  /** 'list' (default): errors as the real API's [{ code: integer, message, description }], the gateway's 401s one object
   *  with 40/41/42; 'object': the guide's older { code: 'NAME', message, description, problems? }. */
  errorShape?: 'list' | 'object';
}

export interface StandInCredentialsOptions {
  apiKey?: string;
  clientId?: string;
  clientSecret?: string;
}

/** (req: http.IncomingMessage, res: http.ServerResponse) => void; typed loosely so that no @types/node is needed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type NodeListener = (req: any, res: any) => void;

export interface StandIn {
  /** Answers one request; never rejects. A dropped connection (fault) is Response.error(). */
  handle(request: Request): Promise<Response>;
  /** A fetch() answered by handle(), for BtalkClient({ fetch }); a path alone is taken on STANDIN_ORIGIN. */
  fetch: typeof fetch;
  /** A Node http listener: http.createServer(standIn.listener). */
  listener: NodeListener;
  /** Resolves once the saved state is loaded (handle() waits for it itself). */
  ready: Promise<void>;
  /** A `credentials` function for BtalkClient: a token from this stand-in plus the demo full key (or `apiKey`). */
  credentials(options?: StandInCredentialsOptions): () => Promise<{ accessToken: string; apiKey: string }>;
  /** The demo customer's fake credentials from the data. */
  readonly demo: { clientId?: string; clientSecret?: string; apiKey?: string; readonlyApiKey?: string };
  /** Empties the state (and its store) and restores the initial faults. */
  reset(): Promise<void>;
  /** The live state: { version, orders, voicesites }. */
  readonly state: { data: { version: 1; orders: Record<string, Record<string, unknown>>; voicesites: Record<string, unknown> } };
  /** The checked data, indexed. */
  readonly data: {
    apiKeys: Map<string, { rightsProfile: 'full' | 'readonly'; customerCodes: string[] }>;
    oauthClients: Array<{ clientId: string; clientSecret: string }>;
    customers: Map<string, Record<string, unknown>>;
    countries: Map<string, Record<string, unknown>>;
    raw: StandInData['customers'];
  };
  /** Issues an access token directly (as the token endpoint does). */
  issueToken(): string;
  /** The fault settings in force. */
  get faults(): Required<Omit<StandInFaults, 'seed'>> & { seed?: number };
  /** Replaces the fault settings (TypeError on a bad setting). */
  set faults(value: StandInFaults);
}

export function createStandIn(options?: StandInOptions): StandIn;
export function toNodeListener(handle: (request: Request) => Promise<Response>, options?: { maxBodyBytes?: number }): NodeListener;
export function memoryStore(): StandInStore;
export function indexedDbStore(options?: { name?: string; indexedDB?: IDBFactory }): StandInStore & { clear(): Promise<void> };
export function normalizeFaults(input?: StandInFaults): Required<Omit<StandInFaults, 'seed'>> & { seed?: number };
export const API_PREFIX: '/btalk/v1';
export const TOKEN_PATH: '/oauth/v3/token';
export const ADMIN_PREFIX: '/__standin/';
export const STANDIN_ORIGIN: 'https://standin.invalid';
/** The stand-in's integer error codes by name (the gateway's 40, 41, 42; the API's own from 1001). */
export const ERROR_CODES: Readonly<Record<string, number>>;
/** The stand-in's default paging: 40 items unless `limit` says otherwise, at most 1000. */
export const DEFAULT_PAGING: Readonly<{ defaultLimit: number; maxLimit: number }>;
