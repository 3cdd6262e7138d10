// The address form controller's look-ups, DOM-free: geographical areas (dependent lists),
// address search, verification, postal codes and parishes. Each answer is used only if it is
// still the latest question of the current country (sequence numbers and the generation).
import { SERVICES, isNotOffered, markMissing } from './services/index.js';
import { verifiableAddress } from './services/verify.js';

const timer = (fn, ms) => {
  const id = setTimeout(fn, ms);
  return { cancel: () => clearTimeout(id) };
};

export const LookupsMixin = (Base) => class extends Base {
  #timers = new Map(); // name -> { cancel }
  #seq = { search: 0, postal: 0, verify: 0 };

  /** Runs `fn` after `ms` unless called again (per name). */
  debounce(name, fn, ms) {
    this.#timers.get(name)?.cancel();
    const later = this.host.later ?? timer;
    this.#timers.set(name, later(() => {
      this.#timers.delete(name);
      fn();
    }, ms));
  }

  cancelLookups() {
    for (const pending of this.#timers.values()) pending.cancel();
    this.#timers.clear();
    this.#seq.search++;
    this.#seq.postal++;
    this.#seq.verify++;
  }

  /** The API told us a service does not exist after all: never offer it again for this country. */
  lost(id) {
    markMissing(this.host.client(), this.state.iso2, id);
    this.state.services = { ...this.state.services, [id]: false };
    if (id === 'verify') this.state.services.search = false;
  }

  // ---- geographical areas -----------------------------------------------------

  /** Loads the choices of level `level` for the values chosen above, then goes on down. */
  async loadGeoLevel(level, generation) {
    const { state } = this;
    const field = this.fieldAt(level);
    if (!field || generation !== this.generation) return;
    const parents = [];
    for (let l = 1; l < level; l++) {
      const parent = this.fieldAt(l);
      const chosen = parent ? state.values.get(parent.name) : '';
      if (!chosen) {
        state.geo.set(level, { options: null, parents: '' });
        this.changed();
        return;
      }
      parents.push(chosen);
    }
    const key = JSON.stringify(parents);
    const existing = state.geo.get(level);
    if (!(existing?.options && existing.parents === key)) {
      state.geo.set(level, { options: null, parents: key });
      const done = this.startBusy('loadingAreas', { label: field.label });
      let options;
      try {
        options = await this.host.client().geoAreas(state.data.iso2, parents);
      } catch (error) {
        if (generation === this.generation && state.geo.get(level)?.parents === key) {
          this.fail('areasFailed', error, () => this.loadGeoLevel(level, this.generation), { label: field.label });
        }
        return;
      } finally {
        done();
      }
      // The user may have changed a parent meanwhile: only the latest path counts.
      if (generation !== this.generation || state.geo.get(level)?.parents !== key) return;
      state.geo.set(level, { options: Array.isArray(options) ? options : [], parents: key });
      this.geoListLoaded(level, parents, state.geo.get(level).options);
      this.validate();
      this.changed();
    }
    if (state.values.get(field.name)) await this.loadGeoLevel(level + 1, generation);
  }

  // ---- address search ---------------------------------------------------------

  searchInput(text) {
    const query = String(text ?? '').trim();
    this.state.search.query = String(text ?? ''); // as typed: the view never rewrites the box
    if (query.length < SERVICES.search.minChars || !this.state.services.search) {
      this.#timers.get('search')?.cancel();
      this.#seq.search++;
      this.closeCandidates();
      return;
    }
    this.debounce('search', () => this.runSearch(query), SERVICES.search.debounceMs);
  }

  async runSearch(query) {
    const { state } = this;
    if (!state.data) return;
    const seq = ++this.#seq.search;
    const done = this.startBusy('searching');
    state.search.busy = true;
    let candidates;
    try {
      candidates = await SERVICES.search.run(this.host.client(), state.data.iso2, query);
    } catch (error) {
      if (seq !== this.#seq.search) return;
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
    if (seq !== this.#seq.search) return;
    state.search = { ...state.search, candidates, active: -1, status: candidates.length ? 'found' : 'none' };
    this.changed();
  }

  closeCandidates() {
    this.state.search = { ...this.state.search, candidates: [], active: -1, status: null };
    this.changed();
  }

  /** Arrow keys over the open list: the active option moves; it wraps around. */
  moveActive(step) {
    const { search } = this.state;
    const count = search.candidates.length;
    if (!count) return;
    search.active = search.active < 0 ? (step > 0 ? 0 : count - 1) : (search.active + step + count) % count;
    this.changed();
  }

  chooseCandidate(index) {
    const candidate = this.state.search.candidates[index];
    if (!candidate) return null;
    this.useAddress(candidate.address);
    this.state.search = { candidates: [], active: -1, status: null, query: '' };
    this.setInfo('candidateChosen', { label: candidate.label ?? '' });
    this.changed();
    return candidate;
  }

  // ---- verification -----------------------------------------------------------

  /** A verdict on the previous address no longer applies. */
  verifyOutdated() {
    this.#seq.verify++;
    this.state.verify.result = null;
  }

  async verify() {
    const { state } = this;
    if (!state.data || state.verify.running || !state.services.verify) return;
    const address = verifiableAddress(this.value);
    if (Object.keys(address).length === 0) {
      state.verify.result = { kind: 'empty' };
      this.changed();
      return;
    }
    const seq = ++this.#seq.verify;
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
      } else if (seq === this.#seq.verify) {
        this.fail('verifyFailed', error, () => this.verify());
      }
      return;
    } finally {
      state.verify.running = false;
      done();
    }
    // The address changed while the API was asked: its answer is about another address.
    if (generation !== this.generation || seq !== this.#seq.verify) return;
    state.verify.result = result;
    this.changed();
  }

  useVerifiedFormat() {
    const candidate = this.state.verify.result?.candidate;
    if (!candidate) return;
    this.useAddress(candidate.address);
    this.state.verify.result = { kind: 'applied' };
    this.changed();
  }

  // ---- postal codes (Portugal) ------------------------------------------------

  postalInput(text) {
    const query = String(text ?? '').trim();
    if (query.length < SERVICES.postalCodes.minChars || !this.state.services.postalCodes) {
      this.closePostalCodes();
      return;
    }
    this.debounce('postal', () => this.runPostalCodes(query), SERVICES.postalCodes.debounceMs);
  }

  closePostalCodes() {
    this.#timers.get('postal')?.cancel();
    this.#seq.postal++;
    if (this.state.postal.codes.length || this.state.postal.status) {
      this.state.postal = { codes: [], status: null };
      this.changed();
    }
  }

  async runPostalCodes(query) {
    const { state } = this;
    if (!state.data) return;
    const seq = ++this.#seq.postal;
    const done = this.startBusy('postalCodesSearching');
    let codes;
    try {
      codes = await SERVICES.postalCodes.run(this.host.client(), state.data.iso2, query);
    } catch (error) {
      if (seq !== this.#seq.postal) return;
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
    if (seq !== this.#seq.postal) return;
    state.postal = { codes, status: codes.length ? 'found' : 'none' };
    this.changed();
  }

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
    this.#timers.get('parish')?.cancel();
    this.loadParishes(this.generation);
  }

  // ---- parishes (Portugal) ----------------------------------------------------

  parishSoon() {
    this.debounce('parish', () => this.loadParishes(this.generation), SERVICES.parishes.debounceMs);
  }

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
  }

  /** The parish field becomes a select (a list) or stays free text; its value is kept. */
  setParishes(key, options) {
    const before = this.state.parish.options;
    this.state.parish = { key, options };
    if (before === null && options === null) return;
    this.rebuildFields();
    this.validate();
    this.changed();
  }
};
