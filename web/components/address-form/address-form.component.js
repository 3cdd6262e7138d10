// <btalk-address-form>: a country's Business Talk address as a form-associated custom element.
// The fields, their order and their rules come from the API (/addressconstraints,
// /geographicalconstraints) through the wasm core, which also validates as the user types.
// The element composes: a DOM-free controller (address-form.controller.js: state, transitions,
// validation), a view (address-form.view.js), the look-ups of the specialised address APIs
// (lookups/: one data file each, one mechanism loaded on demand), its styles and the shared
// localisation controller (internal/localize.js).
import { clientOf, coreOf, iso2Of, takeEarly } from './address-form.early.js';
import { BaseElement } from '../../internal/base.js';
import { LocalizeController } from '../../internal/localize.js';
import { PointerHoldController } from '../../internal/pointer-hold.js';
import { FormatHints } from '../../internal/problem-text.js';
import { adoptStyles, errorMessage, headingLevelOf, upgradeProperties } from '../../internal/shared.js';
import { AddressFormController } from './address-form.controller.js';
import { ADDRESS_FORM_CSS } from './address-form.styles.js';
import { AddressFormView } from './address-form.view.js';
import { CATALOGUE } from './i18n/index.js';

/**
 * One voicesite's address, in any configured country, as a form control.
 *
 * @tag btalk-address-form
 * @summary A country-specific, validated Business Talk address form (form-associated).
 *
 * @attr {string} api-base - API base URL for the auto-made client (e.g. `/proxy/btalk/v1`). Without it, `credentials` or a `client`, the form says it is not configured and asks nothing.
 * @attr {string} country - ISO 3166 alpha-2 code of the country whose form is shown.
 * @attr {string} customer-code - With `voicesite-id`: shows the Save button.
 * @attr {string} voicesite-id - The voicesite the address is saved to.
 * @attr {string} lang - UI language: any BCP 47 tag, the closest of LANGUAGES (internal/localize.js) is used;
 *   default: the closest ancestor's `lang`.
 * @attr {string} name - Form field name: entries are `name[pc]`, `name[a3]`... (bare names without it).
 * @attr {boolean} disabled - Disables every control.
 * @attr {number} heading-level - 1-6: the error summary's heading level (default 2).
 *
 * @prop {object|null} client - A BtalkClient (or compatible); without one, made from `api-base`.
 * @prop {Function|null} credentials - async () => ({ accessToken, apiKey }) for the auto-made client. Never an attribute.
 * @prop {object} strings - Overrides of the UI strings, flat or per language ({ fr: { save: '…' } }); reading gives the strings in use.
 * @prop {object} value - The address: { element: value } of the filled fields (+ dialZone when manual).
 * @prop {ValidityState} validity - The form-control validity (invalid until loaded and valid).
 * @prop {string} validationMessage - The first problem, in the UI language.
 *
 * @fires btalk-change - The address changed: detail { address }.
 * @fires btalk-validity - Validity or problems changed: detail { valid, problems }.
 * @fires btalk-address-saved - The API stored the address: detail { voiceSiteId, address }.
 * @fires btalk-error - A request failed: detail { message, status, code, apiCode? } (apiCode: the API's own code, e.g. an integer).
 * @fires btalk-loaded - The country's form is shown: detail { country }.
 *
 * @csspart form - The whole form.
 * @csspart status - Status line (role=status) and failure box (role=alert).
 * @csspart summary - The error summary shown on submit.
 * @csspart search - The address search box (only where the API searches), above the folded fields.
 * @csspart search-input - The search combobox input (also part "input").
 * @csspart search-status - The search's status line ("No address found…").
 * @csspart manual - The "Enter the address by hand" button that unfolds the fields.
 * @csspart candidates - A listbox of suggestions (the search's, a field's).
 * @csspart candidate - One suggestion (an option).
 * @csspart match - The part of a suggestion that matches what was typed.
 * @csspart field - One field's wrapper (data-field = element name).
 * @csspart label - A field label.
 * @csspart input - A text input.
 * @csspart select - A select.
 * @csspart combobox - A list of more than 30 choices: its type-ahead input (also part "input"), in place of the select.
 * @csspart listbox - The combobox's list of choices (only the rows in view are rendered).
 * @csspart option - One choice of the combobox's list.
 * @csspart option-active - The active choice (Enter chooses it).
 * @csspart description - A field description.
 * @csspart error - A field's error line.
 * @csspart note - A field's "changed to …" note (normalisation).
 * @csspart link - A field's "More information" link.
 * @csspart postal-codes - The postal code suggestions (Portugal; also part "candidates").
 * @csspart suggestions - Another field's suggestions (also part "candidates").
 * @csspart verify - The "Verify address" button.
 * @csspart verify-result - The verification's live region.
 * @csspart verify-use - Its "Use this format" button.
 * @csspart save - The Save button.
 *
 * @cssproperty --btalk-font - Font family.
 * @cssproperty --btalk-color-text - Text colour.
 * @cssproperty --btalk-color-bg - Background colour.
 * @cssproperty --btalk-color-accent - Accent (buttons, focus ring).
 * @cssproperty --btalk-color-error - Errors.
 * @cssproperty --btalk-color-border - Input borders.
 * @cssproperty --btalk-color-selected - The active search option's background.
 * @cssproperty --btalk-color-hover - A hovered search option's background.
 * @cssproperty --btalk-radius - Corner radius.
 * @cssproperty --btalk-gap - Space between blocks and between paired fields.
 * @cssproperty --btalk-field-gap - Space between field rows.
 */
export class BtalkAddressForm extends BaseElement {
  static formAssociated = true;
  static observedAttributes = ['api-base', 'country', 'customer-code', 'voicesite-id', 'lang', 'name', 'disabled',
    'heading-level'];

  #internals;
  #root;
  #view;
  #ctrl;
  #l10n;
  #client = null;
  #credentials = null;
  #overrides = null;
  #connected = false;
  #loadScheduled = false;
  #loadedKey = null;
  #formDisabled = false;
  #quietCheck = false;
  #saving = null;
  #pointer;
  #rendering = false;
  #renderAgain = false;
  #formatHints = new FormatHints();

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.#root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.#root, ADDRESS_FORM_CSS);
    // The localisation controller reads the language from the element (then its ancestors) and
    // the page's overrides from `strings`: here, the overrides as set, not the strings in use.
    const self = this;
    const host = {
      getAttribute: (name) => self.getAttribute(name),
      get parentNode() { return self.parentNode; },
      get strings() { return self.#overrides; },
    };
    this.#l10n = new LocalizeController(host, { catalogue: CATALOGUE, onChange: () => this.#languageChanged() });
    this.#ctrl = new AddressFormController({
      client: () => clientOf(this),
      // A client that exposes its core (loaded from a custom location) is preferred. Alone, the form
      // loads the address-only module; the full core when the page has it (loadAddressCore()).
      core: coreOf,
      iso2: () => this.#iso2(),
      // The country's answer the entry module asked for before the element was defined (null: none).
      early: (client, iso2) => takeEarly(this, client, iso2),
      lang: () => this.#l10n.lang,
      t: (key, params) => this.#t(key, params),
      list: (items) => this.#l10n.localizer.list(items),
      errorText: (error) => this.#errorText(error),
      emit: (type, detail) => this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true })),
      update: () => this.#render(),
      save: () => this.save(),
    });
    this.#view = new AddressFormView(this.#root, this.#handlers());
    // A press holds back what the blur it causes would show (the left field's error) until the
    // click is done: the layout never moves under the pointer between mouse-down and mouse-up.
    this.#pointer = new PointerHoldController(this.#root);
    this.addEventListener('invalid', () => {
      if (this.#quietCheck) return;
      this.#ctrl.state.submitted = true;
      this.#ctrl.showAll();
      this.#render();
    });
    this.#render();
  }

  // ---- lifecycle ------------------------------------------------------------

  connectedCallback() {
    upgradeProperties(this, ['client', 'credentials', 'strings', 'value']);
    this.#connected = true;
    this.#l10n.hostConnected();
    this.#render();
    if (this.#loadedKey !== this.#iso2()) this.#scheduleLoad();
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#l10n.hostDisconnected();
    this.#ctrl.dispose();
    this.#loadedKey = null; // the compiled validator is gone: a reconnect loads again (from the cache)
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'country') {
      if (this.#connected && this.#loadedKey !== this.#iso2()) this.#scheduleLoad();
    } else if (name === 'api-base') {
      if (this.#connected && !this.#client) this.#reload();
    } else if (name === 'lang') {
      this.#l10n.update();
    } else {
      this.#render(); // name, disabled, heading-level, customer-code, voicesite-id
    }
  }

  formAssociatedCallback() { this.#render(); }

  formDisabledCallback(disabled) {
    this.#formDisabled = disabled;
    this.#render();
  }

  formStateRestoreCallback(state) {
    if (typeof state !== 'string') return;
    try {
      this.value = JSON.parse(state);
    } catch {
      // Not a state this element saved (another version's): the form keeps what it has.
    }
  }

  formResetCallback() {
    this.#ctrl.reset();
    this.#ctrl.loadGeoLevel(1, this.#ctrl.generation);
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

  /** Overrides of the UI strings (see the i18n catalogues), flat or per language. */
  get strings() { return { ...this.#l10n.localizer.strings }; }
  set strings(value) {
    this.#overrides = value && typeof value === 'object' ? { ...value } : null;
    this.#l10n.update();
  }

  /** The address: { element: value } for the filled fields of the current country (+ dialZone when manual). */
  get value() { return this.#ctrl.value; }
  set value(address) {
    this.#ctrl.value = address;
    this.#render();
  }

  get validity() { return this.#internals.validity; }
  get validationMessage() { return this.#internals.validationMessage; }
  get willValidate() { return this.#internals.willValidate; }
  get form() { return this.#internals.form; }
  get type() { return 'btalk-address-form'; }

  checkValidity() {
    this.#ctrl.validate();
    this.#updateInternals();
    this.#quietCheck = true;
    try {
      return this.#internals.checkValidity();
    } finally {
      this.#quietCheck = false;
    }
  }

  /** Validates, shows every problem with a summary and moves focus to the first. */
  reportValidity() {
    this.#ctrl.state.submitted = true;
    const valid = this.checkValidity();
    this.#ctrl.showAll();
    this.#render();
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
      const ready = !this.#isDisabled();
      this.#saving = (ready
        ? this.#ctrl.save(this.getAttribute('customer-code'), this.getAttribute('voicesite-id'))
        : Promise.resolve({ saved: false, error: { message: this.#t('notLoaded'), status: 0, code: 'notReady' } }))
        .then((result) => {
          if (!result.saved && (result.problems || result.error?.status === 400)) this.#focusFirstError();
          return result;
        })
        .finally(() => {
          this.#saving = null;
          this.#render();
        });
      this.#render();
    }
    return this.#saving;
  }

  /**
   * The current address as a PIDF-LO civic address (RFC 5139 `<civicAddress>`, from the core), with
   * `xml:lang` when `lang` is given; null until the form has loaded. A value XML cannot carry
   * (a control character) throws a BtalkCoreError naming the field.
   */
  toCivicAddressXml({ lang } = {}) {
    const core = this.#ctrl.core;
    if (!core || !this.#iso2()) return null;
    return core.toCivicAddressXml(this.value, { country: this.#iso2(), ...(lang ? { lang } : {}) });
  }

  // ---- loading --------------------------------------------------------------

  #iso2() {
    return iso2Of(this);
  }

  // Deferred to a microtask so properties set right after the element is created or inserted
  // (client, credentials, value) are used by the first load.
  #scheduleLoad() {
    if (this.#loadScheduled) return;
    this.#loadScheduled = true;
    queueMicrotask(() => {
      this.#loadScheduled = false;
      if (!this.#connected) return;
      this.#loadedKey = this.#iso2();
      this.#ctrl.load().then(() => {
        if (this.#ctrl.state.status === 'failed') this.#loadedKey = null;
      });
    });
  }

  #reload() {
    this.#loadedKey = null;
    this.#scheduleLoad();
  }

  // ---- texts ----------------------------------------------------------------

  #t(key, params) {
    return this.#l10n.t(key, params);
  }

  #languageChanged() {
    this.#formatHints.clear();
    this.#ctrl.languageChanged();
    this.#ctrl.validate();
    this.#render();
  }

  /** A failure as text: the API's message (never codes in brackets), with the HTTP status. */
  #errorText(error) {
    return errorMessage(error, { errorStatus: this.#t('errorStatus') });
  }

  /**
   * "expected format: 9999 AA, for example 1012 AB (9 = digit, A = capital letter)" from the core
   * (core.formatExample, or the problem's own format/example), when it can derive one.
   */
  #formatHint(field, problem) {
    return this.#formatHints.text(this.#ctrl.core, field, problem, (key, params) => this.#t(key, params));
  }

  // ---- rendering ------------------------------------------------------------

  #isDisabled() {
    return this.#formDisabled || this.hasAttribute('disabled');
  }

  #render() {
    // Rebuilding the fields removes the focused input, whose blur asks for a render: that one
    // runs after this one, never inside it.
    if (this.#rendering) {
      this.#renderAgain = true;
      return;
    }
    this.#rendering = true;
    try {
      do {
        this.#renderAgain = false;
        this.#renderOnce();
      } while (this.#renderAgain);
    } finally {
      this.#rendering = false;
    }
  }

  #renderOnce() {
    this.#view.render(this.#ctrl, (key, params) => this.#t(key, params), {
      disabled: this.#isDisabled(),
      canSave: !!(this.getAttribute('voicesite-id') && this.getAttribute('customer-code')),
      headingLevel: headingLevelOf(this, 6),
      internals: this.#internals,
      errorText: (error) => this.#errorText(error),
      formatHint: (field, problem) => this.#formatHint(field, problem),
    });
    if (this.#saving) this.#view.ui.save.disabled = true;
    this.#updateInternals();
  }

  /** A blur during a press waits for the click (see PointerHoldController). */
  #blur(name) {
    this.#pointer.defer(`blur:${name}`, () => this.#ctrl.blur(name));
  }

  #updateInternals() {
    const address = this.#ctrl.value;
    const prefix = this.getAttribute('name');
    const data = new FormData();
    for (const [name, text] of Object.entries(address)) data.append(prefix ? `${prefix}[${name}]` : name, text);
    // The state (JSON) lets the browser restore the address on back/forward navigation.
    this.#internals.setFormValue(data, JSON.stringify(address));
    const result = this.#ctrl.state.result;
    if (result.valid) {
      this.#internals.setValidity({});
      return;
    }
    const first = this.#ctrl.orderedProblems()[0];
    const field = first ? this.#ctrl.field(first.field) : null;
    const message = first ? this.#view.problemText(first, field, (k, p) => this.#t(k, p), (f, p) => this.#formatHint(f, p))
      : this.#t(result.messageKey ?? 'notLoaded');
    const anchor = field ? this.#view.controls.get(field.name)?.input : undefined;
    // Folded fields (under the search box) are no anchor: the element itself is.
    if (anchor && anchor.isConnected && !this.#view.ui.fields.hidden) this.#internals.setValidity({ customError: true }, message, anchor);
    else this.#internals.setValidity({ customError: true }, message || this.#t('notLoaded'));
  }

  #focusFirstError() {
    for (const problem of this.#ctrl.orderedProblems()) {
      if (this.#view.focusField(problem.field)) return;
    }
    if (!this.#view.ui.summary.hidden) this.#view.ui.summary.focus();
  }

  // ---- user input -----------------------------------------------------------

  #handlers() {
    const ctrl = this.#ctrl;
    return {
      input: (name, text, choice) => ctrl.input(name, text, { choice }),
      blur: (name) => this.#blur(name),
      paste: (name, event) => this.#onPaste(name, event),
      retry: () => ctrl.retry(),
      save: () => this.save(),
      formKey: (event) => this.#onFormKey(event),
    };
  }

  /** Pasted text is trimmed before the length cap applies, then normalised (visibly). */
  #onPaste(name, event) {
    const input = event.currentTarget;
    const pasted = event.clipboardData?.getData('text/plain');
    if (typeof pasted !== 'string' || this.#isDisabled()) return;
    event.preventDefault();
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    const { text, caret } = this.#ctrl.paste(name, {
      before: input.value.slice(0, start), after: input.value.slice(end), pasted,
    });
    input.value = text;
    input.setSelectionRange(Math.min(caret, text.length), Math.min(caret, text.length));
  }

  #onFormKey(event) {
    // Enter in a text field submits, as in a native form (a combobox takes an Enter that chooses).
    if (event.key !== 'Enter' || event.defaultPrevented) return;
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement) || target.type !== 'text') return;
    event.preventDefault();
    this.#ctrl.blur(this.#view.focusedField() ?? '');
    if (this.form) this.form.requestSubmit();
    else if (!this.#view.ui.save.hidden) this.save();
    else this.reportValidity();
  }
}
