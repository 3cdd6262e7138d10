// A front-end team's use of the public API, compiled with `tsc --noEmit --strict`
// by tests/node/typings.test.js: the hand-written .d.ts files must describe it.
import { loadCore, BtalkClient, BtalkApiError, BtalkCoreError, DEFAULT_BASE_URL } from 'btalk-forms';
import type { AddressForm, FormField, Problem, ValidationResult, CountryFormData, Me, CompiledConstraints } from 'btalk-forms';
import type { Page, Voicesite } from 'btalk-forms';
import type { NormalizedAddress, NormalizationChange, FormatExample, OrderRequestBody } from 'btalk-forms';
import { defineElements, BtalkAddressForm, BtalkVoicesiteOrder } from 'btalk-forms/elements';
import { loadAddressCore, BtalkAddressClient } from 'btalk-forms';
import { loadAddressCore as loadAddressCoreAlone } from 'btalk-forms/address-core';
import { BtalkAddressClient as AddressClientAlone } from 'btalk-forms/address-client';

// The address form's smaller core and client (issue 7).
async function addressOnly(): Promise<void> {
  const core = await loadAddressCore({ wasmUrl: '/assets/btalk-address-core.wasm' });
  const variant: 'full' | 'address' = core.variant;
  const same: typeof loadAddressCore = loadAddressCoreAlone;
  const client: BtalkAddressClient = new AddressClientAlone({ baseUrl: '/proxy/btalk/v1' });
  const data: CountryFormData = await client.countryForm('FR');
  const full: BtalkAddressClient = new BtalkClient();
  console.info(variant, same, data.form.fields.length, full.baseUrl);
}
void addressOnly;

async function main(): Promise<void> {
  const core = await loadCore();
  const version: string = core.version;
  const form: AddressForm = core.addressForm({ pc: { usage: 'mandatory' } }, null);
  const firstField: FormField | undefined = form.fields[0];
  const control: 'text' | 'numeric' | 'select' | undefined = firstField?.control;
  const result: ValidationResult = core.validateAddress('{}', { pc: '75015' }, { geoAreas: { area1: ['Vaud'] } });
  const problems: Problem[] = result.problems;
  const compiled: CompiledConstraints = core.compileConstraints({ a1: { usage: 'mandatory' } }, '{}');
  compiled.setGeoAreas(1, [], ['VD', { value: 'ZH', display: 'Zürich' }]);
  compiled.setGeoAreas(2, ['VD'], ['Lausanne']);
  const one: ValidationResult = compiled.validate({ a1: 'VD' });
  const many: ValidationResult[] = compiled.validateMany([{ a1: 'VD' }, '{"a1": "ZH"}'], { geoAreas: { area1: ['VD'] } });
  const names: string[] = compiled.fields;
  const compiledForm: AddressForm = compiled.form();
  compiled.dispose();
  const gone: boolean = compiled.disposed;
  console.info(one.valid, many.length, names, compiledForm.fields.length, gone);
  const body = core.buildOrderRequest({
    customerOrderReference: 'ref', technicalSiteName: 'SITE', customerSiteLabel: 'Site', country: 'FR', vpnId: 'v',
  });
  const country: string = body.parameters.country;
  const checked = core.orderRequest({
    customerOrderReference: 'ref', technicalSiteName: 'SITE', customerSiteLabel: 'Site', country: 'FR', vpnId: 'v',
  });
  const prepared: Readonly<OrderRequestBody> | undefined = checked.valid ? checked.body : undefined;
  const blurred: NormalizedAddress = compiled.normalize({ pc: ' sw1a 1aa' });
  console.info(prepared, blurred.changes.length);
  // Normalisation, format hints, PIDF-LO and postal lines.
  const normalized: NormalizedAddress = core.normalizeAddress('{}', { pc: ' sw1a 1aa' });
  const rule: NormalizationChange['rule'] | undefined = normalized.changes[0]?.rule;
  const hint: FormatExample | null = core.formatExample('^[0-9]{4} ?[A-Z]{2}$');
  const shape: string | undefined = hint?.format;
  const civic: string = core.toCivicAddressXml({ a3: 'Paris' }, { country: 'FR', lang: 'fr' });
  const pidf: string = core.toPidfLo({ a3: 'Paris' }, { country: 'FR', entity: 'pres:site@example.com',
    retransmissionAllowed: false, timestamp: '2026-12-01T09:00:00Z' });
  const lines: string[] = core.formatAddress({ a3: 'Paris', pc: '75015' }, { country: 'FR', constraints: '{}' });
  const hinted: string | undefined = problems[0]?.example;
  console.info(rule, shape, civic, pidf, lines, hinted);

  const client = new BtalkClient({
    baseUrl: '/proxy/btalk/v1',
    credentials: async () => ({ accessToken: 't', apiKey: 'k'.repeat(40) }),
    timeoutMs: 10_000,
  });
  const me: Me = await client.me();
  // Every voicesite, or one page of them as the server pages it.
  const allSites: Voicesite[] = await client.voicesites();
  const page: Page<Voicesite> = await client.voicesites({ offset: 40, limit: 40 });
  const total: number | undefined = page.total;
  console.info(allSites.length, page.items.length, total);
  const data: CountryFormData = await client.countryForm('FR');
  const voiceSiteId: string | null = (await client.orderVoicesite('9999', {
    customerOrderReference: 'ref', technicalSiteName: 'SITE', customerSiteLabel: 'Site', country: 'FR', vpnId: 'v',
  })).voiceSiteId;
  if (prepared) await client.orderVoicesite('9999', { customerOrderReference: 'ref', technicalSiteName: 'SITE',
    customerSiteLabel: 'Site', country: 'FR', vpnId: 'v' }, { body: prepared });
  try {
    await client.pushVoiceAddress('9999', 'vs-1', { pc: '75015' });
  } catch (error) {
    if (error instanceof BtalkApiError) {
      const status: number = error.status;
      const code: string = error.code;
      const apiCode: number | string | undefined = error.apiCode;
      const fields: string[] = error.problems.map((problem) => problem.field);
      console.info(status, code, apiCode, fields, error.message);
    } else if (error instanceof BtalkCoreError) {
      console.info(error.code);
    }
  }

  defineElements();
  const element = document.createElement('btalk-address-form');
  const typed: BtalkAddressForm = element;
  typed.value = { pc: '75015' };
  typed.addEventListener('btalk-validity', (event) => {
    const valid: boolean = event.detail.valid;
    console.info(valid);
  });
  const order: BtalkVoicesiteOrder = document.createElement('btalk-voicesite-order');
  order.addEventListener('btalk-error', (event) => console.info(event.detail.message));
  const savedId: string | null = order.voiceSiteId;
  console.info(version, control, problems, country, me, data, voiceSiteId, savedId, DEFAULT_BASE_URL);
}

void main();

// btalk-forms/proxy, as a portal's Node back end mounts it.
import { createBtalkProxy } from 'btalk-forms/proxy';
import type { BtalkProxyHandler, ProxyRequest } from 'btalk-forms/proxy';
const portalProxy: BtalkProxyHandler = createBtalkProxy({
  clientId: 'id', clientSecret: 'secret', apiKey: 'k'.repeat(40),
  authorize: async (req: ProxyRequest) => typeof req.headers.cookie === 'string',
  maxBodyBytes: 65536,
});
void portalProxy;

// btalk-forms/site-import: the bulk site import element.
import { BtalkSiteImport } from 'btalk-forms/site-import';
import type { ImportCounts, BtalkImportRowDetail } from 'btalk-forms/site-import';
const siteImport: BtalkSiteImport = document.createElement('btalk-site-import');
siteImport.addEventListener('btalk-import-done', (event) => {
  const done: number = event.detail.counts.done;
  console.info(done, event.detail.cancelled);
});
siteImport.addEventListener('btalk-import-row', (event) => {
  const detail: BtalkImportRowDetail = event.detail;
  console.info(detail.voiceSiteId, detail.state);
});
void siteImport.order().then((counts: ImportCounts | undefined) => console.info(counts?.total, siteImport.rows.length));
// Its markup attributes for JSX and templates (btalk-forms/jsx).
import type { BtalkSiteImportProps } from 'btalk-forms/jsx';
const importProps: BtalkSiteImportProps = { 'customer-code': '9999', concurrency: 8, 'import-id': 'batch-7', lang: 'de' };
// @ts-expect-error papaparse-src is a URL (text), not a number
const wrongImportProps: BtalkSiteImportProps = { 'papaparse-src': 42 };
void importProps;
// The UI languages as a type; a lang attribute also takes any BCP 47 tag.
import type { UiLanguage } from 'btalk-forms/elements';
const uiLanguage: UiLanguage = 'nl';
const regional: BtalkSiteImportProps = { lang: 'fr-CH' };
void uiLanguage;
void regional;
void wrongImportProps;

// btalk-forms/address-form: a look-up of a street API, added as data.
import { registerLookup } from 'btalk-forms/address-form';
import type { LookupDescriptor } from 'btalk-forms/address-form';
const streets: LookupDescriptor = { id: 'streets', path: 'streets', countries: ['FR'], field: 'a6', minChars: 3, fill: 'merge' };
registerLookup(streets);
// @ts-expect-error a look-up's kind is suggest, options or verify
registerLookup({ id: 'bad', path: 'bad', kind: 'probe' });
