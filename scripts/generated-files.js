// Shared by the scripts that write source files from other sources (build-css.js: style modules from
// .css; build-i18n.js: catalogue tables from LANGUAGES): write what changed, or with --check only
// report what is stale (exit code 1), so a test can hold the committed files to their sources.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `outputs`: [{ file (relative to `root`), text, source }]. Writes each file whose text differs,
 * or with `check` lists them; resolves to the number of stale files.
 */
export async function writeGenerated(root, outputs, { check = false, script }) {
  let stale = 0;
  for (const { file, text, source } of outputs) {
    const path = join(root, file);
    // A missing file is stale like an outdated one.
    const current = await readFile(path, 'utf8').catch(() => '');
    if (current === text) continue;
    stale += 1;
    if (check) console.log(`${file} is stale: run node ${script}`);
    else {
      await writeFile(path, text);
      console.log(`${file}: written from ${source}`);
    }
  }
  return stale;
}
