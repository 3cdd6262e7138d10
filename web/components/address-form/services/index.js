// The address form's specialised address services behind one interface. Each service is a
// small module: { id, method, run(client, iso2, input), ...its own constants }. `method` is the
// client method it needs; a client without it simply does not offer the service. Which
// services a country has is learned up front (discover.js, in the first bundle: these modules import
// nothing from it, so they stay in the on-demand chunk), so the form only shows what exists, and loads
// these modules only for a country that has one.
import search from './search.js';
import verify from './verify.js';
import postalCodes from './postal-codes.js';
import parishes from './parishes.js';

export const SERVICES = Object.freeze({ search, verify, postalCodes, parishes });

/** A 404 from a look-up means "this country does not offer it". */
export const isNotOffered = (error) => error?.status === 404
  || error?.code === 'SEARCH_NOT_SUPPORTED' || error?.body?.code === 'SEARCH_NOT_SUPPORTED';
