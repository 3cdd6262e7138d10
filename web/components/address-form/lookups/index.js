// <btalk-address-form>'s look-ups of the specialised address APIs, one data file each (search.js,
// verify.js, postal-codes.js, parishes.js): which field asks (or its own box, or a button), which API
// path, after how many characters, how the answer fills the form, and in which countries the API has it.
// A new look-up is one such file plus a line below (or registerLookup() from a page). The generic
// mechanism (lookups.js: its state, requests, parsing and view) is loaded on demand, only for a country
// that has a look-up; this part is in the address form's first bundle.
//
// Which countries have which look-up comes from the data (the getting-started guide's table), so a
// country is never probed: nothing is asked before the user needs it, and a country without the API
// sees no failed request. An API that answers 404 after all withdraws the look-up (and its path's
// others) for that country and base URL: the form goes on without it.
import search from './search.js';
import verify from './verify.js';
import postalCodes from './postal-codes.js';
import parishes from './parishes.js';
import { preloadBeside } from '../../../internal/preload.js';

const registry = new Map();
const KINDS = ['suggest', 'options', 'verify'];
// One path segment under /countries/{iso2}/: never a traversal, a query or another host.
const PATH = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * Adds a look-up, or replaces the one with the same `id` (a portal can extend or narrow `countries`).
 * A descriptor: { id, path, kind: 'suggest' | 'options' | 'verify', countries?: ISO2[] (absent: every
 * country, its first use tells), field?, keys?, param?, minChars?, debounceMs?, answer?, fill?, cache?,
 * notOffered?, part?, texts? }: see docs/elements/address-form.md ("Look-ups").
 */
export function registerLookup(descriptor) {
  const d = descriptor ?? {};
  const kind = d.kind ?? 'suggest';
  const problem = typeof d.id !== 'string' || d.id === '' ? 'an id'
    : !PATH.test(d.path ?? '') ? 'a path (one lower-case segment)'
      : !KINDS.includes(kind) ? `a kind among ${KINDS.join(', ')}`
        : d.countries != null && !Array.isArray(d.countries) ? 'countries as a list of ISO2 codes'
          : kind === 'options' && !(typeof d.field === 'string' && Array.isArray(d.keys) && d.keys.length) ? 'a field and its keys'
            : '';
  if (problem) throw new TypeError(`registerLookup: the look-up needs ${problem}.`);
  registry.set(d.id, Object.freeze({ ...d, kind }));
}

for (const descriptor of [search, verify, postalCodes, parishes]) registerLookup(descriptor);

// What use taught (a look-up that answered 404 after all), per "base URL + ISO2".
const withdrawn = new Map();
const keyOf = (client, iso2) => `${client?.baseUrl ?? ''} ${iso2}`;

/**
 * The look-ups `iso2` has with `client`, without a request: those listed for the country (or for every
 * country), less what use withdrew. A client without addressLookup() has none.
 */
export function offeredLookups(client, iso2) {
  if (typeof client?.addressLookup !== 'function') return [];
  const gone = withdrawn.get(keyOf(client, iso2));
  return [...registry.values()].filter((d) => (!d.countries || d.countries.includes(iso2)) && !gone?.has(d.id));
}

/** Records that look-ups `ids` do not exist for `iso2` with `client` (they answered 404 when used). */
export function withdrawLookups(client, iso2, ids) {
  const key = keyOf(client, iso2);
  if (!withdrawn.has(key)) withdrawn.set(key, new Set());
  for (const id of ids) withdrawn.get(key).add(id);
}

let mechanism = null;

/** Loads the generic mechanism once (a failed load is tried again next time). */
export function loadLookups() {
  if (!mechanism) {
    preloadBeside(import.meta.url, '/lookups/index.js', ['./lookups.controller.js', './lookups.view.js', './highlight.js', './lookups.styles.js']);
  }
  mechanism ??= import('./lookups.js').catch((error) => {
    mechanism = null;
    throw error;
  });
  return mechanism;
}
