// The Business Talk API routes (under /btalk/v1), as pure-ish handlers:
// each takes a request context and returns { status, body, headers } or throws
// ApiError. Shapes follow docs/contract.md "Business Talk API choices".
import { randomHex, randomUuid } from './random.js';
import { ApiError, fold, readJsonObject, reply } from './http.js';
import { withGeoAreas } from './data.js';
import { closestToFields, closestToText } from './closest.js';

const ISO2 = /^[A-Za-z]{2}$/;
const SEARCH_LIMIT = 10;
const LOOKUP_LIMIT = 20;
const MAX_FIELD_LENGTH = 255;
// The seed's address schema: the only names accepted as address query parameters.
export const ADDRESS_ELEMENTS = [
  'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'hno', 'hns', 'sts', 'flr', 'bld', 'room', 'pc', 'pcn', 'pobox',
  'prd', 'pod', 'unit', 'dialZone', ...Array.from({ length: 10 }, (_, i) => `addrExtInfo${i + 1}`),
];
const ORDER_PARAMETERS = ['technicalSiteName', 'customerSiteLabel', 'country', 'vpnId'];

// State maps are keyed by caller-chosen text (order references, ids): read
// and write own properties only, so "__proto__" or "constructor" are plain keys.
const getOwn = (map, key) => (map && Object.hasOwn(map, key) ? map[key] : undefined);
const setOwn = (map, key, value) => Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });

const notFound = (code, message) => new ApiError(404, code, message);
const badRequest = (code, message, extra) => new ApiError(400, code, message, extra);
// The query parameters of paging, which every collection takes besides its own.
const PAGING_PARAMETERS = ['offset', 'limit'];

function pagingNumber(query, name, fallback) {
  const text = query.get(name);
  if (text === null || text === '') return fallback;
  if (!/^\d{1,9}$/.test(text)) throw badRequest('INVALID_PAGING', `${name} must be a whole number, not "${text.slice(0, 20)}".`);
  return Number(text);
}

/**
 * A collection as the real API answers it: the page from `offset` (0-based) of at most `limit`
 * items (default 40, capped at the stand-in's maxLimit), a bare JSON array, with X-Total-Count
 * (the whole collection) and X-Result-Count (this page). Unpaged (`paging: false`): the whole list.
 */
function listReply(ctx, list) {
  if (!ctx.paging) return reply(200, list);
  const offset = pagingNumber(ctx.query, 'offset', 0);
  const limit = pagingNumber(ctx.query, 'limit', ctx.paging.defaultLimit);
  if (limit < 1) throw badRequest('INVALID_PAGING', 'limit must be at least 1.');
  const page = list.slice(offset, offset + Math.min(limit, ctx.paging.maxLimit));
  return reply(200, page, { 'X-Total-Count': String(list.length), 'X-Result-Count': String(page.length) });
}

// ---------------------------------------------------------------- customers

function visibleCustomer(ctx, code) {
  if (!ctx.key.customerCodes.includes(code)) {
    // Same answer whether or not the customer exists: a key learns nothing about others.
    throw new ApiError(403, 'CUSTOMER_NOT_ALLOWED', `This API key does not give access to customer ${code}.`);
  }
  const customer = ctx.data.customers.get(code);
  if (!customer) throw notFound('CUSTOMER_NOT_FOUND', `Customer ${code} does not exist.`);
  return customer;
}

function customerView(c) {
  return {
    name: c.name,
    customerCode: c.customerCode,
    contractNumber: c.contractNumber,
    apiContractId: c.apiContractId,
    pricingApprovalNumber: c.pricingApprovalNumber,
    type: c.type,
  };
}

function me(ctx) {
  return reply(200, { rightsProfile: ctx.key.rightsProfile });
}

function customers(ctx) {
  const list = ctx.key.customerCodes.map((code) => ctx.data.customers.get(code)).filter(Boolean).map(customerView);
  return listReply(ctx, list);
}

function customer(ctx, code) {
  return reply(200, customerView(visibleCustomer(ctx, code)));
}

function vpns(ctx, code) {
  const c = visibleCustomer(ctx, code);
  return listReply(ctx, c.vpns.map(({ vpnId, name, vpnCode }) => ({ vpnId, name, vpnCode })));
}

// ---------------------------------------------------------------- countries

/**
 * A country by ISO2 (case-insensitive). A well-formed code without a data
 * file gets 404 COUNTRY_NOT_FOUND: the seed's "other countries" row (schema
 * validation only) would need a generic schema we do not have, and a 404 lets
 * clients show "not available" instead of inventing one.
 */
function countryOf(ctx, iso2) {
  if (!ISO2.test(iso2)) throw badRequest('INVALID_COUNTRY', `"${iso2}" is not an ISO 3166 alpha-2 country code.`);
  const country = ctx.data.countries.get(iso2.toUpperCase());
  if (!country) throw notFound('COUNTRY_NOT_FOUND', `No Business Talk configuration for country ${iso2.toUpperCase()}.`);
  return country;
}

function countries(ctx) {
  const list = [...ctx.data.countries.values()]
    .map((c) => ({ iso2: c.iso2, name: c.name, businessTalkOnline: c.coverage.businessTalkOnline ?? 'No' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return listReply(ctx, list);
}

function country(ctx, iso2) {
  const c = countryOf(ctx, iso2);
  return reply(200, { name: c.name, coverage: c.coverage, iso2: c.iso2, countryCode: c.countryCode });
}

const addressConstraints = (ctx, iso2) => reply(200, countryOf(ctx, iso2).addressConstraints);
const geographicalConstraints = (ctx, iso2) => reply(200, countryOf(ctx, iso2).geographicalConstraints);

/**
 * A { value, display } list as the API sends it (geo areas, dial zones, parishes): display defaults to
 * the value; the postal codes an item covers come along when the data has them (CH).
 */
const choicesView = (nodes) => nodes.map(({ value, display, postalCodes }) => ({
  value, display: display ?? value, ...(Array.isArray(postalCodes) ? { postalCodes } : {}),
}));

/** The country with its geo tree loaded (a real-size list is imported on first use). */
async function loadedGeoAreas(country) {
  try {
    return await withGeoAreas(country);
  } catch (cause) {
    throw new ApiError(503, 'GEOAREAS_UNAVAILABLE', `The geographical areas of ${country.iso2} could not be loaded: ${cause.message}`);
  }
}

/** Geoareas below the given parent values; 404 when a parent does not exist. */
function geoAreas(ctx, iso2, parents) {
  const c = countryOf(ctx, iso2);
  if (!c.geoAreas) throw notFound('GEOAREAS_NOT_FOUND', `Country ${c.iso2} has no geographical areas.`);
  let list = c.geoAreas;
  parents.forEach((value, i) => {
    const node = list.find((n) => n.value === value);
    if (!node) throw notFound('GEOAREA_NOT_FOUND', `area${i + 1} "${value}" does not exist in ${c.iso2}.`);
    list = node.children ?? [];
  });
  return listReply(ctx, choicesView(list));
}

/**
 * The geoarea lists along an address's own path (area1 list, then the
 * children of the address's area1 value, ...), as the core's validateAddress
 * expects them. The path stops where the address leaves the tree: the core
 * then reports that field as notAllowed.
 */
export function geoAreasForAddress(country, address) {
  const rules = country.geographicalConstraints?.emergencyAreaRules ?? {};
  const lists = {};
  let list = country.geoAreas;
  for (let level = 1; level <= 4 && Array.isArray(list); level += 1) {
    lists[`area${level}`] = choicesView(list);
    const field = rules[`area${level}_pidflo`];
    if (!field || field === 'notUsed') break;
    const node = list.find((n) => n.value === address[field]);
    list = node?.children;
  }
  return lists;
}

// One compiled validator per country (and core), its whole geoarea tree stored once.
const compiledByCountry = new WeakMap();
function compiledFor(core, country) {
  let entry = compiledByCountry.get(country);
  if (!entry || entry.core !== core) {
    const compiled = core.compileConstraints(country.addressConstraints, country.geographicalConstraints);
    const store = (list, level, parents) => {
      if (!Array.isArray(list) || level > 4) return;
      compiled.setGeoAreas(level, parents, choicesView(list));
      for (const node of list) store(node.children, level + 1, [...parents, node.value]);
    };
    store(country.geoAreas, 1, []);
    entry = { core, compiled };
    compiledByCountry.set(country, entry);
  }
  return entry.compiled;
}

function dialZones(ctx, iso2) {
  const c = countryOf(ctx, iso2);
  if (!c.dialZones) throw notFound('DIALZONES_NOT_FOUND', `Country ${c.iso2} has no dial zone list.`);
  return listReply(ctx, choicesView(c.dialZones));
}

const candidateView = ({ id, label, voiceAddress }) => ({ id, label, voiceAddress });

function addresses(ctx, iso2, query) {
  const c = countryOf(ctx, iso2);
  if (c.addressApi !== 'search' && c.addressApi !== 'validation') {
    throw notFound('ADDRESS_API_NOT_AVAILABLE', `There is no address API for country ${c.iso2}.`);
  }
  const q = query.get('q');
  const fields = [...query.keys()].filter((k) => k !== 'q' && !PAGING_PARAMETERS.includes(k));
  const unknown = fields.filter((k) => !ADDRESS_ELEMENTS.includes(k));
  if (unknown.length) {
    throw badRequest('UNKNOWN_PARAMETER', `Unknown address parameter: ${unknown.join(', ')}.`);
  }
  const all = c.addresses ?? [];
  if (q !== null) {
    if (c.addressApi !== 'search') {
      throw badRequest('SEARCH_NOT_SUPPORTED',
        `Country ${c.iso2} validates addresses but does not search them: give address fields (e.g. ?a6=&hno=&pc=&a3=) instead of q.`);
    }
    const words = fold(q).split(' ').filter(Boolean);
    if (!words.length) throw badRequest('MISSING_PARAMETER', 'The search text q is empty.');
    const matches = all.filter((a) => {
      const label = fold(a.label);
      return words.every((w) => label.includes(w));
    });
    // Nothing has every word: the closest candidates rather than nothing.
    const found = matches.length ? matches : closestToText(all, q);
    return listReply(ctx, found.slice(0, SEARCH_LIMIT).map(candidateView));
  }
  if (!fields.length) {
    throw badRequest('MISSING_PARAMETER', 'Give a search text (q) or address fields (e.g. a6, hno, pc, a3).');
  }
  // Field validation: candidates whose elements equal every given field
  // (ignoring case, accents and surrounding spaces), in their canonical form;
  // failing that, the closest ones (closest.js).
  const matches = all.filter((a) => fields.every((f) => fold(a.voiceAddress[f]) === fold(query.get(f))));
  // Not known as given: the closest known addresses, in their canonical form, rather than nothing.
  const found = matches.length ? matches : closestToFields(all, Object.fromEntries(fields.map((f) => [f, query.get(f)])));
  return listReply(ctx, found.slice(0, SEARCH_LIMIT).map(candidateView));
}

function postalCodes(ctx, iso2, query) {
  const c = countryOf(ctx, iso2);
  if (!c.postalCodes) throw notFound('POSTALCODES_NOT_AVAILABLE', `There is no postal code lookup for ${c.iso2}.`);
  const q = fold(query.get('q'));
  if (!q) throw badRequest('MISSING_PARAMETER', 'Give the start of a postal code or a place name (q).');
  const digits = q.replace(/[^0-9]/g, '');
  const matches = c.postalCodes.filter((p) => {
    const value = String(p.value);
    return (digits && value.replace(/[^0-9]/g, '').startsWith(digits)) || fold(p.display).includes(q);
  });
  return listReply(ctx, matches.slice(0, LOOKUP_LIMIT).map(({ value, display, a1, a2, a3 }) => ({ value, display, a1, a2, a3 })));
}

function parishes(ctx, iso2, query) {
  const c = countryOf(ctx, iso2);
  if (!c.parishes) throw notFound('PARISHES_NOT_AVAILABLE', `There is no parish lookup for ${c.iso2}.`);
  const missing = ['a1', 'a2'].filter((k) => !query.get(k));
  if (missing.length) throw badRequest('MISSING_PARAMETER', `Missing query parameter: ${missing.join(', ')}.`);
  const a1 = query.get('a1');
  const a2 = query.get('a2');
  const list = c.parishes.filter((p) => p.a1 === a1 && p.a2 === a2);
  return listReply(ctx, choicesView(list));
}

// ---------------------------------------------------------------- orders

function missingField(name) {
  return { field: name, code: 'valueMissing', message: `${name} is required.` };
}

/** Checks an order body; throws 400 naming every missing or malformed field. */
function checkOrderBody(body) {
  const problems = [];
  const text = (value, name) => {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      problems.push(missingField(name));
    } else if (typeof value !== 'string') {
      problems.push({ field: name, code: 'typeMismatch', message: `${name} must be a string.` });
    } else if (value.length > MAX_FIELD_LENGTH) {
      problems.push({ field: name, code: 'tooLong', message: `${name} must be at most ${MAX_FIELD_LENGTH} characters.` });
    }
  };
  text(body.customerOrderReference, 'customerOrderReference');
  const params = body.parameters;
  if (params === undefined || params === null) {
    problems.push(missingField('parameters'));
  } else if (typeof params !== 'object' || Array.isArray(params)) {
    problems.push({ field: 'parameters', code: 'typeMismatch', message: 'parameters must be an object.' });
  } else {
    for (const name of ORDER_PARAMETERS) text(params[name], `parameters.${name}`);
  }
  if (problems.length) {
    const missing = problems.filter((p) => p.code === 'valueMissing').map((p) => p.field);
    const message = missing.length
      ? `Missing field${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`
      : `Invalid field: ${problems.map((p) => p.field).join(', ')}.`;
    throw badRequest(missing.length ? 'MISSING_FIELD' : 'INVALID_FIELD', message, { problems });
  }
}

async function orderVoicesite(ctx, code, { generic }) {
  const cust = visibleCustomer(ctx, code);
  const body = await readJsonObject(ctx.req, ctx.maxBodyBytes);
  if (generic) {
    // The seed's own curl posts its voicesite body to /orders without a
    // productReference: voicesite is the only product it documents, so that
    // is the default; any other product is refused.
    if (body.productReference !== undefined && body.productReference !== 'voicesite') {
      throw badRequest('UNSUPPORTED_PRODUCT', 'Only productReference "voicesite" can be ordered here.');
    }
  }
  const state = ctx.state.data;
  const ref = body.customerOrderReference;
  // De-duplication by reference, only when asked for (deduplicateOrders): nothing public says
  // the real API does it, so by default the same reference again is a new order (refused with
  // 409 when its technical site name is taken). Checked and recorded with no await in between,
  // so concurrent requests with one reference cannot both create a voicesite.
  const existing = ctx.deduplicateOrders && typeof ref === 'string' ? getOwn(getOwn(state.orders, code), ref) : undefined;
  if (existing) {
    await ctx.state.save();
    return reply(200, existing);
  }
  checkOrderBody(body);
  const p = body.parameters;
  const iso2 = p.country.toUpperCase();
  const target = ISO2.test(iso2) ? ctx.data.countries.get(iso2) : undefined;
  if (!target || target.coverage.businessTalkOnline !== 'Yes') {
    throw badRequest('COUNTRY_NOT_COVERED', `Business Talk Online is not available in country "${p.country}".`,
      { description: 'Choose a country where Business Talk Online is available.' });
  }
  if (!cust.vpns.some((v) => v.vpnId === p.vpnId)) {
    throw badRequest('UNKNOWN_VPN', `VPN "${p.vpnId}" does not belong to customer ${code}.`,
      { description: `The order parameter vpnId must be one of customer ${code}'s VPNs.` });
  }
  const wanted = p.technicalSiteName.toLowerCase();
  const taken = Object.values(state.voicesites)
    .some((v) => v.customerCode === code && v.technicalSiteName.toLowerCase() === wanted);
  if (taken) {
    throw new ApiError(409, 'TECHNICAL_SITE_NAME_IN_USE',
      `Technical site name "${p.technicalSiteName}" is already used by another voicesite of customer ${code}.`,
      { description: 'The order parameter technicalSiteName must be unique for each customer.' });
  }
  const creationDate = new Date(ctx.now()).toISOString();
  const voiceSiteId = randomHex(6);
  const parameters = {
    technicalSiteName: p.technicalSiteName,
    customerSiteLabel: p.customerSiteLabel,
    country: iso2,
    vpnId: p.vpnId,
  };
  const order = {
    orderId: randomUuid(),
    customerOrderReference: ref,
    productReference: 'voicesite',
    status: 'completed',
    creationDate,
    parameters,
    voiceSiteId,
  };
  setOwn(state.voicesites, voiceSiteId, {
    voiceSiteId, customerCode: code, ...parameters, status: 'active', creationDate, voiceAddress: null,
  });
  if (!getOwn(state.orders, code)) setOwn(state.orders, code, {});
  // Without de-duplication one reference can name several orders: a later one is kept by its id.
  setOwn(state.orders[code], getOwn(state.orders[code], ref) ? order.orderId : ref, order);
  await ctx.state.save();
  return reply(201, order);
}

function getOrder(ctx, code, orderId) {
  visibleCustomer(ctx, code);
  const order = Object.values(getOwn(ctx.state.data.orders, code) ?? {}).find((o) => o.orderId === orderId);
  if (!order) throw notFound('ORDER_NOT_FOUND', `Order ${orderId} does not exist for customer ${code}.`);
  return reply(200, order);
}

// ---------------------------------------------------------------- voicesites

const voicesiteView = (v) => ({
  voiceSiteId: v.voiceSiteId,
  customerCode: v.customerCode,
  technicalSiteName: v.technicalSiteName,
  customerSiteLabel: v.customerSiteLabel,
  country: v.country,
  vpnId: v.vpnId,
  status: v.status,
  creationDate: v.creationDate,
  voiceAddress: v.voiceAddress ?? null,
});

function listVoicesites(ctx, codes) {
  const list = Object.values(ctx.state.data.voicesites)
    .filter((v) => codes.includes(v.customerCode))
    .sort((a, b) => a.creationDate.localeCompare(b.creationDate) || a.voiceSiteId.localeCompare(b.voiceSiteId))
    .map(voicesiteView);
  return listReply(ctx, list);
}

function voicesites(ctx, query) {
  const only = query.get('customerCode');
  if (only !== null) {
    visibleCustomer(ctx, only);
    return listVoicesites(ctx, [only]);
  }
  return listVoicesites(ctx, ctx.key.customerCodes);
}

function customerVoicesites(ctx, code) {
  visibleCustomer(ctx, code);
  return listVoicesites(ctx, [code]);
}

const voicesiteNotFound = (code, id) => notFound('VOICESITE_NOT_FOUND', `Voicesite ${id} does not exist for customer ${code}.`);

function voicesiteOf(ctx, code, id) {
  visibleCustomer(ctx, code);
  const site = getOwn(ctx.state.data.voicesites, id);
  if (!site || site.customerCode !== code) {
    throw voicesiteNotFound(code, id);
  }
  return site;
}

const voicesite = (ctx, code, id) => reply(200, voicesiteView(voicesiteOf(ctx, code, id)));

function getVoiceAddress(ctx, code, id) {
  const site = voicesiteOf(ctx, code, id);
  if (!site.voiceAddress) throw notFound('VOICEADDRESS_NOT_FOUND', `Voicesite ${id} has no address yet.`);
  return reply(200, site.voiceAddress);
}

async function putVoiceAddress(ctx, code, id) {
  const site = voicesiteOf(ctx, code, id);
  const address = await readJsonObject(ctx.req, ctx.maxBodyBytes);
  const configured = ctx.data.countries.get(site.country);
  if (!configured) throw new ApiError(500, 'COUNTRY_CONFIGURATION_MISSING', `Country ${site.country} is no longer configured.`);
  const c = await loadedGeoAreas(configured);
  let core;
  try {
    core = await ctx.core();
  } catch (cause) {
    throw new ApiError(503, 'VALIDATION_UNAVAILABLE', `The address validator could not be loaded: ${cause.message}`);
  }
  let result;
  try {
    result = compiledFor(core, c).validate(address);
  } catch (cause) {
    throw badRequest('INVALID_ADDRESS', `The address cannot be checked: ${cause.message}`,
      { problems: cause.problems ?? [] });
  }
  if (!result.valid) {
    const fields = [...new Set(result.problems.map((p) => p.field))];
    throw badRequest('INVALID_ADDRESS', `The address does not meet the ${c.iso2} constraints: check ${fields.join(', ')}.`,
      { problems: result.problems });
  }
  // The store belongs to this request's voicesite; re-read in case a reset ran meanwhile.
  const current = getOwn(ctx.state.data.voicesites, id);
  if (!current) throw voicesiteNotFound(code, id);
  current.voiceAddress = address;
  current.voiceAddressDate = new Date(ctx.now()).toISOString();
  await ctx.state.save();
  return reply(200, { voiceSiteId: id, voiceAddress: address });
}

// ---------------------------------------------------------------- routing

const WRITE = ['POST', 'PUT'];

/**
 * Routes: [segments pattern, { method: handler }]. ':x' captures one decoded
 * segment. Geoareas have their own matcher (variable depth).
 */
const ROUTES = [
  [['me'], { GET: me }],
  [['customers'], { GET: customers }],
  [['customers', ':code'], { GET: customer }],
  [['customers', ':code', 'vpns'], { GET: vpns }],
  [['customers', ':code', 'orders'], { POST: (ctx, code) => orderVoicesite(ctx, code, { generic: true }) }],
  [['customers', ':code', 'orders', 'voicesite'], { POST: (ctx, code) => orderVoicesite(ctx, code, { generic: false }) }],
  [['customers', ':code', 'orders', ':orderId'], { GET: getOrder }],
  [['customers', ':code', 'voicesites'], { GET: customerVoicesites }],
  [['customers', ':code', 'voicesites', ':id'], { GET: voicesite }],
  [['customers', ':code', 'voicesites', ':id', 'voiceaddress'], { GET: getVoiceAddress, PUT: putVoiceAddress, POST: putVoiceAddress }],
  [['voicesites'], { GET: (ctx) => voicesites(ctx, ctx.query) }],
  [['countries'], { GET: countries }],
  [['countries', ':iso2'], { GET: country }],
  [['countries', ':iso2', 'addressconstraints'], { GET: addressConstraints }],
  [['countries', ':iso2', 'geographicalconstraints'], { GET: geographicalConstraints }],
  [['countries', ':iso2', 'dialzones'], { GET: dialZones }],
  [['countries', ':iso2', 'addresses'], { GET: (ctx, iso2) => addresses(ctx, iso2, ctx.query) }],
  [['countries', ':iso2', 'postalcodes'], { GET: (ctx, iso2) => postalCodes(ctx, iso2, ctx.query) }],
  [['countries', ':iso2', 'parishes'], { GET: (ctx, iso2) => parishes(ctx, iso2, ctx.query) }],
];

function matchGeoAreas(segments) {
  // countries/{iso2}/geoareas/area1[/{v1}/area2[/{v2}/area3[/{v3}/area4]]]
  if (segments.length < 4 || segments[0] !== 'countries' || segments[2] !== 'geoareas') return null;
  const rest = segments.slice(3);
  if (rest.length % 2 !== 1 || rest.length > 7) return null;
  const parents = [];
  for (let i = 0; i < rest.length; i += 2) {
    if (rest[i] !== `area${i / 2 + 1}`) return null;
    if (i + 1 < rest.length) parents.push(rest[i + 1]);
  }
  const get = async (ctx, iso2) => {
    await loadedGeoAreas(countryOf(ctx, iso2));
    return geoAreas(ctx, iso2, parents);
  };
  return { methods: { GET: get }, args: [segments[1]] };
}

/** Finds the route for decoded segments: { methods, args } or null. */
export function matchRoute(segments) {
  for (const [pattern, methods] of ROUTES) {
    if (pattern.length !== segments.length) continue;
    const args = [];
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i += 1) {
      if (pattern[i].startsWith(':')) args.push(segments[i]);
      else ok = pattern[i] === segments[i];
    }
    // First match wins: ROUTES lists a literal (orders/voicesite) before the capture it clashes with.
    if (ok) return { methods, args };
  }
  return matchGeoAreas(segments);
}

export const isWrite = (method) => WRITE.includes(method);
