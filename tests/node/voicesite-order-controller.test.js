// The DOM-free parts of <btalk-voicesite-order>: the OrderFlow state machine with a fake
// client and core, the failure descriptions, the list's filter and pages (its catalogues:
// tests/node/i18n.test.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import { BtalkApiError } from '../../web/client.js';
import {
  LIST_FIRST_PAGE, LIST_MAX_ITEMS, LIST_PAGE, OrderFlow, STEPS, generateOrderReference,
} from '../../web/components/voicesite-order/voicesite-order.controller.js';
import { describeFailure } from '../../web/components/voicesite-order/failure.js';
import {
  PAGE_SIZE, addressLines, countryName, filterSites, newestFirst, pageOf, statusLabel,
} from '../../web/components/voicesite-order/voicesite-list.view.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A core whose orderRequest reports every empty field as valueMissing (and builds the body of a valid order). */
const fakeCore = {
  orderRequest(order) {
    const problems = Object.entries(order).filter(([, v]) => String(v).trim() === '')
      .map(([field]) => ({ field, code: 'valueMissing', message: `${field} is required` }));
    if (problems.length) return { valid: false, problems };
    const { customerOrderReference, ...parameters } = order;
    return { valid: true, problems, body: { customerOrderReference, parameters } };
  },
};

const apiError = (status, code, message = 'refused', extra = {}) => new BtalkApiError({ status, code, message, ...extra });

/** A client answering like the stand-in; `fail` maps a method name to the error it throws. */
function fakeClient({ fail = {}, customers = [{ customerCode: '9999', name: 'ACME' }, { customerCode: '4242', name: 'Globex' }] } = {}) {
  const calls = [];
  const answer = (name, value) => async (...args) => {
    calls.push([name, ...args]);
    if (fail[name]) throw fail[name];
    return typeof value === 'function' ? value(...args) : value;
  };
  return {
    calls,
    core: async () => fakeCore,
    me: answer('me', { rightsProfile: 'full', canOrder: true }),
    customers: answer('customers', customers),
    vpns: answer('vpns', (code) => (code === '9999' ? [{ vpnId: 'v1' }, { vpnId: 'v2' }] : [{ vpnId: 'g1' }])),
    countries: answer('countries', [{ iso2: 'FR', name: 'France', covered: true }, { iso2: 'AQ', name: 'Antarctica', covered: false }]),
    orderVoicesite: answer('orderVoicesite', (code, order) => ({ orderId: 'o1', customerOrderReference: order.customerOrderReference, status: 'completed', voiceSiteId: 'vs-new' })),
    voicesites: answer('voicesites', [
      { voiceSiteId: 'vs-1', technicalSiteName: 'A', country: 'FR', vpnId: 'g1', hasVoiceAddress: false },
      { voiceSiteId: 'vs-new', technicalSiteName: 'B', country: 'FR', vpnId: 'v1', hasVoiceAddress: false },
    ]),
  };
}

async function started(options) {
  const errors = [];
  const flow = new OrderFlow({ onError: (error, step) => errors.push([error.code, step]) });
  const client = fakeClient(options);
  flow.start(client);
  await settle();
  return { flow, client, errors };
}

test('the steps follow the flow: access, customer, VPN, country, site, order, address, list', async () => {
  assert.deepEqual(STEPS, ['access', 'customer', 'vpn', 'country', 'site', 'order', 'address', 'list']);
  const flow = new OrderFlow();
  assert.equal(flow.step, 'access');
  const client = fakeClient();
  flow.start(client);
  await settle();
  assert.equal(flow.step, 'customer', 'two customers: a choice');
  flow.setValue('customer', '9999');
  assert.equal(flow.step, 'vpn');
  await settle();
  flow.setValue('vpnId', 'v1');
  assert.equal(flow.step, 'country');
  flow.setValue('country', 'FR');
  assert.equal(flow.step, 'site');
  flow.setValue('technicalSiteName', 'SITE_1');
  flow.setValue('customerSiteLabel', 'Office');
  assert.equal(flow.step, 'order');
  const result = await flow.submit();
  assert.equal(result.outcome, 'created');
  assert.equal(flow.step, 'address');
  assert.deepEqual(flow.address, {
    voiceSiteId: 'vs-new', customerCode: '9999', country: 'FR', fromOrder: true, technicalSiteName: 'SITE_1', customerSiteLabel: 'Office',
  }, 'the address step knows the site\'s names (its heading shows them)');
  await flow.skipAddress();
  assert.equal(flow.step, 'list');
  assert.equal(flow.address, null, 'Skip closes the address form');
  assert.equal(flow.voicesites.length, 2);
});

test('one customer and one VPN are chosen on their own; a preferred country must be covered', async () => {
  const flow = new OrderFlow();
  const client = fakeClient({ customers: [{ customerCode: '4242' }] });
  flow.applyPreferredCountry('aq');
  flow.start(client);
  await settle();
  await settle();
  assert.equal(flow.values.customer, '4242');
  assert.equal(flow.values.vpnId, 'g1');
  assert.equal(flow.values.country, '', 'Antarctica is not covered');
  flow.applyPreferredCountry('fr');
  assert.equal(flow.values.country, 'FR');
});

test('an unknown API key is one failure, shown in the access step only, with one retry for all', async () => {
  const unknownKey = apiError(403, 'UNKNOWN_API_KEY', 'The Business Talk API key does not allow this operation (403).');
  const { flow, client, errors } = await started({ fail: { me: unknownKey, customers: unknownKey, countries: unknownKey } });
  assert.deepEqual(errors.map(([, step]) => step).sort(), ['access', 'countries', 'customers'], 'each failure is an event');
  assert.equal(flow.shownFailure('access').failure.key, 'error.unknownKey');
  assert.equal(flow.shownFailure('customers'), null);
  assert.equal(flow.shownFailure('countries'), null);
  assert.deepEqual(flow.blockReason, { key: 'order.disabled.access', params: {} });
  assert.equal(flow.hasTypedInput, false, 'nothing typed: no "kept" sentence');
  const before = client.calls.length;
  flow.retry('access');
  await settle();
  assert.deepEqual(client.calls.slice(before).map(([name]) => name).sort(), ['countries', 'customers', 'me']);
});

test('a failure of one list that is not about access stays where it happened', async () => {
  const { flow } = await started({ fail: { countries: apiError(500, 'INTERNAL_ERROR', 'x', { body: { message: 'Internal server error' } }) } });
  assert.equal(flow.shownFailure('access'), null);
  const shown = flow.shownFailure('countries');
  assert.equal(shown.failure.key, 'error.unavailable');
  assert.equal(shown.failure.detail, 'Internal server error', 'the API\'s own words');
  assert.equal(typeof shown.retry, 'function');
});

test('a 409 on the technical site name: no retry, the field is named, and changing it clears the refusal', async () => {
  const { flow } = await started();
  flow.client.orderVoicesite = async () => {
    throw apiError(409, 'TECHNICAL_SITE_NAME_IN_USE', 'Customer 9999 already has a voicesite named "X".', {
      problems: [{ field: 'parameters.technicalSiteName', code: 'notAllowed', message: 'This name is already used.' }],
    });
  };
  flow.setValue('customer', '9999');
  await settle();
  for (const [field, value] of [['vpnId', 'v1'], ['country', 'FR'], ['technicalSiteName', 'X'], ['customerSiteLabel', 'L']]) flow.setValue(field, value);
  const result = await flow.submit();
  assert.deepEqual([result.outcome, result.field], ['failed', 'technicalSiteName']);
  const shown = flow.shownFailure('order');
  assert.equal(shown.failure.key, 'error.siteNameInUse');
  assert.equal(shown.retry, null, 'trying again can only fail');
  assert.equal(flow.referenceLocked, false, 'a definite refusal keeps the reference editable');
  assert.equal(flow.problemsOf('technicalSiteName')[0].message, 'This name is already used.');
  assert.equal(flow.hasTypedInput, true);
  flow.setValue('technicalSiteName', 'Y');
  assert.equal(flow.shownFailure('order'), null);
  assert.deepEqual(flow.problemsOf('technicalSiteName'), []);
});

test('a timeout keeps the reference for an idempotent retry; the order is sent once at a time', async () => {
  const { flow, client } = await started();
  let release;
  flow.client.orderVoicesite = (code, order) => {
    client.calls.push(['orderVoicesite', code, order]);
    return new Promise((resolve, reject) => { release = { resolve, reject }; });
  };
  flow.setValue('customer', '9999');
  await settle();
  for (const [field, value] of [['vpnId', 'v1'], ['country', 'FR'], ['technicalSiteName', 'X'], ['customerSiteLabel', 'L']]) flow.setValue(field, value);
  const first = flow.submit();
  assert.equal((await flow.submit()).outcome, 'busy');
  assert.equal(flow.locked, true);
  await settle(); // the name is checked in the list first
  release.reject(apiError(0, 'timeout', 'late'));
  assert.equal((await first).outcome, 'failed');
  assert.equal(flow.referenceLocked, true);
  const reference = flow.values.customerOrderReference;
  flow.setValue('customerOrderReference', 'OTHER');
  assert.equal(flow.values.customerOrderReference, reference, 'the locked reference cannot change');
  assert.equal(typeof flow.shownFailure('order').retry, 'function');
  assert.equal(client.calls.filter(([name]) => name === 'orderVoicesite').length, 1);
});

// ---------------------------------------------------------------- exactly once without the server's help

/**
 * A flow ready to order SITE_X for customer 9999, over a client that follows the real API's known
 * rules: no de-duplication of the reference, 409 for a taken name, voicesites() lists them all.
 * `lose` / `listFail` / `orderFail`: errors of the next calls, in order (null: no error).
 */
async function readyToOrder({ lose = [], listFail = [], orderFail = [], sites = [] } = {}) {
  const { flow, client, errors } = await started();
  const api = { sites: [...sites], posts: 0, lists: 0 };
  client.orderVoicesite = async (code, order) => {
    api.posts += 1;
    const fail = orderFail.shift();
    if (fail) throw fail;
    if (api.sites.some((v) => v.customerCode === code && v.technicalSiteName === order.technicalSiteName)) {
      throw apiError(409, 'TECHNICAL_SITE_NAME_IN_USE', 'Name in use', { problems: [{ field: 'parameters.technicalSiteName', code: 'notAllowed', message: 'used' }] });
    }
    const voiceSiteId = `vs-${api.sites.length + 1}`;
    api.sites.push({ voiceSiteId, customerCode: code, technicalSiteName: order.technicalSiteName, customerSiteLabel: order.customerSiteLabel,
      country: order.country, vpnId: order.vpnId, status: 'active', hasVoiceAddress: false });
    const lost = lose.shift();
    if (lost) throw lost; // created, but the answer is lost
    return { orderId: `o-${voiceSiteId}`, customerOrderReference: order.customerOrderReference, status: 'completed', voiceSiteId };
  };
  client.voicesites = async () => {
    api.lists += 1;
    const fail = listFail.shift();
    if (fail) throw fail;
    return api.sites.map((v) => ({ ...v }));
  };
  flow.setValue('customer', '9999');
  await settle();
  for (const [field, value] of [['vpnId', 'v1'], ['country', 'FR'], ['technicalSiteName', 'SITE_X'], ['customerSiteLabel', 'Lyon']]) flow.setValue(field, value);
  return { flow, api, errors };
}

for (const [what, lost] of [
  ['a network error', apiError(0, 'network', 'no answer')], ['a timeout', apiError(0, 'timeout', 'late')],
  ['a 503', apiError(503, 'SERVICE_UNAVAILABLE', 'down')], ['an unreadable answer', apiError(201, 'malformedResponse', 'garbled')],
]) {
  test(`a lost answer (${what}): the voicesite is looked up at once and shown as created, one POST`, async () => {
    const { flow, api, errors } = await readyToOrder({ lose: [lost] });
    const result = await flow.submit();
    assert.deepEqual([result.outcome, result.found, result.voiceSiteId], ['created', true, 'vs-1']);
    assert.equal(api.posts, 1);
    assert.equal(api.lists, 2, 'the name checked before the POST, the order looked up after it');
    assert.equal(flow.created.found, true);
    assert.equal(flow.created.order.customerOrderReference, flow.values.customerOrderReference);
    assert.deepEqual(flow.address, {
      voiceSiteId: 'vs-1', customerCode: '9999', country: 'FR', fromOrder: true, technicalSiteName: 'SITE_X', customerSiteLabel: 'Lyon',
    });
    assert.equal(flow.step, 'address');
    assert.deepEqual(errors.filter(([, step]) => step === 'order'), [], 'a lost answer that was resolved is no failure');
  });
}

test('while looking up, the order load says so (phase checking) and the order stays locked', async () => {
  const { flow, api } = await readyToOrder({ lose: [apiError(0, 'timeout', 'late')] });
  const client = flow.client;
  const list = client.voicesites;
  let seen = null;
  client.voicesites = async (...args) => {
    seen = { ...flow.loads.order, locked: flow.locked, again: (await flow.submit()).outcome };
    return list(...args);
  };
  await flow.submit();
  assert.deepEqual([seen.status, seen.phase, seen.locked, seen.again], ['loading', 'checking', true, 'busy']);
  assert.equal(api.posts, 1);
});

test('nothing found after a lost answer: said, the reference kept; only Try again sends again, after another look-up', async () => {
  const { flow, api } = await readyToOrder({ orderFail: [apiError(0, 'network', 'no answer')] }); // lost before the API
  const result = await flow.submit();
  assert.deepEqual([result.outcome, result.field], ['failed', '']);
  const shown = flow.shownFailure('order');
  assert.equal(shown.failure.key, 'error.network');
  assert.deepEqual(shown.failure.more, { key: 'order.notFound', params: { name: 'SITE_X' } });
  assert.equal(typeof shown.retry, 'function');
  assert.equal(flow.referenceLocked, true);
  assert.deepEqual([api.posts, api.lists], [1, 2], 'no re-send on its own');
  await settle();
  assert.equal(api.posts, 1);
  const again = await flow.retry('order');
  assert.deepEqual([again.outcome, again.found], ['created', false]);
  assert.deepEqual([api.posts, api.lists, api.sites.length], [2, 3, 1]);
});

test('a 409 on the retry of our own order is looked up and adopted', async () => {
  // The answer is lost and the list lags (the voicesite shows up late): Try again sends, gets 409,
  // and the look-up after the 409 finds the voicesite.
  const { flow, api } = await readyToOrder({ lose: [apiError(504, 'GATEWAY_TIMEOUT', 'late')] });
  const list = flow.client.voicesites;
  let lagging = 3; // the check before the first POST, the look-up after it, the one before the retry
  flow.client.voicesites = async (...args) => ((lagging -= 1) >= 0 ? (api.lists += 1, []) : list(...args));
  assert.equal((await flow.submit()).outcome, 'failed');
  const result = await flow.submit();
  assert.deepEqual([result.outcome, result.found, result.voiceSiteId], ['created', true, 'vs-1']);
  assert.deepEqual([api.posts, api.lists, api.sites.length], [2, 4, 1]);
  assert.deepEqual(flow.apiProblems, [], 'no "name in use" for our own voicesite');
});

test('the look-up failing: a clear error, nothing sent again; Try again looks up first and adopts', async () => {
  const { flow, api, errors } = await readyToOrder({ lose: [apiError(0, 'timeout', 'late')], listFail: [null, apiError(0, 'network', 'offline')] });
  const result = await flow.submit();
  assert.equal(result.outcome, 'failed');
  const shown = flow.shownFailure('order');
  assert.equal(shown.failure.key, 'order.lookupFailed');
  assert.deepEqual(shown.failure.more, { key: 'error.network' });
  assert.equal(typeof shown.retry, 'function');
  assert.deepEqual([api.posts, api.lists], [1, 2]);
  assert.deepEqual(errors.filter(([, step]) => step === 'order').map(([code]) => code), ['timeout', 'network']);
  const again = await flow.retry('order');
  assert.deepEqual([again.outcome, again.found], ['created', true]);
  assert.deepEqual([api.posts, api.lists, api.sites.length], [1, 3, 1]);
});

test('after a lost answer, a voicesite of that name with other fields is not adopted: the name is in use', async () => {
  const other = { voiceSiteId: 'vs-other', customerCode: '9999', technicalSiteName: 'SITE_X', customerSiteLabel: 'Paris', country: 'FR', vpnId: 'v1' };
  const { flow, api } = await readyToOrder({ orderFail: [apiError(0, 'network', 'no answer')], sites: [other] });
  const result = await flow.submit();
  assert.deepEqual([result.outcome, result.field], ['failed', 'technicalSiteName']);
  assert.equal(flow.created, null);
  assert.equal(flow.shownFailure('order').failure.key, 'error.siteNameInUse');
  assert.equal(flow.shownFailure('order').retry, null);
  assert.equal(flow.problemsOf('technicalSiteName')[0].code, 'inUse');
  // Another name: sent (after the look-up, since an attempt was in doubt).
  flow.setValue('technicalSiteName', 'SITE_Y');
  const next = await flow.submit();
  assert.equal(next.outcome, 'created');
  assert.deepEqual([api.posts, api.sites.length], [2, 2]);
});

test('another customer\'s voicesite of the same name is not ours', async () => {
  const other = { voiceSiteId: 'vs-g', customerCode: '4242', technicalSiteName: 'SITE_X', customerSiteLabel: 'Lyon', country: 'FR', vpnId: 'v1' };
  const { flow } = await readyToOrder({ orderFail: [apiError(0, 'network', 'no answer')], sites: [other] });
  assert.equal((await flow.submit()).outcome, 'failed');
  assert.equal(flow.shownFailure('order').failure.more.key, 'order.notFound');
});

test('a 409 for a name already held before the send is a refusal: looked up no further, even with the same fields', async () => {
  const earlier = { voiceSiteId: 'vs-0', customerCode: '9999', technicalSiteName: 'SITE_X', customerSiteLabel: 'Lyon', country: 'FR', vpnId: 'v1' };
  const { flow, api } = await readyToOrder({ sites: [earlier] });
  const result = await flow.submit();
  assert.deepEqual([result.outcome, result.field], ['failed', 'technicalSiteName']);
  assert.equal(flow.created, null);
  assert.deepEqual([api.posts, api.lists], [1, 1], 'the check before the POST only');
  assert.equal(flow.referenceLocked, false);
});

test('a 409 on the first answer, for a name free just before: the browser re-sent our POST, and the voicesite is ours', async () => {
  // Chromium re-sends a POST on its own when a reused connection closes before the answer: the
  // first POST created the voicesite, the re-sent one is the only answer the page sees (409).
  const { flow, api } = await readyToOrder();
  const post = flow.client.orderVoicesite;
  flow.client.orderVoicesite = async (...args) => {
    await post(...args).catch(() => {}); // the first POST: carried out, answer lost in the browser
    return post(...args); // the re-sent one: 409
  };
  const result = await flow.submit();
  assert.deepEqual([result.outcome, result.found, result.voiceSiteId], ['created', true, 'vs-1']);
  assert.deepEqual(flow.apiProblems, []);
  assert.equal(api.sites.length, 1);
});

test('when the check before the POST cannot list the voicesites, the order is sent anyway; a 409 then stays a refusal', async () => {
  const { flow, api } = await readyToOrder({ listFail: [apiError(0, 'network', 'offline')] });
  const post = flow.client.orderVoicesite;
  flow.client.orderVoicesite = async (...args) => {
    await post(...args).catch(() => {});
    return post(...args);
  };
  const result = await flow.submit();
  assert.deepEqual([result.outcome, result.field], ['failed', 'technicalSiteName'], 'without knowing the name was free, a 409 is not ours');
  assert.equal(api.lists, 1);
});

test('Give its address: the voicesite\'s customer comes from the list, the only customer, or the VPN', async () => {
  const { flow } = await started();
  await flow.showList();
  const target = await flow.openAddress('vs-1');
  assert.deepEqual(target, {
    voiceSiteId: 'vs-1', customerCode: '4242', country: 'FR', fromOrder: false, technicalSiteName: 'A', customerSiteLabel: '',
  }, 'VPN g1 is Globex\'s');
  assert.equal(flow.step, 'address');
  await flow.addressSaved('vs-1');
  assert.equal(flow.address, null);
  assert.equal(flow.lastSaved, 'vs-1');
  assert.equal(await flow.customerOf({ customerCode: '7' }), '7');
  assert.equal(await flow.openAddress('nope'), null);
});

test('a readonly profile can browse but not order, and says why', async () => {
  const flow = new OrderFlow();
  const client = fakeClient();
  client.me = async () => ({ rightsProfile: 'readonly', canOrder: false });
  flow.start(client);
  await settle();
  assert.deepEqual(flow.blockReason, { key: 'order.disabled.readonly', params: { profile: 'readonly' } });
  assert.equal((await flow.submit()).outcome, 'blocked');
});

test('describeFailure: one sentence key, no code, retry only where it can help', () => {
  const cases = [
    [new TypeError('https needed'), 'error.config', false, true],
    [apiError(0, 'credentialsUnavailable'), 'error.credentials', true, true],
    [apiError(0, 'invalidCredentials'), 'error.credentialsInvalid', true, true],
    [apiError(401, 'INVALID_CREDENTIALS'), 'error.401', true, true],
    [apiError(403, 'UNKNOWN_API_KEY'), 'error.unknownKey', true, true],
    [apiError(403, 'forbidden'), 'error.403', true, true],
    [apiError(409, 'TECHNICAL_SITE_NAME_IN_USE'), 'error.siteNameInUse', false, false],
    [apiError(400, 'UNKNOWN_VPN'), 'error.fields', false, false],
    [apiError(400, 'badRequest'), 'error.refused', false, false],
    [apiError(429, 'tooManyRequests'), 'error.busy', true, false],
    [apiError(503, 'serverError'), 'error.unavailable', true, false],
    [apiError(0, 'timeout'), 'error.timeout', true, false],
    [apiError(0, 'network'), 'error.network', true, false],
    [apiError(200, 'malformedResponse'), 'error.malformed', true, false],
  ];
  for (const [error, key, retry, access] of cases) {
    const failure = describeFailure(error, { fields: ['technicalSiteName', 'vpnId', 'country'] });
    assert.deepEqual([failure.key, failure.retry, failure.access], [key, retry, access], `${error.code ?? error.name}`);
  }
  assert.equal(describeFailure(apiError(409, 'TECHNICAL_SITE_NAME_IN_USE'), { fields: ['technicalSiteName'] }).field, 'technicalSiteName');
  assert.equal(describeFailure(new TypeError('Use https for credentials.')).detail, 'Use https for credentials.');
  assert.deepEqual(Object.values(pick(describeFailure(apiError(401, 'credentialsExpired')))), ['error.expired', true, false]);
});

const pick = ({ key, retry, access }) => ({ key, retry, access });

test('describeFailure with the API\'s error lists: integer codes, fields named by the text, every other entry in the detail', () => {
  const fields = ['technicalSiteName', 'vpnId', 'country', 'customerSiteLabel'];
  // A 409 list naming the field: the field's sentence, its words beside the field, not twice.
  const taken = apiError(409, 'conflict', 'Technical site name SITE_3 is already used', {
    apiCode: 1203,
    problems: [{ field: 'technicalSiteName', code: 1203, message: 'Technical site name SITE_3 is already used', description: '' }],
  });
  const named = describeFailure(taken, { fields });
  assert.deepEqual([named.key, named.field, named.detail], ['error.siteNameInUse', 'technicalSiteName', '']);
  // A 409 list naming no field: refused, with the API's own words.
  const conflict = apiError(409, 'conflict', 'x', {
    problems: [{ field: '', code: 1299, message: 'The site is being deleted', description: 'Try later' }],
    body: { message: 'The site is being deleted' },
  });
  assert.deepEqual([describeFailure(conflict, { fields }).key, describeFailure(conflict, { fields }).detail],
    ['error.refused', 'The site is being deleted: Try later']);
  // Two entries, one on a field, one not: the field is marked, the other entry is the detail; each text once.
  const two = apiError(400, 'badRequest', 'x', {
    problems: [
      { field: 'vpnId', code: 1405, message: 'Unknown VPN', description: '' },
      { field: '', code: 1406, message: 'The customer contract is suspended', description: '' },
      { field: '', code: 1406, message: 'The customer contract is suspended', description: '' },
    ],
  });
  const both = describeFailure(two, { fields });
  assert.deepEqual([both.key, both.field, both.detail], ['error.fields', 'vpnId', 'The customer contract is suspended']);
  // A 403 whose code is not a known text: the API's words say which key or customer.
  const forbidden = apiError(403, 'forbidden', 'x', { problems: [{ field: '', code: 1103, message: 'This API key is not known', description: '' }] });
  assert.deepEqual([describeFailure(forbidden).key, describeFailure(forbidden).detail], ['error.403', 'This API key is not known']);
});

test('the list: filter on names, labels, ids, country and status (accents and case ignored), pages of 20', () => {
  const sites = Array.from({ length: 45 }, (_, i) => ({
    voiceSiteId: `vs-${i}`, technicalSiteName: `SITE_${i}`, customerSiteLabel: i === 7 ? 'Zürich Büro' : `Office ${i}`,
    country: i % 2 ? 'FR' : 'CH', status: 'active',
  }));
  assert.equal(PAGE_SIZE, 20);
  assert.deepEqual(filterSites(sites, 'zurich buro').map((s) => s.voiceSiteId), ['vs-7']);
  assert.equal(filterSites(sites, '  ').length, 45);
  // Every word must match somewhere: the 23 CH sites, and vs-7 (FR) whose label holds "ch" (Zürich).
  assert.equal(filterSites(sites, 'ch active').length, 24);
  assert.equal(filterSites(sites, 'office 1').length, 14, 'words match anywhere: ids 1, 10-19, 21, 31, 41');
  assert.deepEqual(pageOf(sites, {}).rows.map((s) => s.voiceSiteId).slice(0, 2), ['vs-0', 'vs-1']);
  const last = pageOf(sites, { pinnedId: 'vs-44' });
  assert.deepEqual([last.page, last.pages, last.from, last.to, last.total, last.paged], [2, 3, 41, 45, 45, true]);
  assert.equal(pageOf(sites, { page: 99 }).page, 2, 'clamped');
  assert.deepEqual(pageOf([], {}), { rows: [], page: 0, pages: 1, from: 0, to: 0, total: 0, paged: false });
});

test('addressLines uses core.formatAddress when the list carries the address, else says nothing', () => {
  const site = { country: 'FR', hasVoiceAddress: true, voiceAddress: { a6: 'Rue X', pc: '75015' } };
  assert.deepEqual(addressLines(site, (country, a) => [`${a.a6}`, `${a.pc} ${country}`, ' ']), ['Rue X', '75015 FR']);
  assert.equal(addressLines(site, null), null);
  assert.equal(addressLines({ ...site, voiceAddress: undefined }, () => ['x']), null);
  assert.equal(addressLines(site, () => { throw new Error('bad'); }), null);
});

test('generateOrderReference: date and 8 random characters', () => {
  const reference = generateOrderReference(new Date(Date.UTC(2026, 11, 1)));
  assert.match(reference, /^ORD-20261201-[A-Z2-9]{8}$/);
  assert.notEqual(generateOrderReference(), generateOrderReference());
});

// ---- a list of real size: server paging (client.voicesites({ offset, limit }) -> { items, total }) ----------

const manySites = (count) => Array.from({ length: count }, (_, i) => ({
  voiceSiteId: `vs-${i}`, technicalSiteName: `SITE_${i}`, customerSiteLabel: i === count - 1 ? 'Genève Plainpalais' : `Office ${i}`,
  country: 'CH', status: 'active', hasVoiceAddress: false,
}));

/** A client paging like the real API: each call waits until the test lets it answer (`release()`). */
function pagingClient(all, { total = all.length, pageCap = 1000 } = {}) {
  const client = fakeClient();
  const pending = [];
  client.pages = [];
  client.voicesites = (options = {}) => new Promise((resolve, reject) => {
    client.pages.push(options);
    pending.push({ options, resolve, reject });
  });
  client.release = async (error = null) => {
    const next = pending.shift();
    if (!next) return false;
    const { offset = 0, limit = 40 } = next.options;
    if (error) next.reject(error);
    else next.resolve({ items: all.slice(offset, offset + Math.min(limit, pageCap)), total });
    await settle();
    return true;
  };
  return client;
}

test('5,000 voicesites: the first page shows at once, the rest comes in pages with progress, the filter covers all', async () => {
  const all = manySites(5000);
  const flow = new OrderFlow();
  const client = pagingClient(all);
  flow.start(client);
  await settle();
  flow.showList();
  await settle();
  assert.deepEqual(client.pages[0], { offset: 0, limit: LIST_FIRST_PAGE });
  assert.equal(flow.voicesites, null, 'nothing yet');
  await client.release();
  assert.equal(flow.loads.list.status, 'done', 'the list step is ready with its first page');
  assert.equal(flow.voicesites.length, LIST_FIRST_PAGE);
  assert.deepEqual(flow.listProgress, { loaded: 100, total: 5000, done: false, offset: 100 });
  assert.equal(filterSites(flow.voicesites, 'geneve').length, 0, 'the last one is not there yet');
  let pages = 0;
  while (await client.release()) pages += 1;
  assert.equal(pages, 5, `then pages of ${LIST_PAGE} until the total`);
  assert.deepEqual(client.pages.slice(1).map((p) => p.offset), [100, 1100, 2100, 3100, 4100]);
  assert.ok(client.pages.slice(1).every((p) => p.limit === LIST_PAGE));
  assert.equal(flow.voicesites.length, 5000);
  assert.equal(flow.listProgress.done, true);
  assert.deepEqual(filterSites(flow.voicesites, 'GENEVE plain').map((s) => s.voiceSiteId), ['vs-4999']);
});

test('paged list: a server capping the page size, shifting items, or giving no total still ends with each voicesite once', async () => {
  const all = manySites(2500);
  // The server caps pages at 40 and says no total: pages follow until one comes back short.
  const flow = new OrderFlow();
  const capped = pagingClient(all, { total: undefined, pageCap: 40 });
  flow.start(capped);
  await settle();
  flow.showList();
  await settle();
  while (await capped.release());
  assert.equal(flow.voicesites.length, 2500);
  assert.equal(new Set(flow.voicesites.map((s) => s.voiceSiteId)).size, 2500);
  assert.equal(flow.listProgress.done, true);
  // A list that shifts between pages (an item seen twice) keeps it once.
  const shifting = new OrderFlow();
  const client = pagingClient(all);
  const answer = client.voicesites;
  client.voicesites = (options) => answer({ ...options, offset: Math.max(0, options.offset - 3) });
  shifting.start(client);
  await settle();
  shifting.showList();
  await settle();
  while (await client.release());
  assert.equal(new Set(shifting.voicesites.map((s) => s.voiceSiteId)).size, shifting.voicesites.length);
});

test('paged list: a lying server is bounded; a failed page keeps what came and offers Retry; another client stops the pages', async () => {
  // Always a full page of the same voicesites, and a total it never reaches.
  const liar = new OrderFlow();
  const same = manySites(LIST_PAGE);
  const lying = fakeClient();
  let calls = 0;
  lying.voicesites = async ({ limit }) => {
    calls += 1;
    return { items: same.slice(0, limit), total: 10_000_000 };
  };
  liar.start(lying);
  await settle();
  await liar.showList();
  for (let i = 0; i < 300 && !liar.listProgress.done; i += 1) await settle();
  assert.equal(liar.listProgress.done, true);
  assert.ok(calls <= LIST_MAX_ITEMS / LIST_PAGE + 2, `${calls} calls`);

  const flow = new OrderFlow();
  const client = pagingClient(manySites(3000));
  flow.start(client);
  await settle();
  flow.showList();
  await settle();
  await client.release();
  await client.release();
  await client.release(apiError(503, 'serverError'));
  assert.equal(flow.voicesites.length, 1100, 'what came stays shown');
  assert.equal(flow.loads.list.status, 'error');
  assert.equal(typeof flow.loads.list.retry, 'function');
  flow.loads.list.retry();
  await settle();
  assert.deepEqual(client.pages.at(-1), { offset: 0, limit: LIST_FIRST_PAGE }, 'Retry loads the list again');
  // Another client while pages come in: the old list's pages stop.
  await client.release();
  assert.equal(flow.voicesites.length, LIST_FIRST_PAGE);
  assert.deepEqual(client.pages.at(-1), { offset: LIST_FIRST_PAGE, limit: LIST_PAGE }, 'the next page is on its way');
  const before = client.pages.length;
  flow.start(fakeClient());
  await client.release();
  await settle();
  assert.equal(client.pages.length, before, 'no page asked after the switch');
});

test('a client without server paging answers the whole list to the same call', async () => {
  const { flow } = await started();
  await flow.showList();
  assert.equal(flow.voicesites.length, 2);
  assert.equal(flow.listProgress, null);
});

test('the list view: reachable before any order, loaded each time it is shown; it closes an open address step', async () => {
  const { flow, client } = await started();
  const lists = () => client.calls.filter(([name]) => name === 'voicesites').length;
  const before = lists();
  await flow.setView('list');
  assert.equal(flow.step, 'list');
  assert.equal(lists(), before + 1, 'the list is loaded when shown');
  await flow.openAddress('vs-1');
  assert.equal(flow.step, 'address');
  flow.setView('order');
  assert.equal(flow.address, null);
  assert.equal(flow.step, 'customer');
  await flow.setView('list');
  assert.equal(lists(), before + 2, 'and loaded afresh when shown again');
});

test('the list in words, newest first: newestFirst, countryName, statusLabel', () => {
  const sites = [
    { voiceSiteId: 'a', creationDate: '2026-01-01T10:00:00Z' },
    { voiceSiteId: 'b', creationDate: '2026-03-01T10:00:00Z' },
    { voiceSiteId: 'c', creationDate: '2026-02-01T10:00:00Z' },
  ];
  assert.deepEqual(newestFirst(sites).map((s) => s.voiceSiteId), ['b', 'c', 'a']);
  assert.deepEqual(sites.map((s) => s.voiceSiteId), ['a', 'b', 'c'], 'the input is kept');
  assert.deepEqual(newestFirst([{ voiceSiteId: 'x' }, { voiceSiteId: 'y' }]).map((s) => s.voiceSiteId), ['y', 'x'], 'no dates: the API order reversed');
  assert.equal(countryName('DE', 'en'), 'Germany');
  assert.equal(countryName('de', 'fr'), 'Allemagne');
  assert.equal(countryName('not a code', 'en'), 'not a code');
  const t = { t: (key) => ({ 'list.status.active': 'Active' }[key] ?? key) };
  assert.equal(statusLabel('active', t), 'Active');
  assert.equal(statusLabel('inProgress', t), 'In progress', 'an unknown status, spaced');
  assert.equal(statusLabel('', t), '');
  const shown = (site) => [countryName(site.country, 'en')];
  assert.deepEqual(filterSites([{ voiceSiteId: '1', country: 'DE' }, { voiceSiteId: '2', country: 'FR' }], 'germ', shown).map((s) => s.voiceSiteId), ['1'],
    'the filter matches the country\'s name as shown');
});
