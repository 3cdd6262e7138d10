// Row validation for the site import (DOM-free): every row of a file checked before anything
// is ordered. Site fields go through core.validateOrder; the country through the API's
// coverage; the address through the country's compiled constraints (core.compileConstraints,
// validateMany per chunk), with the geographical areas of
// the row's own path (each list loaded once for the whole file) and the dial zone list.
//
// Data flow: prepare(rows) loads what the rows need (each country once, in parallel; each
// geo-area list once), then validateRows(rows) is synchronous per row and runs in chunks.

import { referenceFor } from './reference.js';
import { resolveVpn } from './columns.js';

export const STATUS = Object.freeze({ READY: 'ready', PROBLEMS: 'problems', NOT_COVERED: 'notCovered' });

const problem = (field, code, message) => ({ field, code, message });

/** Yields to the event loop, so a long validation leaves the page responsive. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

export class RowValidator {
  #core;
  #client;
  #vpns;
  #countries = new Map(); // iso2 -> { iso2, name, covered }
  #forms = new Map(); // iso2 -> Promise<{ form, constraints, geo, dialZones, validator } | { error }>
  #ready = new Map(); // iso2 -> settled value of #forms
  #areasCache = new Map(); // country + path -> the geoAreas object of that path
  #geo = new Map(); // `${iso2}|${parents.join('|')}` -> [{ value, display }] | { error }

  /**
   * @param {{ core: object, client: object, vpns?: Array<{vpnId, name, vpnCode}>,
   *           countries?: Array<{iso2, name, covered}> }} options
   */
  constructor({ core, client, vpns = [], countries = [] }) {
    this.#core = core;
    this.#client = client;
    this.#vpns = vpns;
    for (const c of countries) this.#countries.set(String(c.iso2).toUpperCase(), c);
  }

  /** The country the API lists under `iso2`, or undefined. */
  country(iso2) {
    return this.#countries.get(iso2);
  }

  /** Loads each country the rows name (covered ones only, in parallel), then their geo-area lists. */
  async prepare(rows, { signal } = {}) {
    const wanted = new Set();
    for (const row of rows) {
      const iso2 = row.site.country;
      if (iso2 && this.#countries.get(iso2)?.covered) wanted.add(iso2);
    }
    await Promise.all([...wanted].map((iso2) => this.#loadCountry(iso2, signal)));
    await this.#loadGeoAreas(rows, signal);
  }

  #loadCountry(iso2, signal) {
    if (!this.#forms.has(iso2)) {
      const promise = this.#client.countryForm(iso2, { signal }).then(
        (answer) => ({
          ...answer, validator: this.#validatorFor(answer),
          constraintsText: typeof answer.constraints === 'string' ? answer.constraints : JSON.stringify(answer.constraints),
        }),
        (error) => ({ error }),
      ).then((value) => { this.#ready.set(iso2, value); return value; });
      this.#forms.set(iso2, promise);
    }
    return this.#forms.get(iso2);
  }

  #validatorFor({ constraints, geographicalConstraints }) {
    const core = this.#core;
    const geo = geographicalConstraints ?? undefined;
    // Compiled once per country; the geo-area lists are stored in it as they load, so
    // validateMany checks a whole chunk of the country's rows in one call.
    const compiled = core.compileConstraints(constraints, geo);
    return {
      validateMany: (addresses) => compiled.validateMany(addresses),
      // A row's canonical values without parsing the country's schema again (as the address form's blur).
      normalize: (address) => compiled.normalize(address),
      setGeoAreas: (level, parents, values) => compiled.setGeoAreas(level, parents, values),
      dispose: () => compiled.dispose(),
    };
  }

  /**
   * A field of a country's address form (label, min and max length), once the country is loaded, with
   * its raw `constraint` and the `apiLanguage` of the API's texts (null: English) to name it in the UI's.
   */
  fieldOf(iso2, name) {
    const data = this.#ready.get(iso2);
    const field = data && !data.error ? data.form.fields.find((f) => f.name === name) : null;
    if (!field) return null;
    const constraints = data.constraints && typeof data.constraints === 'object' ? data.constraints : {};
    return { ...field, constraint: constraints[name] ?? null, apiLanguage: typeof data.language === 'string' ? data.language : null };
  }

  /** The geo-area fields of a country's form, by level: [{ level, name }]. */
  #geoFields(iso2) {
    const data = this.#ready.get(iso2);
    if (!data || data.error) return [];
    return data.form.fields.filter((f) => Number.isInteger(f.geoLevel))
      .map((f) => ({ level: f.geoLevel, name: f.name })).sort((a, b) => a.level - b.level);
  }

  async #loadGeoAreas(rows, signal) {
    // Level by level: a list is needed once per distinct path of parent values.
    for (let level = 1; level <= 4; level += 1) {
      const needed = new Map();
      for (const row of rows) {
        const path = this.#geoPath(row, level);
        if (path) needed.set(`${row.site.country}|${path.join('|')}`, [row.site.country, path]);
      }
      const loads = [...needed].filter(([key]) => !this.#geo.has(key)).map(async ([key, [iso2, parents]]) => {
        try {
          const list = await this.#client.geoAreas(iso2, parents, { signal });
          this.#geo.set(key, list);
          this.#ready.get(iso2)?.validator?.setGeoAreas(parents.length + 1, parents, list);
        } catch (error) {
          this.#geo.set(key, { error });
        }
      });
      if (loads.length === 0 && level > 1) break;
      await Promise.all(loads);
    }
  }

  /** The parent values a row needs the level's list for, or null when it needs none. */
  #geoPath(row, level) {
    const fields = this.#geoFields(row.site.country);
    const field = fields.find((f) => f.level === level);
    if (!field) return null;
    const parents = [];
    for (let l = 1; l < level; l += 1) {
      const parentField = fields.find((f) => f.level === l);
      const value = parentField ? row.address[parentField.name] : undefined;
      if (!value) return null;
      const list = this.#geo.get(`${row.site.country}|${parents.join('|')}`);
      if (!Array.isArray(list) || !list.some((o) => o.value === value)) return null; // left the tree
      parents.push(value);
    }
    return parents;
  }

  /** The geoAreas option for a row: the lists along its own path. */
  #geoAreasFor(row) {
    const areas = {};
    const keys = [];
    const fields = this.#geoFields(row.site.country);
    for (const { level } of fields) {
      const path = this.#geoPath(row, level);
      if (!path) break;
      const key = `${row.site.country}|${path.join('|')}`;
      const list = this.#geo.get(key);
      if (!Array.isArray(list)) return { error: list?.error };
      areas[`area${level}`] = list;
      keys.push(key);
    }
    // One object per distinct path, so what is derived from it (options text) is made once.
    const cacheKey = `${row.site.country}#${keys.join('#')}`;
    if (!this.#areasCache.has(cacheKey)) this.#areasCache.set(cacheKey, areas);
    return { areas: this.#areasCache.get(cacheKey) };
  }

  /**
   * Validates one row (after prepare). Sets and returns row.check:
   * { status, problems: [{ field, code, message }], order, address }.
   */
  validate(row, context) {
    return this.#validateBatch([row], context)[0];
  }

  /**
   * Validates rows together: the site part row by row, then the addresses of each country in
   * one call to the compiled validator (validateMany).
   */
  #validateBatch(rows, { customerCode, importId }) {
    const byCountry = new Map(); // iso2 -> [{ check, areas }]
    const checks = rows.map((row) => {
      const check = this.#checkSite(row, customerCode, importId);
      if (check.addressStep) {
        const prepared = this.#prepareAddress(row, check);
        if (prepared.problem) check.problems.push(prepared.problem);
        else {
          if (!byCountry.has(check.order.country)) byCountry.set(check.order.country, []);
          byCountry.get(check.order.country).push({ check, areas: prepared.areas });
        }
      }
      return check;
    });
    for (const [iso2, items] of byCountry) {
      const data = this.#ready.get(iso2);
      let results;
      try {
        results = data.validator.validateMany(items.map((i) => i.check.address), items.map((i) => i.areas));
      } catch (error) {
        results = items.map(() => ({ problems: [problem('address', 'constraintError', error.message)] }));
      }
      items.forEach(({ check }, k) => check.problems.push(...this.#dialZoneChecked(data, iso2, check.address, results[k].problems)));
    }
    rows.forEach((row, k) => {
      const { addressStep, ...check } = checks[k];
      if (check.status === STATUS.READY && check.problems.length) check.status = STATUS.PROBLEMS;
      row.check = check;
    });
    return rows.map((row) => row.check);
  }

  /** The site fields (core.validateOrder), the VPN, the customer and the coverage of a row. */
  #checkSite(row, customerCode, importId) {
    const problems = [];
    const { site } = row;
    const iso2 = site.country ?? '';
    const vpn = resolveVpn(site, row.vpnRef, this.#vpns);
    if (vpn.problem) {
      const given = row.vpnRef?.value ?? site.vpnId;
      problems.push(problem('vpnId', 'notAllowed',
        vpn.problem === 'ambiguousVpn' ? `More than one VPN is called "${given}"` : `No VPN of this customer is called "${given}"`));
    }
    const order = {
      technicalSiteName: site.technicalSiteName ?? '',
      customerSiteLabel: site.customerSiteLabel ?? '',
      country: iso2,
      vpnId: vpn.vpnId ?? '',
    };
    order.customerOrderReference = referenceFor({ ...order, customerOrderReference: site.customerOrderReference }, importId);
    for (const p of this.#core.validateOrder(order).problems) {
      if (!(p.field === 'vpnId' && vpn.problem)) problems.push(p);
    }
    if (!customerCode) problems.push(problem('customer', 'valueMissing', 'Choose the customer to order for'));
    let status = STATUS.READY;
    let addressStep = false;
    const country = this.#countries.get(iso2);
    if (iso2 && /^[A-Z]{2}$/.test(iso2) && !country) {
      problems.push(problem('country', 'notAllowed', `"${iso2}" is not a country Business Talk knows`));
    } else if (country && !country.covered) {
      status = STATUS.NOT_COVERED;
      problems.push(problem('country', 'notAllowed', `${country.name ?? iso2} is not covered by Business Talk Online`));
    } else if (country) {
      addressStep = true;
    }
    return { status, problems, order, address: { ...row.address }, addressStep };
  }

  /** Readies a row's address for validation (dial zone by value, canonical values): { areas } or { problem }. */
  #prepareAddress(row, check) {
    const iso2 = check.order.country;
    const { address } = check;
    const data = this.#ready.get(iso2);
    if (!data) return { problem: problem('country', 'constraintError', `The address rules of ${iso2} are not loaded`) };
    if (data.error) {
      return { problem: problem('country', 'constraintError', `The address rules of ${iso2} could not be loaded: ${data.error.message ?? data.error}`) };
    }
    const geo = this.#geoAreasFor(row);
    if (geo.error) return { problem: problem('country', 'constraintError', `The areas of ${iso2} could not be loaded: ${geo.error.message ?? geo.error}`) };
    // A dial zone typed as shown ("202 Washington, DC") is stored as its value ("202").
    if (address.dialZone && data.dialZones.length) {
      const zone = data.dialZones.find((z) => z.value === address.dialZone)
        ?? data.dialZones.find((z) => String(z.display ?? '').toLowerCase() === address.dialZone.toLowerCase());
      if (zone) address.dialZone = zone.value;
    }
    // Canonical values first (trimmed, upper-cased codes, enumeration spelling), as the address form stores them.
    const normalize = typeof data.validator?.normalize === 'function' ? (a) => data.validator.normalize(a)
      : typeof this.#core.normalizeAddress === 'function' ? (a) => this.#core.normalizeAddress(data.constraintsText, a) : null;
    if (normalize) {
      try {
        const normal = normalize(address);
        for (const [name, value] of Object.entries(normal.address ?? {})) if (typeof value === 'string') address[name] = value;
        check.changes = normal.changes ?? [];
      } catch {
        check.changes = []; // validation reports what is wrong
      }
    }
    return { areas: geo.areas };
  }

  /** The core's problems, plus a dial zone that is not in the country's list. */
  #dialZoneChecked(data, iso2, address, coreProblems) {
    const problems = [...coreProblems];
    if (address.dialZone && data.dialZones.length && !data.dialZones.some((z) => z.value === address.dialZone)
      && !problems.some((p) => p.field === 'dialZone')) {
      problems.push(problem('dialZone', 'notAllowed', `Dial zone "${address.dialZone}" is not one of the dial zones of ${iso2}`));
    }
    return problems;
  }

  /**
   * Validates every row in chunks (the page stays responsive between chunks), then flags
   * rows of the file that would order the same site twice. onProgress(done, total).
   */
  async validateRows(rows, { customerCode, importId, chunkSize = 100, onProgress, signal } = {}) {
    for (let start = 0; start < rows.length; start += chunkSize) {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      this.#validateBatch(rows.slice(start, start + chunkSize), { customerCode, importId });
      onProgress?.(Math.min(rows.length, start + chunkSize), rows.length);
      if (start + chunkSize < rows.length) await nextTask();
    }
    flagDuplicates(rows);
    return rows;
  }

  /** Frees compiled validators. */
  dispose() {
    for (const data of this.#ready.values()) data.validator?.dispose?.();
  }
}

/** Two rows with one technical site name (or one reference) cannot both be ordered. */
export function flagDuplicates(rows) {
  for (const [key, field, what] of [['technicalSiteName', 'technicalSiteName', 'technical site name'],
    ['customerOrderReference', 'customerOrderReference', 'order reference']]) {
    const seen = new Map();
    for (const row of rows) {
      const value = key === 'technicalSiteName' ? row.check?.order.technicalSiteName.toLowerCase() : row.check?.order.customerOrderReference;
      if (!value) continue;
      if (!seen.has(value)) seen.set(value, []);
      seen.get(value).push(row);
    }
    for (const group of seen.values()) {
      if (group.length < 2) continue;
      for (const row of group.slice(1)) {
        if (row.check.duplicateOf) continue; // one message per duplicated row
        row.check.duplicateOf = group[0].number;
        row.check.problems.push(problem(field, 'notAllowed', `The ${what} is already used by row ${group[0].number}`));
        if (row.check.status === STATUS.READY) row.check.status = STATUS.PROBLEMS;
      }
    }
  }
}
