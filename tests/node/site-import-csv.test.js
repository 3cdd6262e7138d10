// CSV reading and writing of <btalk-site-import> (DOM-free, on Papa Parse).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CsvError, DEFAULT_PAPAPARSE_URL, decodeText, defaultPapaparseUrl, loadPapa, parseCsv, safeCell, toCsv } from '../../web/components/site-import/csv.js';

test('loadPapa resolves the npm package in Node', async () => {
  const papa = await loadPapa();
  assert.equal(typeof papa.parse, 'function');
});

test('the classic-script fallback finds papaparse.min.js next to an installed package, in a checkout\'s node_modules', () => {
  assert.equal(defaultPapaparseUrl('https://shop.test/node_modules/btalk-forms/web/components/site-import/csv.js'),
    'https://shop.test/node_modules/papaparse/papaparse.min.js');
  assert.equal(defaultPapaparseUrl('https://shop.test/node_modules/@acme/btalk-forms/web/components/site-import/csv.js'),
    'https://shop.test/node_modules/papaparse/papaparse.min.js');
  assert.equal(defaultPapaparseUrl('http://localhost:8080/web/components/site-import/csv.js'),
    'http://localhost:8080/node_modules/papaparse/papaparse.min.js');
  // This checkout: the file is there.
  assert.ok(existsSync(fileURLToPath(DEFAULT_PAPAPARSE_URL)), DEFAULT_PAPAPARSE_URL);
});

test('quotes, embedded newlines and doubled quotes follow RFC 4180', () => {
  const { headers, rows, delimiter } = parseCsv('name,street\r\n"A, B","Rue ""X""\nBât 2"\r\nC,D\r\n', Papa);
  assert.deepEqual(headers, ['name', 'street']);
  assert.deepEqual(rows, [['A, B', 'Rue "X"\nBât 2'], ['C', 'D']]);
  assert.equal(delimiter, ',');
});

test('semicolons (Excel in French or German) are detected, and the BOM is dropped', () => {
  const { headers, rows, delimiter } = parseCsv('\ufeffnom;code postal\n"Paris; 15e";75015\n', Papa);
  assert.equal(delimiter, ';');
  assert.deepEqual(headers, ['nom', 'code postal']);
  assert.deepEqual(rows, [['Paris; 15e', '75015']]);
});

test('empty lines are skipped and short rows padded', () => {
  const { rows } = parseCsv('a,b,c\n1,2\n\n,,\n4,5,6\n', Papa);
  assert.deepEqual(rows, [['1', '2', ''], ['4', '5', '6']]);
});

test('empty text, header only and too many rows are clear errors', () => {
  assert.throws(() => parseCsv('  \n', Papa), (e) => e instanceof CsvError && e.code === 'empty');
  assert.throws(() => parseCsv('a,b\n', Papa), (e) => e.code === 'noRows');
  const big = `a\n${'x\n'.repeat(5001)}`;
  assert.throws(() => parseCsv(big, Papa), (e) => e.code === 'tooManyRows');
});

test('bytes: UTF-8 with or without BOM, UTF-16LE with BOM, Windows-1252 fallback', () => {
  const utf8 = new TextEncoder().encode('ville\nBruxelles–Zürich\n');
  assert.equal(decodeText(utf8), 'ville\nBruxelles–Zürich\n');
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
  assert.equal(parseCsv(decodeText(withBom), Papa).headers[0], 'ville');
  const utf16 = new Uint8Array([0xff, 0xfe, ...[...'a\tb'].flatMap((c) => [c.charCodeAt(0), 0])]);
  assert.equal(decodeText(utf16), 'a\tb');
  assert.equal(decodeText(new Uint8Array([0x5a, 0xfc, 0x72])), 'Zür'); // 0xFC is ü in Windows-1252
});

test('the result CSV has a BOM, CRLF, quoting where needed, and neutralised formulas', () => {
  const text = toCsv(['a', 'b'], [['x,y', '=HYPERLINK("evil")'], ['-12', '+33 1 23']], Papa);
  assert.ok(text.startsWith('\ufeff'));
  const back = Papa.parse(text.slice(1), { skipEmptyLines: true }).data;
  assert.deepEqual(back, [['a', 'b'], ['x,y', '\'=HYPERLINK("evil")'], ['-12', '+33 1 23']]);
  assert.equal(safeCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(safeCell('-A1'), "'-A1");
});

test('the result file carries the values as checked and ordered: canonical where a column holds them (issue 18 item 9)', async () => {
  const { buildResult } = await import('../../web/components/site-import/result-csv.js');
  const headers = ['name', 'street', 'type', 'postcode'];
  const columns = ['technicalSiteName', 'a6', 'sts', 'pc'];
  const row = (cells, changes) => ({ key: 1, cells, check: { status: 'ready', problems: [], changes } });
  const gb = row(['A', 'Downing Street', '', 'sw1a 2aa'], [{ field: 'pc', from: 'sw1a 2aa', to: 'SW1A 2AA', rule: 'upperCase' }]);
  const us = row(['B', 'Pennsylvania Avenue', '', '20500'], [
    { field: 'a6', from: 'Pennsylvania Avenue', to: 'Pennsylvania', rule: 'street' },
    { field: 'sts', from: '', to: 'AVE', rule: 'street' }]);
  const result = buildResult(headers, [gb, us], () => undefined, { columns });
  assert.deepEqual(result.rows[0].slice(0, 4), ['A', 'Downing Street', '', 'SW1A 2AA']);
  assert.deepEqual(result.rows[1].slice(0, 4), ['B', 'Pennsylvania', 'AVE', '20500']);
  // No column for the street type: the street stays as typed, so no word is lost.
  const noType = buildResult(['name', 'street'], [us], () => undefined, { columns: ['technicalSiteName', 'a6'] });
  assert.deepEqual(noType.rows[0].slice(0, 2), ['B', 'Pennsylvania Avenue']);
  // Without the mapping, the cells as they are (older callers).
  assert.equal(buildResult(headers, [gb], () => undefined).rows[0][3], 'sw1a 2aa');
});
