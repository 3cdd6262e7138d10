// The address form controller's address-service look-ups, DOM-free: address search, verification,
// postal codes and parishes. Loaded on demand (address-form.lookups.js: only for a country that offers
// one of them), then these methods serve the controller; each answer is used only if it is still the
// latest question of the current country (sequence numbers and the generation).
import { SERVICES, isNotOffered } from './services/index.js';
import { verifiableAddress } from './services/verify.js';

/** Methods of AddressFormController (`this`), installed by address-form.lookups.js. */
export default {
  // ---- address search ---------------------------------------------------------

  searchInput(text) {
    const query = String(text ?? '').trim();
    this.state.search.query = String(text ?? ''); // as typed: the view never rewrites the box
    if (query.length < SERVICES.search.minChars || !this.state.services.search) {
      this.lookupTimers.get('search')?.cancel();
      this.lookupSeq.search++;
      this.closeCandidates();
      return;
    }
    this.debounce('search', () => this.runSearch(query), SERVICES.search.debounceMs);
  },

  async runSearch(query) {
    const { state } = this;
    if (!state.data) return;
    const seq = ++this.lookupSeq.search;
    const done = this.startBusy('searching');
    state.search.busy = true;
    let candidates;
    try {
      candidates = await SERVICES.search.run(this.host.client(), state.data.iso2, query);
    } catch (error) {
      if (seq !== this.lookupSeq.search) return;
      if (isNotOffered(error)) {
        this.lost(error?.status === 404 ? 'verify' : 'search');
        this.closeCandidates();
        this.setInfo('searchUnavailable');
      } else {
        this.fail('searchFailed', error, () => this.runSearch(query));
      }
      return;
    } finally {
      state.search.busy = false;
      done();
    }
    if (seq !== this.lookupSeq.search) return;
    state.search = { ...state.search, candidates, active: -1, status: candidates.length ? 'found' : 'none' };
    this.changed();
  },

  closeCandidates() {
    this.state.search = { ...this.state.search, candidates: [], active: -1, status: null };
    this.changed();
  },

  /** Arrow keys over the open list: the active option moves; it wraps around. */
  moveActive(step) {
    const { search } = this.state;
    const count = search.candidates.length;
    if (!count) return;
    search.active = search.active < 0 ? (step > 0 ? 0 : count - 1) : (search.active + step + count) % count;
    this.changed();
  },

  chooseCandidate(index) {
    const candidate = this.state.search.candidates[index];
    if (!candidate) return null;
    this.useAddress(candidate.address);
    this.state.search = { candidates: [], active: -1, status: null, query: '' };
    this.setInfo('candidateChosen', { label: candidate.label ?? '' });
    this.changed();
    return candidate;
  },

  // ---- verification -----------------------------------------------------------

  async verify() {
    const { state } = this;
    if (!state.data || state.verify.running || !state.services.verify) return;
    const address = verifiableAddress(this.value);
    if (Object.keys(address).length === 0) {
      state.verify.result = { kind: 'empty' };
      this.changed();
      return;
    }
    const seq = ++this.lookupSeq.verify;
    const generation = this.generation;
    this.clearFailure();
    state.verify = { running: true, result: null };
    const done = this.startBusy('verifying');
    let result;
    try {
      result = await SERVICES.verify.run(this.host.client(), state.data.iso2, address);
    } catch (error) {
      if (generation !== this.generation) return;
      if (error?.status === 404) {
        this.lost('verify');
        this.setInfo('verifyUnavailable');
      } else if (seq === this.lookupSeq.verify) {
        this.fail('verifyFailed', error, () => this.verify());
      }
      return;
    } finally {
      state.verify.running = false;
      done();
    }
    // The address changed while the API was asked: its answer is about another address.
    if (generation !== this.generation || seq !== this.lookupSeq.verify) return;
    state.verify.result = result;
    this.changed();
  },

  useVerifiedFormat() {
    const { candidate, kind } = this.state.verify.result ?? {};
    if (!candidate) return;
    this.useAddress(candidate.address);
    // The closest known address, taken: a known address now.
    this.state.verify.result = { kind: kind === 'closest' ? 'found' : 'applied' };
    this.changed();
  },

  // ---- postal codes (Portugal) ------------------------------------------------

  postalInput(text) {
    const query = String(text ?? '').trim();
    if (query.length < SERVICES.postalCodes.minChars || !this.state.services.postalCodes) {
      this.closePostalCodes();
      return;
    }
    this.debounce('postal', () => this.runPostalCodes(query), SERVICES.postalCodes.debounceMs);
  },

  closePostalCodes() {
    this.lookupTimers.get('postal')?.cancel();
    this.lookupSeq.postal++;
    if (this.state.postal.codes.length || this.state.postal.status) {
      this.state.postal = { codes: [], status: null };
      this.changed();
    }
  },

  async runPostalCodes(query) {
    const { state } = this;
    if (!state.data) return;
    const seq = ++this.lookupSeq.postal;
    const done = this.startBusy('postalCodesSearching');
    let codes;
    try {
      codes = await SERVICES.postalCodes.run(this.host.client(), state.data.iso2, query);
    } catch (error) {
      if (seq !== this.lookupSeq.postal) return;
      if (error?.status === 404) {
        this.lost('postalCodes'); // the field stays plain text, silently
        state.postal = { codes: [], status: null };
      } else {
        this.fail('postalCodesFailed', error, () => this.runPostalCodes(query));
      }
      return;
    } finally {
      done();
    }
    if (seq !== this.lookupSeq.postal) return;
    state.postal = { codes, status: codes.length ? 'found' : 'none' };
    this.changed();
  },

  /** Fills the postal code and the fields it determines; a parish of another municipality goes. */
  choosePostalCode(index) {
    const { state } = this;
    const code = state.postal.codes[index];
    if (!code) return;
    const address = code.address && typeof code.address === 'object' ? code.address : {};
    const filled = { pc: String(code.value), ...address };
    const { field: parish, parents } = SERVICES.parishes;
    const parentsChanged = parents.some((name) => name in filled && String(filled[name]) !== (state.values.get(name) ?? ''));
    if (parentsChanged && !(parish in filled)) state.values.delete(parish);
    const labels = [];
    for (const [name, text] of Object.entries(filled)) {
      if (text === undefined || text === null || !this.field(name)) continue;
      if (name !== 'pc') labels.push(this.field(name).label);
      state.values.set(name, String(text));
      state.touched.add(name);
      state.notes.delete(name);
      state.serverProblems = state.serverProblems.filter((problem) => problem.field !== name);
    }
    this.verifyOutdated();
    this.closePostalCodes();
    state.postal = { codes: [], status: null };
    // "…; filled in: District, Municipality and Postal locality." (Intl.ListFormat, the UI language).
    const fields = typeof this.host.list === 'function' ? this.host.list(labels) : labels.join(', ');
    this.setInfo('postalCodeChosen', { label: String(code.display || code.value), fields });
    this.validate();
    this.changed();
    this.host.emit('btalk-change', { address: this.value });
    this.lookupTimers.get('parish')?.cancel();
    this.loadParishes(this.generation);
  },

  // ---- parishes (Portugal) ----------------------------------------------------

  parishSoon() {
    this.debounce('parish', () => this.loadParishes(this.generation), SERVICES.parishes.debounceMs);
  },

  /** Lists the parishes of the chosen a1/a2 in the parish field (a select), or keeps it free text. */
  async loadParishes(generation) {
    const { state } = this;
    const { field: name, parents: parentNames } = SERVICES.parishes;
    const field = this.field(name);
    if (!state.data || !field || generation !== this.generation || !field.parish) return;
    if (!state.services.parishes) return;
    const parents = parentNames.map((parent) => (state.values.get(parent) ?? '').trim());
    const key = JSON.stringify(parents);
    if (parents.some((text) => text === '')) {
      this.setParishes('', null);
      return;
    }
    if (state.parish.key === key) return;
    state.parish = { key, options: state.parish.options }; // in flight: the current list stays meanwhile
    const done = this.startBusy('loadingAreas', { label: field.label });
    let options;
    try {
      options = await SERVICES.parishes.run(this.host.client(), state.data.iso2, { a1: parents[0], a2: parents[1] });
    } catch (error) {
      if (generation !== this.generation || state.parish.key !== key) return;
      if (error?.status === 404) {
        this.lost('parishes');
        this.setParishes('', null);
      } else {
        state.parish = { key: '', options: state.parish.options };
        this.fail('areasFailed', error, () => this.loadParishes(this.generation), { label: field.label });
      }
      return;
    } finally {
      done();
    }
    if (generation !== this.generation || state.parish.key !== key) return;
    this.setParishes(key, options.length ? options : null);
  },

  /** The parish field becomes a select (a list) or stays free text; its value is kept. */
  setParishes(key, options) {
    const before = this.state.parish.options;
    this.state.parish = { key, options };
    if (before === null && options === null) return;
    this.rebuildFields();
    this.validate();
    this.changed();
  },
};
