// Unbundled pages only (the raw files of web/, as `npm start` or a no-build portal serve them): a chunk loaded on
// demand (the look-ups' mechanism, the combobox) is one import(), whose own imports the browser finds only once it
// has arrived, one more round trip per level. preloadBeside() asks for those modules by URL at the same time
// (scripts/flat-imports.js checks the lists). In a bundle the calling module is no longer the file `self` names
// (its import.meta.url is a chunk's, or the build machine's file: URL), so nothing is asked: the bundler's chunk
// holds them.

/**
 * @param {string} moduleUrl  the caller's import.meta.url
 * @param {string} self       how the caller's own path ends ('/lookups/index.js')
 * @param {string[]} names    the chunk's modules, relative to the caller
 */
export function preloadBeside(moduleUrl, self, names) {
  const origin = globalThis.location?.origin;
  if (!origin || !moduleUrl.startsWith(`${origin}/`) || !moduleUrl.split(/[?#]/)[0].endsWith(self)) return;
  for (const name of names) {
    // A failure shows where the chunk itself is imported; here it is only an early start.
    import(/* @vite-ignore */ /* webpackIgnore: true */ new URL(name, moduleUrl).href).catch(() => {});
  }
}
