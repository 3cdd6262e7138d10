// What a country switch carries over (issue 18): only the values that are valid in the new country.
// A value the old country's check accepted for a country-bound element (state, region, county,
// postal code, dial zone) was typed for that country: a US ZIP code that happens to fit the German
// format is still not a German postal code, so it is left out. Other values (street, number, city,
// building...) are kept where the new country accepts them. The values of fields the new country
// lacks are not part of its address; they stay for a switch back (and are not mentioned). DOM-free.
import { DIAL_ZONE, POSTAL_CODE } from './fields.js';

/** The elements whose value names a place of one country's own lists or registers. */
export const COUNTRY_BOUND = Object.freeze(['a1', 'a2', POSTAL_CODE, DIAL_ZONE]);

/**
 * Before loading another country: what the switch needs to know of the old form (null when there
 * was no loaded form, e.g. the first load, or the same country again).
 * @param {{ data: {iso2: string} | null, fields: {name: string, label: string}[], result: {problems?: {field: string}[]} }} state
 */
export function beforeSwitch(state, nextIso2) {
  if (!state.data || state.data.iso2 === nextIso2) return null;
  const refused = new Set((state.result?.problems ?? []).map((problem) => problem.field));
  return {
    from: state.data.iso2,
    labels: new Map(state.fields.map((field) => [field.name, String(field.label ?? field.name)])),
    accepted: new Set(state.fields.map((field) => field.name).filter((name) => !refused.has(name))),
  };
}

/**
 * Once the new country's form is validated: the values to leave out, as [{ name, label, value }]
 * (the labels of the old form, where the user saw them), among the fields the new form has
 * (`hasField(name)`);
 * `problems`: the new country's verdict on the carried values.
 */
export function leftOut(carried, values, hasField, problems) {
  if (!carried) return [];
  const refused = new Set(problems.filter((p) => p.code !== 'valueMissing').map((p) => p.field));
  const out = [];
  for (const [name, value] of values) {
    if (value === undefined || value === null || value === '') continue;
    const bound = COUNTRY_BOUND.includes(name) && carried.accepted.has(name);
    if (hasField(name) && (bound || refused.has(name))) out.push({ name, label: carried.labels.get(name) ?? name, value: String(value) });
  }
  return out;
}

/** The controller's side of a switch: leaveOut(carried), once the new country's form is validated. */
export const CarryMixin = (Base) => class extends Base {
  /** After a country switch: drops the values the new country cannot use, and says which, once (politely). */
  leaveOut(carried) {
    const { state } = this;
    const out = leftOut(carried, state.values, (name) => !!this.field(name), state.result?.problems ?? []);
    if (!out.length) return;
    for (const { name } of out) {
      state.values.delete(name);
      state.touched.delete(name);
      state.notes.delete(name);
    }
    this.validate();
    const lang = this.host.lang();
    const items = out.map(({ label, value }) => this.host.t('leftOutItem', { label, value }));
    let country = state.iso2;
    try {
      country = new Intl.DisplayNames([lang, 'en'], { type: 'region' }).of(state.iso2) ?? state.iso2;
    } catch { /* an unknown code stays as it is */ }
    this.setInfo('leftOut', { country, items: new Intl.ListFormat(lang, { type: 'conjunction' }).format(items) });
  }
};
