// Types for btalk-forms/react: the React wrappers (React 18 and 19), and the elements in React's JSX
// (`import type {} from 'btalk-forms/react'`, web/types/react.d.ts) for React 19, which sets properties itself.
import type { ForwardRefExoticComponent, HTMLAttributes, RefAttributes } from 'react';
import type { AddressFormEventMap, BtalkAddressForm as AddressFormElement, BtalkErrorDetail, BtalkVoicesiteOrder as VoicesiteOrderElement, VoicesiteOrderEventMap } from '../elements/index.js';
import type {
  BtalkImportDoneDetail, BtalkImportProgressDetail, BtalkImportRowDetail, BtalkSiteImport as SiteImportElement,
} from '../components/site-import/site-import.js';
import type { BtalkAddressFormProps, BtalkSiteImportProps, BtalkVoicesiteOrderProps } from '../types/jsx.js';

export type * from '../types/react.js';

/** 'btalk-address-saved' -> 'BtalkAddressSaved'. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;
/** on<Event> props: onBtalkAddressSaved={(event) => ...} for 'btalk-address-saved'. */
export type EventProps<Events> = { [K in keyof Events & string as `on${Pascal<K>}`]?: (event: Events[K]) => void };

export interface SiteImportEventMap {
  'btalk-import-progress': CustomEvent<BtalkImportProgressDetail>;
  'btalk-import-row': CustomEvent<BtalkImportRowDetail>;
  'btalk-import-done': CustomEvent<BtalkImportDoneDetail>;
  'btalk-error': CustomEvent<BtalkErrorDetail>;
}

/** A wrapper's props: the element's attributes and properties, on<Event> handlers, and React's HTML props. */
export type WrapperProps<Element extends HTMLElement, Props, Events> =
  Omit<HTMLAttributes<Element>, keyof Props | keyof EventProps<Events>> & Props & EventProps<Events>;

export declare const BtalkAddressForm: ForwardRefExoticComponent<
  WrapperProps<AddressFormElement, BtalkAddressFormProps, AddressFormEventMap> & RefAttributes<AddressFormElement>>;
export declare const BtalkVoicesiteOrder: ForwardRefExoticComponent<
  WrapperProps<VoicesiteOrderElement, BtalkVoicesiteOrderProps, VoicesiteOrderEventMap> & RefAttributes<VoicesiteOrderElement>>;
export declare const BtalkSiteImport: ForwardRefExoticComponent<
  WrapperProps<SiteImportElement, BtalkSiteImportProps, SiteImportEventMap> & RefAttributes<SiteImportElement>>;

/** Wraps another custom element the same way (React is passed in: `import React from 'react'`). */
export declare function createComponent<Element extends HTMLElement, Props = Record<string, unknown>, Events = Record<string, never>>(
  react: unknown,
  spec: { tagName: string; displayName?: string; properties?: string[]; events?: string[]; booleans?: string[] },
): ForwardRefExoticComponent<WrapperProps<Element, Props, Events> & RefAttributes<Element>>;
