// <btalk-address-form>'s view: renders the controller's state into the shadow root. It builds
// the field DOM when the field list changes (country, language, parish list) and otherwise only
// updates values, choices, messages and ARIA states in place (the caret and focus stay put).
// API texts reach the DOM as text only (textContent, attribute values), never as HTML.
import { h, isHttpUrl } from '../../internal/shared.js';
import { layoutRows, lowerFirst } from './address-form.fields.js';
import { problemText } from '../../internal/problem-text.js';

/** Sets a node's text only when it differs: live regions stay silent when nothing changed. */
function setText(node, text) {
  const value = String(text ?? '');
  if (node.textContent !== value) node.textContent = value;
}

export class AddressFormView {
  /**
   * @param {ShadowRoot} root
   * @param {object} on  handlers: input(name, text, choice), blur(name), paste(name, event),
   *   search(text), searchKey(event), choose(index), retry(), verify(), useFormat(), save(),
   *   postalKey(event), choosePostal(index), formKey(event)
   */
  constructor(root, on) {
    this.root = root;
    this.on = on;
    this.controls = new Map(); // name -> { field, wrapper, input, error, note, lookup, lookupStatus, optionsKey }
    this.fieldsKey = null;
    this.ui = {};
    this.#skeleton();
  }

  #skeleton() {
    const { ui, on } = this;
    ui.status = h('p', { part: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });
    ui.alertText = h('span');
    ui.retry = h('button', { type: 'button', class: 'secondary', onclick: () => on.retry() });
    ui.alert = h('div', { part: 'status', class: 'status error-status', role: 'alert', hidden: true }, ui.alertText, ui.retry);
    // The summary's title is a heading; `heading-level` fits it into the page's outline.
    ui.summaryTitle = h('h2', { id: 'summary-title' });
    ui.summaryList = h('ul');
    ui.summary = h('div', {
      part: 'summary', class: 'summary', role: 'alert', tabindex: '-1', 'aria-labelledby': 'summary-title', hidden: true,
    }, ui.summaryTitle, ui.summaryList);
    // The address search and verification (address-form.view-services.js) come with the look-ups.
    ui.search = h('div', { part: 'search', class: 'search', hidden: true });
    // Which field to fill first, when a later one fills the others (PT, CH: the postal code).
    ui.startHint = h('p', { part: 'description', class: 'description start-hint', hidden: true });
    ui.fields = h('div', { class: 'fields' });
    ui.save = h('button', { type: 'button', part: 'save', hidden: true, onclick: () => on.save() });
    ui.actions = h('div', { class: 'actions' }, ui.save);
    ui.form = h('div', { part: 'form', class: 'stack', 'aria-busy': 'false' },
      ui.status, ui.alert, ui.summary, ui.search, ui.startHint, ui.fields, ui.actions);
    ui.form.addEventListener('keydown', (event) => on.formKey(event));
    this.root.append(ui.form);
  }

  /**
   * Adds the address search, the postal code list and the verification (address-form.view-services.js,
   * loaded once per view; a failed load is tried again next time). The element asks for it with the
   * look-ups, for a country that offers one.
   */
  loadServices() {
    this.servicesLoading ??= import('./address-form.view-services.js').then((module) => {
      this.services ??= module.default(this, { h, setText });
    }, (error) => {
      this.servicesLoading = null;
      throw error;
    });
    return this.servicesLoading;
  }

  /** The name of the field that has the focus, or null. */
  focusedField() {
    const active = this.root.activeElement;
    for (const [name, control] of this.controls) if (control.input === active) return name;
    return null;
  }

  focusField(name) {
    const input = this.controls.get(name)?.input;
    if (input && !input.disabled) input.focus();
    return !!input;
  }

  /**
   * Renders everything from `ctrl.state`. `t` is the localizer's t; `env` gives what the element
   * knows: { disabled, canSave, headingLevel }.
   */
  render(ctrl, t, env) {
    const { state } = ctrl;
    const { ui } = this;
    this.formatHint = env.formatHint;
    if (state.fieldsKey !== this.fieldsKey) this.#buildFields(ctrl, t, env);
    // Texts that do not depend on the country.
    setText(ui.retry, t('retry'));
    setText(ui.summaryTitle, t('summaryTitle'));
    if (env.headingLevel) ui.summaryTitle.setAttribute('aria-level', String(env.headingLevel));
    else ui.summaryTitle.removeAttribute('aria-level');
    this.#renderStatus(state, t, env);
    const start = ctrl.startHint?.();
    ui.startHint.hidden = !start;
    setText(ui.startHint, start ? t(start.key, start.params) : '');
    this.services?.render(ctrl, t, env);
    for (const control of this.controls.values()) this.#renderField(ctrl, control, t, env);
    this.#renderSummary(ctrl, t);
    const loading = state.status === 'loading';
    ui.save.hidden = !env.canSave;
    setText(ui.save, state.saving ? t('saving') : t('save'));
    // While the form loads there is nothing to save: the button waits (and says why by being busy).
    ui.save.disabled = env.disabled || state.saving || loading;
  }

  #renderStatus(state, t, env) {
    const { ui } = this;
    const busy = state.busy.size > 0;
    ui.form.setAttribute('aria-busy', busy ? 'true' : 'false');
    if (env.internals && 'ariaBusy' in env.internals) env.internals.ariaBusy = busy ? 'true' : 'false';
    const last = busy ? [...state.busy.values()].pop() : state.info;
    setText(ui.status, last ? t(last.key, last.params) : '');
    ui.status.className = `status${!busy && state.info?.kind ? ` ${state.info.kind}` : ''}`;
    const failure = state.failure;
    ui.alert.hidden = !failure;
    setText(ui.alertText, failure ? t(failure.key, { ...failure.params, message: env.errorText(failure.error) }) : '');
    ui.retry.hidden = !failure?.retry;
  }

  #buildFields(ctrl, t, env) {
    const { state } = ctrl;
    const focused = this.focusedField();
    this.controls = new Map();
    const rows = layoutRows(state.fields).map((row) => {
      const nodes = row.map((field) => this.#buildField(field, state.fields.indexOf(field), t));
      if (row.length === 1) {
        nodes[0].classList.add('alone');
        return nodes[0];
      }
      // A pair: the short field gets the narrow column (two short fields share equally).
      const shape = row.map((f) => (f.short ? 's' : 'l')).join('');
      return h('div', { class: `row pair ${shape}` }, nodes);
    });
    this.ui.fields.replaceChildren(...rows);
    this.fieldsKey = state.fieldsKey;
    if (focused) this.focusField(focused);
  }

  #buildField(field, index, t) {
    const { on } = this;
    const id = `field-${index}`;
    const ids = { desc: `${id}-desc`, error: `${id}-error`, rule: `${id}-rule`, note: `${id}-note` };
    const lookup = field.name === 'pc' && !field.select;
    const describedBy = [field.description ? ids.desc : null, field.ruleError ? ids.rule : null, ids.error, ids.note]
      .filter(Boolean).join(' ');
    const common = {
      id, name: field.name, part: field.select ? 'select' : 'input', autocomplete: field.autocomplete,
      'aria-describedby': describedBy, 'aria-required': field.required ? 'true' : 'false', 'aria-invalid': 'false',
    };
    let input;
    if (field.select) {
      input = h('select', { ...common, onchange: () => on.input(field.name, input.value, true) });
    } else {
      input = h('input', {
        ...common, type: 'text', inputmode: field.inputmode,
        // maxlength caps typing; pasted text is trimmed before the cap (see the paste handler).
        maxlength: field.maxLength,
        'aria-controls': lookup ? `${id}-lookup` : null,
        oninput: () => on.input(field.name, input.value, false),
        onpaste: (event) => on.paste(field.name, event),
        onkeydown: lookup ? (event) => on.postalKey(event) : null,
      });
    }
    input.addEventListener('blur', () => on.blur(field.name));
    const error = h('p', { id: ids.error, part: 'error', class: 'error' });
    const note = h('p', { id: ids.note, part: 'note', class: 'note' });
    const rule = field.ruleError
      ? h('p', { id: ids.rule, part: 'error', class: 'error', text: t('constraintBroken', { message: field.ruleError }) }) : null;
    const link = isHttpUrl(field.referenceUrl)
      ? h('a', { part: 'link', href: field.referenceUrl, target: '_blank', rel: 'noopener noreferrer' },
        t('moreInfo', { label: field.label }), h('span', { class: 'visually-hidden', text: ` ${t('opensNewWindow')}` }))
      : null;
    const list = lookup ? h('ul', { id: `${id}-lookup`, part: 'postal-codes', class: 'candidates', role: 'list' }) : null;
    const listStatus = lookup ? h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' }) : null;
    // Four blocks (head, control, message, link): paired fields line them up on a shared grid.
    const wrapper = h('div', { part: 'field', class: `field${field.short ? ' short' : ''}`, 'data-field': field.name },
      h('div', { class: 'head' },
        h('label', { for: id, part: 'label' }, field.label,
          field.required ? h('span', { class: 'required', 'aria-hidden': 'true', text: t('requiredMark') }) : null),
        field.description ? h('p', { id: ids.desc, part: 'description', class: 'description', text: field.description }) : null),
      h('div', { class: 'control' }, input, list, listStatus, rule),
      // One reserved line under the input for its message: showing it never moves what is below.
      h('div', { class: 'message' }, error, note),
      link ?? h('span', { class: 'no-link' }));
    this.controls.set(field.name, { field, wrapper, input, error, note, lookup: list, lookupStatus: listStatus, optionsKey: null });
    return wrapper;
  }

  #renderField(ctrl, control, t, env) {
    const { state } = ctrl;
    const { field, input } = control;
    const current = state.values.get(field.name) ?? '';
    let unavailable = false;
    if (field.select) unavailable = this.#fillSelect(ctrl, control, current, t);
    else if (input.value !== current) input.value = current;
    input.disabled = env.disabled || unavailable;
    const problem = ctrl.shownProblem(field.name);
    // A broken rule is already said under the field, once.
    const repeatsRule = problem?.code === 'constraintError' && field.ruleError;
    setText(control.error, problem && !repeatsRule ? problemText(problem, field, t, env.formatHint) : '');
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    const note = state.notes.get(field.name);
    setText(control.note, note !== undefined && !problem ? t('normalized', { value: note }) : '');
    if (control.lookup) this.services?.renderPostalCodes(ctrl, control, t, env);
  }

  /** Puts the choices and the value into a select; returns true while its list is not there yet. */
  #fillSelect(ctrl, control, current, t) {
    const { state } = ctrl;
    const { field, input } = control;
    let options = field.options ?? [];
    let placeholder = field.required ? t('choose') : t('none');
    let unavailable = false;
    if (field.geoLevel !== null) {
      const entry = state.geo.get(field.geoLevel);
      options = entry?.options ?? [];
      if (!entry?.options) {
        unavailable = true;
        const parent = field.geoLevel > 1 ? ctrl.fieldAt(field.geoLevel - 1) : null;
        const parentChosen = parent ? !!state.values.get(parent.name) : true;
        placeholder = parentChosen ? t('loading')
          : t('chooseParentFirst', { label: parent.label, labelLower: lowerFirst(parent.label) });
      }
    }
    options = ctrl.shownOptions?.(field, options) ?? options;
    const key = JSON.stringify([placeholder, current, options.map((o) => [o?.value, o?.display])]);
    if (key !== control.optionsKey) {
      control.optionsKey = key;
      const nodes = [new Option(placeholder, '')];
      let found = current === '';
      for (const option of options) {
        if (!option || option.value === undefined || option.value === null) continue;
        const value = String(option.value);
        const display = option.display === undefined || option.display === null || option.display === '' ? value : String(option.display);
        nodes.push(new Option(display, value));
        if (value === current) found = true;
      }
      // A value the list does not hold is kept visible so nothing is silently lost.
      if (!found) nodes.push(new Option(unavailable ? current : t('unknownValue', { value: current }), current));
      input.replaceChildren(...nodes);
    }
    if (input.value !== current) input.value = current;
    return unavailable && current === '';
  }

  focusFirstPostalCode() {
    const first = this.controls.get('pc')?.lookup?.querySelector('button');
    first?.focus();
    return !!first;
  }

  #renderSummary(ctrl, t) {
    const { ui } = this;
    const problems = ctrl.state.submitted && ctrl.state.data ? ctrl.orderedProblems() : [];
    const seen = new Set();
    const items = [];
    for (const problem of problems) {
      const control = this.controls.get(problem.field);
      if (control && seen.has(problem.field)) continue;
      seen.add(problem.field);
      items.push({ control, text: problemText(problem, control?.field, t, this.formatHint) });
    }
    // Rebuilt only when what it says changes: an alert region must not speak on each keystroke.
    const key = JSON.stringify([this.fieldsKey, items.map((item) => [item.control?.field.name ?? '', item.text])]);
    if (key === this.summaryKey) return;
    this.summaryKey = key;
    ui.summary.hidden = items.length === 0;
    ui.summaryList.replaceChildren(...items.map(({ control, text }) => h('li', {}, control
      ? h('button', { type: 'button', class: 'linklike', text, onclick: () => control.input.focus() })
      : text)));
  }


}
