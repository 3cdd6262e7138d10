// Germany, Austria, United Kingdom, Ireland, Italy, Luxembourg.
import { country, str, enumOf, enumAssoc, street, houseNumber, postalCode, city, candidates, coded } from './helpers.mjs';

const LETTERS = "^[A-Za-zÀ-ÿ'’ ./()-]+$";

const DE_STATES = [
  ['BW', 'Baden-Württemberg'], ['BY', 'Bayern'], ['BE', 'Berlin'], ['BB', 'Brandenburg'], ['HB', 'Bremen'],
  ['HH', 'Hamburg'], ['HE', 'Hessen'], ['MV', 'Mecklenburg-Vorpommern'], ['NI', 'Niedersachsen'],
  ['NW', 'Nordrhein-Westfalen'], ['RP', 'Rheinland-Pfalz'], ['SL', 'Saarland'], ['SN', 'Sachsen'],
  ['ST', 'Sachsen-Anhalt'], ['SH', 'Schleswig-Holstein'], ['TH', 'Thüringen'],
];

const de = country('DE', 'Germany', '49', {
  comment: '(1) Fax are supported only with VISIT certified fax designs. (2) ISDN calls are delivered as voice over IP.',
  cov: { voiceISDNCall: 'Yes' },
  fields: [
    street('Street name as written on the building, e.g. "Unter den Linden" or "Marienplatz".', 60),
    houseNumber('House number with an optional letter or range, e.g. 8, 12a or 3-5.', 10, '^[0-9]{1,4}(?: ?[A-Za-z])?(?:-[0-9]{1,4}[A-Za-z]?)?$'),
    ['addrExtInfo1', str('Address addition', 'c/o, building part or floor (Adresszusatz).', { optional: true, max: 40 })],
    postalCode('Five-digit postal code (Postleitzahl), e.g. 10117.', 5, '^(?:0[1-9]|[1-9][0-9])[0-9]{3}$', 'https://www.deutschepost.de/de/s/suche-postleitzahl.html'),
    city('City or municipality, e.g. Frankfurt am Main.', 60, LETTERS),
    ['a1', enumAssoc('Federal state', 'Federal state (Bundesland) where the site is located.', DE_STATES, { optional: true, max: 2 })],
  ],
  zones: 'automatic',
  addressApi: 'validation',
  sampleAddress: { a6: 'Friedrichstraße', hno: '140', pc: '10117', a3: 'Berlin', a1: 'BE' },
  addresses: candidates('DE', [
    ['Platz der Republik 1, 11011 Berlin', { a6: 'Platz der Republik', hno: '1', pc: '11011', a3: 'Berlin', a1: 'BE' }],
    ['Unter den Linden 77, 10117 Berlin', { a6: 'Unter den Linden', hno: '77', pc: '10117', a3: 'Berlin', a1: 'BE' }],
    ['Marienplatz 8, 80331 München', { a6: 'Marienplatz', hno: '8', pc: '80331', a3: 'München', a1: 'BY' }],
    ['Rathausmarkt 1, 20095 Hamburg', { a6: 'Rathausmarkt', hno: '1', pc: '20095', a3: 'Hamburg', a1: 'HH' }],
    ['Domkloster 4, 50667 Köln', { a6: 'Domkloster', hno: '4', pc: '50667', a3: 'Köln', a1: 'NW' }],
    ['Römerberg 23, 60311 Frankfurt am Main', { a6: 'Römerberg', hno: '23', pc: '60311', a3: 'Frankfurt am Main', a1: 'HE' }],
    ['Marktplatz 1, 70173 Stuttgart', { a6: 'Marktplatz', hno: '1', pc: '70173', a3: 'Stuttgart', a1: 'BW' }],
    ['Theaterplatz 2, 01067 Dresden', { a6: 'Theaterplatz', hno: '2', pc: '01067', a3: 'Dresden', a1: 'SN' }],
    ['Markt 1, 04109 Leipzig', { a6: 'Markt', hno: '1', pc: '04109', a3: 'Leipzig', a1: 'SN' }],
    ['Trammplatz 2, 30159 Hannover', { a6: 'Trammplatz', hno: '2', pc: '30159', a3: 'Hannover', a1: 'NI' }],
    ['Am Markt 21, 28195 Bremen', { a6: 'Am Markt', hno: '21', pc: '28195', a3: 'Bremen', a1: 'HB' }],
    ['Königsallee 92a, 40212 Düsseldorf (4. OG)', { a6: 'Königsallee', hno: '92a', addrExtInfo1: '4. OG', pc: '40212', a3: 'Düsseldorf', a1: 'NW' }],
  ]),
});

const AT_STATES = [
  ['1', 'Burgenland'], ['2', 'Kärnten'], ['3', 'Niederösterreich'], ['4', 'Oberösterreich'], ['5', 'Salzburg'],
  ['6', 'Steiermark'], ['7', 'Tirol'], ['8', 'Vorarlberg'], ['9', 'Wien'],
];

const at = country('AT', 'Austria', '43', {
  fields: [
    street('Street name, e.g. "Mariahilfer Straße".', 60),
    houseNumber('House number, optionally with staircase and door separated by "/", e.g. 12 or 12/3/4.', 15, '^[0-9]{1,4}[a-z]?(?:/[0-9A-Za-z]{1,4}){0,3}$'),
    ['unit', str('Door', 'Door (Tür) or top number when not given in the house number.', { optional: true, max: 10 })],
    postalCode('Four-digit postal code (Postleitzahl), e.g. 1010 for Vienna city centre.', 4, '^[1-9][0-9]{3}$', 'https://www.post.at/sv/postleitzahlfinder'),
    city('Municipality (Gemeinde) or Vienna, e.g. Salzburg.', 60, LETTERS),
    ['a1', enumAssoc('State', 'Federal state (Bundesland) of the site.', AT_STATES, { max: 1 })],
  ],
  sampleAddress: { a6: 'Stephansplatz', hno: '3', pc: '1010', a3: 'Wien', a1: '9' },
  dialZones: coded([
    '1 Wien', '316 Graz', '732 Linz', '662 Salzburg', '512 Innsbruck', '463 Klagenfurt', '2742 St. Pölten',
    '5574 Bregenz', '2682 Eisenstadt', '4242 Villach', '7242 Wels', '5522 Feldkirch', '2622 Wiener Neustadt',
    '3842 Leoben', '7252 Steyr',
  ]),
});

const gb = country('GB', 'United Kingdom', '44', {
  comment: '(1) 999/112 emergency calls are supported with a validated address only.',
  cov: { enquiryDB: 'No' },
  fields: [
    ['unit', str('Flat / unit', 'Flat, unit or suite, e.g. "Flat 3" or "Suite 200".', { optional: true, max: 30 })],
    ['bld', str('Building name', 'Building name when the address has one, e.g. "BT Centre".', { optional: true, max: 50 })],
    ['hno', str('Building number', 'Building number, e.g. 10 or 221B. Leave empty if the building only has a name.', { optional: true, max: 8, re: '^[0-9]{1,5}[A-Z]?$' })],
    street('Street (thoroughfare) name with its type, e.g. "Downing Street".', 60),
    ['a4', str('Locality', 'Dependent locality when Royal Mail uses one, e.g. "Canary Wharf".', { optional: true, max: 35 })],
    ['a3', str('Post town', 'Post town as used by Royal Mail, e.g. LONDON or Manchester.', { max: 30, re: LETTERS })],
    ['a2', str('County', 'County (optional, no longer needed by Royal Mail).', { optional: true, max: 35 })],
    ['pc', str('Postcode', 'Full UK postcode in capitals, e.g. SW1A 2AA.', { min: 5, max: 8, re: '^(?:[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}|GIR ?0AA)$', url: 'https://www.royalmail.com/find-a-postcode' })],
  ],
  sampleAddress: { hno: '10', a6: 'Downing Street', a3: 'London', pc: 'SW1A 2AA' },
  dialZones: coded([
    '020 London', '0121 Birmingham', '0131 Edinburgh', '0141 Glasgow', '0151 Liverpool', '0161 Manchester',
    '0113 Leeds', '0114 Sheffield', '0115 Nottingham', '0116 Leicester', '0117 Bristol', '0118 Reading',
    '0191 Tyneside (Newcastle upon Tyne)', '029 Cardiff', '028 Northern Ireland', '023 Southampton and Portsmouth',
    '024 Coventry', '01223 Cambridge', '01865 Oxford', '01224 Aberdeen', '01382 Dundee', '01273 Brighton',
  ]),
});

const IE_COUNTIES = ['Carlow', 'Cavan', 'Clare', 'Cork', 'Donegal', 'Dublin', 'Galway', 'Kerry', 'Kildare',
  'Kilkenny', 'Laois', 'Leitrim', 'Limerick', 'Longford', 'Louth', 'Mayo', 'Meath', 'Monaghan', 'Offaly',
  'Roscommon', 'Sligo', 'Tipperary', 'Waterford', 'Westmeath', 'Wexford', 'Wicklow'];

const ie = country('IE', 'Ireland', '353', {
  fields: [
    ['bld', str('Building name', 'Building or house name, common in rural addresses.', { optional: true, max: 50 })],
    ['hno', str('Number', 'House or building number, if any.', { optional: true, max: 8 })],
    ['a6', str('Street', 'Street name, e.g. "Sir John Rogerson\'s Quay".', { max: 60 })],
    ['a5', str('Townland', 'Townland or district, mainly for rural addresses.', { optional: true, max: 50 })],
    ['a3', str('Town / city', 'Post town, e.g. Dublin 2 or Galway.', { max: 40 })],
    ['a2', enumOf('County', 'County where the site is located.', IE_COUNTIES, { max: 20 })],
    ['pc', str('Eircode', 'Eircode (routing key and unique identifier), e.g. D02 X285. Recommended: it locates the site for emergency services.', { optional: true, min: 7, max: 8, re: '^(?:[AC-FHKNPRTV-Y][0-9]{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$', url: 'https://finder.eircode.ie' })],
  ],
  sampleAddress: { bld: 'Trinity College', a6: 'College Green', a3: 'Dublin 2', a2: 'Dublin', pc: 'D02 PN40' },
  dialZones: coded([
    '01 Dublin', '021 Cork', '091 Galway', '061 Limerick', '051 Waterford', '066 Tralee', '074 Letterkenny',
    '071 Sligo', '094 Castlebar', '090 Athlone', '056 Kilkenny', '053 Wexford', '059 Carlow', '045 Naas',
    '041 Drogheda', '042 Dundalk', '046 Navan', '057 Portlaoise', '049 Cavan', '065 Ennis',
  ]),
});

const IT_PROVINCES = ['AG', 'AL', 'AN', 'AO', 'AP', 'AQ', 'AR', 'AT', 'AV', 'BA', 'BG', 'BI', 'BL', 'BN', 'BO', 'BR',
  'BS', 'BT', 'BZ', 'CA', 'CB', 'CE', 'CH', 'CL', 'CN', 'CO', 'CR', 'CS', 'CT', 'CZ', 'EN', 'FC', 'FE', 'FG', 'FI',
  'FM', 'FR', 'GE', 'GO', 'GR', 'IM', 'IS', 'KR', 'LC', 'LE', 'LI', 'LO', 'LT', 'LU', 'MB', 'MC', 'ME', 'MI', 'MN',
  'MO', 'MS', 'MT', 'NA', 'NO', 'NU', 'OR', 'PA', 'PC', 'PD', 'PE', 'PG', 'PI', 'PN', 'PO', 'PR', 'PT', 'PU', 'PV',
  'PZ', 'RA', 'RC', 'RE', 'RG', 'RI', 'RM', 'RN', 'RO', 'SA', 'SI', 'SO', 'SP', 'SR', 'SS', 'SU', 'SV', 'TA', 'TE',
  'TN', 'TO', 'TP', 'TR', 'TS', 'TV', 'UD', 'VA', 'VB', 'VC', 'VE', 'VI', 'VR', 'VT', 'VV'];

const it = country('IT', 'Italy', '39', {
  cov: { faxISDNCall: 'Yes', voiceISDNCall: 'Yes' },
  fields: [
    ['sts', enumOf('Street type', 'Type of street (denominazione urbanistica generica).',
      ['Via', 'Viale', 'Piazza', 'Piazzale', 'Corso', 'Largo', 'Vicolo', 'Strada', 'Lungomare', 'Lungotevere',
        'Contrada', 'Località', 'Borgo', 'Salita', 'Calle', 'Campo', 'Fondamenta', 'Riva'], { max: 12 })],
    ['a6', str('Street name', 'Street name without its type, e.g. "dei Condotti" for Via dei Condotti.', { min: 2, max: 60 })],
    ['hno', str('Civic number', 'Civic number with optional suffix (e.g. 12, 12/A, 12B) or SNC when there is none.', { max: 8, re: '^(?:[0-9]{1,5}(?:/?[A-Za-z])?|SNC)$' })],
    ['pc', str('CAP', 'Five-digit postal code (Codice di Avviamento Postale), e.g. 00187.', { min: 5, max: 5, re: '^[0-9]{5}$', url: 'https://www.poste.it/cerca/index.html#/vai-a-cerca-cap' })],
    ['a4', str('Hamlet (frazione)', 'Frazione or locality within the municipality, if any.', { optional: true, max: 50 })],
    ['a3', str('Municipality', 'Municipality (comune), e.g. Roma.', { max: 60, re: LETTERS })],
    ['a1', enumOf('Province', 'Two-letter province code (sigla), e.g. RM for Roma, MI for Milano.', IT_PROVINCES, { min: 2, max: 2 })],
  ],
  sampleAddress: { sts: 'Piazza', a6: 'del Duomo', hno: '1', pc: '20122', a3: 'Milano', a1: 'MI' },
  dialZones: coded([
    '02 Milano', '06 Roma', '011 Torino', '010 Genova', '041 Venezia', '051 Bologna', '055 Firenze', '081 Napoli',
    '091 Palermo', '095 Catania', '080 Bari', '070 Cagliari', '045 Verona', '049 Padova', '040 Trieste',
    '071 Ancona', '075 Perugia', '0471 Bolzano', '0461 Trento', '035 Bergamo', '030 Brescia', '089 Salerno',
    '0965 Reggio Calabria', '050 Pisa',
  ]),
});

const lu = country('LU', 'Luxembourg', '352', {
  comment: '(1) Luxembourg has no area codes: leave the dial zone as provided by your Orange contact.',
  fields: [
    houseNumber('House number, e.g. 12 or 12A.', 5, '^[0-9]{1,4}[A-Za-z]?$'),
    street('Street name, e.g. "Boulevard Royal" or "Rue de la Poste".', 60),
    postalCode('Four-digit postal code without the "L-" prefix, e.g. 2449.', 4, '^[0-9]{4}$', 'https://www.post.lu/particuliers/courrier/rechercher-un-code-postal'),
    ['a3', str('Locality', 'Locality (localité), e.g. Luxembourg or Esch-sur-Alzette.', { max: 40, re: LETTERS })],
    ['a2', enumOf('Canton', 'Canton of the locality.', ['Capellen', 'Clervaux', 'Diekirch', 'Echternach', 'Esch-sur-Alzette',
      'Grevenmacher', 'Luxembourg', 'Mersch', 'Redange', 'Remich', 'Vianden', 'Wiltz'], { optional: true, max: 20 })],
  ],
  sampleAddress: { hno: '26', a6: 'Boulevard Royal', pc: '2449', a3: 'Luxembourg', a2: 'Luxembourg' },
});

export default [de, at, gb, ie, it, lu];
