// Full address validation: GET /countries/{iso2}/addresses?a6=&hno=&pc=... with the filled elements.
// "Verify address" says whether the API knows the address and offers its exact format. Advice only:
// validity stays the schema's.
export default {
  id: 'verify',
  path: 'addresses',
  // The guide's table: "Yes", and "Partial: validation only" (DE, US).
  countries: ['AU', 'BL', 'DE', 'DK', 'FR', 'GF', 'GP', 'MF', 'MQ', 'NL', 'NO', 'RE', 'US', 'YT'],
  kind: 'verify',
  texts: { unavailable: 'verifyUnavailable' },
};
