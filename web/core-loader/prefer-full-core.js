// Imported (first) by the entries that define <btalk-voicesite-order>: the order element loads the
// full core, so every address form on the page uses that one too (one wasm download per page).
// A module of its own so it runs before the address form is defined (and upgrades elements).
import { preferFullCore } from './core-choice.js';
import { loadCore } from '../core.js';

preferFullCore(loadCore);
