// The type-ahead combobox's logic, without the DOM: a list longer than COMBOBOX_THRESHOLD choices
// (Spain's 371 municipalities of Burgos, 36 countries, a customer's VPNs) becomes an editable
// combobox with a listbox popup (ARIA 1.2, list autocomplete, the first match active). This module
// filters (case- and accent-insensitively, on texts folded once per list), moves the active option
// for the keys, decides what is chosen, and computes which rows a windowed listbox renders. The view
// (combobox.js) only draws it. Unit-tested in Node (tests/node/combobox-model.test.js).

/** A list of more choices than this is a combobox; a shorter one stays a native select. */
export const COMBOBOX_THRESHOLD = 30;

/** Text as compared: Unicode NFD with combining marks removed, lower case, white space runs as one space, trimmed. */
export function foldText(text) {
  return String(text ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const isLetterOrDigit = (ch) => /[\p{L}\p{N}]/u.test(ch);

/** True when `word` starts a word of `text` (at its start, or after a space, a hyphen, a slash, an apostrophe...). */
function startsAWord(text, word) {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (at === 0 || !isLetterOrDigit(text[at - 1])) return true;
  }
  return false;
}

/**
 * The choices of one list with their folded texts, computed once: `filter()` then costs one pass
 * of `includes` over the list (or over the previous matches when the query grew).
 * @param {Array<{ value: string, label: string, disabled?: boolean }>} options
 */
export class ChoiceIndex {
  constructor(options) {
    this.options = options;
    this.labels = options.map((o) => foldText(o.label));
    this.values = options.map((o) => foldText(o.value));
    // The value is searched too when it says something the label does not (a code: "28", "ZH").
    this.keys = this.labels.map((label, i) => {
      const value = this.values[i];
      return value && !label.includes(value) ? `${label}\u0000${value}` : label;
    });
    this.positions = new Map();
    options.forEach((o, i) => { if (!this.positions.has(o.value)) this.positions.set(o.value, i); });
    this.all = options.map((_, i) => i);
    this.last = { query: '', base: this.all };
  }

  get size() {
    return this.options.length;
  }

  /** The index of the option holding `value`, or -1. */
  indexOf(value) {
    return this.positions.get(value) ?? -1;
  }

  /**
   * The options matching `query` (every word of it is in the option's text), as indices in display
   * order: first those whose text starts with the query, then those with a word starting with its
   * first word, then the others, each group in list order. An empty query gives the whole list.
   */
  filter(query) {
    const folded = foldText(query);
    if (!folded) {
      this.last = { query: '', base: this.all };
      return this.all;
    }
    const words = folded.split(' ');
    // A query that only grew narrows the previous matches: every word stays a substring.
    const source = this.last.query && folded.startsWith(this.last.query) ? this.last.base : this.all;
    const base = [];
    for (const i of source) {
      const key = this.keys[i];
      let ok = true;
      for (const word of words) {
        if (!key.includes(word)) {
          ok = false;
          break;
        }
      }
      if (ok) base.push(i);
    }
    this.last = { query: folded, base };
    const first = [];
    const wordStart = [];
    const rest = [];
    for (const i of base) {
      const label = this.labels[i];
      if (label.startsWith(folded)) first.push(i);
      else if (startsAWord(label, words[0])) wordStart.push(i);
      else rest.push(i);
    }
    return first.length === base.length ? first : [...first, ...wordStart, ...rest];
  }

  /** The option whose label or value equals `text` once folded, when exactly one does; else -1. */
  exact(text) {
    const folded = foldText(text);
    if (!folded) return -1;
    let found = -1;
    for (let i = 0; i < this.options.length; i += 1) {
      if (this.labels[i] === folded || this.values[i] === folded) {
        if (found !== -1) return -1;
        found = i;
      }
    }
    return found;
  }
}

/**
 * The state of one combobox: the chosen value (what the select held: the option's value, never its
 * label), the text the input shows, what the user typed and has not chosen yet (kept across every
 * re-render), whether the listbox is open, the matches and the active one.
 */
export class ComboboxModel {
  value = '';
  /** Typed text not (yet) a choice, or null when the input shows the chosen value. */
  draft = null;
  open = false;
  /** Option indices in display order. */
  matches = [];
  /** The position in `matches` of the active option (aria-activedescendant), or -1. */
  active = -1;

  /** @param {{ unknownLabel?: (value: string) => string }} [options] how to show a value the list does not hold */
  constructor({ unknownLabel = (value) => value } = {}) {
    this.index = new ChoiceIndex([]);
    this.unknownLabel = unknownLabel;
  }

  /** New choices: the typed text stays, filtered again. */
  setOptions(options) {
    this.index = new ChoiceIndex(options);
    this.#refilter();
  }

  /** The value from outside (the form's state): a different value drops the draft. */
  setValue(value) {
    const next = String(value ?? '');
    if (next === this.value) return;
    this.value = next;
    this.draft = null;
    this.#refilter();
  }

  /** The text the input shows: the draft, else the chosen option's label. */
  get text() {
    if (this.draft !== null) return this.draft;
    if (this.value === '') return '';
    const i = this.index.indexOf(this.value);
    return i >= 0 ? this.index.options[i].label : this.unknownLabel(this.value);
  }

  get activeIndex() {
    return this.active >= 0 ? this.matches[this.active] : -1;
  }

  get activeOption() {
    return this.active >= 0 ? this.index.options[this.matches[this.active]] : null;
  }

  /** The user typed `text`: the listbox opens on its matches, the first one active. */
  type(text) {
    this.draft = String(text ?? '');
    this.open = true;
    this.matches = this.index.filter(this.draft);
    this.active = this.draft.trim() ? this.#enabled(0, 1) : -1;
  }

  /** Opens the listbox on the whole list (or the draft's matches), the chosen option active. */
  openList(at = 'chosen') {
    this.open = true;
    this.matches = this.index.filter(this.draft ?? '');
    const chosen = this.matches.indexOf(this.index.indexOf(this.value));
    if (at === 'last') this.active = this.#enabled(this.matches.length - 1, -1);
    else this.active = chosen >= 0 ? chosen : this.#enabled(0, 1);
  }

  close() {
    this.open = false;
    this.active = -1;
  }

  /**
   * A key pressed in the input. Returns { handled, chosen }: `handled` when the key was used (the
   * view then prevents its default), `chosen` the value when the key made a choice.
   * `page`: how many rows a Page Up / Page Down moves.
   */
  key(name, { altKey = false, page = 10 } = {}) {
    const count = this.matches.length;
    switch (name) {
      case 'ArrowDown':
        if (!this.open) {
          this.openList();
          return { handled: true };
        }
        if (!altKey) this.#move(this.active < 0 ? 0 : this.active + 1, 1);
        return { handled: true };
      case 'ArrowUp':
        if (!this.open) {
          this.openList(altKey ? 'chosen' : 'last');
          return { handled: true };
        }
        if (altKey) {
          this.close();
          return { handled: true };
        }
        this.#move(this.active < 0 ? count - 1 : this.active - 1, -1);
        return { handled: true };
      case 'PageDown':
      case 'PageUp':
        if (!this.open || count === 0) return { handled: false };
        this.#move(Math.max(0, this.active) + (name === 'PageDown' ? page : -page), name === 'PageDown' ? 1 : -1);
        return { handled: true };
      case 'Home':
      case 'End':
        // With an option active, Home and End move in the list; otherwise they move the caret.
        if (!this.open || this.active < 0) return { handled: false };
        this.active = name === 'Home' ? this.#enabled(0, 1) : this.#enabled(count - 1, -1);
        return { handled: true };
      case 'Enter':
        if (!this.open || this.active < 0) return { handled: false };
        return { handled: true, chosen: this.choose(this.active) };
      case 'Escape':
        if (this.open) {
          this.close();
          return { handled: true };
        }
        if (this.draft !== null) {
          // A second Escape gives up the typing: the input shows the chosen value again.
          this.draft = null;
          return { handled: true };
        }
        return { handled: false };
      default:
        return { handled: false };
    }
  }

  /** Chooses the match at `position` (a click or Enter); returns its value, or null for a disabled one. */
  choose(position) {
    const option = this.index.options[this.matches[position]];
    if (!option || option.disabled) return null;
    this.value = String(option.value);
    this.draft = null;
    this.close();
    return this.value;
  }

  /**
   * Leaving the input. A draft that names exactly one option (its label or value, folded) chooses it;
   * an emptied input chooses nothing (''); other text stays shown and chooses nothing, as a select
   * left on its placeholder. Returns the new value when it changed, else null.
   */
  commit() {
    this.close();
    if (this.draft === null) return null;
    const before = this.value;
    const exact = this.index.exact(this.draft);
    if (exact >= 0 && !this.index.options[exact].disabled) {
      this.value = String(this.index.options[exact].value);
      this.draft = null;
    } else {
      this.value = '';
      if (!this.draft.trim()) this.draft = null;
    }
    return this.value === before ? null : this.value;
  }

  #refilter() {
    const activeIndex = this.activeIndex;
    this.matches = this.index.filter(this.draft ?? '');
    if (!this.open) return;
    const kept = activeIndex >= 0 ? this.matches.indexOf(activeIndex) : -1;
    this.active = kept >= 0 ? kept : (this.draft?.trim() ? this.#enabled(0, 1) : -1);
  }

  #move(target, step) {
    const count = this.matches.length;
    if (!count) return;
    const clamped = Math.min(Math.max(target, 0), count - 1);
    const found = this.#enabled(clamped, step);
    this.active = found >= 0 ? found : this.#enabled(clamped, -step);
  }

  /** The first position from `from` in direction `step` whose option can be chosen, or -1. */
  #enabled(from, step) {
    for (let p = from; p >= 0 && p < this.matches.length; p += step) {
      if (!this.index.options[this.matches[p]].disabled) return p;
    }
    return -1;
  }
}

/**
 * The rows a windowed listbox renders: those in view plus `overscan` on each side, [start, end).
 * `rowHeight` in pixels; a list of `count` rows is `count * rowHeight` tall.
 */
export function windowRange({ count, rowHeight, scrollTop, viewportHeight, overscan = 4 }) {
  if (count <= 0 || !(rowHeight > 0)) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(first, count - 1) - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end };
}

/** The scrollTop that shows row `index` whole, moving as little as possible. */
export function revealRow({ index, rowHeight, scrollTop, viewportHeight }) {
  if (index < 0) return scrollTop;
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}
