// The demo page's behaviour, shared by the served demo (examples/demo/demo.js:
// stand-in behind a same-origin proxy) and the static site (examples/site/site.js:
// the stand-in inside the page), both made from index.html in this folder: the
// settings panel (a built-in mode, or direct mode with an OAuth client + API key)
// that connects the three elements, the standalone address form's country picker,
// and a log of the events the elements dispatch.
//
// Secrets (client secret, token, API key) live only in this module's closures and the
// password inputs' values: never in an attribute, a URL, storage or the event log.
import { BtalkClient } from '../../web/client.js';
import { LANGUAGES } from '../../web/internal/localize.js';

const LOG_LIMIT = 200;

/** The OAuth token endpoint that belongs to an API base URL: {origin}/oauth/v3/token. */
export function tokenUrlFor(baseUrl) {
  return `${new URL(baseUrl, location.href).origin}/oauth/v3/token`;
}

/** The language menu: every UI language of the elements (LANGUAGES), each named in its own words. */
function fillLanguages(select) {
  const chosen = select.value;
  select.replaceChildren(...LANGUAGES.map((lang) => {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang);
    const option = new Option(name.charAt(0).toLocaleUpperCase(lang) + name.slice(1), lang);
    option.lang = lang;
    return option;
  }));
  select.value = LANGUAGES.includes(chosen) ? chosen : 'en';
}

/** Basic auth value for an id and secret, UTF-8 safe (btoa alone only takes Latin-1). */
export function basicAuth(id, secret) {
  const bytes = new TextEncoder().encode(`${id}:${secret}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/**
 * A `credentials` function for direct mode. The client calls it before its first
 * request and again only after a 401, so every call fetches a fresh token.
 */
export function makeCredentials({ tokenUrl, clientId, clientSecret, apiKey }) {
  return async function credentials() {
    let response;
    try {
      response = await fetch(tokenUrl, {
        method: 'POST',
        headers: {
          Authorization: basicAuth(clientId, clientSecret),
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      throw new Error(`The token endpoint ${tokenUrl} could not be reached.`);
    }
    const body = await response.json().catch(() => null);
    if (!response.ok || typeof body?.access_token !== 'string') {
      throw new Error(`The token endpoint answered ${response.status}.`);
    }
    return { accessToken: body.access_token, apiKey };
  };
}

/**
 * Wires the page. The built-in mode is the mode radio other than "direct" ('proxy', 'standin'), and
 * its API base the elements' api-base attribute in the page (render.js TARGETS).
 * @param {object} options
 * @param {(base: { baseUrl: string }) => { client?: object, status: string }} options.builtIn the connection
 *   of that mode: a client to hand to the elements, or none (they use their api-base: proxy mode)
 * @param {(settings: { baseUrl: string, credentials: Function }) => object|null} [options.directClient]
 *   a client for direct mode; omitted, the elements make theirs from api-base + credentials
 * @param {string} [options.defaultDirectBase] what the base URL field starts with
 * @returns {{ builtInBase: string, reconnect(): void }} reconnect() re-applies the current connection
 *   (e.g. after a data reset)
 */
export function startDemoPage({ builtIn, directClient, defaultDirectBase = '' }) {
  const $ = (selector) => document.querySelector(selector);
  const orderElement = $('#order');
  const addressElement = $('#standalone-address');
  const importElement = $('#site-import');
  const elements = [orderElement, addressElement, importElement];
  const settingsForm = $('#settings');
  const directSettings = $('#direct-settings');
  const settingsStatus = $('#settings-status');
  const baseUrlInput = $('#base-url');
  const tokenUrlText = $('#token-url');
  const countryPicker = $('#standalone-country');
  const countryStatus = $('#standalone-country-status');
  const countryRetryRow = $('#standalone-country-retry-row');
  const countryRetry = $('#standalone-country-retry');
  const eventLog = $('#event-log');
  fillLanguages(settingsForm.elements.lang);

  const builtInMode = [...settingsForm.elements.mode].find((radio) => radio.value !== 'direct').value;
  const builtInBase = orderElement.getAttribute('api-base');
  baseUrlInput.value = defaultDirectBase;

  function showTokenUrl() {
    try {
      tokenUrlText.textContent = tokenUrlFor(baseUrlInput.value);
    } catch {
      tokenUrlText.textContent = '…';
    }
  }
  baseUrlInput.addEventListener('input', showTokenUrl);
  showTokenUrl();

  // The current connection: what both elements and the country picker use.
  let connection = null;

  /**
   * The client of the country picker: the order element's own (made from its api-base and
   * credentials, and shared with the address forms), so one token serves the whole page.
   */
  function pickerClient() {
    return orderElement.client ?? new BtalkClient({ baseUrl: connection.baseUrl });
  }

  function applyConnection(next, { initial = false } = {}) {
    const hadClient = !!connection?.client;
    connection = next;
    // At start, elements that load from their own api-base attribute are already on their way.
    for (const element of initial && !next.client ? [] : elements) {
      if (next.client) {
        element.client = next.client;
        continue;
      }
      if (hadClient) element.client = null;
      // Credentials first: the element rebuilds its client once, on the next microtask.
      element.credentials = next.credentials;
      element.setAttribute('api-base', next.baseUrl);
    }
    loadCountries();
  }

  function currentMode() {
    return settingsForm.elements.mode.value;
  }

  settingsForm.addEventListener('change', (event) => {
    if (event.target.name === 'mode') directSettings.hidden = currentMode() !== 'direct';
  });

  function connectBuiltIn({ initial = false } = {}) {
    const { status, ...next } = builtIn({ baseUrl: builtInBase });
    applyConnection({ mode: builtInMode, baseUrl: builtInBase, credentials: null, ...next }, { initial });
    if (!initial) settingsStatus.textContent = status;
  }

  settingsForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const lang = settingsForm.elements.lang.value;
    for (const element of elements) element.setAttribute('lang', lang);
    if (currentMode() === builtInMode) {
      connectBuiltIn();
      return;
    }
    const baseUrl = baseUrlInput.value.trim();
    const clientId = settingsForm.elements.clientId.value.trim();
    const clientSecret = settingsForm.elements.clientSecret.value;
    const apiKey = settingsForm.elements.apiKey.value.trim();
    const missing = [];
    let absolute;
    try {
      absolute = new URL(baseUrl, location.href);
      if (!/^https?:$/.test(absolute.protocol)) throw new Error('protocol');
    } catch {
      missing.push('a valid http(s) base URL');
    }
    if (!clientId) missing.push('the client id');
    if (!clientSecret) missing.push('the client secret');
    if (apiKey.length !== 40) missing.push('a 40-character API key');
    if (missing.length) {
      settingsStatus.textContent = `Direct mode needs ${missing.join(', ')}.`;
      return;
    }
    const base = absolute.href.replace(/\/+$/, '');
    try {
      const credentials = makeCredentials({ tokenUrl: tokenUrlFor(base), clientId, clientSecret, apiKey });
      const client = directClient?.({ baseUrl: base, credentials }) ?? null;
      applyConnection({ mode: 'direct', baseUrl: base, credentials, client });
    } catch (error) {
      // e.g. the client refuses to send credentials over plain http to another host.
      settingsStatus.textContent = `Direct mode could not be set: ${error.message}`;
      return;
    }
    settingsStatus.textContent = `Direct mode: requests go to ${base} with a token from ${tokenUrlFor(base)}.`;
  });

  // -------------------------------------------------------------- standalone address form

  let countriesGeneration = 0;

  async function loadCountries() {
    const generation = ++countriesGeneration;
    countryStatus.textContent = 'Loading the countries…';
    countryPicker.setAttribute('aria-busy', 'true');
    countryRetryRow.hidden = true;
    try {
      const countries = await pickerClient().countries();
      if (generation !== countriesGeneration) return;
      const current = addressElement.getAttribute('country') || 'FR';
      const sorted = [...countries].sort((a, b) => String(a.name).localeCompare(String(b.name)));
      countryPicker.replaceChildren(...sorted.map((country) => {
        const option = document.createElement('option');
        option.value = country.iso2;
        option.textContent = `${country.name} (${country.iso2})${country.covered ? '' : ' — not covered for ordering'}`;
        return option;
      }));
      if (sorted.some((c) => c.iso2 === current)) countryPicker.value = current;
      countryStatus.textContent = `${sorted.length} countries.`;
    } catch (error) {
      if (generation !== countriesGeneration) return;
      countryStatus.textContent = `The countries could not be loaded: ${error.message}`;
      countryRetryRow.hidden = false;
    } finally {
      if (generation === countriesGeneration) countryPicker.removeAttribute('aria-busy');
    }
  }

  countryRetry.addEventListener('click', () => {
    loadCountries();
    // The button hides while loading: keep the keyboard user next to it.
    countryPicker.focus();
  });

  countryPicker.addEventListener('change', () => {
    addressElement.setAttribute('country', countryPicker.value);
  });

  // -------------------------------------------------------------- event log

  /** The non-secret essentials of an event's detail, as short text. */
  function summarize(type, detail = {}) {
    switch (type) {
      case 'btalk-order-created':
        return `voicesite ${detail.voiceSiteId ?? '(none yet)'}, order ${detail.order?.orderId || (detail.found ? '(answer lost, found in the list)' : '?')}, reference ${detail.order?.customerOrderReference ?? '?'}`;
      case 'btalk-address-saved':
        return `voicesite ${detail.voiceSiteId ?? '?'}: ${Object.entries(detail.address ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')}`;
      case 'btalk-error':
        return `${detail.status ? `HTTP ${detail.status} ` : ''}${detail.code ?? ''}: ${detail.message ?? ''}`;
      case 'btalk-validity':
        return detail.valid ? 'valid' : `${detail.problems?.length ?? 0} problem(s): ${(detail.problems ?? []).map((p) => `${p.field} ${p.code}`).join(', ')}`;
      case 'btalk-loaded':
        return `country ${typeof detail.country === 'string' ? detail.country : detail.country?.iso2 ?? '?'}`;
      case 'btalk-change':
        return `${Object.keys(detail.address ?? {}).length} field(s) filled`;
      case 'btalk-import-row':
        return `row ${detail.row}: ${detail.state}${detail.voiceSiteId ? `, voicesite ${detail.voiceSiteId}` : ''}${detail.error ? ` (${detail.error.message})` : ''}`;
      case 'btalk-import-done': {
        const c = detail.counts;
        return c ? `${c.done} of ${c.total} done, ${c.addressFailed} without address, ${c.failed} failed${detail.cancelled ? ' (cancelled)' : ''}` : '';
      }
      default:
        return '';
    }
  }

  function logEvent(event) {
    const source = event.composedPath()[0];
    const where = source?.id ? `#${source.id}` : source?.localName ?? '';
    const item = document.createElement('li');
    item.dataset.event = event.type;
    const time = document.createElement('time');
    time.textContent = new Date().toLocaleTimeString();
    const name = document.createElement('strong');
    name.textContent = event.type;
    const detail = document.createElement('span');
    detail.textContent = ` ${where ? `from ${where}` : ''} ${summarize(event.type, event.detail ?? {})}`;
    item.append(time, ' ', name, detail);
    eventLog.prepend(item);
    while (eventLog.children.length > LOG_LIMIT) eventLog.lastElementChild.remove();
  }

  // btalk-change and btalk-validity fire on every keystroke: only the latest one per
  // element stays in the log, so the other events remain visible. Of the import, only
  // settled rows and the end of a run are logged (its progress events would flood the log).
  const latestNoisy = new Map();
  const settledRow = new Set(['done', 'addressFailed', 'orderFailed']);
  for (const type of ['btalk-order-created', 'btalk-address-saved', 'btalk-error', 'btalk-loaded', 'btalk-validity', 'btalk-change',
    'btalk-import-row', 'btalk-import-done']) {
    document.addEventListener(type, (event) => {
      if (type === 'btalk-import-row' && !settledRow.has(event.detail?.state)) return;
      logEvent(event);
      if (type === 'btalk-change' || type === 'btalk-validity') {
        const key = `${type}:${event.composedPath()[0]?.id ?? ''}`;
        latestNoisy.get(key)?.remove();
        latestNoisy.set(key, eventLog.firstElementChild);
      }
    });
  }

  $('#clear-log').addEventListener('click', () => eventLog.replaceChildren());

  connectBuiltIn({ initial: true });
  return {
    builtInBase,
    reconnect() {
      if (connection?.mode === builtInMode) connectBuiltIn();
      else applyConnection(connection);
    },
  };
}
