// Czech Republic and Poland.
import { country, str, num, enumOf, enumAssoc, postalCode, city, coded } from './helpers.mjs';

const LETTERS = "^[A-Za-zÀ-žŁł'’ .-]+$";

const CZ_REGIONS = [
  ['10', 'Hlavní město Praha'], ['20', 'Středočeský kraj'], ['31', 'Jihočeský kraj'], ['32', 'Plzeňský kraj'],
  ['41', 'Karlovarský kraj'], ['42', 'Ústecký kraj'], ['51', 'Liberecký kraj'], ['52', 'Královéhradecký kraj'],
  ['53', 'Pardubický kraj'], ['63', 'Kraj Vysočina'], ['64', 'Jihomoravský kraj'], ['71', 'Olomoucký kraj'],
  ['72', 'Zlínský kraj'], ['80', 'Moravskoslezský kraj'],
];

const cz = country('CZ', 'Czech Republic', '420', {
  comment: '(1) Address search is planned for this country.',
  cov: { didNumberZone: 'Zone2' },
  fields: [
    ['a6', str('Street', 'Street name (ulice). Leave empty in villages without street names.', { optional: true, max: 50 })],
    ['hno', num('Descriptive number', 'Descriptive number (číslo popisné), unique in the municipality part, e.g. 1 in "Staroměstské náměstí 1/3".', { max: 5, re: '^[1-9][0-9]{0,4}$' })],
    ['addrExtInfo1', str('Orientation number', 'Orientation number (číslo orientační) along the street, with optional letter, e.g. 3 or 12a.', { optional: true, max: 4, re: '^[0-9]{1,3}[a-z]?$' })],
    ['a4', str('Part of municipality', 'Part of the municipality (část obce), e.g. Staré Město.', { optional: true, max: 50 })],
    postalCode('Postal code (PSČ): five digits, usually written 110 00.', [5, 6], '^[0-9]{3} ?[0-9]{2}$', 'https://www.postaonline.cz/vyhledani-psc'),
    city('Municipality (obec), e.g. Praha or Brno.', 48, LETTERS, 'Municipality'),
    ['a1', enumAssoc('Region', 'Region (kraj) of the site.', CZ_REGIONS, { optional: true, max: 2 })],
  ],
  sampleAddress: { a6: 'Staroměstské náměstí', hno: '1', addrExtInfo1: '3', a4: 'Staré Město', pc: '110 00', a3: 'Praha', a1: '10' },
  // Closed plan since 2002, but fixed numbers still start with the old regional block.
  dialZones: coded([
    '2 Praha', '31 Benešov and Příbram', '32 Kolín and Mladá Boleslav', '35 Karlovy Vary', '37 Plzeň',
    '38 České Budějovice', '46 Pardubice', '47 Ústí nad Labem', '48 Liberec', '49 Hradec Králové', '54 Brno',
    '55 Opava and Frýdek-Místek', '56 Jihlava', '57 Zlín', '58 Olomouc', '59 Ostrava',
  ]),
});

const PL_VOIVODESHIPS = ['dolnośląskie', 'kujawsko-pomorskie', 'lubelskie', 'lubuskie', 'łódzkie', 'małopolskie',
  'mazowieckie', 'opolskie', 'podkarpackie', 'podlaskie', 'pomorskie', 'śląskie', 'świętokrzyskie',
  'warmińsko-mazurskie', 'wielkopolskie', 'zachodniopomorskie'];

const pl = country('PL', 'Poland', '48', {
  cov: { didNumberZone: 'Zone2' },
  fields: [
    ['sts', enumAssoc('Street type', 'Type of street as used in the TERYT register.', [
      ['ul.', 'ulica (street)'], ['al.', 'aleja (avenue)'], ['pl.', 'plac (square)'], ['os.', 'osiedle (estate)'],
      ['rondo', 'rondo (roundabout)'], ['bulw.', 'bulwar (boulevard)'],
    ], { optional: true, max: 5 })],
    ['a6', str('Street', 'Street name without its type, e.g. "Marszałkowska". Leave empty in villages without streets.', { optional: true, max: 60 })],
    ['hno', str('Building number', 'Building number, optionally with a letter, e.g. 1 or 12A.', { max: 6, re: '^[0-9]{1,4}[A-Za-z]?$' })],
    ['unit', num('Premises number', 'Premises / flat number (numer lokalu), digits only.', { optional: true, max: 4 })],
    postalCode('Postal code in the form NN-NNN, e.g. 00-950.', 6, '^[0-9]{2}-[0-9]{3}$', 'https://kody.poczta-polska.pl'),
    city('City or village (miejscowość), e.g. Warszawa.', 50, LETTERS),
    ['a1', enumOf('Voivodeship', 'Voivodeship (województwo) of the site.', PL_VOIVODESHIPS, { max: 20 })],
  ],
  sampleAddress: { sts: 'pl.', a6: 'Defilad', hno: '1', pc: '00-901', a3: 'Warszawa', a1: 'mazowieckie' },
  dialZones: coded([
    '22 Warszawa', '12 Kraków', '71 Wrocław', '61 Poznań', '58 Gdańsk', '42 Łódź', '32 Katowice', '81 Lublin',
    '91 Szczecin', '52 Bydgoszcz', '85 Białystok', '17 Rzeszów', '89 Olsztyn', '41 Kielce', '77 Opole',
    '68 Zielona Góra', '56 Toruń', '34 Częstochowa', '33 Bielsko-Biała', '94 Koszalin',
  ]),
});

export default [cz, pl];
