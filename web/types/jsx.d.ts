// What JSX and template type checkers need to know about the elements, framework-neutral:
// the attributes (as written in markup: strings) and the properties (typed from the classes).
// btalk-forms/react and btalk-forms/vue map these onto React's and Vue's own tables.
import type { BtalkAddressForm, BtalkVoicesiteOrder, UiLanguage } from '../elements/index.js';
import type { BtalkSiteImport } from '../components/site-import/site-import.js';

/** A `lang` attribute: one of the UI languages, or any BCP 47 tag (the closest language is used). */
export type LangAttribute = UiLanguage | (string & {});

/** Attributes of <btalk-address-form>, as written in markup. */
export interface BtalkAddressFormAttributes {
  'api-base'?: string;
  country?: string;
  'customer-code'?: string;
  'voicesite-id'?: string;
  lang?: LangAttribute;
  name?: string;
  disabled?: boolean;
  'heading-level'?: number | string;
}

/** Attributes of <btalk-voicesite-order>, as written in markup. */
export interface BtalkVoicesiteOrderAttributes {
  'api-base'?: string;
  lang?: LangAttribute;
  'customer-code'?: string;
  country?: string;
  'heading-level'?: number | string;
  /** 'order' (default) or 'list': the voicesites list, so a portal can open on it. */
  view?: 'order' | 'list';
}

/** Attributes of <btalk-site-import>, as written in markup. */
export interface BtalkSiteImportAttributes {
  'api-base'?: string;
  'customer-code'?: string;
  lang?: LangAttribute;
  'heading-level'?: number | string;
  concurrency?: number | string;
  'import-id'?: string;
  'papaparse-src'?: string;
}

/** The settable properties of <btalk-address-form> (frameworks that set properties, e.g. React 19). */
export type BtalkAddressFormProperties = Partial<Pick<BtalkAddressForm, 'client' | 'credentials' | 'strings' | 'value'>>;
/** The settable properties of <btalk-voicesite-order>. */
export type BtalkVoicesiteOrderProperties = Partial<Pick<BtalkVoicesiteOrder, 'client' | 'credentials' | 'strings'>>;
/** The settable properties of <btalk-site-import>. */
export type BtalkSiteImportProperties = Partial<Pick<BtalkSiteImport, 'client' | 'credentials' | 'strings' | 'store'>>;

export type BtalkAddressFormProps = BtalkAddressFormAttributes & BtalkAddressFormProperties;
export type BtalkVoicesiteOrderProps = BtalkVoicesiteOrderAttributes & BtalkVoicesiteOrderProperties;
export type BtalkSiteImportProps = BtalkSiteImportAttributes & BtalkSiteImportProperties;
