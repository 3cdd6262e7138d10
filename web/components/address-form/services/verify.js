// Full address validation (GET /countries/{iso2}/addresses?a6=&hno=...): does the API know the
// address, and does it write it the same way? Advice only: the schema decides validity.
const DIAL_ZONE = 'dialZone';

/** The elements the verification compares (no dial zone: the API does not know it), trimmed. */
export function verifiableAddress(address) {
  const out = {};
  for (const [name, text] of Object.entries(address ?? {})) {
    const value = String(text ?? '').trim();
    if (name !== DIAL_ZONE && value !== '') out[name] = value;
  }
  return out;
}

export default {
  id: 'verify',
  method: 'validateAddressCandidates', // discover.js METHODS
  /** -> { kind: 'found' } | { kind: 'foundOther', candidate } | { kind: 'unknown' } */
  async run(client, iso2, address) {
    const list = (await client.validateAddressCandidates(iso2, address) ?? [])
      .filter((c) => c && c.address && typeof c.address === 'object');
    if (list.length === 0) return { kind: 'unknown' };
    const same = (candidate) => {
      const theirs = verifiableAddress(candidate.address);
      const names = new Set([...Object.keys(theirs), ...Object.keys(address)]);
      return [...names].every((name) => theirs[name] === address[name]);
    };
    return list.some(same) ? { kind: 'found' } : { kind: 'foundOther', candidate: list[0] };
  },
};
