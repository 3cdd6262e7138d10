// Define-free entry: the element classes and defineElements(registry?), for scoped registries.
import { BtalkAddressForm } from './address-form/address-form.component.js';
import { BtalkVoicesiteOrder } from './voicesite-order/voicesite-order.component.js';
import { defineElement } from '../internal/define.js';
import { preferFullCore } from '../core-loader/core-choice.js';
import { loadCore } from '../core.js';

export { BtalkAddressForm, BtalkVoicesiteOrder };

/** Defines both elements in `registry` (default: the page's customElements) unless already defined. */
export function defineElements(registry = globalThis.customElements) {
  // The order element loads the full core: address forms on the page use it too (one wasm download).
  preferFullCore(loadCore);
  defineElement('btalk-address-form', BtalkAddressForm, registry);
  defineElement('btalk-voicesite-order', BtalkVoicesiteOrder, registry);
}
