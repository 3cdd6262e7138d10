// <btalk-address-form>: a country's Business Talk address as a form-associated
// custom element. The fields, their order and their rules come from the API
// (/addressconstraints, /geographicalconstraints) through the wasm core, which
// also validates as the user types; the element only renders and wires events.
//
// Everything the API sends (labels, descriptions, values, messages) is data: it
// reaches the DOM through textContent or attribute values, never as HTML.
import { loadCore } from '../../core.js';
import { BaseElement } from '../../internal/base.js';
import {
  BASE_CSS, adoptStyles, clientFor, debounce, emit, errorDetail, errorMessage, format, h, headingLevelOf, isHttpUrl,
  resolveStrings, upgradeProperties,
} from '../../internal/shared.js';

const SEARCH_DEBOUNCE_MS = 250;
const SEARCH_MIN_CHARS = 3;
const POSTAL_CODE_MIN_CHARS = 4;
const DIAL_ZONE = 'dialZone';
const POSTAL_CODE = 'pc';
// The /parishes answer does not name its element. A parish (freguesia) is a city
// division, PIDF-LO A4 (RFC 4119), which is where Portugal's schema puts it; the
// look-up is keyed by the two levels above the locality (a1 district, a2 municipality).
const PARISH = 'a4';
const PARISH_PARENTS = ['a1', 'a2'];
// What a country's API said it does not offer, per "base URL + ISO2" (kept for the page's life):
// search (/addresses?q= answered 404 or SEARCH_NOT_SUPPORTED), addresses (/addresses answered
// 404: no verification either), postalCodes and parishes (their look-up answered 404).
const unsupported = { search: new Set(), addresses: new Set(), postalCodes: new Set(), parishes: new Set() };
// Look-ups that answered once: from then on their failures are reported. Before that, a failure
// says nothing (most countries have no such look-up: its error would only confuse), the field
// stays free text and the next input asks again.
const offered = { postalCodes: new Set(), parishes: new Set() };
const isNotOffered = (error) => error?.status === 404;
// Browser autofill hints for the standard PIDF-LO elements.
const AUTOCOMPLETE = { a1: 'address-level1', a2: 'address-level2', a3: 'address-level2', pc: 'postal-code' };

const CSS = `${BASE_CSS}
.search { display: flex; flex-direction: column; gap: 0.25rem; }
.verify-result { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
/* Empty, the live region stays rendered (so it is announced when filled) but takes no room. */
.verify-result:not(.status) {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
.status.warning { border: 2px solid var(--btalk-color-accent, #ff7900); }
.field select:disabled { background: transparent; }
`;

/**
 * A country's Business Talk address as a form-associated custom element.
 * @tag btalk-address-form
 * @attr {string} api-base - The API base URL (default: the client's; e.g. /proxy/btalk/v1 for a same-origin proxy).
 * @attr {string} country - ISO2 code of the country whose address form is shown.
 * @attr {string} customer-code - With voicesite-id: shows the Save button.
 * @attr {string} voicesite-id - The voicesite whose address Save puts.
 * @attr {string} lang - UI language: en or fr.
 * @attr {string} name - Form field name: entries are name[pc], name[a3]...
 * @attr {boolean} disabled - Disables every field.
 * @attr {number} heading-level - Heading level (1-6) of the error summary; default 2.
 * @prop {ElementClient|null} client - A BtalkClient; without one, a client is made from api-base.
 * @prop {CredentialsProvider|null} credentials - Gives the auto-made client its access token and API key (never an attribute).
 * @prop {Record<string, string>} strings - UI text overrides on top of the lang strings.
 * @prop {Record<string, string>} value - The filled fields of the current country.
 * @csspart form - The form.
 * @csspart field - One field (label, control, description, error).
 * @csspart label - A field's label.
 * @csspart input - A text input.
 * @csspart select - A select.
 * @csspart description - A field's description.
 * @csspart error - A field's error message.
 * @csspart summary - The error summary.
 * @csspart search - The address search box.
 * @csspart candidates - The search results.
 * @csspart postal-codes - The postal code look-up list.
 * @csspart verify - The "Verify address" button.
 * @csspart verify-result - The verification's live region.
 * @csspart verify-use - Its "Use this format" button.
 * @csspart save - The Save button.
 * @csspart status - Loading, saved and error messages.
 * @csspart link - Links in messages.
 * @cssproperty --btalk-font - Font family (default: the system UI font).
 * @cssproperty --btalk-color-text - Text colour.
 * @cssproperty --btalk-color-bg - Background of the element and its inputs.
 * @cssproperty --btalk-color-accent - Buttons, focus ring and warnings.
 * @cssproperty --btalk-color-error - Error messages and invalid inputs.
 * @cssproperty --btalk-color-border - Input borders.
 * @cssproperty --btalk-radius - Corner radius of inputs and buttons.
 * @cssproperty --btalk-gap - Space between fields.
 * @fires btalk-change {address}
 * @fires btalk-validity {valid, problems}
 * @fires btalk-address-saved {voiceSiteId, address}
 * @fires btalk-error {message, status, code}
 * @fires btalk-loaded {country}
 */
export class BtalkAddressForm extends BaseElement {
  static formAssociated = true;
  static observedAttributes = ['api-base', 'country', 'customer-code', 'voicesite-id', 'lang', 'name', 'disabled',
    'heading-level'];

  #internals;
  #root;
  #ui = {};
  #client = null;
  #credentials = null;
  #stringOverrides = null;
  #strings = resolveStrings('en');

  #connected = false;
  #loadScheduled = false;
  #loadedKey = null; // iso2 the current #data (or load in flight) is for
  #generation = 0; // bumped by every (re)load: stale answers are dropped
  #core = null;
  #data = null; // { iso2, constraints, geographicalConstraints, form, dialZones }

  #values = new Map(); // element name -> text; survives country changes
  #candidateExtras = new Set(); // names a chosen candidate set beyond the form's fields
  #touched = new Set();
  #serverProblems = [];
  #submitted = false;
  #result = { valid: false, problems: [] };
  #validityKey = null;

  #controls = new Map(); // name -> { field, input, error, rule, wrapper, geoLevel }
  #geo = new Map(); // level -> { options: [{value, display}] | null, parents: string }
  #busy = new Map(); // token -> message
  #busySeq = 0;
  #info = '';
  #infoKind = '';
  #failure = null; // { message, retry }
  #saving = null;
  #formDisabled = false;
  #quietCheck = false;
  #searchSeq = 0;
  #search = debounce((query) => this.#runSearch(query), SEARCH_DEBOUNCE_MS);
  #postalSeq = 0;
  #postalLookup = debounce((query) => this.#runPostalCodes(query), SEARCH_DEBOUNCE_MS);
  #parish = { key: '', options: null }; // parishes for the a1/a2 in key; options null = free text
  #parishReload = debounce(() => this.#loadParishes(this.#generation), SEARCH_DEBOUNCE_MS);
  #verifySeq = 0;
  #verifying = false;
  #verifyResult = null; // { kind: 'found'|'foundOther'|'unknown'|'empty'|'applied', candidate? }

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.#root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.#root, CSS);
    this.#buildSkeleton();
    // The browser's own validation (surrounding form submitted while invalid) shows every problem.
    this.addEventListener('invalid', () => {
      if (this.#quietCheck) return;
      this.#submitted = true;
      this.#showAll();
    });
    this.#updateInternals();
  }

  // ---- lifecycle ------------------------------------------------------------

  connectedCallback() {
    upgradeProperties(this, ['client', 'credentials', 'strings', 'value']);
    this.#connected = true;
    this.#strings = resolveStrings(this.getAttribute('lang'), this.#stringOverrides);
    this.#renderStatics();
    if (this.#loadedKey !== this.#iso2()) this.#scheduleLoad();
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#search.cancel();
    this.#postalLookup.cancel();
    this.#parishReload.cancel();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    switch (name) {
      case 'country':
        if (this.#connected && this.#loadedKey !== this.#iso2()) this.#scheduleLoad();
        break;
      case 'api-base':
        if (this.#connected && !this.#client) this.#reload();
        break;
      case 'lang':
        this.#strings = resolveStrings(newValue, this.#stringOverrides);
        this.#rerender();
        break;
      case 'name':
        this.#updateInternals();
        break;
      case 'disabled':
        this.#applyDisabled();
        break;
      case 'heading-level':
        this.#applyHeadingLevel();
        break;
      default: // customer-code, voicesite-id: whether saving is possible
        this.#renderSaveButton();
    }
  }

  formAssociatedCallback() {
    this.#updateInternals();
  }

  formDisabledCallback(disabled) {
    this.#formDisabled = disabled;
    this.#applyDisabled();
  }

  formStateRestoreCallback(state) {
    if (typeof state !== 'string') return;
    try {
      this.value = JSON.parse(state);
    } catch {
      // Not ours: ignore.
    }
  }

  formResetCallback() {
    this.#values.clear();
    this.#candidateExtras.clear();
    this.#touched.clear();
    this.#serverProblems = [];
    this.#submitted = false;
    this.#setInfo('');
    this.#clearFailure();
    this.#ui.searchInput.value = '';
    this.#clearCandidates();
    this.#clearPostalCodes();
    this.#setVerifyResult(null);
    for (const [level, state] of this.#geo) if (level > 1) state.options = null;
    this.#setParishOptions('', null);
    this.#syncControls();
    this.#validate();
    this.#renderProblems();
  }

  // ---- public properties ----------------------------------------------------

  /** The BtalkClient to use; without one, a client is made from `api-base` (proxy mode). */
  get client() { return this.#client; }
  set client(value) {
    this.#client = value ?? null;
    if (this.#connected) this.#reload();
  }

  /** async () => ({ accessToken, apiKey }) for the auto-made client. A property only: never an attribute. */
  get credentials() { return this.#credentials; }
  set credentials(value) {
    this.#credentials = typeof value === 'function' ? value : null;
    if (this.#connected && !this.#client) this.#reload();
  }

  /** Overrides of the UI strings (see STRINGS in shared.js), e.g. { save: 'Enregistrer' }. */
  get strings() { return { ...this.#strings }; }
  set strings(value) {
    this.#stringOverrides = value && typeof value === 'object' ? { ...value } : null;
    this.#strings = resolveStrings(this.getAttribute('lang'), this.#stringOverrides);
    this.#rerender();
  }

  /** The address: { element: value } for the filled fields of the current country (+ dialZone when manual). */
  get value() {
    const address = {};
    const names = this.#data ? [...this.#controls.keys(), ...this.#candidateExtras] : [...this.#values.keys()];
    for (const name of names) {
      const text = this.#values.get(name);
      if (text !== undefined && text !== '') address[name] = text;
    }
    return address;
  }
  set value(address) {
    this.#values = new Map();
    this.#candidateExtras.clear();
    this.#serverProblems = [];
    if (address && typeof address === 'object') {
      for (const [name, text] of Object.entries(address)) {
        if (text !== undefined && text !== null) this.#values.set(name, String(text));
      }
    }
    if (!this.#data) return;
    this.#setVerifyResult(null);
    this.#syncControls();
    this.#validate();
    this.#renderProblems();
    this.#loadGeoLevel(1, this.#generation);
    this.#loadParishes(this.#generation);
  }

  get validity() { return this.#internals.validity; }
  get validationMessage() { return this.#internals.validationMessage; }
  get willValidate() { return this.#internals.willValidate; }
  get form() { return this.#internals.form; }
  get type() { return 'btalk-address-form'; }

  checkValidity() {
    this.#validate();
    this.#quietCheck = true;
    try {
      return this.#internals.checkValidity();
    } finally {
      this.#quietCheck = false;
    }
  }

  /** Validates, shows every problem with a summary and moves focus to the first. */
  reportValidity() {
    this.#submitted = true;
    const valid = this.checkValidity();
    this.#showAll();
    if (!valid) this.#focusFirstError();
    return valid;
  }

  /**
   * Validates, then PUTs the address to the voicesite (`customer-code` + `voicesite-id`).
   * Never rejects: resolves { saved: true, voiceSiteId, address } or { saved: false, problems?, error? }.
   * A call while a save is in flight returns that save.
   */
  save() {
    if (!this.#saving) {
      this.#saving = this.#save().finally(() => {
        this.#saving = null;
        this.#renderSaveButton();
      });
      this.#renderSaveButton();
    }
    return this.#saving;
  }

  // ---- loading --------------------------------------------------------------

  #iso2() {
    return (this.getAttribute('country') ?? '').trim().toUpperCase();
  }

  // Deferred to a microtask so properties set right after the element is
  // created or inserted (client, credentials, value) are used by the first load.
  #scheduleLoad() {
    if (this.#loadScheduled) return;
    this.#loadScheduled = true;
    queueMicrotask(() => {
      this.#loadScheduled = false;
      if (this.#connected) this.#load();
    });
  }

  #reload() {
    this.#loadedKey = null;
    this.#scheduleLoad();
  }

  async #load() {
    const iso2 = this.#iso2();
    const generation = ++this.#generation;
    this.#loadedKey = iso2;
    this.#search.cancel();
    this.#searchSeq++;
    this.#postalLookup.cancel();
    this.#postalSeq++;
    this.#parishReload.cancel();
    this.#parish = { key: '', options: null };
    this.#verifySeq++;
    this.#verifying = false;
    this.#verifyResult = null;
    this.#clearFailure();
    this.#setInfo('');
    this.#busy.clear();
    this.#renderBusy();
    if (!iso2) {
      this.#data = null;
      this.#geo = new Map();
      this.#renderFields();
      this.#setInfo(this.#strings.noCountry);
      this.#validate();
      return;
    }
    const done = this.#startBusy(this.#strings.loadingCountry);
    let client;
    try {
      client = clientFor(this);
      // A client that exposes its core (loaded from a custom location) is preferred.
      const corePromise = this.#core ?? (typeof client.core === 'function' ? client.core() : loadCore());
      const [core, answer] = await Promise.all([corePromise, client.countryForm(iso2)]);
      if (generation !== this.#generation) return;
      this.#core = core;
      const form = answer.form ?? core.addressForm(answer.constraints, answer.geographicalConstraints ?? undefined);
      this.#data = {
        iso2,
        constraints: answer.constraints,
        // Validation runs on every keystroke: serialise the schema once per load, not per call.
        constraintsText: JSON.stringify(answer.constraints),
        geographicalConstraints: answer.geographicalConstraints ?? null,
        form,
        dialZones: Array.isArray(answer.dialZones) ? answer.dialZones : [],
      };
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#loadedKey = null;
      // No form for another country may stay (it could be saved by mistake); the
      // values stay in #values and come back with the form.
      this.#data = null;
      this.#geo = new Map();
      this.#renderFields();
      this.#validate();
      this.#renderSummary();
      this.#fail(this.#strings.loadFailed, error, () => this.#reload());
      return;
    } finally {
      done();
    }
    this.#geo = new Map();
    this.#candidateExtras.clear();
    this.#serverProblems = [];
    this.#submitted = false;
    this.#ui.searchInput.value = '';
    this.#clearCandidates();
    this.#renderFields();
    // Only fields this country also has keep their "touched" state.
    this.#touched = new Set([...this.#touched].filter((name) => this.#controls.has(name)));
    this.#validate();
    this.#renderProblems();
    this.#renderVerify();
    emit(this, 'btalk-loaded', { country: iso2 });
    this.#loadGeoLevel(1, generation);
    this.#loadParishes(generation);
  }

  #geoFieldAt(level) {
    for (const control of this.#controls.values()) if (control.geoLevel === level) return control;
    return null;
  }

  /**
   * Loads the choices of geographical level `level` for the values chosen above
   * it, then goes on down while a value is already chosen (kept or set).
   */
  async #loadGeoLevel(level, generation) {
    const control = this.#geoFieldAt(level);
    if (!control || generation !== this.#generation) return;
    const parents = [];
    for (let l = 1; l < level; l++) {
      const parent = this.#geoFieldAt(l);
      const chosen = parent ? this.#values.get(parent.field.name) : '';
      if (!chosen) {
        this.#geo.set(level, { options: null, parents: '' });
        this.#fillControl(control);
        return;
      }
      parents.push(chosen);
    }
    const key = JSON.stringify(parents);
    const existing = this.#geo.get(level);
    if (!(existing?.options && existing.parents === key)) {
      this.#geo.set(level, { options: null, parents: key });
      this.#fillControl(control);
      const done = this.#startBusy(format(this.#strings.loadingAreas, { label: control.field.label }));
      let options;
      try {
        options = await clientFor(this).geoAreas(this.#data.iso2, parents);
      } catch (error) {
        if (generation === this.#generation && this.#geo.get(level)?.parents === key) {
          this.#fail(format(this.#strings.areasFailed, { label: control.field.label, message: '{message}' }), error,
            () => this.#loadGeoLevel(level, this.#generation));
        }
        return;
      } finally {
        done();
      }
      // The user may have changed a parent meanwhile: only the latest path counts.
      if (generation !== this.#generation || this.#geo.get(level)?.parents !== key) return;
      this.#geo.set(level, { options: Array.isArray(options) ? options : [], parents: key });
      this.#fillControl(control);
      this.#validate();
      this.#renderProblems();
    }
    if (this.#values.get(control.field.name)) await this.#loadGeoLevel(level + 1, generation);
  }

  // ---- rendering ------------------------------------------------------------

  /** `heading-level="N"` (1-6): the error summary's title is a level-N heading (default 2). */
  #applyHeadingLevel() {
    const level = headingLevelOf(this, 6);
    if (level !== null) this.#ui.summaryTitle?.setAttribute('aria-level', String(level));
    else this.#ui.summaryTitle?.removeAttribute('aria-level');
  }

  #buildSkeleton() {
    const ui = this.#ui;
    ui.status = h('p', { part: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });
    ui.alertText = h('span');
    ui.retry = h('button', { type: 'button', class: 'secondary', onclick: () => this.#retry() });
    ui.alert = h('div', { part: 'status', class: 'status error-status', role: 'alert', hidden: true }, ui.alertText, ui.retry);
    // The summary's title is a heading; `heading-level` fits it into the page's outline.
    ui.summaryTitle = h('h2', { id: 'summary-title' });
    ui.summaryList = h('ul');
    ui.summary = h('div', {
      part: 'summary', class: 'summary', role: 'alert', tabindex: '-1', 'aria-labelledby': 'summary-title', hidden: true,
    }, ui.summaryTitle, ui.summaryList);
    ui.searchLabel = h('label', { for: 'search-input', class: 'label' });
    ui.searchDescription = h('p', { id: 'search-desc', class: 'description', part: 'description' });
    ui.searchInput = h('input', {
      id: 'search-input', type: 'search', part: 'input', autocomplete: 'off', 'aria-describedby': 'search-desc',
      'aria-controls': 'candidates', 'aria-expanded': 'false',
      oninput: () => this.#onSearchInput(),
      onkeydown: (event) => this.#onSearchKey(event),
    });
    ui.candidates = h('ul', { id: 'candidates', part: 'candidates', class: 'candidates', role: 'list' });
    ui.searchStatus = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    ui.search = h('div', { part: 'search', class: 'search', hidden: true },
      ui.searchLabel, ui.searchDescription, ui.searchInput, ui.candidates, ui.searchStatus);
    ui.fields = h('div', { class: 'stack' });
    // Full address validation: the API's verdict is advice; the schema (the core) decides validity.
    ui.verifyText = h('span');
    ui.verifyUse = h('button', { type: 'button', part: 'verify-use', class: 'secondary', hidden: true, onclick: () => this.#useVerifiedFormat() });
    ui.verifyResult = h('div', { part: 'verify-result', class: 'verify-result', role: 'status', 'aria-live': 'polite' },
      ui.verifyText, ui.verifyUse);
    ui.verify = h('button', { type: 'button', part: 'verify', class: 'secondary', hidden: true, onclick: () => this.#verify() });
    ui.save = h('button', { type: 'button', part: 'save', hidden: true, onclick: () => this.save() });
    ui.actions = h('div', { class: 'actions' }, ui.verify, ui.save);
    ui.form = h('div', { part: 'form', class: 'stack', 'aria-busy': 'false' },
      ui.status, ui.alert, ui.summary, ui.search, ui.fields, ui.verifyResult, ui.actions);
    ui.form.addEventListener('keydown', (event) => this.#onFormKey(event));
    this.#root.append(ui.form);
  }

  /** Texts that do not depend on the country. */
  #renderStatics() {
    const s = this.#strings;
    const ui = this.#ui;
    ui.retry.textContent = s.retry;
    ui.summaryTitle.textContent = s.summaryTitle;
    ui.searchLabel.textContent = s.searchLabel;
    ui.searchDescription.textContent = s.searchDescription;
    this.#renderSaveButton();
    this.#renderVerify();
    this.#renderBusy();
  }

  #rerender() {
    this.#renderStatics();
    if (this.#data) {
      const focusedName = this.#focusedFieldName();
      this.#renderFields();
      this.#renderProblems();
      if (focusedName) this.#controls.get(focusedName)?.input.focus();
    } else if (!this.#iso2()) {
      this.#setInfo(this.#strings.noCountry);
    }
  }

  #focusedFieldName() {
    const active = this.#root.activeElement;
    for (const [name, control] of this.#controls) if (control.input === active) return name;
    return null;
  }

  #renderFields() {
    this.#controls = new Map();
    const nodes = [];
    if (this.#data) {
      const { form, dialZones } = this.#data;
      const ruleErrors = new Map();
      for (const problem of form.constraintErrors ?? []) {
        if (!ruleErrors.has(problem.field)) ruleErrors.set(problem.field, problem.message);
      }
      const fields = (form.fields ?? []).filter((field) => field && typeof field.name === 'string' && field.name !== DIAL_ZONE);
      if (form.dialZone === 'manual') {
        fields.push({
          name: DIAL_ZONE,
          label: this.#strings.dialZoneLabel,
          description: this.#strings.dialZoneDescription,
          required: true,
          control: dialZones.length ? 'select' : 'text',
          options: dialZones,
          maxLength: null,
          referenceUrl: null,
          geoLevel: null,
        });
      }
      fields.forEach((field, index) => nodes.push(this.#buildField(field, index, ruleErrors.get(field.name))));
      this.#ui.search.hidden = this.#lacks('search');
    } else {
      this.#ui.search.hidden = true;
    }
    this.#ui.fields.replaceChildren(...nodes);
    this.#applyDisabled();
    this.#renderVerify();
  }

  /** The key of `unsupported` for the current country and API. */
  #serviceKey() {
    let base = '';
    try {
      base = clientFor(this).baseUrl ?? '';
    } catch {
      base = '';
    }
    return `${base} ${this.#data?.iso2 ?? this.#iso2()}`;
  }

  /** True once the API said this country does not offer `service` (or the client cannot ask). */
  #lacks(service) {
    const method = { search: 'searchAddresses', addresses: 'validateAddressCandidates', postalCodes: 'postalCodes', parishes: 'parishes' }[service];
    let client = null;
    try {
      client = clientFor(this);
    } catch {
      return true;
    }
    if (typeof client?.[method] !== 'function') return true;
    const key = this.#serviceKey();
    return unsupported[service].has(key) || (service === 'search' && unsupported.addresses.has(key));
  }

  #buildField(field, index, ruleError) {
    const originalField = field;
    const s = this.#strings;
    const id = `field-${index}`;
    const label = String(field.label || field.name);
    const descId = `${id}-desc`;
    const errorId = `${id}-error`;
    const ruleId = `${id}-rule`;
    const geoLevel = Number.isInteger(field.geoLevel) ? field.geoLevel : null;
    // The parish becomes a select once the API listed the parishes of the chosen municipality.
    const parishList = this.#isParishField(field) && this.#parish.options?.length ? this.#parish.options : null;
    if (parishList) field = { ...field, control: 'select', options: parishList };
    const isSelect = geoLevel !== null || field.control === 'select';
    const postalLookup = field.name === POSTAL_CODE && !isSelect;
    const describedBy = [field.description ? descId : null, ruleError ? ruleId : null, errorId].filter(Boolean).join(' ');

    let input;
    const common = {
      id,
      part: isSelect ? 'select' : 'input',
      name: field.name,
      'aria-describedby': describedBy,
      'aria-required': field.required ? 'true' : 'false',
      'aria-invalid': 'false',
    };
    if (isSelect) {
      input = h('select', { ...common, onchange: () => this.#onFieldInput(field.name, input.value, true) });
    } else {
      input = h('input', {
        ...common,
        type: 'text',
        autocomplete: AUTOCOMPLETE[field.name] ?? 'off',
        maxlength: Number.isInteger(field.maxLength) && field.maxLength > 0 ? field.maxLength : null,
        inputmode: field.control === 'numeric' ? 'numeric' : null,
        'aria-controls': postalLookup ? `${id}-lookup` : null,
        oninput: () => this.#onFieldInput(field.name, input.value, false),
        onkeydown: postalLookup ? (event) => this.#onPostalKey(event) : null,
      });
    }
    input.addEventListener('blur', () => this.#onFieldBlur(field.name));

    const link = isHttpUrl(field.referenceUrl)
      ? h('a', { part: 'link', href: field.referenceUrl, target: '_blank', rel: 'noopener noreferrer' },
        format(s.moreInfo, { label }), h('span', { class: 'visually-hidden', text: ` ${s.opensNewWindow}` }))
      : null;
    const lookup = postalLookup ? h('ul', { id: `${id}-lookup`, part: 'postal-codes', class: 'candidates', role: 'list' }) : null;
    const lookupStatus = postalLookup ? h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' }) : null;
    const error = h('p', { id: errorId, part: 'error', class: 'error' });
    const rule = ruleError ? h('p', { id: ruleId, part: 'error', class: 'error', text: format(s.constraintBroken, { message: ruleError }) }) : null;
    const wrapper = h('div', { part: 'field', class: 'field', 'data-field': field.name },
      h('label', { for: id, part: 'label' }, label,
        field.required ? h('span', { class: 'required', 'aria-hidden': 'true', text: s.requiredMark }) : null),
      field.description ? h('p', { id: descId, part: 'description', class: 'description', text: field.description }) : null,
      input, lookup, lookupStatus, link, rule, error);

    const control = {
      field: { ...field, label }, input, error, wrapper, geoLevel, isSelect, hasRuleError: !!ruleError,
      index, ruleError, source: originalField, lookup, lookupStatus,
    };
    this.#controls.set(field.name, control);
    this.#fillControl(control);
    return wrapper;
  }

  /** Puts the current value (and, for selects, the choices) into a control. */
  #fillControl(control) {
    const current = this.#values.get(control.field.name) ?? '';
    if (!control.isSelect) {
      if (control.input.value !== current) control.input.value = current;
      return;
    }
    const s = this.#strings;
    const select = control.input;
    let options = control.field.options ?? [];
    let placeholder = control.field.required ? s.choose : s.none;
    let unavailable = false;
    if (control.geoLevel !== null) {
      const state = this.#geo.get(control.geoLevel);
      options = state?.options ?? [];
      if (!state?.options) {
        unavailable = true;
        const parent = control.geoLevel > 1 ? this.#geoFieldAt(control.geoLevel - 1) : null;
        const parentChosen = parent ? !!this.#values.get(parent.field.name) : true;
        placeholder = parentChosen ? s.loading : format(s.chooseParentFirst, { label: parent.field.label });
      }
    }
    const nodes = [new Option(placeholder, '')];
    let found = current === '';
    for (const option of options) {
      if (!option || option.value === undefined || option.value === null) continue;
      const value = String(option.value);
      const display = option.display === undefined || option.display === null || option.display === '' ? value : String(option.display);
      nodes.push(new Option(display, value));
      if (value === current) found = true;
    }
    // A value the list does not hold (typed before, set, or from another country)
    // is kept visible so nothing is silently lost; validation says it is not allowed.
    if (!found) nodes.push(new Option(unavailable ? current : format(s.unknownValue, { value: current }), current));
    select.replaceChildren(...nodes);
    select.value = current;
    control.unavailable = unavailable && current === '';
    select.disabled = this.#isDisabled() || control.unavailable;
  }

  #syncControls() {
    for (const control of this.#controls.values()) this.#fillControl(control);
  }

  #isDisabled() {
    return this.#formDisabled || this.hasAttribute('disabled');
  }

  #applyDisabled() {
    const off = this.#isDisabled();
    for (const control of this.#controls.values()) control.input.disabled = off || !!control.unavailable;
    this.#ui.searchInput.disabled = off;
    for (const button of this.#ui.candidates.querySelectorAll('button')) button.disabled = off;
    for (const button of this.#ui.fields.querySelectorAll('[part="postal-codes"] button')) button.disabled = off;
    this.#renderSaveButton();
    this.#renderVerify();
  }

  #renderSaveButton() {
    const ui = this.#ui;
    if (!ui.save) return;
    ui.save.hidden = !(this.getAttribute('voicesite-id') && this.getAttribute('customer-code'));
    ui.save.textContent = this.#saving ? this.#strings.saving : this.#strings.save;
    ui.save.disabled = this.#isDisabled() || !!this.#saving;
  }

  // ---- status: loading, info, failure ----------------------------------------

  #startBusy(message) {
    const token = ++this.#busySeq;
    this.#busy.set(token, message);
    this.#renderBusy();
    return () => {
      this.#busy.delete(token);
      this.#renderBusy();
    };
  }

  #renderBusy() {
    const ui = this.#ui;
    const busy = this.#busy.size > 0;
    ui.form.setAttribute('aria-busy', busy ? 'true' : 'false');
    if ('ariaBusy' in this.#internals) this.#internals.ariaBusy = busy ? 'true' : 'false';
    const message = busy ? [...this.#busy.values()].pop() : this.#info;
    ui.status.textContent = message ?? '';
    ui.status.className = `status${!busy && this.#infoKind ? ` ${this.#infoKind}` : ''}`;
  }

  #setInfo(message, kind = '') {
    this.#info = message;
    this.#infoKind = kind;
    this.#renderBusy();
  }

  /** Shows a failure with a Retry button, tells the page, keeps every value. */
  #fail(template, error, retry) {
    const message = format(template, { message: errorMessage(error, this.#strings) });
    this.#failure = { message, retry };
    this.#ui.alertText.textContent = message;
    this.#ui.retry.hidden = !retry;
    this.#ui.alert.hidden = false;
    emit(this, 'btalk-error', errorDetail(error, message));
  }

  #clearFailure() {
    this.#failure = null;
    this.#ui.alert.hidden = true;
    this.#ui.alertText.textContent = '';
  }

  #retry() {
    const retry = this.#failure?.retry;
    this.#clearFailure();
    retry?.();
  }

  // ---- user input -----------------------------------------------------------

  #onFieldInput(name, text, isChoice) {
    this.#values.set(name, text);
    this.#serverProblems = this.#serverProblems.filter((problem) => problem.field !== name);
    if (isChoice) this.#touched.add(name);
    if (this.#infoKind === 'success') this.#setInfo('');
    const control = this.#controls.get(name);
    if (control?.geoLevel) {
      // A new parent invalidates every level below it.
      for (let level = control.geoLevel + 1; level <= 4; level++) {
        const child = this.#geoFieldAt(level);
        if (!child) break;
        this.#values.delete(child.field.name);
        this.#geo.set(level, { options: null, parents: '' });
        this.#fillControl(child);
      }
      if (text) this.#loadGeoLevel(control.geoLevel + 1, this.#generation);
    }
    // A verdict on the previous address no longer applies.
    this.#verifySeq++;
    this.#setVerifyResult(null);
    if (name === POSTAL_CODE && control?.lookup) this.#onPostalInput(text);
    if (PARISH_PARENTS.includes(name)) this.#parishReload();
    this.#validate();
    this.#renderProblems();
    emit(this, 'btalk-change', { address: this.value });
  }

  #onFieldBlur(name) {
    if (this.#touched.has(name)) return;
    this.#touched.add(name);
    this.#renderProblems();
  }

  #onFormKey(event) {
    // Enter in a text field submits, as in a native form.
    if (event.key !== 'Enter' || event.defaultPrevented) return;
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement) || target === this.#ui.searchInput || target.type !== 'text') return;
    event.preventDefault();
    if (this.form) this.form.requestSubmit();
    else if (!this.#ui.save.hidden) this.save();
    else this.reportValidity();
  }

  // ---- address search -------------------------------------------------------

  #onSearchInput() {
    const query = this.#ui.searchInput.value.trim();
    if (query.length < SEARCH_MIN_CHARS) {
      this.#search.cancel();
      this.#searchSeq++;
      this.#clearCandidates();
      return;
    }
    this.#search(query);
  }

  async #runSearch(query) {
    if (!this.#data) return;
    const seq = ++this.#searchSeq;
    const { iso2 } = this.#data;
    const done = this.#startBusy(this.#strings.searching);
    this.#ui.search.setAttribute('aria-busy', 'true');
    let candidates;
    try {
      candidates = await clientFor(this).searchAddresses(iso2, query);
    } catch (error) {
      if (seq !== this.#searchSeq) return;
      const validationOnly = error?.code === 'SEARCH_NOT_SUPPORTED' || error?.body?.code === 'SEARCH_NOT_SUPPORTED';
      if (isNotOffered(error) || validationOnly) {
        // 404: no address API at all (no verification either); SEARCH_NOT_SUPPORTED: validation only.
        unsupported[validationOnly ? 'search' : 'addresses'].add(this.#serviceKey());
        this.#clearCandidates();
        this.#ui.search.hidden = true;
        this.#renderVerify();
        this.#setInfo(validationOnly ? this.#strings.searchValidationOnly : this.#strings.searchUnavailable);
        this.#controls.values().next().value?.input.focus();
      } else {
        this.#fail(this.#strings.searchFailed, error, () => this.#runSearch(query));
      }
      return;
    } finally {
      done();
      this.#ui.search.removeAttribute('aria-busy');
    }
    if (seq !== this.#searchSeq) return;
    this.#renderCandidates(Array.isArray(candidates) ? candidates : []);
  }

  #renderCandidates(candidates) {
    const s = this.#strings;
    const items = candidates.filter((c) => c && c.address && typeof c.address === 'object').map((candidate) =>
      h('li', {}, h('button', {
        type: 'button',
        class: 'candidate',
        disabled: this.#isDisabled(),
        text: String(candidate.label ?? Object.values(candidate.address).join(', ')),
        onclick: () => this.#applyCandidate(candidate),
        onkeydown: (event) => this.#onCandidateKey(event),
      })));
    this.#ui.candidates.replaceChildren(...items);
    this.#ui.searchInput.setAttribute('aria-expanded', items.length ? 'true' : 'false');
    this.#ui.searchStatus.textContent = items.length === 0 ? s.searchNone
      : items.length === 1 ? s.searchFoundOne : format(s.searchFound, { count: items.length });
  }

  #clearCandidates() {
    this.#ui.candidates.replaceChildren();
    this.#ui.searchInput.setAttribute('aria-expanded', 'false');
    this.#ui.searchStatus.textContent = '';
  }

  #onSearchKey(event) {
    if (event.key === 'ArrowDown') {
      const first = this.#ui.candidates.querySelector('button');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape') {
      this.#clearCandidates();
    }
  }

  #onCandidateKey(event) {
    const buttons = [...this.#ui.candidates.querySelectorAll('button')];
    const index = buttons.indexOf(event.currentTarget);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = index + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) this.#ui.searchInput.focus();
      else buttons[Math.min(next, buttons.length - 1)].focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.#clearCandidates();
      this.#ui.searchInput.focus();
    }
  }

  /** Fills the form with the candidate's address exactly as the API gave it (the push format). */
  #applyCandidate(candidate) {
    this.#useAddress(candidate.address);
    this.#clearCandidates();
    this.#ui.searchInput.value = '';
    this.#ui.searchInput.focus();
    this.#setInfo(format(this.#strings.candidateChosen, { label: candidate.label ?? '' }));
  }

  /**
   * Replaces the address with `address` exactly as the API gave it (the push format).
   * A manual dial zone is the user's choice: kept when the API's address has none.
   */
  #useAddress(address) {
    const dialZone = address[DIAL_ZONE] === undefined ? this.#values.get(DIAL_ZONE) : undefined;
    for (const name of this.#controls.keys()) this.#values.delete(name);
    for (const name of this.#candidateExtras) this.#values.delete(name);
    this.#candidateExtras.clear();
    this.#serverProblems = [];
    if (dialZone && this.#controls.has(DIAL_ZONE)) this.#values.set(DIAL_ZONE, dialZone);
    for (const [name, text] of Object.entries(address)) {
      if (text === undefined || text === null) continue;
      this.#values.set(name, String(text));
      this.#touched.add(name);
      if (!this.#controls.has(name)) this.#candidateExtras.add(name);
    }
    // Geo choices are reloaded for the candidate's path (cached per path by the client).
    for (const [level] of this.#geo) if (level > 1) this.#geo.set(level, { options: null, parents: '' });
    this.#verifySeq++;
    this.#setVerifyResult(null);
    this.#syncControls();
    this.#validate();
    this.#renderProblems();
    emit(this, 'btalk-change', { address: this.value });
    this.#loadGeoLevel(1, this.#generation);
    this.#loadParishes(this.#generation);
  }

  // ---- postal code look-up (Portugal) ------------------------------------------

  #onPostalInput(text) {
    const query = text.trim();
    if (query.length < POSTAL_CODE_MIN_CHARS || this.#lacks('postalCodes')) {
      this.#postalLookup.cancel();
      this.#postalSeq++;
      this.#clearPostalCodes();
      return;
    }
    this.#postalLookup(query);
  }

  async #runPostalCodes(query) {
    const control = this.#controls.get(POSTAL_CODE);
    if (!this.#data || !control?.lookup) return;
    const seq = ++this.#postalSeq;
    const key = this.#serviceKey();
    const done = this.#startBusy(this.#strings.postalCodesSearching);
    control.wrapper.setAttribute('aria-busy', 'true');
    let codes;
    try {
      codes = await clientFor(this).postalCodes(this.#data.iso2, query, { notFound: 'error' });
    } catch (error) {
      if (seq !== this.#postalSeq) return;
      if (isNotOffered(error)) {
        // Not offered here: the field stays a plain text field, silently.
        unsupported.postalCodes.add(key);
        this.#clearPostalCodes();
      } else if (offered.postalCodes.has(key)) {
        this.#fail(this.#strings.postalCodesFailed, error, () => this.#runPostalCodes(query));
      }
      return;
    } finally {
      done();
      control.wrapper.removeAttribute('aria-busy');
    }
    offered.postalCodes.add(key);
    if (seq !== this.#postalSeq || this.#controls.get(POSTAL_CODE) !== control) return;
    this.#renderPostalCodes(control, Array.isArray(codes) ? codes : []);
  }

  #renderPostalCodes(control, codes) {
    const s = this.#strings;
    const items = codes.filter((code) => code && code.value !== undefined && code.value !== null).map((code) =>
      h('li', {}, h('button', {
        type: 'button',
        class: 'candidate',
        disabled: this.#isDisabled(),
        text: String(code.display || code.value),
        onclick: () => this.#applyPostalCode(code),
        onkeydown: (event) => this.#onListKey(event, control.lookup, control.input, () => this.#clearPostalCodes()),
      })));
    control.lookup.replaceChildren(...items);
    control.lookupStatus.textContent = items.length === 0 ? s.postalCodesNone
      : items.length === 1 ? s.postalCodesFoundOne : format(s.postalCodesFound, { count: items.length });
  }

  #clearPostalCodes() {
    const control = this.#controls.get(POSTAL_CODE);
    if (!control?.lookup) return;
    control.lookup.replaceChildren();
    control.lookupStatus.textContent = '';
  }

  #onPostalKey(event) {
    const control = this.#controls.get(POSTAL_CODE);
    if (!control?.lookup) return;
    if (event.key === 'ArrowDown') {
      const first = control.lookup.querySelector('button');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape' && control.lookup.firstChild) {
      event.preventDefault();
      this.#postalLookup.cancel();
      this.#postalSeq++;
      this.#clearPostalCodes();
    }
  }

  /** Arrow keys and Escape in a list of choice buttons that belongs to `input`. */
  #onListKey(event, list, input, clear) {
    const buttons = [...list.querySelectorAll('button')];
    const index = buttons.indexOf(event.currentTarget);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = index + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.focus();
      else buttons[Math.min(next, buttons.length - 1)].focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      clear();
      input.focus();
    }
  }

  /**
   * Fills the postal code and the fields it determines (a1, a2, a3... as the API gave them).
   * A parish chosen for another municipality no longer applies.
   */
  #applyPostalCode(code) {
    const address = code.address && typeof code.address === 'object' ? code.address : {};
    const filled = { [POSTAL_CODE]: String(code.value), ...address };
    const parentsChanged = PARISH_PARENTS.some((name) => name in filled && String(filled[name]) !== (this.#values.get(name) ?? ''));
    if (parentsChanged && !(PARISH in filled)) this.#values.delete(PARISH);
    for (const [name, text] of Object.entries(filled)) {
      if (text === undefined || text === null || !this.#controls.has(name)) continue;
      this.#values.set(name, String(text));
      this.#touched.add(name);
      this.#serverProblems = this.#serverProblems.filter((problem) => problem.field !== name);
    }
    this.#verifySeq++;
    this.#setVerifyResult(null);
    this.#clearPostalCodes();
    this.#syncControls();
    this.#controls.get(POSTAL_CODE)?.input.focus();
    this.#setInfo(format(this.#strings.postalCodeChosen, { label: String(code.display || code.value) }));
    this.#validate();
    this.#renderProblems();
    emit(this, 'btalk-change', { address: this.value });
    this.#parishReload.cancel();
    this.#loadParishes(this.#generation);
  }

  // ---- parishes (Portugal) -----------------------------------------------------

  /** The parish field as the schema gives it, when the schema leaves it free (no list of its own). */
  #isParishField(field) {
    return field?.name === PARISH && !Number.isInteger(field.geoLevel) && field.control !== 'select';
  }

  /** Lists the parishes of the chosen a1/a2 in the parish field (a select), or keeps it free text. */
  async #loadParishes(generation) {
    const control = this.#controls.get(PARISH);
    if (!this.#data || !control || !this.#isParishField(control.source) || generation !== this.#generation) return;
    const parents = PARISH_PARENTS.map((name) => (this.#values.get(name) ?? '').trim());
    const key = JSON.stringify(parents);
    if (parents.some((text) => text === '') || this.#lacks('parishes')) {
      this.#setParishOptions('', null);
      return;
    }
    if (this.#parish.key === key) return;
    this.#parish = { key, options: this.#parish.options }; // in flight: the current list stays meanwhile
    const serviceKey = this.#serviceKey();
    const done = this.#startBusy(format(this.#strings.loadingAreas, { label: control.field.label }));
    let options;
    try {
      options = await clientFor(this).parishes(this.#data.iso2, { a1: parents[0], a2: parents[1] }, { notFound: 'error' });
    } catch (error) {
      if (generation !== this.#generation || this.#parish.key !== key) return;
      if (isNotOffered(error)) {
        unsupported.parishes.add(serviceKey);
        this.#setParishOptions('', null);
      } else {
        this.#parish = { key: '', options: this.#parish.options };
        if (offered.parishes.has(serviceKey)) {
          this.#fail(format(this.#strings.areasFailed, { label: control.field.label, message: '{message}' }), error,
            () => this.#loadParishes(this.#generation));
        }
      }
      return;
    } finally {
      done();
    }
    offered.parishes.add(serviceKey);
    if (generation !== this.#generation || this.#parish.key !== key) return;
    this.#setParishOptions(key, Array.isArray(options) && options.length ? options : null);
  }

  /** Rebuilds the parish field when it changes between free text and a list (its value is kept). */
  #setParishOptions(key, options) {
    const before = this.#parish.options;
    this.#parish = { key, options };
    const control = this.#controls.get(PARISH);
    if (!control || !this.#isParishField(control.source)) return;
    if (before === null && options === null) return;
    const focused = this.#root.activeElement === control.input;
    const fresh = this.#buildField(control.source, control.index, control.ruleError);
    control.wrapper.replaceWith(fresh);
    this.#applyDisabled();
    this.#renderProblems();
    if (focused) this.#controls.get(PARISH)?.input.focus();
  }

  // ---- full address validation (verification) -----------------------------------

  #renderVerify() {
    const ui = this.#ui;
    if (!ui.verify) return;
    const s = this.#strings;
    ui.verify.hidden = !this.#data || this.#lacks('addresses');
    ui.verify.textContent = this.#verifying ? s.verifying : s.verify;
    ui.verify.disabled = this.#isDisabled() || this.#verifying;
    ui.verifyResult.setAttribute('aria-busy', this.#verifying ? 'true' : 'false');
    const result = ui.verify.hidden ? null : this.#verifyResult;
    const texts = {
      found: s.verifyFound,
      foundOther: format(s.verifyFoundOtherFormat, { label: result?.candidate?.label ?? '' }),
      unknown: s.verifyUnknown,
      empty: s.verifyEmpty,
      applied: s.verifyApplied,
    };
    ui.verifyText.textContent = result ? texts[result.kind] ?? '' : '';
    ui.verifyResult.className = `verify-result${result ? ` status ${result.kind === 'unknown' ? 'warning' : result.kind === 'empty' ? '' : 'success'}` : ''}`;
    ui.verifyUse.hidden = result?.kind !== 'foundOther';
    ui.verifyUse.textContent = ui.verifyUse.hidden ? '' : s.verifyUseFormat;
    ui.verifyUse.disabled = this.#isDisabled();
  }

  #setVerifyResult(result) {
    if (result === null && this.#verifyResult === null) return;
    this.#verifyResult = result;
    this.#renderVerify();
  }

  /** The address elements the verification compares (no dial zone: the API does not know it). */
  #verifiableAddress(address) {
    const out = {};
    for (const [name, text] of Object.entries(address ?? {})) {
      const value = String(text ?? '').trim();
      if (name !== DIAL_ZONE && value !== '') out[name] = value;
    }
    return out;
  }

  /**
   * Asks the API whether it knows the address (GET /addresses with the filled fields).
   * Known: says so, and offers the API's exact format when it differs. Unknown: a warning
   * only; whether the address can be saved is the schema's (the core's) decision.
   */
  async #verify() {
    if (!this.#data || this.#verifying || this.#isDisabled()) return;
    const address = this.#verifiableAddress(this.value);
    if (Object.keys(address).length === 0) {
      this.#setVerifyResult({ kind: 'empty' });
      return;
    }
    const seq = ++this.#verifySeq;
    const generation = this.#generation;
    const key = this.#serviceKey();
    this.#clearFailure();
    this.#verifying = true;
    this.#verifyResult = null;
    this.#renderVerify();
    const done = this.#startBusy(this.#strings.verifying);
    let candidates;
    try {
      candidates = await clientFor(this).validateAddressCandidates(this.#data.iso2, address);
    } catch (error) {
      if (generation !== this.#generation) return;
      if (isNotOffered(error)) {
        unsupported.addresses.add(key);
        this.#ui.search.hidden = true;
        this.#setInfo(this.#strings.verifyUnavailable);
      } else if (seq === this.#verifySeq) {
        this.#fail(this.#strings.verifyFailed, error, () => this.#verify());
      }
      return;
    } finally {
      done();
      this.#verifying = false;
      this.#renderVerify();
    }
    // The address changed while the API was asked: its answer is about another address.
    if (generation !== this.#generation || seq !== this.#verifySeq) return;
    const list = (Array.isArray(candidates) ? candidates : []).filter((c) => c && c.address && typeof c.address === 'object');
    if (list.length === 0) {
      this.#setVerifyResult({ kind: 'unknown' });
      return;
    }
    const same = (candidate) => {
      const theirs = this.#verifiableAddress(candidate.address);
      const names = new Set([...Object.keys(theirs), ...Object.keys(address)]);
      return [...names].every((name) => theirs[name] === address[name]);
    };
    const exact = list.find(same);
    this.#setVerifyResult(exact ? { kind: 'found' } : { kind: 'foundOther', candidate: list[0] });
  }

  #useVerifiedFormat() {
    const candidate = this.#verifyResult?.candidate;
    if (!candidate || this.#isDisabled()) return;
    this.#useAddress(candidate.address);
    this.#setVerifyResult({ kind: 'applied' });
    this.#ui.verify.focus();
  }

  // ---- validation -----------------------------------------------------------

  #validate() {
    let result;
    if (!this.#data || !this.#core) {
      result = { valid: false, problems: [], message: this.#iso2() ? this.#strings.notLoaded : this.#strings.noCountry };
    } else {
      const geoAreas = {};
      for (const [level, state] of this.#geo) if (state.options) geoAreas[`area${level}`] = state.options;
      const options = { geoAreas };
      if (this.#data.geographicalConstraints) options.geographicalConstraints = this.#data.geographicalConstraints;
      try {
        result = this.#core.validateAddress(this.#data.constraintsText, this.value, options);
      } catch (error) {
        const message = format(this.#strings.coreFailed, { message: errorMessage(error, this.#strings) });
        result = { valid: false, problems: [{ field: '', code: error?.code ?? 'internal', message }] };
      }
      const problems = [...(result.problems ?? [])];
      for (const problem of this.#serverProblems) {
        if (!problems.some((p) => p.field === problem.field && p.code === problem.code)) problems.push(problem);
      }
      result = { valid: !!result.valid && this.#serverProblems.length === 0, problems };
    }
    this.#result = result;
    this.#updateInternals();
    const key = JSON.stringify([result.valid, result.problems]);
    if (key !== this.#validityKey) {
      this.#validityKey = key;
      if (this.#data) emit(this, 'btalk-validity', { valid: result.valid, problems: result.problems });
    }
    return result;
  }

  /** Problems in field order (unknown fields last), as shown. */
  #orderedProblems() {
    const names = [...this.#controls.keys()];
    const rank = (problem) => {
      const index = names.indexOf(problem.field);
      return index < 0 ? names.length : index;
    };
    return [...this.#result.problems].sort((a, b) => rank(a) - rank(b));
  }

  #problemText(problem) {
    const control = this.#controls.get(problem.field);
    if (problem.code === 'constraintError') return format(this.#strings.constraintBroken, { message: problem.message ?? '' });
    const template = this.#strings[`problem.${problem.code}`];
    if (template && control) {
      return format(template, {
        label: control.field.label,
        min: control.field.minLength ?? '',
        max: control.field.maxLength ?? '',
      });
    }
    return String(problem.message || problem.code || '');
  }

  #renderProblems() {
    const firstByField = new Map();
    for (const problem of this.#orderedProblems()) {
      if (!firstByField.has(problem.field)) firstByField.set(problem.field, problem);
    }
    for (const [name, control] of this.#controls) {
      const problem = firstByField.get(name);
      const shown = problem && (this.#touched.has(name) || this.#submitted);
      // A broken rule is already said under the field, once.
      const repeatsRule = problem?.code === 'constraintError' && control.hasRuleError;
      control.error.textContent = shown && !repeatsRule ? this.#problemText(problem) : '';
      control.input.setAttribute('aria-invalid', shown ? 'true' : 'false');
    }
    this.#renderSummary();
  }

  #renderSummary() {
    const ui = this.#ui;
    const problems = this.#submitted && this.#data ? this.#orderedProblems() : [];
    if (problems.length === 0) {
      ui.summary.hidden = true;
      ui.summaryList.replaceChildren();
      return;
    }
    const seen = new Set();
    const items = [];
    for (const problem of problems) {
      const control = this.#controls.get(problem.field);
      if (control && seen.has(problem.field)) continue;
      seen.add(problem.field);
      const text = this.#problemText(problem);
      items.push(h('li', {}, control
        ? h('button', { type: 'button', class: 'linklike', text, onclick: () => control.input.focus() })
        : text));
    }
    ui.summaryList.replaceChildren(...items);
    ui.summary.hidden = false;
  }

  #showAll() {
    for (const name of this.#controls.keys()) this.#touched.add(name);
    this.#validate();
    this.#renderProblems();
  }

  #focusFirstError() {
    for (const problem of this.#orderedProblems()) {
      const control = this.#controls.get(problem.field);
      if (control && !control.input.disabled) {
        control.input.focus();
        return;
      }
    }
    if (!this.#ui.summary.hidden) this.#ui.summary.focus();
  }

  #updateInternals() {
    const address = this.value;
    const prefix = this.getAttribute('name');
    const data = new FormData();
    for (const [name, text] of Object.entries(address)) data.append(prefix ? `${prefix}[${name}]` : name, text);
    // The state (JSON) lets the browser restore the address on back/forward navigation.
    this.#internals.setFormValue(data, JSON.stringify(address));
    const result = this.#result;
    if (result.valid) {
      this.#internals.setValidity({});
      return;
    }
    const first = this.#orderedProblems()[0];
    const message = first ? this.#problemText(first) : (result.message ?? this.#strings.notLoaded);
    const anchor = first ? this.#controls.get(first.field)?.input : undefined;
    if (anchor && anchor.isConnected) this.#internals.setValidity({ customError: true }, message, anchor);
    else this.#internals.setValidity({ customError: true }, message || this.#strings.notLoaded);
  }

  // ---- save -----------------------------------------------------------------

  async #save() {
    const customerCode = this.getAttribute('customer-code');
    const voiceSiteId = this.getAttribute('voicesite-id');
    if (!customerCode || !voiceSiteId || this.#isDisabled()) {
      return { saved: false, error: { message: this.#strings.notLoaded, status: 0, code: 'notReady' } };
    }
    this.#clearFailure();
    this.#setInfo('');
    this.#serverProblems = [];
    this.#submitted = true;
    this.#showAll();
    if (!this.#result.valid) {
      if (!this.#data) this.#setInfo(this.#result.message ?? this.#strings.notLoaded);
      this.#focusFirstError();
      return { saved: false, problems: this.#result.problems };
    }
    // The core validated the trimmed values, so push exactly those.
    const address = Object.fromEntries(Object.entries(this.value)
      .map(([name, text]) => [name, String(text).trim()]).filter(([, text]) => text !== ''));
    const generation = this.#generation;
    const done = this.#startBusy(this.#strings.saving);
    try {
      const answer = await clientFor(this).pushVoiceAddress(customerCode, voiceSiteId, address);
      const savedId = String(answer?.voiceSiteId ?? voiceSiteId);
      const saved = answer?.voiceAddress && typeof answer.voiceAddress === 'object' ? answer.voiceAddress : address;
      if (generation === this.#generation) this.#setInfo(format(this.#strings.saved, { voiceSiteId: savedId }), 'success');
      emit(this, 'btalk-address-saved', { voiceSiteId: savedId, address: saved });
      return { saved: true, voiceSiteId: savedId, address: saved };
    } catch (error) {
      const problems = Array.isArray(error?.problems) && error.problems.length ? error.problems
        : Array.isArray(error?.body?.problems) ? error.body.problems : [];
      if (error?.status === 400 && problems.length) {
        // The server's verdict, shown on the fields it names.
        this.#serverProblems = problems
          .filter((p) => p && typeof p === 'object')
          .map((p) => ({ field: String(p.field ?? ''), code: String(p.code ?? 'serverRejected'), message: String(p.message ?? '') }));
        this.#validate();
        this.#renderProblems();
        this.#fail(this.#strings.serverRejected, error, null);
        this.#focusFirstError();
        return { saved: false, problems: this.#serverProblems, error: errorDetail(error, error.message) };
      }
      this.#fail(this.#strings.saveFailed, error, () => this.save());
      return { saved: false, error: errorDetail(error, error?.message ?? '') };
    } finally {
      done();
    }
  }
}
