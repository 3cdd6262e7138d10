// Localisation shared by every btalk-forms element: which language an element speaks,
// where its strings come from, and how a string is formatted (placeholders, plurals, lists).
//
// Each component owns one catalogue per language (e.g. components/address-form/i18n/fr.js
// exporting `default` as a flat { key: text } object). English is bundled with the
// component; the other languages are loaded on demand, so a page only fetches the language
// it shows. This module holds no strings of its own and touches no DOM at import time.

/** The languages every component ships a catalogue for. */
export const LANGUAGES = Object.freeze(['en', 'fr', 'de', 'es', 'it', 'nl', 'pt']);

/**
 * The supported language closest to a BCP 47 tag: 'fr-CH' -> 'fr', 'PT_br' -> 'pt',
 * anything unknown or empty -> 'en'.
 */
export function bestLanguage(tag, available = LANGUAGES) {
  const primary = String(tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return available.includes(primary) ? primary : 'en';
}

const regionNames = new Map(); // lang -> Intl.DisplayNames

/**
 * The name of country `iso2` in `lang` ("Deutschland" for DE in German), from the browser's own
 * data (Intl.DisplayNames); `fallback` (e.g. the API's name, which is English) when it has none.
 */
export function regionName(iso2, lang, fallback = '') {
  const code = String(iso2 ?? '').trim().toUpperCase();
  // Not the private-use codes (AA, QM-QZ, XA-XZ but Kosovo's XK, ZZ): the browser names them "Unknown Region".
  if (/^[A-Z]{2}$/.test(code) && !/^(AA|Q[M-Z]|X[A-JL-Z]|ZZ)$/.test(code) && typeof Intl.DisplayNames === 'function') {
    if (!regionNames.has(lang)) regionNames.set(lang, new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }));
    const name = regionNames.get(lang).of(code);
    if (name) return name;
  }
  return String(fallback || code);
}

/**
 * The language tag that applies to `element`: its own `lang` attribute, else the closest
 * ancestor's (crossing shadow roots to their hosts), else the document's. '' when none.
 */
export function langOf(element) {
  let node = element;
  while (node) {
    const lang = typeof node.getAttribute === 'function' ? node.getAttribute('lang') : null;
    if (lang) return lang;
    node = node.parentNode ?? node.host ?? null;
  }
  return '';
}

/**
 * A component's catalogues: `{ en: {...}, fr: () => import('./i18n/fr.js'), ... }`. A language
 * given as a function is loaded once, when first asked for; a failed load falls back to English
 * (and is tried again next time).
 */
export class Catalogue {
  #sources;
  #loaded = new Map();

  constructor(sources) {
    if (!sources || typeof sources.en !== 'object') throw new TypeError('A catalogue needs its English strings.');
    this.#sources = sources;
    this.#loaded.set('en', sources.en);
  }

  /** The strings of `lang` if they are already loaded (English otherwise); never waits. */
  peek(lang) {
    return { ...this.#sources.en, ...(this.#loaded.get(lang) ?? {}) };
  }

  /** Resolves to the strings of `lang`, English filling any key the language lacks. */
  async load(lang) {
    if (!this.#loaded.has(lang)) {
      const source = this.#sources[lang];
      if (typeof source === 'function') {
        try {
          const module = await source();
          const strings = module?.default ?? module;
          if (strings && typeof strings === 'object') this.#loaded.set(lang, strings);
        } catch {
          // Offline or blocked: English it is, for now.
        }
      } else if (source && typeof source === 'object') {
        this.#loaded.set(lang, source);
      }
    }
    return this.peek(lang);
  }
}

/**
 * Applies the page's overrides on top of `strings`: flat ({ save: '…' }) and/or per language
 * ({ fr: { save: '…' } }). Only string values count.
 */
export function withOverrides(strings, lang, overrides) {
  const merged = { ...strings };
  if (overrides && typeof overrides === 'object') {
    for (const layer of [overrides, overrides[lang]]) {
      if (!layer || typeof layer !== 'object') continue;
      for (const [key, text] of Object.entries(layer)) {
        if (typeof text === 'string') merged[key] = text;
      }
    }
  }
  return merged;
}

/** Replaces {name} placeholders; the result is plain text (always set via textContent). */
export function format(template, params = {}) {
  return String(template ?? '').replace(/\{(\w+)\}/g, (whole, key) =>
    (params[key] === undefined || params[key] === null ? whole : String(params[key])));
}

/**
 * Formats the strings of one language. `t(key, params)` fills placeholders; when
 * `params.count` is a number and a `key.<plural category>` string exists (`key.one`,
 * `key.other`, …, per Intl.PluralRules), that one is used. A missing key gives the key itself,
 * so a gap shows up instead of an empty label.
 */
export class Localizer {
  constructor(strings, lang = 'en') {
    this.strings = strings;
    this.lang = lang;
    this.plurals = new Intl.PluralRules(lang);
  }

  t(key, params = {}) {
    let template = this.strings[key];
    if (typeof params.count === 'number') {
      const exact = this.strings[`${key}.=${params.count}`];
      const plural = this.strings[`${key}.${this.plurals.select(params.count)}`];
      template = exact ?? plural ?? template ?? this.strings[`${key}.other`];
    }
    if (typeof template !== 'string') return key;
    const shown = typeof params.count === 'number' ? { ...params, count: this.number(params.count) } : params;
    return format(template, shown);
  }

  /** 'a, b and c' in the language's own words (type 'conjunction' or 'disjunction'). */
  list(items, type = 'conjunction') {
    return new Intl.ListFormat(this.lang, { style: 'long', type }).format(items.map(String));
  }

  number(value) {
    return new Intl.NumberFormat(this.lang).format(value);
  }
}

/**
 * Keeps a host element's Localizer current: the language comes from `langOf(host)`; the page's
 * overrides from `host.strings`. Call `update()` when the host connects or its `lang` or `strings`
 * change; `onChange(localizer)` runs whenever the strings in use change (after any async load).
 * While connected it also follows the document's `lang` attribute.
 */
export class LocalizeController {
  #host;
  #catalogue;
  #onChange;
  #observer = null;
  #request = 0;

  constructor(host, { catalogue, onChange }) {
    this.#host = host;
    this.#catalogue = catalogue;
    this.#onChange = onChange ?? (() => {});
    this.localizer = this.#make(bestLanguage(langOf(host)), catalogue.peek(bestLanguage(langOf(host))));
  }

  get lang() {
    return this.localizer.lang;
  }

  /** The language the host asks for now (its `lang`, else an ancestor's), even while its strings load. */
  get wantedLang() {
    return bestLanguage(langOf(this.#host));
  }

  t(key, params) {
    return this.localizer.t(key, params);
  }

  hostConnected() {
    const root = globalThis.document?.documentElement;
    if (root && typeof MutationObserver === 'function' && !this.#observer) {
      this.#observer = new MutationObserver(() => this.update());
      this.#observer.observe(root, { attributes: true, attributeFilter: ['lang'] });
    }
    return this.update();
  }

  hostDisconnected() {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  /** Re-reads the language and overrides; resolves once the language's strings are in use. */
  async update() {
    const request = ++this.#request;
    const lang = bestLanguage(langOf(this.#host));
    const strings = await this.#catalogue.load(lang);
    if (request !== this.#request) return this.localizer; // a newer update won
    const next = this.#make(lang, strings);
    const changed = next.lang !== this.localizer.lang
      || JSON.stringify(next.strings) !== JSON.stringify(this.localizer.strings);
    this.localizer = next;
    if (changed) this.#onChange(next);
    return next;
  }

  #make(lang, strings) {
    return new Localizer(withOverrides(strings, lang, this.#host.strings), lang);
  }
}
