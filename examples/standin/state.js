// The stand-in's mutable state: orders and voicesites per customer. Held in
// memory; when a file is given it is loaded at start and rewritten after each
// change (temp file + rename, so a crash never leaves half a file behind).
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';

const VERSION = 1;

export function emptyState() {
  // orders: { [customerCode]: { [customerOrderReference]: order } }
  // voicesites: { [voiceSiteId]: voicesite }
  return { version: VERSION, orders: {}, voicesites: {} };
}

function isValidState(s) {
  return s && typeof s === 'object' && s.version === VERSION
    && s.orders && typeof s.orders === 'object' && s.voicesites && typeof s.voicesites === 'object';
}

export class StateStore {
  /** @param {{ file?: string, log?: (line: string) => void }} options */
  constructor({ file, log } = {}) {
    this.file = file;
    this.log = log;
    this.data = emptyState();
    this.writing = null; // the write in progress
    this.pending = null; // one more write queued behind it, shared by all callers
    if (file) this.load();
  }

  load() {
    let text;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (cause) {
      if (cause.code === 'ENOENT') return;
      throw new Error(`stand-in state: cannot read ${this.file}: ${cause.message}`);
    }
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    if (isValidState(parsed)) {
      this.data = parsed;
    } else {
      // Keep the unreadable file for inspection instead of overwriting it.
      const aside = `${this.file}.unreadable-${Date.now()}`;
      renameSync(this.file, aside);
      this.log?.(`stand-in state: ${this.file} was unreadable, moved to ${aside}; starting empty`);
    }
  }

  /**
   * Persists the current state. Calls made while a write runs share a single
   * follow-up write, so the file always ends with the latest state and
   * writes never overlap. Resolves once the state as of this call is on disk.
   */
  save() {
    if (!this.file) return Promise.resolve();
    if (!this.writing) {
      this.writing = this.writeNow().finally(() => { this.writing = null; });
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

  async writeNow() {
    const text = JSON.stringify(this.data, null, 2);
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.file);
  }

  reset() {
    this.data = emptyState();
    return this.save();
  }
}
