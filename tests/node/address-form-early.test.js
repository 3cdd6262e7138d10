// <btalk-address-form>'s early start (issue #19, web/components/address-form/address-form.early.js): the forms in
// the document ask for their country when the entry module runs; the element takes that answer once, only for
// the client and country asked for, and aborts it otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startEarly, startEarlySoon, takeEarly } from '../../web/components/address-form/address-form.early.js';

/** A form element before its class is defined: attributes only. */
const form = (attributes) => ({ getAttribute: (name) => attributes[name] ?? null });

/** A document holding `elements` (btalk-address-form), and `order` for a btalk-voicesite-order. */
const documentOf = (elements, { order = false } = {}) => ({
  querySelectorAll: (selector) => (selector === 'btalk-address-form' ? elements : []),
  querySelector: (selector) => (selector === 'btalk-voicesite-order' && order ? {} : null),
});

/** A client recording countryForm() calls; the answers resolve when told. */
function fakeClient() {
  const calls = [];
  return {
    calls,
    countryForm(iso2, { signal } = {}) {
      let resolve;
      const answer = new Promise((r) => { resolve = r; });
      calls.push({ iso2, signal, resolve });
      return answer;
    },
  };
}

test('startEarly: each form with a country asks for it once, with its core; the element takes that answer', async () => {
  const client = fakeClient();
  const cores = [];
  const ch = form({ country: ' ch ', 'api-base': '/proxy' });
  const none = form({});
  const options = { clients: () => client, cores: (c) => { cores.push(c); return Promise.resolve({}); } };
  assert.equal(startEarly(documentOf([ch, none]), options), 1);
  assert.equal(startEarly(documentOf([ch, none]), options), 0, 'never twice for one element');
  assert.deepEqual(client.calls.map((c) => c.iso2), ['CH']);
  assert.deepEqual(cores, [client]);
  const answer = takeEarly(ch, client, 'CH');
  client.calls[0].resolve({ form: 'CH' });
  assert.deepEqual(await answer, { form: 'CH' });
  assert.equal(takeEarly(ch, client, 'CH'), null, 'taken once: a reload asks again');
  assert.equal(client.calls[0].signal.aborted, false);
});

test('takeEarly: a country or client changed before the element loaded aborts the early requests', () => {
  const client = fakeClient();
  const options = { clients: () => client, cores: () => Promise.resolve({}) };
  const fr = form({ country: 'FR', 'api-base': '/proxy' });
  const de = form({ country: 'DE', 'api-base': '/proxy' });
  startEarly(documentOf([fr, de]), options);
  assert.equal(takeEarly(fr, client, 'BE'), null);
  assert.equal(client.calls[0].signal.aborted, true);
  assert.equal(takeEarly(de, fakeClient(), 'DE'), null);
  assert.equal(client.calls[1].signal.aborted, true);
  assert.equal(takeEarly(form({ country: 'FR' }), client, 'FR'), null, 'an element never started early');
});

test('startEarly: a form without api-base waits for the page\'s client or credentials; one with a client set early starts', () => {
  const client = fakeClient();
  const options = { clients: (element) => element.client ?? client, cores: () => Promise.resolve({}) };
  assert.equal(startEarly(documentOf([form({ country: 'FR' })]), options), 0);
  const own = fakeClient();
  const withClient = Object.assign(form({ country: 'FR' }), { client: own });
  assert.equal(startEarly(documentOf([withClient]), options), 1);
  assert.deepEqual(client.calls, []);
  assert.deepEqual(own.calls.map((c) => c.iso2), ['FR']);
});

test('startEarly: nothing on a page that also shows the order element (it chooses the full core), nor without a document', () => {
  const client = fakeClient();
  const options = { clients: () => client, cores: () => Promise.resolve({}) };
  assert.equal(startEarly(documentOf([form({ country: 'FR', 'api-base': '/proxy' })], { order: true }), options), 0);
  assert.equal(startEarly(undefined, options), 0);
  assert.deepEqual(client.calls, []);
});

test('startEarly: an early failure is left for the element to report, never unhandled', async () => {
  const failing = form({ country: 'NL', 'api-base': '/proxy' });
  const client = { countryForm: () => Promise.reject(new Error('down')) };
  assert.equal(startEarly(documentOf([failing]), { clients: () => client, cores: () => Promise.reject(new Error('no wasm')) }), 1);
  await assert.rejects(takeEarly(failing, client, 'NL'), /down/);
  const throwing = form({ country: 'NL', 'api-base': '/proxy' });
  assert.equal(startEarly(documentOf([throwing]), { clients: () => { throw new Error('bad base'); } }), 0);
});

test('startEarlySoon: the forms present as the entry runs start in a microtask, with what the page set meanwhile', async () => {
  const calls = [];
  const options = {
    clients: (element) => ({ countryForm: (iso2) => { calls.push([element.getAttribute('api-base'), iso2]); return new Promise(() => {}); } }),
    cores: () => Promise.resolve({}),
  };
  const attributes = { country: 'CH', 'api-base': '/old' };
  const ch = { ...form(attributes), isConnected: true };
  startEarlySoon(documentOf([ch]), { get: () => undefined }, options);
  // What the importing module does right after its import, synchronously.
  attributes['api-base'] = '/proxy';
  attributes.country = 'GB';
  assert.deepEqual(calls, [], 'nothing leaves while the importing module runs');
  await Promise.resolve();
  assert.deepEqual(calls, [['/proxy', 'GB']], 'one load, with the values the page set after the import');
  // Already defined (another copy of the element loads its forms), or removed meanwhile: nothing.
  startEarlySoon(documentOf([{ ...form({ country: 'FR', 'api-base': '/proxy' }), isConnected: true }]), { get: () => class {} }, options);
  startEarlySoon(documentOf([{ ...form({ country: 'DE', 'api-base': '/proxy' }), isConnected: false }]), { get: () => undefined }, options);
  await Promise.resolve();
  assert.equal(calls.length, 1);
});
