// The look-ups' generic mechanism, loaded on demand (index.js, loadLookups()) for a country that has
// one: its DOM-free controller and its view. It imports nothing the address form's first bundle holds
// (the view is handed its DOM helpers), so a bundler makes it one chunk of its own.
export { LookupsController } from './lookups.controller.js';
export { lookupsView } from './lookups.view.js';
