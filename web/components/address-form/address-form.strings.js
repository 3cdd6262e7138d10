// The address form's catalogues, for the localisation controller (English bundled, the rest on demand).
import { Catalogue } from '../../internal/localize.js';
import en from './i18n/en.js';

export const CATALOGUE = new Catalogue({
  en,
  fr: () => import('./i18n/fr.js'),
  de: () => import('./i18n/de.js'),
  es: () => import('./i18n/es.js'),
  it: () => import('./i18n/it.js'),
  nl: () => import('./i18n/nl.js'),
  pt: () => import('./i18n/pt.js'),
});
