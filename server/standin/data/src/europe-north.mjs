// Denmark, Norway, Svalbard and Jan Mayen: closed numbering plans (no area
// codes), so manual dial zones are free text and no dialZones are listed.
import { country, str, enumOf, enumAssoc, street, houseNumber, postalCode, city, candidates } from './helpers.mjs';

const NORDIC_LETTERS = "^[A-Za-zÀ-ÿ'’ .-]+$";

const dk = country('DK', 'Denmark', '45', {
  fields: [
    street('Street name (vejnavn), e.g. Vesterbrogade.', 40),
    houseNumber('House number with optional capital letter, e.g. 3 or 14B.', 4, '^[0-9]{1,3}[A-Z]?$'),
    ['flr', str('Floor', 'Floor (etage): st for ground floor, kl for basement, or a number.', { optional: true, max: 2, re: '^(?:st|kl|[0-9]{1,2})$' })],
    ['unit', enumAssoc('Door', 'Side or door on the floor (side/dør).', [['th', 'th. (right)'], ['tv', 'tv. (left)'], ['mf', 'mf. (middle)']], { optional: true, max: 2 })],
    postalCode('Four-digit postal code (postnummer), e.g. 1630.', 4, '^[0-9]{4}$', 'https://www.postnord.dk/kundeservice/find-postnummer'),
    city('Postal district (postdistrikt), e.g. København V.', 30, NORDIC_LETTERS, 'Postal district'),
  ],
  addressApi: 'search',
  sampleAddress: { a6: 'Christiansborg Slotsplads', hno: '1', pc: '1218', a3: 'København K' },
  addresses: candidates('DK', [
    ['Vesterbrogade 3, 1630 København V', { a6: 'Vesterbrogade', hno: '3', pc: '1630', a3: 'København V' }],
    ['Rådhuspladsen 1, 1550 København V', { a6: 'Rådhuspladsen', hno: '1', pc: '1550', a3: 'København V' }],
    ['Amalienborg Slotsplads 5, 1257 København K', { a6: 'Amalienborg Slotsplads', hno: '5', pc: '1257', a3: 'København K' }],
    ['Vestergade 10, 2. th., 1456 København K', { a6: 'Vestergade', hno: '10', flr: '2', unit: 'th', pc: '1456', a3: 'København K' }],
    ['Rådhuspladsen 2, 8000 Aarhus C', { a6: 'Rådhuspladsen', hno: '2', pc: '8000', a3: 'Aarhus C' }],
    ['Flakhaven 2, 5000 Odense C', { a6: 'Flakhaven', hno: '2', pc: '5000', a3: 'Odense C' }],
    ['Gammel Torv 2, 9000 Aalborg', { a6: 'Gammel Torv', hno: '2', pc: '9000', a3: 'Aalborg' }],
    ['Lindholm Brygge 31, st., 9400 Nørresundby', { a6: 'Lindholm Brygge', hno: '31', flr: 'st', pc: '9400', a3: 'Nørresundby' }],
    ['Torvegade 74, 6700 Esbjerg', { a6: 'Torvegade', hno: '74', pc: '6700', a3: 'Esbjerg' }],
  ]),
});

const NO_COUNTIES = ['Oslo', 'Akershus', 'Østfold', 'Buskerud', 'Innlandet', 'Vestfold', 'Telemark', 'Agder',
  'Rogaland', 'Vestland', 'Møre og Romsdal', 'Trøndelag', 'Nordland', 'Troms', 'Finnmark'];

const no = country('NO', 'Norway', '47', {
  fields: [
    street('Street name (gatenavn), e.g. Karl Johans gate.', 50),
    houseNumber('House number with optional letter, e.g. 1 or 19B.', 5, '^[0-9]{1,4}[A-Z]?$'),
    ['unit', str('Dwelling number', 'Dwelling number (bruksenhetsnummer) for flats: H, K, L or U followed by four digits, e.g. H0201.', { optional: true, min: 5, max: 5, re: '^[HKLU][0-9]{4}$', url: 'https://www.kartverket.no/eiendom/adressering/bruksenhetsnummer' })],
    postalCode('Four-digit postal code (postnummer), e.g. 0154.', 4, '^[0-9]{4}$', 'https://www.bring.no/tjenester/adressetjenester/postnummer'),
    city('Postal town (poststed), e.g. Oslo.', 40, NORDIC_LETTERS, 'Postal town'),
    ['a1', enumOf('County', 'County (fylke) of the site.', NO_COUNTIES, { optional: true, max: 20 })],
  ],
  addressApi: 'search',
  sampleAddress: { a6: 'Karl Johans gate', hno: '22', pc: '0026', a3: 'Oslo', a1: 'Oslo' },
  addresses: candidates('NO', [
    ['Karl Johans gate 1, 0154 Oslo', { a6: 'Karl Johans gate', hno: '1', pc: '0154', a3: 'Oslo', a1: 'Oslo' }],
    ['Rådhusplassen 1, 0037 Oslo', { a6: 'Rådhusplassen', hno: '1', pc: '0037', a3: 'Oslo', a1: 'Oslo' }],
    ['Kirsten Flagstads plass 1, 0150 Oslo', { a6: 'Kirsten Flagstads plass', hno: '1', pc: '0150', a3: 'Oslo', a1: 'Oslo' }],
    ['Rådhusgaten 10, 5014 Bergen', { a6: 'Rådhusgaten', hno: '10', pc: '5014', a3: 'Bergen', a1: 'Vestland' }],
    ['Munkegata 1, 7013 Trondheim', { a6: 'Munkegata', hno: '1', pc: '7013', a3: 'Trondheim', a1: 'Trøndelag' }],
    ['Olav Kyrres gate 19, 4005 Stavanger', { a6: 'Olav Kyrres gate', hno: '19', pc: '4005', a3: 'Stavanger', a1: 'Rogaland' }],
    ['Storgata 40, 9008 Tromsø', { a6: 'Storgata', hno: '40', pc: '9008', a3: 'Tromsø', a1: 'Troms' }],
    ['Snarøyveien 30, H0301, 1360 Fornebu', { a6: 'Snarøyveien', hno: '30', unit: 'H0301', pc: '1360', a3: 'Fornebu', a1: 'Akershus' }],
  ]),
});

const sj = country('SJ', 'Svalbard and Jan Mayen Islands', '47', {
  comment: '(1) Voice only; emergency calls are routed to the Governor of Svalbard (Sysselmesteren).',
  cov: { didNumberZone: 'Zone3', enquiryDB: 'No', nonGeographicDest: 'No', faxAnalogCall: 'No' },
  fields: [
    ['bld', str('Building', 'Building name or number (many buildings in Longyearbyen are numbered, e.g. "Vei 231-1").', { max: 40 })],
    ['a6', str('Road', 'Road or place name, if any.', { optional: true, max: 40 })],
    ['pc', enumAssoc('Postal code', 'Postal code of the settlement.', [
      ['9170', '9170 Longyearbyen'], ['9171', '9171 Longyearbyen (PO boxes)'], ['9173', '9173 Ny-Ålesund'],
      ['9178', '9178 Barentsburg'], ['8099', '8099 Jan Mayen'],
    ], { min: 4, max: 4 })],
    ['a3', enumOf('Settlement', 'Settlement where the site is located.', ['Longyearbyen', 'Ny-Ålesund', 'Barentsburg', 'Sveagruva', 'Jan Mayen'], { max: 20 })],
    ['a1', enumOf('Territory', 'Svalbard or Jan Mayen.', ['Svalbard', 'Jan Mayen'], { max: 10 })],
  ],
  sampleAddress: { bld: 'Svalbard Forskningspark', pc: '9170', a3: 'Longyearbyen', a1: 'Svalbard' },
});

export default [dk, no, sj];
