// Random ids and tokens from Web Crypto's getRandomValues, which Node 20,
// pages (even on plain http, where crypto.randomUUID is missing), workers and
// test runners all have.

function randomBytes(n) {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** `n` random bytes as lower-case hex (2n characters). */
export function randomHex(n) {
  return hex(randomBytes(n));
}

/** `n` random bytes as base64url without padding. */
export function randomBase64url(n) {
  let binary = '';
  for (const b of randomBytes(n)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An RFC 4122 version 4 UUID. */
export function randomUuid() {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
