/** A problem with one field: the core's validation result unit. */
export interface Problem {
  /** The address element (`pc`, `a1`, ...), `dialZone`, or an order field. */
  field: string;
  code: 'valueMissing' | 'tooShort' | 'tooLong' | 'typeMismatch' | 'patternMismatch'
    | 'notAllowed' | 'unknownField' | 'constraintError';
  /** English, human, safe to show as text. */
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  problems: Problem[];
}

export interface FieldOption { value: string; display: string }

export interface FormField {
  name: string;
  label: string;
  description: string;
  required: boolean;
  control: 'text' | 'numeric' | 'select';
  valueType: 'freestring' | 'freenumerical' | 'enumeration' | 'enumerationAssociative';
  options: FieldOption[];
  minLength: number;
  maxLength: number | null;
  /** The API's valueRegexp, for information only: match with the core, never with RegExp. */
  pattern: string | null;
  /** Only http(s) links survive. */
  referenceUrl: string | null;
  position: number;
  /** 1..4 when the field's values come from /geoareas level N. */
  geoLevel: number | null;
}

export interface AddressForm {
  fields: FormField[];
  dialZone?: 'manual' | 'automatic';
  constraintErrors: Problem[];
}

/** API JSON as an object or as text. */
export type JsonInput = string | object;

export interface GeoAreaLists {
  area1?: Array<string | FieldOption>;
  area2?: Array<string | FieldOption>;
  area3?: Array<string | FieldOption>;
  area4?: Array<string | FieldOption>;
}

export interface ValidateOptions {
  geographicalConstraints?: JsonInput | null;
  /** The lists the API returned for the user's chosen path; levels left out are not checked. */
  geoAreas?: GeoAreaLists;
}

export interface Order {
  customerOrderReference: string;
  technicalSiteName: string;
  customerSiteLabel: string;
  country: string;
  vpnId: string;
}

export interface OrderRequestBody {
  customerOrderReference: string;
  parameters: { technicalSiteName: string; customerSiteLabel: string; country: string; vpnId: string };
}

export type ResponseKind = 'me' | 'customers' | 'vpns' | 'country' | 'countries' | 'orderResponse'
  | 'voicesites' | 'geoAreas' | 'addressCandidates' | 'dialZones' | 'apiError' | 'postalCodes' | 'parishes';

export interface BtalkCore {
  readonly version: string;
  addressForm(constraints: JsonInput, geographicalConstraints?: JsonInput | null): AddressForm;
  validateAddress(constraints: JsonInput, address: JsonInput, options?: ValidateOptions): ValidationResult;
  validateOrder(order: Order | string): ValidationResult;
  /** @throws BtalkCoreError with `problems` when the order is invalid. */
  buildOrderRequest(order: Order | string): OrderRequestBody;
  parseResponse(kind: ResponseKind, body: JsonInput): any;
}

export class BtalkCoreError extends Error {
  name: 'BtalkCoreError';
  code: string;
  problems?: Problem[];
}

export interface LoadCoreOptions {
  /** Where the .wasm lives when a bundler or CDN moved it (relative: to the page). A file: URL is read from disk in Node. */
  wasmUrl?: string | URL;
  /** Another build of the Emscripten glue, imported at run time instead of the bundled one. */
  moduleUrl?: string | URL;
  /** The wasm's bytes: no fetch, no file read. */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

/**
 * Instantiates the wasm core once and shares it; with an override, makes an instance of its own.
 * Bundlers, Node, Vitest/Jest (happy-dom, jsdom) and workers need no arguments.
 */
export function loadCore(options?: LoadCoreOptions): Promise<BtalkCore>;
