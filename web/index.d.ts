export * from './core.js';
export { loadAddressCore } from './address-core.js';
export { BtalkClient, BtalkAddressClient, BtalkApiError, DEFAULT_BASE_URL } from './client.js';
export type {
  BtalkClientOptions, CallOptions, OrderOptions, Credentials, CredentialsProvider, Me, Customer, Vpn,
  Country, CountryListItem, OrderResponse, Voicesite, AddressCandidate, VoiceAddressResult,
  CountryFormData, ApiProblem, BtalkApiErrorCode, PostalCode, LookupOptions, Page, PageOptions,
} from './client.js';
