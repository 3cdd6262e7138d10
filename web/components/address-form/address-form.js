// btalk-forms/address-form: defines <btalk-address-form> (and nothing else) and exports its class.
import { BtalkAddressForm } from './address-form.component.js';
import { defineElement } from '../../internal/define.js';

export { BtalkAddressForm };
defineElement('btalk-address-form', BtalkAddressForm);
