// Types for `btalk-forms/elements`.
import type { AddressForm, FieldOption, Problem } from '../core.js';
import type { BtalkClient } from '../client.js';
import type { UiLanguage } from '../types/ui-language.js';
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
    /** The language of the constraints' labels and descriptions; absent or null: English. */
    language?: string | null;
  }>;
  geoAreas(iso2: string, parents?: string[]): Promise<FieldOption[]>;
  /**
   * Optional: the look-ups of the specialised address APIs (search, verification, postal codes,
   * parishes, and any registered with registerLookup()). Without it the form has none.
   * A 404 must reject with status 404 (the country does not have it).
   */
  addressLookup?(iso2: string, path: string, query: Record<string, string | number | null | undefined>,
    options?: { kind?: 'addressCandidates' | 'postalCodes' | 'choices'; cache?: boolean }): Promise<unknown[]>;
  pushVoiceAddress(customerCode: string, voiceSiteId: string, address: Record<string, string>):
    Promise<{ voiceSiteId: string; voiceAddress: Record<string, string> }>;
  [method: string]: unknown;
}

// UiLanguage: the UI languages every element ships a catalogue for, generated from LANGUAGES
// (web/internal/localize.js). A `lang` attribute takes any BCP 47 tag: the closest of these is used, else English.
export type { UiLanguage };

/**
 * UI strings: one catalogue per language of UiLanguage under components/<element>/i18n/. API texts
 * (descriptions, values, messages) are never translated; an API label not in the UI's language gives way to
 * the element's own name for that address element (`element.<name>`). Keys `problem.<code>` (valueMissing,
 * tooShort, tooLong, typeMismatch, patternMismatch, notAllowed, unknownField) replace the core's English problem
 * messages; placeholders: {label}, {min}, {max}. Plural forms: `key.<category>` per Intl.PluralRules (`one`,
 * `few`, `many`, `other`...).
 */
export type UiStrings = Record<string, string>;

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
  /** The API's own code (an integer in the Business Talk API's error lists), when it gave one. */
  apiCode?: number | string;
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
 * `country` (ISO2), `customer-code` + `voicesite-id` (show the Save button), `lang` (a UiLanguage or any
 * BCP 47 tag; default: the closest ancestor's `lang`),
 * `name`, `disabled`, `heading-level` (1-6: the error summary's heading level, default 2).
 *
 * Form value: a FormData with one entry per filled field. With `name="address"` the
 * entries are `address[pc]`, `address[a3]`...; without `name`, the bare element names
 * (`pc`, `a3`...). `dialZone` is included when the country's dial zone is manual.
 * The element is invalid (blocks form submission) until the country is loaded and the
 * core finds no problem; the validation message is the first problem's.
 *
 * Parts: form field label input select description error note summary search search-input search-status
 * manual (the "Enter the address by hand" button) candidates (a listbox of suggestions) candidate match (the
 * typed part of a suggestion) save status link, postal-codes and suggestions (a field's listbox), verify
 * (the "Verify address" button), verify-result (its live region) and verify-use (its "Use this format" button).
 *
 * Look-ups of the specialised address APIs (components/address-form/lookups/, one data file each, in the
 * countries of the guide's table; nothing is asked to find out, and a 404 on use withdraws a look-up):
 * - search (`/addresses?q=`): a search box above the fields, which stay folded until the address is
 *   chosen or wanted by hand; suggestions in a listbox over the form, the typed words marked.
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
 * Attributes: `api-base`, `lang` (a UiLanguage or any BCP 47 tag; without it the closest ancestor's `lang`),
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
