// The stand-in's closest addresses (server/standin/closest.js): what an address look-up answers
// when nothing matches exactly (issue 18 item 6), bounded and best first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_DATA_DIR } from '../../server/standin/server.js';
import { CLOSEST_LIMIT, closestToFields, closestToText, editDistance } from '../../server/standin/closest.js';

const US = JSON.parse(readFileSync(join(BUNDLED_DATA_DIR, 'countries', 'US.json'), 'utf8'));
const FR = JSON.parse(readFileSync(join(BUNDLED_DATA_DIR, 'countries', 'FR.json'), 'utf8'));

test('edit distance is exact within its cap, and capped beyond it', () => {
  assert.equal(editDistance('avenue', 'avenue', 2), 0);
  assert.equal(editDistance('pensylvania', 'pennsylvania', 2), 1);
  assert.equal(editDistance('kitten', 'sitting', 3), 3);
  assert.equal(editDistance('kitten', 'sitting', 1), 2);
  assert.equal(editDistance('a', 'abcdefgh', 2), 3);
  assert.equal(editDistance('', '', 0), 0);
});

test('US: a street typed with its type, unknown as given, finds 1600 Pennsylvania Ave NW first', () => {
  const asked = { hno: '1600', a6: 'Pennsylvania Avenue', a3: 'Washington', a1: 'DC', pc: '20500' };
  const found = closestToFields(US.addresses, asked);
  assert.ok(found.length >= 1 && found.length <= CLOSEST_LIMIT);
  assert.equal(found[0].voiceAddress.a6, 'Pennsylvania');
  assert.equal(found[0].voiceAddress.pod, 'NW');
  // A typo and a wrong number still find it.
  assert.equal(closestToFields(US.addresses, { hno: '1601', a6: 'Pensylvania', pc: '20500' })[0].voiceAddress.hno, '1600');
  // Nothing close: nothing.
  assert.deepEqual(closestToFields(US.addresses, { a6: 'Zzyzx', a3: 'Nowhere' }), []);
  assert.deepEqual(closestToFields(US.addresses, {}), []);
});

test('search text: the closest labels when no label has every word; nothing for nonsense', () => {
  const found = closestToText(FR.addresses, 'avenue anatol frnace pari');
  assert.ok(found.length >= 1 && found.length <= CLOSEST_LIMIT, JSON.stringify(found));
  assert.match(found[0].label, /Anatole France/);
  // Short words ("de", "la") alone do not make a candidate close.
  assert.deepEqual(closestToText(FR.addresses, 'rue de la zzzz'), []);
  assert.deepEqual(closestToText(FR.addresses, 'zzzz nowhere'), []);
});

test('bounded: huge texts and many words cost no more than their first words', () => {
  const huge = `${'x'.repeat(100000)} ${'pennsylvania '.repeat(5000)}`;
  const started = process.hrtime.bigint();
  closestToFields(US.addresses, { a6: huge, a3: huge });
  closestToText(US.addresses, huge);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`closest over huge input: ${ms.toFixed(1)} ms`);
  assert.ok(closestToText(US.addresses, huge).length <= CLOSEST_LIMIT);
});
