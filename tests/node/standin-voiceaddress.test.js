// Voiceaddress pushes to the stand-in, validated by the project's real wasm
// core (the same checks the components run in the browser).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../../web/index.js';
import { errorName, fieldProblems, order, startStandIn } from './fixtures/standin/harness.js';
import { createStandInServer } from '../../server/standin/server.js';

const core = await loadCore();
const problemKeys = (body) => fieldProblems(body).map((p) => `${p.field}:${p.code}`).sort();

describe('voiceaddress with the real core (fixtures)', () => {
  let s;
  before(async () => { s = await startStandIn({ core }); });
  after(() => s.stop());

  async function newSite(ref, country) {
    const res = await s.api('/customers/9999/orders/voicesite', { method: 'POST', body: order(ref, { country }) });
    assert.equal(res.status, 201);
    return `/customers/9999/voicesites/${res.body.voiceSiteId}/voiceaddress`;
  }

  test('a valid address is stored: 200, then GET and /voicesites return it', async () => {
    const path = await newSite('fr-valid', 'FR');
    const address = { a3: 'Paris', a6: 'Rivoli', hno: '12', sts: 'Rue', pc: '75001' };
    const put = await s.api(path, { method: 'PUT', body: address });
    assert.equal(put.status, 200, put.text);
    assert.deepEqual(put.body.voiceAddress, address);
    assert.equal(`${path.split('/')[4]}`, put.body.voiceSiteId);
    assert.deepEqual((await s.api(path)).body, address);
    const site = (await s.api('/voicesites')).body.find((v) => v.voiceSiteId === put.body.voiceSiteId);
    assert.deepEqual(site.voiceAddress, address);
  });

  test('POST is accepted like PUT', async () => {
    const path = await newSite('fr-post', 'FR');
    const res = await s.api(path, { method: 'POST', body: { a3: 'Lyon', a6: 'Hôtel de Ville', pc: '69001' } });
    assert.equal(res.status, 200, res.text);
  });

  test('an invalid address gets 400 INVALID_ADDRESS with the core problems, and nothing is stored', async () => {
    const path = await newSite('fr-invalid', 'FR');
    const res = await s.api(path, { method: 'PUT', body: { a3: 'Paris', pc: '7500A', hno: 'twelve', colour: 'blue' } });
    assert.equal(res.status, 400);
    assert.equal(errorName(res.body), 'INVALID_ADDRESS');
    // One entry per problem, each with the core's message.
    assert.ok(res.body.every((entry) => entry.message.length > 0));
    const problems = fieldProblems(res.body);
    assert.equal(problems.length, res.body.length);
    const fields = problems.map((p) => p.field);
    for (const field of ['a6', 'pc', 'hno', 'colour']) assert.ok(fields.includes(field), `${field} in ${fields}`);
    assert.deepEqual(problems.find((p) => p.field === 'a6').code, 'valueMissing');
    assert.deepEqual(problems.find((p) => p.field === 'colour').code, 'unknownField');
    assert.equal((await s.api(path)).status, 404);
  });

  test('geographical constraints: values must follow the geo tree, and manual dial zones are required', async () => {
    const path = await newSite('ch', 'CH');
    const good = { a1: 'ZH', a3: 'Zürich', a4: 'Kreis 1', a5: 'Rathaus', a6: 'Limmatquai', pc: '8001', dialZone: '044' };
    const ok = await s.api(path, { method: 'PUT', body: good });
    assert.equal(ok.status, 200, ok.text);

    const wrongCity = await s.api(path, { method: 'PUT', body: { ...good, a3: 'Genève', a4: '', a5: '' } });
    assert.equal(wrongCity.status, 400);
    assert.deepEqual(problemKeys(wrongCity.body), ['a3:notAllowed'], 'Genève is not a city of canton ZH');

    const noDialZone = { ...good };
    delete noDialZone.dialZone;
    const missing = await s.api(path, { method: 'PUT', body: noDialZone });
    assert.equal(missing.status, 400);
    assert.deepEqual(problemKeys(missing.body), ['dialZone:valueMissing']);
    assert.deepEqual((await s.api(path)).body, good, 'the stored address is still the valid one');
  });

  test('a body that is not a JSON object gets 400 INVALID_JSON', async () => {
    const path = await newSite('fr-json', 'FR');
    for (const body of ['nope', '["a3"]', '"Paris"']) {
      const res = await s.api(path, { method: 'PUT', body });
      assert.equal(res.status, 400);
      assert.equal(errorName(res.body), 'INVALID_JSON');
    }
  });
});

describe('bundled data with the real core', () => {
  test('every ready-made address candidate can be pushed as is', async () => {
    const standIn = createStandInServer({ core });
    const searchable = [...standIn.data.countries.values()]
      .filter((c) => c.coverage.businessTalkOnline === 'Yes' && (c.addresses ?? []).length > 0);
    assert.ok(searchable.length > 0);
    const base = await new Promise((r) => standIn.server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${standIn.server.address().port}`)));
    try {
      const { clientId, clientSecret, apiKey } = standIn.demo;
      const key = standIn.data.apiKeys.get(apiKey);
      const tokenRes = await fetch(`${base}/oauth/v3/token`, {
        method: 'POST',
        headers: { Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
        body: 'grant_type=client_credentials',
      });
      const headers = { Authorization: `Bearer ${(await tokenRes.json()).access_token}`, 'X-BT-API-KEY': apiKey, 'Content-Type': 'application/json' };
      const code = key.customerCodes[0];
      const vpnId = standIn.data.customers.get(code).vpns[0].vpnId;
      const failures = [];
      for (const country of searchable) {
        const created = await fetch(`${base}/btalk/v1/customers/${code}/orders/voicesite`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ customerOrderReference: `bundled-${country.iso2}`, parameters: { technicalSiteName: `BUNDLED_${country.iso2}`, customerSiteLabel: country.name, country: country.iso2, vpnId } }),
        });
        assert.equal(created.status, 201, country.iso2);
        const { voiceSiteId } = await created.json();
        // Candidates are the push body except the dial zone, which the user picks where it is manual.
        const dialZone = country.geographicalConstraints.dialZoneSelection === 'manual'
          ? { dialZone: country.dialZones?.[0]?.value ?? '1' } : {};
        for (const candidate of country.addresses) {
          const res = await fetch(`${base}/btalk/v1/customers/${code}/voicesites/${voiceSiteId}/voiceaddress`, {
            method: 'PUT', headers, body: JSON.stringify({ ...candidate.voiceAddress, ...dialZone }),
          });
          if (res.status !== 200) failures.push(`${country.iso2} ${candidate.id}: ${(await res.text()).slice(0, 300)}`);
        }
      }
      assert.deepEqual(failures, []);
    } finally {
      standIn.server.closeAllConnections();
      await new Promise((r) => standIn.server.close(r));
    }
  });
});
