// clientFor (web/internal/shared.js): the client an element uses when the page gives none, one per base URL and
// credentials function and shared by the elements of a page; credentials functions the page replaced are not kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { clientFor } from '../../web/internal/shared.js';

class FakeClient { constructor(options) { this.options = options; } }
class WiderClient extends FakeClient {}
const element = (attributes, credentials) => ({ credentials, getAttribute: (name) => attributes[name] ?? null });

test('one client per base URL and credentials function, shared; a wider client serves a narrower element', () => {
  const credentials = async () => ({ accessToken: 't', apiKey: 'k' });
  const a = clientFor(element({ 'api-base': '/proxy' }), FakeClient);
  assert.equal(clientFor(element({ 'api-base': '/proxy' }), FakeClient), a);
  assert.deepEqual(a.options, { baseUrl: '/proxy' });
  assert.notEqual(clientFor(element({ 'api-base': '/other' }), FakeClient), a);
  const direct = clientFor(element({ 'api-base': '/proxy' }, credentials), FakeClient);
  assert.notEqual(direct, a);
  assert.equal(direct.options.credentials, credentials);
  assert.equal(clientFor(element({ 'api-base': '/proxy' }, credentials), FakeClient), direct);
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
    clientFor(element({ 'api-base': '/proxy' }, credentials), FakeClient);
  })();
  for (let i = 0; i < 20 && !collected; i += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.equal(collected, true, 'the cache still holds the credentials function');
});
