// Browser persistence for the stand-in: the state as one JSON text in
// IndexedDB, so a static demo page keeps its orders and voicesites across
// reloads. clear() (or the stand-in's reset()) empties it.

function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * A persistence adapter for createStandIn({ store }) (see state.js).
 * @param {{ name?: string, indexedDB?: IDBFactory }} [options] database name (default 'btalk-standin')
 */
export function indexedDbStore({ name = 'btalk-standin', indexedDB = globalThis.indexedDB } = {}) {
  if (!indexedDB) throw new TypeError('indexedDbStore: IndexedDB is not available here');
  const STORE = 'state';
  const KEY = 'current';
  let opened = null;
  const db = () => {
    if (!opened) {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      opened = promised(request);
      opened.catch(() => { opened = null; });
    }
    return opened;
  };
  const run = async (mode, action) => {
    const tx = (await db()).transaction(STORE, mode);
    const result = await promised(action(tx.objectStore(STORE)));
    if (mode === 'readwrite') {
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    }
    return result;
  };
  return {
    describe: `IndexedDB database "${name}"`,
    load: async () => (await run('readonly', (s) => s.get(KEY))) ?? null,
    save: (text) => run('readwrite', (s) => s.put(text, KEY)),
    setAside: async () => {
      const text = await run('readonly', (s) => s.get(KEY));
      await run('readwrite', (s) => s.put(text, `unreadable-${Date.now()}`));
      return `key "unreadable-…" of ${name}`;
    },
    clear: () => run('readwrite', (s) => s.clear()),
  };
}
