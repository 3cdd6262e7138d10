// The address search: GET /countries/{iso2}/addresses?q= in its own box above the fields; a chosen
// candidate replaces the whole address (the exact push format). While nothing is filled the fields
// stay folded under the box, with a way to enter the address by hand (the GOV.UK address pattern).
export default {
  id: 'search',
  path: 'addresses',
  // The getting-started guide's table ("Specialized address API: Yes").
  countries: ['AU', 'BL', 'DK', 'FR', 'GF', 'GP', 'MF', 'MQ', 'NL', 'NO', 'RE', 'YT'],
  kind: 'suggest',
  field: null, // its own box
  minChars: 3,
  fill: 'replace',
  // Validation-only countries answer the search with this 400 (a text code, or the stand-in's integer
  // code in an error list: the real API's codes are not public): then only the search goes.
  notOffered: ['SEARCH_NOT_SUPPORTED', 1301],
  texts: {
    busy: 'searching', failed: 'searchFailed', none: 'searchNone', found: 'searchFound', chosen: 'candidateChosen',
    unavailable: 'searchUnavailable', label: 'searchLabel', description: 'searchDescription',
  },
};
