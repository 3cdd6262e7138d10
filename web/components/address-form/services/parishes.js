// Parishes of a municipality (Portugal: GET /countries/{iso2}/parishes?a1=&a2=). The answer does
// not name its element: a parish (freguesia) is a city division, PIDF-LO A4 (RFC 4119), where
// Portugal's schema puts it; the look-up is keyed by the two levels above the locality.
export default {
  id: 'parishes',
  method: 'parishes', // discover.js METHODS
  field: 'a4', // discover.js PARISH
  parents: ['a1', 'a2'],
  debounceMs: 250,
  /** -> [{ value, display }] */
  async run(client, iso2, { a1, a2 }) {
    const list = await client.parishes(iso2, { a1, a2 }, { notFound: 'error' });
    return Array.isArray(list) ? list : [];
  },
};
