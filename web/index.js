// btalk-forms: public entry point. The elements live in 'btalk-forms/elements'
// so that importing the core or the client never touches customElements.
export { loadCore, BtalkCoreError } from './core.js';
export { loadAddressCore } from './address-core.js';
export { BtalkClient, BtalkAddressClient, BtalkApiError, DEFAULT_BASE_URL } from './client.js';
