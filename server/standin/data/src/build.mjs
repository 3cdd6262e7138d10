#!/usr/bin/env node
// Generates ../countries/<ISO2>.json from the per-region sources in this folder.
// The JSON files are what the stand-in reads (and what is committed); edit the
// sources here and rerun `node server/standin/data/src/build.mjs`.
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const outDir = fileURLToPath(new URL('../countries/', import.meta.url));
const sources = ['fr-family', 'europe-west', 'europe-north', 'europe-central', 'geo-europe', 'asia-pacific', 'americas', 'portugal', 'others'];

mkdirSync(outDir, { recursive: true });
const seen = new Set();
for (const name of sources) {
  let mod;
  try {
    mod = await import(`./${name}.mjs`);
  } catch (error) {
    if (error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(`${name}.mjs`)) continue;
    throw error;
  }
  for (const country of mod.default) {
    if (seen.has(country.iso2)) throw new Error(`${country.iso2} defined twice`);
    seen.add(country.iso2);
    const text = `${JSON.stringify(country, null, 2)}\n`;
    writeFileSync(`${outDir}${country.iso2}.json`, text);
    console.log(`${country.iso2}.json ${(text.length / 1024).toFixed(1)} KB`);
  }
}
