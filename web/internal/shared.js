// Infrastructure shared by the btalk-forms custom elements: styles, a DOM builder that
// never parses HTML, event dispatch, and the API client an element uses when the page gives
// it none (of the class it names: BtalkAddressClient for the address form, BtalkClient for the
// order element, so the address form's bundle never holds the order methods). UI strings live in each component's i18n/ catalogues (see internal/localize.js).

import { format } from './localize.js';
import { DEFAULT_BASE_URL, resolveBaseUrl } from '../http/client-common.js';
import { notConfiguredError } from './errors.js';

/** Base styles for every element (internal/base.css, shipped minified: scripts/build-css.js). */
export { BASE_CSS } from './base-styles.js';

const sheetCache = new Map();

/** Puts `cssText` in a shadow root: a shared constructable sheet where supported, else a <style>. */
export function adoptStyles(root, cssText) {
  if (typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in root) {
    let sheet = sheetCache.get(cssText);
    if (!sheet) {
      try {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(cssText);
        sheetCache.set(cssText, sheet);
      } catch {
        sheet = null; // a sheet the browser refuses to build: the <style> below carries the same text
      }
    }
    if (sheet) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return;
    }
  }
  const style = document.createElement('style');
  style.textContent = cssText;
  root.prepend(style);
}

/** Replaces {name} placeholders; the result is plain text (always set via textContent). One copy: localize.js's. */
export { format };

/**
 * Builds an element without ever parsing HTML: `text` becomes textContent,
 * `on<event>` functions become listeners, `props` are set as properties,
 * everything else is an attribute (true -> present, false/null/undefined -> absent).
 * String children become text nodes.
 */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') {
      el.textContent = String(value);
    } else if (key === 'props') {
      Object.assign(el, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Dispatches a CustomEvent that crosses shadow boundaries (bubbles + composed). */
export function emit(target, type, detail) {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** The element's `heading-level` attribute as a level from 1 to `max`, or null when absent or out of range. */
export function headingLevelOf(element, max) {
  const wanted = Number.parseInt(element.getAttribute('heading-level') ?? '', 10);
  return Number.isInteger(wanted) && wanted >= 1 && wanted <= max ? wanted : null;
}

/** True for absolute http(s) URLs; anything else (javascript:, data:, relative) is not a link. */
export function isHttpUrl(value) {
  if (typeof value !== 'string' || value.trim() === '') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false; // not a URL at all
  }
}

/** A failure as text and as a btalk-error detail (DOM-free: errors.js, which controllers import). */
export { NOT_CONFIGURED, errorDetail, errorMessage } from './errors.js';

// One client per (base URL, credentials function) so elements on one page share caches. A client
// serves any element whose class it is an instance of: an address form reuses the page's BtalkClient.
// Credentials functions are held weakly: a page that replaces them (new credentials) lets the old
// clients, and the secrets their functions close over, be collected.
const clientCache = new Map(); // base URL -> { none: clients, byFunction: WeakMap(credentials -> clients) }

/** True when `base` (an api-base, '' or undefined: none) is the real API's, whose every request needs a token. */
const isRealApi = (base) => {
  try {
    return resolveBaseUrl(base || DEFAULT_BASE_URL, 'api-base').base === DEFAULT_BASE_URL; // as the client reads it
  } catch {
    return false; // a malformed base: the client made from it says what is wrong
  }
};

/**
 * The client an element should use: its `client` property, else one made from
 * its `api-base` attribute (proxy mode unless the `credentials` property is set).
 * Without a client, credentials or an api-base other than the real API's, it throws notConfiguredError()
 * (code NOT_CONFIGURED): a proxy-mode client of the real API could only fail, request after request.
 * @param {{ client?: object|null, credentials?: Function, getAttribute(name: string): string|null }} element
 * @param {new (options: object) => object} Client the class to make one of (BtalkAddressClient, BtalkClient)
 * @param {() => string} [language] the UI language, sent as Accept-Language by a client made here (one
 *   client serves the elements of a page with the same base and credentials: the first one's language)
 */
export function clientFor(element, Client, language) {
  if (element.client) return element.client;
  const baseUrl = element.getAttribute('api-base') || undefined;
  const credentials = typeof element.credentials === 'function' ? element.credentials : undefined;
  if (!credentials && isRealApi(baseUrl)) throw notConfiguredError();
  let byBase = clientCache.get(baseUrl ?? '');
  if (!byBase) {
    byBase = { none: [], byFunction: new WeakMap() };
    clientCache.set(baseUrl ?? '', byBase);
  }
  let clients = credentials ? byBase.byFunction.get(credentials) : byBase.none;
  if (!clients) {
    clients = [];
    byBase.byFunction.set(credentials, clients);
  }
  let client = clients.find((known) => known instanceof Client);
  if (!client) {
    client = new Client({ ...(baseUrl ? { baseUrl } : {}), ...(credentials ? { credentials } : {}), ...(language ? { language } : {}) });
    clients.push(client);
  }
  return client;
}

/**
 * Properties set on an element before its class was defined shadow the class's
 * accessors; re-applying them routes them through the setters.
 */
export function upgradeProperties(element, names) {
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(element, name)) {
      const value = element[name];
      delete element[name];
      element[name] = value;
    }
  }
}

/** Calls `fn` once `delayMs` after the last call; `.cancel()` drops a pending call. */
export function debounce(fn, delayMs) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => { timer = null; fn(...args); }, delayMs);
  };
  debounced.cancel = () => { clearTimeout(timer); timer = null; };
  return debounced;
}
