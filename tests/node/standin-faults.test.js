// Fault injection in the stand-in: options, per-request headers, the admin
// endpoints and the programmatic setter, each mode observed from a client.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { errorName, errorText, startStandIn } from './fixtures/standin/harness.js';
import { normalizeFaults, seededRandom, truncateJson } from '../../server/standin/faults.js';

async function withStandIn(options, fn) {
  const s = await startStandIn(options);
  try {
    await fn(s);
  } finally {
    await s.stop();
  }
}

/** Resolves with the order in which labelled promises settle. */
async function settleOrder(entries) {
  const order = [];
  await Promise.all(entries.map(([label, promise]) => promise.then(() => order.push(label))));
  return order;
}

describe('fault headers', () => {
  test('X-Standin-Latency delays the answer (a later plain request overtakes it)', async () => {
    await withStandIn({}, async (s) => {
      const slow = s.api('/me', { headers: { 'X-Standin-Latency': '1500' } });
      await new Promise((r) => setTimeout(r, 20));
      const fast = s.api('/me');
      const order = await settleOrder([['slow', slow], ['fast', fast]]);
      assert.deepEqual(order, ['fast', 'slow']);
      assert.equal((await slow).status, 200, 'the delayed request still succeeds');
    });
  });

  test('X-Standin-Fail: 429 carries Retry-After; 500 and 503 the error shape', async () => {
    await withStandIn({}, async (s) => {
      const limited = await s.api('/me', { headers: { 'X-Standin-Fail': '429' } });
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '1');
      assert.equal(errorName(limited.body), 'TOO_MANY_REQUESTS');
      for (const status of [500, 503]) {
        const res = await s.api('/me', { headers: { 'X-Standin-Fail': String(status) } });
        assert.equal(res.status, status);
        assert.equal(errorName(res.body), status === 500 ? 'INTERNAL_ERROR' : 'SERVICE_UNAVAILABLE');
      }
      const ignored = await s.api('/me', { headers: { 'X-Standin-Fail': '418' } });
      assert.equal(ignored.status, 200, 'only 429, 500 and 503 are injected');
    });
  });

  test('X-Standin-Drop cuts the connection: the client gets a network error', async () => {
    await withStandIn({}, async (s) => {
      await assert.rejects(s.api('/me', { headers: { 'X-Standin-Drop': '1' } }), TypeError);
      assert.equal((await s.api('/me')).status, 200, 'the server keeps serving');
    });
  });

  test('X-Standin-Lose-Answer carries the order out, then cuts the connection: a network error, one voicesite', async () => {
    await withStandIn({}, async (s) => {
      const body = { customerOrderReference: 'lost-1', parameters: { technicalSiteName: 'LOST_1', customerSiteLabel: 'L', country: 'FR', vpnId: 'aa76e66dfc63' } };
      await assert.rejects(s.api('/customers/9999/orders/voicesite', { method: 'POST', body, headers: { 'X-Standin-Lose-Answer': '1' } }), TypeError);
      const sites = (await s.api('/voicesites')).body.filter((v) => v.technicalSiteName === 'LOST_1');
      assert.equal(sites.length, 1, 'the order was carried out');
      // Sent again (no de-duplication by default): the name is taken.
      const again = await s.api('/customers/9999/orders/voicesite', { method: 'POST', body });
      assert.equal(again.status, 409);
      assert.equal((await s.api('/voicesites')).body.filter((v) => v.technicalSiteName === 'LOST_1').length, 1);
    });
  });

  test('X-Standin-Malformed gives 200 with JSON that does not parse', async () => {
    await withStandIn({}, async (s) => {
      const res = await s.api('/customers', { headers: { 'X-Standin-Malformed': '1' } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), /application\/json/);
      assert.ok(res.text.length > 0);
      assert.throws(() => JSON.parse(res.text), SyntaxError);
    });
  });

  test('headers are ignored when allowFaultHeaders is false', async () => {
    await withStandIn({ allowFaultHeaders: false }, async (s) => {
      const res = await s.api('/me', { headers: { 'X-Standin-Fail': '503', 'X-Standin-Malformed': '1' } });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { rightsProfile: 'full' });
    });
  });

  test('faults hit the API, not the token endpoint', async () => {
    await withStandIn({ faults: { failRate: 1 } }, async (s) => {
      assert.equal(typeof (await s.token()), 'string');
      assert.equal((await s.api('/me')).status, 503);
    });
  });
});

describe('fault options', () => {
  test('failRate 1 with failStatus 429 and retryAfterSeconds', async () => {
    await withStandIn({ faults: { failRate: 1, failStatus: 429, retryAfterSeconds: 7 } }, async (s) => {
      const res = await s.api('/me');
      assert.equal(res.status, 429);
      assert.equal(res.headers.get('retry-after'), '7');
    });
  });

  test('dropRate 1 drops, malformedRate 1 truncates, latencyMs delays', async () => {
    await withStandIn({ faults: { dropRate: 1 } }, async (s) => {
      await assert.rejects(s.api('/me'), TypeError);
    });
    await withStandIn({ faults: { malformedRate: 1 } }, async (s) => {
      const res = await s.api('/countries');
      assert.equal(res.status, 200);
      assert.throws(() => JSON.parse(res.text), SyntaxError);
    });
    await withStandIn({ faults: { latencyMs: 1500 } }, async (s) => {
      // The configured latency applies to every request; a header can lower it for one.
      const slow = s.api('/me');
      const fast = s.api('/me', { headers: { 'X-Standin-Latency': '0' } });
      assert.deepEqual(await settleOrder([['slow', slow], ['fast', fast]]), ['fast', 'slow']);
    });
  });

  test('loseAnswerRate 1: every request is carried out and left unanswered', async () => {
    await withStandIn({ faults: { loseAnswerRate: 1 } }, async (s) => {
      const body = { customerOrderReference: 'lost-2', parameters: { technicalSiteName: 'LOST_2', customerSiteLabel: 'L', country: 'FR', vpnId: 'aa76e66dfc63' } };
      await assert.rejects(s.api('/customers/9999/orders/voicesite', { method: 'POST', body }), TypeError);
      s.standIn.faults = {};
      assert.equal((await s.api('/voicesites')).body.filter((v) => v.technicalSiteName === 'LOST_2').length, 1);
    });
  });

  test('a seed makes the random faults reproducible', async () => {
    const run = async () => {
      const statuses = [];
      await withStandIn({ faults: { failRate: 0.5, seed: 42 } }, async (s) => {
        for (let i = 0; i < 24; i += 1) statuses.push((await s.api('/me')).status);
      });
      return statuses;
    };
    const first = await run();
    const second = await run();
    assert.deepEqual(first, second);
    assert.ok(first.includes(200) && first.includes(503), `both outcomes occur: ${first.join(',')}`);
  });

  test('bad settings are refused with the setting named', () => {
    assert.throws(() => normalizeFaults({ failRate: 2 }), /failRate/);
    assert.throws(() => normalizeFaults({ failStatus: 404 }), /failStatus/);
    assert.throws(() => normalizeFaults({ latencyMs: -1 }), /latencyMs/);
    assert.throws(() => normalizeFaults({ dropRatio: 0.1 }), /dropRatio/);
    assert.deepEqual(normalizeFaults({}), {
      latencyMs: 0, failRate: 0, failStatus: 503, retryAfterSeconds: 1, dropRate: 0, malformedRate: 0, loseAnswerRate: 0,
    });
    assert.throws(() => normalizeFaults({ loseAnswerRate: 1.5 }), /loseAnswerRate/);
  });

  test('the PRNG is deterministic and truncated JSON never parses', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const values = Array.from({ length: 5 }, () => a());
    assert.deepEqual(values, Array.from({ length: 5 }, () => b()));
    assert.ok(values.every((v) => v >= 0 && v < 1));
    for (const text of ['[]', '{}', '1234', '"ab"', JSON.stringify({ a: [1, 2, 3] }), 'true']) {
      assert.throws(() => JSON.parse(truncateJson(text)), SyntaxError, text);
    }
  });
});

describe('runtime control', () => {
  test('the faults setter flips faults on a running stand-in', async () => {
    await withStandIn({}, async (s) => {
      s.standIn.faults = { failRate: 1, failStatus: 500 };
      assert.equal((await s.api('/me')).status, 500);
      assert.equal(s.standIn.faults.failStatus, 500);
      s.standIn.faults = {};
      assert.equal((await s.api('/me')).status, 200);
      assert.throws(() => { s.standIn.faults = { failRate: -1 }; }, /failRate/);
    });
  });

  test('admin endpoints set faults and reset state; absent without admin', async () => {
    await withStandIn({ admin: true }, async (s) => {
      const set = await fetch(`${s.base}/__standin/faults`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ failRate: 1, failStatus: 429, retryAfterSeconds: 3 }),
      });
      assert.equal(set.status, 200);
      assert.equal((await set.json()).faults.failStatus, 429);
      const limited = await s.api('/me');
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '3');
      const bad = await fetch(`${s.base}/__standin/faults`, { method: 'POST', body: '{"failRate":"all"}' });
      assert.equal(bad.status, 400);
      assert.match(errorText(await bad.json()), /failRate/);

      await fetch(`${s.base}/__standin/faults`, { method: 'POST', body: '{}' });
      const created = await s.api('/customers/9999/orders/voicesite', {
        method: 'POST',
        body: { customerOrderReference: 'r1', parameters: { technicalSiteName: 'T', customerSiteLabel: 'L', country: 'FR', vpnId: 'aa76e66dfc63' } },
      });
      assert.equal(created.status, 201);
      s.standIn.faults = { failRate: 1 };
      const reset = await fetch(`${s.base}/__standin/reset`, { method: 'POST' });
      assert.equal(reset.status, 200);
      assert.deepEqual((await s.api('/voicesites')).body, [], 'reset empties the state and restores the initial faults');

      const expire = await fetch(`${s.base}/__standin/tokens/expire`, { method: 'POST' });
      assert.equal(expire.status, 200);
      assert.equal(errorName((await s.api('/me')).body), 'EXPIRED_CREDENTIALS');
    });
    await withStandIn({}, async (s) => {
      const res = await fetch(`${s.base}/__standin/faults`, { method: 'POST', body: '{"failRate":1}' });
      assert.equal(res.status, 404);
      assert.equal((await s.api('/me')).status, 200);
    });
  });
});
