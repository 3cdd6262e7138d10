// One country of the check: /countries/{iso2}, its address constraints, its geographical
// constraints and its first-level geographic areas, read the way the address form reads them.
// Country configuration is public, so the report names the country and quotes the core's texts.
import { readCollection } from './paging.js';
import { ADDRESS_ELEMENTS, KNOWN_FIELDS, fieldStats, safeKey, unknownFields } from './shapes.js';
import { coreRead, collectionEntry, finding, jsonDocument } from './analyze.js';

/** The guide's "Country configuration status" table: dial zone selection and geographical constraint. */
export const SEED_TABLE = Object.fromEntries(Object.entries({
  AT: 'M-', AU: 'M-', BE: 'MG', BL: 'A-', CH: 'MG', CZ: 'M-', DE: 'A-', DK: 'M-', ES: 'MG', FI: 'MG',
  FR: 'A-', GB: 'M-', GF: 'A-', GP: 'A-', HK: 'A-', IE: 'M-', IT: 'M-', LU: 'M-', MF: 'A-', MQ: 'A-',
  NL: 'AG', NO: 'M-', NZ: 'M-', PL: 'M-', PT: 'A-', RE: 'A-', SE: 'MG', SJ: 'M-', YT: 'A-', US: 'M-',
}).map(([iso2, code]) => [iso2, { dialZone: code[0] === 'A' ? 'automatic' : 'manual', geo: code[1] === 'G' }]));

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Element names and element properties of an address constraints document the product does not know. */
function unknownConstraintParts(document) {
  const map = isObject(document) && isObject(document.addressConstraints) ? document.addressConstraints : document;
  const elements = new Set(ADDRESS_ELEMENTS.map((e) => e.toLowerCase()));
  const properties = new Set(KNOWN_FIELDS.addressElement.map((p) => p.toLowerCase()));
  const entries = Array.isArray(map) ? map.map((item) => [item?.name ?? item?.element, item])
    : isObject(map) ? Object.entries(map) : [];
  const unknownElements = [];
  const unknownProperties = new Set();
  for (const [name, spec] of entries) {
    if (typeof name === 'string' && !elements.has(name.toLowerCase())) unknownElements.push(safeKey(name));
    if (isObject(spec)) for (const key of Object.keys(spec)) if (!properties.has(key.toLowerCase())) unknownProperties.add(safeKey(key));
  }
  return { unknownElements, unknownProperties: [...unknownProperties] };
}

/** The element constrained by area1, or null (absent or "notUsed"). */
function area1Element(geo) {
  const root = isObject(geo) && isObject(geo.geographicalConstraints) ? geo.geographicalConstraints : geo;
  const rules = isObject(root) ? root.emergencyAreaRules : null;
  const element = isObject(rules) ? rules.area1_pidflo : null;
  return typeof element === 'string' && element.trim() !== '' && element.toLowerCase() !== 'notused' ? element : null;
}

/**
 * Checks one country.
 * @param {string} iso2
 * @param {object} ctx { get, core, mode, origin, paging: {pageSize, maxPages, maxItems}, scrubText }
 * @returns {Promise<{ entry: object, findings: object[] }>}
 */
export async function checkCountry(iso2, ctx) {
  const { get, core } = ctx;
  const findings = [];
  const endpoint = (suffix) => ({ template: `/countries/${iso2}${suffix}`, path: `/countries/${iso2}${suffix}` });
  const entry = { iso2, seedTable: SEED_TABLE[iso2] ?? null };

  const countryEp = endpoint('');
  const countryAnswer = await get(countryEp);
  entry.country = { status: countryAnswer.status ?? countryAnswer.error };
  if (!countryAnswer.error && countryAnswer.status === 404) {
    findings.push(finding('notice', 'countryNotFound', countryEp.template,
      'The API does not describe this country (404); the product offers it as not available.'));
    return { entry, findings };
  }
  const country = jsonDocument(countryEp, countryAnswer);
  findings.push(...country.findings);
  if (country.value !== null) {
    const parsed = coreRead(() => core.parseResponse('country', countryAnswer.text));
    entry.country.core = parsed.ok ? { read: true, covered: parsed.value.covered } : { read: false, error: parsed.error };
    if (!parsed.ok) findings.push(finding('error', 'refusedDocument', countryEp.template, `The core refuses the country: ${parsed.error.code}: ${parsed.error.message}`));
    entry.country.unknownFields = unknownFields(fieldStats([country.value]), KNOWN_FIELDS.country);
    if (entry.country.unknownFields.length) {
      findings.push(finding('notice', 'unknownFields', countryEp.template, `Fields the product does not read: ${entry.country.unknownFields.join(', ')}.`));
    }
  }

  const constraintsEp = endpoint('/addressconstraints');
  const geoEp = endpoint('/geographicalconstraints');
  const [constraintsAnswer, geoAnswer] = [await get(constraintsEp), await get(geoEp)];
  const constraints = jsonDocument(constraintsEp, constraintsAnswer);
  const geo = jsonDocument(geoEp, geoAnswer, { notFoundIsAbsent: true });
  findings.push(...constraints.findings, ...geo.findings);
  entry.geographicalConstraints = { status: geoAnswer.status ?? geoAnswer.error, absent: Boolean(geo.absent) };
  if (geo.value !== null) {
    entry.geographicalConstraints.unknownFields = unknownFields(fieldStats([geo.value]), KNOWN_FIELDS.geographicalConstraints);
    if (entry.geographicalConstraints.unknownFields.length) {
      findings.push(finding('notice', 'unknownFields', geoEp.template,
        `Fields the product does not read: ${entry.geographicalConstraints.unknownFields.join(', ')}.`));
    }
  }
  entry.addressConstraints = { status: constraintsAnswer.status ?? constraintsAnswer.error };
  let compiled = null;
  if (constraints.value !== null) {
    const form = coreRead(() => core.addressForm(constraintsAnswer.text, geo.value === null ? null : geoAnswer.text));
    if (!form.ok) {
      entry.addressConstraints.core = { read: false, error: form.error };
      findings.push(finding('error', 'refusedDocument', constraintsEp.template,
        `The core refuses the constraints: ${form.error.code}: ${ctx.scrubText(form.error.message)}`));
    } else {
      const { fields, constraintErrors, dialZone } = form.value;
      entry.addressConstraints.core = { read: true, fields: fields.length, dialZone: dialZone ?? null,
        constraintErrors: constraintErrors.map((p) => ({ field: p.field, code: p.code, message: ctx.scrubText(p.message).slice(0, 300) })) };
      for (const p of entry.addressConstraints.core.constraintErrors) {
        findings.push(finding('error', 'constraintError', constraintsEp.template, `${p.field || '(document)'}: ${p.message}`));
      }
      const table = SEED_TABLE[iso2];
      if (table && dialZone && dialZone !== table.dialZone) {
        findings.push(finding('notice', 'dialZoneDiffers', geoEp.template, `Dial zone selection is ${dialZone}; the guide's table says ${table.dialZone}.`));
      }
      compiled = coreRead(() => core.compileConstraints(constraintsAnswer.text, geo.value === null ? null : geoAnswer.text));
    }
    Object.assign(entry.addressConstraints, unknownConstraintParts(constraints.value));
    if (entry.addressConstraints.unknownElements.length) {
      findings.push(finding('notice', 'unknownElements', constraintsEp.template,
        `Elements outside the guide's address schema (shown as free text): ${entry.addressConstraints.unknownElements.join(', ')}.`));
    }
    if (entry.addressConstraints.unknownProperties.length) {
      findings.push(finding('notice', 'unknownFields', constraintsEp.template,
        `Element properties the product does not read: ${entry.addressConstraints.unknownProperties.join(', ')}.`));
    }
  }

  // First-level areas: where the geographical constraints use area1, or the guide's table says so.
  const used = area1Element(geo.value);
  if (used || SEED_TABLE[iso2]?.geo) {
    const areasEp = endpoint('/geoareas/area1');
    const result = await readCollection(get, areasEp, { ...ctx.paging, idKeys: ['value', 'code', 'id', 'name'] });
    const { entry: areas, findings: areaFindings } = collectionEntry(result, {
      kind: 'geoAreas', endpoint: areasEp, required: Boolean(used), mode: ctx.mode, origin: ctx.origin, core, scrubText: ctx.scrubText,
    });
    delete areas.fields; // public values, but their statistics add nothing here
    entry.geoAreas = areas;
    findings.push(...areaFindings);
    if (compiled?.ok && areas.readable) {
      const values = coreRead(() => core.parseResponse('geoAreas', JSON.stringify(result.items)));
      const stored = values.ok && coreRead(() => compiled.value.setGeoAreas(1, [], values.value));
      if (!values.ok || !stored.ok) {
        findings.push(finding('error', 'geoAreasUnusable', areasEp.template, 'The core cannot use the area list with the constraints.'));
      }
    }
  }
  if (compiled?.ok) compiled.value.dispose();
  return { entry, findings };
}
