// `import type {} from 'btalk-forms/react'` (or "types": ["btalk-forms/react"]): the elements in React's JSX.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { BtalkAddressForm, BtalkVoicesiteOrder } from '../elements/index.js';
import type { BtalkSiteImport } from '../components/site-import/site-import.js';
import type { BtalkAddressFormProps, BtalkSiteImportProps, BtalkVoicesiteOrderProps } from './jsx.js';
import '../components/address-form/address-form.js';
import '../components/voicesite-order/voicesite-order.js';
import '../components/site-import/site-import.js';

export type * from './jsx.js';

type BtalkJsxElement<E, Props> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Props> & Props;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'btalk-address-form': BtalkJsxElement<BtalkAddressForm, BtalkAddressFormProps>;
      'btalk-voicesite-order': BtalkJsxElement<BtalkVoicesiteOrder, BtalkVoicesiteOrderProps>;
      'btalk-site-import': BtalkJsxElement<BtalkSiteImport, BtalkSiteImportProps>;
    }
  }
}
