// The address form controller's look-ups, DOM-free: geographical areas (dependent lists) here; address
// search, verification, postal codes and parishes (address-form.services.js) loaded on demand, only for
// a country that offers one of them (loadServices(), awaited by the controller's load() alongside the
// core and the form: the form and its first validation never wait for it). Each answer is used only if
// it is still the latest question of the current country (sequence numbers and the generation).
import { markMissing } from './services/discover.js';

// The methods address-form.services.js gives the controller; until it is loaded (no country so far
// offered a service) they do nothing, which is what they would do without a service.
const SERVICE_METHODS = ['searchInput', 'runSearch', 'closeCandidates', 'moveActive', 'chooseCandidate', 'verify',
  'useVerifiedFormat', 'postalInput', 'closePostalCodes', 'runPostalCodes', 'choosePostalCode', 'parishSoon',
  'loadParishes', 'setParishes'];
let services = null;
let servicesLoading = null;

/** Loads the service look-ups once (a failed load is tried again next time). */
export function loadServices() {
  servicesLoading ??= import('./address-form.services.js').then((module) => { services = module.default; }, (error) => {
    servicesLoading = null;
    throw error;
  });
  return servicesLoading;
}

const timer = (fn, ms) => {
  const id = setTimeout(fn, ms);
  return { cancel: () => clearTimeout(id) };
};

export const LookupsMixin = (Base) => {
  class Lookups extends Base {
    lookupTimers = new Map(); // name -> { cancel }
    lookupSeq = { search: 0, postal: 0, verify: 0 };

    /** Runs `fn` after `ms` unless called again (per name). */
    debounce(name, fn, ms) {
      this.lookupTimers.get(name)?.cancel();
      const later = this.host.later ?? timer;
      this.lookupTimers.set(name, later(() => {
        this.lookupTimers.delete(name);
        fn();
      }, ms));
    }

    cancelLookups() {
      for (const pending of this.lookupTimers.values()) pending.cancel();
      this.lookupTimers.clear();
      this.lookupSeq.search++;
      this.lookupSeq.postal++;
      this.lookupSeq.verify++;
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

    /** A verdict on the previous address no longer applies. */
    verifyOutdated() {
      this.lookupSeq.verify++;
      this.state.verify.result = null;
    }
  }
  for (const name of SERVICE_METHODS) {
    Object.defineProperty(Lookups.prototype, name, {
      value(...args) { return services?.[name].apply(this, args); }, writable: true, configurable: true,
    });
  }
  return Lookups;
};
