// clientFor (web/internal/shared.js): the client an element uses when the page gives none, one per base URL and
// credentials function and shared by the elements of a page; credentials functions the page replaced are not kept.
// Without a client, credentials or an api-base other than the real API's, it makes none (a proxy-mode client of the
// real API could only be refused): it throws notConfiguredError(), which each element says in its UI language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { NOT_CONFIGURED, clientFor } from '../../web/internal/shared.js';
import { DEFAULT_BASE_URL } from '../../web/http/client-common.js';

class Client { constructor(options) { this.options = options; } }
const element = (attributes = {}, props = {}) => ({ client: null, ...props, getAttribute: (name) => attributes[name] ?? null });

test('clientFor: no client, credentials nor api-base (or the real API\'s without credentials): not configured, no client made', () => {
  for (const base of [undefined, '', DEFAULT_BASE_URL, `${DEFAULT_BASE_URL}/`, ' HTTPS://API.ORANGE.COM/btalk/v1 ', 'https://api.orange.com:443/btalk/v1']) {
    assert.throws(() => clientFor(element({ 'api-base': base }), Client), (error) => error.code === NOT_CONFIGURED && /api-base/.test(error.message), String(base));
  }
});

test('clientFor: a proxy base, credentials or a page-given client are enough', () => {
  assert.equal(clientFor(element({ 'api-base': '/proxy/btalk/v1' }), Client).options.baseUrl, '/proxy/btalk/v1');
  const credentials = async () => ({ accessToken: 't', apiKey: 'k' });
  const direct = clientFor(element({}, { credentials }), Client);
  assert.equal(direct.options.credentials, credentials);
  assert.equal(direct.options.baseUrl, undefined, 'the client\'s default: the real API, with a token');
  const given = {};
  assert.equal(clientFor(element({}, { client: given }), Client), given);
});

class FakeClient { constructor(options) { this.options = options; } }
class WiderClient extends FakeClient {}

test('one client per base URL and credentials function, shared; a wider client serves a narrower element', () => {
  const credentials = async () => ({ accessToken: 't', apiKey: 'k' });
  const a = clientFor(element({ 'api-base': '/proxy' }), FakeClient);
  assert.equal(clientFor(element({ 'api-base': '/proxy' }), FakeClient), a);
  assert.deepEqual(a.options, { baseUrl: '/proxy' });
  assert.notEqual(clientFor(element({ 'api-base': '/other' }), FakeClient), a);
  const direct = clientFor(element({ 'api-base': '/proxy' }, { credentials }), FakeClient);
  assert.notEqual(direct, a);
  assert.equal(direct.options.credentials, credentials);
  assert.equal(clientFor(element({ 'api-base': '/proxy' }, { credentials }), FakeClient), direct);
  const wide = clientFor(element({ 'api-base': '/wide' }), WiderClient);
  assert.equal(clientFor(element({ 'api-base': '/wide' }), FakeClient), wide);
  const given = {};
  assert.equal(clientFor({ client: given, getAttribute: () => null }, FakeClient), given);
});

test('a credentials function the page let go of is collected, with the client made for it', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  let collected = false;
  const registry = new FinalizationRegistry(() => { collected = true; });
  (() => {
    const credentials = async () => ({ accessToken: 'secret', apiKey: 'secret' });
    registry.register(credentials, 'credentials');
    clientFor(element({ 'api-base': '/proxy' }, { credentials }), FakeClient);
  })();
  for (let i = 0; i < 20 && !collected; i += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.equal(collected, true, 'the cache still holds the credentials function');
});
