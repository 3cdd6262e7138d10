/** A problem with one field: the core's validation result unit. */
export interface Problem {
  /** The address element (`pc`, `a1`, ...), `dialZone`, or an order field. */
  field: string;
  code: 'valueMissing' | 'tooShort' | 'tooLong' | 'typeMismatch' | 'patternMismatch'
    | 'notAllowed' | 'unknownField' | 'constraintError'
    /** The value could not be checked within the core's match budget (docs/contract.md, Budgets). */
    | 'tooComplex'
    /** The value holds a lone UTF-16 surrogate: not text. */
    | 'badInput';
  /** English, human, safe to show as text. */
  message: string;
  /** patternMismatch only, when the pattern has a sample: its shape ("9999 AA", may be "")... */
  format?: string;
  /** ...and a value it accepts ("1234 AB"), to build a translated hint. Both follow the typed value. */
  example?: string;
  /** What the shape's placeholders mean ("9 = digit, A = capital letter"), with format and example. */
  legend?: string;
}

export interface ValidationResult {
  valid: boolean;
  problems: Problem[];
}

export interface FieldOption {
  value: string;
  display: string;
  /** The postal codes the choice covers, when the API's item lists them (geo areas, dial zones). */
  postalCodes?: string[];
}

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

/** core.orderRequest's answer: one call validates the order and, when it is valid, builds its body. */
export type OrderRequestResult =
  | { valid: true; problems: []; /** Frozen: BtalkClient.orderVoicesite posts it as it is. */ body: Readonly<OrderRequestBody> }
  | { valid: false; problems: Problem[]; body?: undefined };

export type ResponseKind = 'me' | 'customers' | 'vpns' | 'country' | 'countries' | 'orderResponse'
  | 'voicesites' | 'geoAreas' | 'addressCandidates' | 'dialZones' | 'apiError' | 'postalCodes' | 'parishes';

/** Options of CompiledConstraints.validate: per-call area lists win over the stored ones for their levels. */
export interface CompiledValidateOptions {
  geoAreas?: GeoAreaLists;
}

/**
 * A country's constraints compiled once (core.compileConstraints): parsed,
 * patterns compiled, form built. Validate on every keystroke; dispose() when the
 * country changes (a FinalizationRegistry frees forgotten ones eventually).
 * It also has [Symbol.dispose] (same as dispose(), for `using`); not typed here
 * so that consumers without TypeScript's esnext.disposable lib still compile.
 */
export interface CompiledConstraints {
  /** The field names in validation (form) order. */
  readonly fields: string[];
  readonly disposed: boolean;
  /** Same result as core.validateAddress with these constraints. */
  validate(address: JsonInput, options?: CompiledValidateOptions): ValidationResult;
  /** One result per address, in order, in one call into the core. */
  validateMany(addresses: JsonInput[], options?: CompiledValidateOptions): ValidationResult[];
  /** Same result as core.normalizeAddress with these constraints, without parsing them again. */
  normalize(address: JsonInput): NormalizedAddress;
  /** The addressForm result (a fresh copy each time). */
  form(): AddressForm;
  /**
   * Stores the /geoareas list of level 1..4 for the values chosen at the earlier
   * levels (`parents`: area1's value first; [] for level 1). Replaces an earlier
   * list for the same path; levels with no list for the address's path are not checked.
   */
  setGeoAreas(level: 1 | 2 | 3 | 4, parents: string[], values: Array<string | FieldOption>): void;
  clearGeoAreas(): void;
  /** Frees the core's copy; later calls throw BtalkCoreError code 'disposed'. */
  dispose(): void;
}

export interface BtalkCore {
  readonly version: string;
  /**
   * 'full': loadCore(). 'address': the address-only module of loadAddressCore(), whose
   * orderRequest, validateOrder, buildOrderRequest, toPidfLo and formatAddress throw BtalkCoreError
   * 'notInAddressCore', and whose parseResponse reads the address kinds and apiError only.
   */
  readonly variant: 'full' | 'address';
  addressForm(constraints: JsonInput, geographicalConstraints?: JsonInput | null): AddressForm;
  /** Compiles once; a schema seen before is not parsed again (cached by its text, never stale). */
  validateAddress(constraints: JsonInput, address: JsonInput, options?: ValidateOptions): ValidationResult;
  /** @throws BtalkCoreError when a document is not usable JSON. */
  compileConstraints(constraints: JsonInput, geographicalConstraints?: JsonInput | null): CompiledConstraints;
  /** Validates and builds in one call into the core (validateOrder and buildOrderRequest are views of it). */
  orderRequest(order: Order | string): OrderRequestResult;
  validateOrder(order: Order | string): ValidationResult;
  /** @throws BtalkCoreError with `problems` when the order is invalid. */
  buildOrderRequest(order: Order | string): OrderRequestBody;
  parseResponse(kind: ResponseKind, body: JsonInput): any;
  /** Canonical values (trim, upper-case, enumeration match, digits) and what changed. */
  normalizeAddress(constraints: JsonInput, address: JsonInput): NormalizedAddress;
  /**
   * A short sample the pattern accepts, or null when none can honestly be given; where the
   * pattern offers choices, the sample follows `typed` (what the user typed) as far as it can.
   */
  formatExample(pattern: string, typed?: string): FormatExample | null;
  /** `<civicAddress xmlns="urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr">` (RFC 5139). */
  toCivicAddressXml(address: JsonInput, options: CivicAddressOptions): string;
  /** A full PIDF-LO document (RFC 4119 / RFC 5491) holding the civic address. */
  toPidfLo(address: JsonInput, options: PidfLoOptions): string;
  /** The postal lines in the country's conventional order. */
  formatAddress(address: JsonInput, options?: FormatAddressOptions): string[];
}

export interface NormalizationChange {
  field: string;
  from: string;
  to: string;
  rule: 'whitespace' | 'upperCase' | 'enumeration' | 'digits';
}

export interface NormalizedAddress {
  /** Every field of the input: text values canonical, others as given. */
  address: Record<string, unknown>;
  changes: NormalizationChange[];
}

export interface FormatExample {
  /** The shape, e.g. "9999 AA"; "" when only the example can be given (e.g. `^973[0-9]{2}$`). */
  format: string;
  /** A value the pattern accepts, e.g. "1234 AB". */
  example: string;
  /** What the placeholders mean, e.g. "9 = digit, A = capital letter"; "" with no format. */
  legend: string;
}

export interface CivicAddressOptions {
  /** ISO 3166 alpha-2, e.g. "FR". */
  country: string;
  /** A BCP 47 language tag for xml:lang, e.g. "fr" or "de-CH". */
  lang?: string;
}

export interface PidfLoOptions extends CivicAddressOptions {
  /** The presentity URI, e.g. "pres:site-42@example.com". */
  entity: string;
  /** The tuple's id (an XML name); default "address". */
  tupleId?: string;
  /** RFC 3339 date-time for <timestamp>; omitted when absent. */
  timestamp?: string;
  /** RFC 3339 date-time for <gbp:retention-expiry>; omitted when absent. */
  retentionExpiry?: string;
  /** <gbp:retransmission-allowed>; default false. */
  retransmissionAllowed?: boolean;
  /** <gp:method> token; default "Manual", "" for none. */
  method?: string;
}

export interface FormatAddressOptions {
  /** ISO 3166 alpha-2; unknown or absent: the generic layout. */
  country?: string;
  /** The /addressconstraints document: enumerations then show their display text. */
  constraints?: JsonInput;
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
