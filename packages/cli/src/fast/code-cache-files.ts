/**
 * The code cache files of the one-file bundle's launcher (launch.ts): V8's cached data with the
 * SHA-256 of its bytes in front (V8 itself does not notice a damaged one), read so that V8 can use
 * it in place, written whole or not at all. The user's (in the cache folder, written after a warm
 * run) and the build's first-run ones (in dist, beside the file they are for: first-run-code-cache.ts).
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { LaunchNote } from './launch.js';

/** The user's code cache of the bundle, in the cache folder: `evaluate-fast-<hash>.v8cache`. */
export const CODE_CACHE_PREFIX = 'evaluate-fast-';
export const CODE_CACHE_SUFFIX = '.v8cache';
/** The SHA-256 (hex) of the cached bytes, then a newline, then the bytes. */
const DIGEST_LENGTH = 64;

/** The build's first-run code caches of `<name>.cjs`: `<name>.first-run-<hash>.v8cache` beside it. */
export function firstRunCodeCachePrefix(file: string): string {
  return `${basename(file, '.cjs')}.first-run-`;
}

/**
 * Where the build puts the first-run code cache of `file` (a script of dist whose bytes are
 * `bytes`): named by this Node (its version and architecture: V8's cached data is its own) and
 * the SHA-256 of the script's bytes, so that a cache is only ever read for the exact text it was
 * made from (V8 checks no more than the text's length). Hashing the bundle's 0.7 MB costs about
 * 0.6 ms, only in a run that has no code cache of its own.
 */
export function firstRunCodeCachePath(file: string, bytes: Buffer): string {
  const script = createHash('sha256').update(bytes).digest('hex');
  const name = createHash('sha256').update(`${process.version}\u0000${process.arch}\u0000${script}`).digest('hex');
  return join(dirname(file), `${firstRunCodeCachePrefix(file)}${name.slice(0, 32)}${CODE_CACHE_SUFFIX}`);
}

/** Reads `length` bytes of the open file `fd` into `buffer` at `at`; the count read (less at its end). */
export function readInto(fd: number, buffer: Buffer, at: number, length: number): number {
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, at + read, length - read, read);
    if (n === 0) break;
    read += n;
  }
  return read;
}

/**
 * V8 reads a code cache in place only when it starts at an address that is a multiple of 8; any
 * other one it first copies whole (another 700 kB of fresh pages: a warm run read 7 bytes in
 * faulted 4,640 times, read at the start 4,790). The cached bytes come after a
 * 65-byte header (DIGEST_LENGTH and a newline), so the file is read 7 bytes into its buffer.
 */
export const PAYLOAD_ALIGNMENT = 8;
const HEADER_LENGTH = DIGEST_LENGTH + 1;
const READ_AT = (PAYLOAD_ALIGNMENT - (HEADER_LENGTH % PAYLOAD_ALIGNMENT)) % PAYLOAD_ALIGNMENT;

/**
 * The cached code when it is there and whole; a note when it is there but damaged. Read into
 * `scratch` (the bundle's buffer, its bytes already decoded) when it fits, else a buffer of its own.
 */
export function readCodeCache(
  path: string,
  notes: LaunchNote[],
  scratch: Buffer,
  damaged: LaunchNote['key'] = 'code_cache_damaged',
): Buffer | undefined {
  let bytes: Buffer;
  try {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      // A buffer from Node's allocator starts at a multiple of 8 (malloc's alignment, 16).
      const buffer = scratch.length >= READ_AT + size ? scratch : Buffer.allocUnsafeSlow(READ_AT + size);
      bytes = buffer.subarray(READ_AT, READ_AT + readInto(fd, buffer, READ_AT, size));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined; // none yet
  }
  const digest = bytes.subarray(0, DIGEST_LENGTH).toString('latin1');
  const data = bytes.subarray(HEADER_LENGTH);
  if (bytes[DIGEST_LENGTH] === 0x0a && createHash('sha256').update(data).digest('hex') === digest) return data;
  notes.push({ key: damaged, params: { entry: path } });
  return undefined;
}

/**
 * Written whole or not at all (a temporary file renamed over it), and the caches of other builds
 * (the files of its folder named `<prefix>…<CODE_CACHE_SUFFIX>`) removed. A folder that cannot be
 * written is not an error here: the compiled-rules cache, kept in the same folder, already said so
 * in this run, and nothing but the next start's speed depends on it.
 */
export function writeCodeCache(path: string, data: Buffer, prefix = CODE_CACHE_PREFIX): void {
  const folder = dirname(path);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      temporary,
      Buffer.concat([Buffer.from(`${createHash('sha256').update(data).digest('hex')}\n`), data]),
    );
    renameSync(temporary, path);
    for (const name of readdirSync(folder)) {
      const other = join(folder, name);
      if (name.startsWith(prefix) && name.endsWith(CODE_CACHE_SUFFIX) && other !== path) unlinkSync(other);
    }
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // not written
    }
  }
}
