// The type-ahead combobox's view (ARIA 1.2 editable combobox with a listbox popup, list
// autocomplete): an <input role="combobox">, a listbox that renders only the rows in view (plus a
// few) however long the list is, and a polite live region that says how many choices match. The
// logic is combobox-model.js's; ChoiceField (choice-field.js) loads this chunk when a list grows
// past COMBOBOX_THRESHOLD and hands it the host's DOM builder. Texts from the API are text only.
import { ComboboxModel, revealRow, windowRange } from './combobox-model.js';
import { COMBOBOX_CSS } from './combobox-styles.js';

/** Row height used until a rendered option can be measured (px). */
const FALLBACK_ROW = 36;
/** How long typing pauses before the number of matches is announced (ms). */
const ANNOUNCE_DELAY = 300;

const styled = new WeakSet();
let sheet = null;

/**
 * Gives the shadow root (or document) holding `node` the combobox's styles, once per root; returns
 * false while `node` is not attached to one yet.
 */
export function adoptStyles(node) {
  const root = node.getRootNode?.();
  const isRoot = root && (root.nodeType === 11 ? !!root.host : root.nodeType === 9);
  if (!isRoot) return false;
  if (styled.has(root)) return true;
  styled.add(root);
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
    try {
      sheet ??= new CSSStyleSheet();
      if (!sheet.cssRules.length) sheet.replaceSync(COMBOBOX_CSS);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return true;
    } catch {
      // fall back to a <style>
    }
  }
  const style = (root.ownerDocument ?? root).createElement('style');
  style.textContent = COMBOBOX_CSS;
  (root.head ?? root).append(style);
  return true;
}

export class Combobox {
  /**
   * @param {{ id: string, labelId?: string|null, part?: string, h: Function,
   *   text: (key: string, params?: object) => string, onChange: (value: string) => void, onBlur: () => void }} options
   */
  constructor({ id, labelId = null, part = 'combobox', h, text, onChange, onBlur }) {
    this.id = id;
    this.h = h;
    this.text = text;
    this.onChange = onChange;
    this.onBlur = onBlur;
    this.model = new ComboboxModel({ unknownLabel: (value) => this.unknownLabel(value) });
    this.unknownLabel = (value) => value;
    this.optionsKey = null;
    this.rowHeight = 0;
    this.frame = 0;
    this.timer = null;
    this.input = h('input', {
      type: 'text', part: `input ${part}`, role: 'combobox', autocomplete: 'off', spellcheck: 'false',
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': `${id}-listbox`,
    });
    this.listbox = h('div', {
      id: `${id}-listbox`, role: 'listbox', part: 'listbox', class: 'combobox-list', tabindex: '-1', hidden: true,
      'aria-labelledby': labelId,
    });
    this.status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', id: `${id}-status` });
    this.root = h('div', { class: 'combobox' }, this.input, this.listbox, this.status);
    this.#listen();
  }

  #listen() {
    const { input, listbox, model } = this;
    input.addEventListener('input', () => {
      model.type(input.value);
      this.render({ reveal: true });
      this.#announceSoon();
    });
    input.addEventListener('keydown', (event) => this.#key(event));
    input.addEventListener('click', () => {
      if (model.open || input.disabled) return;
      model.openList();
      this.render({ reveal: true });
      this.#announceSoon();
    });
    input.addEventListener('blur', () => {
      const changed = model.commit();
      this.render();
      this.#announce('');
      if (changed !== null) this.onChange(changed);
      this.onBlur();
    });
    // A press on an option must not blur the input first (the list would close under the pointer).
    listbox.addEventListener('mousedown', (event) => event.preventDefault());
    listbox.addEventListener('click', (event) => {
      const option = event.target.closest?.('[role="option"]');
      if (!option || input.disabled) return;
      const chosen = model.choose(Number(option.dataset.position));
      this.render();
      if (chosen !== null) this.onChange(chosen);
    });
    listbox.addEventListener('scroll', () => {
      if (this.frame) return;
      const next = globalThis.requestAnimationFrame ?? ((fn) => setTimeout(fn, 16));
      this.frame = next(() => {
        this.frame = 0;
        this.render();
      });
    });
  }

  #key(event) {
    const { model } = this;
    if (this.input.disabled || event.isComposing) return;
    const page = Math.max(1, Math.floor((this.listbox.clientHeight || 8 * FALLBACK_ROW) / (this.rowHeight || FALLBACK_ROW)) - 1);
    const result = model.key(event.key, { altKey: event.altKey, page });
    if (result.handled) {
      event.preventDefault();
      if (event.key === 'Enter' || event.key === 'Escape') event.stopPropagation();
      this.render({ reveal: true });
      if (event.key !== 'Escape' && model.open) this.#announceSoon();
      if (result.chosen !== undefined && result.chosen !== null) this.onChange(result.chosen);
    } else if (event.key === 'Enter' && model.draft !== null) {
      // Enter on typed text (the list closed): it counts as leaving the field, before the form uses the key.
      const changed = model.commit();
      this.render();
      if (changed !== null) this.onChange(changed);
    }
  }

  /** Shows `options` ({ value, label, disabled? }) with `value` chosen; the typed text stays as typed. */
  update({ options, value, placeholder, disabled, unknownLabel, optionsKey = null }) {
    this.unknownLabel = unknownLabel ?? ((v) => v);
    const key = optionsKey ?? options;
    if (key !== this.optionsKey) {
      this.optionsKey = key;
      this.model.setOptions(options);
    }
    this.model.setValue(value);
    this.input.disabled = !!disabled;
    if (disabled && this.model.open) this.model.close();
    if (placeholder) this.input.setAttribute('placeholder', placeholder);
    else this.input.removeAttribute('placeholder');
    this.render();
  }

  /** Puts back text typed before the field was rebuilt (another language, say). */
  restoreDraft(text) {
    if (this.model.draft !== null || text === this.model.text) return;
    this.model.draft = text;
    this.render();
  }

  /** Draws the model: the input's text, the open state, the rows in view, the active option. */
  render({ reveal = false } = {}) {
    const { model, input, listbox } = this;
    this.styled ||= adoptStyles(this.root);
    if (input.value !== model.text) input.value = model.text;
    // The chosen value (what a select's value was), for page scripts and tests: the input shows its label.
    if (input.dataset.value !== model.value) input.dataset.value = model.value;
    const count = model.matches.length;
    const open = model.open && count > 0;
    listbox.hidden = !open;
    input.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (!open) {
      input.removeAttribute('aria-activedescendant');
      listbox.replaceChildren();
      return;
    }
    const row = this.rowHeight || FALLBACK_ROW;
    const viewport = listbox.clientHeight || 8 * row;
    if (reveal) {
      const target = model.active >= 0 ? model.active : 0;
      listbox.scrollTop = revealRow({ index: target, rowHeight: row, scrollTop: listbox.scrollTop, viewportHeight: viewport });
    }
    const { start, end } = windowRange({ count, rowHeight: row, scrollTop: listbox.scrollTop, viewportHeight: viewport });
    const rows = [];
    for (let position = start; position < end; position += 1) rows.push(this.#option(position, count));
    // The rows out of the window are margins of the first and last rendered option: the listbox
    // scrolls over the whole list's height, and every child is an option (as ARIA wants).
    if (rows.length) {
      rows[0].style.marginTop = `${start * row}px`;
      rows.at(-1).style.marginBottom = `${(count - end) * row}px`;
    }
    listbox.replaceChildren(...rows);
    const active = model.activeIndex;
    if (active >= 0) input.setAttribute('aria-activedescendant', `${this.id}-opt-${active}`);
    else input.removeAttribute('aria-activedescendant');
    if (!this.rowHeight && rows.length) {
      const measured = rows[0].getBoundingClientRect?.().height;
      if (measured > 0 && Math.abs(measured - row) > 0.5) {
        this.rowHeight = measured;
        this.render({ reveal });
      } else if (measured > 0) {
        this.rowHeight = measured;
      }
    }
  }

  #option(position, count) {
    const { model } = this;
    const index = model.matches[position];
    const option = model.index.options[index];
    const selected = position === model.active;
    return this.h('div', {
      id: `${this.id}-opt-${index}`, role: 'option', part: selected ? 'option option-active' : 'option', class: 'combobox-option',
      'aria-selected': selected ? 'true' : 'false', 'aria-disabled': option.disabled ? 'true' : null,
      'aria-setsize': String(count), 'aria-posinset': String(position + 1),
      'data-position': String(position), 'data-value': option.value, text: option.label,
    });
  }

  #announceSoon() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const count = this.model.matches.length;
      if (!this.model.open && count > 0) return;
      this.#announce(count ? this.text('combobox.matches', { count }) : this.text('combobox.none'));
    }, ANNOUNCE_DELAY);
  }

  #announce(text) {
    if (!text) clearTimeout(this.timer);
    if (this.status.textContent !== text) this.status.textContent = text;
  }
}
