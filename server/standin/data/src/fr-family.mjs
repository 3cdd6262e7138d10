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

// The overseas search candidates: [iso2, number, suffix, street, locality, postal code, city].
const OVERSEAS_ADDRESSES = [
  ['BL', '', '', 'Rue de la République', 'Gustavia', '97133', 'Saint-Barthélemy'],
  ['BL', '', '', 'Rue du Roi Oscar II', 'Gustavia', '97133', 'Saint-Barthélemy'],
  ['BL', '', '', "Rue Jeanne d'Arc", 'Gustavia', '97133', 'Saint-Barthélemy'],
  ['BL', '', '', 'Route de Saline', 'Grand Cul-de-Sac', '97133', 'Saint-Barthélemy'],
  ['BL', '', '', "Route de l'Aéroport", 'Saint-Jean', '97133', 'Saint-Barthélemy'],
  ['BL', '', '', 'Rue Samuel Fahlberg', 'Gustavia', '97133', 'Saint-Barthélemy'],
  ['GF', '', '', 'Place Léopold Héder', '', '97300', 'Cayenne'],
  ['GF', '14', '', 'Avenue du Général de Gaulle', '', '97300', 'Cayenne'],
  ['GF', '', '', 'Route de Baduel', '', '97300', 'Cayenne'],
  ['GF', '', '', 'Avenue Gaston Monnerville', '', '97310', 'Kourou'],
  ['GF', '', '', 'Rue Hector Rivierez', '', '97320', 'Saint-Laurent-du-Maroni'],
  ['GF', '', '', 'Route Nationale 2', 'Balata', '97351', 'Matoury'],
  ['GF', '', '', 'Route des Plages', '', '97354', 'Rémire-Montjoly'],
  ['GP', '', '', 'Boulevard Légitimus', '', '97110', 'Pointe-à-Pitre'],
  ['GP', '', '', 'Boulevard Félix Éboué', '', '97100', 'Basse-Terre'],
  ['GP', '', '', 'Rue Ferdinand Forest', 'Jarry', '97122', 'Baie-Mahault'],
  ['GP', '', '', 'Rue de la République', '', '97160', 'Le Moule'],
  ['GP', '', '', 'Rue Jean Jaurès', '', '97180', 'Sainte-Anne'],
  ['GP', '', '', 'Route de la Marina', 'Bas du Fort', '97190', 'Le Gosier'],
  ['MF', '', '', 'Rue de la République', 'Marigot', '97150', 'Saint-Martin'],
  ['MF', '', '', 'Rue du Général de Gaulle', 'Marigot', '97150', 'Saint-Martin'],
  ['MF', '', '', 'Boulevard de Grand Case', 'Grand-Case', '97150', 'Saint-Martin'],
  ['MF', '', '', 'Rue Kennedy', 'Marigot', '97150', 'Saint-Martin'],
  ['MF', '', '', 'Route de Sandy Ground', 'Sandy Ground', '97150', 'Saint-Martin'],
  ['MF', '', '', "Rue de Spring", "Quartier d'Orléans", '97150', 'Saint-Martin'],
  ['MQ', '', '', 'Rue Victor Sévère', '', '97200', 'Fort-de-France'],
  ['MQ', '', '', 'Boulevard du Général de Gaulle', '', '97200', 'Fort-de-France'],
  ['MQ', '', '', 'Zone Industrielle de la Lézarde', 'Place d\'Armes', '97232', 'Le Lamentin'],
  ['MQ', '', '', 'Route de la Pointe des Nègres', '', '97233', 'Schœlcher'],
  ['MQ', '', '', 'Rue Schœlcher', '', '97231', 'Le Robert'],
  ['MQ', '', '', 'Rue Joseph Lagrosillière', '', '97230', 'Sainte-Marie'],
  ['RE', '2', '', 'Rue de Paris', '', '97400', 'Saint-Denis'],
  ['RE', '', '', 'Avenue de la Victoire', '', '97400', 'Saint-Denis'],
  ['RE', '', '', 'Rue des Bons Enfants', '', '97410', 'Saint-Pierre'],
  ['RE', '', '', 'Rue Marius et Ary Leblond', '', '97410', 'Saint-Pierre'],
  ['RE', '', '', 'Rue Georges Brassens', '', '97420', 'Le Port'],
  ['RE', '', '', 'Rue du Général de Gaulle', '', '97460', 'Saint-Paul'],
  ['RE', '', '', 'Rue Hubert Delisle', '', '97430', 'Le Tampon'],
  ['YT', '', '', 'Place Mariage', '', '97600', 'Mamoudzou'],
  ['YT', '', '', 'Rue du Commerce', '', '97600', 'Mamoudzou'],
  ['YT', '', '', 'Rue de la Mairie', 'Kawéni', '97600', 'Mamoudzou'],
  ['YT', '', '', 'Boulevard des Crabes', '', '97615', 'Dzaoudzi'],
  ['YT', '', '', "Route de l'Aéroport", '', '97615', 'Pamandzi'],
  ['YT', '', '', 'Route Nationale 1', '', '97690', 'Koungou'],
];

// `addresses`: [number, suffix, street, locality, postal code, city, other elements] (the overseas ones by default).
function frCountry({ iso2, name, countryCode, pcRe, pcDescription, cityDescription, cov, sample, addresses }) {
  const rows = addresses ?? OVERSEAS_ADDRESSES.filter(([code]) => code === iso2).map(([, ...row]) => row);
  return {
    iso2,
    name,
    countryCode,
    coverage: cov,
    addressConstraints: frConstraints({ pcRe, pcDescription, cityDescription }),
    geographicalConstraints: geo('automatic'),
    addressApi: 'search',
    addresses: candidates(iso2, rows.map(([hno, hns, a6, a4, pc, a3, extra = {}]) => {
      const address = clean({ hno, hns, a6, a4, pc, a3, ...extra });
      const line = [[hno, hns].filter(Boolean).join(' '), a6].filter(Boolean).join(' ');
      return [`${line}${a4 ? `, ${a4}` : ''}, ${pc} ${a3}`, address];
    })),
    sampleAddress: sample,
  };
}

const overseas = (changes) => coverage({
  comment: '(1) Fax are supported only with VISIT certified fax designs. (2) Emergency calls are routed to the local SAMU/SDIS of the territory.',
  didNumberZone: 'Zone2',
  ...changes,
});

/** An overseas department: five-digit postal codes starting with `prefix`; `communes` names two of them. */
const department = ([iso2, name, countryCode, prefix, example, communes, changes, sample]) => frCountry({
  iso2, name, countryCode, sample,
  pcRe: `^${prefix}[0-9]{2}$`,
  pcDescription: `Five-digit postal code of ${name}, starting with ${prefix}, e.g. ${example}.`,
  cityDescription: `Commune, e.g. ${communes}.`,
  cov: overseas(changes),
});

/** A collectivity of one postal code and one city, its quarters in Locality. */
const collectivity = ([iso2, name, countryCode, pc, postalName, quarters, sample]) => frCountry({
  iso2, name, countryCode, sample,
  pcRe: `^${pc}$`,
  pcDescription: `${postalName} has a single postal code: ${pc}.`,
  cityDescription: `Always "${name}"; put the quarter (${quarters}, ...) in Locality.`,
  cov: overseas({ nonGeographicDest: 'No' }),
});

const fr = frCountry({
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
});

// [iso2, name, country code, postal code, its name, quarters, sample address]
const collectivities = [
  ['BL', 'Saint-Barthélemy', '590', '97133', 'Saint-Barthélemy', 'Gustavia, Saint-Jean', { a6: 'Rue du Bord de Mer', a4: 'Gustavia', pc: '97133', a3: 'Saint-Barthélemy' }],
  ['MF', 'Saint-Martin', '590', '97150', 'Saint-Martin (French part)', 'Marigot, Grand-Case', { a6: 'Rue de Hollande', a4: 'Marigot', pc: '97150', a3: 'Saint-Martin' }],
].map(collectivity);

// [iso2, name, country code, postal code prefix, example, communes, coverage changes, sample address]
const departments = [
  ['GF', 'French Guiana', '594', '973', '97300 Cayenne', 'Cayenne, Kourou', {}, { a6: 'Rue François Arago', pc: '97300', a3: 'Cayenne' }],
  ['GP', 'Guadeloupe', '590', '971', '97110 Pointe-à-Pitre', 'Pointe-à-Pitre, Baie-Mahault', {}, { a6: 'Rue Frébault', pc: '97110', a3: 'Pointe-à-Pitre' }],
  ['MQ', 'Martinique', '596', '972', '97200 Fort-de-France', 'Fort-de-France, Le Lamentin', {}, { a6: 'Rue Victor Hugo', pc: '97200', a3: 'Fort-de-France' }],
  ['RE', 'Réunion', '262', '974', '97400 Saint-Denis', 'Saint-Denis, Saint-Pierre', {}, { a6: 'Rue Jean Chatel', pc: '97400', a3: 'Saint-Denis' }],
  ['YT', 'Mayotte', '262', '976', '97600 Mamoudzou', 'Mamoudzou, Dzaoudzi', { didNumberZone: 'Zone3', enquiryDB: 'No', faxAnalogCall: 'No' }, { a6: 'Boulevard Halidi Sélémani', pc: '97600', a3: 'Mamoudzou' }],
].map(department);

const [bl, mf] = collectivities;
const [gf, gp, mq, re, yt] = departments;
export default [fr, bl, gf, gp, mf, mq, re, yt];
