// Portugal's postal codes: typing 4+ characters in a free-text `pc` asks GET /countries/{iso2}/postalcodes?q=;
// a chosen code fills pc and the elements it determines (a1 district, a2 municipality, a3 locality).
export default {
  id: 'postalCodes',
  path: 'postalcodes',
  countries: ['PT'], // the guide's table: "Partial: postal codes and parishes"
  kind: 'suggest',
  field: 'pc',
  minChars: 4,
  answer: 'postalCodes',
  cache: true,
  part: 'postal-codes',
  texts: {
    busy: 'postalCodesSearching', failed: 'postalCodesFailed', none: 'postalCodesNone', found: 'postalCodesFound',
    chosen: 'postalCodeChosen',
  },
};
