#!/usr/bin/env node
// The stand-in's countries, read from the per-region sources in this folder: the one source
// of ../countries/<ISO2>.json and ../modules/, which scripts/gen-standin-data.js generates
// (npm's prepare and the wasm build run it; neither folder is committed). Edit the sources
// here, then run `node scripts/gen-standin-data.js` (or this file, which runs it).
import { fileURLToPath } from 'node:url';

const sources = ['fr-family', 'europe-west', 'europe-north', 'europe-central', 'geo-europe', 'asia-pacific', 'americas', 'portugal', 'others'];

/** Every country of the sources, in their order. An ISO2 defined twice is an error. */
export async function loadCountries() {
  const countries = [];
  const seen = new Set();
  for (const name of sources) {
    const mod = await import(`./${name}.mjs`);
    for (const country of mod.default) {
      if (seen.has(country.iso2)) throw new Error(`${country.iso2} defined twice`);
      seen.add(country.iso2);
      countries.push(country);
    }
  }
  return countries;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Not awaited: the generator imports this module, which must have finished evaluating first.
  import('../../../../scripts/gen-standin-data.js').then(({ main }) => main(process.argv.slice(2)));
}
