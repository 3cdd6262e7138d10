// The order reference <btalk-voicesite-order> proposes (DOM-free). The user may type their own.

/** A fresh order reference: date + 8 random base-32 characters (crypto-strong). */
export function generateOrderReference(now = new Date()) {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  let random = '';
  for (const byte of bytes) random += alphabet[byte % alphabet.length];
  const pad = (n) => String(n).padStart(2, '0');
  const date = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}`;
  return `ORD-${date}-${random}`;
}
