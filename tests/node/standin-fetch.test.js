// The stand-in as a library (btalk-forms/standin): handle(Request) and its
// fetch, with no socket; the universal modules import nothing from Node; the
// generated data (countries/*.json, modules/) matches its sources (src/*.mjs,
// customers.json); persistence adapters (memory, file with stale temp files
// after kill -9).
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BtalkApiError, BtalkClient, loadCore } from '../../web/index.js';
import { createStandIn, memoryStore, toNodeListener, STANDIN_ORIGIN } from '../../server/standin/index.js';
import { createStandInServer, fileStore } from '../../server/standin/node.js';
import { GENERATED_DIRS, compareWithDisk, expectedFiles } from '../../scripts/gen-standin-data.js';
import { errorName } from './fixtures/standin/harness.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BASE = 'https://api.portal.test/btalk/v1';
let core;

before(async () => {
  core = await loadCore();
});

async function tempDir(t) {
  const dir = await mkdtemp(join(tmpdir(), 'standin-fetch-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Static import specifiers of a module (import ... from '...', export ... from '...'). */
function staticImports(source) {
  const specs = [];
  const pattern = /^\s*(?:import|export)\s+(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) specs.push(match[1]);
  return specs;
}

describe('universal modules', () => {
  test('btalk-forms/standin reaches no node: module through static imports', async () => {
    const seen = new Set();
    const nodeImports = [];
    const visit = async (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = await readFile(file, 'utf8');
      for (const spec of staticImports(source)) {
        if (spec.startsWith('node:') || !spec.startsWith('.')) nodeImports.push(`${file.slice(root.length + 1)} -> ${spec}`);
        else await visit(resolve(dirname(file), spec));
      }
    };
    await visit(join(root, 'server', 'standin', 'index.js'));
    assert.deepEqual(nodeImports, []);
    for (const name of ['standin.js', 'api.js', 'state.js', 'data.js', 'http.js', 'faults.js', 'listener.js', 'random.js']) {
      assert.ok(seen.has(join(root, 'server', 'standin', name)), `${name} is part of the graph`);
    }
    assert.ok(seen.has(join(root, 'web', 'core.js')), 'the core loader is reached');
    assert.ok([...seen].some((f) => f.endsWith(join('modules', 'FR.js'))), 'country data is imported as modules');
    // The test's own scanner finds node: imports where they exist.
    assert.ok(staticImports(await readFile(join(root, 'server', 'standin', 'file-store.js'), 'utf8')).includes('node:fs'));
  });

  test('the generated data (countries/*.json, modules/) is what scripts/gen-standin-data.js makes from src/ and customers.json', async () => {
    const files = await expectedFiles();
    const stale = 'run node scripts/gen-standin-data.js (npm ci and scripts/build.sh wasm do)';
    assert.deepEqual(compareWithDisk(files), { differing: [], stale: [] }, stale);
    const { default: bundled } = await import('../../server/standin/data/modules/index.js');
    const fr = JSON.parse(await readFile(join(root, 'server', 'standin', 'data', 'countries', 'FR.json'), 'utf8'));
    assert.deepEqual(bundled.countries.find((c) => c.iso2 === 'FR'), fr);
    assert.equal(bundled.countries.length, (await readdir(join(root, 'server', 'standin', 'data', 'countries'))).length);
    assert.equal(bundled.countries.length, [...files.keys()].filter((p) => p.startsWith('countries/')).length);
  });

  test('the drift check sees a hand-edited, a missing and a stray generated file', async (t) => {
    const dir = await tempDir(t);
    const files = await expectedFiles();
    for (const sub of GENERATED_DIRS) await mkdir(join(dir, sub));
    for (const [path, text] of files) await writeFile(join(dir, path), text);
    assert.deepEqual(compareWithDisk(files, dir), { differing: [], stale: [] });
    await writeFile(join(dir, 'countries', 'FR.json'), files.get('countries/FR.json').replace('"France"', '"Frankreich"'));
    await rm(join(dir, 'modules', 'DE.js'));
    await writeFile(join(dir, 'countries', 'XX.json'), '{}\n');
    assert.deepEqual(compareWithDisk(files, dir), { differing: ['countries/FR.json', 'modules/DE.js'], stale: ['countries/XX.json'] });
  });

  test('only the sources are committed: git tracks no generated data file', async (t) => {
    const listed = await new Promise((done) => execFile('git', ['ls-files', '--', ...GENERATED_DIRS.map((d) => `server/standin/data/${d}`)],
      { cwd: root }, (error, stdout) => done(error ? null : stdout)));
    if (listed === null) {
      t.skip('not a git checkout');
      return;
    }
    assert.equal(listed, '', 'generated files are committed: git rm --cached them (the sources are src/*.mjs and customers.json)');
  });
});

describe('handle() and fetch, no socket', () => {
  test('a BtalkClient on standIn.fetch orders a voicesite and saves its address (real auth, real core)', async () => {
    const standIn = createStandIn({ core });
    const api = new BtalkClient({ baseUrl: BASE, fetch: standIn.fetch, credentials: standIn.credentials(), core });
    assert.deepEqual(await api.me(), { rightsProfile: 'full', canOrder: true });
    const [vpn] = await api.vpns('9999');
    const created = await api.orderVoicesite('9999', {
      customerOrderReference: 'lib-1', technicalSiteName: 'LIB_PARIS', customerSiteLabel: 'Library test', country: 'FR', vpnId: vpn.vpnId,
    });
    const [candidate] = await api.searchAddresses('FR', 'olivier de serres');
    await api.pushVoiceAddress('9999', created.voiceSiteId, candidate.address);
    assert.deepEqual(await api.getVoiceAddress('9999', created.voiceSiteId), candidate.address);
    assert.equal(standIn.state.data.voicesites[created.voiceSiteId].voiceAddress.pc, candidate.address.pc);
    const refused = await api.pushVoiceAddress('9999', created.voiceSiteId, { a3: 'Paris', pc: 'nope' }).catch((e) => e);
    assert.ok(refused instanceof BtalkApiError);
    assert.equal(refused.status, 400);
    assert.ok(refused.problems.some((p) => p.field === 'pc'));
  });

  test('handle() answers Requests: auth first, JSON errors, HEAD without a body, OPTIONS preflight', async () => {
    const standIn = createStandIn({ core });
    const noAuth = await standIn.handle(new Request(`${BASE}/me`));
    assert.equal(noAuth.status, 401);
    assert.equal(errorName(await noAuth.json()), 'MISSING_CREDENTIALS');
    assert.match(noAuth.headers.get('content-type'), /application\/json/);
    const token = standIn.issueToken();
    const headers = { Authorization: `Bearer ${token}`, 'X-BT-API-KEY': standIn.demo.apiKey };
    const head = await standIn.handle(new Request(`${BASE}/countries`, { method: 'HEAD', headers }));
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    const pre = await standIn.handle(new Request(`${BASE}/me`, { method: 'OPTIONS' }));
    assert.equal(pre.status, 204);
    assert.match(pre.headers.get('access-control-allow-headers'), /X-BT-API-KEY/);
    const readonly = await standIn.handle(new Request(`${BASE}/customers/9999/orders/voicesite`, {
      method: 'POST', headers: { ...headers, 'X-BT-API-KEY': standIn.demo.readonlyApiKey }, body: '{}',
    }));
    assert.equal(readonly.status, 403);
    const big = await standIn.handle(new Request(`${BASE}/customers/9999/orders/voicesite`, {
      method: 'POST', headers, body: JSON.stringify({ x: 'y'.repeat(70 * 1024) }),
    }));
    assert.equal(big.status, 413);
  });

  test('a streamed body over the limit is cut at the limit, not read whole', async () => {
    const standIn = createStandIn({ core, maxBodyBytes: 1024 });
    let pulled = 0;
    const body = new ReadableStream({
      pull(controller) {
        pulled += 1;
        if (pulled > 1000) controller.close();
        else controller.enqueue(new Uint8Array(512));
      },
    });
    const headers = { Authorization: `Bearer ${standIn.issueToken()}`, 'X-BT-API-KEY': standIn.demo.apiKey };
    const res = await standIn.handle(new Request(`${BASE}/customers/9999/orders/voicesite`, { method: 'POST', headers, body, duplex: 'half' }));
    assert.equal(res.status, 413);
    assert.ok(pulled < 10, `stopped after ${pulled} chunks`);
  });

  test('faults: a drop is Response.error() from handle and a TypeError from fetch; aborts reject with the reason', async () => {
    const standIn = createStandIn({ core, faults: { dropRate: 1 } });
    const dropped = await standIn.handle(new Request(`${BASE}/me`));
    assert.equal(dropped.type, 'error');
    await assert.rejects(standIn.fetch(`${BASE}/me`), TypeError);
    standIn.faults = { latencyMs: 1000 };
    const controller = new AbortController();
    const pending = standIn.fetch(`${BASE}/me`, { signal: controller.signal });
    const reason = new Error('gave up');
    controller.abort(reason);
    await assert.rejects(pending, (e) => e === reason);
    standIn.faults = {};
    const client = new BtalkClient({ baseUrl: BASE, fetch: standIn.fetch, credentials: standIn.credentials(), core, retries: 0 });
    const failing = await client.me({}).then(() => null, (e) => e);
    assert.equal(failing, null, 'faults cleared: the client works again');
  });

  test('basePath mounts the API under a prefix; a path alone is taken on STANDIN_ORIGIN', async () => {
    const standIn = createStandIn({ core, basePath: '/mock' });
    const api = new BtalkClient({ baseUrl: 'https://x.test/mock/btalk/v1', fetch: standIn.fetch, credentials: standIn.credentials(), core });
    assert.equal((await api.customers()).length > 0, true);
    const outside = await standIn.handle(new Request('https://x.test/btalk/v1/me'));
    assert.equal(outside.status, 404);
    const bare = await standIn.fetch('/mock/btalk/v1/me');
    assert.equal(bare.status, 401);
    assert.equal(STANDIN_ORIGIN, 'https://standin.invalid');
    assert.throws(() => createStandIn({ basePath: 'mock/' }), /basePath/);
  });

  test('a memoryStore carries the state from one stand-in to the next; reset() goes back to the data\'s own voicesites', async () => {
    const store = memoryStore();
    const first = createStandIn({ core, store });
    const api = new BtalkClient({ baseUrl: BASE, fetch: first.fetch, credentials: first.credentials(), core });
    const [vpn] = await api.vpns('9999');
    const created = await api.orderVoicesite('9999', {
      customerOrderReference: 'mem-1', technicalSiteName: 'MEM', customerSiteLabel: 'Memory', country: 'FR', vpnId: vpn.vpnId,
    });
    const second = createStandIn({ core, store });
    const api2 = new BtalkClient({ baseUrl: BASE, fetch: second.fetch, credentials: second.credentials(), core });
    assert.deepEqual((await api2.voicesites()).map((v) => v.voiceSiteId), [created.voiceSiteId]);
    await second.reset();
    const kept = await createStandIn({ core, store }).ready.then(() => store.load()).then((t) => JSON.parse(t).voicesites);
    const seeded = second.data.raw.customers.flatMap((c) => (c.voicesites ?? []).map((v) => v.voiceSiteId));
    assert.ok(seeded.length > 40, 'the data gives a customer more than a page of voicesites');
    assert.deepEqual(Object.keys(kept).sort(), seeded.sort());
    assert.equal(kept[created.voiceSiteId], undefined, 'what was ordered is gone');
  });

  test('a store that cannot load answers 500 STATE_UNAVAILABLE and logs why', async () => {
    const lines = [];
    const standIn = createStandIn({ core, log: (l) => lines.push(l), store: { load: () => { throw new Error('disk gone'); }, save() {} } });
    const res = await standIn.handle(new Request(`${BASE}/me`));
    assert.equal(res.status, 500);
    assert.equal(errorName(await res.json()), 'STATE_UNAVAILABLE');
    assert.ok(lines.some((l) => l.includes('disk gone')));
  });

  test('toNodeListener serves any fetch handler over http', async (t) => {
    const standIn = createStandIn({ core });
    const server = createServer(toNodeListener(standIn.handle));
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    t.after(() => new Promise((r) => { server.closeAllConnections(); server.close(r); }));
    const base = `http://127.0.0.1:${server.address().port}`;
    const api = new BtalkClient({ baseUrl: `${base}/btalk/v1`, credentials: standIn.credentials(), core });
    assert.ok((await api.countries()).length >= 30);
    const res = await fetch(`${base}/btalk/v1/me`);
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('content-length'), String((await res.text()).length));
  });
});

describe('file store', () => {
  test('temp files left by a writer killed with SIGKILL are removed at start; a live writer\'s are kept', async (t) => {
    const dir = await tempDir(t);
    const stateFile = join(dir, 'state.json');
    // A writer that dies between creating its temp file and renaming it, as kill -9 mid-save does.
    const child = spawn(process.execPath, ['-e', `
      require('node:fs').writeFileSync(${JSON.stringify(stateFile)} + '.' + process.pid + '.0a1b2c3d.tmp', '{"half":');
      console.log('written'); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((r) => child.stdout.once('data', r));
    const orphan = `state.json.${child.pid}.0a1b2c3d.tmp`;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    const live = `state.json.${process.pid}.deadbeef.tmp`; // this process: may be mid-write
    await writeFile(join(dir, live), '{');
    await writeFile(join(dir, 'state.json.notes.tmp'), 'not ours'); // not the writer's pattern
    await writeFile(join(dir, 'other.json.1.00.tmp'), 'another file');
    assert.ok((await readdir(dir)).includes(orphan));

    const lines = [];
    const s = createStandInServer({ core, stateFile, log: (l) => lines.push(l) });
    await s.ready;
    const names = await readdir(dir);
    assert.ok(!names.includes(orphan), 'the dead writer\'s temp file is gone');
    for (const kept of [live, 'state.json.notes.tmp', 'other.json.1.00.tmp']) assert.ok(names.includes(kept), kept);
    assert.ok(lines.some((l) => /removed 1 stale temp file/.test(l)), lines.join('\n'));
  });

  test('fileStore writes atomically and loads what it wrote', async (t) => {
    const dir = await tempDir(t);
    const store = fileStore(join(dir, 'sub', 's.json'));
    assert.equal(store.load(), null);
    await store.save('{"a":1}');
    assert.equal(store.load(), '{"a":1}');
    assert.deepEqual(await readdir(join(dir, 'sub')), ['s.json']);
  });
});
