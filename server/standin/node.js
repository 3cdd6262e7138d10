// btalk-forms/standin/node: the stand-in's Node-only adapters (Node >= 20).
export { createStandInServer, loadDataDir, BUNDLED_DATA_DIR } from './server.js';
export { fileStore, removeStaleTempFiles } from './file-store.js';
export * from './index.js';
