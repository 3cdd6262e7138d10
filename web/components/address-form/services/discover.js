// Which address services a country offers, learned up front (client.addressServices: one probe each,
// cached per country and base URL) and from use (a look-up that answered 404 after all). This part is
// in the address form's first bundle; the services themselves (index.js: search, verify, postal codes,
// parishes) are loaded only for a country that offers one (address-form.lookups.js).

/** The client method each service needs (each service module's `method`, tests/node checks it); a client
 *  without it simply does not offer the service. */
export const METHODS = Object.freeze({
  search: 'searchAddresses', verify: 'validateAddressCandidates', postalCodes: 'postalCodes', parishes: 'parishes',
});

/** The parish look-up's field and the two levels above it that key it (see parishes.js). */
export const PARISH = Object.freeze({ field: 'a4', parents: Object.freeze(['a1', 'a2']) });

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
  for (const [id, method] of Object.entries(METHODS)) offered[id] = typeof client?.[method] === 'function';
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
