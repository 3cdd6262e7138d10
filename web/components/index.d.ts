// Types for `btalk-forms/components`: the classes and defineElements(registry?), defining nothing on import.
export { BtalkAddressForm, BtalkVoicesiteOrder, defineElements } from '../elements/index.js';
export type * from '../elements/index.js';
import './address-form/address-form.js';
import './voicesite-order/voicesite-order.js';
