/**
 * Output files written whole or not at all: the bytes go to a temporary file in the target's own
 * folder (the same file system, so the rename is atomic), which replaces the target only when
 * everything was written. A run that fails or is stopped half-way leaves the earlier file as it
 * was, never an empty or cut-off one. Node only; re-exported by `./node`.
 */
import { once } from 'node:events';
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** An output being written: `commit` puts it in place, `abort` throws it away. */
export interface AtomicFile {
  /** The target path. */
  readonly path: string;
  /** Write here; `commit` ends it. */
  readonly stream: WriteStream;
  /** Ends the stream, waits for the bytes to be written, then renames over the target. */
  commit(): Promise<void>;
  /** Drops what was written; the target is untouched. Never throws. */
  abort(): Promise<void>;
}

/**
 * The temporary files being written now. A process stopped by a signal (Ctrl+C on a million-row
 * `lcz evaluate --out`) never reaches commit or abort, and left `.k.jsonl.<pid>.….tmp` files of
 * tens of MB behind: its signal handler calls removeTemporariesSync.
 */
const inProgress = new Set<string>();

/**
 * Deletes every temporary file still being written, at once (synchronous: called from a signal
 * handler just before the process exits). The targets are left as they were. Never throws.
 */
export function removeTemporariesSync(): void {
  for (const temporary of inProgress) {
    try {
      // A folder too: `lcz version new` builds the new version's folder beside it (trackTemporary).
      rmSync(temporary, { recursive: true, force: true });
    } catch {
      // Already gone, or never created: nothing to remove.
    }
  }
  inProgress.clear();
}

/**
 * A temporary file or folder written another way (SQLite's backup, a staged folder), removed by
 * removeTemporariesSync like this module's own until the returned function is called (once it
 * has been renamed into place or removed).
 */
export function trackTemporary(path: string): () => void {
  inProgress.add(path);
  return () => {
    inProgress.delete(path);
  };
}

/** The temporary name beside `path`: hidden, and unique to this process and call. */
function temporaryPath(path: string): string {
  const nonce = `${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return join(dirname(path), `.${basename(path)}.${nonce}.tmp`);
}

/**
 * Opens the temporary file now, so an output that cannot be written (a missing folder, no
 * permission, a folder in the way) fails before any work. Errors carry Node's `code`.
 */
export async function openAtomicFile(path: string, options: { highWaterMark?: number } = {}): Promise<AtomicFile> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
  const temporary = temporaryPath(path);
  inProgress.add(temporary);
  const stream = createWriteStream(temporary, {
    flags: 'wx',
    ...(options.highWaterMark !== undefined ? { highWaterMark: options.highWaterMark } : {}),
  });
  try {
    await once(stream, 'open');
  } catch (error) {
    inProgress.delete(temporary);
    throw error;
  }
  let done = false;
  return {
    path,
    stream,
    async commit() {
      if (done) return;
      done = true;
      try {
        if (!stream.writableFinished) {
          if (!stream.writableEnded) stream.end();
          await once(stream, 'finish');
        }
        await rename(temporary, path);
      } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw error;
      } finally {
        inProgress.delete(temporary);
      }
    },
    async abort() {
      if (done) return;
      done = true;
      if (!stream.closed) {
        stream.destroy();
        await once(stream, 'close').catch(() => undefined);
      }
      await unlink(temporary).catch(() => undefined);
      inProgress.delete(temporary);
    },
  };
}

/** Writes a whole file atomically (see the module comment). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
  const temporary = temporaryPath(path);
  inProgress.add(temporary);
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  } finally {
    inProgress.delete(temporary);
  }
}
