// btalk-forms/standin: the Business Talk API stand-in as a library, for
// testing a portal without Orange credentials. Universal (no Node import):
//
//   import { createStandIn } from 'btalk-forms/standin';
//   const standIn = createStandIn();                       // bundled data, state in memory
//   const client = new BtalkClient({ baseUrl: 'https://api.example/btalk/v1',
//     fetch: standIn.fetch, credentials: standIn.credentials() });
//   http.createServer(standIn.listener).listen(8081);      // Node
//   http.get('https://api.example/btalk/v1/*', ({ request }) => standIn.handle(request)); // MSW
//
// Node-only helpers (data directories, state file, http server, CLI): btalk-forms/standin/node.
export { createStandIn, API_PREFIX, TOKEN_PATH, ADMIN_PREFIX, STANDIN_ORIGIN, DEFAULT_PAGING } from './standin.js';
export { ERROR_CODES } from './http.js';
export { toNodeListener } from './listener.js';
export { memoryStore } from './state.js';
export { indexedDbStore } from './indexeddb-store.js';
export { normalizeFaults } from './faults.js';
