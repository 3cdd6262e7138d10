// Types for `btalk-forms/address-form`: importing it defines <btalk-address-form>.
import type { BtalkAddressForm } from '../../elements/index.js';

export { BtalkAddressForm };
export type {
  Address, AddressFormEventMap, BtalkErrorDetail, CredentialsProvider, ElementClient, SaveResult, UiLanguage, UiStrings,
} from '../../elements/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'btalk-address-form': BtalkAddressForm;
  }
}
