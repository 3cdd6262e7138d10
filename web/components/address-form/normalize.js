// The address form controller's normalisation, DOM-free: a value takes its canonical form when
// the user leaves the field or pastes, never while typing; a change beyond whitespace leaves a
// note ("Changed to …") for the view. The rules are the core's (normalizeAddress: a street split
// into its type and direction, trim and collapse spaces, upper-case where the pattern wants it,
// enumeration matching, digits, separators); without them, trimming and collapsing spaces.
import { POSTAL_CODE, basicNormalize } from './fields.js';

export const NormalizeMixin = (Base) => class extends Base {
  /**
   * The canonical value of field `name`, and the other fields its street split fills
   * ("Pennsylvania Avenue" -> a6 "Pennsylvania", sts "AVE"): { value, fills }.
   * A blur: normalizeField() -> canonical() -> the compiled schema's normalize()
   * (core-loader/core-compiled.js -> compiledNormalize -> CompiledConstraints::Normalize: the schema
   * is not parsed again), or core.normalizeAddress with the schema's text when nothing is compiled.
   */
  canonical(name, text) {
    const { core, validator } = this;
    const { data } = this.state;
    let normalize = null;
    if (typeof validator?.normalize === 'function') normalize = (address) => validator.normalize(address);
    else if (typeof core?.normalizeAddress === 'function') normalize = (address) => core.normalizeAddress(data?.constraintsText, address);
    if (normalize && data) {
      try {
        // The whole address: a split only fills fields that are empty.
        const answer = normalize({ ...this.value, [name]: text });
        const value = answer?.address?.[name] ?? answer?.[name];
        const fills = (answer?.changes ?? []).filter((c) => c.rule === 'street' && c.field !== name && typeof c.to === 'string');
        if (typeof value === 'string') return { value, fills };
      } catch {
        // fall back to the basic rule
      }
    }
    return { value: basicNormalize(text), fills: [] };
  }

  /** Applies the canonical value to `name`; returns true when it changed (a note says so). */
  normalizeField(name) {
    const { state } = this;
    const field = this.field(name);
    const text = state.values.get(name);
    if (!field || field.select || typeof text !== 'string' || text === '') return false;
    const { value: next, fills } = this.canonical(name, text);
    if (next === text) return false;
    state.values.set(name, next);
    for (const fill of fills) {
      if (!this.field(fill.field) || state.values.get(fill.field)) continue;
      state.values.set(fill.field, fill.to);
      state.touched.add(fill.field);
    }
    // Whitespace-only changes are said nowhere: the user sees the field, and nothing else changed.
    if (basicNormalize(text) !== next) state.notes.set(name, next);
    this.validate();
    this.host.emit('btalk-change', { address: this.value });
    return true;
  }

  /** The note to show under field `name`: only while its value is still the one the note describes. */
  noteOf(name) {
    const note = this.state.notes.get(name);
    return note !== undefined && note === this.state.values.get(name) ? note : undefined;
  }

  /**
   * Pasted text: whitespace around it is dropped before the length limit applies, the result
   * capped at maxLength and normalised. Returns the field's new text and caret.
   */
  paste(name, { before = '', after = '', pasted = '' }) {
    const field = this.field(name);
    const clean = basicNormalize(pasted);
    let text = `${before}${clean}${after}`;
    if (field?.maxLength && [...text].length > field.maxLength) text = [...text].slice(0, field.maxLength).join('');
    const caret = Math.min(text.length, before.length + clean.length);
    this.input(name, text);
    // A look-up of the field asks with the canonical text.
    if (this.normalizeField(name)) this.lookups?.fieldInput(name, this.state.values.get(name));
    this.changed();
    return { text: this.state.values.get(name) ?? text, caret };
  }
};
