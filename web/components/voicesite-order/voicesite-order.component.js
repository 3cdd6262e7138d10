// <btalk-voicesite-order>: the whole "first voicesite order" flow of the Business Talk
// getting-started guide as one guided element. The flow itself (state, API calls, which
// failure shows where) is OrderFlow (voicesite-order.controller.js, DOM-free); the DOM is
// OrderView (voicesite-order.view.js); the strings are per-language catalogues (i18n/).
// This class holds the public surface: attributes, properties, events, focus.
//
// Rules kept throughout: API texts are data (textContent only); every API wait shows a
// loading state; a failure is said once, where it can be acted on, and never clears what
// the user typed; secrets never reach the DOM.

import { loadCore } from '../../core.js';
import { BtalkClient } from '../../client.js';
import { adoptStyles, clientFor, emit, headingLevelOf, upgradeProperties } from '../../internal/shared.js';
import { LocalizeController } from '../../internal/localize.js';
import { BaseElement } from '../../internal/base.js';
import { OrderFlow } from './voicesite-order.controller.js';
import { OrderView } from './voicesite-order.view.js';
import { VOICESITE_ORDER_CSS } from './voicesite-order.styles.js';
import { CATALOGUE } from './i18n/index.js';

export { generateOrderReference } from './voicesite-order.controller.js';

const DEFAULT_API_BASE = 'https://api.orange.com/btalk/v1';

// The inner <btalk-address-form>'s parts, re-exported as address-<part>.
const ADDRESS_FORM_PARTS = ['form', 'field', 'label', 'input', 'select', 'description', 'error', 'summary',
  'search', 'candidates', 'save', 'status', 'link'];

/**
 * The guided order flow: access check (/me) -> customer -> VPN -> country -> site names and
 * order reference -> the order (sent exactly once) -> the new voicesite's address (an embedded
 * `<btalk-address-form>`) -> the voicesites list, where a voicesite without an address gets
 * *Give its address*.
 *
 * @summary Orders a Business Talk voicesite and gives it its address.
 * @tag btalk-voicesite-order
 *
 * @attr {string} api-base - The API base URL of the client the element makes when the page gives none
 *   (e.g. `/proxy/btalk/v1` behind a same-origin proxy; the real API's own URL only with `credentials`). Without it,
 *   `credentials` or a `client`, the element says it is not configured and asks nothing.
 * @attr {string} lang - UI language: any BCP 47 tag, the closest of LANGUAGES (internal/localize.js) is used. Without it,
 *   the closest ancestor's `lang` (crossing shadow roots), else English. The embedded address form speaks the same.
 * @attr {string} customer-code - Preselects this customer when the key gives access to it.
 * @attr {string} country - Preselects this country (ISO2) when it is covered.
 * @attr {number} heading-level - 1-5: the title is a level-N heading and the steps N+1 (default 2).
 * @attr {'order' | 'list'} view - The view shown: `order` (default: the order form, then its result) or `list`
 *   (the voicesites list, where a voicesite without an address gets *Give its address*), so a portal can open
 *   on the list. The user switches with the *New order* / *Your voicesites* buttons, which set this attribute.
 *
 * @prop {import('../../client.js').BtalkClient | null} client - A client shared with the page (and the
 *   embedded address form); without one, made from `api-base` and `credentials`.
 * @prop {(() => Promise<{accessToken: string, apiKey: string}>) | null} credentials - Direct mode. Kept in memory only.
 * @prop {Record<string, string> | Record<string, Record<string, string>> | null} strings - Text overrides:
 *   flat `{ key: text }` and/or per language `{ fr: { key: text } }`; passed on to the address form.
 * @prop {string | null} voiceSiteId - Read-only: the voicesite this element ordered, once the API delivered it.
 * @prop {string} apiBase - Read-only: the `api-base` in use.
 * @prop {'order' | 'list'} view - The view shown (reflects the `view` attribute).
 *
 * @fires {CustomEvent<{order: object, voiceSiteId: string | null, found: boolean}>} btalk-order-created - The order is
 *   carried out: the API accepted it, or (`found`) its answer was lost and its voicesite was found in the list (then
 *   `order` has no orderId).
 * @fires {CustomEvent<{voiceSiteId: string, address: object}>} btalk-address-saved - From the embedded address form.
 * @fires {CustomEvent<{message: string, status: number, code: string, apiCode?: number|string, step: string}>} btalk-error - A call failed;
 *   `code`, `apiCode` and `status` are the API's (never shown to the user); `step`: core, access, customers, countries, vpns, order or list.
 *
 * @csspart container - Everything inside the element.
 * @csspart form - The order form (access to order).
 * @csspart step - Each step's section (access, customer, vpn, country, site, order, created, address, list); the one
 *   that needs the user now carries `data-current` (a styling hook).
 * @csspart label - A field's label.
 * @csspart select - The customer, VPN and country lists.
 * @csspart combobox - A list of more than 30 choices: its type-ahead input (also part "input"), in place of the select.
 * @csspart listbox - The combobox's list of choices (only the rows in view are rendered).
 * @csspart option - One choice of the combobox's list.
 * @csspart option-active - The active choice (Enter chooses it).
 * @csspart input - The text inputs (and the list filter).
 * @csspart error - A field's message, the order summary and failure boxes.
 * @csspart status - Status and loading texts.
 * @csspart button - Every button.
 * @csspart views - The bar of the two view buttons (*New order*, *Your voicesites*).
 * @csspart view-button - Each of the two view buttons (`aria-pressed` marks the one shown).
 * @csspart table - The voicesites table.
 * @csspart row - A voicesite row; `row-new` marks the one just ordered.
 * @csspart row-new - The row of the voicesite just ordered.
 * @csspart filter - The list filter (more than 20 voicesites).
 * @csspart pager - The list's page navigation (more than 20 voicesites).
 * @csspart give-address - The *Give its address* button of a row.
 * @csspart address-form - The embedded address form's parts, prefixed `address-` (address-input, address-save, ...).
 *
 * @cssproperty --btalk-font - Font family.
 * @cssproperty --btalk-color-text - Text colour (also the inner focus ring).
 * @cssproperty --btalk-color-bg - Background of the element and its inputs.
 * @cssproperty --btalk-color-accent - Buttons, focus ring, the new row's highlight.
 * @cssproperty --btalk-color-error - Messages and invalid fields.
 * @cssproperty --btalk-color-border - Borders of steps, inputs and rows.
 * @cssproperty --btalk-radius - Corner radius.
 * @cssproperty --btalk-gap - Space between fields and steps.
 */
export class BtalkVoicesiteOrder extends BaseElement {
  static get observedAttributes() {
    return ['api-base', 'lang', 'customer-code', 'country', 'heading-level', 'view'];
  }

  #client = null; // the client in use
  #clientFromProperty = null; // set by the page: wins over api-base
  #credentials = null;
  #overrides = null;
  #loadScheduled = false;
  #started = false;
  #addressForm = null;
  #addressFor = null; // the flow.address the form was made for
  #flow;
  #view;
  #localize;
  #renderQueued = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root, VOICESITE_ORDER_CSS);
    this.#flow = new OrderFlow({
      onChange: () => this.#queueRender(),
      onError: (error, step) => this.#emitError(error, step),
      loadCore,
    });
    this.#view = new OrderView(root, {
      submit: () => this.#submit(),
      input: (field, value) => this.#flow.setValue(field, value),
      blur: (field) => this.#flow.blur(field),
      retry: (load) => (load === 'order' ? this.#submit() : this.#flow.retry(load)),
      another: () => this.#orderAnother(),
      skip: () => this.#skipAddress(),
      give: (id) => this.#giveAddress(id),
      filter: (text) => this.#flow.setListFilter(text),
      page: (index) => this.#flow.setListPage(index),
      refresh: () => this.#flow.loadList(),
      saved: (event) => this.#onAddressSaved(event),
      view: (name) => { this.view = name; },
    });
    this.#localize = new LocalizeController(this, { catalogue: CATALOGUE, onChange: () => this.#render() });
    this.#render();
    this.#applyHeadingLevel();
    upgradeProperties(this, ['client', 'credentials', 'strings', 'view']);
  }

  // ---------------------------------------------------------------- properties

  /** A BtalkClient shared with the page (and the embedded address form). */
  get client() {
    // Made on first use, so a page can share the element's client (same base + credentials).
    if (this.#clientFromProperty || this.#client) return this.#clientFromProperty ?? this.#client;
    try {
      return this.#ensureClient();
    } catch {
      return null; // a bad api-base/credentials pair: the element shows why
    }
  }

  set client(value) {
    this.#clientFromProperty = value ?? null;
    this.#client = null;
    this.#reload();
  }

  /** async () => ({ accessToken, apiKey }): direct mode. Kept in memory only. */
  get credentials() {
    return this.#credentials;
  }

  set credentials(value) {
    this.#credentials = typeof value === 'function' ? value : null;
    if (!this.#clientFromProperty) {
      this.#client = null;
      this.#reload();
    }
  }

  /** Text overrides: { key: text } or { en: {...}, fr: {...} }. */
  get strings() {
    return this.#overrides;
  }

  set strings(value) {
    this.#overrides = value && typeof value === 'object' ? value : null;
    if (this.#addressForm) this.#addressForm.strings = this.#overrides;
    // Overrides apply at once (English or an already loaded language), then after any load.
    this.#localize.update();
    this.#render();
  }

  get apiBase() {
    return this.getAttribute('api-base') ?? DEFAULT_API_BASE;
  }

  /** The view shown: 'order' or 'list' (the `view` attribute). */
  get view() {
    return this.getAttribute('view') === 'list' ? 'list' : 'order';
  }

  set view(value) {
    this.setAttribute('view', value === 'list' ? 'list' : 'order');
  }

  /** The voicesite this element ordered, once the API delivered it, else null. */
  get voiceSiteId() {
    return this.#flow.created?.voiceSiteId ?? null;
  }

  // ---------------------------------------------------------------- lifecycle

  connectedCallback() {
    this.#localize.hostConnected();
    // Deferred: a page usually sets `client`/`credentials` right after appending.
    if (!this.#started) this.#reload();
  }

  disconnectedCallback() {
    this.#localize.hostDisconnected();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    switch (name) {
      case 'api-base':
        if (!this.#clientFromProperty) {
          this.#client = null;
          this.#reload();
        }
        break;
      case 'lang':
        this.#localize.update();
        break;
      case 'customer-code':
        this.#flow.applyPreferredCustomer(newValue);
        break;
      case 'country':
        this.#flow.applyPreferredCountry(newValue);
        break;
      case 'heading-level':
        this.#applyHeadingLevel();
        break;
      case 'view':
        this.#flow.setView(this.view);
        this.#render();
        break;
      default:
        break;
    }
  }

  /**
   * `heading-level="N"` (1-5) makes the title a level-N heading and the steps N+1, so the
   * element fits the page's outline (under a page's own h2, say 3). Default 2.
   */
  #applyHeadingLevel() {
    const level = headingLevelOf(this, 5);
    for (const heading of this.shadowRoot.querySelectorAll('h2, h3')) {
      if (level === null) heading.removeAttribute('aria-level');
      else heading.setAttribute('aria-level', String(heading.localName === 'h2' ? level : level + 1));
    }
    // The address form's error summary sits inside a step: one level below the steps.
    this.#addressForm?.setAttribute('heading-level', String(Math.min((level ?? 2) + 2, 6)));
  }

  // ---------------------------------------------------------------- rendering

  #queueRender() {
    // Several changes in one task render once; a change from user input renders before the next frame.
    if (this.#renderQueued) return;
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      this.#render();
    });
  }

  #render() {
    this.#view.render(this.#flow, this.#localize.localizer);
    this.#syncAddressForm();
    // The embedded address form speaks the same language.
    const form = this.#addressForm;
    if (form && form.getAttribute('lang') !== this.#localize.lang) form.setAttribute('lang', this.#localize.lang);
  }

  // ---------------------------------------------------------------- loading

  #ensureClient() {
    if (this.#clientFromProperty) {
      this.#client = this.#clientFromProperty;
    } else if (!this.#client) {
      // Shared with other elements of the page that have the same base and credentials.
      this.#client = clientFor({
        client: null,
        credentials: this.#credentials,
        getAttribute: (name) => (name === 'api-base' ? this.apiBase : this.getAttribute(name)),
      }, BtalkClient, () => this.#localize.wantedLang);
    }
    return this.#client;
  }

  /** Reloads everything the form shows (access, customers, countries), keeping input. */
  #reload() {
    if (this.#loadScheduled) return;
    this.#loadScheduled = true;
    queueMicrotask(() => {
      this.#loadScheduled = false;
      if (!this.isConnected) return;
      this.#started = true;
      this.#flow.preferred.customer = this.getAttribute('customer-code') ?? '';
      this.#flow.preferred.country = (this.getAttribute('country') ?? '').toUpperCase();
      let client;
      try {
        client = this.#ensureClient();
      } catch (error) {
        // e.g. credentials with a plain-http base URL: said once, in the access step.
        this.#flow.failSetup(error);
        return;
      }
      this.#flow.start(client);
      if (this.#addressForm) this.#addressForm.client = client;
    });
  }

  // ---------------------------------------------------------------- ordering

  async #submit() {
    const flow = this.#flow;
    if (!flow.inFlight && !flow.created && !flow.canOrder) {
      // Said on each press, so pressing the (aria-)disabled button is never silent. The reason
      // is already on screen: this region is for screen readers only.
      const reason = flow.blockReason ?? { key: flow.me ? 'order.disabled.core' : 'order.disabled.access', params: {} };
      this.#view.announce(this.#localize.t(reason.key, reason.params));
      return;
    }
    const result = await flow.submit();
    this.#render();
    if (result.outcome === 'invalid' || (result.outcome === 'failed' && result.field)) {
      // A refusal that names a field: the user changes that field (no Retry can help).
      const control = this.#view.controlOf(result.field);
      if (control && !control.disabled) control.focus();
    } else if (result.outcome === 'created') {
      emit(this, 'btalk-order-created', { order: result.order, voiceSiteId: result.voiceSiteId, found: !!result.found });
      if (result.voiceSiteId) await this.#syncAddressForm();
      else await flow.loadList();
      this.#view.ui.createdTitle.focus();
    }
  }

  #orderAnother() {
    this.#flow.orderAnother();
    this.#render();
    this.#view.ui.technicalSiteName.input.focus();
  }

  // ---------------------------------------------------------------- address and list

  /** Makes (or drops) the embedded address form for flow.address. */
  async #syncAddressForm() {
    const target = this.#flow.address;
    if (target === this.#addressFor) return;
    this.#addressFor = target;
    this.#addressForm = null;
    if (!target) return;
    // Set properties only once the class is defined, so the element's own accessors receive
    // them (an instance property set before upgrade would shadow them).
    if (!customElements.get('btalk-address-form')) await customElements.whenDefined('btalk-address-form');
    if (this.#flow.address !== target) return;
    const form = document.createElement('btalk-address-form');
    form.setAttribute('country', target.country);
    form.setAttribute('customer-code', target.customerCode);
    form.setAttribute('voicesite-id', target.voiceSiteId);
    form.setAttribute('lang', this.#localize.lang);
    form.setAttribute('api-base', this.apiBase);
    form.client = this.#client;
    if (this.#overrides) form.strings = this.#overrides;
    form.setAttribute('exportparts', ADDRESS_FORM_PARTS.map((part) => `${part}: address-${part}`).join(', '));
    this.#addressForm = form;
    this.#applyHeadingLevel();
    this.#view.ui.addressHost.replaceChildren(form);
  }

  async #giveAddress(voiceSiteId) {
    const target = await this.#flow.openAddress(voiceSiteId);
    if (!target) return;
    this.#render();
    await this.#syncAddressForm();
    this.#view.ui.addressTitle.focus();
  }

  #skipAddress() {
    this.#flow.skipAddress().then(() => this.#view.ui.listTitle.focus());
    this.#render();
  }

  #onAddressSaved(event) {
    // The inner form announces the save itself; the flow moves on to the list.
    if (event.target !== this.#addressForm) return;
    const done = this.#flow.addressSaved(event.detail?.voiceSiteId ?? this.#flow.address?.voiceSiteId);
    this.#render();
    done.then(() => this.#view.ui.listTitle.focus());
  }

  #emitError(error, step) {
    emit(this, 'btalk-error', {
      message: typeof error?.message === 'string' ? error.message : String(error),
      status: Number(error?.status) || 0,
      code: typeof error?.code === 'string' ? error.code : 'error',
      ...(error?.apiCode === undefined ? {} : { apiCode: error.apiCode }),
      step,
    });
  }
}
