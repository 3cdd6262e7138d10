// The stand-in as a test-runner user gets it from the package (btalk-forms/standin): its
// bundled country data (ES modules generated at pack time, not in git) answers a client.
import { BtalkClient } from 'btalk-forms';
import { createStandIn } from 'btalk-forms/standin';

const standIn = createStandIn();
const api = new BtalkClient({ baseUrl: 'https://api.portal.test/btalk/v1', fetch: standIn.fetch, credentials: standIn.credentials() });
const countries = await api.countries();
const france = await api.country('FR');
const constraints = await api.addressConstraints('FR');
console.log(JSON.stringify({ countries: countries.map((c) => c.iso2).sort(), france: france.name, pcLabel: constraints.pc?.defaultLabel }));
