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
 * { headers, rows } of the result file.
 * @param {string[]} headers the file's headers
 * @param {Array<{ key, cells, check }>} rows the rows, cells as corrected
 * @param {(key) => object|undefined} recordOf the run record of a row
 * @param {{ civicAddress?: (row) => string }} [options] adds a civicAddress column
 */
export function buildResult(headers, rows, recordOf, { civicAddress } = {}) {
  const extra = [...RESULT_COLUMNS, ...(civicAddress ? ['civicAddress'] : [])];
  const names = new Set(headers);
  const added = extra.map((name) => (names.has(name) ? `result.${name}` : name));
  return {
    headers: [...headers, ...added],
    rows: rows.map((row) => {
      const record = recordOf(row.key);
      const cells = headers.map((_, i) => row.cells[i] ?? '');
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
