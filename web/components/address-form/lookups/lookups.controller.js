// The look-ups' generic mechanism, DOM-free (unit-tested in Node): one state and one request path for
// every look-up a country has, read from its data file (index.js lists them). Three kinds:
// - suggest: text typed in a field (or in the look-up's own box) asks `path?{param}=text`; the answer
//   is a list of suggestions, each an address, and a chosen one fills the form (`fill`: 'replace' the
//   whole address, or 'merge' its elements into it);
// - options: once the `keys` fields are filled, `path?{key}=value...` lists the values of `field`,
//   which becomes a select;
// - verify: the filled address is asked as `path?a6=&hno=...`; the verdict is advice.
// Answers are parsed by the core's existing kinds (`answer`: addressCandidates, postalCodes or choices)
// through client.addressLookup(); a list of suggestions needs no kind of its own. Each answer counts
// only while it is the latest question of its look-up in the current country.

const DEFAULTS = Object.freeze({
  field: null, param: 'q', minChars: 3, debounceMs: 250, answer: 'addressCandidates', fill: 'merge', cache: false,
  notOffered: [], part: '',
});
// The texts of a look-up that names none of its own ({label}: its field's label).
const TEXTS = Object.freeze({
  busy: 'lookupSearching', failed: 'lookupFailed', none: 'lookupNone', found: 'lookupFound', chosen: 'lookupChosen',
  unavailable: '', label: 'searchLabel', description: 'searchDescription',
});
const DIAL_ZONE = 'dialZone';
// A list of suggestions shows this many at most (an API may answer with thousands).
export const MAX_SUGGESTIONS = 50;

/** A descriptor with its defaults. */
const describe = (d) => ({ ...DEFAULTS, ...d, texts: { ...TEXTS, ...d.texts } });

/** The empty state of look-up `d`. */
function fresh(d) {
  if (d.kind === 'options') return { key: '', items: null };
  if (d.kind === 'verify') return { running: false, result: null };
  return { query: '', asked: '', items: [], active: -1, status: null, busy: false };
}

const timer = (fn, ms) => {
  const id = setTimeout(fn, ms);
  return { cancel: () => clearTimeout(id) };
};

/** The elements the verification compares (no dial zone: the API does not know it), trimmed. */
export function verifiableAddress(address) {
  const out = {};
  for (const [name, text] of Object.entries(address ?? {})) {
    const value = String(text ?? '').trim();
    if (name !== DIAL_ZONE && value !== '') out[name] = value;
  }
  return out;
}

/** Text compared as the API's look-ups compare it: case, accents and spaces aside. */
const folded = (text) => String(text ?? '').normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The verdict on `address` from the API's candidates: { kind: 'found' } | { kind: 'foundOther', candidate }
 * (the address, written otherwise) | { kind: 'closest', candidate } (not this address: the nearest one the
 * API knows) | { kind: 'unknown' }.
 */
function verdict(answer, address) {
  const list = (Array.isArray(answer) ? answer : []).filter((c) => c && c.address && typeof c.address === 'object');
  if (list.length === 0) return { kind: 'unknown' };
  const same = (candidate) => {
    const theirs = verifiableAddress(candidate.address);
    const names = new Set([...Object.keys(theirs), ...Object.keys(address)]);
    return [...names].every((name) => theirs[name] === address[name]);
  };
  if (list.some(same)) return { kind: 'found' };
  // Every given element the same but for its writing: the address itself; else only the closest one.
  const agrees = (candidate) => Object.keys(address).every((name) => folded(candidate.address[name]) === folded(address[name]));
  const other = list.find(agrees);
  return other ? { kind: 'foundOther', candidate: other } : { kind: 'closest', candidate: list[0] };
}

export class LookupsController {
  #timers = new Map(); // id -> { cancel }
  #seq = new Map(); // id -> number of the latest question
  #withdraw;

  /**
   * @param {import('../address-form.controller.js').AddressFormController} form
   * @param {{ withdraw: (client: object, iso2: string, ids: string[]) => void }} registry
   */
  constructor(form, { withdraw }) {
    this.form = form;
    this.#withdraw = withdraw;
    this.list = []; // the current country's look-ups, with their defaults
    this.entries = {}; // id -> its state (see fresh())
    this.manual = false; // the user asked for the fields (or filled them): they stay unfolded
  }

  /** The look-ups of the country just loaded: the previous country's lists, verdicts and questions go. */
  start(offered) {
    this.cancel();
    this.list = offered.map(describe);
    this.entries = Object.fromEntries(this.list.map((d) => [d.id, fresh(d)]));
  }

  find(id) {
    return this.list.find((d) => d.id === id) ?? null;
  }

  /** The suggest look-up with its own box (the address search), if the country has one. */
  get box() {
    return this.list.find((d) => d.kind === 'suggest' && !d.field) ?? null;
  }

  get verifier() {
    return this.list.find((d) => d.kind === 'verify') ?? null;
  }

  /** The fields stay folded under the box until the address is wanted by hand (or filled). */
  get folded() {
    const { state } = this.form;
    return !!this.box && !this.manual && state.status === 'ready'
      && !state.fields.some((field) => (state.values.get(field.name) ?? '') !== '');
  }

  unfold() {
    this.manual = true;
  }

  /** What the field list depends on: the look-ups (a combobox field) and the options lists. */
  fieldsKey() {
    return JSON.stringify([this.list.map((d) => d.id), this.list.filter((d) => d.kind === 'options')
      .map((d) => (this.entries[d.id].items ? this.entries[d.id].key : ''))]);
  }

  /** { field: options or null } for the fields an options look-up may turn into a select. */
  fieldLists() {
    const lists = {};
    for (const d of this.list) if (d.kind === 'options') lists[d.field] = this.entries[d.id].items;
    return lists;
  }

  /** The label a look-up's texts name: its field's, or its box's. */
  label(d, t = this.form.host.t) {
    return d.field ? this.form.field(d.field)?.label ?? d.field : t(d.texts.label);
  }

  cancel() {
    for (const pending of this.#timers.values()) pending.cancel();
    this.#timers.clear();
    for (const id of this.#seq.keys()) this.#next(id);
  }

  /** Back to the empty form: no list, verdict or options; the fields fold again. */
  reset() {
    this.cancel();
    this.manual = false;
    const lists = this.list.some((d) => d.kind === 'options' && this.entries[d.id].items);
    this.entries = Object.fromEntries(this.list.map((d) => [d.id, fresh(d)]));
    if (lists) this.form.rebuildFields();
  }

  #next(id) {
    const n = (this.#seq.get(id) ?? 0) + 1;
    this.#seq.set(id, n);
    return n;
  }

  #latest(id, n) {
    return this.#seq.get(id) === n;
  }

  #debounce(id, fn, ms) {
    this.#timers.get(id)?.cancel();
    const later = this.form.host.later ?? timer;
    this.#timers.set(id, later(() => {
      this.#timers.delete(id);
      fn();
    }, ms));
  }

  #request(d, query) {
    const { form } = this;
    return form.host.client().addressLookup(form.state.data.iso2, d.path, query, { kind: d.answer, cache: d.cache });
  }

  /** A 404 (or one of the look-up's own codes) says the country does not have it after all. */
  #notOffered(d, error) {
    return error?.status === 404 || [error?.code, error?.apiCode, error?.body?.code].some((code) => code !== undefined && d.notOffered.includes(code));
  }

  /** Never asks again, for this country: a 404 withdraws every look-up of the path. */
  #lose(d, error) {
    const { form } = this;
    const ids = error?.status === 404 ? this.list.filter((o) => o.path === d.path).map((o) => o.id) : [d.id];
    this.#withdraw(form.host.client(), form.state.iso2, ids);
    for (const id of ids) this.#timers.get(id)?.cancel();
    this.list = this.list.filter((o) => !ids.includes(o.id));
    if (d.texts.unavailable) form.setInfo(d.texts.unavailable);
    form.rebuildFields();
    form.validate();
    form.changed();
  }

  // ---- triggers (the form controller calls these) ----------------------------------

  /** A field's new text (typed or pasted): its suggestions, the lists it keys, the verdict. */
  fieldInput(name, text) {
    const field = this.form.field(name);
    for (const d of this.list) {
      if (d.kind === 'suggest' && d.field === name && field && !field.select) this.type(d.id, text);
      else if (d.kind === 'options' && d.keys.includes(name)) this.#debounce(d.id, () => this.loadOptions(d.id), d.debounceMs);
    }
    this.addressChanged();
  }

  /** A verdict on the previous address no longer applies. */
  addressChanged() {
    const d = this.verifier;
    if (!d) return;
    this.#next(d.id);
    this.entries[d.id].result = null;
  }

  /** The address was replaced: the options lists follow it. */
  refresh() {
    for (const d of this.list) {
      if (d.kind !== 'options') continue;
      this.#timers.get(d.id)?.cancel();
      this.loadOptions(d.id);
    }
  }

  // ---- suggest -------------------------------------------------------------------------

  /** Text typed where look-up `id` listens: asked once it is long enough and the typing pauses. */
  type(id, text) {
    const d = this.find(id);
    if (!d) return;
    const entry = this.entries[id];
    entry.query = String(text ?? '');
    const query = entry.query.trim();
    if (query.length < d.minChars) {
      this.close(id);
      return;
    }
    this.#debounce(id, () => this.ask(id, query), d.debounceMs);
  }

  async ask(id, query) {
    const d = this.find(id);
    const { form } = this;
    if (!d || !form.state.data) return;
    const entry = this.entries[id];
    const n = this.#next(id);
    entry.busy = true;
    form.changed();
    let answer;
    try {
      answer = await this.#request(d, { [d.param]: query });
    } catch (error) {
      if (!this.#latest(id, n)) return;
      Object.assign(entry, { busy: false, items: [], active: -1, status: null });
      if (this.#notOffered(d, error)) this.#lose(d, error);
      else form.fail(d.texts.failed, error, () => this.ask(id, query), { label: this.label(d) });
      form.changed();
      return;
    }
    if (!this.#latest(id, n)) return;
    const items = this.#suggestions(d, answer);
    Object.assign(entry, { busy: false, asked: query, items, active: -1, status: items.length ? 'found' : 'none' });
    form.changed();
  }

  /** The answer as [{ label, address }]: only addresses with an element the form can take. */
  #suggestions(d, answer) {
    const known = (name) => d.fill === 'replace' || !!this.form.field(name);
    const out = [];
    for (const item of Array.isArray(answer) ? answer : []) {
      if (out.length === MAX_SUGGESTIONS) break;
      if (!item || typeof item !== 'object') continue;
      const source = d.answer === 'choices' ? { [d.field]: item.value } : item.address;
      if (!source || typeof source !== 'object') continue;
      const address = {};
      for (const [name, value] of Object.entries(source)) {
        if (value !== undefined && value !== null && known(name)) address[name] = String(value);
      }
      if (Object.keys(address).length === 0) continue;
      out.push({ label: String(item.label || item.display || item.value || Object.values(address).join(', ')), address });
    }
    return out;
  }

  /** Closes look-up `id`'s list; a question still pending is dropped. */
  close(id) {
    const entry = this.entries[id];
    if (!entry || !('items' in entry) || entry.items === null) return;
    this.#timers.get(id)?.cancel();
    this.#next(id);
    if (entry.items.length || entry.status || entry.busy) {
      Object.assign(entry, { items: [], active: -1, status: null, busy: false });
      this.form.changed();
    }
  }

  /** The input was left: its list closes and a pending question is dropped; "nothing found" stays said. */
  leave(id) {
    const entry = this.entries[id];
    if (entry?.status === 'none' && !entry.busy && !this.#timers.has(id)) return;
    this.close(id);
  }

  /** Arrow keys over the open list: the active option moves; it wraps around. */
  move(id, step) {
    const entry = this.entries[id];
    const count = entry?.items?.length ?? 0;
    if (!count) return;
    entry.active = entry.active < 0 ? (step > 0 ? 0 : count - 1) : (entry.active + step + count) % count;
    this.form.changed();
  }

  /** Fills the form with suggestion `index` of look-up `id`; returns it (or null). */
  choose(id, index) {
    const d = this.find(id);
    const entry = this.entries[id];
    const item = entry?.items?.[index];
    if (!d || !item) return null;
    const { form } = this;
    this.manual = true;
    let fields = '';
    if (d.fill === 'replace') form.useAddress(item.address);
    else fields = this.#merge(d, item.address);
    this.close(id);
    entry.query = '';
    // "Postal code 1000-001 chosen; filled in: District, Municipality and Locality." (the UI language's list).
    form.setInfo(d.texts.chosen, { label: item.label, fields });
    form.changed();
    return item;
  }

  /** Sets the suggestion's elements, keeps the others; returns the labels of the fields it filled. */
  #merge(d, address) {
    const { form } = this;
    const { state } = form;
    // A list keyed by an element that changes loses its value, unless the suggestion gives one
    // (a parish of another municipality goes).
    for (const o of this.list) {
      if (o.kind !== 'options' || o.field in address) continue;
      if (o.keys.some((key) => key in address && address[key] !== (state.values.get(key) ?? ''))) state.values.delete(o.field);
    }
    const labels = [];
    let geo = false;
    for (const field of state.fields) {
      const { name } = field;
      const text = address[name];
      if (text === undefined) continue;
      if (name !== d.field) labels.push(field.label);
      if (field.geoLevel) geo = true;
      state.values.set(name, text);
      state.touched.add(name);
      state.notes.delete(name);
      state.serverProblems = state.serverProblems.filter((problem) => problem.field !== name);
    }
    this.addressChanged();
    if (geo) {
      for (const [level] of state.geo) if (level > 1) state.geo.set(level, { options: null, parents: '' });
      form.loadGeoLevel(1, form.generation);
    }
    form.validate();
    form.host.emit('btalk-change', { address: form.value });
    this.refresh();
    return typeof form.host.list === 'function' ? form.host.list(labels) : labels.join(', ');
  }

  // ---- verify --------------------------------------------------------------------------

  async verify() {
    const d = this.verifier;
    const { form } = this;
    const entry = d && this.entries[d.id];
    if (!form.state.data || !entry || entry.running) return;
    const address = verifiableAddress(form.value);
    if (Object.keys(address).length === 0) {
      entry.result = { kind: 'empty' };
      form.changed();
      return;
    }
    const n = this.#next(d.id);
    const generation = form.generation;
    form.clearFailure();
    Object.assign(entry, { running: true, result: null });
    const done = form.startBusy('verifying');
    let answer;
    try {
      answer = await this.#request(d, address);
    } catch (error) {
      if (generation !== form.generation) return;
      if (error?.status === 404) this.#lose(d, error);
      else if (this.#latest(d.id, n)) form.fail('verifyFailed', error, () => this.verify());
      return;
    } finally {
      entry.running = false;
      done();
    }
    // The address changed while the API was asked: its answer is about another address.
    if (generation !== form.generation || !this.#latest(d.id, n)) return;
    entry.result = verdict(answer, address);
    form.changed();
  }

  useVerifiedFormat() {
    const entry = this.verifier && this.entries[this.verifier.id];
    const { candidate, kind } = entry?.result ?? {};
    if (!candidate) return;
    this.form.useAddress(candidate.address);
    // The closest known address, taken: a known address now.
    entry.result = { kind: kind === 'closest' ? 'found' : 'applied' };
    this.form.changed();
  }

  // ---- options -------------------------------------------------------------------------

  /** Lists the values of the look-up's field for its keys' values, or leaves the field free text. */
  async loadOptions(id) {
    const d = this.find(id);
    const { form } = this;
    const { state } = form;
    const field = d && form.field(d.field);
    if (!state.data || !field?.listable) return;
    const entry = this.entries[id];
    const values = d.keys.map((key) => (state.values.get(key) ?? '').trim());
    if (values.some((text) => text === '')) {
      this.#setOptions(d, '', null);
      return;
    }
    const key = JSON.stringify(values);
    if (entry.key === key) return;
    entry.key = key; // in flight: the current list stays meanwhile
    const n = this.#next(id);
    const generation = form.generation;
    const done = form.startBusy('loadingAreas', { label: field.label });
    let answer;
    try {
      answer = await this.#request(d, Object.fromEntries(d.keys.map((name, i) => [name, values[i]])));
    } catch (error) {
      if (!this.#latest(id, n) || generation !== form.generation) return;
      if (this.#notOffered(d, error)) {
        this.#lose(d, error); // the field stays free text, silently
      } else {
        entry.key = '';
        form.fail('areasFailed', error, () => this.loadOptions(id), { label: field.label });
      }
      return;
    } finally {
      done();
    }
    if (!this.#latest(id, n) || generation !== form.generation) return;
    const items = (Array.isArray(answer) ? answer : []).filter((o) => o && o.value !== undefined && o.value !== null);
    this.#setOptions(d, key, items.length ? items : null);
  }

  /** The field becomes a select (a list) or stays free text; its value is kept. */
  #setOptions(d, key, items) {
    const entry = this.entries[d.id];
    const before = entry.items;
    Object.assign(entry, { key, items });
    if (before === null && items === null) return;
    this.form.rebuildFields();
    this.form.validate();
    this.form.changed();
  }
}
