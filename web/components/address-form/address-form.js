// btalk-forms/address-form: defines <btalk-address-form> (and nothing else) and exports its class and
// registerLookup() (a look-up of a specialised address API, as data: lookups/).
import { BtalkAddressForm } from './address-form.component.js';
import { defineElement } from '../../internal/define.js';

export { BtalkAddressForm };
export { registerLookup } from './lookups/index.js';
defineElement('btalk-address-form', BtalkAddressForm);
