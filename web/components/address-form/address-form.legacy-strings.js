// Back-compat: `STRINGS` as exported before the catalogues ({ en, fr } of the address form).
// Importing it loads both catalogues; the element itself loads only the language it shows.
import en from './i18n/en.js';
import fr from './i18n/fr.js';

export const STRINGS = Object.freeze({ en, fr });
