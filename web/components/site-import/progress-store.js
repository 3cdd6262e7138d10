// Where a site import keeps its progress (DOM-free interface): the file as imported, the
// mapping and edits, and one record per row (state, orderId, voiceSiteId, error). Never a
// secret: no credential ever reaches an import or a record.
//
// IndexedDbProgressStore is the browser's; MemoryProgressStore is the in-memory fake the
// Node tests use (and the fallback where IndexedDB is unavailable, e.g. private windows).

const DB_NAME = 'btalk-forms-site-import';
const DB_VERSION = 1;

const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

export class MemoryProgressStore {
  #imports = new Map();
  #records = new Map(); // importId -> Map(key -> record)

  async saveImport(meta) { this.#imports.set(meta.importId, clone(meta)); }
  async loadImport(importId) { return clone(this.#imports.get(importId)) ?? null; }
  async listImports() { return [...this.#imports.values()].map(clone).sort((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0)); }

  async saveRecord(importId, record) {
    if (!this.#records.has(importId)) this.#records.set(importId, new Map());
    this.#records.get(importId).set(record.key, clone(record));
  }

  async loadRecords(importId) { return [...(this.#records.get(importId)?.values() ?? [])].map(clone); }

  async deleteImport(importId) {
    this.#imports.delete(importId);
    this.#records.delete(importId);
  }
}

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export class IndexedDbProgressStore {
  #db = null;
  #factory;

  constructor(factory = globalThis.indexedDB) {
    this.#factory = factory;
  }

  static available() {
    return typeof globalThis.indexedDB?.open === 'function';
  }

  #open() {
    if (!this.#db) {
      this.#db = new Promise((resolve, reject) => {
        const req = this.#factory.open(DB_NAME, DB_VERSION);
        req.onupgradeneeded = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('imports')) db.createObjectStore('imports', { keyPath: 'importId' });
          if (!db.objectStoreNames.contains('records')) db.createObjectStore('records', { keyPath: ['importId', 'key'] });
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
        req.onblocked = () => reject(new Error('The import progress database is blocked by another tab.'));
      });
      this.#db.catch(() => { this.#db = null; });
    }
    return this.#db;
  }

  async #tx(stores, mode, work) {
    const db = await this.#open();
    const tx = db.transaction(stores, mode);
    const done = new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('The import progress could not be saved.'));
    });
    const result = await work(tx);
    await done;
    return result;
  }

  saveImport(meta) {
    return this.#tx(['imports'], 'readwrite', (tx) => { tx.objectStore('imports').put(clone(meta)); });
  }

  loadImport(importId) {
    return this.#tx(['imports'], 'readonly', async (tx) => (await request(tx.objectStore('imports').get(importId))) ?? null);
  }

  async listImports() {
    const all = await this.#tx(['imports'], 'readonly', (tx) => request(tx.objectStore('imports').getAll()));
    return all.sort((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0));
  }

  saveRecord(importId, record) {
    return this.#tx(['records'], 'readwrite', (tx) => { tx.objectStore('records').put({ ...clone(record), importId }); });
  }

  loadRecords(importId) {
    const range = IDBKeyRange.bound([importId, -Infinity], [importId, []]);
    return this.#tx(['records'], 'readonly', async (tx) => (await request(tx.objectStore('records').getAll(range)))
      .map(({ importId: _, ...record }) => record));
  }

  deleteImport(importId) {
    return this.#tx(['imports', 'records'], 'readwrite', (tx) => {
      tx.objectStore('imports').delete(importId);
      tx.objectStore('records').delete(IDBKeyRange.bound([importId, -Infinity], [importId, []]));
    });
  }
}

/** The store for this environment: IndexedDB where available, else memory. */
export function defaultProgressStore() {
  return IndexedDbProgressStore.available() ? new IndexedDbProgressStore() : new MemoryProgressStore();
}
