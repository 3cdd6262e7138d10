// <btalk-site-import>'s view: the fixed structure of its shadow DOM (the four steps: file, columns,
// rows, order, and their controls, filled into `ui`), its texts and the order step's state. The
// mapping selects and the rows table are rows.view.js. Texts are set as textContent only; `on`
// holds the element's handlers.
import { h } from '../../internal/shared.js';
import { ChoiceField } from '../../internal/choice-field.js';
// The customer list is a select, or a type-ahead combobox (parts combobox, listbox, option, option-active) past 30.

export function buildSkeleton(ui, on) {
  ui.title = h('h2', { class: 'title', part: 'title' });
  // Visually hidden: the same counts are on screen; this only announces them (throttled).
  ui.live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  ui.error = h('p', { part: 'error', role: 'alert', class: 'error' });
  ui.errorRetry = h('button', { type: 'button', class: 'secondary', id: 'error-retry', hidden: true, onclick: on.retryLoad });
  // Source step
  ui.customerChoice = new ChoiceField({
    id: 'customer-select', labelId: 'customer-label', part: 'select', h, text: on.text, onChange: (code) => on.customer(code),
  });
  ui.customerLabel = h('label', { for: 'customer-select', id: 'customer-label', part: 'label' });
  ui.customerField = h('div', { class: 'field', part: 'field', hidden: true }, ui.customerLabel, ui.customerChoice.root);
  ui.customerInfo = h('p', { class: 'hint' });
  ui.fileInput = h('input', { id: 'file-input', type: 'file', accept: '.csv,text/csv,text/plain', part: 'input',
    onchange: (e) => { const [file] = e.target.files; if (file) on.file(file); } });
  ui.fileLabel = h('label', { for: 'file-input', part: 'label' });
  ui.dropHint = h('span', { class: 'hint' });
  ui.drop = h('div', { part: 'dropzone', class: 'dropzone' }, ui.fileLabel, ui.fileInput, ui.dropHint);
  for (const [type, over] of [['dragenter', true], ['dragover', true], ['dragleave', false], ['drop', false]]) {
    ui.drop.addEventListener(type, (event) => {
      event.preventDefault();
      ui.drop.classList.toggle('over', over);
      const [file] = event.dataTransfer?.files ?? [];
      if (type === 'drop' && file) on.file(file);
    });
  }
  ui.pasteLabel = h('label', { for: 'paste-input', part: 'label' });
  ui.paste = h('textarea', { id: 'paste-input', spellcheck: 'false', part: 'input' });
  ui.pasteButton = h('button', { type: 'button', class: 'secondary', id: 'paste-button',
    onclick: () => on.paste(ui.paste.value) });
  ui.sourceStatus = h('p', { part: 'status', class: 'hint' });
  ui.sourceHint = h('p', { class: 'hint' });
  ui.resumeText = h('p', {});
  ui.resumeButton = h('button', { type: 'button', id: 'resume-button', onclick: on.resume });
  ui.discardButton = h('button', { type: 'button', class: 'secondary', id: 'discard-button', onclick: on.discard });
  ui.resume = h('div', { class: 'stack', part: 'resume', hidden: true }, ui.resumeText, h('div', { class: 'actions' }, ui.resumeButton, ui.discardButton));
  ui.sourceTitle = h('h3', {});
  ui.source = h('section', { part: 'step', 'data-step': 'source' }, ui.sourceTitle, ui.sourceHint, ui.customerField, ui.customerInfo,
    ui.resume, ui.drop, h('div', { class: 'field', part: 'field' }, ui.pasteLabel, ui.paste), h('div', { class: 'actions' }, ui.pasteButton), ui.sourceStatus);
  // Mapping step
  ui.mappingTitle = h('h3', {});
  ui.mappingHint = h('p', { class: 'hint' });
  ui.mappingGrid = h('div', { class: 'mapping-grid' });
  ui.mappingStatus = h('p', { part: 'status', id: 'mapping-status' });
  ui.applyButton = h('button', { type: 'button', id: 'apply-mapping', onclick: on.validate });
  ui.mapping = h('section', { part: 'step', 'data-step': 'mapping', hidden: true }, ui.mappingTitle, ui.mappingHint, ui.mappingGrid,
    ui.mappingStatus, h('div', { class: 'actions' }, ui.applyButton));
  // Rows step
  ui.rowsTitle = h('h3', {});
  ui.validateProgress = h('progress', { part: 'progress', id: 'validate-progress', hidden: true });
  ui.summary = h('p', { id: 'summary' });
  ui.filter = h('input', { type: 'checkbox', id: 'problems-only', onchange: on.filter });
  ui.filterLabel = h('label', { for: 'problems-only' });
  ui.caption = h('caption', {});
  // Explicit roles: a table shown as cards on a narrow screen stays a table to screen readers.
  ui.tbody = h('tbody', { role: 'rowgroup' });
  ui.headRow = h('tr', { role: 'row' });
  ui.table = h('table', { part: 'table', role: 'table' }, ui.caption, h('thead', { role: 'rowgroup' }, ui.headRow), ui.tbody);
  ui.rowsStep = h('section', { part: 'step', 'data-step': 'rows', hidden: true }, ui.rowsTitle, ui.validateProgress, ui.summary,
    h('div', { class: 'actions' }, h('span', { class: 'filter' }, ui.filter, ui.filterLabel)), h('div', { class: 'table-wrap' }, ui.table));
  // Order step
  ui.orderTitle = h('h3', {});
  ui.orderButton = h('button', { type: 'button', id: 'order-button', part: 'order-button', onclick: on.order });
  ui.runProgressLabel = h('label', { for: 'run-progress' });
  ui.runProgress = h('progress', { id: 'run-progress', part: 'progress', value: 0, max: 1 });
  ui.runCounts = h('p', { id: 'run-counts' });
  // A 429's wait, counting down (announced once through ui.live, so not a live region itself).
  ui.waitStatus = h('p', { id: 'run-wait', part: 'status', hidden: true });
  ui.pauseButton = h('button', { type: 'button', class: 'secondary', id: 'pause-button', onclick: on.pause });
  ui.cancelButton = h('button', { type: 'button', class: 'secondary', id: 'cancel-button', onclick: on.cancel });
  ui.retryAddresses = h('button', { type: 'button', class: 'secondary', id: 'retry-addresses', onclick: on.retryAddresses });
  ui.retryOrders = h('button', { type: 'button', class: 'secondary', id: 'retry-orders', onclick: on.retryOrders });
  ui.downloadButton = h('button', { type: 'button', class: 'secondary', id: 'download-button', part: 'download', onclick: on.download });
  ui.runBox = h('div', { class: 'stack', hidden: true }, h('div', { class: 'field' }, ui.runProgressLabel, ui.runProgress), ui.runCounts, ui.waitStatus);
  ui.orderStep = h('section', { part: 'step', 'data-step': 'order', hidden: true }, ui.orderTitle,
    h('div', { class: 'actions' }, ui.orderButton, ui.pauseButton, ui.cancelButton), ui.runBox,
    h('div', { class: 'actions' }, ui.retryAddresses, ui.retryOrders, ui.downloadButton));
  return h('div', { class: 'container', part: 'base' }, ui.title, h('div', { class: 'actions' }, ui.error, ui.errorRetry), ui.source, ui.mapping, ui.rowsStep, ui.orderStep, ui.live);
}

/** The fixed texts of the skeleton, in the element's language. */
export function renderTexts(ui, t) {
  ui.title.textContent = t('title');
  ui.sourceTitle.textContent = t('source.title');
  ui.sourceHint.textContent = t('source.hint');
  ui.customerLabel.textContent = t('customer.label');
  ui.fileLabel.textContent = t('source.file');
  ui.dropHint.textContent = t('source.drop');
  ui.pasteLabel.textContent = t('source.paste');
  ui.pasteButton.textContent = t('source.pasteButton');
  ui.resumeButton.textContent = t('resume.button');
  ui.discardButton.textContent = t('resume.discard');
  ui.mappingTitle.textContent = t('mapping.title');
  ui.mappingHint.textContent = t('mapping.hint');
  ui.applyButton.textContent = t('mapping.apply');
  ui.rowsTitle.textContent = t('validate.title');
  ui.filterLabel.textContent = t('filter.problems');
  ui.orderTitle.textContent = t('order.title');
  ui.runProgressLabel.textContent = t('order.progress');
  ui.cancelButton.textContent = t('order.cancel');
  ui.downloadButton.textContent = t('download.button');
  ui.errorRetry.textContent = t('error.retry');
  ui.headRow.replaceChildren(...['row', 'status', 'site', 'country', 'address', 'problems', 'result', 'actions']
    .map((c) => h('th', { scope: 'col', role: 'columnheader', text: t(`col.${c}`) })));
}

/** The order step's buttons, progress and counts for the run's state. */
export function renderRunState(ui, t, { toOrder, ready, checked, running, paused, validating, customer, counts }) {
  ui.orderStep.hidden = !checked;
  const allDone = toOrder === 0 && ready > 0;
  ui.orderButton.textContent = allDone ? t('order.allDone')
    : t('order.button', { count: toOrder }); // plural forms: order.button.one, …
  ui.orderButton.disabled = running || validating || toOrder === 0 || !customer;
  ui.pauseButton.hidden = !running;
  ui.cancelButton.hidden = !running;
  ui.pauseButton.textContent = paused ? t('order.resume') : t('order.pause');
  ui.runBox.hidden = !counts;
  if (counts) {
    ui.runProgress.max = Math.max(1, counts.total);
    ui.runProgress.value = counts.finished;
    ui.runCounts.textContent = t('order.counts', counts);
  }
  ui.retryAddresses.hidden = running || !counts?.addressFailed;
  ui.retryAddresses.textContent = t('order.retryAddresses', { count: counts?.addressFailed ?? 0 });
  ui.retryOrders.hidden = running || !counts?.failed;
  ui.retryOrders.textContent = t('order.retryOrders', { count: counts?.failed ?? 0 });
  ui.downloadButton.hidden = !checked;
}

/** Offers `text` as a file download (a temporary blob: link, never a data: URL in the DOM for long). */
export function downloadText(root, name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name });
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
