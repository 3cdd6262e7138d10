// "Other countries" of the seed's table: address schema only (no geographical
// constraint, no address API), with one generic element set. Some are covered,
// most are not (businessTalkOnline "No": ordering a voicesite there must fail).
import { coverage, notCovered, constraints, str, enumAssoc, geo, coded } from './helpers.mjs';

function genericConstraints({ pc, region }) {
  return constraints([
    ['hno', str('Street number', 'Street or building number, if any.', { optional: true, max: 10 })],
    ['a6', str('Street', 'Street name with its type.', { max: 100 })],
    ['unit', str('Unit', 'Suite, floor, unit or room.', { optional: true, max: 30 })],
    ['a3', str('City', 'City where your site is located.', { max: 100 })],
    ['a1', region ?? str('State / province', 'State, province or region where your site is located.', { optional: true, max: 100 })],
    ['pc', pc],
  ]);
}

const NOT_COVERED = 'Business Talk Online is not available in this country. Contact your Orange representative for a tailored offer.';

const ca = {
  iso2: 'CA', name: 'Canada', countryCode: '1',
  coverage: coverage({ comment: '(1) 9-1-1 calls are routed using the registered address.', didNumberZone: 'Zone1', enquiryDB: 'No' }),
  addressConstraints: genericConstraints({
    pc: str('Postal code', 'Postal code in the form A1A 1A1, e.g. K1A 0B1.', { min: 6, max: 7, re: '^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]$', url: 'https://www.canadapost-postescanada.ca/cpc/en/tools/find-a-postal-code' }),
    region: enumAssoc('Province / territory', 'Province or territory where your site is located.', [
      ['AB', 'Alberta'], ['BC', 'British Columbia'], ['MB', 'Manitoba'], ['NB', 'New Brunswick'],
      ['NL', 'Newfoundland and Labrador'], ['NS', 'Nova Scotia'], ['NT', 'Northwest Territories'], ['NU', 'Nunavut'],
      ['ON', 'Ontario'], ['PE', 'Prince Edward Island'], ['QC', 'Quebec'], ['SK', 'Saskatchewan'], ['YT', 'Yukon'],
    ], { min: 2, max: 2 }),
  }),
  geographicalConstraints: geo('manual'),
  addressApi: 'none',
  sampleAddress: { hno: '100', a6: 'Queen Street West', a3: 'Toronto', a1: 'ON', pc: 'M5H 2N2' },
  dialZones: coded([
    '416 Toronto', '905 Greater Toronto Area', '514 Montréal', '438 Montréal', '418 Québec City',
    '819 Gatineau and Sherbrooke', '613 Ottawa', '604 Vancouver', '250 British Columbia (outside Vancouver)',
    '403 Calgary', '780 Edmonton', '204 Manitoba', '306 Saskatchewan', '902 Nova Scotia and Prince Edward Island',
    '506 New Brunswick', '709 Newfoundland and Labrador', '867 Yukon, Northwest Territories and Nunavut',
  ]),
};

const sg = {
  iso2: 'SG', name: 'Singapore', countryCode: '65',
  coverage: coverage({ comment: '(1) Singapore has no area codes: the dial zone is set automatically.', didNumberZone: 'Zone2', faxAnalogCall: 'No' }),
  addressConstraints: genericConstraints({
    pc: str('Postal code', 'Six-digit postal code, e.g. 018956.', { min: 6, max: 6, re: '^[0-9]{6}$', url: 'https://www.singpost.com/find-postal-code' }),
  }),
  geographicalConstraints: geo('automatic'),
  addressApi: 'none',
  sampleAddress: { hno: '10', a6: 'Bayfront Avenue', a3: 'Singapore', pc: '018956' },
};

const uncovered = (iso2, name, countryCode, pc) => ({
  iso2, name, countryCode,
  coverage: notCovered(NOT_COVERED),
  addressConstraints: genericConstraints({ pc }),
  geographicalConstraints: geo('automatic'),
  addressApi: 'none',
});

export default [
  ca,
  sg,
  uncovered('JP', 'Japan', '81', str('Postal code', 'Seven-digit postal code, e.g. 100-0005.', { min: 7, max: 8, re: '^[0-9]{3}-?[0-9]{4}$' })),
  uncovered('BR', 'Brazil', '55', str('CEP', 'Eight-digit postal code (CEP), e.g. 01310-100.', { min: 8, max: 9, re: '^[0-9]{5}-?[0-9]{3}$' })),
  uncovered('ZA', 'South Africa', '27', str('Postal code', 'Four-digit postal code, e.g. 8001.', { min: 4, max: 4, re: '^[0-9]{4}$' })),
  uncovered('IN', 'India', '91', str('PIN code', 'Six-digit postal index number, e.g. 110001.', { min: 6, max: 6, re: '^[1-9][0-9]{5}$' })),
];
