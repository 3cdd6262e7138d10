// Exactly once without the server's help (DOM-free, shared by <btalk-voicesite-order> and
// <btalk-site-import>). Nothing says the Business Talk API de-duplicates orders on
// customerOrderReference, and a browser may even re-send a POST on its own when a connection
// closes before the answer. So after an order whose outcome is unknown, and before any re-send,
// the order is looked up: every voicesite is listed (client.voicesites(), every page) and the
// one with the order's technical site name, for the order's customer, is the order's.
// OrderOnce does this for one order; unit-tested in Node (tests/node/order-lookup.test.js).

/** Errors after which the order may have been carried out: no answer, or one that says nothing definite. */
const UNKNOWN_CODES = new Set(['network', 'timeout', 'aborted', 'malformedResponse', 'responseTooLarge', 'redirectRefused']);

/**
 * True when a failed order may still have created its voicesite: no answer (network error,
 * timeout, cancelled after sending), a 5xx, a redirect, or an answer that could not be read.
 * False when the request was refused (a 4xx) or never sent (the core or the credentials stopped it).
 */
export function orderOutcomeUnknown(error) {
  if (!error || error instanceof TypeError) return false;
  const status = Number(error.status) || 0;
  if (status >= 500) return true;
  return UNKNOWN_CODES.has(error.code);
}

/** A 409: the API refused because something (the technical site name, perhaps our own order) exists. */
export const isConflict = (error) => Number(error?.status) === 409;

const fold = (value) => String(value ?? '').trim().toUpperCase();

/**
 * An attempt to remember while its outcome is unknown: the customer and the order's own fields
 * (no credential, nothing else), enough to recognise its voicesite in a list.
 */
export function orderKey({ customerCode = '', technicalSiteName = '', customerSiteLabel = '', country = '', vpnId = '' } = {}) {
  return {
    customerCode: String(customerCode), technicalSiteName: String(technicalSiteName),
    customerSiteLabel: String(customerSiteLabel), country: String(country), vpnId: String(vpnId),
  };
}

/**
 * Finds, in a list of voicesites, the one `attempt` ({ customerCode, technicalSiteName,
 * customerSiteLabel, country, vpnId }) would have created. Names are compared as the API keeps
 * them unique (per customer, ignoring case). A field the list does not give (empty) is not
 * compared; one it gives must agree with the attempt.
 * @returns {{ site: object | null, taken: object | null }} site: the attempt's voicesite; taken:
 *   a voicesite of that name that is not the attempt's (another order used the name).
 */
export function matchOrder(sites, attempt) {
  const name = fold(attempt.technicalSiteName);
  const customerCode = String(attempt.customerCode ?? '');
  let taken = null;
  let site = null;
  for (const candidate of Array.isArray(sites) ? sites : []) {
    if (!name || !candidate || fold(candidate.technicalSiteName) !== name) continue;
    if (candidate.customerCode && String(candidate.customerCode) !== customerCode) continue;
    const agrees = [['customerSiteLabel', fold], ['country', fold], ['vpnId', String]]
      .every(([field, norm]) => !candidate[field] || norm(candidate[field]) === norm(attempt[field]));
    if (!agrees) {
      taken ??= candidate;
    } else if (!site || (!site.customerCode && candidate.customerCode)) {
      site = candidate; // one that names the customer beats one that names none
    }
  }
  return { site, taken: site ? null : taken };
}

/**
 * Looks the order up: lists every voicesite (every page) and matches each attempt in doubt.
 * Rejects with the list's error: the caller then says it could not check, and sends nothing.
 * @param {object} client a BtalkClient (its voicesites() lists every page)
 * @param {object[]} attempts the attempts whose outcome is unknown (orderKey), newest last
 * @param {object} [next] the order about to be sent (orderKey), if any: a voicesite holding its
 *   name that is none of the attempts' is reported as `taken` (sending it would be refused)
 * @returns {Promise<{ site: object | null, attempt: object | null, taken: object | null }>}
 */
export async function lookUpOrder(client, attempts, next = null, { signal } = {}) {
  const sites = await client.voicesites({ signal });
  for (const attempt of [...attempts].reverse()) {
    const { site } = matchOrder(sites, attempt);
    if (site) return { site, attempt, taken: null };
  }
  let taken = null;
  if (next) {
    const match = matchOrder(sites, next);
    taken = match.site ?? match.taken;
  }
  return { site: null, attempt: null, taken };
}

/**
 * The technical site names `customerCode` holds in a list of voicesites, as a test:
 * held(name) is true when an order with that name would find it taken.
 */
export function namesHeld(sites, customerCode) {
  const names = new Set((Array.isArray(sites) ? sites : [])
    .filter((v) => v && (!v.customerCode || String(v.customerCode) === String(customerCode)))
    .map((v) => fold(v.technicalSiteName)));
  return (name) => names.has(fold(name));
}

/** `attempts` with `attempt` added (one per customer and technical site name, at most `max`, newest last). */
export function addAttempt(attempts, attempt, max = 5) {
  const key = orderKey(attempt);
  const same = (a) => a.customerCode === key.customerCode && fold(a.technicalSiteName) === fold(key.technicalSiteName);
  return [...(attempts ?? []).filter((a) => !same(a)), key].slice(-max);
}

/**
 * One order, sent at most once per outcome: it remembers the attempts whose outcome is unknown
 * and looks them up before sending again. `attempts` can be saved and handed back (a reload).
 *
 * A 409 is ours to look up when the name was free before the send: a browser re-sends a POST on
 * its own when a reused connection closes before the answer, and the re-sent order then finds the
 * name held by the first. `checkFirst` lists the voicesites before a first send to know that (a
 * failed listing only loses that knowledge); a caller that listed them already says `nameFree`.
 *
 * send() resolves (never rejects) to one of:
 * - { kind: 'created', order, voiceSiteId, found } the API answered (found false), or an attempt's
 *   voicesite was found in the list (found true; order: { orderId: '', customerOrderReference,
 *   status, voiceSiteId }, as far as the list tells)
 * - { kind: 'notFound', error } the outcome was unknown (error) and no voicesite holds the name:
 *   the order may be sent again, by the user's action
 * - { kind: 'lookupFailed', error, cause } the list could not be read (error) after `cause`, or
 *   before a re-send: nothing was sent, and the next send() looks again first
 * - { kind: 'taken', site, error } another voicesite holds the technical site name (error: the
 *   API's refusal, or null when the look-up found it before sending)
 * - { kind: 'refused', error } any other answer of the API (a definite refusal)
 */
export class OrderOnce {
  /** @param {{ attempts?: object[], checkFirst?: boolean }} [options] attempts in doubt from an earlier session */
  constructor({ attempts = [], checkFirst = false } = {}) {
    this.attempts = (Array.isArray(attempts) ? attempts : []).map(orderKey);
    this.checkFirst = checkFirst;
  }

  /** True while an attempt's outcome is unknown (the next send() looks it up first). */
  get inDoubt() {
    return this.attempts.length > 0;
  }

  /**
   * @param {object} client a BtalkClient
   * @param {string} customerCode
   * @param {object} order { customerOrderReference, technicalSiteName, customerSiteLabel, country, vpnId }
   * @param {{ onPhase?: (phase: 'checking' | 'sending') => void, nameFree?: boolean, body?: object }} [options]
   *   nameFree: whether a listing made before this send found the name free (omitted: unknown);
   *   body: the order's request body from core.orderRequest(order), posted as it is (the client
   *   then does not validate the order again)
   */
  async send(client, customerCode, order, { onPhase = () => {}, nameFree, body } = {}) {
    const attempt = orderKey({ ...order, customerCode });
    let free = nameFree;
    if (this.inDoubt) {
      const looked = await this.#lookUp(client, order, attempt, null, onPhase);
      if (looked) return looked;
      free = true; // no voicesite holds the name now
    } else if (free === undefined && this.checkFirst) {
      onPhase('sending');
      free = await lookUpOrder(client, [], attempt).then(({ taken }) => !taken, () => undefined);
    }
    onPhase('sending');
    try {
      const answer = await client.orderVoicesite(customerCode, order, { body });
      this.attempts = [];
      return { kind: 'created', order: answer, voiceSiteId: answer?.voiceSiteId ?? null, found: false };
    } catch (error) {
      if (orderOutcomeUnknown(error)) {
        this.attempts = addAttempt(this.attempts, attempt);
        return (await this.#lookUp(client, order, attempt, error, onPhase)) ?? { kind: 'notFound', error };
      }
      // The name was free before this send, or an attempt is in doubt: the voicesite holding
      // the name may be this order's own (a re-send of it, or an earlier attempt).
      if (isConflict(error) && (free === true || this.inDoubt)) {
        const before = this.attempts;
        this.attempts = addAttempt(this.attempts, attempt);
        const looked = await this.#lookUp(client, order, attempt, error, onPhase);
        if (looked) return looked;
        this.attempts = before; // not listed: the refusal stands
      }
      return { kind: 'refused', error };
    }
  }

  /** The look-up's verdict, or null when no voicesite holds the name (the order may be sent). */
  async #lookUp(client, order, attempt, cause, onPhase) {
    onPhase('checking');
    let found;
    try {
      found = await lookUpOrder(client, this.attempts, attempt);
    } catch (error) {
      return { kind: 'lookupFailed', error, cause };
    }
    const { site, taken } = found;
    if (site) {
      this.attempts = [];
      const voiceSiteId = String(site.voiceSiteId);
      const adopted = { orderId: '', customerOrderReference: String(order.customerOrderReference ?? ''), status: String(site.status ?? ''), voiceSiteId };
      return { kind: 'created', order: adopted, voiceSiteId, found: true, attempt: found.attempt, site };
    }
    if (taken) {
      // That name is another voicesite's: the attempt could not have created one with it.
      this.attempts = this.attempts.filter((a) => a !== attempt && !(a.customerCode === attempt.customerCode
        && fold(a.technicalSiteName) === fold(attempt.technicalSiteName)));
      return { kind: 'taken', site: taken, error: isConflict(cause) ? cause : null };
    }
    return null;
  }
}
