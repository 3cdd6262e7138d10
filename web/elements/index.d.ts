// Types for `btalk-forms/elements`.
import type { AddressForm, FieldOption, Problem } from '../core.js';
import type { BtalkClient } from '../client.js';
import '../components/address-form/address-form.js';
import '../components/voicesite-order/voicesite-order.js';

/** The credentials the auto-made client asks for. A property only: never put secrets in attributes. */
export type CredentialsProvider = () => Promise<{ accessToken: string; apiKey: string }>;

/** The part of BtalkClient (web/client.js) the elements use. */
export interface ElementClient {
  countryForm(iso2: string): Promise<{
    country: unknown;
    constraints: unknown;
    geographicalConstraints: unknown;
    form: AddressForm;
    dialZones: FieldOption[];
  }>;
  geoAreas(iso2: string, parents?: string[]): Promise<FieldOption[]>;
  searchAddresses(iso2: string, query: string): Promise<Array<{ id: string; label: string; address: Record<string, string> }>>;
  /** Optional: without it there is no "Verify address" button. */
  validateAddressCandidates?(iso2: string, address: Record<string, string>):
    Promise<Array<{ id: string; label: string; address: Record<string, string> }>>;
  /** Optional (Portugal): the postal code look-up. With { notFound: 'error' } a 404 must reject with status 404. */
  postalCodes?(iso2: string, query: string, options?: { notFound?: 'empty' | 'error' }):
    Promise<Array<{ value: string; display: string; address: Record<string, string> }>>;
  /** Optional: which look-ups the country offers (one probe each); without it the element finds out by trying. */
  addressServices?(iso2: string): Promise<{ search: boolean | null; verify: boolean | null; postalCodes: boolean | null; parishes: boolean | null }>;
  /** Optional (Portugal): the parishes of a municipality. Same 404 rule as postalCodes. */
  parishes?(iso2: string, area: { a1: string; a2: string }, options?: { notFound?: 'empty' | 'error' }): Promise<FieldOption[]>;
  pushVoiceAddress(customerCode: string, voiceSiteId: string, address: Record<string, string>):
    Promise<{ voiceSiteId: string; voiceAddress: Record<string, string> }>;
  [method: string]: unknown;
}

/**
 * UI strings: one catalogue per language (en, fr, de, es, it, nl, pt) under
 * components/<element>/i18n/. API texts (labels, descriptions, values) are never
 * translated. Keys `problem.<code>` (valueMissing, tooShort, tooLong, typeMismatch,
 * patternMismatch, notAllowed, unknownField) replace the core's English problem
 * messages; placeholders: {label}, {min}, {max}. Plural forms: `key.one`, `key.other`.
 */
export type UiStrings = Record<string, string>;
/** The address form's English and French catalogues (back-compat; the element loads its language itself). */
export declare const STRINGS: { en: UiStrings; fr: UiStrings };

/** An address: PIDF-LO element name (a1..a6, hno, pc, ..., dialZone) -> value. */
export type Address = Record<string, string>;

export interface SaveResult {
  saved: boolean;
  voiceSiteId?: string;
  address?: Address;
  problems?: Problem[];
  error?: BtalkErrorDetail;
}

export interface BtalkErrorDetail {
  message: string; status: number; code: string;
  /** <btalk-voicesite-order> only: where it failed: "core", "access", "customers", "countries", "vpns", "order" or "list" (the voicesites). */
  step?: string;
}

export interface AddressFormEventMap {
  'btalk-change': CustomEvent<{ address: Address }>;
  'btalk-validity': CustomEvent<{ valid: boolean; problems: Problem[] }>;
  'btalk-address-saved': CustomEvent<{ voiceSiteId: string; address: Address }>;
  'btalk-error': CustomEvent<BtalkErrorDetail>;
  'btalk-loaded': CustomEvent<{ country: string }>;
}

/**
 * `<btalk-address-form country="FR" lang="fr" name="address">`
 *
 * Attributes: `api-base` (default: the client's; e.g. `/proxy/btalk/v1` for a same-origin proxy),
 * `country` (ISO2), `customer-code` + `voicesite-id` (show the Save button), `lang` (en|fr|de|es|it|nl|pt;
 * default: the closest ancestor's `lang`),
 * `name`, `disabled`, `heading-level` (1-6: the error summary's heading level, default 2).
 *
 * Form value: a FormData with one entry per filled field. With `name="address"` the
 * entries are `address[pc]`, `address[a3]`...; without `name`, the bare element names
 * (`pc`, `a3`...). `dialZone` is included when the country's dial zone is manual.
 * The element is invalid (blocks form submission) until the country is loaded and the
 * core finds no problem; the validation message is the first problem's.
 *
 * Parts: form field label input select description error note summary search search-input candidates
 * candidate save status link, postal-codes (the postal code look-up list), verify (the "Verify address"
 * button), verify-result (its live region) and verify-use (its "Use this format" button).
 *
 * Specialised address APIs, learned while loading (client.addressServices: one probe each, remembered
 * per country and base URL; without that method, found by trying: a 404 means "not offered"):
 * - search (`/addresses?q=`): the search box; `SEARCH_NOT_SUPPORTED` (validation-only countries) hides it.
 * - full address validation (`/addresses?a6=&hno=...`): "Verify address" says whether the API knows the
 *   address and offers its exact format. Advice only: validity stays the schema's.
 * - Portugal's `/postalcodes?q=`: typing 4+ characters in `pc` lists codes; choosing one fills pc, a1, a2, a3.
 * - Portugal's `/parishes?a1=&a2=`: the parish field (`a4`, PIDF-LO's city division: the answer does not
 *   name its element) becomes a select of the municipality's parishes; a typed value is kept.
 * Custom properties: --btalk-font --btalk-color-text --btalk-color-accent --btalk-color-error
 * --btalk-color-border --btalk-radius --btalk-gap --btalk-color-bg --btalk-color-selected
 * --btalk-color-hover --btalk-field-gap.
 */
export declare class BtalkAddressForm extends HTMLElement {
  static readonly formAssociated: true;
  static readonly observedAttributes: string[];
  /** A BtalkClient; without one, a client is made from `api-base` (no auth headers unless `credentials` is set). */
  client: BtalkClient | ElementClient | null;
  credentials: CredentialsProvider | null;
  /** Overrides on top of the `lang` strings; reading gives the strings in use. */
  strings: UiStrings;
  /** The filled fields of the current country; setting it fills the fields (kept across country changes). */
  value: Address;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  readonly willValidate: boolean;
  readonly form: HTMLFormElement | null;
  readonly type: 'btalk-address-form';
  checkValidity(): boolean;
  /** Shows every problem with an error summary and focuses the first invalid field. */
  reportValidity(): boolean;
  /** Validates then PUTs the address to `voicesite-id`. Never rejects; a call while saving returns the same promise. */
  save(): Promise<SaveResult>;
  /** The current address as an RFC 5139 civic address (PIDF-LO), xml:lang when `lang` is given; null before the form loads. */
  toCivicAddressXml(options?: { lang?: string }): string | null;
  addEventListener<K extends keyof AddressFormEventMap>(
    type: K, listener: (this: BtalkAddressForm, event: AddressFormEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

export interface VoicesiteOrderEventMap {
  /** found: the order's answer was lost and its voicesite was found in the list (the order then has no orderId). */
  'btalk-order-created': CustomEvent<{ order: unknown; voiceSiteId: string | null; found: boolean }>;
  'btalk-address-saved': CustomEvent<{ voiceSiteId: string; address: Address }>;
  'btalk-error': CustomEvent<BtalkErrorDetail>;
}

/**
 * `<btalk-voicesite-order customer-code="9999" country="FR" lang="en">`: the guided order flow.
 * Attributes: `api-base`, `lang` (en|fr|de|es|it|nl|pt; without it the closest ancestor's `lang`),
 * `customer-code` and `country` (preselect), `heading-level`
 * (1-5: the title is a level-N heading, the steps N+1; default 2), `view` (`order`, the default, or
 * `list`: the voicesites list, where a voicesite without an address gets *Give its address*).
 * Failures are shown without codes; `btalk-error`'s detail carries `status` and `code`.
 */
export declare class BtalkVoicesiteOrder extends HTMLElement {
  client: BtalkClient | ElementClient | null;
  credentials: CredentialsProvider | null;
  strings: UiStrings | Record<string, UiStrings>;
  /** The voicesite this element ordered, once the API delivered it. */
  readonly voiceSiteId: string | null;
  /** The view shown (reflects the `view` attribute): the order form or the voicesites list. */
  view: 'order' | 'list';
  addEventListener<K extends keyof VoicesiteOrderEventMap>(
    type: K, listener: (this: BtalkVoicesiteOrder, event: VoicesiteOrderEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

/** Defines both elements (no-op for an already defined name). Importing the module already calls it. */
export declare function defineElements(registry?: CustomElementRegistry): void;

declare global {
  interface HTMLElementTagNameMap {
    'btalk-address-form': BtalkAddressForm;
    'btalk-voicesite-order': BtalkVoicesiteOrder;
  }
}
