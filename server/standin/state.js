// The stand-in's mutable state: orders and voicesites per customer. Held in
// memory; a persistence adapter (memoryStore here, fileStore in Node,
// indexedDbStore in a browser) loads it at start and receives it after each
// change. The adapter contract, all methods async-capable:
//   load()             -> the saved JSON text, or null/undefined when there is none
//   save(text)         -> stores the JSON text (must replace the previous one whole)
//   setAside?(reason)  -> keeps an unreadable saved state for inspection; returns where
//   describe?          -> a name for log lines ("state file x.json")

const VERSION = 1;

export function emptyState(voicesites = {}) {
  // orders: { [customerCode]: { [customerOrderReference]: order } }
  // voicesites: { [voiceSiteId]: voicesite }
  return { version: VERSION, orders: {}, voicesites };
}

export function isValidState(s) {
  return !!s && typeof s === 'object' && s.version === VERSION
    && !!s.orders && typeof s.orders === 'object' && !!s.voicesites && typeof s.voicesites === 'object';
}

/**
 * Keeps the saved state in this object only: it outlives a stand-in (hand the
 * same store to the next createStandIn to "restart" it), not the process.
 */
export function memoryStore() {
  let text = null;
  return {
    describe: 'memory',
    load: () => text,
    save: (next) => { text = next; },
  };
}

export class StateStore {
  /**
   * @param {{ store?: object, log?: (line: string) => void, seed?: () => object }} options store: a persistence
   *   adapter (omitted: nothing kept); seed: the voicesites a fresh or reset state starts with
   */
  constructor({ store, log, seed = () => ({}) } = {}) {
    this.store = store ?? null;
    this.log = log;
    this.seed = seed;
    this.data = emptyState(seed());
    this.writing = null; // the write in progress
    this.pending = null; // one more write queued behind it, shared by all callers
  }

  /** Loads the saved state, if any. An unreadable one is set aside (when the store can) and the state starts empty. */
  async load() {
    if (!this.store) return;
    const text = await this.store.load();
    if (text === null || text === undefined) return;
    let parsed = null;
    try {
      parsed = JSON.parse(String(text));
    } catch {
      parsed = null;
    }
    if (isValidState(parsed)) {
      this.data = parsed;
      return;
    }
    const aside = await this.store.setAside?.('unreadable');
    const name = this.store.describe ?? 'the saved state';
    this.log?.(`stand-in state: ${name} was unreadable${aside ? `, moved to ${aside}` : ''}; starting empty`);
  }

  /**
   * Persists the current state. Calls made while a write runs share a single
   * follow-up write, so the store always ends with the latest state and
   * writes never overlap. Resolves once the state as of this call is stored.
   */
  save() {
    if (!this.store) return Promise.resolve();
    if (!this.writing) {
      this.writing = Promise.resolve()
        .then(() => this.store.save(JSON.stringify(this.data, null, 2)))
        .finally(() => { this.writing = null; });
      return this.writing;
    }
    if (!this.pending) {
      this.pending = this.writing.catch(() => {}).then(() => {
        this.pending = null;
        return this.save();
      });
    }
    return this.pending;
  }

  reset() {
    this.data = emptyState(this.seed());
    return this.save();
  }
}
