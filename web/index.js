// btalk-forms: public entry point.
export { loadCore, BtalkCoreError } from './core.js';
