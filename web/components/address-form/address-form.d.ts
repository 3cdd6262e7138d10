// Types for `btalk-forms/address-form`: importing it defines <btalk-address-form>.
import type { BtalkAddressForm } from '../../elements/index.js';

export { BtalkAddressForm };

/**
 * A look-up of a specialised address API, as data (components/address-form/lookups/*.js are examples).
 * `suggest`: text typed in `field` (or, without a field, in its own search box above the fields) asks
 * GET /countries/{iso2}/{path}?{param}=text once `minChars` are typed; the answer (read as `answer`) lists
 * addresses, and a chosen one fills the form (`fill`). `options`: once the `keys` fields are filled, their
 * values are asked and `field` becomes a select. `verify`: the filled address is asked.
 */
export interface LookupDescriptor {
  id: string;
  /** One lower-case path segment under /countries/{iso2}/. */
  path: string;
  kind?: 'suggest' | 'options' | 'verify';
  /** Where the API has it; absent: every country (the first use tells, a 404 withdraws it). */
  countries?: string[];
  field?: string | null;
  keys?: string[];
  param?: string;
  minChars?: number;
  debounceMs?: number;
  /** How the core reads the answer: a list of candidates (default), of postal codes, or of values. */
  answer?: 'addressCandidates' | 'postalCodes' | 'choices';
  /** 'replace' the whole address, or 'merge' the suggestion's elements (default). */
  fill?: 'replace' | 'merge';
  cache?: boolean;
  /** API error codes that also mean "not offered here" (besides a 404). */
  notOffered?: string[];
  /** An extra part name for a field's listbox. */
  part?: string;
  /** Catalogue keys of its texts (busy, failed, none, found, chosen, unavailable, label, description). */
  texts?: Record<string, string>;
}

/** Adds a look-up to every address form of the page, or replaces the one with the same id. */
export declare function registerLookup(descriptor: LookupDescriptor): void;
export type {
  Address, AddressFormEventMap, BtalkErrorDetail, CredentialsProvider, ElementClient, SaveResult, UiLanguage, UiStrings,
} from '../../elements/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'btalk-address-form': BtalkAddressForm;
  }
}
