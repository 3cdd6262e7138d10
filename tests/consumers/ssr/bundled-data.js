// btalk-forms/standin/node's BUNDLED_DATA_DIR, as a test-runner user reads it from the installed package: a folder
// that exists there, and that loadDataDir (the function that takes a data folder) reads.
import { existsSync } from 'node:fs';
import { BUNDLED_DATA_DIR, loadDataDir } from 'btalk-forms/standin/node';

if (!existsSync(BUNDLED_DATA_DIR)) throw new Error(`BUNDLED_DATA_DIR names ${BUNDLED_DATA_DIR}, which the package does not ship`);
const data = loadDataDir(BUNDLED_DATA_DIR);
console.log(JSON.stringify({ dir: BUNDLED_DATA_DIR, countries: [...data.countries.keys()].sort(), france: data.countries.get('FR') }));
