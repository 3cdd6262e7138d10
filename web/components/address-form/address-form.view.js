// <btalk-address-form>'s view: renders the controller's state into the shadow root. It builds
// the field DOM when the field list changes (country, language, parish list) and otherwise only
// updates values, choices, messages and ARIA states in place (the caret and focus stay put).
// API texts reach the DOM as text only (textContent, attribute values), never as HTML.
import { adoptStyles, h, isHttpUrl } from '../../internal/shared.js';
import { ChoiceField } from '../../internal/choice-field.js';
// A long list's combobox (internal/combobox.js) has the parts combobox, listbox, option and option-active.
import { layoutRows, lowerFirst } from './fields.js';
import { problemText } from '../../internal/problem-text.js';

// The choices of a list as ChoiceField takes them, made once per list (the same array while the list is).
const choicesCache = new WeakMap();
function choicesOf(options) {
  let choices = choicesCache.get(options);
  if (!choices) {
    choices = [];
    for (const option of options) {
      if (!option || option.value === undefined || option.value === null) continue;
      const value = String(option.value);
      const display = option.display === undefined || option.display === null || option.display === '' ? value : String(option.display);
      choices.push({ value, label: display });
    }
    choicesCache.set(options, choices);
  }
  return choices;
}

/** Sets a node's text only when it differs: live regions stay silent when nothing changed. */
function setText(node, text) {
  const value = String(text ?? '');
  if (node.textContent !== value) node.textContent = value;
}

/** Placeholder fields (hidden from assistive technology) while a country's form first loads. */
function skeletonFields(count = 6) {
  return Array.from({ length: count }, () => h('div', { class: 'field skeleton', 'aria-hidden': 'true' },
    h('span', { class: 'skeleton-label' }), h('span', { class: 'skeleton-input' })));
}

export class AddressFormView {
  /**
   * @param {ShadowRoot} root
   * @param {object} on  handlers: input(name, text, choice), blur(name), paste(name, event), retry(),
   *   save(), formKey(event)
   */
  constructor(root, on) {
    this.root = root;
    this.on = on;
    this.controls = new Map(); // name -> { field, wrapper, input, choice, error, note }
    this.fieldsKey = null;
    this.lookups = null; // the look-ups' view (lookups/lookups.view.js), once the controller has them
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
    // The address search box and the verification (lookups/lookups.view.js) come with the look-ups.
    ui.search = h('div', { part: 'search', class: 'search', hidden: true });
    // Which field to fill first, when a later one fills the others (PT, CH: the postal code).
    ui.startHint = h('p', { part: 'description', class: 'description start-hint', hidden: true });
    ui.fields = h('div', { class: 'fields' });
    ui.save = h('button', { type: 'button', part: 'save', hidden: true, onclick: () => on.save() });
    // The status ("Loading…", "Searching addresses…", "Address filled in…") sits beside the Save
    // button and the error summary under it: neither pushes the fields the user works in.
    ui.actions = h('div', { class: 'actions' }, ui.save, ui.status);
    ui.form = h('div', { part: 'form', class: 'stack', 'aria-busy': 'false' },
      ui.alert, ui.search, ui.startHint, ui.fields, ui.actions, ui.summary);
    ui.form.addEventListener('keydown', (event) => on.formKey(event));
    this.root.append(ui.form);
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
    this.t = t;
    this.#texts = new WeakMap(); // the language or the hints may have changed
    // Switching country: the old form stays (dimmed, inert) until the new one is ready, and the first
    // load shows a skeleton of fields, so the element does not collapse to one line and grow back.
    const waiting = state.status === 'loading' && state.fields.length === 0;
    const stale = waiting && this.controls.size > 0;
    if (state.fieldsKey !== this.fieldsKey && !stale) this.#buildFields(ctrl, t, env);
    if (waiting && !stale && !ui.fields.firstChild) ui.fields.append(...skeletonFields());
    ui.fields.classList.toggle('stale', stale);
    ui.fields.inert = stale;
    // Texts that do not depend on the country.
    setText(ui.retry, t('retry'));
    setText(ui.summaryTitle, t('summaryTitle'));
    if (env.headingLevel) ui.summaryTitle.setAttribute('aria-level', String(env.headingLevel));
    else ui.summaryTitle.removeAttribute('aria-level');
    this.#renderStatus(state, t, env);
    const start = ctrl.startHint?.();
    ui.startHint.hidden = !start;
    setText(ui.startHint, start ? t(start.key, start.params) : '');
    // The look-ups' view is made from their module (loaded with them) the first time they are there.
    if (!this.lookups && ctrl.lookupsModule) this.lookups = ctrl.lookupsModule.lookupsView(this, { h, setText, adoptStyles });
    this.lookups?.render(ctrl, t, env);
    if (!stale) for (const control of this.controls.values()) this.#renderField(ctrl, control, t, env);
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
    // What was typed in a long list's combobox and not chosen yet stays through the rebuild.
    const drafts = new Map([...this.controls].filter(([, c]) => c.choice?.draft != null).map(([name, c]) => [name, c.choice.draft]));
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
    for (const [name, draft] of drafts) {
      const choice = this.controls.get(name)?.choice;
      if (choice) choice.draft = draft;
    }
    this.fieldsKey = state.fieldsKey;
    if (focused) this.focusField(focused);
  }

  #buildField(field, index, t) {
    const { on } = this;
    const id = `field-${index}`;
    const ids = { desc: `${id}-desc`, error: `${id}-error`, rule: `${id}-rule`, note: `${id}-note` };
    const describedBy = [field.description ? ids.desc : null, field.ruleError ? ids.rule : null, ids.error, ids.note]
      .filter(Boolean).join(' ');
    const common = {
      id, name: field.name, part: field.select ? 'select' : 'input', autocomplete: field.autocomplete,
      'aria-describedby': describedBy, 'aria-required': field.required ? 'true' : 'false', 'aria-invalid': 'false',
    };
    let input;
    let choice = null;
    if (field.select) {
      // A select, or a type-ahead combobox once its list holds more than 30 choices.
      const attributes = {
        autocomplete: common.autocomplete, 'aria-describedby': common['aria-describedby'],
        'aria-required': common['aria-required'], 'aria-invalid': 'false',
      };
      choice = new ChoiceField({
        id, name: field.name, labelId: `${id}-label`, part: 'select', attributes, h,
        text: (key, params) => this.t(key, params),
        onChange: (value) => on.input(field.name, value, true),
        onBlur: () => on.blur(field.name),
        onSwap: (control) => {
          const current = this.controls.get(field.name);
          if (current?.choice === choice) current.input = control;
        },
      });
      input = choice.control;
    } else {
      input = h('input', {
        ...common, type: 'text', inputmode: field.inputmode,
        // maxlength caps typing; pasted text is trimmed before the cap (see the paste handler).
        maxlength: field.maxLength,
        oninput: () => on.input(field.name, input.value, false),
        onpaste: (event) => on.paste(field.name, event),
      });
    }
    if (!choice) input.addEventListener('blur', () => on.blur(field.name));
    const error = h('p', { id: ids.error, part: 'error', class: 'error' });
    const note = h('p', { id: ids.note, part: 'note', class: 'note' });
    const rule = field.ruleError
      ? h('p', { id: ids.rule, part: 'error', class: 'error', text: t('constraintBroken', { message: field.ruleError }) }) : null;
    const link = isHttpUrl(field.referenceUrl)
      ? h('a', { part: 'link', href: field.referenceUrl, target: '_blank', rel: 'noopener noreferrer' },
        t('moreInfo', { label: field.label }), h('span', { class: 'visually-hidden', text: ` ${t('opensNewWindow')}` }))
      : null;
    // Four blocks (head, control, message, link): paired fields line them up on a shared grid.
    const wrapper = h('div', { part: 'field', class: `field${field.short ? ' short' : ''}`, 'data-field': field.name },
      h('div', { class: 'head' },
        h('label', { for: id, id: `${id}-label`, part: 'label' }, field.label,
          field.required ? h('span', { class: 'required', 'aria-hidden': 'true', text: t('requiredMark') }) : null),
        field.description ? h('p', { id: ids.desc, part: 'description', class: 'description', lang: field.descriptionLang, text: field.description }) : null),
      h('div', { class: 'control' }, choice ? choice.root : input, rule),
      // One reserved line under the input for its message: showing it never moves what is below.
      h('div', { class: 'message' }, error, note),
      link ?? h('span', { class: 'no-link' }));
    this.controls.set(field.name, { field, wrapper, input, choice, error, note });
    return wrapper;
  }

  /**
   * A problem in the UI language, worked out once per problem and render: the field's message,
   * the summary and the element's validity message (address-form.component.js) all read it here.
   */
  problemText(problem, field, t = this.t, formatHint = this.formatHint) {
    let text = this.#texts.get(problem);
    if (text === undefined) {
      text = problemText(problem, field, t, formatHint);
      this.#texts.set(problem, text);
    }
    return text;
  }

  #texts = new WeakMap();

  #renderField(ctrl, control, t, env) {
    const { state } = ctrl;
    const { field } = control;
    const current = state.values.get(field.name) ?? '';
    if (field.select) this.#fillChoice(ctrl, control, current, t, env);
    else if (control.input.value !== current) control.input.value = current;
    const { input } = control;
    if (!field.select) input.disabled = env.disabled;
    const problem = ctrl.shownProblem(field.name);
    // A broken rule is already said under the field, once.
    const repeatsRule = problem?.code === 'constraintError' && field.ruleError;
    setText(control.error, problem && !repeatsRule ? this.problemText(problem, field, t, env.formatHint) : '');
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    const note = ctrl.noteOf(field.name);
    setText(control.note, note !== undefined && !problem ? t('normalized', { value: note }) : '');
  }

  /** Puts the choices and the value into the field's select or combobox; disabled while its list is not there yet. */
  #fillChoice(ctrl, control, current, t, env) {
    const { state } = ctrl;
    const { field, choice } = control;
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
    choice.update({
      options: choicesOf(options),
      value: current,
      placeholder,
      disabled: env.disabled || (unavailable && current === ''),
      // A value the list does not hold is kept visible so nothing is silently lost.
      unknownLabel: (value) => (unavailable ? value : t('unknownValue', { value })),
    });
    control.input = choice.control;
  }

  #renderSummary(ctrl, t) {
    const { ui } = this;
    const problems = ctrl.state.submitted && ctrl.state.data ? ctrl.orderedProblems() : [];
    const seen = new Set();
    const items = [];
    for (const problem of problems) {
      const control = this.controls.get(problem.field);
      const text = this.problemText(problem, control?.field, t, this.formatHint);
      // One line per field for the core's verdicts, but every text the API sent (two entries on one field: two lines).
      const key = problem.fromServer ? `${problem.field}\u0000${text}` : problem.field;
      if (control && seen.has(key)) continue;
      seen.add(key);
      items.push({ control, text });
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
