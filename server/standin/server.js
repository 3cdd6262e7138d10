// The stand-in on Node's http server: a thin adapter over the fetch handler of
// standin.js, plus what only Node has: reading a data directory and keeping
// the state in a file.
//
//   import { createStandInServer } from './server/standin/server.js';
//   const { server } = createStandInServer({ stateFile, faults: { failRate: 0.1, seed: 1 } });
//   server.listen(0);
//
// CLI: node server/standin/server.js [--port 0] [--host 127.0.0.1] [--state file] [--data dir] [--admin]
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { API_PREFIX, ADMIN_PREFIX, TOKEN_PATH, createStandIn as createFetchStandIn } from './standin.js';
import { normalizeData } from './data.js';
import { fileStore } from './file-store.js';

export { API_PREFIX, ADMIN_PREFIX, TOKEN_PATH };
const dataSources = join(dirname(fileURLToPath(import.meta.url)), 'data');
/**
 * The bundled data, as a folder loadDataDir() reads: its JSON sources (data/) in a checkout; in the installed
 * package, which ships only the ES modules generated from them (scripts/gen-standin-data.js), data/modules/.
 */
export const BUNDLED_DATA_DIR = existsSync(join(dataSources, 'customers.json')) ? dataSources : join(dataSources, 'modules');

function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`stand-in data: cannot read ${file}: ${cause.message}`);
  }
}

function readJson(file, text = readText(file)) {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new Error(`stand-in data: ${file} is not valid JSON: ${cause.message}`);
  }
}

/** A generated data module (comment lines, then `export default <JSON>;`): its value. */
function readDataModule(file) {
  const body = /^(?:\/\/[^\n]*\n)*export default ([\s\S]*);\s*$/.exec(readText(file))?.[1];
  if (body === undefined) throw new Error(`stand-in data: ${file} is not a generated data module (export default <JSON>;)`);
  return readJson(file, body);
}

/** The generated modules' folder (customers.js + <ISO2>.js + index.js), as loadDataDir's data. */
function loadModulesDir(dataDir) {
  const customersFile = join(dataDir, 'customers.js');
  const files = readdirSync(dataDir).filter((n) => /^[A-Z]{2}\.js$/.test(n)).sort().map((n) => join(dataDir, n));
  const countries = files.map((file) => {
    const country = readDataModule(file);
    // A real-size geo tree lives in a module of its own (geo-<ISO2>.js): read here like the rest.
    const geo = join(dataDir, `geo-${basename(file)}`);
    return existsSync(geo) && country && typeof country === 'object' ? { ...country, geoAreas: readDataModule(geo) } : country;
  });
  return normalizeData({ customers: readDataModule(customersFile), countries }, {
    customersName: customersFile,
    countryName: (_, i) => files[i],
  });
}

/**
 * Reads and checks a data directory: customers.json + countries/<ISO2>.json (or the generated modules'
 * folder, data/modules/: customers.js + <ISO2>.js).
 * @returns the normalised data createStandIn({ data }) takes
 */
export function loadDataDir(dataDir) {
  const customersFile = join(dataDir, 'customers.json');
  if (!existsSync(customersFile) && existsSync(join(dataDir, 'customers.js'))) return loadModulesDir(dataDir);
  const countriesDir = join(dataDir, 'countries');
  let names;
  try {
    names = readdirSync(countriesDir).filter((n) => n.endsWith('.json')).sort();
  } catch (cause) {
    throw new Error(`stand-in data: cannot list ${countriesDir}: ${cause.message}`);
  }
  const files = names.map((name) => join(countriesDir, name));
  const countries = files.map((file) => readJson(file));
  countries.forEach((c, i) => {
    if (c && typeof c === 'object' && typeof c.iso2 === 'string' && `${c.iso2}.json` !== names[i]) {
      throw new Error(`stand-in data: ${files[i]}: iso2 "${c.iso2}" does not match the file name`);
    }
  });
  return normalizeData({ customers: readJson(customersFile), countries }, {
    customersName: customersFile,
    countryName: (_, i) => files[i],
  });
}

/**
 * The stand-in with a Node http server (not listening).
 * @param {import('./index.d.ts').StandInOptions & { dataDir?: string, stateFile?: string }} [options]
 *   dataDir: customers.json + countries/ (default: the bundled data);
 *   stateFile: JSON file for orders and voicesites (omitted: memory only); other options as createStandIn
 */
export function createStandInServer(options = {}) {
  const { dataDir, stateFile, ...rest } = options;
  const standIn = createFetchStandIn({
    ...rest,
    ...(dataDir ? { data: loadDataDir(dataDir) } : {}),
    ...(stateFile ? { store: fileStore(stateFile, { log: rest.log }) } : {}),
  });
  const server = createServer(standIn.listener);
  // Everything createStandIn returns (reset, state, faults, ...) plus the server.
  return Object.assign(Object.create(standIn), { server, handler: standIn.listener, standIn });
}

/** The same as createStandInServer (its name before the stand-in became a fetch handler; still imported by examples/portal). */
export const createStandIn = createStandInServer;

// ---------------------------------------------------------------- CLI

/**
 * The command line of a stand-in server (this file's, and examples/serve.js's): `valueFlags` take a value,
 * --admin and --dedup-orders are switches; anything else is an error that lists them.
 */
export function parseArgs(argv, valueFlags = ['--port', '--host', '--state', '--data']) {
  const out = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--admin') out.admin = true;
    else if (arg === '--dedup-orders') out.deduplicateOrders = true;
    else if (valueFlags.includes(arg)) out[arg.slice(2)] = argv[++i];
    else throw new Error(`unknown argument ${arg} (use ${[...valueFlags, '--admin', '--dedup-orders'].join(', ')})`);
  }
  return out;
}

// Run as a program (node server/standin/server.js), not imported. In an app bundled into one file (esbuild
// --platform=node), this module's import.meta.url is the bundle's, the file node runs: its name tells them apart.
const runAsProgram = !!process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href
  && /[\\/]standin[\\/]server\.js$/.test(process.argv[1]);

if (runAsProgram) {
  const args = parseArgs(process.argv.slice(2));
  const port = Number(args.port ?? process.env.PORT ?? 8081);
  const host = args.host ?? '127.0.0.1';
  const { server } = createStandInServer({
    dataDir: args.data, stateFile: args.state, admin: !!args.admin, deduplicateOrders: !!args.deduplicateOrders,
    log: (line) => console.log(line),
  });
  server.listen(port, host, () => {
    const { port: actual } = server.address();
    console.log(`Business Talk stand-in: http://${host}:${actual}${API_PREFIX} (token: http://${host}:${actual}${TOKEN_PATH})`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
