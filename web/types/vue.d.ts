// `import type {} from 'btalk-forms/vue'` (or "types": ["btalk-forms/vue"]): the elements in Vue templates
// (vue-tsc / Volar). Vue also needs `compilerOptions.isCustomElement: (tag) => tag.startsWith('btalk-')`.
import type { DefineComponent } from 'vue';
import type { BtalkAddressFormProps, BtalkSiteImportProps, BtalkVoicesiteOrderProps } from './jsx.js';
import '../components/address-form/address-form.js';
import '../components/voicesite-order/voicesite-order.js';
import '../components/site-import/site-import.js';

export type * from './jsx.js';

declare module 'vue' {
  interface GlobalComponents {
    'btalk-address-form': DefineComponent<BtalkAddressFormProps>;
    'btalk-voicesite-order': DefineComponent<BtalkVoicesiteOrderProps>;
    'btalk-site-import': DefineComponent<BtalkSiteImportProps>;
  }
}
