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

/**
 * The label of element `name`: the schema's label in `lang` (`labels: { fr: … }`), else the API's
 * label as given, else the element's own name in the UI language (`element.<name>` strings).
 */
export function labelOf(name, raw, formLabel, lang, t) {
  const own = perLanguage(raw?.labels, lang);
  if (own) return own;
  if (typeof raw?.defaultLabel === 'string' && raw.defaultLabel.trim()) return String(formLabel || raw.defaultLabel);
  const extra = /^addrExtInfo(\d+)$/.exec(name);
  const builtin = extra ? t('element.addrExtInfo', { n: extra[1] }) : t(`element.${name}`);
  return builtin && builtin !== `element.${name}` && builtin !== 'element.addrExtInfo' ? builtin : String(formLabel || name);
}

/**
 * The fields to show, in order: the core's fields (the dial zone is added when manual), each
 * { name, label, description, required, control, options, minLength, maxLength, pattern,
 *   referenceUrl, geoLevel, ruleError, autocomplete, inputmode, short, select }.
 * `lists` ({ name: options or null }, from the look-ups) names the free-text fields a look-up may
 * list (`listable`); a list turns such a field into a select.
 */
export function buildFields({ form, constraints, dialZones = [], lang = 'en', t, lists = {} }) {
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
      label: labelOf(f.name, raw, f.label, lang, t),
      description: perLanguage(raw?.descriptions, lang) || String(f.description ?? ''),
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
      name: DIAL_ZONE, label: t('dialZoneLabel'), description: t('dialZoneDescription'), required: true,
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
