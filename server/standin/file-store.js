// Node persistence for the stand-in: the state as a JSON file, replaced
// atomically (temp file, fsync, rename), so a crash never leaves half a file.
// A process killed between writing a temp file and renaming it (kill -9)
// leaves `<file>.<pid>.<hex>.tmp` behind: at start, those of processes that
// are no longer running are removed.
import { mkdirSync, readFileSync, readdirSync, renameSync, unlinkSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when a process with this id runs (EPERM: it runs as another user). */
function isRunning(pid) {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Removes the temp files a killed writer of `file` left behind; keeps those of
 * live processes (another stand-in on the same file may be mid-write).
 * @returns {string[]} the names removed
 */
export function removeStaleTempFiles(file) {
  const dir = dirname(file);
  const pattern = new RegExp(`^${escapeRegExp(basename(file))}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match || isRunning(Number(match[1]))) continue;
    try {
      unlinkSync(join(dir, name));
      removed.push(name);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
  }
  return removed;
}

/**
 * A persistence adapter for createStandIn({ store }) (see state.js).
 * @param {string} file
 * @param {{ log?: (line: string) => void }} [options]
 */
export function fileStore(file, { log } = {}) {
  const removed = removeStaleTempFiles(file);
  if (removed.length) log?.(`stand-in state: removed ${removed.length} stale temp file(s) next to ${file}`);
  return {
    file,
    describe: file,
    load() {
      try {
        return readFileSync(file, 'utf8');
      } catch (cause) {
        if (cause.code === 'ENOENT') return null;
        throw new Error(`stand-in state: cannot read ${file}: ${cause.message}`);
      }
    },
    setAside() {
      // Keep the unreadable file for inspection instead of overwriting it.
      const aside = `${file}.unreadable-${Date.now()}`;
      renameSync(file, aside);
      return aside;
    },
    async save(text) {
      mkdirSync(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      const handle = await open(temp, 'w', 0o600);
      try {
        await handle.writeFile(text);
        await handle.sync();
      } catch (error) {
        await handle.close().catch(() => {});
        await unlink(temp).catch(() => {});
        throw error;
      }
      await handle.close();
      await rename(temp, file);
    },
  };
}
