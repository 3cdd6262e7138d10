// Address search (GET /countries/{iso2}/addresses?q=): candidates in the exact push format.
export default {
  id: 'search',
  method: 'searchAddresses', // discover.js METHODS
  minChars: 3,
  debounceMs: 250,
  /** -> [{ id, label, address }] (entries without an address object dropped). */
  async run(client, iso2, query) {
    const list = await client.searchAddresses(iso2, query);
    return (Array.isArray(list) ? list : []).filter((c) => c && c.address && typeof c.address === 'object');
  },
};
