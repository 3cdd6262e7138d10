// btalk-forms/voicesite-order: defines <btalk-voicesite-order> and the <btalk-address-form> it embeds.
import '../../core-loader/prefer-full-core.js';
import { BtalkVoicesiteOrder } from './voicesite-order.component.js';
import { defineElement } from '../../internal/define.js';
import '../address-form/address-form.js';

export { BtalkVoicesiteOrder };
defineElement('btalk-voicesite-order', BtalkVoicesiteOrder);
