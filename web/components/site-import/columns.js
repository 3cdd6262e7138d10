// Column mapping for the site import (DOM-free): which CSV header holds which API field.
// The API's own names match case-insensitively; common aliases (postal code, zip, city,
// street…) are proposed automatically; everything else waits for the user's choice.

/** The order fields a row may carry (besides the address). */
export const SITE_FIELDS = Object.freeze(['technicalSiteName', 'customerSiteLabel', 'country', 'vpnId', 'customerOrderReference']);

/** The VPN given by its name or its code instead of its id (resolved against the customer's VPNs). */
export const VPN_REF_FIELDS = Object.freeze(['vpnName', 'vpnCode']);

/** The address elements (PIDF-LO based) and the dial zone. */
export const ADDRESS_FIELDS = Object.freeze([
  'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'prd', 'pod', 'sts', 'hno', 'hns', 'flr', 'bld', 'unit', 'room',
  'pc', 'pcn', 'pobox', ...Array.from({ length: 10 }, (_, i) => `addrExtInfo${i + 1}`), 'dialZone',
]);

/** Every field a column can be mapped to. */
export const ALL_FIELDS = Object.freeze([...SITE_FIELDS, ...VPN_REF_FIELDS, ...ADDRESS_FIELDS]);

/**
 * The label of a field (mapping step, notes) through the element's texts `t`: words, never the raw
 * code ("Street name", "Additional information 3"); an address element without a text of its own
 * falls back to "Address element <code>".
 */
export function fieldLabel(t, field) {
  const extra = /^addrExtInfo(\d+)$/.exec(field);
  const [key, params] = extra ? ['field.addrExtInfo', { n: extra[1] }] : [`field.${field}`, undefined];
  const text = t(key, params);
  if (ADDRESS_FIELDS.includes(field) && field !== 'dialZone' && (text === key || text === '')) return t('field.address', { name: field });
  return text;
}

/** A header reduced to what matters for matching: lower case, no accents, letters and digits only. */
export function headerKey(header) {
  return String(header ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

// Aliases by headerKey. Address aliases follow the PIDF-LO meaning the Business Talk API uses
// (a1 state/region, a2 county, a3 city, a4 city division, a6 street).
const ALIASES = {
  technicalSiteName: ['technicalname', 'sitename', 'technicalsite', 'site', 'siteid', 'nomtechnique'],
  customerSiteLabel: ['sitelabel', 'label', 'description', 'libelle', 'sitedescription'],
  country: ['countrycode', 'iso2', 'iso', 'pays', 'land', 'pais'],
  vpnId: ['vpn', 'voicevpn', 'vpnidentifier'],
  vpnName: ['vpnname', 'nomvpn'],
  vpnCode: ['vpncode', 'codevpn'],
  customerOrderReference: ['orderreference', 'reference', 'ref', 'orderref', 'customerreference', 'po', 'ponumber'],
  a1: ['state', 'region', 'province', 'stateprovince', 'canton', 'bundesland', 'prefecture'],
  a2: ['county', 'district', 'departement', 'department'],
  a3: ['city', 'town', 'locality', 'municipality', 'ville', 'stadt', 'ciudad', 'citta', 'ort', 'commune', 'postaltown'],
  a4: ['citydivision', 'borough', 'suburb', 'quarter', 'neighborhood', 'neighbourhood', 'lieudit', 'ward'],
  a6: ['street', 'streetname', 'road', 'rue', 'strasse', 'calle', 'via', 'voie', 'straat'],
  hno: ['housenumber', 'number', 'streetnumber', 'houseno', 'no', 'numero', 'hausnummer', 'buildingnumber'],
  hns: ['housenumbersuffix', 'numbersuffix', 'suffix'],
  sts: ['streetsuffix', 'streettype', 'typedevoie'],
  prd: ['predirectional', 'predirection', 'leadingdirection'],
  pod: ['postdirectional', 'postdirection', 'trailingdirection'],
  flr: ['floor', 'etage', 'level', 'stock'],
  bld: ['building', 'buildingname', 'batiment'],
  room: ['roomnumber'],
  unit: ['apartment', 'suite', 'apt', 'flat'],
  pc: ['postalcode', 'postcode', 'zip', 'zipcode', 'cp', 'codepostal', 'plz', 'postleitzahl', 'cap', 'postnummer'],
  pcn: ['postalcommunityname', 'postalcommunity'],
  pobox: ['postofficebox', 'box', 'bp', 'boitepostale', 'postbox'],
  dialZone: ['dialzone', 'dialingzone', 'zone', 'zonedenumerotation', 'areacode'],
};

const BY_KEY = (() => {
  const map = new Map();
  for (const field of ALL_FIELDS) map.set(headerKey(field), field);
  for (const [field, aliases] of Object.entries(ALIASES)) {
    for (const alias of aliases) if (!map.has(alias)) map.set(alias, field);
  }
  return map;
})();

/** The field a header names (API name or alias), or null. */
export function fieldForHeader(header) {
  return BY_KEY.get(headerKey(header)) ?? null;
}

/**
 * The proposed mapping for a file's headers: `columns[i]` is the field of header i, or null
 * (unmapped: ignored unless the user maps it). A field is given to the first header naming it;
 * `unmapped` lists the headers left over, `missing` the required site fields no header holds.
 */
export function proposeMapping(headers) {
  const taken = new Set();
  const columns = headers.map((header) => {
    const field = fieldForHeader(header);
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
  return describeMapping(headers, columns);
}

/** Re-describes a mapping after the user changed it (columns: field or null per header). */
export function describeMapping(headers, columns) {
  const unmapped = headers.filter((_, i) => !columns[i]);
  const has = new Set(columns.filter(Boolean));
  const missing = ['technicalSiteName', 'customerSiteLabel', 'country'].filter((f) => !has.has(f));
  if (!has.has('vpnId') && !has.has('vpnName') && !has.has('vpnCode')) missing.push('vpnId');
  const duplicates = [...has].filter((f) => columns.filter((c) => c === f).length > 1);
  return { headers: [...headers], columns: [...columns], unmapped, missing, duplicates };
}

/**
 * One CSV row (array of cells) read through a mapping: `{ site, vpnRef, address }`, every value
 * trimmed, empty cells left out. `vpnRef` is { by: 'name'|'code', value } when the VPN is not given by id.
 */
export function readRow(cells, columns) {
  const site = {};
  const address = {};
  let vpnRef = null;
  columns.forEach((field, i) => {
    if (!field) return;
    const value = String(cells[i] ?? '').trim();
    if (value === '') return;
    if (SITE_FIELDS.includes(field)) site[field] = field === 'country' ? value.toUpperCase() : value;
    else if (field === 'vpnName' || field === 'vpnCode') vpnRef ??= { by: field === 'vpnName' ? 'name' : 'code', value };
    else address[field] = value;
  });
  return { site, vpnRef, address };
}

/**
 * The vpnId for a row: the given id, else the VPN whose name (case-insensitive) or code matches.
 * -> { vpnId } or { problem: 'unknownVpn' | 'ambiguousVpn' }.
 */
export function resolveVpn(site, vpnRef, vpns) {
  if (site.vpnId) {
    const byId = vpns.find((v) => v.vpnId === site.vpnId);
    if (byId || vpns.length === 0) return { vpnId: site.vpnId };
    // A "vpnId" column often holds names or codes: accept them when unambiguous.
    return resolveVpn({}, { by: 'any', value: site.vpnId }, vpns);
  }
  if (!vpnRef) return { vpnId: '' };
  const wanted = vpnRef.value.toLowerCase();
  const matches = vpns.filter((v) => (vpnRef.by !== 'code' && String(v.name ?? '').toLowerCase() === wanted)
    || (vpnRef.by !== 'name' && String(v.vpnCode ?? '') === vpnRef.value));
  if (matches.length === 1) return { vpnId: matches[0].vpnId };
  return { problem: matches.length ? 'ambiguousVpn' : 'unknownVpn' };
}
