// The view of <btalk-voicesite-order>: builds the shadow DOM once (never parsing HTML: API
// texts are set as textContent) and renders an OrderFlow into it. It holds no state of the
// flow; what the user does goes back to the element through `actions`.
import { h } from '../../internal/shared.js';
import { regionName } from '../../internal/localize.js';
import { ChoiceField } from '../../internal/choice-field.js';
// A long list's combobox (internal/combobox.js) has the parts combobox, listbox, option and option-active.
import { SHOWN_FIELDS } from './voicesite-order.controller.js';
import { VoicesiteList } from './voicesite-list.view.js';

// What a field is called in problem messages: the label of the control that holds it.
const FIELD_LABEL_KEYS = {
  customer: 'customer.label',
  customerOrderReference: 'customerOrderReference.label',
  technicalSiteName: 'technicalSiteName.label',
  customerSiteLabel: 'customerSiteLabel.label',
  country: 'country.label',
  vpnId: 'vpn.label',
};
// The core's limits (core/src/order.cc), for messages that name them.
const FIELD_MAX_LENGTH = { customerOrderReference: 64, technicalSiteName: 50, customerSiteLabel: 100, vpnId: 64 };
// Where each load's status and failure show: slot name -> load name.
const SLOTS = { access: 'access', customers: 'customers', vpns: 'vpns', countries: 'countries', core: 'core', order: 'order', list: 'list' };
// Loads whose loading text shows in place (in the list it fills, or the access line) and is only
// announced from the slot: the layout keeps its height from the first render to the loaded form.
const LOADING_IN_PLACE = new Set(['access', 'customers', 'vpns', 'countries', 'core']);
const LOADING_KEYS = {
  access: 'access.loading', customers: 'customer.loading', vpns: 'vpn.loading', countries: 'country.loading',
  core: 'core.loading', order: 'order.sending', list: 'list.loading',
};

/** The address step's heading: "Address of <label> (<technical name>)", or the bare title. */
function addressTitle(address, t) {
  const label = String(address.customerSiteLabel ?? '').trim();
  const name = String(address.technicalSiteName ?? '').trim();
  if (label && name && label !== name) return t.t('address.titleFor', { site: `${label} (${name})` });
  if (label || name) return t.t('address.titleFor', { site: label || name });
  return t.t('address.title');
}

export class OrderView {
  ui = {};
  slots = {};
  #texts = []; // [node, key]: re-rendered on language change
  #actions;
  #root;

  /**
   * @param {ShadowRoot} root
   * @param {{ submit(), input(field, value), blur(field), retry(load), another(), skip(), give(id),
   *   filter(text), page(index), refresh(), saved(event), view(name) }} actions
   */
  constructor(root, actions) {
    this.#root = root;
    this.#actions = actions;
    root.append(this.#build());
  }

  #text(node, key) {
    this.#texts.push([node, key]);
    return node;
  }

  #build() {
    const ui = this.ui;
    const act = this.#actions;
    const form = h('form', { part: 'form', novalidate: '' });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      act.submit();
    });
    ui.form = form;
    ui.title = this.#text(h('h2', { class: 'title', id: 'title' }), 'title');
    // The two views, reachable at any time: the order form and the voicesites list.
    const viewButton = (name, key) => {
      const button = this.#text(h('button', { part: 'button view-button', type: 'button', class: 'secondary', id: `view-${name}`, 'data-view': name, 'aria-pressed': 'false' }), key);
      button.addEventListener('click', () => act.view(name));
      return button;
    };
    ui.orderViewButton = viewButton('order', 'view.order');
    ui.listViewButton = viewButton('list', 'view.list');
    ui.views = h('nav', { part: 'views', class: 'views' }, ui.orderViewButton, ui.listViewButton);

    const step = (name, labelledBy, ...children) => h('section', {
      part: 'step', 'aria-labelledby': labelledBy, 'data-step': name,
    }, ...children);

    ui.accessInfo = h('p', { part: 'status', id: 'access-info' });
    ui.accessStep = step('access', 'access-title', this.#text(h('h3', { id: 'access-title', class: 'visually-hidden' }), 'access.title'),
      ui.accessInfo, this.#slot('access'));

    ui.customerSelect = this.#select('customer', 'customer.label');
    ui.customerInfo = h('p', { part: 'status', id: 'customer-info' });
    ui.customerStep = step('customer', 'customer-label', ui.customerSelect.wrap, ui.customerInfo, this.#slot('customers'));

    ui.vpnSelect = this.#select('vpnId', 'vpn.label');
    ui.vpnInfo = h('p', { part: 'status', id: 'vpn-info' });
    ui.vpnStep = step('vpn', 'vpnId-label', ui.vpnSelect.wrap, ui.vpnInfo, this.#slot('vpns'));

    ui.countrySelect = this.#select('country', 'country.label', 'country.hint');
    ui.countryStep = step('country', 'country-label', ui.countrySelect.wrap, this.#slot('countries'));

    ui.technicalSiteName = this.#input('technicalSiteName', { autocomplete: 'off', spellcheck: 'false' });
    ui.customerSiteLabel = this.#input('customerSiteLabel', { autocomplete: 'off' });
    ui.customerOrderReference = this.#input('customerOrderReference', { autocomplete: 'off', spellcheck: 'false' });
    ui.referenceLockNote = this.#text(h('p', { class: 'hint', id: 'customerOrderReference-lock', hidden: '' }), 'customerOrderReference.locked');
    ui.customerOrderReference.wrap.append(ui.referenceLockNote);
    ui.siteStep = step('site', 'site-title', this.#text(h('h3', { id: 'site-title' }), 'site.title'),
      h('div', { class: 'pair' }, ui.technicalSiteName.wrap, ui.customerSiteLabel.wrap),
      ui.customerOrderReference.wrap);

    ui.orderButton = this.#text(h('button', { part: 'button', type: 'submit', id: 'order-button', 'aria-describedby': 'order-reason' }), 'order.button');
    ui.orderReason = h('p', { part: 'status', id: 'order-reason' });
    ui.orderSummary = h('p', { part: 'error', id: 'order-summary', role: 'alert' });
    ui.orderAnnounce = h('p', { class: 'visually-hidden', id: 'order-announce', role: 'alert' });
    ui.orderStep = step('order', 'order-title',
      this.#text(h('h3', { id: 'order-title', class: 'visually-hidden' }), 'order.button'),
      h('div', { class: 'actions' }, ui.orderButton), ui.orderReason, ui.orderSummary, ui.orderAnnounce,
      this.#slot('core'), this.#slot('order', { persistentStatus: true }));

    form.append(ui.accessStep, h('div', { class: 'choices' }, ui.customerStep, ui.vpnStep, ui.countryStep), ui.siteStep, ui.orderStep);

    // After the order: result + address + list (outside the order form, so the inner
    // address form's Enter key never submits the order again).
    ui.createdTitle = h('h3', { id: 'created-title', class: 'result', tabindex: '-1' });
    ui.createdDetails = h('p', { part: 'status', id: 'created-details' });
    ui.anotherButton = this.#text(h('button', { part: 'button', type: 'button', class: 'secondary' }), 'order.another');
    ui.anotherButton.addEventListener('click', () => act.another());
    ui.createdStep = step('created', 'created-title', ui.createdTitle, ui.createdDetails, h('div', { class: 'actions' }, ui.anotherButton));
    ui.createdStep.hidden = true;

    ui.addressTitle = this.#text(h('h3', { id: 'address-title', tabindex: '-1' }), 'address.title');
    ui.addressIntro = h('p', { part: 'status', id: 'address-intro' });
    ui.addressHost = h('div', { class: 'address-host' });
    ui.skipButton = this.#text(h('button', { part: 'button', type: 'button', class: 'secondary', id: 'skip-address' }), 'address.skip');
    ui.skipButton.addEventListener('click', () => act.skip());
    ui.addressStep = step('address', 'address-title', ui.addressTitle, ui.addressIntro, ui.addressHost, h('div', { class: 'actions' }, ui.skipButton));
    ui.addressStep.hidden = true;
    ui.addressStep.addEventListener('btalk-address-saved', (event) => act.saved(event));

    ui.listTitle = this.#text(h('h3', { id: 'list-title', tabindex: '-1' }), 'list.title');
    ui.listHost = h('div', { class: 'list-host' });
    ui.refreshButton = this.#text(h('button', { part: 'button', type: 'button', class: 'secondary' }), 'list.refresh');
    ui.refreshButton.addEventListener('click', () => act.refresh());
    ui.listSaved = h('p', { part: 'status', id: 'list-saved', role: 'status', 'aria-live': 'polite' });
    ui.listStep = step('list', 'list-title', ui.listTitle, ui.listSaved, this.#slot('list'), ui.listHost, h('div', { class: 'actions' }, ui.refreshButton));
    ui.listStep.hidden = true;
    this.list = new VoicesiteList(ui.listHost, {
      onGive: (id) => act.give(id), onFilter: (text) => act.filter(text), onPage: (index) => act.page(index),
    });

    return h('div', { part: 'container', class: 'container' }, ui.title, ui.views, form, ui.createdStep, ui.addressStep, ui.listStep);
  }

  /** A choice: a select, or a type-ahead combobox once its list is long (internal/choice-field.js). */
  #select(name, labelKey, hintKey) {
    const id = `${name}-select`;
    const label = this.#text(h('label', { part: 'label', for: id, id: `${name}-label` }), labelKey);
    const choice = new ChoiceField({
      id, name, labelId: `${name}-label`, part: 'select', h,
      attributes: { 'aria-describedby': `${name}-error${hintKey ? ` ${name}-hint` : ''}` },
      text: (key, params) => this.t?.t(key, params) ?? key,
      onChange: (value) => this.#actions.input(name, value),
    });
    const error = h('p', { part: 'error', id: `${name}-error` });
    // The hint goes under the list, so the three lists of a wide layout line up.
    const wrap = h('div', { class: 'field', 'data-field': name }, label, choice.root, error);
    if (hintKey) wrap.append(this.#text(h('p', { class: 'hint', id: `${name}-hint` }), hintKey));
    return { wrap, label, choice, error, get select() { return choice.control; } };
  }

  #input(name, attributes = {}) {
    const id = `${name}-input`;
    const label = this.#text(h('label', { part: 'label', for: id }), `${name}.label`);
    const hint = this.#text(h('p', { class: 'hint', id: `${name}-hint` }), `${name}.hint`);
    const input = h('input', { part: 'input', id, name, type: 'text', 'aria-describedby': `${name}-hint ${name}-error`, ...attributes });
    const error = h('p', { part: 'error', id: `${name}-error` });
    input.addEventListener('input', () => this.#actions.input(name, input.value));
    input.addEventListener('blur', () => this.#actions.blur(name));
    const wrap = h('div', { class: 'field', 'data-field': name }, label, hint, input, error);
    return { wrap, label, input, error };
  }

  /**
   * A status area for one load: a loading text, or a failure (one sentence, the API's own
   * words when they add something, and one action when trying again can help).
   * `persistentStatus`: the status text goes in a live region that exists from the start, so
   * its change is announced (used for the order, which the user starts).
   */
  #slot(name, { persistentStatus = false } = {}) {
    const node = h('div', { class: 'slot', 'data-slot': name });
    const status = persistentStatus ? h('p', { part: 'status', role: 'status', 'aria-live': 'polite' }) : null;
    const body = h('div', { class: 'slot-body' });
    if (status) node.append(status);
    node.append(body);
    this.slots[name] = { node, status, body, signature: '' };
    return node;
  }

  // ---------------------------------------------------------------- rendering

  /** Renders everything from `flow` in the language of `t` (a Localizer). */
  render(flow, t) {
    this.t = t;
    for (const [node, key] of this.#texts) node.textContent = t.t(key);
    this.#renderSlots(flow, t);
    this.#renderAccess(flow, t);
    this.#renderCustomers(flow, t);
    this.#renderVpns(flow, t);
    this.#renderCountries(flow, t);
    this.#renderInputs(flow);
    this.#renderProblems(flow, t);
    this.#renderOrderState(flow, t);
    this.#renderAfter(flow, t);
    for (const section of this.#root.querySelectorAll('[data-step]')) {
      if (section.dataset.step === flow.step) section.setAttribute('data-current', '');
      else section.removeAttribute('data-current');
    }
  }

  #renderSlots(flow, t) {
    // Only the first box of one kind of failure is an alert: the same outage is heard once.
    const announced = new Set();
    for (const [slotName, loadName] of Object.entries(SLOTS)) {
      const slot = this.slots[slotName];
      const load = flow.loads[loadName];
      const failure = flow.shownFailure(loadName);
      const loading = load.status === 'loading';
      const kept = !!failure && flow.hasTypedInput;
      const announce = !!failure && !announced.has(failure.failure.key);
      if (failure) announced.add(failure.failure.key);
      const more = failure?.failure.more ?? null;
      const signature = JSON.stringify([t.lang, loading, failure ? [failure.failure.key, failure.failure.detail, more, announce, !!failure.retry, kept, failure.error?.message] : null]);
      const step = slot.node.closest('[part~="step"]');
      step?.setAttribute('aria-busy', String(loading));
      // The order's look-up (is the voicesite there?) says so while it runs.
      const loadingKey = load.phase === 'checking' ? 'order.checking' : LOADING_KEYS[loadName];
      if (slot.status) slot.status.textContent = loading ? t.t(loadingKey) : '';
      if (signature === slot.signature) continue;
      slot.signature = signature;
      // Focus inside what is replaced (a pressed Retry) would fall to <body>: keep it in the step.
      const hadFocus = slot.node.contains(this.#root.activeElement);
      slot.body.replaceChildren();
      if (loading && !slot.status) {
        slot.body.append(h('p', {
          part: 'status', role: 'status', 'aria-live': 'polite', text: t.t(loadingKey),
          class: LOADING_IN_PLACE.has(loadName) ? 'visually-hidden' : null,
        }));
      }
      if (failure) {
        const { key, params, detail, status } = failure.failure;
        const box = h('div', {
          part: 'error', class: 'failure', role: announce ? 'alert' : null, 'data-error-status': String(status),
        }, h('p', { class: 'headline', text: t.t(key, params) }));
        if (detail) box.append(h('p', { class: 'detail', text: detail }));
        if (more) box.append(h('p', { class: 'more', text: t.t(more.key, more.params ?? {}) }));
        if (kept) box.append(h('p', { class: 'kept', text: t.t('error.kept') }));
        if (failure.retry) {
          const retry = h('button', { part: 'button', type: 'button', class: 'retry', text: t.t('error.retry') });
          retry.addEventListener('click', () => this.#actions.retry(loadName));
          box.append(retry);
        }
        slot.body.append(box);
      }
      if (hadFocus && !slot.node.contains(this.#root.activeElement)) this.#keepFocusIn(step, slot.node);
    }
  }

  /** Focus for a step whose Retry vanished: its new Retry, its first usable control, or the step. */
  #keepFocusIn(step, slotNode) {
    const target = slotNode.querySelector('button.retry')
      ?? step?.querySelector('select:not(:disabled), input:not(:disabled), button:not(:disabled):not([hidden])');
    if (target) {
      target.focus();
    } else if (step) {
      step.setAttribute('tabindex', '-1');
      step.focus();
    }
  }

  #renderAccess(flow, t) {
    const me = flow.me;
    const profile = typeof me?.rightsProfile === 'string' && me.rightsProfile ? me.rightsProfile : '?';
    const loading = flow.loads.access.status === 'loading';
    this.ui.accessInfo.textContent = me ? t.t(me.canOrder ? 'access.ok' : 'access.readonly', { profile })
      : loading ? t.t('access.loading') : '';
  }

  #renderCustomers(flow, t) {
    const { choice, wrap } = this.ui.customerSelect;
    const customers = flow.customers;
    const info = this.ui.customerInfo;
    const loading = flow.loads.customers.status === 'loading';
    choice.update({
      options: (customers ?? []).map((c) => ({
        value: String(c.customerCode ?? ''), label: c.name ? `${c.name} (${c.customerCode})` : String(c.customerCode ?? ''),
      })),
      optionsKey: JSON.stringify([t.lang, customers]),
      value: flow.values.customer,
      placeholder: customers?.length === 1 ? null : t.t(!customers && loading ? 'customer.loading' : 'customer.choose'),
      disabled: flow.locked || !customers || customers.length === 0,
    });
    // One customer: chosen automatically, and said so.
    wrap.hidden = customers?.length === 1;
    if (!customers) info.textContent = '';
    else if (customers.length === 0) info.textContent = t.t('customer.none');
    else if (customers.length === 1) info.textContent = t.t('customer.single', { name: customers[0].name ?? '', code: customers[0].customerCode });
    else info.textContent = '';
  }

  #renderVpns(flow, t) {
    const { choice } = this.ui.vpnSelect;
    const vpns = flow.vpns;
    const loading = flow.loads.vpns.status === 'loading';
    choice.update({
      options: (vpns ?? []).map((v) => ({
        value: String(v.vpnId ?? ''), label: v.name ? `${v.name} (${v.vpnCode ?? v.vpnId})` : String(v.vpnId ?? ''),
      })),
      optionsKey: JSON.stringify([t.lang, vpns]),
      value: vpns ? flow.values.vpnId : '',
      placeholder: vpns?.length === 1 ? null : t.t(!vpns && loading ? 'vpn.loading' : 'vpn.choose'),
      disabled: flow.locked || !vpns || vpns.length === 0,
    });
    if (vpns) this.ui.vpnInfo.textContent = vpns.length === 0 ? t.t('vpn.none') : '';
    // Said from the start (also while the customers load), so the line does not appear later.
    else this.ui.vpnInfo.textContent = flow.values.customer || (flow.customers && flow.customers.length < 2) ? '' : t.t('vpn.needCustomer');
  }

  #renderCountries(flow, t) {
    const { choice } = this.ui.countrySelect;
    const countries = flow.countries;
    const loading = flow.loads.countries.status === 'loading';
    const key = JSON.stringify([t.lang, countries]);
    if (key !== this.countriesKey) {
      this.countriesKey = key;
      const collator = new Intl.Collator(t.lang);
      // Country names in the UI's language (the API's are English), sorted as that language sorts.
      this.countryChoices = (countries ?? [])
        .map((country) => ({ country, name: regionName(country.iso2, t.lang, String(country.name || country.iso2)) }))
        .sort((a, b) => collator.compare(a.name, b.name))
        .map(({ country, name }) => ({
          value: String(country.iso2 ?? ''), label: country.covered ? name : t.t('country.notCovered', { name }), disabled: !country.covered,
        }));
    }
    choice.update({
      options: this.countryChoices, optionsKey: key, value: countries ? flow.values.country : '',
      placeholder: t.t(loading && !countries ? 'country.loading' : 'country.choose'), disabled: flow.locked || !countries,
    });
  }

  #renderInputs(flow) {
    for (const field of ['technicalSiteName', 'customerSiteLabel', 'customerOrderReference']) {
      const { input } = this.ui[field];
      if (input.value !== flow.values[field]) input.value = flow.values[field];
    }
  }

  problemText(problem, t) {
    const labelKey = FIELD_LABEL_KEYS[problem.field];
    const label = labelKey ? t.t(labelKey) : String(problem.field ?? '');
    const message = typeof problem.message === 'string' ? problem.message : String(problem.code ?? '');
    // The API's own words (data) for what it refused; our texts for the core's verdicts.
    if (problem.fromApi && message) return t.t('problem.api', { label, message });
    if (problem.fromCode && problem.field === 'technicalSiteName') return t.t('problem.technicalSiteName.inUse', { label });
    const vars = { label, max: FIELD_MAX_LENGTH[problem.field] };
    for (const key of [`problem.${problem.field}.${problem.code}`, `problem.${problem.code}`]) {
      const text = t.t(key, vars);
      if (text !== key) return text;
    }
    return message;
  }

  controlOf(field) {
    const ui = this.ui;
    const control = {
      customer: ui.customerSelect, vpnId: ui.vpnSelect, country: ui.countrySelect,
      technicalSiteName: ui.technicalSiteName, customerSiteLabel: ui.customerSiteLabel, customerOrderReference: ui.customerOrderReference,
    }[field];
    return control ? control.input ?? control.select : null;
  }

  #renderProblems(flow, t) {
    const ui = this.ui;
    const controls = {
      customer: ui.customerSelect, customerOrderReference: ui.customerOrderReference, technicalSiteName: ui.technicalSiteName,
      customerSiteLabel: ui.customerSiteLabel, country: ui.countrySelect, vpnId: ui.vpnSelect,
    };
    const flagged = [];
    for (const field of SHOWN_FIELDS) {
      const control = controls[field];
      const element = control.input ?? control.select;
      const problems = flow.problemsOf(field);
      control.error.textContent = problems.map((p) => this.problemText(p, t)).join(' ');
      if (problems.length) {
        element.setAttribute('aria-invalid', 'true');
        if (flow.submitAttempted) flagged.push(t.t(FIELD_LABEL_KEYS[field]));
      } else {
        element.removeAttribute('aria-invalid');
      }
    }
    const other = flow.otherProblems.map((p) => this.problemText(p, t));
    const invalid = flow.submitAttempted && !flow.created && (flagged.length || other.length) && flow.loads.order.status !== 'error';
    ui.orderSummary.textContent = invalid
      ? [flagged.length ? t.t('order.invalid', { fields: t.list(flagged) }) : t.t('order.invalid.core'), ...other].join(' ')
      : '';
  }

  #renderOrderState(flow, t) {
    const ui = this.ui;
    const reason = flow.blockReason;
    // aria-disabled, not disabled: the button stays focusable, so keyboard and screen reader
    // users reach it and hear why (aria-describedby); the element refuses every blocked press.
    ui.orderButton.setAttribute('aria-disabled', String(!flow.canOrder || flow.locked));
    ui.orderReason.textContent = reason ? t.t(reason.key, reason.params) : '';
    if (flow.canOrder) ui.orderAnnounce.textContent = '';
    ui.technicalSiteName.input.readOnly = flow.locked;
    ui.customerSiteLabel.input.readOnly = flow.locked;
    ui.customerOrderReference.input.readOnly = flow.locked || flow.referenceLocked;
    ui.referenceLockNote.hidden = !(flow.referenceLocked && !flow.created);
    const describedBy = ['customerOrderReference-hint', 'customerOrderReference-error'];
    if (!ui.referenceLockNote.hidden) describedBy.push('customerOrderReference-lock');
    ui.customerOrderReference.input.setAttribute('aria-describedby', describedBy.join(' '));
  }

  #renderAfter(flow, t) {
    const ui = this.ui;
    const created = flow.created;
    const listView = flow.view === 'list';
    ui.views.setAttribute('aria-label', t.t('view.label'));
    ui.orderViewButton.setAttribute('aria-pressed', String(!listView));
    ui.listViewButton.setAttribute('aria-pressed', String(listView));
    ui.form.hidden = listView;
    // The order's result stays while its own voicesite's address is given, not another's.
    ui.createdStep.hidden = !created || listView || (!!flow.address && !flow.address.fromOrder);
    if (created) {
      const order = created.order ?? {};
      const vars = {
        id: created.voiceSiteId, orderId: order.orderId ?? '?', status: order.status ?? '?',
        reference: order.customerOrderReference ?? created.request.customerOrderReference,
      };
      ui.createdTitle.textContent = created.voiceSiteId ? t.t('order.created', vars) : t.t('order.noSiteId', vars);
      // Found in the list after a lost answer: there is no order id or status to show.
      ui.createdDetails.textContent = t.t(created.found ? 'order.found' : 'order.createdDetails', vars);
    }
    const address = flow.address;
    ui.addressStep.hidden = !address;
    ui.addressIntro.textContent = address ? t.t('address.intro', { id: address.voiceSiteId }) : '';
    // The heading names the site: its label and technical name (the id when the names are unknown).
    ui.addressTitle.textContent = address ? addressTitle(address, t) : t.t('address.title');
    if (!address) ui.addressHost.replaceChildren();
    ui.listStep.hidden = !!address || !(listView || (flow.listShown && created));
    ui.listSaved.textContent = flow.lastSaved && !flow.address ? t.t('list.saved', { id: flow.lastSaved }) : '';
    const core = flow.core;
    this.list.render({
      sites: flow.voicesites,
      filter: flow.listView.filter,
      page: flow.listView.page,
      newId: created?.voiceSiteId ?? null,
      progress: flow.listProgress,
      // Hook for core.formatAddress (addresses as lines) where the core and the list offer it.
      formatAddress: typeof core?.formatAddress === 'function' ? (country, address) => core.formatAddress(address, { country }) : null,
    }, t);
  }

  /** Announces `text` to screen readers again even when it is the same as before. */
  announce(text) {
    const region = this.ui.orderAnnounce;
    region.textContent = '';
    setTimeout(() => { region.textContent = text; }, 50);
  }
}
