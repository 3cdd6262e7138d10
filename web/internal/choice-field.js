// One choice of a form (a geographic area, an enumeration, a dial zone, a customer, a VPN, a
// country): a native <select> while the list is short, an accessible type-ahead combobox once it
// holds more than COMBOBOX_THRESHOLD choices. The combobox (combobox.js and its DOM-free model) is
// a chunk loaded the first time a long list appears, so a form whose lists are all short never
// fetches it; until it is there the select does the job. Either way the field's value is the
// chosen option's value, as the select's was, and `control` is the element to label, describe,
// mark invalid and focus.

/** A list of more choices than this is a combobox (the model exports the same number). */
export const COMBOBOX_THRESHOLD = 30;

import { preloadBeside } from './preload.js';

let comboboxModule = null;
/** Imports the combobox view once (a failed import is tried again next time). */
function loadCombobox() {
  if (!comboboxModule) preloadBeside(import.meta.url, '/internal/choice-field.js', ['./combobox-model.js', './combobox-styles.js']);
  comboboxModule ??= import('./combobox.js').catch((error) => {
    comboboxModule = null;
    throw error;
  });
  return comboboxModule;
}

export class ChoiceField {
  /**
   * @param {object} options
   * @param {string} options.id  the control's id (a <label for> names it)
   * @param {string} [options.name]
   * @param {string} [options.labelId]  the label's id (names the listbox)
   * @param {string} [options.part]
   * @param {Record<string, string|null>} [options.attributes]  set on the control whichever it is (aria-describedby, ...)
   * @param {(key: string, params?: object) => string} options.text  the host's strings (combobox.* keys)
   * @param {(value: string) => void} options.onChange  a choice was made (the option's value; '' for none)
   * @param {() => void} [options.onBlur]
   * @param {(control: HTMLElement) => void} [options.onSwap]  the control was replaced (select <-> combobox)
   * @param {Function} options.h  the host's DOM builder (shared.js's h: the combobox chunk shares no module with the first load)
   * @param {number} [options.threshold]
   */
  constructor({
    id, name = null, labelId = null, part = 'select', attributes = {}, text, onChange, onBlur = () => {}, onSwap = () => {}, h,
    threshold = COMBOBOX_THRESHOLD,
  }) {
    Object.assign(this, { id, name, labelId, part, attributes, text, onChange, onBlur, onSwap, h, threshold });
    this.root = h('div', { class: 'choice' });
    this.select = null;
    this.combobox = null;
    this.last = null;
    this.selectKey = null;
    this.pendingDraft = null;
    this.#useSelect();
  }

  /** The focusable element: the select, or the combobox's input. */
  get control() {
    return this.combobox ? this.combobox.input : this.select;
  }

  get kind() {
    return this.combobox ? 'combobox' : 'select';
  }

  /** Text typed in the combobox and not chosen yet (null when none): carried over when a view rebuilds its fields. */
  get draft() {
    return this.combobox ? this.combobox.model.draft : this.pendingDraft;
  }

  set draft(text) {
    if (text === null || text === undefined) return;
    if (this.combobox) this.combobox.restoreDraft(String(text));
    else this.pendingDraft = String(text);
  }

  /**
   * Shows `options` ({ value, label, disabled? }) with `value` chosen. `placeholder`: the empty
   * choice's text (null: no empty choice); `unknownLabel(value)`: how a value the list does not hold
   * is shown (kept visible, never silently dropped); `optionsKey`: a signature of the options when
   * the array is rebuilt on every render (else the array's identity counts).
   */
  update({ options = [], value = '', placeholder = null, disabled = false, unknownLabel = (v) => v, optionsKey = null }) {
    this.last = { options, value: String(value ?? ''), placeholder, disabled, unknownLabel, optionsKey };
    const long = options.length > this.threshold;
    if (long && !this.combobox) {
      loadCombobox().then((module) => this.#useCombobox(module), () => {}); // offline: the select stays
    } else if (!long && this.combobox) {
      this.#useSelect();
    }
    if (this.combobox) this.combobox.update(this.last);
    else this.#fillSelect(this.last);
  }

  #apply(element) {
    element.id = this.id;
    if (this.name) element.setAttribute('name', this.name);
    for (const [key, value] of Object.entries(this.attributes)) {
      if (value !== null && value !== undefined) element.setAttribute(key, value);
    }
  }

  #swap(next, previous) {
    const hadFocus = !!previous && this.root.getRootNode().activeElement === previous;
    this.root.replaceChildren(next.root ?? next);
    if (hadFocus) (next.input ?? next).focus();
    if (previous) this.onSwap(this.control);
  }

  #useSelect() {
    const previous = this.control;
    this.combobox = null;
    this.selectKey = null;
    this.select = this.h('select', { part: this.part, onchange: () => this.onChange(this.select.value) });
    this.select.addEventListener('blur', () => this.onBlur());
    this.#apply(this.select);
    this.#swap(this.select, previous);
  }

  #useCombobox({ Combobox }) {
    if (this.combobox || !this.last || this.last.options.length <= this.threshold) return;
    const previous = this.control;
    this.combobox = new Combobox({
      id: this.id, labelId: this.labelId, part: this.part === 'select' ? 'combobox' : this.part,
      h: this.h, text: this.text, onChange: (value) => this.onChange(value), onBlur: () => this.onBlur(),
    });
    this.#apply(this.combobox.input);
    // The select's attributes the host set since (aria-invalid, disabled) come along.
    if (previous?.getAttribute('aria-invalid')) this.combobox.input.setAttribute('aria-invalid', previous.getAttribute('aria-invalid'));
    this.select = null;
    this.#swap(this.combobox, previous);
    this.combobox.update(this.last);
    if (this.pendingDraft !== null) this.combobox.restoreDraft(this.pendingDraft);
    this.pendingDraft = null;
  }

  #fillSelect({ options, value, placeholder, disabled, unknownLabel, optionsKey }) {
    const select = this.select;
    const key = [optionsKey ?? options, placeholder, value];
    if (!this.selectKey || this.selectKey.some((part, i) => part !== key[i])) {
      this.selectKey = key;
      const nodes = placeholder === null ? [] : [new Option(placeholder, '')];
      let found = value === '' && placeholder !== null;
      for (const option of options) {
        const node = new Option(option.label, option.value);
        if (option.disabled) node.disabled = true;
        nodes.push(node);
        if (option.value === value) found = true;
      }
      if (!found && value !== '') nodes.push(new Option(unknownLabel(value), value));
      select.replaceChildren(...nodes);
    }
    if (select.value !== value) select.value = value;
    select.disabled = disabled;
  }
}
