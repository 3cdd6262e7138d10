#!/usr/bin/env node
// Generates ../countries/<ISO2>.json from the per-region sources in this folder.
// The JSON files are what the stand-in reads (and what is committed); edit the
// sources here and rerun `node server/standin/data/src/build.mjs`.
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { treeSize } from './geo-large.mjs';

const outDir = fileURLToPath(new URL('../countries/', import.meta.url));
const sources = ['fr-family', 'europe-west', 'europe-north', 'europe-central', 'geo-europe', 'asia-pacific', 'americas', 'portugal', 'others'];

// A geo tree of more nodes than this is written one leaf a line (a real-size list stays readable and small).
const LARGE_TREE = 500;

function compactTree(nodes, indent) {
  const inner = `${indent}  `;
  const items = nodes.map((node) => {
    if (!node.children) return `${inner}${JSON.stringify(node)}`;
    const { children, ...rest } = node;
    const head = JSON.stringify(rest).slice(0, -1);
    return `${inner}${head},"children":${compactTree(children, inner)}}`;
  });
  return `[\n${items.join(',\n')}\n${indent}]`;
}

/** JSON.stringify(country, null, 2), except a large geoAreas tree, written one leaf a line. */
function formatCountry(country) {
  const entries = Object.entries(country).map(([key, value]) => {
    const text = key === 'geoAreas' && treeSize(value) > LARGE_TREE
      ? compactTree(value, '  ')
      : JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
    return `  ${JSON.stringify(key)}: ${text}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
}

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
    const text = formatCountry(country);
    writeFileSync(`${outDir}${country.iso2}.json`, text);
    console.log(`${country.iso2}.json ${(text.length / 1024).toFixed(1)} KB`);
  }
}
