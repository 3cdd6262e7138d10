// An order is validated once on its way to the API: <btalk-voicesite-order>'s flow (OrderFlow) over
// a real BtalkClient, the real wasm core and the stand-in (in-process fetch). The order's core
// crossings are counted at the wasm boundary (the module's bound orderRequest).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BtalkApiError, BtalkClient, loadCore } from '../../web/index.js';
import { OrderFlow } from '../../web/components/voicesite-order/voicesite-order.controller.js';
import { createStandIn } from '../../server/standin/index.js';

const BASE = 'https://api.portal.test/btalk/v1';
const core = await loadCore();
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Counts the wasm calls that validate an order while `work` runs (every order function goes through orderRequest). */
async function orderCrossings(work) {
  const module = core[Symbol.for('btalk-forms.coreInstance')].module;
  const bound = module.orderRequest;
  const seen = [];
  module.orderRequest = (text) => {
    seen.push(JSON.parse(text));
    return bound(text);
  };
  try {
    await work();
  } finally {
    module.orderRequest = bound;
  }
  return seen;
}

/** Sets `values` on the flow and submits it: its result and the order's core crossings meanwhile. */
async function submitWith(flow, values) {
  for (const [field, value] of Object.entries(values)) flow.setValue(field, value);
  let result;
  const seen = await orderCrossings(async () => { result = await flow.submit(); });
  return { result, seen };
}

/** An OrderFlow on a BtalkClient of the stand-in (in-process fetch), customer 9999 chosen; POSTed bodies are recorded. */
async function flowOnStandIn() {
  const standIn = createStandIn({ core });
  const posts = [];
  const fetch = async (input, init) => {
    if (init?.method === 'POST') posts.push(JSON.parse(init.body));
    return standIn.fetch(input, init);
  };
  const client = new BtalkClient({ baseUrl: BASE, fetch, credentials: standIn.credentials(), core });
  const flow = new OrderFlow({ onError: () => {} });
  flow.start(client);
  for (let i = 0; i < 20 && (!flow.core || !flow.customers || !flow.countries); i += 1) await settle();
  flow.setValue('customer', '9999');
  for (let i = 0; i < 20 && !flow.vpns; i += 1) await settle();
  return { flow, client, posts, standIn };
}

test('a submitted order crosses into the core once: the flow validates and builds, the client posts that body', async () => {
  const { flow, posts } = await flowOnStandIn();
  const { result, seen } = await submitWith(flow, { vpnId: flow.vpns[0].vpnId, country: 'fr', technicalSiteName: ' ONCE_1 ', customerSiteLabel: 'Once' });
  assert.equal(result.outcome, 'created', JSON.stringify(flow.loads.order));
  assert.equal(seen.length, 1, 'one core call validates and builds the order');
  assert.equal(seen[0].technicalSiteName, ' ONCE_1 ');
  assert.equal(posts.length, 1);
  assert.deepEqual(posts[0], {
    customerOrderReference: flow.values.customerOrderReference,
    parameters: { technicalSiteName: 'ONCE_1', customerSiteLabel: 'Once', country: 'FR', vpnId: flow.vpns[0].vpnId },
  }, 'the body the core built (trimmed, country upper-cased)');
});

test('an invalid order is stopped by that same single call: nothing is sent', async () => {
  const { flow, posts } = await flowOnStandIn();
  const { result, seen } = await submitWith(flow, { vpnId: flow.vpns[0].vpnId, country: 'FR', technicalSiteName: 'bad name!', customerSiteLabel: 'X' });
  assert.deepEqual([result.outcome, result.field], ['invalid', 'technicalSiteName']);
  assert.equal(seen.length, 1);
  assert.equal(posts.length, 0);
  assert.equal(flow.problemsOf('technicalSiteName')[0].code, 'patternMismatch');
});

test('orderVoicesite validates an order itself once, and a body the core did not build is not trusted', async () => {
  const { client, posts } = await flowOnStandIn();
  const [vpn] = await client.vpns('9999');
  const order = { customerOrderReference: 'own-1', technicalSiteName: 'OWN_1', customerSiteLabel: 'Own', country: 'FR', vpnId: vpn.vpnId };
  const seen = await orderCrossings(() => client.orderVoicesite('9999', order));
  assert.equal(seen.length, 1);
  // A hand-made body (not from core.orderRequest) is ignored: the order is validated, and its problems stop it.
  const forged = { customerOrderReference: 'own-2', parameters: { technicalSiteName: 'x y', customerSiteLabel: 'Own', country: 'FR', vpnId: vpn.vpnId } };
  const bad = { ...order, customerOrderReference: 'own-2', technicalSiteName: 'x y' };
  const refused = await client.orderVoicesite('9999', bad, { body: forged }).catch((error) => error);
  assert.ok(refused instanceof BtalkApiError);
  assert.equal(refused.code, 'invalidOrder');
  assert.equal(refused.problems[0].field, 'technicalSiteName');
  assert.equal(posts.length, 1, 'only the valid order was posted');
  // The core's own body goes as it is, with no second crossing.
  const checked = core.orderRequest({ ...order, customerOrderReference: 'own-3', technicalSiteName: 'OWN_3' });
  const again = await orderCrossings(() => client.orderVoicesite('9999', {}, { body: checked.body }));
  assert.equal(again.length, 0);
  assert.deepEqual(posts.at(-1), checked.body);
});
