// internal/shared.js clientFor(): the client an element makes when the page gives none. Without a client,
// credentials or an api-base other than the real API's, it makes none (a proxy-mode client of the real API
// could only be refused): it throws notConfiguredError(), which each element says in its UI language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOT_CONFIGURED, clientFor } from '../../web/internal/shared.js';
import { DEFAULT_BASE_URL } from '../../web/http/client-common.js';

class Client { constructor(options) { this.options = options; } }
const element = (attributes = {}, props = {}) => ({ client: null, ...props, getAttribute: (name) => attributes[name] ?? null });

test('clientFor: no client, credentials nor api-base (or the real API\'s without credentials): not configured, no client made', () => {
  for (const base of [undefined, '', DEFAULT_BASE_URL, `${DEFAULT_BASE_URL}/`, ' HTTPS://API.ORANGE.COM/btalk/v1 ']) {
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
