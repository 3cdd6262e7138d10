// The result of a site import as CSV rows (DOM-free): the file's columns (with the user's
// corrections) plus voiceSiteId, orderId, status and problems, and a civic address XML
// column (RFC 5139) when the core can write one.

import { ROW_STATE } from './run-engine.js';

export const RESULT_COLUMNS = Object.freeze(['voiceSiteId', 'orderId', 'status', 'problems']);

/** A row's overall status: its run state when it was run, else its validation status. */
export function resultStatus(row, record) {
  switch (record?.state) {
    case ROW_STATE.DONE: return 'done';
    case ROW_STATE.ADDRESS_FAILED: return 'orderedAddressMissing';
    case ROW_STATE.ORDERED:
    case ROW_STATE.ADDRESSING: return 'orderedAddressMissing';
    case ROW_STATE.ORDER_FAILED: return 'orderFailed';
    default: break;
  }
  return row.check?.status ?? 'notValidated';
}

/** "field: message; field: message" from validation problems and the run's error. */
export function problemsText(row, record) {
  const items = [];
  if (!record || record.state === ROW_STATE.PENDING) {
    for (const p of row.check?.problems ?? []) items.push(p.field ? `${p.field}: ${p.message}` : p.message);
  }
  if (record?.error) {
    items.push(record.error.message);
    for (const p of record.error.problems ?? []) items.push(p.field ? `${p.field}: ${p.message}` : p.message);
  }
  return items.join('; ');
}

/**
 * The canonical values the check gave a row's mapped address columns ("sw1a 2aa" -> "SW1A 2AA"):
 * column index -> value. A street split (a6 -> a6 + sts...) counts only when every part has a
 * column, so the file never loses a word.
 */
function normalizedCells(row, columns) {
  const fixes = new Map();
  const changes = row.check?.changes;
  if (!Array.isArray(columns) || !Array.isArray(changes) || !changes.length) return fixes;
  const columnOf = new Map(columns.map((field, i) => [field, i]).filter(([field]) => field));
  const street = changes.filter((c) => c.rule === 'street');
  const streetFits = street.every((c) => columnOf.has(c.field));
  for (const change of changes) {
    if (!columnOf.has(change.field) || (change.rule === 'street' && !streetFits)) continue;
    if (typeof change.to === 'string') fixes.set(columnOf.get(change.field), change.to);
  }
  // A split that does not fit leaves a6 as typed, even where other rules changed it later.
  if (!streetFits && columnOf.has('a6')) fixes.delete(columnOf.get('a6'));
  return fixes;
}

/**
 * { headers, rows } of the result file.
 * @param {string[]} headers the file's headers
 * @param {Array<{ key, cells, check }>} rows the rows, cells as corrected
 * @param {(key) => object|undefined} recordOf the run record of a row
 * @param {{ civicAddress?: (row) => string, columns?: Array<string|null> }} [options] civicAddress adds a
 *   civicAddress column; columns (the field of each header) puts the checked, canonical values in the
 *   address columns, as they were ordered
 */
export function buildResult(headers, rows, recordOf, { civicAddress, columns } = {}) {
  const extra = [...RESULT_COLUMNS, ...(civicAddress ? ['civicAddress'] : [])];
  const names = new Set(headers);
  const added = extra.map((name) => (names.has(name) ? `result.${name}` : name));
  return {
    headers: [...headers, ...added],
    rows: rows.map((row) => {
      const record = recordOf(row.key);
      const fixes = normalizedCells(row, columns);
      const cells = headers.map((_, i) => fixes.get(i) ?? row.cells[i] ?? '');
      cells.push(record?.voiceSiteId ?? '', record?.orderId ?? '', resultStatus(row, record), problemsText(row, record));
      if (civicAddress) {
        let xml = '';
        try {
          xml = row.check ? civicAddress(row) : '';
        } catch {
          xml = ''; // a value XML cannot carry: this column stays empty, the problems column says what is wrong
        }
        cells.push(xml);
      }
      return cells;
    }),
  };
}
