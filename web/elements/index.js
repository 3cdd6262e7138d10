// btalk-forms/elements: importing this module defines <btalk-address-form> and
// <btalk-voicesite-order>. defineElements() does the same explicitly (e.g. with
// a scoped registry) and is safe to call more than once.
import { BtalkAddressForm } from './address-form.js';
import { BtalkVoicesiteOrder } from './voicesite-order.js';
export { STRINGS } from './shared.js';

export { BtalkAddressForm, BtalkVoicesiteOrder };

/** Defines both elements in `registry` (default: window.customElements) unless already defined. */
export function defineElements(registry = globalThis.customElements) {
  if (!registry) return;
  if (!registry.get('btalk-address-form')) registry.define('btalk-address-form', BtalkAddressForm);
  if (!registry.get('btalk-voicesite-order')) registry.define('btalk-voicesite-order', BtalkVoicesiteOrder);
}

defineElements();
