// Postal code look-up (Portugal: GET /countries/{iso2}/postalcodes?q=): codes with the elements
// they determine (a1, a2, a3...). Only for a free-text `pc` field.
export default {
  id: 'postalCodes',
  method: 'postalCodes', // discover.js METHODS
  field: 'pc',
  minChars: 4,
  debounceMs: 250,
  /** -> [{ value, display, address }] */
  async run(client, iso2, query) {
    const list = await client.postalCodes(iso2, query, { notFound: 'error' });
    return (Array.isArray(list) ? list : []).filter((code) => code && code.value !== undefined && code.value !== null);
  },
};
