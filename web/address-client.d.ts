export {
  BtalkAddressClient, BtalkApiError, DEFAULT_BASE_URL, MAX_RESPONSE_BYTES, parseRetryAfter,
} from './client.js';
export type * from './client.js';
