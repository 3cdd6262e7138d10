// The API's errors as the real Business Talk API sends them (web/http/api-errors.js through the
// client): the "Common error list" (a bare array of { code: <integer>, message, description },
// every entry a problem), the gateway's single object with 40/41/42, other servers' objects with
// text codes, and pages that are not JSON at all. Plus what a 401 leads to in direct mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BtalkApiError, BtalkClient } from '../../web/client.js';
import { loadCore } from '../../web/core.js';

const BASE = 'https://api.example.test/btalk/v1';
let corePromise = null;
const core = () => (corePromise ??= loadCore());

const answer = (status, body, headers = {}) => () => new Response(typeof body === 'string' ? body : JSON.stringify(body), {
  status, headers: { 'Content-Type': typeof body === 'string' ? 'text/html' : 'application/json', ...headers },
});

/** A fetch answering with `answers[i]` for the i-th request (the last one again after them); records requests. */
function scripted(...answers) {
  const requests = [];
  const fetch = async (url, init = {}) => {
    requests.push({ url: String(url), method: init.method ?? 'GET', headers: init.headers ?? {} });
    return answers[Math.min(requests.length - 1, answers.length - 1)]();
  };
  fetch.requests = requests;
  return fetch;
}

/** Direct-mode credentials handing out token-1, token-2, ...; `calls` counts them. */
function tokens() {
  let calls = 0;
  const credentials = async () => {
    calls += 1;
    return { accessToken: `token-${calls}-abcdefgh`, apiKey: 'K'.repeat(40) };
  };
  Object.defineProperty(credentials, 'calls', { get: () => calls });
  return credentials;
}

async function client(fetch, options = {}) {
  return new BtalkClient({ baseUrl: BASE, fetch, core: await core(), retries: 0, ...options });
}

const REFUSED_ADDRESS = [
  { code: 1102, message: 'Street unknown', description: 'Street name Rue Inconnue does not exist in 75001' },
  { code: 1103, message: 'House number out of range', description: 'hno 999 is above the last number, 120' },
];

test('an error list: the first entry speaks, every entry is a problem, integer codes kept, fields named', async () => {
  const fetch = scripted(answer(400, REFUSED_ADDRESS));
  const error = await (await client(fetch)).pushVoiceAddress('9999', 'vs-1', { a6: 'Rue Inconnue', hno: '999' }).catch((e) => e);
  assert.ok(error instanceof BtalkApiError);
  assert.equal(error.status, 400);
  assert.equal(error.code, 'badRequest');
  assert.equal(error.apiCode, 1102);
  assert.equal(error.message, 'Street unknown: Street name Rue Inconnue does not exist in 75001');
  // Fields by code name here (hno); a label ("Street name") is the address form's reading, with its schema's labels.
  assert.deepEqual(error.problems, [
    { field: '', code: 1102, message: 'Street unknown', description: 'Street name Rue Inconnue does not exist in 75001' },
    { field: 'hno', code: 1103, message: 'House number out of range', description: 'hno 999 is above the last number, 120' },
  ]);
  assert.equal(error.body.problems.length, 2);
  assert.equal(JSON.parse(JSON.stringify(error)).apiCode, 1102);
});

test('a 409 list: its message is the error message (not "refused (409)")', async () => {
  const fetch = scripted(answer(409, [{ code: 1203, message: 'Technical site name SITE_3 is already used', description: 'technicalSiteName must be unique' }]));
  const order = { customerOrderReference: 'r-1', technicalSiteName: 'SITE_3', customerSiteLabel: 'Three', country: 'FR', vpnId: 'v1' };
  const error = await (await client(fetch)).orderVoicesite('9999', order).catch((e) => e);
  assert.equal(error.status, 409);
  assert.equal(error.code, 'conflict');
  assert.equal(error.message, 'Technical site name SITE_3 is already used: technicalSiteName must be unique');
  assert.equal(error.problems[0].field, 'technicalSiteName');
  assert.equal(fetch.requests.length, 1);
});

test('an object with a text code keeps it as the error code; one with a numeric code has it in apiCode', async () => {
  const text = await (await client(scripted(answer(400, { code: 'INVALID_ADDRESS', message: 'Check pc.', description: 'Check pc.' }))))
    .pushVoiceAddress('9999', 'vs-1', { pc: '1' }).catch((e) => e);
  assert.equal(text.code, 'INVALID_ADDRESS');
  assert.equal(text.apiCode, 'INVALID_ADDRESS');
  assert.equal(text.message, 'Check pc.');
  const refused = await (await client(scripted(answer(422, { code: 7, message: 'Nope', description: 'Not today' }))))
    .me().catch((e) => e);
  assert.equal(refused.code, 'unprocessable');
  assert.equal(refused.apiCode, 7);
  assert.equal(refused.message, 'Nope: Not today');
});

test('an HTML page is not the API speaking: the status says what happened, no problems', async () => {
  const error = await (await client(scripted(answer(400, '<html><body><h1>Bad Request</h1>[{"code":1}]</body></html>'))))
    .me().catch((e) => e);
  assert.equal(error.message, 'The Business Talk API refused the request (400).');
  assert.equal(error.code, 'badRequest');
  assert.equal(error.apiCode, undefined);
  assert.deepEqual(error.problems, []);
  assert.equal(error.body.message, 'The server answered with a web page instead of an API error');
});

test('Accept: application/json goes with every request, GET, POST and PUT', async () => {
  const fetch = scripted(answer(200, { rightsProfile: 'full' }));
  const c = await client(fetch);
  await c.me();
  await c.pushVoiceAddress('9999', 'vs-1', { pc: '1' }).catch(() => {});
  await c.orderVoicesite('9999', { customerOrderReference: 'r', technicalSiteName: 'S', customerSiteLabel: 'L', country: 'FR', vpnId: 'v' }).catch(() => {});
  assert.deepEqual(fetch.requests.map((r) => r.method), ['GET', 'PUT', 'POST']);
  for (const request of fetch.requests) assert.equal(request.headers.Accept, 'application/json');
});

const gateway = (code, message) => answer(401, { code, message, description: message });

test('gateway 42 (expired) on a GET: new credentials and exactly one retry', async () => {
  const credentials = tokens();
  const fetch = scripted(gateway(42, 'Expired credentials'), answer(200, { rightsProfile: 'full' }));
  assert.equal((await (await client(fetch, { credentials })).me()).rightsProfile, 'full');
  assert.equal(fetch.requests.length, 2);
  assert.equal(credentials.calls, 2);
  assert.equal(fetch.requests[1].headers.Authorization, 'Bearer token-2-abcdefgh');
  // Expired again: one retry only, then the access error.
  const again = scripted(gateway(42, 'Expired credentials'));
  const error = await (await client(again, { credentials: tokens() })).me().catch((e) => e);
  assert.equal(again.requests.length, 2);
  assert.equal(error.status, 401);
  assert.equal(error.apiCode, 42);
  assert.equal(error.message, 'The Business Talk API refused the credentials (401).');
});

test('gateway 42 on a POST: never sent again; the error says the token expired, the next call has new credentials', async () => {
  const credentials = tokens();
  const fetch = scripted(gateway(42, 'Expired credentials'), answer(200, { rightsProfile: 'full' }));
  const c = await client(fetch, { credentials });
  const order = { customerOrderReference: 'r-42', technicalSiteName: 'S', customerSiteLabel: 'L', country: 'FR', vpnId: 'v' };
  const error = await c.orderVoicesite('9999', order).catch((e) => e);
  assert.equal(fetch.requests.length, 1, 'the POST went once');
  assert.equal(error.status, 401);
  assert.equal(error.code, 'credentialsExpired');
  assert.match(error.message, /had expired.*not sent again/);
  await c.me();
  assert.equal(credentials.calls, 2);
  assert.equal(fetch.requests[1].headers.Authorization, 'Bearer token-2-abcdefgh');
});

test('gateway 40 and 41: the access message at once, no retry; the next call asks for credentials again', async () => {
  for (const code of [40, 41]) {
    const credentials = tokens();
    const fetch = scripted(gateway(code, code === 40 ? 'Missing credentials' : 'Invalid credentials'), answer(200, { rightsProfile: 'full' }));
    const c = await client(fetch, { credentials });
    const error = await c.me().catch((e) => e);
    assert.equal(fetch.requests.length, 1, `code ${code}: no retry`);
    assert.equal(error.status, 401);
    assert.equal(error.code, 'unauthorized');
    assert.equal(error.apiCode, code);
    assert.equal(error.message, 'The Business Talk API refused the credentials (401).');
    await c.me();
    assert.equal(credentials.calls, 2, `code ${code}: fresh credentials for the next call`);
  }
});

test('a gateway code given as digits is read the same; a list on a 401 is the API, not the gateway', async () => {
  const digits = scripted(gateway('41', 'Invalid credentials'));
  await (await client(digits, { credentials: tokens() })).me().catch(() => {});
  assert.equal(digits.requests.length, 1);
  const list = scripted(answer(401, [{ code: 41, message: 'API key refused' }]), answer(200, { rightsProfile: 'full' }));
  assert.equal((await (await client(list, { credentials: tokens() })).me()).rightsProfile, 'full');
  assert.equal(list.requests.length, 2, 'an unknown 401 gets the one retry of a GET');
});

test('fieldNamedIn: code names of address elements and order parameters, as whole words, the first one', async () => {
  const { fieldNamedIn } = await import('../../web/http/api-errors.js');
  const cases = {
    'area1_pidflo is not set': '', 'The A1 road is closed': '', 'capc is not pc': 'pc', 'addrExtInfo10 too long': 'addrExtInfo10',
    'addrExtInfo1 too long': 'addrExtInfo1', 'pcn and pc': 'pcn', 'Straße unbekannt': '', 'épc': '', 'hno 999 is above a6': 'hno',
    'parameters.technicalSiteName: taken': 'technicalSiteName', 'dialZone +331 is not in a3': 'dialZone', 'unit is missing': 'unit',
  };
  for (const [text, field] of Object.entries(cases)) assert.equal(fieldNamedIn(text), field, text);
  assert.equal(fieldNamedIn(undefined), '');
});
