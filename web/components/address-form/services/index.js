// The address form's specialised address services behind one interface. Each service is a
// small module: { id, method, run(client, iso2, input), ...its own constants }. `method` is the
// client method it needs; a client without it simply does not offer the service. Which
// services a country has is learned up front (client.addressServices: one probe each, cached
// per country and base URL), so the form only shows what exists.
import search from './search.js';
import verify from './verify.js';
import postalCodes from './postal-codes.js';
import parishes from './parishes.js';

export const SERVICES = Object.freeze({ search, verify, postalCodes, parishes });

/** A 404 from a look-up means "this country does not offer it". */
export const isNotOffered = (error) => error?.status === 404
  || error?.code === 'SEARCH_NOT_SUPPORTED' || error?.body?.code === 'SEARCH_NOT_SUPPORTED';

// What was learned from use (a look-up that answered 404 after all), per "base URL + ISO2",
// for clients that cannot probe (a page's own client without addressServices).
const learned = new Map();

const keyOf = (client, iso2) => `${client?.baseUrl ?? ''} ${iso2}`;

/**
 * Which services `iso2` offers with `client`: { search, verify, postalCodes, parishes } (booleans).
 * Never rejects: a probe that could not tell leaves the service offered (its first use tells).
 */
export async function discoverServices(client, iso2) {
  const offered = {};
  for (const [id, service] of Object.entries(SERVICES)) offered[id] = typeof client?.[service.method] === 'function';
  let probed = null;
  if (typeof client?.addressServices === 'function') {
    try {
      probed = await client.addressServices(iso2);
    } catch {
      probed = null;
    }
  }
  const missing = learned.get(keyOf(client, iso2)) ?? new Set();
  for (const id of Object.keys(offered)) {
    if (probed && probed[id] === false) offered[id] = false;
    if (missing.has(id)) offered[id] = false;
  }
  return offered;
}

/** Records that `id` turned out not to exist for `iso2` (it answered 404 when used). */
export function markMissing(client, iso2, id) {
  const key = keyOf(client, iso2);
  if (!learned.has(key)) learned.set(key, new Set());
  learned.get(key).add(id);
}
