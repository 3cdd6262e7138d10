// What a postal code determines, DOM-free: where the API's choices list the postal codes they cover
// (geo areas, dial zones: `postalCodes`, as the stand-in's CH lists do), a valid postal code fills a
// choice it determines alone (1003 -> canton VD, dial zone 021) and narrows the choices it leaves
// several of (8001 -> dial zone 043 or 044). Choices without a list stay offered, so a list that gives
// codes to some of its choices only fills nothing (CH localities: the real-size list lists a sample, so
// 1003 leaves Lausanne among the canton's others); a list that does not know the code changes nothing.
// A value the user chose is never replaced; one filled from an earlier postal code is, and a field it
// filled and then cleared is untouched again. Where a postal code fills fields that come before it in
// the form (PT, CH), the form says to start with it, by its label, naming only what it can fill.
import { DIAL_ZONE, POSTAL_CODE, lowerFirst } from './fields.js';

/** The choices `postalCode` leaves among `options`, or null when their lists say nothing about it. */
export function choicesForPostalCode(options, postalCode) {
  if (!postalCode || !Array.isArray(options)) return null;
  const listed = (option) => Array.isArray(option?.postalCodes);
  if (!options.some((option) => listed(option) && option.postalCodes.includes(postalCode))) return null;
  return options.filter((option) => !listed(option) || option.postalCodes.includes(postalCode));
}

export const PostalAreasMixin = (Base) => class extends Base {
  /** field name -> the value a postal code filled in (replaced by the next postal code, unlike the user's). */
  postalFilled = new Map();

  /** Fields marked touched only because a postal code filled them: untouched again when it clears them. */
  postalTouched = new Set();

  /** A new form or a reset: nothing is filled from a postal code. */
  forgetPostalFills() {
    this.postalFilled.clear();
    this.postalTouched.clear();
  }

  /** The user touched field `name` (left it, chose in it): it stays touched whatever a postal code does. */
  touchedByUser(name) {
    this.postalTouched.delete(name);
    this.state.touched.add(name);
  }

  /** Empties field `name` for the postal code; a field it alone had touched is untouched again. */
  unfill(name) {
    this.state.values.delete(name);
    this.postalFilled.delete(name);
    if (this.postalTouched.delete(name)) this.state.touched.delete(name);
  }

  /** The postal code the form can go by: typed, and valid for the schema; else ''. */
  validPostalCode() {
    const { state } = this;
    const text = (state.values.get(POSTAL_CODE) ?? '').trim();
    if (!text || !state.data || state.result.problems.some((p) => p.field === POSTAL_CODE)) return '';
    return text;
  }

  /** The options of a select field as shown: narrowed by the postal code when their lists say so. */
  shownOptions(field, options) {
    if (!field || field.name === POSTAL_CODE) return options;
    return choicesForPostalCode(options, this.validPostalCode()) ?? options;
  }

  /** The options a select field has now (geo level list or its own), or null while they load. */
  optionsNow(field) {
    if (field.geoLevel !== null && field.geoLevel !== undefined) return this.state.geo.get(field.geoLevel)?.options ?? null;
    return field.options ?? null;
  }

  /**
   * Fills or clears the select fields the postal code determines. Returns the lowest geo level whose
   * value it changed (its lists below must load), or 0.
   */
  fillFromPostalCode() {
    const { state } = this;
    const postalCode = this.validPostalCode();
    let changedLevel = 0;
    for (const field of state.fields) {
      if (!field.select || field.name === POSTAL_CODE || (field.geoLevel == null && field.name !== DIAL_ZONE)) continue;
      const options = this.optionsNow(field);
      const left = options ? choicesForPostalCode(options, postalCode) : null;
      const current = state.values.get(field.name) ?? '';
      const ours = current !== '' && this.postalFilled.get(field.name) === current;
      let next = current;
      if (left?.length === 1 && (current === '' || ours)) next = String(left[0].value);
      else if (ours && left && !left.some((o) => String(o.value) === current)) next = '';
      if (next === current) continue;
      if (next) {
        state.values.set(field.name, next);
        if (!state.touched.has(field.name)) this.postalTouched.add(field.name);
        state.touched.add(field.name);
        this.postalFilled.set(field.name, next);
      } else {
        this.unfill(field.name);
      }
      if (field.geoLevel) {
        // A new parent empties the levels below, as a choice does.
        for (let level = field.geoLevel + 1; level <= 4; level++) {
          const child = this.fieldAt(level);
          if (!child) break;
          this.unfill(child.name);
          state.geo.set(level, { options: null, parents: '' });
        }
        // The levels below fill as their lists load.
        if (!changedLevel) changedLevel = field.geoLevel;
      }
    }
    return changedLevel;
  }

  /** After the postal code changed: fill what it determines, then load the lists below. */
  postalCodeChanged() {
    const level = this.fillFromPostalCode();
    if (level && this.state.values.get(this.fieldAt(level)?.name)) this.loadGeoLevel(level + 1, this.generation);
  }

  /**
   * "Start with the postal code: it fills in …", when a postal code fills fields and is not the
   * first field: { key, params } for the view, or null.
   */
  startHint() {
    const { state } = this;
    const pc = this.field(POSTAL_CODE);
    if (!pc || pc.select || !state.data || state.fields[0] === pc) return null;
    let filled = [];
    if (this.lookups?.list?.some((d) => d.id === 'postalCodes')) {
      filled = state.fields.filter((f) => ['a1', 'a2', 'a3'].includes(f.name));
    } else {
      // A postal code fills a choice only from a list whose every choice gives its postal codes (a choice
      // without them stays offered beside the one that matches): a level whose list is not loaded yet (at
      // start, all but the first), or that gives codes to a sample of its choices only (CH localities), is not named.
      const fills = (field) => {
        const options = this.optionsNow(field);
        return !!options?.length && options.every((o) => Array.isArray(o?.postalCodes));
      };
      const first = state.fields.find((f) => f.geoLevel === 1);
      // The first level's list loads after the form shows: no hint until it is known, so the hint appears once,
      // whole, rather than naming the dial zone alone and then growing.
      if (first && this.optionsNow(first) === null) return null;
      filled = state.fields.filter((f) => f.name !== POSTAL_CODE && (f.geoLevel != null || f.name === DIAL_ZONE) && fills(f));
    }
    if (!filled.length) return null;
    const labels = filled.map((f) => f.label);
    const fields = typeof this.host.list === 'function' ? this.host.list(labels) : labels.join(', ');
    return { key: 'startWith', params: { label: pc.label, labelLower: lowerFirst(pc.label), fields } };
  }
};
