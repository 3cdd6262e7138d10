// <btalk-site-import>: bulk site import. A CSV file (picker, drop or paste) -> column mapping
// -> every row checked by the core before anything is ordered -> "Order N ready sites": each
// row ordered exactly once (deterministic reference) then given its voiceaddress -> result CSV.
// The element composes: a DOM-free controller (site-import.controller.js: the import's state and
// transitions, over csv, columns, row-validation, run-engine, result-csv), the DOM pieces
// (site-import.view.js, rows.view.js), its styles and the shared localisation controller.

import { BaseElement } from '../../internal/base.js';
import { BtalkClient } from '../../client.js';
import { CATALOGUE as ADDRESS_FORM_STRINGS } from '../address-form/i18n/index.js';
import { fieldTexts } from '../address-form/fields.js';
import { NOT_CONFIGURED, adoptStyles, clientFor, emit, h, headingLevelOf, upgradeProperties } from '../../internal/shared.js';
import { LocalizeController, Localizer, withOverrides } from '../../internal/localize.js';
import { FormatHints, problemText } from '../../internal/problem-text.js';
import { SITE_IMPORT_CSS } from './site-import.styles.js';
import { CATALOGUE as catalogue } from './i18n/index.js';
import { decodeText } from './csv.js';
import { defaultProgressStore } from './progress-store.js';
import { SiteImportController } from './site-import.controller.js';
import { editorElement, mappingControls, rowElement } from './rows.view.js';
import { buildSkeleton, downloadText, renderRunState, renderTexts } from './site-import.view.js';

/**
 * Bulk site import: validates a CSV of sites against each country's rules, then orders the
 * ready ones (exactly once each) and pushes their addresses.
 *
 * @tag btalk-site-import
 * @summary Bulk CSV import of voicesites: column mapping, every row checked, ordered exactly once, with resume.
 *
 * @attr {string} api-base - API base URL (proxy mode unless the `credentials` property is set). Without it, `credentials` or a `client`, the element says it is not configured and asks nothing.
 * @attr {string} customer-code - The customer to order for; without it the user chooses one.
 * @attr {string} lang - Language of the element's texts: any BCP 47 tag, the closest of LANGUAGES
 *   (internal/localize.js) is used; default: the closest ancestor's `lang`.
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
 * @csspart combobox - More than 30 customers: the type-ahead input in place of the customer select (also part "input").
 * @csspart listbox - The combobox's list of choices (only the rows in view are rendered).
 * @csspart option - One choice of the combobox's list.
 * @csspart option-active - The active choice (Enter chooses it).
 * @csspart table - The rows table.
 * @csspart badge - A row's status.
 * @csspart status - Status texts (file read, mapping notes, the wait after a 429).
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
 * @cssproperty --btalk-import-table-height - The rows table's maximum height (default none: the rows flow with
 *   the page); with one, the table scrolls in a box whose edges shade while rows are hidden above or below.
 */
export class BtalkSiteImport extends BaseElement {
  static get observedAttributes() { return ['lang', 'customer-code', 'api-base', 'heading-level']; }

  #l10n;
  #ctrl;
  #client = null;
  #credentials = null;
  #strings = null;
  #store = null;
  #ui = {};
  #editing = null;
  #liveTimer = null;
  #waitTimer = null; // counts down a 429's wait, once a second
  #retryLoad = null; // what the error's Retry button does again
  #wording = null; // the address form's strings for problems, in this language (a Localizer)
  #unset = false; // the shown error is "not connected to the API" (no client, credentials nor api-base)
  #customers = null; // 'loading', the customers the key reaches, or null (fixed by customer-code, or failed)
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
    this.#ctrl = new SiteImportController(this.#host());
    const root = this.attachShadow({ mode: 'open' });
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
    this.#stopWaitTimer();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    if (name === 'lang') this.#l10n.update();
    else if (name === 'customer-code') this.#loadCustomers();
    else if (name === 'heading-level') this.#renderAll();
    else if (name === 'api-base') {
      this.#client = null;
      this.#connectionChanged();
    }
  }

  get client() {
    // Without a page-given client: the one shared by elements with the same api-base and credentials.
    return this.#client ?? clientFor({ client: null, credentials: this.#credentials, getAttribute: (name) => this.getAttribute(name) },
      BtalkClient, () => this.#l10n.wantedLang);
  }
  set client(value) { this.#client = value ?? null; this.#connectionChanged(); }
  get credentials() { return this.#credentials; }
  set credentials(value) { this.#credentials = typeof value === 'function' ? value : null; this.#connectionChanged(); }

  /** A client, credentials or api-base set after the element said it was not connected: it starts now. */
  #connectionChanged() {
    if (!this.#unset || !this.isConnected) return;
    this.#unset = false;
    this.#clearError();
    if (!this.getAttribute('customer-code')) this.#loadCustomers();
  }
  get strings() { return this.#strings; }
  set strings(value) { this.#strings = value && typeof value === 'object' ? value : null; this.#l10n.update(); }
  get store() { return this.#store ??= defaultProgressStore(); }
  set store(value) { this.#store = value ?? null; }
  get rows() { return this.#ctrl.rows.map((row) => ({ number: row.number, cells: [...row.cells], check: row.check, record: this.#ctrl.record(row.key) ?? null })); }
  get importId() { return this.#ctrl.importId; }

  #t(key, params) { return this.#l10n.t(key, params); }

  /** What the controller needs from the element: client, store, texts, events, and what it shows. */
  #host() {
    const ui = this.#ui;
    return {
      client: () => this.client,
      store: () => this.store,
      attribute: (name) => this.getAttribute(name),
      t: (key, params) => this.#t(key, params),
      emit: (type, detail) => emit(this, type, detail),
      validationStarted: () => {
        ui.rowsStep.hidden = false;
        ui.validateProgress.hidden = false;
        ui.validateProgress.removeAttribute('value');
        this.#clearError();
      },
      loadingRules: (count) => this.#say(this.#t('validate.loading', { count })),
      checkingRows: (total) => { ui.validateProgress.max = total; },
      rowsChecked: (done, total) => {
        ui.validateProgress.value = done;
        this.#say(this.#t('validate.running', { done, total }));
      },
      validationEnded: () => { ui.validateProgress.hidden = true; },
      validated: () => {
        this.#renderTable();
        this.#renderRun();
        this.#say(ui.summary.textContent);
      },
      fail: (key, error, again) => this.#fail(key, error, again),
      runStarted: () => {
        this.#renderTable();
        this.#renderRun();
      },
      rowChanged: (key) => this.#updateRow(key),
      runProgress: () => { this.#renderRun(); this.#sayThrottled(); },
      runWaiting: (waiting) => this.#showWaiting(waiting),
      runEnded: (counts, cancelled) => {
        this.#renderTable();
        this.#renderRun();
        this.#say(cancelled ? this.#t('order.cancelled') : this.#t('order.finished', counts));
      },
    };
  }

  // ---- structure ---------------------------------------------------------

  #build() {
    return buildSkeleton(this.#ui, {
      text: (key, params) => this.#t(key, params),
      customer: (code) => this.#ctrl.setCustomer(code),
      file: (file) => this.importFile(file),
      paste: (text) => this.importText(text, this.#t('source.pasted')),
      resume: () => this.#resume(),
      discard: () => this.#discardSaved(),
      validate: () => this.validate(),
      filter: () => this.#renderTable(),
      order: () => this.order(),
      pause: () => this.#togglePause(),
      cancel: () => this.cancel(),
      retryAddresses: () => this.#ctrl.retry('addresses'),
      retryOrders: () => this.#ctrl.retry('orders'),
      download: () => this.#download(),
      retryLoad: () => { const again = this.#retryLoad; this.#clearError(); again?.(); },
    });
  }

  #renderAll() {
    const ui = this.#ui;
    const level = headingLevelOf(this, 5) ?? 2;
    if (ui.title.tagName !== `H${level}`) {
      for (const key of ['title', 'sourceTitle', 'mappingTitle', 'rowsTitle', 'orderTitle']) {
        const next = h(key === 'title' ? `h${level}` : `h${level + 1}`);
        // Every attribute moves to the new heading (part="title" above all: a page's ::part(title) keeps working).
        for (const { name, value } of ui[key].attributes) next.setAttribute(name, value);
        ui[key].replaceWith(next);
        ui[key] = next;
      }
    }
    renderTexts(ui, (key, params) => this.#t(key, params));
    if (this.#unset) ui.error.textContent = this.#t('error.notConfigured'); // in the language now loaded
    this.#renderCustomers();
    if (this.#ctrl.mapping) this.#renderMapping();
    this.#renderTable();
    this.#renderRun();
  }

  // ---- customer ----------------------------------------------------------

  async #loadCustomers() {
    const fixed = this.getAttribute('customer-code');
    if (fixed) {
      this.#customers = null;
      this.#ctrl.setCustomer(fixed);
      this.#renderCustomers();
      return;
    }
    this.#customers = 'loading';
    this.#renderCustomers();
    try {
      this.#customers = await this.#ctrl.loadCustomers();
    } catch (error) {
      this.#customers = null;
      this.#renderCustomers();
      this.#fail('error.load', error, () => this.#loadCustomers());
      return;
    }
    if (this.#customers.length === 1) this.#ctrl.setCustomer(this.#customers[0].customerCode);
    this.#renderCustomers();
  }

  /** The customer choice in the element's language (again when the language changes). */
  #renderCustomers() {
    const ui = this.#ui;
    const list = Array.isArray(this.#customers) ? this.#customers : [];
    ui.customerInfo.textContent = this.#customers === 'loading' ? this.#t('customer.loading')
      : list.length === 1 ? this.#t('customer.single', { name: list[0].name, code: list[0].customerCode }) : '';
    ui.customerField.hidden = list.length < 2;
    if (list.length < 2) return;
    ui.customerChoice.update({
      options: list.map((c) => ({ value: String(c.customerCode), label: `${c.name} (${c.customerCode})` })),
      value: String(this.#ctrl.customerCode ?? ''), placeholder: this.#t('customer.choose'),
    });
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
    if (this.#ctrl.run?.running) return;
    this.#clearError();
    let complete;
    try {
      complete = await this.#ctrl.read(text, name);
    } catch (error) {
      this.#ui.sourceStatus.textContent = this.#t('source.failed', { message: error.message });
      return;
    }
    const { file } = this.#ctrl;
    this.#ui.sourceStatus.textContent = this.#t('source.read', { name, count: file.rows.length, columns: file.headers.length });
    this.#renderMapping();
    this.#ui.mapping.hidden = false;
    if (complete) await this.validate();
  }

  #renderMapping() {
    this.#ui.mappingGrid.replaceChildren(...mappingControls((k, p) => this.#t(k, p), this.#ctrl.mapping, (i, field) => {
      this.#ctrl.mapColumn(i, field);
      this.#renderMapping();
      this.#ui.mappingGrid.querySelector(`[data-column="${i}"]`)?.focus();
    }));
    this.#ui.mappingStatus.textContent = this.#ctrl.mappingNotes();
  }

  // ---- validation --------------------------------------------------------

  /** Checks every row with the core (site fields, coverage, address, geo areas, dial zone). */
  validate() { return this.#ctrl.validate(); }

  /**
   * A problem as the address form shows it (internal/problem-text.js): the same wording, format
   * hint and broken-rule text, from the address form's strings for this language.
   */
  #problemText(problem, row) {
    const lang = this.#l10n.lang;
    this.#wording ??= new Localizer(withOverrides(ADDRESS_FORM_STRINGS.peek(lang), lang, this.#strings), lang);
    const t = (key, params) => this.#wording.t(key, params);
    const found = row ? this.#ctrl.validator?.fieldOf(row.site.country, problem.field) : null;
    // Named as the address form names it: in the UI's language, whatever the API's.
    const field = found && { ...found, label: fieldTexts(found.name, found.constraint, found, { lang, apiLanguage: found.apiLanguage, t }).label };
    return problemText(problem, field, t, (f, p) => this.#formatHints.text(this.#ctrl.core, f, p, t));
  }

  #rowOptions() {
    return {
      formatLines: this.#ctrl.formatLines(), problemText: (p, r) => this.#problemText(p, r), locked: !!this.#ctrl.run?.running,
      actions: { edit: (r) => this.#edit(r), retryAddress: (r) => this.#ctrl.retry('addresses', r.key), retryOrder: (r) => this.#ctrl.retry('orders', r.key) },
    };
  }

  #renderTable() {
    const ui = this.#ui;
    const ctrl = this.#ctrl;
    if (!ctrl.file) return;
    ui.summary.textContent = ctrl.checked ? this.#t('validate.summary', ctrl.statusCounts()) : '';
    const shown = ctrl.shownRows(ui.filter.checked);
    ui.caption.textContent = this.#t('table.caption', { name: ctrl.file.name, count: shown.length });
    const options = this.#rowOptions();
    const fragment = document.createDocumentFragment();
    for (const row of shown) fragment.append(rowElement((k, p) => this.#t(k, p), row, ctrl.record(row.key), options));
    ui.tbody.replaceChildren(fragment);
  }

  #updateRow(key) {
    const row = this.#ctrl.rows.find((r) => r.key === key);
    const current = this.#ui.tbody.querySelector(`tr[data-row="${key}"]`);
    if (!row || !current) return;
    current.replaceWith(rowElement((k, p) => this.#t(k, p), row, this.#ctrl.record(key), this.#rowOptions()));
  }

  #edit(row) {
    this.#editing?.remove();
    const current = this.#ui.tbody.querySelector(`tr[data-row="${row.number}"]`);
    const { element, first } = editorElement((k, p) => this.#t(k, p), row, this.#ctrl.mapping, {
      onSave: (cells) => {
        const checked = this.#ctrl.editRow(row, cells);
        this.#editing = null;
        checked.then(() => {
          this.#renderTable();
          this.#renderRun();
          this.#ui.tbody.querySelector(`tr[data-row="${row.number}"] button`)?.focus();
        });
      },
      onCancel: () => { element.remove(); this.#editing = null; current?.querySelector('button')?.focus(); },
      problemText: (p, r) => this.#problemText(p, r),
    });
    this.#editing = element;
    current?.after(element);
    first?.focus();
  }

  // ---- ordering ----------------------------------------------------------

  /** Orders every ready row, then pushes its address; resolves with the counts when the run ends. */
  order() { return this.#ctrl.order(); }

  pause() { this.#ctrl.pause(); this.#renderRun(); this.#say(this.#t('order.paused')); }
  resume() { this.#ctrl.resume(); this.#renderRun(); }
  cancel() { this.#ctrl.cancel(); this.#renderRun(); }

  #togglePause() { if (this.#ctrl.run?.paused) this.resume(); else this.pause(); }

  #renderRun() {
    renderRunState(this.#ui, (key, params) => this.#t(key, params), this.#ctrl.runState());
    this.#renderWaiting();
  }

  /**
   * A 429: the run waits for Retry-After. The order step says so and counts down; the live
   * region announces it once (not every second); it all clears when the run goes on.
   */
  #showWaiting(waiting) {
    this.#stopWaitTimer();
    this.#renderWaiting();
    if (!waiting) return;
    this.#say(this.#ui.waitStatus.textContent);
    this.#waitTimer = setInterval(() => this.#renderWaiting(), 1000);
  }

  #renderWaiting() {
    const waiting = this.#ctrl.waiting();
    const ui = this.#ui;
    ui.waitStatus.textContent = waiting ? this.#t('order.waiting', { seconds: waiting.seconds, count: waiting.left }) : '';
    ui.waitStatus.hidden = !waiting;
    if (waiting) ui.waitStatus.dataset.seconds = String(waiting.seconds);
    else delete ui.waitStatus.dataset.seconds;
  }

  #stopWaitTimer() {
    clearInterval(this.#waitTimer);
    this.#waitTimer = null;
  }

  // ---- resume ------------------------------------------------------------

  async #offerResume() {
    const open = await this.#ctrl.resumable();
    if (!open) return;
    this.#ui.resumeText.textContent = this.#t('resume.offer', { name: open.fileName, done: open.done, total: open.total });
    this.#ui.resume.hidden = false;
    this.#ui.resume.dataset.importId = open.importId;
  }

  async #resume() {
    const meta = await this.#ctrl.loadSaved(this.#ui.resume.dataset.importId);
    this.#ui.resume.hidden = true;
    if (!meta) return;
    this.#ctrl.restore(meta);
    this.#renderMapping();
    this.#ui.mapping.hidden = false;
    await this.validate();
    await this.order();
  }

  async #discardSaved() {
    await this.#ctrl.discardSaved(this.#ui.resume.dataset.importId);
    this.#ui.resume.hidden = true;
  }

  // ---- output ------------------------------------------------------------

  /** The result file as CSV text: the file's columns plus voiceSiteId, orderId, status, problems. */
  resultCsv() { return this.#ctrl.resultCsv(); }

  async #download() {
    downloadText(this.shadowRoot, this.#ctrl.file.name.replace(/(\.csv)?$/i, '-result.csv'), await this.resultCsv(), 'text/csv;charset=utf-8');
  }

  // ---- messages ----------------------------------------------------------

  #say(text) { this.#ui.live.textContent = text; }

  #sayThrottled() {
    if (this.#liveTimer) return;
    this.#liveTimer = setTimeout(() => {
      this.#liveTimer = null;
      // While a 429 holds the run, the wait's announcement stays.
      if (this.#ctrl.run && !this.#ctrl.waiting()) this.#say(this.#ui.runCounts.textContent);
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
    // No client, credentials nor api-base: said as such (nothing was asked); setting one starts again.
    const unset = error?.code === NOT_CONFIGURED;
    this.#unset = unset;
    this.#ui.error.textContent = this.#t(unset ? 'error.notConfigured' : key, { message });
    this.#retryLoad = unset ? null : again ?? null;
    this.#ui.errorRetry.hidden = unset || !again;
    emit(this, 'btalk-error', { message, status: typeof error?.status === 'number' ? error.status : 0, code: error?.code ?? 'error' });
  }
}
