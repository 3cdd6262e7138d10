// `npx btalk-forms check` (bin/btalk-forms.js, server/check/): the real bin in a child process,
// against the stand-in (directly and through btalk-forms/proxy) and against a hand-made server that
// answers differently (tests/node/fixtures/check/odd-server.js). Asserts the report's findings, the
// exit code, that only GETs reached the servers, and that no secret or customer datum is printed.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStandInServer } from '../../server/standin/server.js';
import { createBtalkProxy } from '../../server/proxy/index.js';
import { CUSTOMER, VOICESITES, VPNS, createOddServer } from './fixtures/check/odd-server.js';

const BIN = fileURLToPath(new URL('../../bin/btalk-forms.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const API_KEY = 'Odd-API-KEY-0123456789-secret-value-xyz!';
const TOKEN = 'odd.token/value+with=chars';
const secrets = { BTALK_API_KEY: API_KEY, BTALK_TOKEN: TOKEN };

let dir;
before(async () => { dir = await mkdtemp(join(tmpdir(), 'btalk-check-')); });
after(async () => { await rm(dir, { recursive: true, force: true }); });

/** Runs the bin with only the given environment (plus PATH); resolves { code, stdout, stderr, report, ms }. */
function runCli(args, env = {}, { out = true } = {}) {
  const file = join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
  const argv = ['check', ...args, ...(out ? ['--out', file] : [])];
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...argv], { env: { PATH: process.env.PATH, ...env }, timeout: 60_000 }, async (error, stdout, stderr) => {
      const code = error ? error.code : 0;
      let reportText = '';
      let report = null;
      if (out) {
        try { reportText = await readFile(file, 'utf8'); report = JSON.parse(reportText); } catch { report = null; }
      }
      resolve({ code, stdout, stderr, report, reportText, ms: Date.now() - started, all: `${stdout}\n${stderr}\n${reportText}` });
    });
  });
}

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));
const close = (server) => { server.closeAllConnections?.(); return new Promise((resolve) => server.close(() => resolve())); };
const codes = (report, severity) => report.findings.filter((f) => !severity || f.severity === severity).map((f) => `${f.code} ${f.endpoint}`);
const collection = (report, endpoint) => report.collections.find((c) => c.endpoint === endpoint);

function assertAbsent(text, values, what) {
  for (const value of values) assert.ok(!text.includes(value), `${what}: "${value}" must not be printed`);
}

// ---------------------------------------------------------------- the stand-in

describe('against the stand-in', () => {
  let standIn;
  let server;
  let base;
  const log = [];
  const technicalNames = [];
  before(async () => {
    standIn = createStandInServer({});
    server = createServer((req, res) => {
      log.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
      standIn.handler(req, res);
    });
    base = await listen(server);
    // 45 voicesites (more than a page of 40), ordered before the check runs.
    const { clientId, clientSecret, apiKey } = standIn.demo;
    const tokenAnswer = await fetch(`${base}/oauth/v3/token`, { method: 'POST', body: 'grant_type=client_credentials',
      headers: { Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' } });
    const { access_token: token } = await tokenAnswer.json();
    const [customer] = standIn.data.customers.values();
    for (let i = 0; i < 45; i += 1) {
      technicalNames.push(`CHECKSITE_${i}_QX`);
      const res = await fetch(`${base}/btalk/v1/customers/${customer.customerCode}/orders/voicesite`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'X-BT-API-KEY': apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ customerOrderReference: `check-${i}`, parameters: { technicalSiteName: technicalNames[i],
          customerSiteLabel: `Label of check site ${i}`, country: 'FR', vpnId: customer.vpns[0].vpnId } }),
      });
      assert.equal(res.status, 201);
    }
    log.length = 0;
  });
  after(() => close(server));

  test('everything readable: exit 0, 30 countries, 45 voicesites, only GETs (and one token request), nothing secret or customer-specific printed', async () => {
    const { clientId, clientSecret, apiKey } = standIn.demo;
    const run = await runCli(['--base', `${base}/btalk/v1`, '--token-url', `${base}/oauth/v3/token`], {
      BTALK_API_KEY: apiKey, BTALK_CLIENT_ID: clientId, BTALK_CLIENT_SECRET: clientSecret,
    });
    assert.equal(run.code, 0, run.all);
    const { report } = run;
    assert.equal(report.exitCode, 0);
    assert.deepEqual(codes(report, 'error'), []);
    assert.deepEqual(codes(report, 'connection'), []);
    assert.equal(report.countries.length, 30);
    for (const country of report.countries) assert.equal(country.addressConstraints.core.read, true, country.iso2);
    const voicesites = collection(report, '/voicesites');
    assert.equal(voicesites.paging.items, 45);
    assert.equal(voicesites.paging.longerThan40, true);
    assert.equal(voicesites.core.items, 45);
    assert.equal(voicesites.readable, true);
    // Area lists of the countries with geographical constraints were read in full.
    const be = report.countries.find((c) => c.iso2 === 'BE');
    assert.ok(be.geoAreas.paging.items > 40, 'BE has more than 40 first-level areas in the bundled data');
    assert.equal(be.geoAreas.core.items, be.geoAreas.paging.items);
    assert.equal(report.unknownPath.status, 404);
    assert.equal(report.unknownPath.core.read, true);
    assert.match(run.stdout, /Result: exit 0/);

    const api = log.filter((r) => r.url.startsWith('/btalk/v1'));
    assert.ok(api.length > 100);
    assert.deepEqual([...new Set(api.map((r) => r.method))], ['GET']);
    assert.deepEqual(log.filter((r) => !r.url.startsWith('/btalk/v1')).map((r) => `${r.method} ${r.url}`), ['POST /oauth/v3/token']);
    assert.deepEqual(report.summary.methods, ['GET']);

    const tokens = [...new Set(api.map((r) => r.authorization.replace(/^Bearer /, '')))];
    assert.equal(tokens.length, 1);
    assertAbsent(run.all, [apiKey, clientSecret, clientId, tokens[0]], 'secret');
    const customers = [...standIn.data.customers.values()];
    assertAbsent(run.all, [...customers.flatMap((c) => [c.name, c.customerCode, c.contractNumber, c.apiContractId,
      ...c.vpns.flatMap((v) => [v.vpnId, v.name])]), ...technicalNames, 'Label of check site'], 'customer data');
    // ...but its shapes are there.
    assert.deepEqual(voicesites.fields.technicalSiteName.types, { string: 45 });
  });

  test('through btalk-forms/proxy: no API secret in the environment or on the wire, the session cookie never printed', async () => {
    const { clientId, clientSecret, apiKey } = standIn.demo;
    const COOKIE = 'portal_session=Sess10nCookieSecret';
    const proxied = [];
    const proxy = createBtalkProxy({ clientId, clientSecret, apiKey, apiBase: `${base}/btalk/v1`, tokenUrl: `${base}/oauth/v3/token`,
      authorize: (req) => req.headers.cookie === COOKIE });
    const proxyServer = createServer((req, res) => {
      proxied.push({ method: req.method, headers: req.headers });
      req.url = req.url.replace(/^\/api\/btalk\/v1/, '');
      proxy(req, res);
    });
    const proxyBase = await listen(proxyServer);
    try {
      const run = await runCli(['--proxy', `${proxyBase}/api/btalk/v1`, '--countries', 'FR,BE,CH'], { BTALK_PROXY_COOKIE: COOKIE });
      assert.equal(run.code, 0, run.all);
      assert.equal(run.report.target.mode, 'proxy');
      assert.equal(run.report.target.auth, 'none');
      assert.equal(collection(run.report, '/voicesites').paging.items, 45);
      assert.ok(proxied.length > 10);
      assert.deepEqual([...new Set(proxied.map((r) => r.method))], ['GET']);
      assert.ok(proxied.every((r) => !r.headers.authorization && !r.headers['x-bt-api-key'] && !r.headers.origin));
      assertAbsent(run.all, [COOKIE, 'Sess10nCookieSecret', apiKey, clientSecret], 'secret');

      // Without the session: the gate refuses, the check says why and stops (exit 2).
      const refused = await runCli(['--proxy', `${proxyBase}/api/btalk/v1`]);
      assert.equal(refused.code, 2);
      assert.deepEqual(codes(refused.report, 'connection'), ['authRefused /me']);
      assert.match(refused.stdout, /BTALK_PROXY_COOKIE/);
    } finally {
      await close(proxyServer);
    }
  });
});

// ---------------------------------------------------------------- a server that answers differently

describe('against a server that answers differently', () => {
  const servers = [];
  const start = async (options) => {
    const odd = createOddServer(options);
    servers.push(odd);
    return { ...odd, base: `${await listen(odd.server)}/btalk/v1` };
  };
  after(() => Promise.all(servers.map((s) => s.close())));
  const customerData = [CUSTOMER.name, CUSTOMER.customerCode, CUSTOMER.contractNumber, CUSTOMER.apiContractId,
    CUSTOMER.pricingApprovalNumber, VPNS[7].vpnId, VPNS[7].name, VOICESITES[3].voiceSiteId, VOICESITES[3].technicalSiteName,
    'Head office of Acme', 'HIDDEN_SITE'];

  test('55 VPNs paged at 40 without headers, 95 voicesites whose total is not exposed, an HTML 404, a redirect elsewhere, a broken document: exit 1', async () => {
    const elsewhere = [];
    const other = createServer((req, res) => { elsewhere.push(req.url); res.end('{}'); });
    const otherBase = await listen(other);
    const odd = await start({ redirectTo: `${otherBase}/stolen` });
    try {
      const run = await runCli(['--base', odd.base, '--countries', 'FR,BE,ES,NL,DE'], secrets);
      assert.equal(run.code, 1, run.all);
      const { report } = run;
      assert.equal(report.exitCode, 1);

      const vpns = collection(report, '/customers/{customerCode}/vpns');
      assert.equal(vpns.paging.items, 55);
      assert.equal(vpns.paging.headers, 'none');
      assert.equal(vpns.paging.serverPageCap, 40);
      assert.equal(vpns.paging.shortPageRuleReads, 40);
      assert.equal(vpns.core.items, 55);
      assert.deepEqual(vpns.fields.vpnId.shapes, { 'hex(12)': 55 });
      const errors = codes(report, 'error');
      assert.ok(errors.includes('pagingTruncated /customers/{customerCode}/vpns'), errors.join('\n'));
      assert.match(report.findings.find((f) => f.code === 'pagingTruncated').message, /40 of 55/);

      const voicesites = collection(report, '/voicesites');
      assert.equal(voicesites.paging.items, 95);
      assert.equal(voicesites.paging.headers, 'both');
      assert.equal(voicesites.paging.totalMatches, true);
      assert.equal(voicesites.cors.totalCountExposed, false);
      assert.ok(errors.includes('pagingTruncatedInBrowser /voicesites'));
      assert.deepEqual(voicesites.unknownFields, ['siteSecretNote']);

      // The path the product does not use answered with an HTML page: said, as a warning.
      const byCustomer = collection(report, '/customers/{customerCode}/voicesites');
      assert.equal(byCustomer.error.shape, 'html');
      assert.ok(codes(report, 'warning').includes('errorNotJson /customers/{customerCode}/voicesites'));

      assert.ok(errors.includes('crossOriginRedirect /countries/ES'));
      assert.deepEqual(elsewhere, [], 'a redirect to another origin is never followed');
      assert.ok(errors.includes('constraintError /countries/NL/addressconstraints'));
      assert.ok(codes(report, 'notice').includes('countryNotFound /countries/DE'));
      const be = report.countries.find((c) => c.iso2 === 'BE');
      assert.equal(be.geoAreas.paging.items, 130);
      assert.deepEqual(be.geographicalConstraints.unknownFields, ['zoneVersion']);
      assert.deepEqual(be.addressConstraints.unknownProperties, ['hint']);

      // The gateway's object with an integer code: readable, said as a note.
      assert.equal(report.unknownPath.shape, 'object');
      assert.deepEqual(report.unknownPath.codeTypes, ['integer']);
      assert.equal(report.unknownPath.documentedShape, false);
      assert.ok(codes(report, 'notice').includes('errorObject /btalk-forms-check/no-such-resource'));

      assert.deepEqual([...new Set(odd.log.map((r) => r.method))], ['GET']);
      assert.ok(odd.log.every((r) => r.url.startsWith('/btalk/v1/')));
      assertAbsent(run.all, [API_KEY, TOKEN, encodeURIComponent(API_KEY)], 'secret');
      assertAbsent(run.all, customerData, 'customer data');
      assert.match(run.stdout, /ERROR +\/customers\/\{customerCode\}\/vpns: .*40 of 55/);
    } finally {
      await close(other);
    }
  });

  test('exposed paging headers and documented error lists: no browser truncation, no error-shape finding', async () => {
    const odd = await start({ errors: 'list', exposeHeaders: 'X-Total-Count, X-Result-Count' });
    const run = await runCli(['--base', odd.base, '--countries', 'BE'], secrets);
    const { report } = run;
    assert.equal(collection(report, '/voicesites').cors.totalCountExposed, true);
    assert.ok(!codes(report).some((c) => c.startsWith('pagingTruncatedInBrowser')), codes(report).join('\n'));
    assert.equal(report.unknownPath.shape, 'list');
    assert.equal(report.unknownPath.documentedShape, true);
    assert.equal(report.unknownPath.core.entriesRead, 1);
    assert.ok(!codes(report).some((c) => /^error/.test(c) && c.endsWith('no-such-resource')), codes(report).join('\n'));
    // The VPNs still lose 15 without a total: exit 1.
    assert.equal(run.code, 1);
  });

  test('HTML error pages: the product cannot read the reason (exit 1)', async () => {
    const odd = await start({ errors: 'html' });
    const run = await runCli(['--base', odd.base, '--countries', 'FR'], secrets);
    assert.equal(run.code, 1);
    assert.equal(run.report.unknownPath.shape, 'html');
    assert.equal(run.report.unknownPath.core.message, 'generic');
    assert.ok(codes(run.report, 'error').includes('errorNotJson /btalk-forms-check/no-such-resource'));
  });

  test('a server that echoes the request headers: every secret is blanked in stdout, stderr and the report', async () => {
    const odd = await start({ errors: 'echo' });
    const run = await runCli(['--base', odd.base, '--countries', 'FR'], secrets);
    assert.ok(run.report.me.unknownFields.includes('echo.authorization'));
    assert.match(run.report.unknownPath.message, /\[redacted\]/);
    assertAbsent(run.all, [API_KEY, TOKEN, JSON.stringify(API_KEY).slice(1, -1)], 'secret');
  });

  test('a slow endpoint: the request times out, the rest is checked, exit 2', async () => {
    const odd = await start({ slowMs: 20_000 });
    const run = await runCli(['--base', odd.base, '--countries', 'SE,FR', '--request-timeout', '0.3'], secrets);
    assert.equal(run.code, 2, run.all);
    assert.deepEqual(codes(run.report, 'connection'), ['timeout /countries/SE/addressconstraints']);
    assert.equal(run.report.countries.find((c) => c.iso2 === 'FR').addressConstraints.core.read, true);
    assert.ok(run.ms < 10_000, `took ${run.ms} ms`);
    assert.match(run.stdout, /STOPPED/);
  });

  test('the overall bound stops the whole check', async () => {
    const odd = await start({ slowMs: 20_000 });
    const run = await runCli(['--base', odd.base, '--countries', 'SE', '--timeout', '1', '--request-timeout', '30'], secrets);
    assert.equal(run.code, 2);
    assert.ok(codes(run.report, 'connection').some((c) => c.startsWith('overallTimeout')));
    assert.ok(run.ms < 10_000, `took ${run.ms} ms`);
  });

  test('a token endpoint that refuses and echoes the Basic credentials: exit 2, nothing of them printed', async () => {
    const odd = await start({});
    const id = 'odd-client-id-1234';
    const secret = 'odd client secret/with+chars';
    const run = await runCli(['--base', odd.base, '--token-url', odd.base.replace('/btalk/v1', '/oauth/v3/token')],
      { BTALK_API_KEY: API_KEY, BTALK_CLIENT_ID: id, BTALK_CLIENT_SECRET: secret });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /token endpoint refused the client credentials/);
    const basic = Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret).replace(/%20/g, '+')}`).toString('base64');
    assertAbsent(run.all, [id, secret, basic, API_KEY], 'secret');
    assert.deepEqual(odd.log.map((r) => `${r.method} ${r.url}`), ['POST /oauth/v3/token']);
  });
});

// ---------------------------------------------------------------- usage

describe('usage', () => {
  test('--help, no command, unknown command', async () => {
    const help = await runCli(['--help'], {}, { out: false });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: btalk-forms check/);
    const none = await new Promise((resolve) => execFile(process.execPath, [BIN], (e, stdout) => resolve({ code: e?.code ?? 0, stdout })));
    assert.equal(none.code, 2);
    assert.match(none.stdout, /check/);
    const unknown = await new Promise((resolve) => execFile(process.execPath, [BIN, 'chek'], (e) => resolve(e?.code ?? 0)));
    assert.equal(unknown, 2);
  });

  test('missing credentials, a URL with a password, plain http to another host, an unknown flag: exit 2, no secret echoed', async () => {
    const cases = [
      [[], {}, /BTALK_API_KEY is not set/],
      [[], { BTALK_API_KEY: API_KEY }, /Set BTALK_TOKEN, or BTALK_CLIENT_ID and BTALK_CLIENT_SECRET/],
      [['--base', 'https://user:Pa55word-secret@api.example/btalk/v1'], secrets, /without user, password/],
      [['--base', 'http://api.example/btalk/v1'], secrets, /must use https/],
      [['--tokn', 'x'], secrets, /Unknown option/],
      [['--base', 'https://a.example', '--proxy', 'https://b.example'], secrets, /not both/],
      [[], { ...secrets, BTALK_TOKEN: `${TOKEN}\n` }, /BTALK_TOKEN holds spaces or control characters/],
    ];
    for (const [args, env, message] of cases) {
      const run = await runCli(args, env, { out: false });
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
      assertAbsent(run.all, [API_KEY, TOKEN, 'Pa55word-secret'], 'secret');
    }
  });

  test('an API that cannot be reached: exit 2', async () => {
    const server = createServer();
    const base = await listen(server);
    await close(server);
    const run = await runCli(['--base', `${base}/btalk/v1`], secrets);
    assert.equal(run.code, 2);
    assert.deepEqual(codes(run.report, 'connection'), ['unreachable /me']);
  });
});

// ---------------------------------------------------------------- the package and the GET-only rule

test('the bin and its modules are published, and every request of server/check is a GET', async () => {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.bin['btalk-forms'], './bin/btalk-forms.js');
  const packed = await new Promise((resolve, reject) => execFile('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT },
    (error, stdout) => (error ? reject(error) : resolve(new Set(JSON.parse(stdout)[0].files.map((f) => f.path))))));
  const modules = ['bin/btalk-forms.js', 'server/check/cli.js', 'server/check/run.js', 'server/check/http.js',
    'server/proxy/token.js', 'web/core.js', 'dist/btalk-core.wasm'];
  for (const file of modules) assert.ok(packed.has(file), `${file} is not in the package`);
  // The GET-only rule, structurally: server/check has exactly one fetch call, and it says GET.
  const { readdir } = await import('node:fs/promises');
  let calls = 0;
  for (const name of await readdir(join(ROOT, 'server/check'))) {
    const source = (await readFile(join(ROOT, 'server/check', name), 'utf8')).replace(/^\s*\/\/.*$/gm, '');
    for (const match of source.matchAll(/\bfetch\(([^)]*)\)/g)) {
      if (/globalThis\.fetch/.test(match[0])) continue;
      calls += 1;
      assert.match(match[1], /method: 'GET'/, `${name}: ${match[0]}`);
    }
  }
  assert.equal(calls, 1);
});
