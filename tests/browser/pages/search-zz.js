// The address search also for the test-only country ZZ (a portal can widen a look-up's countries the
// same way: registerLookup() with the same id replaces it).
import search from '/web/components/address-form/lookups/search.js';

export default { ...search, countries: [...search.countries, 'ZZ'] };
