// <btalk-address-form>'s logic, DOM-free (unit-tested in Node): the state of one address form,
// its transitions (load, type, leave a field, choose, save), validation with the core, the
// geographical lists (lookups/geo-areas.js) and the look-ups of the specialised address APIs
// (lookups/: `this.lookups`, loaded on demand for a country that has one). The view renders `state`;
// the host (the element) gives the client, the core, texts and events.
// A keystroke: view (oninput) -> input() -> validate() -> the compiled schema in the wasm core
// (core-loader/core-compiled.js) -> state.result -> the view. Leaving the field: blur() ->
// normalizeField() (normalize.js) -> the same compiled schema's normalize() -> validate().
import { DIAL_ZONE, POSTAL_CODE, buildFields, fieldOfProblem } from './fields.js';
import { loadLookups, offeredLookups, withdrawLookups } from './lookups/index.js';
import { GeoAreasMixin } from './lookups/geo-areas.js';
import { NormalizeMixin } from './normalize.js';
import { CarryMixin, beforeSwitch } from './address-form.carry.js';
import { PostalAreasMixin } from './address-form.postal-areas.js';
import { NOT_CONFIGURED, errorDetail } from '../../internal/errors.js';

/**
 * @typedef {object} ControllerHost
 * @property {() => object} client       the API client (BtalkClient or the page's)
 * @property {(client: object) => Promise<object>} core  the wasm core
 * @property {() => string} iso2         the country asked for
 * @property {(client: object, iso2: string) => Promise<object>|null} [early]  client.countryForm(iso2) already started
 * @property {() => string} lang         the UI language ('en', 'fr', ...)
 * @property {(key: string, params?: object) => string} t  a UI text
 * @property {(error: unknown) => string} errorText  a failure as text
 * @property {(type: string, detail: object) => void} emit  a btalk-* event
 * @property {() => void} update         state changed: render
 * @property {(fn: Function, ms: number) => {cancel(): void}} [later]  a timer (tests pass a fake)
 */
export class AddressFormController extends GeoAreasMixin(PostalAreasMixin(CarryMixin(NormalizeMixin(Object)))) {
  /** @param {ControllerHost} host */
  constructor(host) {
    super();
    this.host = host;
    this.state = {
      status: 'empty', // empty (no country) | loading | ready | failed
      iso2: '',
      data: null, // { iso2, constraints, geographicalConstraints, form, dialZones }
      fields: [],
      fieldsKey: '',
      values: new Map(), // element name -> text; survives country changes
      extras: new Set(), // names a chosen candidate set beyond the form's fields
      touched: new Set(),
      notes: new Map(), // name -> value the normaliser changed it to (shown once)
      submitted: false,
      serverProblems: [],
      result: { valid: false, problems: [] },
      geo: new Map(), // level -> { options | null, parents }
      busy: new Map(), // token -> { key, params }
      info: null, // { key, params, kind }
      failure: null, // { key, params, error, retry }
      saving: false,
    };
    // The look-ups' mechanism (lookups/lookups.js) once a country had one: its controller, which
    // holds their state, and the module the view builds their view from.
    this.lookups = null;
    this.lookupsModule = null;
    this.core = null;
    this.validator = null; // core.compileConstraints(...) when the core has it
    this.generation = 0;
    this.textsRevision = 0; // bumped when the UI strings change (languageChanged)
    this.busySeq = 0;
    this.validityKey = null;
  }

  // ---- helpers --------------------------------------------------------------

  get ready() { return this.state.status === 'ready'; }

  changed() { this.host.update(); }

  fail(key, error, retry, params = {}) {
    this.state.failure = { key, params, error, retry: retry ?? null };
    this.host.emit('btalk-error', errorDetail(error, this.host.t(key, { ...params, message: this.host.errorText(error) })));
  }

  clearFailure() { this.state.failure = null; }

  retry() {
    const retry = this.state.failure?.retry;
    this.state.failure = null;
    this.changed();
    retry?.();
  }

  setInfo(key, params = {}, kind = '') {
    this.state.info = key ? { key, params, kind } : null;
  }

  startBusy(key, params = {}) {
    const token = ++this.busySeq;
    this.state.busy.set(token, { key, params });
    this.changed();
    return () => {
      this.state.busy.delete(token);
      this.changed();
    };
  }

  fieldAt(level) {
    return this.state.fields.find((field) => field.geoLevel === level) ?? null;
  }

  field(name) {
    return this.state.fields.find((field) => field.name === name) ?? null;
  }

  /** The address: { element: value } of the filled fields of the current country. */
  get value() {
    const { values, extras, fields } = this.state;
    const names = this.state.data ? [...fields.map((f) => f.name), ...extras] : [...values.keys()];
    const address = {};
    for (const name of names) {
      const text = values.get(name);
      if (text !== undefined && text !== '') address[name] = text;
    }
    return address;
  }

  set value(address) {
    const { state } = this;
    state.values = new Map();
    state.extras.clear();
    state.notes.clear();
    state.serverProblems = [];
    if (address && typeof address === 'object') {
      for (const [name, text] of Object.entries(address)) {
        if (text !== undefined && text !== null) state.values.set(name, String(text));
      }
    }
    if (!state.data) return;
    this.lookups?.addressChanged();
    this.validate();
    this.changed();
    this.loadGeoLevel(1, this.generation);
    this.lookups?.refresh();
  }

  // ---- loading --------------------------------------------------------------

  /** Loads the form of the host's country; stale answers (a newer load started) are dropped. */
  async load() {
    const { state } = this;
    const iso2 = this.host.iso2();
    const generation = ++this.generation;
    const carried = beforeSwitch(state, iso2); // what the old form accepted, before it is reset
    this.lookups?.start([]);
    this.disposeValidator();
    this.forgetPostalFills();
    state.notes.clear(); // a new form: nothing in it was corrected yet
    Object.assign(state, {
      iso2, data: null, fields: [], fieldsKey: `${generation}`, geo: new Map(), failure: null, info: null, busy: new Map(),
    });
    if (!iso2) {
      state.status = 'empty';
      this.setInfo('noCountry');
      this.validate();
      this.changed();
      return;
    }
    state.status = 'loading';
    const done = this.startBusy('loadingCountry');
    let client;
    let answer;
    let offered;
    let mechanism;
    try {
      client = this.host.client();
      const corePromise = this.core ? Promise.resolve(this.core) : this.host.core(client);
      // The look-ups the country has are known without a request (their data); their code comes only
      // for such a country, in parallel with the core and the form. Without it the form goes on alone.
      offered = offeredLookups(client, iso2);
      const lookups = offered.length ? loadLookups().catch(() => null) : null;
      const country = this.host.early?.(client, iso2) ?? client.countryForm(iso2);
      [this.core, answer, mechanism] = await Promise.all([corePromise, country, lookups]);
    } catch (error) {
      if (generation !== this.generation) return;
      // No form for another country may stay (it could be saved by mistake); the values stay.
      state.status = 'failed';
      this.validate();
      done();
      // No client, credentials nor api-base (clientFor): nothing was asked; the page's setting one loads the form.
      if (error?.code === NOT_CONFIGURED) this.fail('notConfigured', error, null);
      else this.fail('loadFailed', error, () => this.load());
      this.changed();
      return;
    }
    if (generation !== this.generation) return;
    const form = answer.form ?? this.core.addressForm(answer.constraints, answer.geographicalConstraints ?? undefined);
    state.data = {
      iso2,
      constraints: answer.constraints,
      constraintsText: JSON.stringify(answer.constraints),
      geographicalConstraints: answer.geographicalConstraints ?? null,
      form,
      dialZones: Array.isArray(answer.dialZones) ? answer.dialZones : [],
      language: typeof answer.language === 'string' ? answer.language : null, // of the API's texts; null: English
    };
    if (mechanism && !this.lookups) {
      this.lookupsModule = mechanism;
      this.lookups = new mechanism.LookupsController(this, { withdraw: withdrawLookups });
    }
    this.lookups?.start(mechanism ? offered : []);
    state.status = 'ready';
    this.compileValidator();
    this.rebuildFields();
    state.extras.clear();
    state.serverProblems = [];
    state.submitted = false;
    // Every message of the loading phase is over (e.g. "not loaded yet" from an early Save).
    state.info = null;
    state.failure = null;
    // Only fields this country also has keep their "touched" state.
    state.touched = new Set([...state.touched].filter((name) => this.field(name)));
    this.validate();
    this.leaveOut(carried);
    done();
    this.host.emit('btalk-loaded', { country: iso2 });
    this.loadGeoLevel(1, generation);
    this.lookups?.refresh();
  }

  /** Re-derives the field models (language, look-ups' lists); the view rebuilds when fieldsKey changes. */
  rebuildFields() {
    const { state } = this;
    if (!state.data) {
      state.fields = [];
      return;
    }
    state.fields = buildFields({
      form: state.data.form, constraints: state.data.constraints, dialZones: state.data.dialZones,
      lang: this.host.lang(), apiLanguage: state.data.language, t: this.host.t, lists: this.lookups?.fieldLists() ?? {},
    });
    state.fieldsKey = `${this.generation}:${this.host.lang()}:${this.textsRevision}:${this.lookups?.fieldsKey() ?? ''}`;
  }

  /**
   * The UI's strings changed (a language's catalogue arrived, or the page's overrides): the fields are
   * built again, even when the language code is the same (the French catalogue arriving after the
   * country's answer, under a lang="fr" the form already had).
   */
  languageChanged() {
    this.textsRevision += 1;
    this.rebuildFields();
  }

  /** Compiles the schema once per country when the core can (validate on every keystroke). */
  compileValidator() {
    const { core } = this;
    const { data } = this.state;
    if (typeof core?.compileConstraints !== 'function' || !data) return;
    try {
      this.validator = core.compileConstraints(data.constraints, data.geographicalConstraints ?? undefined);
    } catch {
      this.validator = null; // validateAddress reports the same problem per call
    }
  }

  /** A geographical list arrived: the compiled validator checks that level's value against it. */
  geoListLoaded(level, parents, options) {
    try {
      this.validator?.setGeoAreas?.(level, parents, options.map((option) => String(option?.value ?? '')));
    } catch {
      // A list the core refuses (too many values) is simply not checked.
    }
    this.fillFromPostalCode(); // loadGeoLevel goes on down with what it filled
  }

  disposeValidator() {
    try {
      this.validator?.dispose?.();
    } catch {
      // already gone
    }
    this.validator = null;
  }

  dispose() {
    this.lookups?.cancel();
    this.disposeValidator();
  }

  // ---- validation -----------------------------------------------------------

  geoAreas() {
    const areas = {};
    for (const [level, entry] of this.state.geo) if (entry.options) areas[`area${level}`] = entry.options;
    return areas;
  }

  validate() {
    const { state } = this;
    let result;
    if (!state.data || !this.core) {
      result = { valid: false, problems: [], messageKey: state.iso2 ? 'notLoaded' : 'noCountry' };
    } else {
      try {
        if (this.validator) {
          result = this.validator.validate(this.value); // its geo areas are set as each list loads
        } else {
          const options = { geoAreas: this.geoAreas() };
          if (state.data.geographicalConstraints) options.geographicalConstraints = state.data.geographicalConstraints;
          result = this.core.validateAddress(state.data.constraintsText, this.value, options);
        }
      } catch (error) {
        const message = this.host.t('coreFailed', { message: this.host.errorText(error) });
        result = { valid: false, problems: [{ field: '', code: error?.code ?? 'internal', message }] };
      }
      const problems = [...(result.problems ?? [])];
      for (const problem of state.serverProblems) {
        if (!problems.some((p) => p.field === problem.field && p.code === problem.code && p.message === problem.message)) {
          problems.push(problem);
        }
      }
      result = { valid: !!result.valid && state.serverProblems.length === 0, problems };
    }
    state.result = result;
    const key = JSON.stringify([result.valid, result.problems]);
    if (key !== this.validityKey) {
      this.validityKey = key;
      if (state.data) this.host.emit('btalk-validity', { valid: result.valid, problems: result.problems });
    }
    return result;
  }

  /** Problems in field order (unknown fields last). */
  orderedProblems() {
    const names = this.state.fields.map((f) => f.name);
    const rank = (problem) => {
      const index = names.indexOf(problem.field);
      return index < 0 ? names.length : index;
    };
    return [...this.state.result.problems].sort((a, b) => rank(a) - rank(b));
  }

  /** The problem shown under field `name` (touched or submitted), or null. */
  shownProblem(name) {
    if (!(this.state.touched.has(name) || this.state.submitted)) return null;
    return this.orderedProblems().find((p) => p.field === name) ?? null;
  }

  /** Every problem shows (submit, Save): folded fields unfold to show theirs. */
  showAll() {
    for (const field of this.state.fields) this.state.touched.add(field.name);
    this.lookups?.unfold();
    this.validate();
  }

  // ---- user input -----------------------------------------------------------

  /** A keystroke or a choice. Typed text is kept as typed: normalising waits for blur or paste. */
  input(name, text, { choice = false } = {}) {
    const { state } = this;
    state.values.set(name, text);
    state.notes.delete(name);
    state.serverProblems = state.serverProblems.filter((problem) => problem.field !== name);
    if (choice) this.touchedByUser(name);
    if (state.info?.kind === 'success') state.info = null;
    const field = this.field(name);
    if (field?.geoLevel) {
      // A new parent invalidates every level below it.
      for (let level = field.geoLevel + 1; level <= 4; level++) {
        const child = this.fieldAt(level);
        if (!child) break;
        state.values.delete(child.name);
        state.geo.set(level, { options: null, parents: '' });
      }
      if (choice && name === POSTAL_CODE) this.fillPlaceFromPostalCode(field, text);
      if (text) this.loadGeoLevel(field.geoLevel + 1, this.generation);
    }
    this.lookups?.fieldInput(name, text);
    this.validate();
    if (name === POSTAL_CODE && !field?.select) {
      this.postalCodeChanged();
      this.validate();
    }
    this.changed();
    this.host.emit('btalk-change', { address: this.value });
  }

  /**
   * A chosen postal code whose display names its place ("1000 Bruxelles / Brussel") fills an
   * empty (or auto-filled) free-text city with the place's first name.
   */
  fillPlaceFromPostalCode(field, value) {
    const { state } = this;
    const city = this.field('a3');
    if (!city || city.select) return;
    const option = (state.geo.get(field.geoLevel)?.options ?? []).find((o) => String(o.value) === value);
    const display = String(option?.display ?? '');
    const rest = display.startsWith(value) ? display.slice(value.length).replace(/^[\s,–-]+/, '') : '';
    const place = rest.split(' / ')[0].trim();
    const current = state.values.get('a3') ?? '';
    if (!place || (current !== '' && current !== this.autoPlace)) return;
    state.values.set('a3', place);
    state.touched.add('a3');
    this.autoPlace = place;
  }

  /** Leaving a field: its problem shows from now on, and its value takes its canonical form. */
  blur(name) {
    if (this.normalizeField(name) && name === POSTAL_CODE) this.postalCodeChanged();
    this.touchedByUser(name);
    this.validate();
    this.changed();
  }

  reset() {
    const { state } = this;
    state.values.clear();
    this.forgetPostalFills();
    state.extras.clear();
    state.touched.clear();
    state.notes.clear();
    state.serverProblems = [];
    state.submitted = false;
    state.info = null;
    state.failure = null;
    for (const [level, entry] of state.geo) if (level > 1) entry.options = null;
    this.lookups?.reset();
    this.validate();
    this.changed();
  }

  /** Replaces the address with `address` exactly as the API gave it (the push format). */
  useAddress(address) {
    const { state } = this;
    // A manual dial zone is the user's choice: kept when the API's address has none.
    const dialZone = address[DIAL_ZONE] === undefined ? state.values.get(DIAL_ZONE) : undefined;
    for (const field of state.fields) state.values.delete(field.name);
    for (const name of state.extras) state.values.delete(name);
    state.extras.clear();
    state.notes.clear();
    state.serverProblems = [];
    if (dialZone && this.field(DIAL_ZONE)) state.values.set(DIAL_ZONE, dialZone);
    for (const [name, text] of Object.entries(address)) {
      if (text === undefined || text === null) continue;
      state.values.set(name, String(text));
      state.touched.add(name);
      if (!this.field(name)) state.extras.add(name);
    }
    // Geo choices are reloaded for the address's path (cached per path by the client).
    for (const [level] of state.geo) if (level > 1) state.geo.set(level, { options: null, parents: '' });
    this.lookups?.addressChanged();
    this.validate();
    this.changed();
    this.host.emit('btalk-change', { address: this.value });
    this.loadGeoLevel(1, this.generation);
    this.lookups?.refresh();
  }

  // ---- save -----------------------------------------------------------------

  /** Validates, then PUTs the address. Never rejects. */
  async save(customerCode, voiceSiteId) {
    const { state } = this;
    const notReady = { saved: false, error: { message: this.host.t('notLoaded'), status: 0, code: 'notReady' } };
    if (!customerCode || !voiceSiteId || state.status === 'loading') return notReady;
    this.clearFailure();
    state.info = null;
    state.serverProblems = [];
    state.submitted = true;
    for (const field of state.fields) this.normalizeField(field.name);
    this.showAll();
    if (!state.result.valid) {
      if (!state.data) this.setInfo(state.result.messageKey ?? 'notLoaded');
      this.changed();
      return { saved: false, problems: state.result.problems };
    }
    const address = Object.fromEntries(Object.entries(this.value)
      .map(([name, text]) => [name, String(text).trim()]).filter(([, text]) => text !== ''));
    const generation = this.generation;
    state.saving = true;
    const done = this.startBusy('saving');
    try {
      const answer = await this.host.client().pushVoiceAddress(customerCode, voiceSiteId, address);
      const savedId = String(answer?.voiceSiteId ?? voiceSiteId);
      const saved = answer?.voiceAddress && typeof answer.voiceAddress === 'object' ? answer.voiceAddress : address;
      if (generation === this.generation) this.setInfo('saved', { voiceSiteId: savedId }, 'success');
      this.host.emit('btalk-address-saved', { voiceSiteId: savedId, address: saved });
      return { saved: true, voiceSiteId: savedId, address: saved };
    } catch (error) {
      const detail = errorDetail(error, error?.message ?? '');
      const problems = Array.isArray(error?.problems) && error.problems.length ? error.problems
        : Array.isArray(error?.body?.problems) ? error.body.problems : [];
      if ([400, 409, 422].includes(error?.status) && problems.length) {
        // The server's verdict, every entry of its list, on the field each names (by its code name,
        // or by the label the form shows or the schema gives), else in the summary.
        const coreLabels = new Map((state.data?.form?.fields ?? []).map((f) => [f.name, f.label]));
        const fields = state.fields.map((f) => ({ name: f.name, labels: [f.label, coreLabels.get(f.name) ?? ''] }));
        state.serverProblems = problems.filter((p) => p && typeof p === 'object')
          .map((p) => ({
            field: fieldOfProblem(p, fields),
            code: String(p.code ?? 'serverRejected'),
            message: String(p.message || p.description || ''),
            fromServer: true,
          }));
        this.validate();
        this.fail('serverRejected', error, null);
        return { saved: false, problems: state.serverProblems, error: detail };
      }
      this.fail('saveFailed', error, () => this.host.save?.());
      return { saved: false, error: detail };
    } finally {
      state.saving = false;
      done();
    }
  }
}
