// United States (validation only).
import { country, str, num, enumAssoc, city, candidates, coded } from './helpers.mjs';

export const US_STATES = [
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'], ['CO', 'Colorado'],
  ['CT', 'Connecticut'], ['DE', 'Delaware'], ['DC', 'District of Columbia'], ['FL', 'Florida'], ['GA', 'Georgia'],
  ['HI', 'Hawaii'], ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'], ['KS', 'Kansas'],
  ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'], ['MA', 'Massachusetts'],
  ['MI', 'Michigan'], ['MN', 'Minnesota'], ['MS', 'Mississippi'], ['MO', 'Missouri'], ['MT', 'Montana'],
  ['NE', 'Nebraska'], ['NV', 'Nevada'], ['NH', 'New Hampshire'], ['NJ', 'New Jersey'], ['NM', 'New Mexico'],
  ['NY', 'New York'], ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'],
  ['OR', 'Oregon'], ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'], ['SD', 'South Dakota'],
  ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'], ['VT', 'Vermont'], ['VA', 'Virginia'], ['WA', 'Washington'],
  ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming'],
];

const DIRECTIONS = [['N', 'North'], ['S', 'South'], ['E', 'East'], ['W', 'West'], ['NE', 'Northeast'], ['NW', 'Northwest'], ['SE', 'Southeast'], ['SW', 'Southwest']];

const US_STREET_TYPES = [
  ['ST', 'Street'], ['AVE', 'Avenue'], ['RD', 'Road'], ['BLVD', 'Boulevard'], ['DR', 'Drive'], ['LN', 'Lane'],
  ['CT', 'Court'], ['PL', 'Place'], ['PKWY', 'Parkway'], ['HWY', 'Highway'], ['WAY', 'Way'], ['SQ', 'Square'],
  ['TER', 'Terrace'], ['CIR', 'Circle'], ['PLZ', 'Plaza'], ['ALY', 'Alley'],
];

const us = country('US', 'United States of America', '1', {
  comment: '(1) E911: the address is validated against the MSAG before activation.',
  cov: { enquiryDB: 'No' },
  fields: [
    ['hno', num('House number', 'House number, digits only, e.g. 1600.', { max: 6 })],
    ['prd', enumAssoc('Pre-direction', 'Direction before the street name, e.g. S in "233 S Wacker Dr".', DIRECTIONS, { optional: true, max: 2 })],
    ['a6', str('Street name', 'Street name without type or direction, e.g. "Pennsylvania".', { min: 1, max: 60 })],
    ['sts', enumAssoc('Street suffix', 'Street type as abbreviated by USPS.', US_STREET_TYPES, { optional: true, max: 4 })],
    ['pod', enumAssoc('Post-direction', 'Direction after the street type, e.g. NW in "Pennsylvania Ave NW".', DIRECTIONS, { optional: true, max: 2 })],
    ['unit', str('Suite / apt', 'Secondary unit, e.g. "Suite 200" or "Apt 4B".', { optional: true, max: 20, re: '^(?:APT|BLDG|FL|STE|SUITE|UNIT|RM|Apt|Suite|Unit|Room|#) ?[A-Za-z0-9-]{1,8}$' })],
    city('City as used by USPS, e.g. Washington.', 40, "^[A-Za-z'’ .-]+$"),
    ['a2', str('County', 'County (optional), e.g. King County.', { optional: true, max: 40 })],
    ['a1', enumAssoc('State', 'State, or DC for the District of Columbia.', US_STATES, { min: 2, max: 2 })],
    ['pc', str('ZIP code', 'Five-digit ZIP code, optionally ZIP+4, e.g. 20500 or 20500-0003.', { min: 5, max: 10, re: '^[0-9]{5}(?:-[0-9]{4})?$', url: 'https://tools.usps.com/zip-code-lookup.htm' })],
  ],
  addressApi: 'validation',
  sampleAddress: { hno: '101', a6: 'Independence', sts: 'AVE', pod: 'SE', a3: 'Washington', a1: 'DC', pc: '20540' },
  addresses: candidates('US', [
    ['1600 Pennsylvania Ave NW, Washington, DC 20500', { hno: '1600', a6: 'Pennsylvania', sts: 'AVE', pod: 'NW', a3: 'Washington', a1: 'DC', pc: '20500' }],
    ['350 5th Ave, New York, NY 10118', { hno: '350', a6: '5th', sts: 'AVE', a3: 'New York', a1: 'NY', pc: '10118' }],
    ['233 S Wacker Dr, Chicago, IL 60606', { hno: '233', prd: 'S', a6: 'Wacker', sts: 'DR', a3: 'Chicago', a1: 'IL', pc: '60606' }],
    ['1 Apple Park Way, Cupertino, CA 95014', { hno: '1', a6: 'Apple Park', sts: 'WAY', a3: 'Cupertino', a1: 'CA', pc: '95014' }],
    ['1100 Congress Ave, Austin, TX 78701', { hno: '1100', a6: 'Congress', sts: 'AVE', a3: 'Austin', a1: 'TX', pc: '78701' }],
    ['1 Microsoft Way, Redmond, WA 98052', { hno: '1', a6: 'Microsoft', sts: 'WAY', a3: 'Redmond', a1: 'WA', a2: 'King County', pc: '98052' }],
    ['400 Broad St, Seattle, WA 98109', { hno: '400', a6: 'Broad', sts: 'ST', a3: 'Seattle', a1: 'WA', pc: '98109' }],
    ['1 City Hall Sq, Boston, MA 02201', { hno: '1', a6: 'City Hall', sts: 'SQ', a3: 'Boston', a1: 'MA', pc: '02201' }],
    ['100 Peachtree St NW Suite 200, Atlanta, GA 30303', { hno: '100', a6: 'Peachtree', sts: 'ST', pod: 'NW', unit: 'Suite 200', a3: 'Atlanta', a1: 'GA', pc: '30303' }],
    ['200 N Spring St, Los Angeles, CA 90012-3224', { hno: '200', prd: 'N', a6: 'Spring', sts: 'ST', a3: 'Los Angeles', a1: 'CA', pc: '90012-3224' }],
    ['1 Dr Carlton B Goodlett Pl, San Francisco, CA 94102', { hno: '1', a6: 'Dr Carlton B Goodlett', sts: 'PL', a3: 'San Francisco', a1: 'CA', pc: '94102' }],
  ]),
  dialZones: coded([
    '202 Washington, DC', '212 New York (Manhattan)', '213 Los Angeles', '312 Chicago', '415 San Francisco',
    '617 Boston', '206 Seattle', '512 Austin', '305 Miami', '404 Atlanta', '713 Houston', '214 Dallas',
    '602 Phoenix', '303 Denver', '408 San Jose', '650 Palo Alto and San Mateo', '425 Redmond and Bellevue',
    '215 Philadelphia', '702 Las Vegas', '503 Portland', '669 Cupertino and San Jose',
  ]),
});

export default [us];
