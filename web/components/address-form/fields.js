// The address form's field model, DOM-free: what each field is (label, control, limits,
// autofill token, short or long) and how fields pair into rows. Built from the core's form
// model, the raw schema (per-language labels) and the UI language.

export const DIAL_ZONE = 'dialZone';
export const POSTAL_CODE = 'pc';
/** A short field (a house number, a postal code) shares its row with a neighbour. */
export const SHORT_MAX_LENGTH = 10;

// Browser autofill tokens (HTML "autofill detail tokens") for the elements that have one. The
// others get "off": a street number or a floor has no token, and a guess would fill it wrongly.
const AUTOFILL = {
  a1: 'address-level1', a3: 'address-level2', a4: 'address-level3', a5: 'address-level4',
  a6: 'address-line1', addrExtInfo1: 'address-line2', addrExtInfo2: 'address-line3', pc: 'postal-code',
};

/** The autofill token of element `name` in a schema holding `names`. */
export function autofillToken(name, names) {
  // Without a city (a3), the county level (a2) is the place a browser calls address-level2.
  if (name === 'a2') return names.has('a3') ? 'off' : 'address-level2';
  return AUTOFILL[name] ?? 'off';
}

/** The value of a per-language map ({ fr: '…', 'fr-CH': '…' }) for `lang`, or ''. */
export function perLanguage(map, lang) {
  if (!map || typeof map !== 'object' || Array.isArray(map)) return '';
  for (const [key, text] of Object.entries(map)) {
    if (typeof text === 'string' && text.trim() && key.toLowerCase().split(/[-_]/)[0] === lang) return text.trim();
  }
  return '';
}

/** The element's own name for address element `name` in the UI language (`element.<name>`), or ''. */
export function elementName(name, t) {
  const extra = /^addrExtInfo(\d+)$/.exec(name);
  const key = extra ? 'element.addrExtInfo' : `element.${name}`;
  const text = extra ? t(key, { n: extra[1] }) : t(key);
  return text && text !== key ? text : '';
}

/**
 * What a field is called and described, in the UI language `lang`: the schema's texts in `lang`
 * (`labels: { fr: … }`, `descriptions`) first; the API's own label when its texts are in `lang`
 * (`apiLanguage`: the answer's Content-Language, English when it says none); otherwise the element's
 * own name (`element.<name>`), with the API's label and description kept as the description, in
 * `descriptionLang` (so "Postal code: the format is not valid" never shows in a French form).
 * -> { label, description, descriptionLang } (descriptionLang null when the description is in `lang`)
 */
export function fieldTexts(name, raw, formField, { lang, apiLanguage, t }) {
  const apiLang = String(apiLanguage || 'en');
  const sameLanguage = apiLang.toLowerCase().split(/[-_]/)[0] === lang;
  const apiLabel = typeof raw?.defaultLabel === 'string' && raw.defaultLabel.trim() ? String(formField?.label || raw.defaultLabel).trim() : '';
  const apiDescription = String(formField?.description ?? '').trim();
  const ownDescription = perLanguage(raw?.descriptions, lang);
  const described = (apiText) => (ownDescription ? { description: ownDescription, descriptionLang: null }
    : { description: apiText, descriptionLang: apiText && !sameLanguage ? apiLang : null });
  const label = perLanguage(raw?.labels, lang) || (sameLanguage ? apiLabel : '');
  if (label) return { label, ...described(apiDescription) };
  const builtin = elementName(name, t);
  if (!builtin) return { label: apiLabel || name, ...described(apiDescription) };
  // The API's label, when it says more than its description, stays beside it.
  return { label: builtin, ...described([apiLabel !== apiDescription ? apiLabel : '', apiDescription].filter(Boolean).join(': ')) };
}

/**
 * The fields to show, in order: the core's fields (the dial zone is added when manual), each
 * { name, label, description, required, control, options, minLength, maxLength, pattern,
 *   referenceUrl, geoLevel, ruleError, autocomplete, inputmode, short, select }.
 * `lists` ({ name: options or null }, from the look-ups) names the free-text fields a look-up may
 * list (`listable`); a list turns such a field into a select.
 */
export function buildFields({ form, constraints, dialZones = [], lang = 'en', apiLanguage = null, t, lists = {} }) {
  const ruleErrors = new Map();
  for (const problem of form?.constraintErrors ?? []) {
    if (problem && !ruleErrors.has(problem.field)) ruleErrors.set(problem.field, problem.message);
  }
  const source = (form?.fields ?? []).filter((f) => f && typeof f.name === 'string' && f.name !== DIAL_ZONE);
  const names = new Set(source.map((f) => f.name));
  const fields = source.map((f) => {
    const raw = constraints && typeof constraints === 'object' ? constraints[f.name] : null;
    const geoLevel = Number.isInteger(f.geoLevel) ? f.geoLevel : null;
    let control = f.control;
    let options = Array.isArray(f.options) ? f.options : [];
    const listable = Object.hasOwn(lists ?? {}, f.name) && geoLevel === null && control !== 'select';
    if (listable && lists[f.name]?.length) {
      control = 'select';
      options = lists[f.name];
    }
    const select = geoLevel !== null || control === 'select';
    const maxLength = Number.isInteger(f.maxLength) && f.maxLength > 0 ? f.maxLength : null;
    return {
      name: f.name,
      ...fieldTexts(f.name, raw, f, { lang, apiLanguage, t }),
      required: !!f.required,
      control,
      select,
      options,
      minLength: Number.isInteger(f.minLength) ? f.minLength : 0,
      maxLength,
      pattern: typeof f.pattern === 'string' && f.pattern ? f.pattern : null,
      referenceUrl: f.referenceUrl ?? null,
      geoLevel,
      ruleError: ruleErrors.get(f.name) ?? null,
      autocomplete: autofillToken(f.name, names),
      inputmode: control === 'numeric' ? 'numeric' : null,
      short: control === 'numeric' || (maxLength !== null && maxLength <= SHORT_MAX_LENGTH),
      listable,
    };
  });
  if (form?.dialZone === 'manual') {
    fields.push({
      name: DIAL_ZONE, label: t('dialZoneLabel'), description: t('dialZoneDescription'), descriptionLang: null, required: true,
      control: dialZones.length ? 'select' : 'text', select: dialZones.length > 0, options: dialZones,
      minLength: 0, maxLength: null, pattern: null, referenceUrl: null, geoLevel: null, ruleError: null,
      autocomplete: 'off', inputmode: null, short: false, listable: false,
    });
  }
  return fields;
}

// Neighbours that read well side by side (the schema's element names): house number with
// street, postal code with its place, floor with unit.
const AFFINITY = [
  ['hno', 'a6'], ['hno', 'hns'], ['hns', 'a6'], ['sts', 'a6'], ['hno', 'sts'],
  ['pc', 'a3'], ['pc', 'a2'], ['pc', 'a1'], ['pc', 'pcn'], ['flr', 'unit'], ['flr', 'room'], ['unit', 'room'], ['bld', 'flr'],
];
const affine = (a, b) => AFFINITY.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

/** How well two neighbours share a row: 0 = not at all (a row needs a short field). */
function pairScore(a, b) {
  if (!a.short && !b.short) return 0;
  if (affine(a.name, b.name)) return 2;
  return a.short && b.short ? 1 : 0;
}

/**
 * Rows of one or two fields, in order. Only a short field (maxLength <= 10, or numeric) shares
 * its row: with another short one, or with a neighbour it belongs with (house number with
 * street, postal code with city, floor with unit). The best pairing over the whole form is kept
 * (a small dynamic programme), so "floor | postal code" never takes the postal code from its
 * city. The view lays a pair side by side only in a wide enough container.
 */
export function layoutRows(fields) {
  const n = fields.length;
  const best = new Array(n + 2).fill(0); // best[i]: score of fields[i..]
  const pairHere = new Array(n).fill(false);
  for (let i = n - 1; i >= 0; i--) {
    best[i] = best[i + 1];
    const score = i + 1 < n ? pairScore(fields[i], fields[i + 1]) : 0;
    if (score > 0 && score + best[i + 2] >= best[i]) { // a tie: the earlier pair
      best[i] = score + best[i + 2];
      pairHere[i] = true;
    }
  }
  const rows = [];
  for (let i = 0; i < n; i++) {
    if (pairHere[i]) {
      rows.push([fields[i], fields[i + 1]]);
      i++;
    } else {
      rows.push([fields[i]]);
    }
  }
  return rows;
}

/**
 * The canonical form of a typed value when the core has no normaliser: trimmed, inner runs of
 * whitespace made one space.
 */
export function basicNormalize(text) {
  return String(text ?? '').replace(/\s+/g, ' ').trim();
}

/** `label` with a lower-case first letter, unless it reads as an acronym ("ZIP code" stays). */
export function lowerFirst(label) {
  const text = String(label ?? '');
  if (text.length < 2 || text[1] !== text[1].toLowerCase()) return text;
  return text[0].toLowerCase() + text.slice(1);
}

const fold = (text) => String(text ?? '').normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The form field an API problem is about: its own `field` when the form has it, else the field
 * whose label (any of `labels`: the one shown, the schema's) its message or description names, as
 * a whole word, case and accents aside; the earliest named wins, the longest at one place
 * ("Street number" before "Street"). Its own field (or '') when no label is named.
 * @param {{ field?: string, message?: string, description?: string }} problem
 * @param {Array<{ name: string, labels: string[] }>} fields
 */
export function fieldOfProblem(problem, fields) {
  const own = typeof problem?.field === 'string' ? problem.field : '';
  if (fields.some((f) => f.name === own)) return own;
  const text = fold(`${problem?.message ?? ''} \u0000 ${problem?.description ?? ''}`);
  let best = null;
  for (const { name, labels } of fields) {
    for (const label of labels) {
      const wanted = fold(label).trim();
      if (wanted.length < 2) continue;
      const match = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(wanted)}(?![\\p{L}\\p{N}])`, 'u').exec(text);
      if (!match) continue;
      const at = match.index + match[1].length;
      if (!best || at < best.at || (at === best.at && wanted.length > best.length)) best = { name, at, length: wanted.length };
    }
  }
  return best?.name ?? own;
}
