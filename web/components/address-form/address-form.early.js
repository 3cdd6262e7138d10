// <btalk-address-form>'s country requested as soon as its entry module runs (issue #19): for each form already in
// the document, the requests of client.countryForm() (country, constraints, geographical constraints, then the dial
// zones where they are chosen by hand), the core (its glue and wasm) and the look-ups' mechanism for a country that
// has one leave at once: in a microtask after the entry module ran (so that what the importing module sets right
// after its import counts), before the element's own first load. The element's first load then takes that answer (takeEarly) if
// its client and country are still the ones asked for, else aborts it: never a request twice. Same client, core and
// Accept-Language as the element's own load (clientFor's shared client, the element's `lang` or an ancestor's).
// A form with neither `api-base` nor a `client` waits for the page to give one. A page that also shows the order
// element is left to the elements' own loads: its address forms use the full core
// (core-loader/core-choice.js), which its entry module has not yet chosen when this one runs.
import { BtalkAddressClient } from '../../address-client.js';
import { loadAddressCore } from '../../address-core.js';
import { bestLanguage, langOf } from '../../internal/localize.js';
import { clientFor } from '../../internal/shared.js';
import { loadLookups, offeredLookups } from './lookups/index.js';

const started = new WeakMap(); // element -> { client, iso2, answer, controller }

/** The element's client (the page's `client` property, else the one made from `api-base` and `credentials`). */
export const clientOf = (element, language = () => bestLanguage(langOf(element))) => clientFor(element, BtalkAddressClient, language);

/** The element's core: its client's (a client loaded from a custom location), else the address core. */
export const coreOf = (client) => (typeof client?.core === 'function' ? client.core() : loadAddressCore());

/** The country code of a form (its `country` attribute, upper case), or '' when none. */
export const iso2Of = (element) => (element.getAttribute('country') ?? '').trim().toUpperCase();

/**
 * Starts the loads of the address forms under `root` that are not defined yet (as the entry module finds them).
 * @returns {number} how many forms' loads were started
 */
export function startEarly(root = globalThis.document, { clients = clientOf, cores = coreOf, forms = null } = {}) {
  if (typeof root?.querySelectorAll !== 'function' || root.querySelector('btalk-voicesite-order')) return 0;
  let count = 0;
  for (const element of forms ?? root.querySelectorAll('btalk-address-form')) {
    const iso2 = iso2Of(element);
    // Without `api-base` nor a `client` set before the definition, the page gives one (or credentials) later:
    // nothing is asked of the default base URL on its behalf.
    if (!/^[A-Z]{2}$/.test(iso2) || started.has(element) || !(element.client || element.getAttribute('api-base'))) continue;
    try {
      const client = clients(element);
      Promise.resolve(cores(client)).catch(() => {}); // a failure is the element's to report, when it loads
      if (offeredLookups(client, iso2).length) loadLookups().catch(() => {});
      const controller = new AbortController();
      const answer = client.countryForm(iso2, { signal: controller.signal });
      answer.catch(() => {});
      started.set(element, { client, iso2, answer, controller });
      count += 1;
    } catch {
      // No early start (a client that cannot be made): the element's own load says why.
    }
  }
  return count;
}

/**
 * What the entry module calls as it runs: the forms in the document now (the element is not defined yet) start
 * their loads in a microtask, so that what the importing module sets right after its import (credentials,
 * `api-base`, `country`, `client`) counts, yet before the elements' own first loads (microtasks queued by their
 * connection, after this one). Nothing when the element is already defined (another copy loads them).
 */
export function startEarlySoon(root = globalThis.document, registry = globalThis.customElements, options = {}) {
  if (typeof root?.querySelectorAll !== 'function' || registry?.get?.('btalk-address-form')) return;
  const forms = [...root.querySelectorAll('btalk-address-form')];
  if (forms.length) queueMicrotask(() => startEarly(root, { ...options, forms: forms.filter((form) => form.isConnected) }));
}

/**
 * The answer started early for `element`, once, if it was asked with `client` for `iso2`; else null (and the early
 * requests are aborted: the element changed its country or client before it loaded).
 */
export function takeEarly(element, client, iso2) {
  const early = started.get(element);
  if (!early) return null;
  started.delete(element);
  if (early.client === client && early.iso2 === iso2) return early.answer;
  early.controller.abort();
  return null;
}
