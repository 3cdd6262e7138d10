// Row validation of <btalk-site-import> with the real core (dist/) and a fake client that
// serves the stand-in's data, counting requests: each country and each geo-area list once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCore } from '../../web/core.js';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import { geoAreasForAddress } from '../../server/standin/api.js';
import { RowValidator, STATUS } from '../../web/components/site-import/row-validation.js';
import { readRow } from '../../web/components/site-import/columns.js';

const built = existsSync(new URL('../../dist/btalk-core.wasm', import.meta.url));
const countries = new Map(readdirSync(join(BUNDLED_DATA_DIR, 'countries')).filter((n) => n.endsWith('.json'))
  .map((n) => { const c = JSON.parse(readFileSync(join(BUNDLED_DATA_DIR, 'countries', n), 'utf8')); return [c.iso2, c]; }));

function fakeClient(core) {
  const calls = [];
  return {
    calls,
    async countryForm(iso2) {
      calls.push(`form ${iso2}`);
      const c = countries.get(iso2);
      const form = core.addressForm(c.addressConstraints, c.geographicalConstraints);
      return { country: c, constraints: c.addressConstraints, geographicalConstraints: c.geographicalConstraints, form,
        dialZones: form.dialZone === 'manual' ? (c.dialZones ?? []) : [] };
    },
    async geoAreas(iso2, parents) {
      calls.push(`geo ${iso2} ${parents.join('/')}`);
      let list = countries.get(iso2).geoAreas;
      for (const p of parents) list = list.find((n) => n.value === p).children;
      return list.map(({ value, display }) => ({ value, display: display ?? value }));
    },
  };
}

const COLUMNS = ['technicalSiteName', 'customerSiteLabel', 'country', 'vpnName', 'a1', 'a3', 'a6', 'hno', 'pc', 'sts', 'pod', 'dialZone'];
function rowOf(number, iso2, name, changes = {}) {
  const c = countries.get(iso2);
  const zone = c.geographicalConstraints?.dialZoneSelection === 'manual' && c.dialZones?.length ? c.dialZones[0].value : '';
  const values = { technicalSiteName: name, customerSiteLabel: `Site ${name}`, country: iso2, vpnName: 'My VPN 1', ...(c.sampleAddress ?? {}), dialZone: zone, ...changes };
  const cells = COLUMNS.map((k) => values[k] ?? '');
  return { key: number, number, cells, ...readRow(cells, COLUMNS) };
}

test('rows are checked for site fields, coverage, address, geo areas and dial zone', { skip: !built && 'dist/ not built' }, async () => {
  const core = await loadCore();
  const client = fakeClient(core);
  const validator = new RowValidator({ core, client, vpns: [{ vpnId: 'aa76e66dfc63', name: 'My VPN 1', vpnCode: '1' }],
    countries: [...countries.values()].map((c) => ({ iso2: c.iso2, name: c.name, covered: c.coverage.businessTalkOnline === 'Yes' })) });
  const rows = [
    rowOf(2, 'FR', 'OK_FR'), rowOf(3, 'BE', 'OK_BE'), rowOf(4, 'BE', 'OK_BE2'), rowOf(5, 'US', 'OK_US'),
    rowOf(6, 'FR', 'BAD_PC', { pc: '7501' }),
    rowOf(7, 'BE', 'BAD_GEO', { pc: '9999' }), // not a Belgian postal code of the geo areas
    rowOf(8, 'US', 'BAD_ZONE', { dialZone: '999' }),
    rowOf(9, 'FR', 'bad name'),
    rowOf(10, 'BR', 'NOT_COVERED'),
    rowOf(11, 'FR', 'BAD_VPN', { vpnName: 'Nope' }),
    rowOf(12, 'FR', 'OK_FR'), // the same technical site name twice
    rowOf(13, 'US', 'ZONE_SHOWN', { dialZone: countries.get('US').dialZones[0].display }),
  ];
  await validator.prepare(rows);
  const progress = [];
  await validator.validateRows(rows, { customerCode: '9999', importId: 'T', chunkSize: 5, onProgress: (d, t) => progress.push([d, t]) });
  const byName = Object.fromEntries(rows.map((r) => [r.site.technicalSiteName + (r.number === 12 ? '#2' : ''), r.check]));
  for (const name of ['OK_FR', 'OK_BE', 'OK_BE2', 'OK_US', 'ZONE_SHOWN']) assert.equal(byName[name].status, STATUS.READY, `${name}: ${JSON.stringify(byName[name].problems)}`);
  assert.equal(byName.ZONE_SHOWN.address.dialZone, countries.get('US').dialZones[0].value, 'a dial zone typed as shown is stored as its value');
  assert.deepEqual(byName.BAD_PC.problems.map((p) => [p.field, p.code]), [['pc', 'tooShort']]);
  assert.deepEqual(byName.BAD_GEO.problems.map((p) => p.field), ['pc']);
  assert.deepEqual(byName.BAD_ZONE.problems.map((p) => [p.field, p.code]), [['dialZone', 'notAllowed']]);
  assert.deepEqual(byName['bad name'].problems.map((p) => [p.field, p.code]), [['technicalSiteName', 'patternMismatch']]);
  assert.equal(byName.NOT_COVERED.status, STATUS.NOT_COVERED);
  assert.deepEqual(byName.BAD_VPN.problems.map((p) => p.field), ['vpnId']);
  assert.deepEqual(byName['OK_FR#2'].problems.map((p) => p.field), ['technicalSiteName']);
  // The reference is deterministic and the vpn name was resolved to its id.
  assert.equal(byName.OK_FR.order.vpnId, 'aa76e66dfc63');
  assert.match(byName.OK_FR.order.customerOrderReference, /^BTI-T-/);
  // Each country's rules once (BR is not covered: not loaded); BE's area1 list once for three rows.
  assert.deepEqual(client.calls.filter((c) => c.startsWith('form')).sort(), ['form BE', 'form FR', 'form US']);
  assert.deepEqual(client.calls.filter((c) => c.startsWith('geo')), ['geo BE ']);
  assert.deepEqual(progress.at(-1), [12, 12]);
  assert.ok(progress.length >= 3, 'validated in chunks');
  // The stand-in's own view of the geo areas agrees with what the validator used.
  assert.ok(Array.isArray(geoAreasForAddress(countries.get('BE'), { pc: '1000' }).area1));
});

test('a row takes its canonical values through the country\'s compiled schema, not by parsing it again per row', { skip: !built && 'dist/ not built' }, async () => {
  const core = await loadCore();
  let parsed = 0;
  const spied = new Proxy(core, {
    get: (target, name) => (name === 'normalizeAddress' ? (...args) => { parsed += 1; return target.normalizeAddress(...args); } : target[name]),
  });
  const validator = new RowValidator({ core: spied, client: fakeClient(core), vpns: [{ vpnId: 'aa76e66dfc63', name: 'My VPN 1', vpnCode: '1' }],
    countries: [...countries.values()].map((c) => ({ iso2: c.iso2, name: c.name, covered: c.coverage.businessTalkOnline === 'Yes' })) });
  const rows = [rowOf(2, 'GB', 'GB_LOWER', { pc: 'sw1a 2aa' }), rowOf(3, 'GB', 'GB_SPACES', { pc: ' SW1A   2AA ' })];
  await validator.prepare(rows);
  await validator.validateRows(rows, { customerCode: '9999', importId: 'T', chunkSize: 5 });
  assert.deepEqual(rows.map((r) => r.check.address.pc), ['SW1A 2AA', 'SW1A 2AA'], 'canonical, as the address form stores them');
  assert.deepEqual(rows[0].check.changes.map((c) => c.field), ['pc']);
  assert.equal(parsed, 0, 'normalizeAddress (the schema text parsed per call) was not used');
  validator.dispose();
});
