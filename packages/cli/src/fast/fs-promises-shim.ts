/**
 * Stands for `node:fs/promises` in the one-file bundle (tsup.fast.config.ts): the functions the
 * bundled code imports from it, done with the synchronous calls and returned as promises. A
 * one-file `lcz evaluate` makes a few dozen small file calls one after the other (stat the input,
 * read its head, find the ruleset, read it, its includes and the cache entry, read the
 * assessment). Through `node:fs/promises` each one was a hop to libuv's thread pool and back
 * (the pool's four threads started by the first), a wait for a core on a busy machine; and
 * loading the module itself pulled in Node's readline, events and stream interfaces. The run
 * does nothing else while it waits, so nothing is lost by not waiting. The same results and the
 * same errors (code, path, syscall), thrown as rejections as before.
 */
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';

export async function readFile(...args: Parameters<typeof readFileSync>): Promise<string | Buffer> {
  return readFileSync(...args);
}

export async function stat(path: string): Promise<Stats> {
  return statSync(path);
}

export async function readdir(...args: Parameters<typeof readdirSync>): Promise<ReturnType<typeof readdirSync>> {
  return readdirSync(...args);
}

export async function mkdir(...args: Parameters<typeof mkdirSync>): Promise<string | undefined> {
  return mkdirSync(...args);
}

export async function rename(...args: Parameters<typeof renameSync>): Promise<void> {
  renameSync(...args);
}

export async function unlink(...args: Parameters<typeof unlinkSync>): Promise<void> {
  unlinkSync(...args);
}

export async function writeFile(...args: Parameters<typeof writeFileSync>): Promise<void> {
  writeFileSync(...args);
}

/** The part of a FileHandle the bundled code uses (commands/evaluate.ts, readHead). */
class FileHandle {
  constructor(private readonly fd: number) {}

  async stat(): Promise<Stats> {
    return fstatSync(this.fd);
  }

  async read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number; buffer: Buffer }> {
    return { bytesRead: readSync(this.fd, buffer, offset, length, position), buffer };
  }

  async close(): Promise<void> {
    closeSync(this.fd);
  }
}

export async function open(path: string, flags: string): Promise<FileHandle> {
  return new FileHandle(openSync(path, flags));
}
