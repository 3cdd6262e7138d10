// The flow of <btalk-voicesite-order>, without the DOM: access (/me) -> customer -> VPN ->
// country -> site names + reference -> order (exactly once, without the server's help: see
// ../../internal/order-lookup.js) -> address -> the voicesites list.
// It holds what was loaded and typed, runs the API calls through the page's client, asks the
// wasm core for its verdicts and decides which failure is shown where. The view renders it;
// `onChange` runs after every change. Unit-tested in Node (tests/node/voicesite-order-controller.test.js).
// An order: submit() -> validate() (core.orderRequest, core-loader/core-order.js: one wasm call validates
// the order and builds its body) -> OrderOnce.send (internal/order-lookup.js) -> BtalkClient.orderVoicesite
// (client.js: posts that body, no second validation) -> Transport (http/transport.js: never retried) ->
// the portal's proxy (server/proxy) or the API itself.

import { apiProblemsOf, describeFailure } from './failure.js';
import { OrderOnce } from '../../internal/order-lookup.js';
import { generateOrderReference } from './reference.js';

export { generateOrderReference };

/** The steps of the flow, in order. */
export const STEPS = Object.freeze(['access', 'customer', 'vpn', 'country', 'site', 'order', 'address', 'list']);

/** The order's fields (the body the core validates). */
export const ORDER_FIELDS = Object.freeze(['customerOrderReference', 'technicalSiteName', 'customerSiteLabel', 'country', 'vpnId']);
/** The fields that show problems: the order's, plus the customer (a path parameter the core does not check). */
export const SHOWN_FIELDS = Object.freeze(['customer', ...ORDER_FIELDS]);
/** The loads the view shows a status for. */
export const LOADS = Object.freeze(['core', 'access', 'customers', 'vpns', 'countries', 'order', 'list']);
// The loads of the first round: one access failure among them is shown once, in the access step.
const FIRST_ROUND = ['access', 'customers', 'countries'];

const idle = () => ({ status: 'idle', error: null, failure: null, retry: null });

/** The voicesites list's first page (shown at once), then the size of each page fetched after it. */
export const LIST_FIRST_PAGE = 100;
export const LIST_PAGE = 1000;
/** At most this many voicesites are held (a bound on a server that never ends its list). */
export const LIST_MAX_ITEMS = 100_000;

export class OrderFlow {
  client = null;
  core = null;
  me = null;
  customers = null;
  vpns = null;
  countries = null;
  voicesites = null;
  values = {
    customer: '', vpnId: '', country: '', technicalSiteName: '', customerSiteLabel: '', customerOrderReference: '',
  };
  preferred = { customer: '', country: '' };
  touched = new Set();
  submitAttempted = false;
  inFlight = false;
  referenceLocked = false;
  /**
   * { order, voiceSiteId, customerCode, request, found } once the order is carried out; found: its
   * answer was lost and the voicesite was found in the list.
   */
  created = null;
  /**
   * The voicesite whose address is being given: { voiceSiteId, customerCode, country, fromOrder,
   * technicalSiteName, customerSiteLabel } (the names, when known, name the site in the step's heading).
   */
  address = null;
  listShown = false;
  /** 'order' (the order form, then its result) or 'list' (the voicesites list, reachable at any time). */
  view = 'order';
  /** The voicesite whose address was saved last (said in the list step). */
  lastSaved = '';
  /** The list's filter text and page (null: the page holding the new voicesite). */
  listView = { filter: '', page: null };
  /**
   * While the list comes in pages (a client with server paging: voicesites({ offset, limit }) -> { items, total }):
   * { loaded, total (null when the API does not say), done }; null for a list fetched whole.
   */
  listProgress = null;
  #listRun = 0;
  problems = [];
  apiProblems = [];
  loads = Object.fromEntries(LOADS.map((name) => [name, idle()]));
  #generation = 0;
  /** The order being placed: remembers attempts whose outcome is unknown, looks them up before any re-send. */
  #once = new OrderOnce({ checkFirst: true });
  #vpnsFor = null;
  #onChange;
  #onError;
  #loadCore;
  #newReference;

  /**
   * @param {{ onChange?: () => void, onError?: (error: unknown, step: string) => void,
   *   loadCore?: () => Promise<object>, newReference?: () => string }} options
   */
  constructor({ onChange, onError, loadCore, newReference = generateOrderReference } = {}) {
    this.#onChange = onChange ?? (() => {});
    this.#onError = onError ?? (() => {});
    this.#loadCore = loadCore ?? null;
    this.#newReference = newReference;
    this.values.customerOrderReference = newReference();
  }

  // ---------------------------------------------------------------- the state machine

  /** The step that needs the user now. */
  get step() {
    if (this.address) return 'address';
    if (this.view === 'list' || this.created || this.listShown) return 'list';
    if (!this.me) return 'access';
    if (!this.values.customer) return 'customer';
    if (!this.values.vpnId) return 'vpn';
    if (!this.values.country) return 'country';
    const siteFields = ['technicalSiteName', 'customerSiteLabel', 'customerOrderReference'];
    if (siteFields.some((f) => this.values[f].trim() === '' || this.problems.some((p) => p.field === f))) return 'site';
    return 'order';
  }

  /** Locked once the order is in flight or done: the order's inputs no longer change. */
  get locked() {
    return this.inFlight || !!this.created;
  }

  get canOrder() {
    return !!this.me?.canOrder && !!this.core;
  }

  /** Why ordering is impossible now: a catalogue key and its params, or null. */
  get blockReason() {
    if (this.created) return null;
    if (!this.me) {
      const access = this.loads.access;
      return access.status === 'error' ? { key: 'order.disabled.access', params: {} } : null;
    }
    if (!this.me.canOrder) return { key: 'order.disabled.readonly', params: { profile: this.me.rightsProfile || '?' } };
    if (!this.core) return this.loads.core.status === 'error' ? { key: 'order.disabled.core', params: {} } : null;
    return null;
  }

  /** True once the user typed something of their own (the generated reference does not count). */
  get hasTypedInput() {
    return ['technicalSiteName', 'customerSiteLabel'].some((f) => this.values[f] !== '')
      || this.touched.has('customerOrderReference');
  }

  // ---------------------------------------------------------------- loading

  /** (Re)starts the first round with `client`: core, access, customers, countries. Keeps what was typed. */
  start(client) {
    this.#generation += 1;
    this.client = client;
    this.#vpnsFor = null; // another client may see other VPNs for the same customer
    this.me = null;
    this.#loadCoreOnce();
    this.#track('access', () => client.me(), (me) => { this.me = me; });
    this.#track('customers', () => client.customers(), (customers) => {
      this.customers = Array.isArray(customers) ? customers : [];
      const codes = this.customers.map((c) => String(c.customerCode ?? ''));
      if (this.customers.length === 1) this.values.customer = codes[0];
      else if (!codes.includes(this.values.customer)) this.values.customer = '';
      this.applyPreferredCustomer(this.preferred.customer);
      this.#customerChanged();
    });
    this.#track('countries', () => client.countries(), (countries) => {
      this.countries = Array.isArray(countries) ? countries : [];
      if (this.values.country && !this.#covered(this.values.country)) this.values.country = '';
      this.applyPreferredCountry(this.preferred.country);
    });
    if (this.view === 'list') this.loadList();
    this.#changed();
  }

  /** A set-up failure before any call (e.g. a bad api-base + credentials pair): shown in the access step. */
  failSetup(error) {
    this.#generation += 1;
    this.me = null;
    this.loads.access = { status: 'error', error, failure: this.#describe(error), retry: null };
    this.#onError(error, 'access');
    this.#changed();
  }

  #loadCoreOnce() {
    if (this.core || this.loads.core.status === 'loading') return;
    const client = this.client;
    const load = () => (typeof client?.core === 'function' ? client.core() : this.#loadCore?.());
    this.#track('core', load, (core) => {
      this.core = core;
    });
  }

  async #track(name, work, apply) {
    const generation = this.#generation;
    const retry = () => this.#track(name, work, apply);
    this.loads[name] = { status: 'loading', error: null, failure: null, retry };
    this.#changed();
    try {
      const value = await work();
      if (generation !== this.#generation) return;
      this.loads[name] = { ...idle(), status: 'done' };
      apply(value);
      this.validate();
    } catch (error) {
      if (generation !== this.#generation) return;
      // What an earlier connection listed cannot be vouched for now: it is not offered.
      if (name === 'customers') this.customers = null;
      if (name === 'countries') this.countries = null;
      if (name === 'vpns') this.vpns = null;
      const failure = this.#describe(error);
      this.loads[name] = { status: 'error', error, failure, retry: failure.retry ? retry : null };
      this.#onError(error, name);
    }
    this.#changed();
  }

  #describe(error) {
    return describeFailure(error, { fields: ORDER_FIELDS });
  }

  /**
   * The failure each load's place shows, or null. A failure of the first round that is about
   * access, or the same as the access step's, is shown once: in the access step, whose one
   * action tries every failed load again.
   */
  shownFailure(name) {
    const load = this.loads[name];
    const firstRoundFailures = FIRST_ROUND.map((n) => this.loads[n]).filter((l) => l.status === 'error');
    if (name === 'access') {
      if (load.status === 'error') return load;
      // /me still loading or fine, but a first-round load failed for access reasons: say it here.
      return firstRoundFailures.find((l) => l.failure.access) ?? null;
    }
    if (load.status !== 'error') return null;
    const access = this.shownFailure('access');
    if (access && (load.failure.access || load.failure.key === access.failure.key)) return null;
    return load;
  }

  /** Tries again every load in error (one press for an outage or an access failure). */
  retryFailedLoads() {
    for (const name of LOADS) {
      const load = this.loads[name];
      if (name !== 'order' && load.status === 'error' && load.retry) load.retry();
    }
  }

  retry(name) {
    if (name === 'order') return this.submit();
    if (FIRST_ROUND.includes(name) && this.shownFailure('access') === this.shownFailure(name)) return this.retryFailedLoads();
    return this.loads[name]?.retry?.();
  }

  // ---------------------------------------------------------------- choices and input

  #covered(iso2) {
    return !!this.countries?.some((c) => c.iso2 === iso2 && c.covered);
  }

  applyPreferredCustomer(code) {
    this.preferred.customer = code ?? '';
    const wanted = this.preferred.customer;
    if (!wanted || !this.customers || this.locked) return;
    if (this.customers.some((c) => String(c.customerCode) === wanted) && this.values.customer !== wanted) {
      this.values.customer = wanted;
      this.#customerChanged();
      this.#changed();
    }
  }

  applyPreferredCountry(iso2) {
    this.preferred.country = String(iso2 ?? '').toUpperCase();
    const wanted = this.preferred.country;
    if (!wanted || !this.countries || this.locked) return;
    if (this.#covered(wanted) && this.values.country !== wanted) {
      this.values.country = wanted;
      this.validate();
      this.#changed();
    }
  }

  /** The user changed `field` (customer, vpnId, country or a text field). */
  setValue(field, value) {
    if (this.locked && field !== 'customerOrderReference') return;
    if (field === 'customerOrderReference' && (this.locked || this.referenceLocked)) return;
    this.values[field] = String(value ?? '');
    this.touched.add(field);
    // What the API said about this field concerned the old value.
    this.apiProblems = this.apiProblems.filter((p) => p.field !== field);
    if (this.loads.order.status === 'error' && this.loads.order.failure.field === field) this.loads.order = idle();
    if (field === 'customer') this.#customerChanged();
    this.validate();
    this.#changed();
  }

  /** Leaving a text field shows its problems (when it holds something). */
  blur(field) {
    if (this.values[field] !== '') this.touched.add(field);
    this.#changed();
  }

  #customerChanged() {
    const code = this.values.customer;
    if (code === this.#vpnsFor) return;
    this.#vpnsFor = code;
    this.vpns = null;
    if (!code) {
      this.loads.vpns = idle();
      return;
    }
    this.#track('vpns', () => this.client.vpns(code), (vpns) => {
      if (this.values.customer !== code) return; // the user moved on meanwhile
      this.vpns = Array.isArray(vpns) ? vpns : [];
      const ids = this.vpns.map((v) => String(v.vpnId ?? ''));
      if (this.vpns.length === 1) this.values.vpnId = ids[0];
      else if (!ids.includes(this.values.vpnId)) this.values.vpnId = '';
    });
  }

  /** The order as the core sees it. */
  get order() {
    const { customerOrderReference, technicalSiteName, customerSiteLabel, country, vpnId } = this.values;
    return { customerOrderReference, technicalSiteName, customerSiteLabel, country, vpnId };
  }

  /**
   * Asks the core once (core.orderRequest validates the order and, when it is valid, builds its
   * request body): { valid, problems, body? } (null until the core is loaded). submit() hands the
   * body to the client, so the order is not validated a second time on its way to the API.
   */
  validate(order = this.order) {
    if (!this.core) return null;
    let result;
    try {
      result = this.core.orderRequest(order);
    } catch (error) {
      // The core refuses only malformed input, which this flow never builds.
      result = { valid: false, problems: [{ field: '', code: error?.code ?? 'internal', message: String(error?.message ?? error) }] };
    }
    this.problems = Array.isArray(result?.problems) ? result.problems : [];
    // Several customers and none chosen: the problem to fix first (the VPN list waits for it,
    // so "VPN is required" on a disabled list would only confuse).
    if (this.customers?.length > 1 && !this.values.customer) {
      this.problems = [{ field: 'customer', code: 'valueMissing', message: 'customer is required' },
        ...this.problems.filter((p) => p.field !== 'vpnId')];
      result = { valid: false, problems: this.problems };
    }
    return result;
  }

  /** The problems to show on `field` now (after a submit or once the field was touched). */
  problemsOf(field) {
    const visible = this.submitAttempted || this.touched.has(field);
    return [
      ...(visible ? this.problems.filter((p) => p.field === field) : []),
      ...this.apiProblems.filter((p) => p.field === field),
    ];
  }

  /** Problems of no shown field, listed in the order summary after a submit. */
  get otherProblems() {
    return this.submitAttempted && !this.created ? this.problems.filter((p) => !SHOWN_FIELDS.includes(p.field)) : [];
  }

  /** The first field with a problem, in the order of the form. */
  firstInvalidField() {
    const order = ['customer', 'vpnId', 'country', 'technicalSiteName', 'customerSiteLabel', 'customerOrderReference'];
    return order.find((field) => this.problems.some((p) => p.field === field) || this.apiProblems.some((p) => p.field === field)) ?? '';
  }

  // ---------------------------------------------------------------- ordering

  /**
   * Orders once. Resolves to { outcome, field }: 'blocked' (cannot order now), 'busy' (already
   * in flight or done), 'invalid' (field = the first to fix), 'failed' (field = the one the API
   * refused, if any) or 'created' (found: the answer was lost and the voicesite found in the list).
   *
   * Exactly once without the server's help: after an outcome that is unknown, the voicesites are
   * looked up at once; one with the order's name is adopted as created. When none is, the order
   * is sent again only when the user presses Try again, and after one more look-up.
   */
  async submit() {
    // The in-flight guard is set before any await: a second press in the same tick finds it.
    if (this.inFlight || this.created) return { outcome: 'busy' };
    if (!this.canOrder) return { outcome: 'blocked' };
    this.submitAttempted = true;
    const request = this.order;
    const result = this.validate(request);
    if (!result?.valid) {
      this.#changed();
      return { outcome: 'invalid', field: this.firstInvalidField() };
    }
    const customerCode = this.values.customer;
    this.inFlight = true;
    this.apiProblems = [];
    const onPhase = (phase) => {
      this.loads.order = { status: 'loading', phase, error: null, failure: null, retry: null };
      this.#changed();
    };
    const outcome = await this.#once.send(this.client, customerCode, request, { onPhase, body: result.body });
    this.inFlight = false;
    // An outcome still unknown keeps the reference: the next attempt is the same order.
    if (this.#once.inDoubt) this.referenceLocked = true;
    const { kind, error } = outcome;
    if (kind === 'created') {
      // Found in the list: the attempt that created it (the user may have edited the form since).
      const { customerCode: code = customerCode, ...fields } = outcome.attempt ?? {};
      const sent = outcome.attempt ? { ...fields, customerOrderReference: request.customerOrderReference } : request;
      const { order, voiceSiteId, found } = outcome;
      this.loads.order = idle();
      this.created = { order, voiceSiteId, customerCode: code, request: sent, found };
      const country = outcome.site?.country || sent.country;
      if (voiceSiteId) {
        this.address = {
          voiceSiteId: String(voiceSiteId), customerCode: code, country, fromOrder: true,
          technicalSiteName: sent.technicalSiteName ?? '', customerSiteLabel: sent.customerSiteLabel ?? '',
        };
      }
      else this.showList();
      this.#changed();
      return { outcome: 'created', order, voiceSiteId, found };
    }
    let failure;
    if (kind === 'notFound') {
      // The order may not have reached the API: Try again sends it again (after one more look).
      failure = { ...this.#describe(error), more: { key: 'order.notFound', params: { name: request.technicalSiteName } }, retry: true, field: '' };
    } else if (kind === 'lookupFailed') {
      // Unknown whether the order exists: nothing is sent; Try again looks again first.
      if (outcome.cause) this.#onError(outcome.cause, 'order');
      failure = { ...this.#describe(error), key: 'order.lookupFailed', more: { key: this.#describe(error).key }, retry: true, field: '' };
    } else {
      this.apiProblems = apiProblemsOf(error, ORDER_FIELDS);
      failure = kind === 'taken'
        ? { ...this.#describe(error), key: 'error.siteNameInUse', field: 'technicalSiteName', retry: false }
        : this.#describe(error);
      if (failure.field && !this.apiProblems.some((p) => p.field === failure.field)) {
        const code = kind === 'taken' ? 'inUse' : failure.code || 'invalid';
        this.apiProblems.push({ field: failure.field, code, message: '', fromApi: true, fromCode: true });
      }
    }
    if (error) this.#onError(error, 'order');
    this.loads.order = { status: 'error', error, failure, retry: failure.retry ? () => this.submit() : null };
    this.#changed();
    return { outcome: 'failed', field: failure.field, error };
  }

  /** After an order: a fresh flow for the next voicesite (same customer, VPN and country). */
  orderAnother() {
    this.created = null;
    this.#once = new OrderOnce({ checkFirst: true });
    this.address = null;
    this.listShown = false;
    this.referenceLocked = false;
    this.submitAttempted = false;
    this.touched.clear();
    this.apiProblems = [];
    this.voicesites = null;
    this.listProgress = null;
    this.#listRun += 1;
    this.lastSaved = '';
    this.listView = { filter: '', page: null };
    this.loads.order = idle();
    this.loads.list = idle();
    this.values.technicalSiteName = '';
    this.values.customerSiteLabel = '';
    this.values.customerOrderReference = this.#newReference();
    this.validate();
    this.#changed();
  }

  // ---------------------------------------------------------------- address and list

  /** Opens the address step for a voicesite of the list (one whose address is missing, say). */
  async openAddress(voiceSiteId) {
    const site = this.voicesites?.find((s) => String(s.voiceSiteId) === String(voiceSiteId));
    if (!site) return null;
    const customerCode = await this.customerOf(site);
    if (!customerCode) return null;
    this.address = {
      voiceSiteId: String(site.voiceSiteId), customerCode, country: site.country, fromOrder: false,
      technicalSiteName: String(site.technicalSiteName ?? ''), customerSiteLabel: String(site.customerSiteLabel ?? ''),
    };
    this.#changed();
    return this.address;
  }

  /**
   * The customer a listed voicesite belongs to: the list's own field when the API gives it,
   * the only customer of the key, or the customer whose VPNs hold the voicesite's VPN.
   */
  async customerOf(site) {
    if (site.customerCode) return String(site.customerCode);
    const customers = this.customers ?? [];
    if (customers.length === 1) return String(customers[0].customerCode);
    for (const customer of customers) {
      const code = String(customer.customerCode);
      const vpns = code === this.values.customer && this.vpns ? this.vpns : await this.client.vpns(code).catch(() => []);
      if (Array.isArray(vpns) && vpns.some((v) => String(v.vpnId) === String(site.vpnId))) return code;
    }
    return '';
  }

  /** "Skip for now": the address form closes and the list shows. */
  skipAddress() {
    this.address = null;
    return this.showList();
  }

  /** The address of `voiceSiteId` was saved: the list shows, up to date. */
  addressSaved(voiceSiteId) {
    this.lastSaved = String(voiceSiteId ?? '');
    const site = this.voicesites?.find((s) => String(s.voiceSiteId) === String(voiceSiteId));
    if (site) site.hasVoiceAddress = true;
    this.address = null;
    return this.showList();
  }

  /**
   * Shows the order form ('order') or the voicesites list ('list'). The list is loaded (again) each
   * time it is shown; an open address step closes, as with "Skip for now".
   */
  setView(view) {
    const next = view === 'list' ? 'list' : 'order';
    if (next === this.view) return null;
    this.view = next;
    this.address = null;
    this.#changed();
    return next === 'list' && this.client ? this.loadList() : null;
  }

  showList() {
    this.listShown = true;
    this.#changed();
    return this.loadList();
  }

  setListFilter(text) {
    this.listView = { filter: String(text ?? ''), page: 0 };
    this.#changed();
  }

  setListPage(index) {
    this.listView = { ...this.listView, page: Math.max(0, Number(index) || 0) };
    this.#changed();
  }

  /**
   * Loads the voicesites. A client with server paging (voicesites({ offset, limit }) answering
   * { items, total }) gives a first page of LIST_FIRST_PAGE at once, shown while the rest comes in
   * pages of LIST_PAGE (listProgress says how far; the filter works on what is there, then on all);
   * another client answers the whole list (an array) to the same call.
   */
  loadList() {
    const run = ++this.#listRun;
    this.listProgress = null;
    return this.#track('list', () => this.client.voicesites({ offset: 0, limit: LIST_FIRST_PAGE }), (answer) => {
      if (Array.isArray(answer) || !answer || !Array.isArray(answer.items)) {
        this.voicesites = Array.isArray(answer) ? answer : [];
        return;
      }
      this.voicesites = [];
      this.#addPage(answer);
      if (!this.listProgress.done) this.#loadRest(run, this.#generation);
    });
  }

  /** Adds a page's voicesites (once each: a list may shift between pages) and says how far the list is. */
  #addPage({ items, total }, asked = LIST_FIRST_PAGE) {
    const known = new Set(this.voicesites.map((s) => String(s.voiceSiteId)));
    const fresh = items.filter((s) => s && !known.has(String(s.voiceSiteId)));
    this.voicesites = [...this.voicesites, ...fresh];
    const expected = Number.isInteger(total) && total >= 0 ? total : null;
    const loaded = this.voicesites.length;
    // Done: the total reached, an empty or short page (without a total), or the bound.
    const offset = (this.listProgress?.offset ?? 0) + items.length;
    const done = items.length === 0 || (expected !== null ? loaded >= expected : items.length < asked)
      || loaded >= LIST_MAX_ITEMS || offset >= LIST_MAX_ITEMS;
    this.listProgress = { loaded, total: expected, done, offset };
  }

  async #loadRest(run, generation) {
    const current = () => run === this.#listRun && generation === this.#generation;
    while (current() && !this.listProgress.done) {
      let page;
      try {
        page = await this.client.voicesites({ offset: this.listProgress.offset, limit: LIST_PAGE });
      } catch (error) {
        if (!current()) return;
        const failure = this.#describe(error);
        this.loads.list = { status: 'error', error, failure, retry: failure.retry ? () => this.loadList() : null };
        this.#onError(error, 'list');
        this.#changed();
        return;
      }
      if (!current()) return;
      this.#addPage(Array.isArray(page) ? { items: page } : page ?? { items: [] }, LIST_PAGE);
      this.#changed();
    }
  }

  #changed() {
    this.#onChange();
  }
}
