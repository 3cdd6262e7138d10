// The DOM-free, network-free parts of `btalk-forms check` (server/check/): paging analysis over
// fake answers, error shapes read by a fake core, value shapes, and the secret scrubber.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCollection } from '../../server/check/paging.js';
import { errorShape, errorShapeFindings, pagingFindings } from '../../server/check/analyze.js';
import { fieldStats, safeKey, textShape, unknownFields } from '../../server/check/shapes.js';
import { createScrubber, scrubValues } from '../../server/check/redact.js';

const answer = (status, body, headers = {}) => ({ status, text: typeof body === 'string' ? body : JSON.stringify(body), headers: new Headers(headers) });
const items = (n) => Array.from({ length: n }, (_, i) => ({ id: `i${i}` }));

/** A fake GET over a list: pages of at most `cap`, optional headers, optional offset ignored. */
function fakeGet(list, { cap = 40, headers = false, ignoreOffset = false, total = list.length } = {}) {
  const asked = [];
  const get = async (endpoint, query) => {
    asked.push(query);
    const offset = ignoreOffset ? 0 : query.offset;
    const page = list.slice(offset, offset + Math.min(query.limit, cap));
    return answer(200, page, headers ? { 'X-Total-Count': String(total), 'X-Result-Count': String(page.length) } : {});
  };
  return { get, asked };
}
const ep = { template: '/x', path: '/x' };
const options = { pageSize: 1000, maxPages: 10, maxItems: 10_000, idKeys: ['id'] };

test('paging: without a total, the check pages past the first short page and says what the short-page rule loses', async () => {
  const { get, asked } = fakeGet(items(55));
  const { paging } = await readCollection(get, ep, options);
  assert.deepEqual(asked, [{ offset: 0, limit: 1000 }, { offset: 40, limit: 1000 }, { offset: 55, limit: 1000 }]);
  assert.equal(paging.items, 55);
  assert.equal(paging.shortPageRuleReads, 40);
  assert.equal(paging.serverPageCap, 40);
  assert.deepEqual(pagingFindings('/x', paging, 'proxy', null).filter((f) => f.severity === 'error').map((f) => f.code), ['pagingTruncated']);
});

test('paging: with both headers the total is followed; through a proxy nothing is lost, in a browser without exposure it is', async () => {
  const { get, asked } = fakeGet(items(95), { headers: true });
  const { paging, answers } = await readCollection(get, ep, options);
  assert.equal(asked.length, 3);
  assert.equal(answers.length, 3);
  assert.equal(paging.headers, 'both');
  assert.equal(paging.totalMatches, true);
  assert.deepEqual(pagingFindings('/x', paging, 'proxy', null).filter((f) => f.severity === 'error'), []);
  const cors = { totalCountExposed: false };
  assert.deepEqual(pagingFindings('/x', paging, 'direct', cors).filter((f) => f.severity === 'error').map((f) => f.code), ['pagingTruncatedInBrowser']);
  assert.deepEqual(pagingFindings('/x', paging, 'direct', { totalCountExposed: true }).filter((f) => f.severity === 'error'), []);
});

test('paging: an ignored offset on full pages is an error; a lying total and the page bound are said', async () => {
  const ignored = await readCollection(fakeGet(items(100), { cap: 1000, ignoreOffset: true }).get, ep, { ...options, pageSize: 50 });
  assert.equal(ignored.paging.offsetIgnored, true);
  assert.equal(ignored.paging.items, 50);
  assert.ok(pagingFindings('/x', ignored.paging, 'proxy', null).some((f) => f.code === 'pagingOffsetIgnored' && f.severity === 'error'));

  const lying = await readCollection(fakeGet(items(30), { headers: true, total: 45 }).get, ep, options);
  assert.equal(lying.paging.totalMatches, false);
  assert.ok(pagingFindings('/x', lying.paging, 'proxy', null).some((f) => f.code === 'pagingTotalMismatch'));

  const bounded = await readCollection(fakeGet(items(500), { cap: 10 }).get, ep, { ...options, maxPages: 3 });
  assert.equal(bounded.paging.end, 'bound');
  assert.equal(bounded.paging.items, 30);
  assert.ok(pagingFindings('/x', bounded.paging, 'proxy', null).some((f) => f.code === 'pagingBound'));
});

test('paging: a failed first page, a body that is not a list', async () => {
  const failed = await readCollection(async () => answer(500, '<html>oops</html>'), ep, options);
  assert.equal(failed.paging.end, 'failed');
  assert.equal(failed.failure.status, 500);
  const wrapped = await readCollection(async () => answer(200, { total: 1 }), ep, options);
  assert.equal(wrapped.failure.notList, 'object');
});

test('error shapes: a list whose entries the core reads only in part, then in full', () => {
  const body = [{ code: 1203, message: 'Street unknown', description: 'a6' }, { code: 1204, message: 'Number out of range', description: 'hno' }];
  const firstOnly = { parseResponse: () => ({ code: '1203', message: 'Street unknown', description: 'a6', problems: [] }) };
  const all = { parseResponse: () => ({ code: '1203', message: 'Street unknown', description: 'a6',
    problems: [{ field: 'a6', code: '1203', message: 'Street unknown' }, { field: 'hno', code: '1204', message: 'Number out of range' }] }) };
  const keep = (t) => t;
  const partly = errorShape(answer(400, body), firstOnly, keep);
  assert.equal(partly.shape, 'list');
  assert.equal(partly.documentedShape, true);
  assert.deepEqual(partly.codeTypes, ['integer']);
  assert.equal(partly.core.entriesRead, 1);
  assert.deepEqual(errorShapeFindings('/p', partly).map((f) => `${f.severity} ${f.code}`), ['error errorListPartlyRead']);
  const full = errorShape(answer(400, body), all, keep);
  assert.equal(full.core.entriesRead, 2);
  assert.deepEqual(errorShapeFindings('/p', full), []);
});

test('error shapes: object with a string code, HTML, empty, a core that refuses', () => {
  const core = { parseResponse: () => ({ code: 'X', message: 'Gone', description: '', problems: [] }) };
  const object = errorShape(answer(404, { code: 'NOT_FOUND', message: 'Gone' }), core, (t) => t);
  assert.deepEqual(errorShapeFindings('/p', object).map((f) => f.code), ['errorObject', 'errorCodeType']);
  assert.equal(object.message, 'Gone');
  const html = errorShape(answer(502, '<html>Bad gateway</html>', { 'Content-Type': 'text/html; charset=utf-8' }), core, (t) => t);
  assert.equal(html.shape, 'html');
  assert.equal(html.contentType, 'text/html');
  assert.deepEqual(errorShapeFindings('/p', html).map((f) => `${f.severity} ${f.code}`), ['error errorNotJson']);
  assert.equal(errorShape(answer(500, ''), core, (t) => t).shape, 'empty');
  const refusing = { parseResponse: () => { throw Object.assign(new Error('no'), { code: 'malformedResponse' }); } };
  const refused = errorShape(answer(400, [1]), refusing, (t) => t);
  assert.equal(refused.core.read, false);
  assert.deepEqual(errorShapeFindings('/p', refused).map((f) => f.code), ['errorRefused', 'errorCodeType']);
  assert.deepEqual(refused.codeTypes, ['absent']);
});

test('shapes: values become shapes, data-like keys too; unknown fields are found case-insensitively, x.* covers members', () => {
  const SHAPES = {
    '9999': 'digits(4)', aa76e66dfc63: 'hex(12)', 'My Customer': 'text', ar45dv5s: 'token(8)',
    '2024-05-01T10:00:00Z': 'date',
  };
  for (const [value, shape] of Object.entries(SHAPES)) assert.equal(textShape(value), shape, value);
  const KEYS = { vpnId: 'vpnId', '77123': '{digits(5)}', 'Acme Holdings': '{text}' };
  for (const [key, shown] of Object.entries(KEYS)) assert.equal(safeKey(key), shown, key);
  const stats = fieldStats([{ vpnId: 'aa76e66dfc63', Name: 'x', extra: 1, voiceAddress: { a1: 'x' }, '77123': true }]);
  assert.deepEqual(Object.keys(stats).sort(), ['Name', 'extra', 'voiceAddress', 'voiceAddress.a1', 'vpnId', '{digits(5)}'].sort());
  assert.equal(JSON.stringify(stats).includes('aa76e66dfc63'), false);
  assert.deepEqual(unknownFields(stats, ['vpnId', 'name', 'voiceAddress', 'voiceAddress.*']).sort(), ['extra', '{digits(5)}']);
});

test('scrubber: a secret is blanked as given, URL-encoded, JSON-escaped, base64 and inside Basic credentials', () => {
  const secret = 'se"cr et/+=';
  const scrubber = createScrubber([secret]);
  scrubber.addBasic('client id', secret);
  const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), Buffer.from(secret).toString('base64'),
    Buffer.from(`client id:${secret}`).toString('base64'), Buffer.from(`client+id:${encodeURIComponent(secret).replace(/%20/g, '+')}`).toString('base64')];
  for (const form of forms) assert.equal(scrubber.scrub(`before ${form} after`), 'before [redacted] after', form);
  const late = 'token-fetched-later';
  assert.equal(scrubber.scrub(late), late);
  scrubber.add(late);
  assert.equal(scrubber.scrub(`x${late}x`), 'x[redacted]x');
  assert.equal(createScrubber(['abc']).scrub('abc'), 'abc', 'secrets under 4 characters are not looked for');
  assert.equal(scrubValues('Customer 77123 (Acme) not found', new Set(['77123', 'Acme', '1'])), 'Customer [customer data] ([customer data]) not found');
});
