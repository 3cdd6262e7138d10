// The waves of module requests that scripts/bench-browser.js reports, over fixture request lists shaped as
// Chromium's DevTools protocol reports them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOALS, goalText, goalsOf, initiatorOf, minMedian, requestWaves, verdict, wavesBefore } from '../../scripts/bench-browser-waves.js';

const PAGE = 'http://h/page.html';
const sent = (id, initiator, { code = false, script = true } = {}) => ({
  type: 'sent', id, url: `http://h/${id}`, script, initiator: initiator === PAGE ? PAGE : `http://h/${initiator}`, code,
});
const done = (id) => ({ type: 'done', id });

test('initiatorOf: an import statement names its module, running code its top frame with a url', () => {
  assert.deepEqual(initiatorOf({ type: 'script', url: 'http://h/a.js', lineNumber: 2 }), { url: 'http://h/a.js', code: false });
  assert.deepEqual(initiatorOf({ type: 'script', stack: { callFrames: [{ url: '' }, { url: 'http://h/b.js' }] } }), { url: 'http://h/b.js', code: true });
  assert.deepEqual(initiatorOf({ type: 'script', stack: { callFrames: [], parent: { callFrames: [{ url: 'http://h/c.js' }] } } }), { url: 'http://h/c.js', code: true });
  assert.deepEqual(initiatorOf({ type: 'other' }), { url: null, code: false });
  assert.deepEqual(initiatorOf(undefined), { url: null, code: false });
});

test('requestWaves: static imports one deeper than their importer; the page\'s own scripts are wave 1', () => {
  const waves = requestWaves([
    sent('entry.js', PAGE), done('entry.js'),
    sent('a.js', 'entry.js'), sent('b.js', 'entry.js'), done('a.js'),
    sent('c.js', 'a.js'), done('b.js'), done('c.js'),
  ]);
  assert.deepEqual([...waves], [['entry.js', 1], ['a.js', 2], ['b.js', 2], ['c.js', 3]]);
});

test('requestWaves: code-made requests are one wave deeper than the deepest module arrived when they left', () => {
  const waves = requestWaves([
    sent('entry.js', PAGE), done('entry.js'),
    sent('a.js', 'entry.js'), done('a.js'),
    sent('deep.js', 'a.js'), done('deep.js'),
    // import() of the glue and of a chunk in the same tick, then a fetch: all after the 3-deep graph arrived
    sent('glue.js', 'entry.js', { code: true }), sent('chunk.js', 'a.js', { code: true }),
    sent('api', 'a.js', { code: true, script: false }), done('api'), // a non-script answer is no module wave
    done('glue.js'),
    sent('glue-dep.js', 'glue.js'),
    sent('api2', 'a.js', { code: true, script: false }),
  ]);
  assert.equal(waves.get('glue.js'), 4);
  assert.equal(waves.get('chunk.js'), 4);
  assert.equal(waves.get('api'), 4);
  assert.equal(waves.get('glue-dep.js'), 5);
  assert.equal(waves.get('api2'), 5);
});

test('wavesBefore: the deepest module wave among script requests sent before a time', () => {
  const events = [sent('entry.js', PAGE), done('entry.js'), sent('a.js', 'entry.js'), done('a.js'), sent('c.js', 'a.js'),
    sent('api', 'a.js', { code: true, script: false })];
  const waves = requestWaves(events);
  const start = { 'entry.js': 1, 'a.js': 2, 'c.js': 30, api: 10 };
  const requests = events.filter((e) => e.type === 'sent').map((e) => ({ ...e, start: start[e.id] }));
  assert.equal(wavesBefore(requests, waves, 10), 2);
  assert.equal(wavesBefore(requests, waves, 31), 3);
  assert.equal(wavesBefore(requests, waves, 0), 0);
});

test('minMedian: odd and even counts', () => {
  assert.deepEqual(minMedian([5, 1, 3]), { min: 1, median: 3 });
  assert.deepEqual(minMedian([4, 1, 3, 10]), { min: 1, median: 3.5 });
});

test('goalsOf: issue #19\'s goals per case, met or missed by how much', () => {
  assert.deepEqual(GOALS, { bundled: 250, unbundled: 400, wavesUnbundled: 3 });
  assert.deepEqual(goalsOf('bundled', { navigation: 262.4, waves: 2 }), [
    { what: 'median from navigation', goal: 250, unit: 'ms', value: 262.4, met: false, by: 12 },
  ]);
  assert.deepEqual(goalsOf('unbundled', { navigation: 380, waves: 4 }), [
    { what: 'median from navigation', goal: 400, unit: 'ms', value: 380, met: true, by: 20 },
    { what: 'module waves', goal: 3, unit: 'wave(s)', value: 4, met: false, by: 1 },
  ]);
  assert.equal(verdict(380, 400, 'ms'), 'met by 20 ms');
  assert.equal(verdict(500, 400, 'ms'), 'missed by 100 ms (1.25× the goal)');
  assert.equal(verdict(3, 3, 'wave(s)'), 'met by 0 wave(s)');
});

test('goalText: a goal as the table and the summary print it', () => {
  const [time, waves] = goalsOf('unbundled', { navigation: 416, waves: 3 });
  assert.equal(goalText(time), 'median from navigation ≤ 400 ms: missed by 16 ms (1.04× the goal)');
  assert.equal(goalText(waves), 'module waves ≤ 3: met by 0 wave(s)');
});
