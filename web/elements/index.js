// btalk-forms/elements: importing this module defines <btalk-address-form> and
// <btalk-voicesite-order>. defineElements() does the same explicitly (e.g. with
// a scoped registry) and is safe to call more than once.
import { defineElements } from '../components/index.js';

export { BtalkAddressForm, BtalkVoicesiteOrder, defineElements } from '../components/index.js';

defineElements();
