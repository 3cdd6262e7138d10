// France and the French overseas departments/collectivities that share its
// address structure (La Poste / AFNOR NF Z10-011: 38-character lines).
import { coverage, constraints, str, num, enumOf, geo, candidates, clean } from './helpers.mjs';

const CITY_RE = "^[A-Za-zÀ-ÿŒœ'’ .-]+$";

function frConstraints({ pcRe, pcDescription, cityDescription }) {
  return constraints([
    ['hno', num('Street number', 'Number of the building in the street (digits only), e.g. 78. Leave empty for places without a number.', { optional: true, max: 5 })],
    ['hns', enumOf('Number suffix', 'Suffix of the street number, if any (e.g. "bis" in 12 bis).', ['bis', 'ter', 'quater', 'A', 'B', 'C'], { optional: true, max: 6 })],
    ['a6', str('Street', 'Street name including its type, e.g. "Rue de Sèvres" or "Avenue Anatole France".', { min: 2, max: 38 })],
    ['addrExtInfo1', str('Additional address details', 'Entrance, building, residence or industrial estate (line 3 of a French address).', { optional: true, max: 38 })],
    ['a4', str('Locality (lieu-dit)', 'Locality or hamlet when it is part of the postal address.', { optional: true, max: 38 })],
    ['flr', num('Floor', 'Floor number of the site (0 for the ground floor).', { optional: true, max: 3 })],
    ['pc', str('Postal code', pcDescription, { min: 5, max: 5, re: pcRe, url: 'https://www.laposte.fr/outils/trouver-un-code-postal' })],
    ['a3', str('City', cityDescription, { max: 45, re: CITY_RE })],
  ]);
}

function frCountry({ iso2, name, countryCode, pcRe, pcDescription, cityDescription, cov, addresses, sample }) {
  return {
    iso2,
    name,
    countryCode,
    coverage: cov,
    addressConstraints: frConstraints({ pcRe, pcDescription, cityDescription }),
    geographicalConstraints: geo('automatic'),
    addressApi: 'search',
    addresses: candidates(iso2, addresses.map(([hno, hns, a6, a4, pc, a3, extra = {}]) => {
      const address = clean({ hno, hns, a6, a4, pc, a3, ...extra });
      const line = [[hno, hns].filter(Boolean).join(' '), a6].filter(Boolean).join(' ');
      return [`${line}${a4 ? `, ${a4}` : ''}, ${pc} ${a3}`, address];
    })),
    sampleAddress: sample,
  };
}

const overseasComment = '(1) Fax are supported only with VISIT certified fax designs. (2) Emergency calls are routed to the local SAMU/SDIS of the territory.';

export default [
  frCountry({
    iso2: 'FR', name: 'France', countryCode: '33',
    pcRe: '^(?:0[1-9]|[1-8][0-9]|9[0-5])[0-9]{3}$',
    pcDescription: 'Five-digit postal code of metropolitan France (01000 to 95999), e.g. 75015.',
    cityDescription: 'City as written by La Poste, e.g. Boulogne-Billancourt.',
    cov: coverage({ comment: '(1) Fax are supported only with VISIT certified fax designs. Contact Product for further information ' }),
    sample: { hno: '6', a6: "Place d'Alleray", pc: '75015', a3: 'Paris' },
    addresses: [
      ['78', '', 'Rue Olivier de Serres', '', '75015', 'Paris'],
      ['111', '', 'Quai du Président Roosevelt', '', '92130', 'Issy-les-Moulineaux'],
      ['5', '', 'Avenue Anatole France', '', '75007', 'Paris'],
      ['', '', "Place de l'Hôtel de Ville", '', '75004', 'Paris'],
      ['12', 'bis', 'Rue de Sèvres', '', '92100', 'Boulogne-Billancourt', { flr: '3' }],
      ['1', '', 'Place de la Comédie', '', '69001', 'Lyon'],
      ['', '', 'Quai du Port', '', '13002', 'Marseille'],
      ['1', '', 'Place du Capitole', '', '31000', 'Toulouse'],
      ['', '', 'Place Pey Berland', '', '33000', 'Bordeaux'],
      ['2', '', "Rue de l'Hôtel de Ville", '', '44000', 'Nantes'],
      ['', '', 'Place Augustin Laurent', '', '59000', 'Lille'],
      ['1', '', "Parc de l'Étoile", '', '67000', 'Strasbourg'],
      ['', '', "Place d'Armes", '', '78000', 'Versailles'],
      ['28', '', 'Chemin du Petit Bois', '', '69130', 'Écully', { addrExtInfo1: 'Bâtiment B' }],
    ],
  }),
  frCountry({
    iso2: 'BL', name: 'Saint-Barthélemy', countryCode: '590',
    pcRe: '^97133$',
    pcDescription: 'Saint-Barthélemy has a single postal code: 97133.',
    cityDescription: 'Always "Saint-Barthélemy"; put the quarter (Gustavia, Saint-Jean, ...) in Locality.',
    cov: coverage({ comment: overseasComment, didNumberZone: 'Zone2', nonGeographicDest: 'No' }),
    sample: { a6: 'Rue du Bord de Mer', a4: 'Gustavia', pc: '97133', a3: 'Saint-Barthélemy' },
    addresses: [
      ['', '', 'Rue de la République', 'Gustavia', '97133', 'Saint-Barthélemy'],
      ['', '', 'Rue du Roi Oscar II', 'Gustavia', '97133', 'Saint-Barthélemy'],
      ['', '', "Rue Jeanne d'Arc", 'Gustavia', '97133', 'Saint-Barthélemy'],
      ['', '', 'Route de Saline', 'Grand Cul-de-Sac', '97133', 'Saint-Barthélemy'],
      ['', '', "Route de l'Aéroport", 'Saint-Jean', '97133', 'Saint-Barthélemy'],
      ['', '', 'Rue Samuel Fahlberg', 'Gustavia', '97133', 'Saint-Barthélemy'],
    ],
  }),
  frCountry({
    iso2: 'GF', name: 'French Guiana', countryCode: '594',
    pcRe: '^973[0-9]{2}$',
    pcDescription: 'Five-digit postal code of French Guiana, starting with 973, e.g. 97300 Cayenne.',
    cityDescription: 'Commune, e.g. Cayenne, Kourou.',
    cov: coverage({ comment: overseasComment, didNumberZone: 'Zone2' }),
    sample: { a6: 'Rue François Arago', pc: '97300', a3: 'Cayenne' },
    addresses: [
      ['', '', 'Place Léopold Héder', '', '97300', 'Cayenne'],
      ['14', '', 'Avenue du Général de Gaulle', '', '97300', 'Cayenne'],
      ['', '', 'Route de Baduel', '', '97300', 'Cayenne'],
      ['', '', 'Avenue Gaston Monnerville', '', '97310', 'Kourou'],
      ['', '', 'Rue Hector Rivierez', '', '97320', 'Saint-Laurent-du-Maroni'],
      ['', '', 'Route Nationale 2', 'Balata', '97351', 'Matoury'],
      ['', '', 'Route des Plages', '', '97354', 'Rémire-Montjoly'],
    ],
  }),
  frCountry({
    iso2: 'GP', name: 'Guadeloupe', countryCode: '590',
    pcRe: '^971[0-9]{2}$',
    pcDescription: 'Five-digit postal code of Guadeloupe, starting with 971, e.g. 97110 Pointe-à-Pitre.',
    cityDescription: 'Commune, e.g. Pointe-à-Pitre, Baie-Mahault.',
    cov: coverage({ comment: overseasComment, didNumberZone: 'Zone2' }),
    sample: { a6: 'Rue Frébault', pc: '97110', a3: 'Pointe-à-Pitre' },
    addresses: [
      ['', '', 'Boulevard Légitimus', '', '97110', 'Pointe-à-Pitre'],
      ['', '', 'Boulevard Félix Éboué', '', '97100', 'Basse-Terre'],
      ['', '', 'Rue Ferdinand Forest', 'Jarry', '97122', 'Baie-Mahault'],
      ['', '', 'Rue de la République', '', '97160', 'Le Moule'],
      ['', '', 'Rue Jean Jaurès', '', '97180', 'Sainte-Anne'],
      ['', '', 'Route de la Marina', 'Bas du Fort', '97190', 'Le Gosier'],
    ],
  }),
  frCountry({
    iso2: 'MF', name: 'Saint-Martin', countryCode: '590',
    pcRe: '^97150$',
    pcDescription: 'Saint-Martin (French part) has a single postal code: 97150.',
    cityDescription: 'Always "Saint-Martin"; put the quarter (Marigot, Grand-Case, ...) in Locality.',
    cov: coverage({ comment: overseasComment, didNumberZone: 'Zone2', nonGeographicDest: 'No' }),
    sample: { a6: 'Rue de Hollande', a4: 'Marigot', pc: '97150', a3: 'Saint-Martin' },
    addresses: [
      ['', '', 'Rue de la République', 'Marigot', '97150', 'Saint-Martin'],
      ['', '', 'Rue du Général de Gaulle', 'Marigot', '97150', 'Saint-Martin'],
      ['', '', 'Boulevard de Grand Case', 'Grand-Case', '97150', 'Saint-Martin'],
      ['', '', 'Rue Kennedy', 'Marigot', '97150', 'Saint-Martin'],
      ['', '', 'Route de Sandy Ground', 'Sandy Ground', '97150', 'Saint-Martin'],
      ['', '', "Rue de Spring", "Quartier d'Orléans", '97150', 'Saint-Martin'],
    ],
  }),
  frCountry({
    iso2: 'MQ', name: 'Martinique', countryCode: '596',
    pcRe: '^972[0-9]{2}$',
    pcDescription: 'Five-digit postal code of Martinique, starting with 972, e.g. 97200 Fort-de-France.',
    cityDescription: 'Commune, e.g. Fort-de-France, Le Lamentin.',
    cov: coverage({ comment: overseasComment, didNumberZone: 'Zone2' }),
    sample: { a6: 'Rue Victor Hugo', pc: '97200', a3: 'Fort-de-France' },
    addresses: [
      ['', '', 'Rue Victor Sévère', '', '97200', 'Fort-de-France'],
      ['', '', 'Boulevard du Général de Gaulle', '', '97200', 'Fort-de-France'],
      ['', '', 'Zone Industrielle de la Lézarde', 'Place d\'Armes', '97232', 'Le Lamentin'],
      ['', '', 'Route de la Pointe des Nègres', '', '97233', 'Schœlcher'],
      ['', '', 'Rue Schœlcher', '', '97231', 'Le Robert'],
      ['', '', 'Rue Joseph Lagrosillière', '', '97230', 'Sainte-Marie'],
    ],
  }),
  frCountry({
    iso2: 'RE', name: 'Réunion', countryCode: '262',
    pcRe: '^974[0-9]{2}$',
    pcDescription: 'Five-digit postal code of Réunion, starting with 974, e.g. 97400 Saint-Denis.',
    cityDescription: 'Commune, e.g. Saint-Denis, Saint-Pierre.',
    cov: coverage({ comment: overseasComment, didNumberZone: 'Zone2' }),
    sample: { a6: 'Rue Jean Chatel', pc: '97400', a3: 'Saint-Denis' },
    addresses: [
      ['2', '', 'Rue de Paris', '', '97400', 'Saint-Denis'],
      ['', '', 'Avenue de la Victoire', '', '97400', 'Saint-Denis'],
      ['', '', 'Rue des Bons Enfants', '', '97410', 'Saint-Pierre'],
      ['', '', 'Rue Marius et Ary Leblond', '', '97410', 'Saint-Pierre'],
      ['', '', 'Rue Georges Brassens', '', '97420', 'Le Port'],
      ['', '', 'Rue du Général de Gaulle', '', '97460', 'Saint-Paul'],
      ['', '', 'Rue Hubert Delisle', '', '97430', 'Le Tampon'],
    ],
  }),
  frCountry({
    iso2: 'YT', name: 'Mayotte', countryCode: '262',
    pcRe: '^976[0-9]{2}$',
    pcDescription: 'Five-digit postal code of Mayotte, starting with 976, e.g. 97600 Mamoudzou.',
    cityDescription: 'Commune, e.g. Mamoudzou, Dzaoudzi.',
    cov: coverage({ comment: overseasComment, didNumberZone: 'Zone3', enquiryDB: 'No', faxAnalogCall: 'No' }),
    sample: { a6: 'Boulevard Halidi Sélémani', pc: '97600', a3: 'Mamoudzou' },
    addresses: [
      ['', '', 'Place Mariage', '', '97600', 'Mamoudzou'],
      ['', '', 'Rue du Commerce', '', '97600', 'Mamoudzou'],
      ['', '', 'Rue de la Mairie', 'Kawéni', '97600', 'Mamoudzou'],
      ['', '', 'Boulevard des Crabes', '', '97615', 'Dzaoudzi'],
      ['', '', "Route de l'Aéroport", '', '97615', 'Pamandzi'],
      ['', '', 'Route Nationale 1', '', '97690', 'Koungou'],
    ],
  }),
];
