// btalk-forms/react: React wrappers of the elements (React 18 passes custom-element props as attributes and
// cannot listen to custom events in JSX; with these it can). Each wrapper defines its element when imported;
// a bundler leaves out the ones a page does not use (no module here is listed in "sideEffects").
//   import { BtalkAddressForm } from 'btalk-forms/react';
//   <BtalkAddressForm country="FR" api-base="/proxy/btalk/v1" credentials={getCredentials}
//     onBtalkAddressSaved={(event) => console.log(event.detail.voiceSiteId)} />
export { BtalkAddressForm } from './address-form.js';
export { BtalkVoicesiteOrder } from './voicesite-order.js';
export { BtalkSiteImport } from './site-import.js';
export { createComponent } from './create-component.js';
