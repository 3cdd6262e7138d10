// Checks the stand-in's reference data (customers, keys, countries) once and
// indexes it, so that broken data fails at start-up with its name rather than
// as a 500 later. Pure: the data comes in as values (the bundled ES modules in
// data/modules/, or files read by the Node adapter, server.js).

const ISO2 = /^[A-Z]{2}$/;
const ADDRESS_APIS = new Set(['search', 'validation', 'postalCodesAndParishes', 'none']);

function check(condition, file, message) {
  if (!condition) throw new Error(`stand-in data: ${file}: ${message}`);
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkGeoTree(list, file, path) {
  check(Array.isArray(list), file, `${path} must be an array`);
  list.forEach((node, i) => {
    check(isObject(node) && typeof node.value === 'string', file, `${path}[${i}].value must be a string`);
    if (node.children !== undefined) checkGeoTree(node.children, file, `${path}[${i}].children`);
  });
}

function checkCountry(c, file) {
  check(isObject(c), file, 'must hold an object');
  check(typeof c.iso2 === 'string' && ISO2.test(c.iso2), file, 'iso2 must be two capital letters');
  check(typeof c.name === 'string', file, 'name must be a string');
  check(isObject(c.coverage), file, 'coverage must be an object');
  check(isObject(c.addressConstraints), file, 'addressConstraints must be an object');
  check(isObject(c.geographicalConstraints), file, 'geographicalConstraints must be an object');
  const addressApi = c.addressApi ?? 'none';
  check(ADDRESS_APIS.has(addressApi), file, `addressApi must be one of ${[...ADDRESS_APIS].join(', ')}`);
  if (c.geoAreas !== undefined) checkGeoTree(c.geoAreas, file, 'geoAreas');
  for (const key of ['dialZones', 'addresses', 'postalCodes', 'parishes']) {
    check(c[key] === undefined || Array.isArray(c[key]), file, `${key} must be an array`);
  }
  (c.addresses ?? []).forEach((a, i) => {
    check(isObject(a) && typeof a.label === 'string' && isObject(a.voiceAddress), file,
      `addresses[${i}] needs a label and a voiceAddress object`);
  });
  return { ...c, addressApi };
}

function checkCustomers(d, file) {
  check(isObject(d), file, 'must hold an object');
  for (const key of ['apiKeys', 'oauthClients', 'customers']) check(Array.isArray(d[key]), file, `${key} must be an array`);
  d.apiKeys.forEach((k, i) => {
    check(typeof k.key === 'string' && k.key.length === 40, file, `apiKeys[${i}].key must be 40 characters`);
    check(k.rightsProfile === 'full' || k.rightsProfile === 'readonly', file,
      `apiKeys[${i}].rightsProfile must be "full" or "readonly"`);
    check(Array.isArray(k.customerCodes), file, `apiKeys[${i}].customerCodes must be an array`);
  });
  d.oauthClients.forEach((c, i) => {
    check(typeof c.clientId === 'string' && typeof c.clientSecret === 'string', file,
      `oauthClients[${i}] needs clientId and clientSecret strings`);
  });
  d.customers.forEach((c, i) => {
    check(c.customerCode !== undefined, file, `customers[${i}].customerCode is missing`);
    check(c.vpns === undefined || Array.isArray(c.vpns), file, `customers[${i}].vpns must be an array`);
    check(c.voicesites === undefined || Array.isArray(c.voicesites), file, `customers[${i}].voicesites must be an array`);
    (c.voicesites ?? []).forEach((v, j) => {
      for (const key of ['voiceSiteId', 'technicalSiteName', 'customerSiteLabel', 'country', 'vpnId', 'status', 'creationDate']) {
        check(typeof v?.[key] === 'string' && v[key] !== '', file, `customers[${i}].voicesites[${j}].${key} must be a non-empty string`);
      }
    });
  });
  return d;
}

/**
 * @param {{ customers: object, countries: object[], lazyGeoAreas?: Record<string, () => Promise<object[]>> }} raw
 *   customers.json's content, the country objects, and the loaders of the geo trees kept out of them
 *   (real-size lists, in modules of their own: see scripts/gen-standin-data.js)
 * @param {{ customersName?: string, countryName?: (country: object, index: number) => string }} [names]
 *   how to name a broken document in the error (file names, for the Node adapter)
 * @returns {{ apiKeys: Map<string, {rightsProfile, customerCodes: string[]}>,
 *   oauthClients: {clientId, clientSecret}[], customers: Map<string, object>,
 *   countries: Map<string, object>, raw: object }}
 */
export function normalizeData(raw, names = {}) {
  const customersName = names.customersName ?? 'customers';
  const countryName = names.countryName ?? ((c, i) => `countries[${i}]${typeof c?.iso2 === 'string' ? ` (${c.iso2})` : ''}`);
  check(isObject(raw), 'data', 'must be { customers, countries }');
  const customersDoc = checkCustomers(raw.customers, customersName);
  check(Array.isArray(raw.countries), 'data', 'countries must be an array');
  const apiKeys = new Map(customersDoc.apiKeys.map((k) => [k.key, {
    rightsProfile: k.rightsProfile,
    customerCodes: k.customerCodes.map(String),
  }]));
  const customers = new Map(customersDoc.customers.map((c) => [String(c.customerCode), {
    ...c,
    customerCode: String(c.customerCode),
    vpns: (c.vpns ?? []).map((v) => ({ ...v, vpnId: String(v.vpnId) })),
  }]));
  const lazy = raw.lazyGeoAreas ?? {};
  check(isObject(lazy) && Object.values(lazy).every((load) => typeof load === 'function'), 'data',
    'lazyGeoAreas must map ISO2 codes to functions');
  const countries = new Map();
  raw.countries.forEach((input, i) => {
    const name = countryName(input, i);
    const country = checkCountry(input, name);
    check(!countries.has(country.iso2), name, `country ${country.iso2} is given twice`);
    if (country.geoAreas === undefined && Object.hasOwn(lazy, country.iso2)) {
      country.loadGeoAreas = lazy[country.iso2];
      country.geoAreasName = `${name} (its geo areas)`;
    }
    countries.set(country.iso2, country);
  });
  return { apiKeys, oauthClients: customersDoc.oauthClients, customers, countries, raw: customersDoc };
}

/**
 * The voicesites the data gives its customers (`customers[].voicesites`), as the state holds them
 * ({ [voiceSiteId]: voicesite }): what a fresh or reset stand-in starts with.
 */
export function seedVoicesites(data) {
  const voicesites = {};
  for (const customer of data.customers.values()) {
    for (const site of customer.voicesites ?? []) {
      Object.defineProperty(voicesites, site.voiceSiteId, {
        value: { ...site, customerCode: customer.customerCode, voiceAddress: site.voiceAddress ?? null },
        enumerable: true, writable: true, configurable: true,
      });
    }
  }
  return voicesites;
}

const geoLoads = new WeakMap();

/**
 * Resolves to `country` with its geo tree in `geoAreas`, importing it first when it lives in a
 * module of its own (a real-size list: Spain's 8,131 municipalities are not part of the first
 * load). Checked once when loaded; a failed import is tried again by the next call.
 */
export function withGeoAreas(country) {
  if (country.geoAreas !== undefined || typeof country.loadGeoAreas !== 'function') return Promise.resolve(country);
  let loading = geoLoads.get(country);
  if (!loading) {
    loading = Promise.resolve().then(() => country.loadGeoAreas()).then((tree) => {
      checkGeoTree(tree, country.geoAreasName ?? country.iso2, 'geoAreas');
      country.geoAreas = tree;
      return country;
    });
    loading.catch(() => geoLoads.delete(country));
    geoLoads.set(country, loading);
  }
  return loading;
}
