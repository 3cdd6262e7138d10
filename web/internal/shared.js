// Infrastructure shared by the btalk-forms custom elements: styles, a DOM builder that
// never parses HTML, event dispatch, and the API client an element uses when the page gives
// it none (of the class it names: BtalkAddressClient for the address form, BtalkClient for the
// order element, so the address form's bundle never holds the order methods). UI strings live in each component's i18n/ catalogues (see internal/localize.js).

/** Base styles for every element. Themable through --btalk-* custom properties and ::part. */
export const BASE_CSS = `
:host {
  display: block;
  box-sizing: border-box;
  font-family: var(--btalk-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  color: var(--btalk-color-text, #1f1f1f);
  background: var(--btalk-color-bg, transparent);
  max-width: 100%;
  line-height: 1.4;
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.stack { display: flex; flex-direction: column; gap: var(--btalk-gap, 0.9rem); min-width: 0; }
.field { display: flex; flex-direction: column; gap: 0.25rem; min-width: 0; }
label, .label { font-weight: 600; }
.required { color: var(--btalk-color-error, #b00020); margin-inline-start: 0.2em; }
input, select, button, textarea { font: inherit; color: inherit; }
input, select {
  width: 100%;
  max-width: 100%;
  min-height: 2.5rem;
  padding: 0.45rem 0.6rem;
  border: 1px solid var(--btalk-color-border, #8a8a8a);
  border-radius: var(--btalk-radius, 4px);
  background: var(--btalk-color-bg, #fff);
}
input[aria-invalid="true"], select[aria-invalid="true"] {
  border-color: var(--btalk-color-error, #b00020);
  border-width: 2px;
}
input:disabled, select:disabled, button:disabled { opacity: 0.6; cursor: not-allowed; }
:focus-visible, input:focus, select:focus {
  outline: 3px solid var(--btalk-color-accent, #ff7900);
  outline-offset: 2px;
  /* The accent alone is 2.6:1 on white; the inner ring in the text colour makes 3:1. */
  box-shadow: 0 0 0 2px var(--btalk-color-text, #1f1f1f);
}
.description { margin: 0; font-size: 0.9em; opacity: 0.85; }
.error { margin: 0; color: var(--btalk-color-error, #b00020); font-weight: 600; font-size: 0.95em; }
.error:empty { display: none; }
button {
  min-height: 2.5rem;
  padding: 0.45rem 1rem;
  border-radius: var(--btalk-radius, 4px);
  border: 1px solid var(--btalk-color-accent, #ff7900);
  background: var(--btalk-color-accent, #ff7900);
  color: #000;
  font-weight: 600;
  cursor: pointer;
}
button.secondary { background: transparent; color: inherit; }
button.linklike {
  min-height: 0; padding: 0; border: 0; background: none; color: inherit;
  text-decoration: underline; font-weight: 400; text-align: start;
  display: inline; /* a wrapped summary item keeps its bullet beside its first line */
}
a { color: inherit; }
.status { margin: 0; padding: 0.5rem 0.75rem; border-radius: var(--btalk-radius, 4px); }
.status:empty { display: none; }
.status.error-status {
  border: 2px solid var(--btalk-color-error, #b00020);
  display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; justify-content: space-between;
}
.status.success { border: 2px solid #2e7d32; }
.summary {
  border: 2px solid var(--btalk-color-error, #b00020);
  border-radius: var(--btalk-radius, 4px);
  padding: 0.5rem 0.75rem;
}
.summary ul { margin: 0.25rem 0 0; padding-inline-start: 1.2rem; }
.summary h2 { font-size: 1em; margin: 0; }
.candidates { list-style: none; margin: 0; padding: 0; border: 1px solid var(--btalk-color-border, #8a8a8a); border-radius: var(--btalk-radius, 4px); }
.candidates:empty { display: none; }
.candidates li + li { border-top: 1px solid var(--btalk-color-border, #8a8a8a); }
.candidates button {
  width: 100%; text-align: start; background: transparent; border: 0; border-radius: 0;
  font-weight: 400; color: inherit;
}
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
`;

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
        sheet = null;
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

/** Replaces {name} placeholders; the result is plain text (always set via textContent). */
export function format(template, params = {}) {
  return String(template ?? '').replace(/\{(\w+)\}/g, (whole, key) =>
    (params[key] === undefined || params[key] === null ? whole : String(params[key])));
}

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

/** True for absolute http(s) URLs; anything else (javascript:, data:, relative) is not a link. */
/** The element's `heading-level` attribute as a level from 1 to `max`, or null when absent or out of range. */
export function headingLevelOf(element, max) {
  const wanted = Number.parseInt(element.getAttribute('heading-level') ?? '', 10);
  return Number.isInteger(wanted) && wanted >= 1 && wanted <= max ? wanted : null;
}

export function isHttpUrl(value) {
  if (typeof value !== 'string' || value.trim() === '') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A human message for any failure, safe to show as text (never the credentials). */
export function errorMessage(error, strings) {
  const message = (error && typeof error.message === 'string' && error.message) || String(error ?? '');
  if (error && typeof error.status === 'number' && error.status > 0 && !message.includes(String(error.status))) {
    return `${message} ${format(strings.errorStatus, { status: error.status })}`;
  }
  return message;
}

/** The { message, status, code } detail of a btalk-error event. */
export function errorDetail(error, message) {
  return {
    message,
    status: typeof error?.status === 'number' ? error.status : 0,
    code: typeof error?.code === 'string' ? error.code : (error?.name ?? 'error'),
  };
}

// One client per (base URL, credentials function) so elements on one page share caches. A client
// serves any element whose class it is an instance of: an address form reuses the page's BtalkClient.
const clientCache = new Map();

/**
 * The client an element should use: its `client` property, else one made from
 * its `api-base` attribute (proxy mode unless the `credentials` property is set).
 * @param {{ client?: object|null, credentials?: Function, getAttribute(name: string): string|null }} element
 * @param {new (options: object) => object} Client the class to make one of (BtalkAddressClient, BtalkClient)
 */
export function clientFor(element, Client) {
  if (element.client) return element.client;
  const baseUrl = element.getAttribute('api-base') || undefined;
  const credentials = typeof element.credentials === 'function' ? element.credentials : undefined;
  let byCredentials = clientCache.get(baseUrl ?? '');
  if (!byCredentials) {
    byCredentials = new Map();
    clientCache.set(baseUrl ?? '', byCredentials);
  }
  let clients = byCredentials.get(credentials ?? null);
  if (!clients) {
    clients = [];
    byCredentials.set(credentials ?? null, clients);
  }
  let client = clients.find((known) => known instanceof Client);
  if (!client) {
    client = new Client({ ...(baseUrl ? { baseUrl } : {}), ...(credentials ? { credentials } : {}) });
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
