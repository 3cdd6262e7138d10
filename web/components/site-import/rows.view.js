// Part of <btalk-site-import>'s view: the mapping step's selects and the rows table. Built with h()
// (textContent only: API and file texts are data, never HTML).
import { h } from '../../internal/shared.js';
import { ALL_FIELDS, fieldLabel } from './columns.js';
import { resultStatus } from './result-csv.js';

/** The mapping step: one select per header. onChange(index, field|null). */
export function mappingControls(t, mapping, onChange) {
  return mapping.headers.map((header, i) => {
    const id = `map-${i}`;
    const select = h('select', { id, part: 'select', 'data-column': String(i), onchange: (e) => onChange(i, e.target.value || null) },
      h('option', { value: '', text: t('mapping.ignore') }),
      ALL_FIELDS.map((field) => h('option', { value: field, text: fieldLabel(t, field) })));
    select.value = mapping.columns[i] ?? '';
    return h('div', { class: `field${mapping.columns[i] ? '' : ' unmapped'}`, part: 'field' },
      h('label', { for: id, part: 'label', text: header || `#${i + 1}` }), select);
  });
}

/** The text of a row's address: formatted lines when the core can write them, else the values. */
export function addressText(row, formatLines) {
  const address = row.check?.address ?? row.address;
  if (formatLines && row.site.country) {
    try {
      const lines = formatLines(address, row.site.country);
      if (Array.isArray(lines) && lines.length) return lines.join('\n');
    } catch {
      // fall back to the values
    }
  }
  const line = (names) => names.map((n) => address[n]).filter(Boolean).join(' ');
  return [line(['bld']), line(['hno', 'hns', 'prd', 'a6', 'sts', 'pod']), line(['flr', 'unit', 'room']),
    line(['addrExtInfo1', 'a5', 'a4']), line(['pobox']), line(['pc', 'a3']), line(['a2', 'a1'])].filter(Boolean).join('\n');
}

/** The status shown for a row: its run state when it was run, else its validation status. */
export function rowStatusKey(row, record) {
  if (record && record.state !== 'pending') return record.state;
  return row.check?.status ?? 'ready';
}

/**
 * One <tr> of the table. `actions`: { edit(row), retryAddress(row), retryOrder(row) }.
 * problemText(problem) gives the shown message of a problem.
 */
export function rowElement(t, row, record, { formatLines, problemText, actions, locked }) {
  const statusKey = rowStatusKey(row, record);
  const problems = [...(record && record.state !== 'pending' ? [] : row.check?.problems ?? [])];
  // A run error in the element's words when it has a catalogue key, else the API's message.
  const runMessage = record?.error?.key ? t(record.error.key, record.error.params ?? {}) : record?.error?.message;
  if (record?.error) problems.push({ field: '', message: runMessage }, ...record.error.problems);
  const result = [];
  if (record?.voiceSiteId) result.push(h('span', { class: 'id', text: t('row.voiceSite', { id: record.voiceSiteId }) }));
  const buttons = [];
  if (!locked && (!record || record.state === 'pending' || record.state === 'orderFailed')) {
    buttons.push(h('button', { type: 'button', class: 'secondary small', part: 'edit-button', 'data-action': 'edit',
      'aria-label': t('row.edit', { row: row.number }), text: t('row.edit', { row: '' }).trim(), onclick: () => actions.edit(row) }));
  }
  if (record?.state === 'addressFailed') {
    buttons.push(h('button', { type: 'button', class: 'small', part: 'retry-button', 'data-action': 'retry-address',
      text: t('row.retryAddress', { row: row.number }), onclick: () => actions.retryAddress(row) }));
  }
  if (record?.state === 'orderFailed') {
    buttons.push(h('button', { type: 'button', class: 'small', part: 'retry-button', 'data-action': 'retry-order',
      text: t('row.retryOrder', { row: row.number }), onclick: () => actions.retryOrder(row) }));
  }
  const site = row.check?.order ?? row.site;
  // data-label: the column's header, shown before the value when a narrow table lays rows out as cards.
  const cell = (column, attributes, ...children) => h('td', { role: 'cell', 'data-label': t(`col.${column}`), ...attributes }, ...children);
  return h('tr', { role: 'row', 'data-row': String(row.number), 'data-status': resultStatus(row, record) },
    h('th', { scope: 'row', role: 'rowheader', 'data-label': t('col.row'), text: String(row.number) }),
    cell('status', {}, h('span', { part: 'badge', 'data-status': statusKey === 'pending' ? 'ready' : statusKey, text: t(`status.${statusKey}`) })),
    cell('site', { class: 'site' }, h('div', { text: site.technicalSiteName ?? '' }), h('div', { class: 'hint', text: site.customerSiteLabel ?? '' })),
    cell('country', { text: row.site.country ?? '' }),
    cell('address', { class: 'address', text: addressText(row, formatLines) }),
    cell('problems', { class: 'problems' }, problems.length ? h('ul', {}, problems.map((p) => h('li', { text: problemText(p, row) }))) : null),
    cell('result', {}, result),
    cell('actions', {}, buttons.length ? h('div', { class: 'actions' }, buttons) : null));
}

/**
 * The in-place editor of a row: one input per mapped column, labelled with the column's header and
 * the field it feeds. The fields the row's check refused are marked (aria-invalid, their message
 * under them); `first` is the first of them (else the first input), to focus. onSave(cells) / onCancel().
 * `problemText(problem, row)`: a problem's message.
 */
export function editorElement(t, row, mapping, { onSave, onCancel, problemText = (p) => String(p.message ?? '') }) {
  const inputs = [];
  const refused = new Map(); // field -> its first problem
  for (const problem of row.check?.problems ?? []) if (problem.field && !refused.has(problem.field)) refused.set(problem.field, problem);
  let firstRefused = null;
  const fields = mapping.headers.map((header, i) => {
    const field = mapping.columns[i];
    if (!field) return null;
    const id = `edit-${row.number}-${i}`;
    const problem = refused.get(field);
    const error = problem ? h('p', { id: `${id}-error`, part: 'error', class: 'error', text: problemText(problem, row) }) : null;
    const input = h('input', {
      id, type: 'text', part: 'input', 'data-column': String(i), spellcheck: 'false', props: { value: row.cells[i] ?? '' },
      'aria-invalid': problem ? 'true' : null, 'aria-describedby': problem ? `${id}-error` : null,
    });
    inputs.push([i, input]);
    if (problem && !firstRefused) firstRefused = input;
    const label = header && header !== fieldLabel(t, field) ? `${header} (${fieldLabel(t, field)})` : fieldLabel(t, field);
    return h('div', { class: `field${problem ? ' invalid' : ''}`, part: 'field' }, h('label', { for: id, part: 'label', text: label }), input, error);
  });
  const save = () => {
    const cells = [...row.cells];
    for (const [i, input] of inputs) cells[i] = input.value;
    onSave(cells);
  };
  const form = h('div', { class: 'stack', role: 'group', 'aria-label': t('row.edit', { row: row.number }),
    onkeydown: (e) => { if (e.key === 'Escape') onCancel(); if (e.key === 'Enter' && e.target.tagName === 'INPUT') save(); } },
  h('div', { class: 'editor-grid' }, fields),
  h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'small', 'data-action': 'save', text: t('row.save', { row: row.number }), onclick: save }),
    h('button', { type: 'button', class: 'secondary small', 'data-action': 'cancel', text: t('row.cancel'), onclick: onCancel })));
  return { element: h('tr', { role: 'row', class: 'editor', 'data-editor': String(row.number) }, h('td', { role: 'cell', colspan: '8' }, form)), first: firstRefused ?? inputs[0]?.[1] };
}
