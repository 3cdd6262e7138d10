// A look-up the package does not have, as a portal (or a newcomer) would add it: street suggestions
// from a street API, GET /countries/{iso2}/streets?q=, whose answer lists streets with the postal
// code and city they are in. This one file is all it takes (tests/node/address-form-lookups.test.js
// and tests/browser/address-search.test.js register it and see it work).
export default {
  id: 'streets',
  path: 'streets',
  countries: ['FR'],
  field: 'a6', // typing in the street field asks
  minChars: 3,
  fill: 'merge', // a chosen street sets a6, pc and a3; the rest stays
};
