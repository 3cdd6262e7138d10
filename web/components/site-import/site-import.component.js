// <btalk-site-import>: bulk site import. A CSV file (picker, drop or paste) -> column mapping
// -> every row checked by the core before anything is ordered -> "Order N ready sites": each
// row ordered exactly once (deterministic reference) then given its voiceaddress -> result CSV.
// The logic lives in DOM-free modules (csv, columns, row-validation, run-engine, progress-store,
// result-csv); this class wires them to the UI.

import { BaseElement } from '../../internal/base.js';
import { BtalkClient } from '../../client.js';
import { CATALOGUE as ADDRESS_FORM_STRINGS } from '../address-form/address-form.strings.js';
import { BASE_CSS, adoptStyles, clientFor, emit, h, headingLevelOf, upgradeProperties } from '../../internal/shared.js';
import { LocalizeController, Localizer, withOverrides } from '../../internal/localize.js';
import { FormatHints, problemText } from '../../internal/problem-text.js';
import { SITE_IMPORT_CSS } from './site-import.styles.js';
import { CATALOGUE as catalogue } from './site-import.strings.js';
import { decodeText, loadPapa, parseCsv, toCsv } from './csv.js';
import { describeMapping, proposeMapping, readRow } from './columns.js';
import { RowValidator, STATUS } from './row-validation.js';
import { ImportRun } from './run-engine.js';
import { defaultProgressStore } from './progress-store.js';
import { buildResult } from './result-csv.js';
import { importIdFor } from './reference.js';
import { editorElement, fieldLabel, mappingControls, rowElement } from './views.js';
import { buildSkeleton, downloadText, renderRunState, renderTexts } from './skeleton.js';

/**
 * Bulk site import: validates a CSV of sites against each country's rules, then orders the
 * ready ones (exactly once each) and pushes their addresses.
 *
 * @tag btalk-site-import
 * @summary Bulk CSV import of voicesites: column mapping, every row checked, ordered exactly once, with resume.
 *
 * @attr {string} api-base - API base URL (proxy mode unless the `credentials` property is set).
 * @attr {string} customer-code - The customer to order for; without it the user chooses one.
 * @attr {string} lang - Language of the element's texts (en, fr, de, es, it, nl, pt); default: the closest ancestor's `lang`.
 * @attr {number} heading-level - Level (1-5) of the element's title; steps use the next level.
 * @attr {number} concurrency - Rows ordered at once (1-16, default 4).
 * @attr {string} import-id - The import's id in references (default: a hash of the customer and the file's sites).
 * @attr {string} papaparse-src - URL of papaparse.min.js for pages without a bundler.
 *
 * @prop {BtalkClient} client - The API client (default: one made from api-base).
 * @prop {Function} credentials - Direct mode: async () => ({ accessToken, apiKey }). Never stored.
 * @prop {object} strings - Overrides of the element's texts (flat or per language).
 * @prop {object} store - Where progress is kept (default: IndexedDB). Never holds a secret.
 * @prop {Array} rows - The rows read from the file, with their check and run record (read-only).
 * @prop {string} importId - The import's id, used in every row's order reference (read-only).
 *
 * @fires btalk-import-progress - Rows checked or ordered: detail { phase: 'validating'|'ordering', done, total, counts? }.
 * @fires btalk-import-row - A row's run record changed: detail { row, state, reference, orderId, voiceSiteId, error, technicalSiteName }.
 * @fires btalk-import-done - The run ended: detail { counts, cancelled }.
 * @fires btalk-error - Loading, reading or checking failed: detail { message, status, code }.
 *
 * @csspart base - Everything inside the element.
 * @csspart title - The element's title.
 * @csspart step - Each step (source, mapping, rows, order).
 * @csspart resume - The offer to resume an import that stopped before the end.
 * @csspart dropzone - The file drop area.
 * @csspart field - A label + control pair.
 * @csspart label - A label.
 * @csspart input - A text input, the file input and the paste area.
 * @csspart select - A select (customer, column mapping).
 * @csspart table - The rows table.
 * @csspart badge - A row's status.
 * @csspart status - Status texts (file read, mapping notes).
 * @csspart error - An error message.
 * @csspart progress - The progress bars (checking, ordering).
 * @csspart order-button - The "Order N ready sites" button.
 * @csspart edit-button - A row's Edit button.
 * @csspart retry-button - A row's retry button (its order or its address).
 * @csspart download - The result download button.
 *
 * @cssproperty --btalk-color-accent - Buttons, focus ring, progress.
 * @cssproperty --btalk-color-text - Text.
 * @cssproperty --btalk-color-bg - Background.
 * @cssproperty --btalk-color-border - Borders.
 * @cssproperty --btalk-color-error - Problems.
 * @cssproperty --btalk-font - Font family.
 * @cssproperty --btalk-radius - Corner radius.
 * @cssproperty --btalk-gap - Space between steps.
 * @cssproperty --btalk-import-table-height - The rows table's maximum height.
 */
export class BtalkSiteImport extends BaseElement {
  static get observedAttributes() { return ['lang', 'customer-code', 'api-base', 'heading-level']; }

  #l10n;
  #client = null;
  #credentials = null;
  #strings = null;
  #store = null;
  #ui = {};
  #file = null; // { name, headers, rows: string[][] }
  #mapping = null;
  #rows = [];
  #validator = null;
  #customers = null;
  #customerCode = '';
  #importId = '';
  #run = null;
  #core = null;
  #validating = false;
  #editing = null;
  #finished = false;
  #liveTimer = null;
  #retryLoad = null; // what the error's Retry button does again
  #revalidate = false;
  #validatedFor = null; // the customer the rows were last checked for
  #resumedImportId = null; // a resumed import keeps its saved id
  #wording = null; // the address form's strings for problems, in this language (a Localizer)
  #formatHints = new FormatHints();

  constructor() {
    super();
    this.#l10n = new LocalizeController(this, {
      catalogue,
      // Problems read as the address form words them: its strings for the language follow.
      onChange: () => {
        this.#wording = null;
        this.#renderAll();
        ADDRESS_FORM_STRINGS.load(this.#l10n.lang).then(() => { this.#wording = null; this.#renderAll(); });
      },
    });
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root, BASE_CSS);
    adoptStyles(root, SITE_IMPORT_CSS);
    root.append(this.#build());
  }

  connectedCallback() {
    upgradeProperties(this, ['client', 'credentials', 'strings', 'store']);
    this.#l10n.hostConnected();
    this.#renderAll();
    this.#loadCustomers();
    this.#offerResume();
  }

  disconnectedCallback() {
    this.#l10n.hostDisconnected();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    if (name === 'lang') this.#l10n.update();
    else if (name === 'customer-code') this.#loadCustomers();
    else if (name === 'heading-level') this.#renderAll();
    else if (name === 'api-base') this.#client = null;
  }

  get client() {
    // Without a page-given client: the one shared by elements with the same api-base and credentials.
    return this.#client ?? clientFor({ client: null, credentials: this.#credentials, getAttribute: (name) => this.getAttribute(name) }, BtalkClient);
  }
  set client(value) { this.#client = value ?? null; }
  get credentials() { return this.#credentials; }
  set credentials(value) { this.#credentials = typeof value === 'function' ? value : null; }
  get strings() { return this.#strings; }
  set strings(value) { this.#strings = value && typeof value === 'object' ? value : null; this.#l10n.update(); }
  get store() { return this.#store ??= defaultProgressStore(); }
  set store(value) { this.#store = value ?? null; }
  get rows() { return this.#rows.map((row) => ({ number: row.number, cells: [...row.cells], check: row.check, record: this.#run?.record(row.key) ?? null })); }
  get importId() { return this.#importId; }

  #t(key, params) { return this.#l10n.t(key, params); }

  // ---- structure ---------------------------------------------------------

  #build() {
    return buildSkeleton(this.#ui, {
      customer: (code) => this.#setCustomer(code),
      file: (file) => this.importFile(file),
      paste: (text) => this.importText(text, this.#t('source.pasted')),
      resume: () => this.#resume(),
      discard: () => this.#discardSaved(),
      validate: () => this.validate(),
      filter: () => this.#renderTable(),
      order: () => this.order(),
      pause: () => this.#togglePause(),
      cancel: () => this.cancel(),
      retryAddresses: () => this.#retry('addresses'),
      retryOrders: () => this.#retry('orders'),
      download: () => this.#download(),
      retryLoad: () => { const again = this.#retryLoad; this.#clearError(); again?.(); },
    });
  }

  #renderAll() {
    const ui = this.#ui;
    const level = headingLevelOf(this, 5) ?? 2;
    if (ui.title.tagName !== `H${level}`) {
      for (const key of ['title', 'sourceTitle', 'mappingTitle', 'rowsTitle', 'orderTitle']) {
        const next = h(key === 'title' ? `h${level}` : `h${level + 1}`, { class: ui[key].className });
        ui[key].replaceWith(next);
        ui[key] = next;
      }
    }
    renderTexts(ui, (key, params) => this.#t(key, params));
    if (this.#mapping) this.#renderMapping();
    this.#renderTable();
    this.#renderRun();
  }

  // ---- customer ----------------------------------------------------------

  async #loadCustomers() {
    const fixed = this.getAttribute('customer-code');
    if (fixed) {
      this.#ui.customerField.hidden = true;
      this.#setCustomer(fixed);
      return;
    }
    this.#ui.customerInfo.textContent = this.#t('customer.loading');
    try {
      this.#customers ??= await this.client.customers();
    } catch (error) {
      this.#fail('error.load', error, () => this.#loadCustomers());
      return;
    }
    const list = this.#customers;
    this.#ui.customerInfo.textContent = '';
    if (list.length === 1) {
      this.#ui.customerInfo.textContent = this.#t('customer.single', { name: list[0].name, code: list[0].customerCode });
      this.#setCustomer(list[0].customerCode);
      return;
    }
    this.#ui.customerField.hidden = false;
    this.#ui.customerSelect.replaceChildren(h('option', { value: '', text: this.#t('customer.choose') }),
      ...list.map((c) => h('option', { value: c.customerCode, text: `${c.name} (${c.customerCode})` })));
    this.#ui.customerSelect.value = this.#customerCode;
  }

  #setCustomer(code) {
    if (code === this.#customerCode) return;
    this.#customerCode = code;
    if (this.#rows.length && !this.#run?.running) this.validate();
  }

  // ---- reading -----------------------------------------------------------

  /** Reads a File (picker or drop). */
  async importFile(file) {
    this.#ui.sourceStatus.textContent = this.#t('source.reading', { name: file.name });
    try {
      const text = decodeText(await file.arrayBuffer());
      await this.importText(text, file.name);
    } catch (error) {
      this.#ui.sourceStatus.textContent = this.#t('source.failed', { message: error.message });
    }
  }

  /** Reads CSV text (a file's or pasted), proposes the mapping, and checks the rows when every column is matched. */
  async importText(text, name = 'sites.csv') {
    if (this.#run?.running) return;
    this.#clearError();
    let parsed;
    try {
      const papa = await loadPapa({ url: this.getAttribute('papaparse-src') || undefined });
      parsed = parseCsv(text, papa);
    } catch (error) {
      this.#ui.sourceStatus.textContent = this.#t('source.failed', { message: error.message });
      return;
    }
    this.#file = { name, headers: parsed.headers, rows: parsed.rows };
    this.#mapping = proposeMapping(parsed.headers);
    this.#run = null;
    this.#resumedImportId = null;
    this.#finished = false;
    this.#rows = parsed.rows.map((cells, i) => ({ key: i + 2, number: i + 2, cells, original: [...cells], check: null }));
    this.#ui.sourceStatus.textContent = this.#t('source.read', { name, count: parsed.rows.length, columns: parsed.headers.length });
    this.#renderMapping();
    this.#ui.mapping.hidden = false;
    if (this.#mapping.unmapped.length === 0 && this.#mapping.missing.length === 0) await this.validate();
  }

  #renderMapping() {
    const m = this.#mapping;
    this.#ui.mappingGrid.replaceChildren(...mappingControls((k, p) => this.#t(k, p), m, (i, field) => {
      const columns = [...this.#mapping.columns];
      columns[i] = field;
      this.#mapping = describeMapping(this.#mapping.headers, columns);
      this.#renderMapping();
      this.#ui.mappingGrid.querySelector(`[data-column="${i}"]`)?.focus();
    }));
    const notes = [];
    if (m.unmapped.length) notes.push(this.#t(m.unmapped.length === 1 ? 'mapping.unmapped.one' : 'mapping.unmapped', { count: m.unmapped.length }));
    if (m.missing.length) notes.push(this.#t('mapping.missing', { fields: m.missing.map((f) => fieldLabel((k, p) => this.#t(k, p), f)).join(', ') }));
    if (m.duplicates.length) notes.push(this.#t('mapping.duplicate', { fields: m.duplicates.join(', ') }));
    this.#ui.mappingStatus.textContent = notes.join(' ');
  }

  // ---- validation --------------------------------------------------------

  /** Checks every row with the core (site fields, coverage, address, geo areas, dial zone). */
  async validate() {
    if (!this.#file || this.#run?.running) return;
    if (this.#validating) {
      this.#revalidate = true; // the customer (or the mapping) changed meanwhile: check again after this pass
      return;
    }
    this.#validating = true;
    this.#revalidate = false;
    const customerCode = this.#customerCode;
    const ui = this.#ui;
    ui.rowsStep.hidden = false;
    ui.validateProgress.hidden = false;
    ui.validateProgress.removeAttribute('value');
    this.#clearError();
    try {
      const client = this.client;
      const [core, countries, vpns] = await Promise.all([
        client.core(), client.countries(), customerCode ? client.vpns(customerCode) : Promise.resolve([]),
      ]);
      this.#core = core;
      for (const row of this.#rows) Object.assign(row, readRow(row.cells, this.#mapping.columns));
      this.#importId = importIdFor(customerCode, this.#rows.map((r) => readRow(r.original, this.#mapping.columns).site),
        this.#resumedImportId ?? this.getAttribute('import-id') ?? undefined);
      this.#validator?.dispose();
      this.#validator = new RowValidator({ core, client, vpns, countries });
      const count = new Set(this.#rows.map((r) => r.site.country).filter(Boolean)).size;
      this.#say(this.#t('validate.loading', { count }));
      await this.#validator.prepare(this.#rows);
      ui.validateProgress.max = this.#rows.length;
      await this.#validator.validateRows(this.#rows, {
        customerCode, importId: this.#importId,
        onProgress: (done, total) => {
          ui.validateProgress.value = done;
          this.#say(this.#t('validate.running', { done, total }));
          emit(this, 'btalk-import-progress', { phase: 'validating', done, total });
        },
      });
    } catch (error) {
      this.#fail('validate.failed', error, () => this.validate());
    } finally {
      this.#validating = false;
      ui.validateProgress.hidden = true;
    }
    if (this.#revalidate) {
      await this.validate();
      return;
    }
    this.#validatedFor = customerCode;
    this.#renderTable();
    this.#renderRun();
    this.#say(ui.summary.textContent);
  }

  /**
   * A problem as the address form shows it (internal/problem-text.js): the same wording, format
   * hint and broken-rule text, from the address form's strings for this language.
   */
  #problemText(problem, row) {
    const field = row ? this.#validator?.fieldOf(row.site.country, problem.field) : null;
    const lang = this.#l10n.lang;
    this.#wording ??= new Localizer(withOverrides(ADDRESS_FORM_STRINGS.peek(lang), lang, this.#strings), lang);
    const t = (key, params) => this.#wording.t(key, params);
    return problemText(problem, field, t, (f, p) => this.#formatHints.text(this.#core, f, p, t));
  }

  #renderTable() {
    const ui = this.#ui;
    if (!this.#file) return;
    const counts = { ready: 0, problems: 0, notCovered: 0 };
    for (const row of this.#rows) if (row.check) counts[row.check.status] += 1;
    ui.summary.textContent = this.#rows.some((r) => r.check) ? this.#t('validate.summary', counts) : '';
    const only = ui.filter.checked;
    const shown = this.#rows.filter((row) => {
      if (!only) return true;
      const state = this.#run?.record(row.key)?.state;
      return row.check?.status !== STATUS.READY || state === 'orderFailed' || state === 'addressFailed';
    });
    ui.caption.textContent = this.#t('table.caption', { name: this.#file.name, count: shown.length });
    const formatLines = this.#formatLines();
    const actions = {
      edit: (row) => this.#edit(row),
      retryAddress: (row) => this.#retry('addresses', row.key),
      retryOrder: (row) => this.#retry('orders', row.key),
    };
    const locked = !!this.#run?.running;
    const fragment = document.createDocumentFragment();
    for (const row of shown) {
      fragment.append(rowElement((k, p) => this.#t(k, p), row, this.#run?.record(row.key),
        { formatLines, problemText: (p, r) => this.#problemText(p, r), actions, locked }));
    }
    ui.tbody.replaceChildren(fragment);
  }

  /** The core's postal lines for an address, when the core can write them. */
  #formatLines() {
    const core = this.#core;
    return typeof core?.formatAddress === 'function' ? (address, country) => core.formatAddress(address, { country }) : null;
  }

  #updateRow(key) {
    const row = this.#rows.find((r) => r.key === key);
    const current = this.#ui.tbody.querySelector(`tr[data-row="${key}"]`);
    if (!row || !current) return;
    current.replaceWith(rowElement((k, p) => this.#t(k, p), row, this.#run?.record(key), {
      formatLines: this.#formatLines(), problemText: (p, r) => this.#problemText(p, r), locked: !!this.#run?.running,
      actions: { edit: (r) => this.#edit(r), retryAddress: (r) => this.#retry('addresses', r.key), retryOrder: (r) => this.#retry('orders', r.key) },
    }));
  }

  #edit(row) {
    this.#editing?.remove();
    const current = this.#ui.tbody.querySelector(`tr[data-row="${row.number}"]`);
    const { element, first } = editorElement((k, p) => this.#t(k, p), row, this.#mapping, {
      onSave: (cells) => {
        row.cells = cells;
        Object.assign(row, readRow(cells, this.#mapping.columns));
        this.#validator.validate(row, { customerCode: this.#customerCode, importId: this.#importId });
        this.#editing = null;
        this.#validator.prepare([row]).then(() => {
          this.#validator.validate(row, { customerCode: this.#customerCode, importId: this.#importId });
          this.#renderTable();
          this.#renderRun();
          this.#ui.tbody.querySelector(`tr[data-row="${row.number}"] button`)?.focus();
        });
      },
      onCancel: () => { element.remove(); this.#editing = null; current?.querySelector('button')?.focus(); },
    });
    this.#editing = element;
    current?.after(element);
    first?.focus();
  }

  // ---- ordering ----------------------------------------------------------

  #readyRows() {
    return this.#rows.filter((row) => row.check?.status === STATUS.READY);
  }

  /** Ready rows this element has not finished yet (a resumed or repeated run skips the rest). */
  #toOrder() {
    return this.#readyRows().filter((row) => {
      const state = this.#run?.record(row.key)?.state;
      return state !== 'done' && state !== 'addressFailed';
    });
  }

  /** Orders every ready row, then pushes its address; resolves with the counts when the run ends. */
  async order() {
    if (this.#run?.running || this.#validating) return undefined;
    const ready = this.#readyRows();
    if (!ready.length || !this.#customerCode || this.#validatedFor !== this.#customerCode) return undefined;
    const store = this.store;
    await store.saveImport({
      importId: this.#importId, customerCode: this.#customerCode, fileName: this.#file.name, headers: this.#file.headers,
      columns: this.#mapping.columns, rows: this.#rows.map((r) => ({ number: r.number, cells: r.cells, original: r.original })),
      finished: false, updatedAt: Date.now(),
    }).catch(() => {});
    const saved = await store.loadRecords(this.#importId).catch(() => []);
    const previous = this.#run;
    this.#run = new ImportRun({
      client: this.client, customerCode: this.#customerCode, importId: this.#importId, store,
      concurrency: Number.parseInt(this.getAttribute('concurrency') ?? '4', 10) || 4,
      onRow: (record) => {
        const row = this.#rows.find((r) => r.key === record.key);
        this.#updateRow(record.key);
        emit(this, 'btalk-import-row', { row: record.key, state: record.state, reference: record.reference,
          orderId: record.orderId, voiceSiteId: record.voiceSiteId, error: record.error, technicalSiteName: row?.check?.order.technicalSiteName });
      },
      onProgress: (counts) => { this.#renderRun(); this.#sayThrottled(); emit(this, 'btalk-import-progress', { phase: 'ordering', done: counts.finished, total: counts.total, counts }); },
    });
    const records = [...saved, ...(previous?.records ?? [])];
    this.#run.add(ready.map((row) => ({ key: row.key, reference: row.check.order.customerOrderReference, order: row.check.order, address: row.check.address })), records);
    // Rows whose order failed before are sent again too (same reference: never a second voicesite).
    return this.#runToEnd(this.#run.retryOrders());
  }

  async #runToEnd(promise) {
    this.#finished = false;
    this.#renderTable();
    this.#renderRun();
    const counts = await promise;
    const cancelled = this.#run.cancelled;
    this.#finished = true;
    const complete = counts.done === counts.total;
    this.store.saveImport({ ...(await this.store.loadImport(this.#importId).catch(() => null) ?? { importId: this.#importId }),
      finished: complete || cancelled, updatedAt: Date.now() }).catch(() => {});
    this.#renderTable();
    this.#renderRun();
    this.#say(cancelled ? this.#t('order.cancelled') : this.#t('order.finished', counts));
    emit(this, 'btalk-import-done', { counts, cancelled });
    return counts;
  }

  pause() { this.#run?.pause(); this.#renderRun(); this.#say(this.#t('order.paused')); }
  resume() { this.#run?.resume(); this.#renderRun(); }
  cancel() { this.#run?.cancel(); this.#renderRun(); }

  #togglePause() { if (this.#run?.paused) this.resume(); else this.pause(); }

  #retry(what, key) {
    if (!this.#run) return;
    const wasRunning = this.#run.running;
    const promise = what === 'addresses' ? this.#run.retryAddresses(key) : this.#run.retryOrders(key);
    if (!wasRunning) this.#runToEnd(promise);
  }

  #renderRun() {
    renderRunState(this.#ui, (key, params) => this.#t(key, params), {
      toOrder: this.#toOrder().length, ready: this.#readyRows().length, checked: this.#rows.some((r) => r.check),
      running: !!this.#run?.running, paused: !!this.#run?.paused, validating: this.#validating,
      customer: !!this.#customerCode, counts: this.#run?.counts ?? null,
    });
  }


  // ---- resume ------------------------------------------------------------

  async #offerResume() {
    let imports = [];
    try {
      imports = await this.store.listImports();
    } catch {
      return;
    }
    const fixed = this.getAttribute('customer-code');
    const open = imports.find((meta) => !meta.finished && (!fixed || meta.customerCode === fixed));
    if (!open || this.#file) return;
    const records = await this.store.loadRecords(open.importId).catch(() => []);
    const done = records.filter((r) => r.state === 'done').length;
    this.#ui.resumeText.textContent = this.#t('resume.offer', { name: open.fileName, done, total: Math.max(done, records.length) });
    this.#ui.resume.hidden = false;
    this.#ui.resume.dataset.importId = open.importId;
  }

  async #resume() {
    const meta = await this.store.loadImport(this.#ui.resume.dataset.importId);
    this.#ui.resume.hidden = true;
    if (!meta) return;
    if (!this.getAttribute('customer-code')) this.#customerCode = meta.customerCode;
    this.#file = { name: meta.fileName, headers: meta.headers, rows: meta.rows.map((r) => r.cells) };
    this.#mapping = describeMapping(meta.headers, meta.columns);
    this.#rows = meta.rows.map((r) => ({ key: r.number, number: r.number, cells: r.cells, original: r.original, check: null }));
    this.#resumedImportId = meta.importId;
    this.#renderMapping();
    this.#ui.mapping.hidden = false;
    await this.validate();
    await this.order();
  }

  async #discardSaved() {
    await this.store.deleteImport(this.#ui.resume.dataset.importId).catch(() => {});
    this.#ui.resume.hidden = true;
  }

  // ---- output ------------------------------------------------------------

  /** The result file as CSV text: the file's columns plus voiceSiteId, orderId, status, problems. */
  async resultCsv() {
    const papa = await loadPapa({ url: this.getAttribute('papaparse-src') || undefined });
    const core = this.#core;
    const civicAddress = typeof core?.toCivicAddressXml === 'function'
      ? (row) => core.toCivicAddressXml(row.check.address, { country: row.check.order.country }) : undefined;
    const result = buildResult(this.#file.headers, this.#rows, (key) => this.#run?.record(key), { civicAddress });
    return toCsv(result.headers, result.rows, papa);
  }

  async #download() {
    downloadText(this.shadowRoot, this.#file.name.replace(/(\.csv)?$/i, '-result.csv'), await this.resultCsv(), 'text/csv;charset=utf-8');
  }


  // ---- messages ----------------------------------------------------------

  #say(text) { this.#ui.live.textContent = text; }

  #sayThrottled() {
    if (this.#liveTimer) return;
    this.#liveTimer = setTimeout(() => {
      this.#liveTimer = null;
      if (this.#run) this.#say(this.#ui.runCounts.textContent);
    }, 1000);
  }

  #clearError() {
    this.#ui.error.textContent = '';
    this.#ui.errorRetry.hidden = true;
    this.#retryLoad = null;
  }

  /** Shows a failure (what the user typed or loaded is kept) with a Retry of `again`. */
  #fail(key, error, again) {
    const message = String(error?.message ?? error);
    this.#ui.error.textContent = this.#t(key, { message });
    this.#retryLoad = again ?? null;
    this.#ui.errorRetry.hidden = !again;
    emit(this, 'btalk-error', { message, status: typeof error?.status === 'number' ? error.status : 0, code: error?.code ?? 'error' });
  }
}
