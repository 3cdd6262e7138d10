// Loads the stand-in's reference data (customers, keys, countries) from a
// directory, once, and checks the shapes the handlers rely on so that a broken
// data file fails at start-up with its name rather than as a 500 later.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ISO2 = /^[A-Z]{2}$/;
const ADDRESS_APIS = new Set(['search', 'validation', 'postalCodesAndParishes', 'none']);

function readJson(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`stand-in data: cannot read ${file}: ${cause.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new Error(`stand-in data: ${file} is not valid JSON: ${cause.message}`);
  }
}

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

function loadCountry(file) {
  const c = readJson(file);
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

function loadCustomers(file) {
  const d = readJson(file);
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
  });
  return d;
}

/**
 * @returns {{ apiKeys: Map<string, {rightsProfile, customerCodes: string[]}>,
 *   oauthClients: {clientId, clientSecret}[], customers: Map<string, object>,
 *   countries: Map<string, object> }}
 */
export function loadData(dataDir) {
  const customersFile = join(dataDir, 'customers.json');
  const raw = loadCustomers(customersFile);
  const apiKeys = new Map(raw.apiKeys.map((k) => [k.key, {
    rightsProfile: k.rightsProfile,
    customerCodes: k.customerCodes.map(String),
  }]));
  const customers = new Map(raw.customers.map((c) => [String(c.customerCode), {
    ...c,
    customerCode: String(c.customerCode),
    vpns: (c.vpns ?? []).map((v) => ({ ...v, vpnId: String(v.vpnId) })),
  }]));

  const countriesDir = join(dataDir, 'countries');
  let names;
  try {
    names = readdirSync(countriesDir).filter((n) => n.endsWith('.json')).sort();
  } catch (cause) {
    throw new Error(`stand-in data: cannot list ${countriesDir}: ${cause.message}`);
  }
  const countries = new Map();
  for (const name of names) {
    const file = join(countriesDir, name);
    const country = loadCountry(file);
    check(`${country.iso2}.json` === name, file, `iso2 "${country.iso2}" does not match the file name`);
    countries.set(country.iso2, country);
  }
  return { apiKeys, oauthClients: raw.oauthClients, customers, countries, raw };
}
