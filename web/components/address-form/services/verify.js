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

/** Text compared as the API's look-ups compare it: case, accents and spaces aside. */
const folded = (text) => String(text ?? '').normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

export default {
  id: 'verify',
  method: 'validateAddressCandidates', // discover.js METHODS
  /**
   * -> { kind: 'found' } | { kind: 'foundOther', candidate } (the address, written otherwise)
   *  | { kind: 'closest', candidate } (not this address: the nearest one the API knows) | { kind: 'unknown' }
   */
  async run(client, iso2, address) {
    const list = (await client.validateAddressCandidates(iso2, address) ?? [])
      .filter((c) => c && c.address && typeof c.address === 'object');
    if (list.length === 0) return { kind: 'unknown' };
    const same = (candidate) => {
      const theirs = verifiableAddress(candidate.address);
      const names = new Set([...Object.keys(theirs), ...Object.keys(address)]);
      return [...names].every((name) => theirs[name] === address[name]);
    };
    if (list.some(same)) return { kind: 'found' };
    // Every given element the same but for its writing: the address itself; else only the closest one.
    const agrees = (candidate) => Object.keys(address).every((name) => folded(candidate.address[name]) === folded(address[name]));
    const other = list.find(agrees);
    return other ? { kind: 'foundOther', candidate: other } : { kind: 'closest', candidate: list[0] };
  },
};
