// Typings for btalk-forms/standin/node (server/standin/node.js).
import type { Server } from 'node:http';
import type { NodeListener, StandIn, StandInData, StandInOptions, StandInStore } from './index.js';

export * from './index.js';

export interface StandInServerOptions extends StandInOptions {
  /** customers.json + countries/<ISO2>.json (default: the bundled data). */
  dataDir?: string;
  /** JSON file for orders and voicesites (default: memory only). */
  stateFile?: string;
}

export type StandInServer = StandIn & { server: Server; handler: NodeListener; standIn: StandIn };

export function createStandInServer(options?: StandInServerOptions): StandInServer;
/** customers.json + countries/<ISO2>.json, or a folder of generated data modules (customers.js + <ISO2>.js). */
export function loadDataDir(dataDir: string): StandIn['data'];
export function fileStore(file: string, options?: { log?: (line: string) => void }): StandInStore & { file: string };
export function removeStaleTempFiles(file: string): string[];
/** The bundled data as a folder loadDataDir() reads (in the package: data/modules/, the generated modules it ships). */
export const BUNDLED_DATA_DIR: string;
export type { StandInData };
