// What each element's React wrapper sets as properties, listens to, and writes as boolean attributes: the
// settable properties and the events of the element's class (tests/node/react-wrappers.test.js holds these lists
// to custom-elements.json and to the JSX typings).

export const ADDRESS_FORM = Object.freeze({
  tagName: 'btalk-address-form',
  displayName: 'BtalkAddressForm',
  properties: ['client', 'credentials', 'strings', 'value'],
  events: ['btalk-change', 'btalk-validity', 'btalk-address-saved', 'btalk-error', 'btalk-loaded'],
  booleans: ['disabled'],
});

export const VOICESITE_ORDER = Object.freeze({
  tagName: 'btalk-voicesite-order',
  displayName: 'BtalkVoicesiteOrder',
  properties: ['client', 'credentials', 'strings', 'view'],
  events: ['btalk-order-created', 'btalk-address-saved', 'btalk-error'],
  booleans: [],
});

export const SITE_IMPORT = Object.freeze({
  tagName: 'btalk-site-import',
  displayName: 'BtalkSiteImport',
  properties: ['client', 'credentials', 'strings', 'store'],
  events: ['btalk-import-progress', 'btalk-import-row', 'btalk-import-done', 'btalk-error'],
  booleans: [],
});
