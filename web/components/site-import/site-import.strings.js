// <btalk-site-import>'s catalogues, for the localisation controller: English (strings.js) is
// bundled, the other languages (i18n/<lang>.js) load on demand, one chunk each.
import { Catalogue } from '../../internal/localize.js';
import en from './strings.js';

export const CATALOGUE = new Catalogue({
  en,
  fr: () => import('./i18n/fr.js'),
  de: () => import('./i18n/de.js'),
  es: () => import('./i18n/es.js'),
  it: () => import('./i18n/it.js'),
  nl: () => import('./i18n/nl.js'),
  pt: () => import('./i18n/pt.js'),
});
