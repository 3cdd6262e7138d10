// Australia, New Zealand, Hong Kong.
import { country, str, enumOf, enumAssoc, city, candidates, coded } from './helpers.mjs';

const LETTERS = "^[A-Za-zÀ-ÿ'’ .-]+$";

const AU_STREET_TYPES = [
  ['ST', 'Street'], ['RD', 'Road'], ['AVE', 'Avenue'], ['PDE', 'Parade'], ['DR', 'Drive'], ['CRES', 'Crescent'],
  ['PL', 'Place'], ['HWY', 'Highway'], ['CL', 'Close'], ['TCE', 'Terrace'], ['LANE', 'Lane'], ['BVD', 'Boulevard'],
  ['CCT', 'Circuit'], ['WAY', 'Way'], ['ESP', 'Esplanade'], ['QUAY', 'Quay'], ['SQ', 'Square'],
];

const auAddress = (label, hno, a6, sts, a3, a1, pc, extra = {}) => [label, { ...extra, hno, a6, sts, a3, a1, pc }];

const au = country('AU', 'Australia', '61', {
  comment: '(1) Emergency calls (000) require an address validated against the G-NAF.',
  cov: { didNumberZone: 'Zone2', enquiryDB: 'No' },
  fields: [
    ['unit', str('Unit / suite', 'Unit, suite or shop number, e.g. 12 or 3A.', { optional: true, max: 8, re: '^[0-9]{1,5}[A-Z]?$' })],
    ['flr', str('Level', 'Level (floor) of the site, e.g. 3, G for ground or B1 for basement.', { optional: true, max: 3, re: '^(?:G|M|LG|UG|B[0-9]|[0-9]{1,3})$' })],
    ['hno', str('Street number', 'Street number or range, e.g. 1, 477 or 10-12.', { max: 11, re: '^[0-9]{1,5}[A-Z]?(?:-[0-9]{1,5}[A-Z]?)?$' })],
    ['a6', str('Street name', 'Street name without its type, e.g. "Collins" for Collins Street.', { min: 2, max: 45 })],
    ['sts', enumAssoc('Street type', 'Street type as recognised by Australia Post.', AU_STREET_TYPES, { optional: true, max: 4 })],
    city('Suburb or locality, e.g. Sydney or Brisbane City.', 45, LETTERS, 'Suburb / locality'),
    ['a1', enumAssoc('State / territory', 'State or territory of the site.', [
      ['ACT', 'Australian Capital Territory'], ['NSW', 'New South Wales'], ['NT', 'Northern Territory'], ['QLD', 'Queensland'],
      ['SA', 'South Australia'], ['TAS', 'Tasmania'], ['VIC', 'Victoria'], ['WA', 'Western Australia'],
    ], { min: 2, max: 3 })],
    ['pc', str('Postcode', 'Four-digit postcode, e.g. 2000 (0800 in Darwin).', { min: 4, max: 4, re: '^[0-9]{4}$', url: 'https://auspost.com.au/postcode' })],
  ],
  addressApi: 'search',
  sampleAddress: { hno: '483', a6: 'George', sts: 'ST', a3: 'Sydney', a1: 'NSW', pc: '2000' },
  addresses: candidates('AU', [
    auAddress('1 Martin Place, Sydney NSW 2000', '1', 'Martin', 'PL', 'Sydney', 'NSW', '2000'),
    auAddress('200 George Street, Sydney NSW 2000', '200', 'George', 'ST', 'Sydney', 'NSW', '2000'),
    auAddress('Level 12, 1 Macquarie Place, Sydney NSW 2000', '1', 'Macquarie', 'PL', 'Sydney', 'NSW', '2000', { flr: '12' }),
    auAddress('35 Collins Street, Melbourne VIC 3000', '35', 'Collins', 'ST', 'Melbourne', 'VIC', '3000'),
    auAddress('Suite 4, 477 Collins Street, Melbourne VIC 3000', '477', 'Collins', 'ST', 'Melbourne', 'VIC', '3000', { unit: '4' }),
    auAddress('120 Edward Street, Brisbane City QLD 4000', '120', 'Edward', 'ST', 'Brisbane City', 'QLD', '4000'),
    auAddress('100 St Georges Terrace, Perth WA 6000', '100', 'St Georges', 'TCE', 'Perth', 'WA', '6000'),
    auAddress('25 Grenfell Street, Adelaide SA 5000', '25', 'Grenfell', 'ST', 'Adelaide', 'SA', '5000'),
    auAddress('1 Constitution Avenue, Canberra ACT 2601', '1', 'Constitution', 'AVE', 'Canberra', 'ACT', '2601'),
    auAddress('39 Murray Street, Hobart TAS 7000', '39', 'Murray', 'ST', 'Hobart', 'TAS', '7000'),
    auAddress('21 Kitchener Drive, Darwin City NT 0800', '21', 'Kitchener', 'DR', 'Darwin City', 'NT', '0800'),
  ]),
  // Australia has four geographic area codes only.
  dialZones: coded([
    '02 New South Wales and ACT (Sydney, Canberra)', '03 Victoria and Tasmania (Melbourne, Hobart)',
    '07 Queensland (Brisbane)',
    '08 South Australia, Western Australia and Northern Territory (Adelaide, Perth, Darwin)',
  ]),
});

const NZ_REGIONS = ['Northland', 'Auckland', 'Waikato', 'Bay of Plenty', 'Gisborne', "Hawke's Bay", 'Taranaki',
  'Manawatū-Whanganui', 'Wellington', 'Tasman', 'Nelson', 'Marlborough', 'West Coast', 'Canterbury', 'Otago', 'Southland'];

const nz = country('NZ', 'New Zealand', '64', {
  comment: '(1) Emergency calls (111) are supported.',
  cov: { didNumberZone: 'Zone2', faxAnalogCall: 'No' },
  fields: [
    ['unit', str('Unit', 'Unit, flat or suite, e.g. Flat 2 or Suite 5.', { optional: true, max: 15 })],
    ['hno', str('Street number', 'Street number with optional letter, e.g. 34 or 34A.', { max: 6, re: '^[0-9]{1,5}[A-Za-z]?$' })],
    ['a6', str('Street name', 'Street name without its type, e.g. "Lambton" for Lambton Quay.', { min: 2, max: 45 })],
    ['sts', enumAssoc('Street type', 'Street type.', [
      ['St', 'Street'], ['Rd', 'Road'], ['Ave', 'Avenue'], ['Tce', 'Terrace'], ['Pl', 'Place'], ['Dr', 'Drive'],
      ['Cres', 'Crescent'], ['Quay', 'Quay'], ['Lane', 'Lane'], ['Way', 'Way'], ['Hwy', 'Highway'],
    ], { optional: true, max: 4 })],
    ['a4', str('Suburb', 'Suburb, e.g. Te Aro.', { optional: true, max: 40 })],
    city('Town or city, e.g. Wellington.', 40, "^[A-Za-zĀ-ūÀ-ÿ'’ .-]+$", 'Town / city'),
    ['a1', enumOf('Region', 'Region of the site.', NZ_REGIONS, { optional: true, max: 20 })],
    ['pc', str('Postcode', 'Four-digit postcode, e.g. 6011.', { min: 4, max: 4, re: '^[0-9]{4}$', url: 'https://www.nzpost.co.nz/tools/address-postcode-finder' })],
  ],
  sampleAddress: { hno: '301', a6: 'Queen', sts: 'St', a4: 'Auckland Central', a3: 'Auckland', a1: 'Auckland', pc: '1010' },
  dialZones: coded([
    '09 Auckland and Northland', '07 Waikato and Bay of Plenty',
    "06 Taranaki, Manawatū-Whanganui, Hawke's Bay, Gisborne and Wairarapa", '04 Wellington',
    '03 South Island and Chatham Islands',
  ]),
});

const HK_DISTRICTS = ['Central and Western', 'Wan Chai', 'Eastern', 'Southern', 'Yau Tsim Mong', 'Sham Shui Po',
  'Kowloon City', 'Wong Tai Sin', 'Kwun Tong', 'Kwai Tsing', 'Tsuen Wan', 'Tuen Mun', 'Yuen Long', 'North',
  'Tai Po', 'Sha Tin', 'Sai Kung', 'Islands'];

const hk = country('HK', 'Hong-Kong', '852', {
  comment: '(1) Hong Kong has no postal codes: the district is used instead.',
  cov: { didNumberZone: 'Zone2', faxAnalogCall: 'No', enquiryDB: 'No' },
  fields: [
    ['unit', str('Flat / room', 'Flat, room or unit, e.g. Flat A or Room 1203.', { optional: true, max: 20 })],
    ['flr', str('Floor', 'Floor: a number, G (ground), LG or UG, e.g. 23.', { optional: true, max: 3, re: '^(?:G|LG|UG|[0-9]{1,3})$' })],
    ['bld', str('Building', 'Building or estate name, e.g. International Commerce Centre.', { optional: true, max: 80 })],
    ['hno', str('Street number', 'Street number or range, e.g. 1 or 1-3.', { max: 9, re: '^[0-9]{1,4}[A-Z]?(?:-[0-9]{1,4}[A-Z]?)?$' })],
    ['a6', str('Street', 'Street name with its type, e.g. "Queen\'s Road Central".', { min: 3, max: 60 })],
    ['a2', enumOf('District', 'District (one of the 18 District Council districts).', HK_DISTRICTS, { max: 20 })],
    ['a1', enumAssoc('Region', 'Region of the site.', [['HK', 'Hong Kong Island'], ['KLN', 'Kowloon'], ['NT', 'New Territories']], { min: 2, max: 3 })],
  ],
  zones: 'automatic',
  sampleAddress: { bld: 'International Commerce Centre', hno: '1', a6: 'Austin Road West', a2: 'Yau Tsim Mong', a1: 'KLN' },
});

export default [au, nz, hk];
