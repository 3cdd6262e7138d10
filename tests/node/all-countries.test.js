// Issue #4's acceptance, without a browser: for each of the 30 countries of the
// seed's "Country configuration status" table, the real BtalkClient (direct
// mode: OAuth token + full API key) against the real stand-in loads the
// country's form, orders a voicesite there, pushes the country's sample
// address (server/standin/data, + the dial zone a user would give when it is
// manual) and reads it back. Also one covered and one uncovered "other country".
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BtalkApiError, BtalkClient, loadCore } from '../../web/index.js';
import { BUNDLED_DATA_DIR, createStandInServer } from '../../server/standin/server.js';
import { close, listen, requestToken } from './fixtures/standin/harness.js';
import { ERROR_CODES } from '../../server/standin/http.js';

// The seed's table, dial zone column: what the form must say for each country.
const SEED_DIAL_ZONES = {
  AT: 'manual', AU: 'manual', BE: 'manual', BL: 'automatic', CH: 'manual', CZ: 'manual', DE: 'automatic',
  DK: 'manual', ES: 'manual', FI: 'manual', FR: 'automatic', GB: 'manual', GF: 'automatic', GP: 'automatic',
  HK: 'automatic', IE: 'manual', IT: 'manual', LU: 'manual', MF: 'automatic', MQ: 'automatic', NL: 'automatic',
  NO: 'manual', NZ: 'manual', PL: 'manual', PT: 'automatic', RE: 'automatic', SE: 'manual', SJ: 'manual',
  YT: 'automatic', US: 'manual',
};

const readData = (name) => JSON.parse(readFileSync(`${BUNDLED_DATA_DIR}/${name}`, 'utf8'));
const customersData = readData('customers.json');
const countryData = (iso2) => readData(`countries/${iso2}.json`);
const { clientId, clientSecret } = customersData.oauthClients[0];
const fullKey = customersData.apiKeys.find((k) => k.rightsProfile === 'full');
const CUSTOMER = String(fullKey.customerCodes[0]);
const VPN = String(customersData.customers.find((c) => String(c.customerCode) === CUSTOMER).vpns[0].vpnId);

/** The dial zone a user gives in a manual country: the first of the list, or free text when there is none. */
const dialZoneFor = (dialZones, country) => dialZones[0]?.value ?? `+${country.countryCode}`;

const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

let standIn;
let api;
let tokenRequests = 0;

before(async () => {
  const core = await loadCore();
  standIn = createStandInServer({ core }); // no stateFile: memory only
  const origin = await listen(standIn.server);
  const credentials = async () => {
    tokenRequests += 1;
    const answer = await requestToken(origin, clientId, clientSecret);
    assert.equal(answer.status, 200, 'token endpoint');
    const { access_token: accessToken } = await answer.json();
    return { accessToken, apiKey: fullKey.key };
  };
  api = new BtalkClient({ baseUrl: `${origin}/btalk/v1`, credentials, core });
});

after(async () => {
  if (standIn) await close(standIn.server);
});

/**
 * What a person does in one country: open the form, order a voicesite, fill
 * the sample address (choosing each geo level from the API's lists), save it.
 * Returns the voicesite id.
 */
async function orderAndAddress(iso2, expectedDialZone) {
  const data = countryData(iso2);
  const { country, form, dialZones, constraints, geographicalConstraints } = await api.countryForm(iso2);
  assert.equal(country.iso2, iso2);
  assert.equal(country.covered, true, `${iso2} is covered`);
  assert.ok(form.fields.length > 0, `${iso2}: the form has fields`);
  assert.deepEqual(form.constraintErrors ?? [], [], `${iso2}: every API rule is usable`);
  assert.equal(form.dialZone, expectedDialZone, `${iso2}: dial zone selection`);
  if (expectedDialZone === 'manual') {
    assert.deepEqual(dialZones.map((z) => z.value), (data.dialZones ?? []).map((z) => z.value), `${iso2}: dial zone choices`);
  } else {
    assert.deepEqual(dialZones, [], `${iso2}: no dial zone to choose`);
  }

  const sample = data.sampleAddress;
  assert.ok(sample && typeof sample === 'object', `${iso2}: the data has a sampleAddress`);
  const names = new Set(form.fields.map((f) => f.name));
  for (const name of Object.keys(sample)) assert.ok(names.has(name), `${iso2}: the form has a ${name} field`);
  const address = expectedDialZone === 'manual' ? { ...sample, dialZone: dialZoneFor(dialZones, data) } : { ...sample };

  // Geo-constrained fields: each value must be offered by /geoareas under the values chosen above it.
  const geoFields = form.fields.filter((f) => f.geoLevel).sort((a, b) => a.geoLevel - b.geoLevel);
  const geoAreas = {};
  const parents = [];
  for (const field of geoFields) {
    const options = await api.geoAreas(iso2, parents);
    assert.ok(options.some((o) => o.value === address[field.name]),
      `${iso2}: ${field.name} "${address[field.name]}" offered at level ${field.geoLevel} under [${parents.join(', ')}]`);
    geoAreas[`area${field.geoLevel}`] = options;
    parents.push(address[field.name]);
  }
  // The client's own verdict (what the element shows) before anything is sent.
  const core = await api.core();
  const verdict = core.validateAddress(constraints, address, { geographicalConstraints, geoAreas });
  assert.deepEqual(verdict.problems, [], `${iso2}: the core accepts the sample`);
  assert.equal(verdict.valid, true);

  const order = await api.orderVoicesite(CUSTOMER, {
    customerOrderReference: `ALL-COUNTRIES-${iso2}-${unique}`,
    technicalSiteName: `ALL_${iso2}_${unique}`,
    customerSiteLabel: `All countries test, ${country.name}`,
    country: iso2,
    vpnId: VPN,
  });
  assert.equal(order.status, 'completed', `${iso2}: order completed`);
  assert.ok(typeof order.voiceSiteId === 'string' && order.voiceSiteId.length > 0, `${iso2}: voiceSiteId`);

  assert.equal(await api.getVoiceAddress(CUSTOMER, order.voiceSiteId), null, `${iso2}: no address before the push`);
  let pushed;
  try {
    pushed = await api.pushVoiceAddress(CUSTOMER, order.voiceSiteId, address);
  } catch (error) {
    const problems = error?.problems ?? error?.body?.problems;
    assert.fail(`${iso2}: push refused (${error.status} ${error.code}): ${error.message} ${JSON.stringify(problems ?? [])}`);
  }
  assert.equal(pushed.voiceSiteId, order.voiceSiteId);
  assert.deepEqual(pushed.voiceAddress, address, `${iso2}: saved as sent`);
  assert.deepEqual(await api.getVoiceAddress(CUSTOMER, order.voiceSiteId), address, `${iso2}: read back`);
  return order.voiceSiteId;
}

describe('every country of the seed table: form, order, address', () => {
  const ordered = new Map();
  for (const [iso2, dialZone] of Object.entries(SEED_DIAL_ZONES)) {
    test(`${iso2}: the form loads (${dialZone} dial zone), a voicesite is ordered and its sample address saved`, async () => {
      ordered.set(iso2, await orderAndAddress(iso2, dialZone));
    });
  }

  test('the voicesites list shows each of those voicesites in its country, with its address', async () => {
    assert.equal(ordered.size, Object.keys(SEED_DIAL_ZONES).length, 'every country got its voicesite');
    const sites = await api.voicesites();
    for (const [iso2, voiceSiteId] of ordered) {
      const site = sites.find((s) => s.voiceSiteId === voiceSiteId);
      assert.ok(site, `${iso2}: listed`);
      assert.equal(site.country, iso2);
      assert.equal(site.hasVoiceAddress, true, `${iso2}: has its address`);
    }
    assert.ok(tokenRequests >= 1 && tokenRequests <= 2, `one token for the whole run (${tokenRequests})`);
  });
});

describe('other countries', () => {
  const tableCountries = Object.keys(SEED_DIAL_ZONES);
  const allCountries = () => api.countries();

  test('a covered "other country" works like the table countries', async () => {
    const list = await allCountries();
    const covered = list.filter((c) => c.covered && !tableCountries.includes(c.iso2))
      .filter((c) => countryData(c.iso2).sampleAddress);
    assert.ok(covered.length >= 1, 'at least one covered other country with a sample');
    for (const { iso2 } of covered) {
      const data = countryData(iso2);
      await orderAndAddress(iso2, data.geographicalConstraints.dialZoneSelection);
    }
  });

  test('an uncovered country is refused: its order fails with a clear error and no voicesite appears', async () => {
    const list = await allCountries();
    const uncovered = list.find((c) => !c.covered);
    assert.ok(uncovered, 'the data has an uncovered country');
    assert.equal((await api.country(uncovered.iso2)).covered, false);
    const before = (await api.voicesites()).length;
    await assert.rejects(
      api.orderVoicesite(CUSTOMER, {
        customerOrderReference: `ALL-COUNTRIES-${uncovered.iso2}-${unique}`,
        technicalSiteName: `ALL_${uncovered.iso2}_${unique}`,
        customerSiteLabel: `All countries test, ${uncovered.name}`,
        country: uncovered.iso2,
        vpnId: VPN,
      }),
      (error) => {
        assert.ok(error instanceof BtalkApiError);
        assert.equal(error.status, 400);
        assert.equal(error.apiCode, ERROR_CODES.COUNTRY_NOT_COVERED);
        assert.match(error.message, new RegExp(uncovered.iso2));
        return true;
      },
    );
    assert.equal((await api.voicesites()).length, before, 'no voicesite created');
  });

  test('a country without any configuration: the form cannot load (404) and ordering is refused', async () => {
    const known = new Set((await allCountries()).map((c) => c.iso2));
    const iso2 = ['AQ', 'XK', 'ZZ'].find((code) => !known.has(code));
    await assert.rejects(api.countryForm(iso2), (error) => error instanceof BtalkApiError && error.status === 404);
    await assert.rejects(
      api.orderVoicesite(CUSTOMER, {
        customerOrderReference: `ALL-COUNTRIES-${iso2}-${unique}`, technicalSiteName: `ALL_${iso2}_${unique}`,
        customerSiteLabel: 'Nowhere', country: iso2, vpnId: VPN,
      }),
      (error) => error instanceof BtalkApiError && error.status === 400 && error.apiCode === ERROR_CODES.COUNTRY_NOT_COVERED,
    );
  });
});
