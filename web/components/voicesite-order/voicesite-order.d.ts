// Types for `btalk-forms/voicesite-order`: importing it defines <btalk-voicesite-order> (and the address form it embeds).
import type { BtalkVoicesiteOrder } from '../../elements/index.js';
import '../address-form/address-form.js';

export { BtalkVoicesiteOrder };
export type { VoicesiteOrderEventMap, BtalkErrorDetail, CredentialsProvider, ElementClient, UiLanguage, UiStrings } from '../../elements/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'btalk-voicesite-order': BtalkVoicesiteOrder;
  }
}
