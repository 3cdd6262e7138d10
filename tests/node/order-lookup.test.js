// Exactly once without the server's help (web/internal/order-lookup.js): which failures leave an
// order's outcome unknown, how a listed voicesite is recognised as an order's, and OrderOnce's
// sequence (send, look up, adopt; never a re-send before a look-up).
import test from 'node:test';
import assert from 'node:assert/strict';
import { BtalkApiError } from '../../web/client.js';
import { OrderOnce, addAttempt, lookUpOrder, matchOrder, namesHeld, orderOutcomeUnknown } from '../../web/internal/order-lookup.js';

const apiError = (status, code) => new BtalkApiError({ status, code, message: code });
const ATTEMPT = { customerCode: '9999', technicalSiteName: 'SITE_A', customerSiteLabel: 'Lyon office', country: 'FR', vpnId: 'v1' };
const site = (fields) => ({ voiceSiteId: 'vs-1', customerCode: '9999', technicalSiteName: 'SITE_A', customerSiteLabel: 'Lyon office', country: 'FR', vpnId: 'v1', ...fields });

test('an outcome is unknown without an answer, after a 5xx, a redirect or an unreadable answer; a 4xx or a send that never happened is definite', () => {
  const unknown = [apiError(0, 'network'), apiError(0, 'timeout'), apiError(0, 'aborted'), apiError(500, 'INTERNAL_ERROR'),
    apiError(502, 'BAD_GATEWAY'), apiError(503, 'x'), apiError(504, 'x'), apiError(201, 'malformedResponse'),
    apiError(200, 'responseTooLarge'), apiError(303, 'redirectRefused')];
  const definite = [apiError(400, 'INVALID_FIELD'), apiError(401, 'INVALID_CREDENTIALS'), apiError(403, 'READONLY_API_KEY'),
    apiError(404, 'NOT_FOUND'), apiError(409, 'TECHNICAL_SITE_NAME_IN_USE'), apiError(429, 'TOO_MANY_REQUESTS'),
    apiError(0, 'invalidOrder'), apiError(0, 'credentialsUnavailable'), apiError(0, 'invalidCredentials'),
    new TypeError('Use https for credentials.'), null];
  for (const error of unknown) assert.equal(orderOutcomeUnknown(error), true, `${error.status} ${error.code}`);
  for (const error of definite) assert.equal(orderOutcomeUnknown(error), false, `${error?.status} ${error?.code}`);
});

test('matchOrder: the name (any case) for the customer, fields the list gives must agree, absent ones are not compared', () => {
  assert.equal(matchOrder([site({ technicalSiteName: 'site_a' })], ATTEMPT).site.voiceSiteId, 'vs-1');
  // Only an id and a name, as in the one real answer seen so far.
  assert.ok(matchOrder([{ voiceSiteId: 'vs-2', technicalSiteName: 'SITE_A', customerCode: '', customerSiteLabel: '', country: '', vpnId: '' }], ATTEMPT).site);
  assert.deepEqual(matchOrder([site({ customerCode: '4242' })], ATTEMPT), { site: null, taken: null }, 'another customer\'s');
  const other = matchOrder([site({ customerSiteLabel: 'Paris office' })], ATTEMPT);
  assert.equal(other.site, null);
  assert.equal(other.taken.customerSiteLabel, 'Paris office', 'the name is held by another order');
  assert.equal(matchOrder([site({ vpnId: 'v2' })], ATTEMPT).site, null);
  assert.equal(matchOrder([site({ country: 'fr' })], ATTEMPT).site.voiceSiteId, 'vs-1');
  assert.deepEqual(matchOrder([site({ technicalSiteName: 'SITE_B' })], ATTEMPT), { site: null, taken: null });
  assert.deepEqual(matchOrder(null, ATTEMPT), { site: null, taken: null });
  assert.deepEqual(matchOrder([site({})], { ...ATTEMPT, technicalSiteName: '' }), { site: null, taken: null });
  // One that names the customer beats one that names none.
  const both = [site({ voiceSiteId: 'vs-anon', customerCode: '' }), site({ voiceSiteId: 'vs-mine' })];
  assert.equal(matchOrder(both, ATTEMPT).site.voiceSiteId, 'vs-mine');
});

test('lookUpOrder lists through client.voicesites() (every page is the client\'s job) and matches the newest attempt first', async () => {
  const calls = [];
  const client = { voicesites: async (options) => { calls.push(options); return [site({ voiceSiteId: 'vs-old', technicalSiteName: 'OLD' }), site({})]; } };
  const attempts = [{ ...ATTEMPT, technicalSiteName: 'OLD' }, ATTEMPT];
  const found = await lookUpOrder(client, attempts);
  assert.equal(found.site.voiceSiteId, 'vs-1');
  assert.equal(found.attempt.technicalSiteName, 'SITE_A');
  assert.equal(calls.length, 1, 'one listing for every attempt');
  const next = { ...ATTEMPT, technicalSiteName: 'SITE_A', customerSiteLabel: 'Other' };
  assert.equal((await lookUpOrder(client, [], next)).taken.voiceSiteId, 'vs-1', 'a name already held is reported for the next send');
  await assert.rejects(lookUpOrder({ voicesites: async () => { throw apiError(0, 'network'); } }, [ATTEMPT]), /network/);
});

test('addAttempt keeps one attempt per customer and name, newest last, at most five, and nothing but order fields', () => {
  let attempts = [];
  for (const name of ['A', 'B', 'a', 'C', 'D', 'E', 'F']) attempts = addAttempt(attempts, { ...ATTEMPT, technicalSiteName: name, customerOrderReference: 'R', secret: 'x' });
  assert.deepEqual(attempts.map((a) => a.technicalSiteName), ['a', 'C', 'D', 'E', 'F']);
  assert.deepEqual(Object.keys(attempts[0]).sort(), ['country', 'customerCode', 'customerSiteLabel', 'technicalSiteName', 'vpnId']);
});

/** An API without de-duplication: orders create or 409, `lose` loses the next answers after creating. */
function api({ lose = [], failLists = [] } = {}) {
  const state = { sites: [], posts: 0, lists: 0, log: [] };
  state.client = {
    async orderVoicesite(code, order) {
      state.posts += 1;
      state.log.push('POST');
      if (state.sites.some((v) => v.technicalSiteName === order.technicalSiteName)) throw apiError(409, 'TECHNICAL_SITE_NAME_IN_USE');
      state.sites.push(site({ voiceSiteId: `vs-${state.sites.length + 1}`, technicalSiteName: order.technicalSiteName, status: 'active' }));
      const lost = lose.shift();
      if (lost) throw lost;
      return { orderId: 'o', voiceSiteId: state.sites.at(-1).voiceSiteId, status: 'completed' };
    },
    async voicesites() {
      state.lists += 1;
      state.log.push('GET');
      const fail = failLists.shift();
      if (fail) throw fail;
      return state.sites;
    },
  };
  return state;
}

const ORDER = { customerOrderReference: 'REF-1', technicalSiteName: 'SITE_A', customerSiteLabel: 'Lyon office', country: 'FR', vpnId: 'v1' };

test('OrderOnce: a lost answer is looked up and adopted; the phases say what happens', async () => {
  const server = api({ lose: [apiError(0, 'timeout')] });
  const once = new OrderOnce();
  const phases = [];
  const outcome = await once.send(server.client, '9999', ORDER, { onPhase: (p) => phases.push(p) });
  assert.equal(outcome.kind, 'created');
  assert.equal(outcome.found, true);
  assert.deepEqual(outcome.order, { orderId: '', customerOrderReference: 'REF-1', status: 'active', voiceSiteId: 'vs-1' });
  assert.deepEqual(phases, ['sending', 'checking']);
  assert.deepEqual(server.log, ['POST', 'GET']);
  assert.equal(once.inDoubt, false);
});

test('OrderOnce: nothing found leaves the attempt in doubt; the next send looks up before it POSTs', async () => {
  const server = api();
  server.client.orderVoicesite = async () => { server.log.push('POST'); throw apiError(0, 'network'); };
  const once = new OrderOnce();
  assert.equal((await once.send(server.client, '9999', ORDER)).kind, 'notFound');
  assert.equal(once.inDoubt, true);
  // Handed to a new OrderOnce (a reload), the attempts still make it look first.
  const again = new OrderOnce({ attempts: JSON.parse(JSON.stringify(once.attempts)) });
  server.client.orderVoicesite = api().client.orderVoicesite;
  assert.equal((await again.send(server.client, '9999', ORDER)).kind, 'created');
  assert.deepEqual(server.log, ['POST', 'GET', 'GET']);
});

test('OrderOnce: a failed look-up sends nothing; a 409 after doubt is looked up; a 409 without doubt is a refusal', async () => {
  const server = api({ lose: [apiError(502, 'BAD_GATEWAY')], failLists: [apiError(0, 'network'), apiError(503, 'x')] });
  const once = new OrderOnce();
  const first = await once.send(server.client, '9999', ORDER);
  assert.deepEqual([first.kind, first.error.code, first.cause.code], ['lookupFailed', 'network', 'BAD_GATEWAY']);
  const second = await once.send(server.client, '9999', ORDER);
  assert.deepEqual([second.kind, second.error.status, second.cause], ['lookupFailed', 503, null]);
  assert.equal(server.posts, 1, 'never sent again without a look-up');
  const third = await once.send(server.client, '9999', ORDER);
  assert.deepEqual([third.kind, third.found, third.voiceSiteId], ['created', true, 'vs-1']);
  const fresh = await new OrderOnce().send(server.client, '9999', ORDER);
  assert.deepEqual([fresh.kind, fresh.error.status], ['refused', 409]);
  assert.equal(server.lists, 3, 'a first send\'s 409 looks nothing up');
});

test('namesHeld: the names one customer holds (any case; a voicesite naming no customer counts)', () => {
  const held = namesHeld([site({}), site({ technicalSiteName: 'OTHER', customerCode: '4242' }), site({ technicalSiteName: 'ANON', customerCode: '' })], '9999');
  assert.deepEqual(['site_a', 'OTHER', 'anon', 'NEW'].map(held), [true, false, true, false]);
  assert.equal(namesHeld(null, '9999')('X'), false);
});

test('OrderOnce checkFirst: the name is checked before a first send; a 409 for a name that was free is looked up and adopted', async () => {
  const server = api();
  const post = server.client.orderVoicesite;
  // The browser re-sent the POST on its own: the page only sees the second answer, a 409.
  server.client.orderVoicesite = async (...args) => { await post(...args).catch(() => {}); return post(...args); };
  const outcome = await new OrderOnce({ checkFirst: true }).send(server.client, '9999', ORDER);
  assert.deepEqual([outcome.kind, outcome.found, outcome.voiceSiteId], ['created', true, 'vs-1']);
  assert.deepEqual(server.log, ['GET', 'POST', 'POST', 'GET']);
  // Without the check, or with the name held before the send, the same 409 is a refusal.
  const unchecked = api();
  const post2 = unchecked.client.orderVoicesite;
  unchecked.client.orderVoicesite = async (...args) => { await post2(...args).catch(() => {}); return post2(...args); };
  assert.equal((await new OrderOnce().send(unchecked.client, '9999', ORDER)).kind, 'refused');
  assert.equal((await new OrderOnce({ checkFirst: true }).send(unchecked.client, '9999', ORDER)).kind, 'refused', 'held before');
  const refusing = api();
  refusing.client.orderVoicesite = async () => { throw apiError(409, 'TECHNICAL_SITE_NAME_IN_USE'); };
  const once = new OrderOnce();
  assert.equal((await once.send(refusing.client, '9999', ORDER, { nameFree: true })).kind, 'refused',
    'a 409 for a name free before and not listed after: the refusal stands');
  assert.deepEqual([refusing.lists, once.inDoubt], [1, false]);
});
