// Deterministic order references for the site import (DOM-free). The same row of the same
// import always gets the same customerOrderReference (a retry, a reload mid-run, the same file
// imported again), so the progress store finds its record. Exactly once does not rest on it:
// nothing says the API de-duplicates on the reference (see run-engine.js).

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base 32

/** FNV-1a 64 of the text's UTF-8 bytes, as 13 base-32 characters. */
export function stableHash(text) {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(String(text))) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK;
  }
  let out = '';
  for (let i = 0; i < 13; i += 1) {
    out = ALPHABET[Number(hash & 31n)] + out;
    hash >>= 5n;
  }
  return out;
}

/** The site fields that identify a row's voicesite, in a fixed order. */
export function siteKey({ technicalSiteName = '', customerSiteLabel = '', country = '', vpnId = '' }) {
  return JSON.stringify([technicalSiteName, customerSiteLabel, country.toUpperCase(), vpnId]);
}

/**
 * An import's id: the page's own (`import-id`), else a hash of the customer and the site
 * fields of every row as read from the file, so the same file always gets the same id
 * (address corrections do not change it).
 */
export function importIdFor(customerCode, siteRows, given) {
  if (typeof given === 'string' && /^[\x21-\x7e]{1,32}$/.test(given)) return given;
  return stableHash(JSON.stringify([customerCode, siteRows.map(siteKey)])).slice(0, 10);
}

/** The row's customerOrderReference: its own column, else BTI-<import id>-<hash of its site fields>. */
export function referenceFor(site, importId) {
  if (site.customerOrderReference) return site.customerOrderReference;
  return `BTI-${importId}-${stableHash(`${importId}\u0000${siteKey(site)}`)}`;
}
