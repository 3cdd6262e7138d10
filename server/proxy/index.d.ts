// Types for `btalk-forms/proxy` (Node >= 20). Structural request/response types, so that no
// particular framework's (or @types/node's) declarations are needed.

/** The parts of a Node IncomingMessage the proxy reads. `url` is the API path after the mount prefix. */
export interface ProxyRequest {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  /** A body a framework's parser already read (the proxy reads the stream otherwise). */
  body?: unknown;
}

/** The parts of a Node ServerResponse the proxy writes. */
export interface ProxyResponse {
  statusCode: number;
  headersSent: boolean;
  writeHead(status: number, headers?: Record<string, string | number>): unknown;
  end(body?: Uint8Array | string): unknown;
  destroy(): unknown;
}

export interface BtalkProxyOptions {
  /**
   * Required: who may use the proxy, e.g. a signed-in portal session. Anything but `true`
   * answers 401 and nothing reaches upstream; a throw answers 500.
   */
  authorize(req: ProxyRequest): boolean | Promise<boolean>;
  /** OAuth client id and secret (Orange Developer): a client-credentials token is fetched and cached. */
  clientId: string;
  clientSecret: string;
  /** The 40-character Business Talk API key, sent as X-BT-API-KEY. */
  apiKey: string;
  /** Default 'https://api.orange.com/btalk/v1'. Only paths under it are forwarded. */
  apiBase?: string;
  /** Default 'https://api.orange.com/oauth/v3/token'. */
  tokenUrl?: string;
  fetch?: typeof fetch;
  /** Request bodies above this get 413 and are not forwarded. Default 1 MB. */
  maxBodyBytes?: number;
  /** Upstream answers above this get 502. Default 8 MB. */
  maxResponseBytes?: number;
  /** Per upstream request; past it the answer is 504. Default 30 000. */
  timeoutMs?: number;
  /** One line per request (method, path, status, time): never a header, a query or a secret. */
  log?(line: string): void;
}

/** A Connect/Express-style handler: `app.use('/api/btalk/v1', createBtalkProxy({...}))`. */
export type BtalkProxyHandler = (req: ProxyRequest, res: ProxyResponse, next?: (error?: unknown) => void) => Promise<void>;

/** Throws a TypeError when `authorize` or a credential is missing (the message never holds a value). */
export declare function createBtalkProxy(options: BtalkProxyOptions): BtalkProxyHandler;

export declare const DEFAULT_API_BASE: string;
export declare const DEFAULT_TOKEN_URL: string;

/** An answer of the proxy's own: status and { code, message, description }. */
export declare class ProxyError extends Error {
  constructor(status: number, code: string, message: string, headers?: Record<string, string>);
  status: number;
  code: string;
  headers: Record<string, string>;
}
