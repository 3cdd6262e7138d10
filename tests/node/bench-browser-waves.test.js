// The waves of module requests that scripts/bench-browser.js reports, over fixture request lists shaped as
// Chromium's DevTools protocol reports them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initiatorOf, minMedian, moduleWaves, wavesBefore } from '../../scripts/bench-browser-waves.js';

const PAGE = 'http://h/page.html';
const script = (url, initiator, start, code = false) => ({ url: `http://h/${url}`, script: true, initiator: initiator && (initiator === PAGE ? PAGE : `http://h/${initiator}`), start, code });

test('initiatorOf: an import statement names its module, running code its top frame with a url', () => {
  assert.deepEqual(initiatorOf({ type: 'script', url: 'http://h/a.js', lineNumber: 2 }), { url: 'http://h/a.js', code: false });
  assert.deepEqual(initiatorOf({ type: 'script', stack: { callFrames: [{ url: '' }, { url: 'http://h/b.js' }] } }), { url: 'http://h/b.js', code: true });
  assert.deepEqual(initiatorOf({ type: 'script', stack: { callFrames: [], parent: { callFrames: [{ url: 'http://h/c.js' }] } } }), { url: 'http://h/c.js', code: true });
  assert.deepEqual(initiatorOf({ type: 'other' }), { url: null, code: false });
  assert.deepEqual(initiatorOf(undefined), { url: null, code: false });
});

test('moduleWaves: static imports one deeper than their importer; the page\'s own scripts are wave 1', () => {
  const requests = [
    script('entry.js', PAGE, 1),
    script('a.js', 'entry.js', 2), script('b.js', 'entry.js', 2),
    script('c.js', 'a.js', 3),
    script('b.js', 'c.js', 4), // fetched once: its first importer decides
    { url: 'http://h/api/x', script: false, initiator: 'http://h/c.js', start: 5, code: true },
  ];
  const waves = moduleWaves(requests);
  assert.deepEqual([...waves], [['http://h/entry.js', 1], ['http://h/a.js', 2], ['http://h/b.js', 2], ['http://h/c.js', 3]]);
});

test('moduleWaves: a dynamic import is one deeper than every module requested before it', () => {
  const requests = [
    script('entry.js', PAGE, 1),
    script('a.js', 'entry.js', 2),
    script('deep.js', 'a.js', 3),
    script('glue.js', 'entry.js', 4, true), // import() run by entry.js, after the graph (3 deep) loaded
    script('glue-dep.js', 'glue.js', 5),
  ];
  const waves = moduleWaves(requests);
  assert.equal(waves.get('http://h/glue.js'), 4);
  assert.equal(waves.get('http://h/glue-dep.js'), 5);
});

test('wavesBefore: the deepest wave among script requests sent before a time', () => {
  const requests = [script('entry.js', PAGE, 1), script('a.js', 'entry.js', 2), script('c.js', 'a.js', 30),
    { url: 'http://h/api/x', script: false, initiator: null, start: 10 }];
  const waves = moduleWaves(requests);
  assert.equal(wavesBefore(requests, waves, 10), 2);
  assert.equal(wavesBefore(requests, waves, 31), 3);
  assert.equal(wavesBefore(requests, waves, 0), 0);
});

test('minMedian: odd and even counts', () => {
  assert.deepEqual(minMedian([5, 1, 3]), { min: 1, median: 3 });
  assert.deepEqual(minMedian([4, 1, 3, 10]), { min: 1, median: 3.5 });
});
