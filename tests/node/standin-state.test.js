// Stand-in state: orders and voicesites survive a restart when a state file
// is set, the file is replaced atomically, and an unreadable file is kept aside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { order, startStandIn } from './fixtures/standin/harness.js';
import { StateStore } from '../../server/standin/state.js';
import { fileStore } from '../../server/standin/file-store.js';

async function tempDir(t) {
  const dir = await mkdtemp(join(tmpdir(), 'standin-state-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

// No `core` option: the stand-in loads the real wasm core itself (web/index.js).
test('orders, voicesites and addresses survive a restart', async (t) => {
  const stateFile = join(await tempDir(t), 'nested', 'state.json');
  const first = await startStandIn({ stateFile });
  let created;
  try {
    created = (await first.api('/customers/9999/orders/voicesite', { method: 'POST', body: order('persist') })).body;
    const pushed = await first.api(`/customers/9999/voicesites/${created.voiceSiteId}/voiceaddress`, {
      method: 'PUT', body: { a3: 'Paris', a6: 'Rivoli', pc: '75001' },
    });
    assert.equal(pushed.status, 200, pushed.text);
  } finally {
    await first.stop();
  }

  // With de-duplication on (off by default), the restored order answers its reference again.
  const second = await startStandIn({ stateFile, deduplicateOrders: true });
  try {
    const sites = await second.api('/voicesites');
    assert.deepEqual(sites.body.map((v) => v.voiceSiteId), [created.voiceSiteId]);
    const address = await second.api(`/customers/9999/voicesites/${created.voiceSiteId}/voiceaddress`);
    assert.deepEqual(address.body, { a3: 'Paris', a6: 'Rivoli', pc: '75001' });
    assert.deepEqual((await second.api(`/customers/9999/orders/${created.orderId}`)).body, created);
    const replay = await second.api('/customers/9999/orders/voicesite', { method: 'POST', body: order('persist') });
    assert.equal(replay.status, 200);
    assert.deepEqual(replay.body, created);
    const dup = await second.api('/customers/9999/orders/voicesite', { method: 'POST', body: order('other', { technicalSiteName: 'SITE_persist' }) });
    assert.equal(dup.status, 409, 'the restored voicesite still holds its name');
  } finally {
    await second.stop();
  }
});

test('without a state file nothing is kept', async () => {
  const first = await startStandIn();
  await first.api('/customers/9999/orders/voicesite', { method: 'POST', body: order('memory') });
  assert.equal((await first.api('/voicesites')).body.length, 1);
  await first.stop();
  const second = await startStandIn();
  assert.deepEqual((await second.api('/voicesites')).body, []);
  await second.stop();
});

test('many concurrent changes end with the latest state on disk and no temp files', async (t) => {
  const dir = await tempDir(t);
  const stateFile = join(dir, 'state.json');
  const s = await startStandIn({ stateFile });
  try {
    const results = await Promise.all(Array.from({ length: 15 }, (_, i) => s.api('/customers/9999/orders/voicesite', {
      method: 'POST', body: order(`burst${i}`),
    })));
    assert.ok(results.every((r) => r.status === 201));
    const saved = JSON.parse(await readFile(stateFile, 'utf8'));
    assert.equal(Object.keys(saved.voicesites).length, 15);
    assert.equal(Object.keys(saved.orders['9999']).length, 15);
    assert.deepEqual(await readdir(dir), ['state.json']);
  } finally {
    await s.stop();
  }
});

test('an unreadable state file is moved aside and the stand-in starts empty', async (t) => {
  const dir = await tempDir(t);
  const stateFile = join(dir, 'state.json');
  await writeFile(stateFile, '{"version": 1, "orders": ');
  const lines = [];
  const store = new StateStore({ store: fileStore(stateFile), log: (l) => lines.push(l) });
  await store.load();
  assert.deepEqual(store.data.voicesites, {});
  const names = await readdir(dir);
  assert.equal(names.length, 1);
  assert.match(names[0], /^state\.json\.unreadable-\d+$/);
  assert.match(lines[0], /unreadable/);
  await store.save();
  assert.equal(JSON.parse(await readFile(stateFile, 'utf8')).version, 1);
});

test('reset() empties the state and the file', async (t) => {
  const stateFile = join(await tempDir(t), 'state.json');
  const s = await startStandIn({ stateFile });
  try {
    await s.api('/customers/9999/orders/voicesite', { method: 'POST', body: order('gone') });
    await s.standIn.reset();
    assert.deepEqual((await s.api('/voicesites')).body, []);
    assert.deepEqual(JSON.parse(await readFile(stateFile, 'utf8')).voicesites, {});
  } finally {
    await s.stop();
  }
});
