/**
 * The plan script's code cache file (`x.compiled.plan-script.v8cache`), written by
 * plan-script-files.ts and read by plan-file.ts. V8 checks a code cache only against its own
 * version, its flags and the source's length: not its bytes (Node 20's V8 skips its checksum
 * outside debug builds: a cut-off or bit-flipped cache is taken as is) nor which source it was
 * made from. So the file says what it is for, and carries what shows it whole:
 *
 *   `lcz-plan-script-cache 1 <node version> <arch> <script bytes> <data bytes> <script sha256>\n`,
 *   then V8's cached data twice.
 *
 * The script's SHA-256 is also on the script's own last line (`lcz build` writes both). The data
 * is used only when the header names this Node and arch, the script's length and last line, and
 * the two copies of the data are the same, byte for byte. These are comparisons (Buffer#equals,
 * in native code): hashing at load would import node:crypto, 3–7 ms at a cold start, more than
 * the cache saves (docs/performance.md, "Cold start: the plan script"). Otherwise the script is
 * compiled from its text, with the same results. What this does not see: a script edited by hand
 * to the same length with its last line kept (the file is generated: build it again instead).
 */
const MAGIC = 'lcz-plan-script-cache';
const VERSION = 1;
/** The script's last line: its SHA-256 (hex) of the text before it. */
const DIGEST_LINE = /\n\/\/# lcz-plan-script-sha256=([0-9a-f]{64})\n$/;

/** The last line of a plan script whose text before it has SHA-256 `digest` (hex). */
export function planScriptDigestLine(digest: string): string {
  return `//# lcz-plan-script-sha256=${digest}\n`;
}

/** The cache file for V8's `data`, made from `script` (a plan script with its digest line). */
export function planScriptCacheFile(script: Uint8Array, data: Uint8Array): Buffer {
  const digest = digestOf(Buffer.from(script.buffer, script.byteOffset, script.length));
  if (digest === undefined) throw new Error('a plan script ends with its digest line');
  const header = `${MAGIC} ${VERSION} ${process.version} ${process.arch} ${script.length} ${data.length} ${digest}\n`;
  return Buffer.concat([Buffer.from(header, 'latin1'), data, data]);
}

/** V8's cached data in `file` when it is whole and made for `script` in this Node; else undefined. */
export function planScriptCachedData(file: Buffer, script: Buffer): Buffer | undefined {
  const found = headerOf(file, script);
  if (found === undefined || file.length !== found.start + 2 * found.bytes) return undefined;
  const data = file.subarray(found.start, found.start + found.bytes);
  return data.equals(file.subarray(found.start + found.bytes)) ? data : undefined;
}

/** The file operations readPlanScriptCachedData uses (node:fs's, passed in: the loader takes them from Node). */
export type CacheFileReader = Pick<typeof import('node:fs'), 'openSync' | 'readSync' | 'closeSync'>;

/** How much of the second copy is read at a time to be compared with the first. */
const PIECE = 65_536;

/**
 * planScriptCachedData of the file at `path`, read so that only one copy of the data is ever in
 * memory whole: the header, the first copy, then the second in pieces of 64 kB compared with the
 * first as they come. Reading the whole file (two copies of ~300 kB for Lai Châu) paged in ~70
 * more fresh memory pages at a cold start (docs/performance.md, "Cold start: built-ins without
 * their ES module wrapper"). The same checks: a file of another length, a copy that differs, a
 * header for another script or Node gives undefined. Errors opening or reading it are thrown.
 */
export function readPlanScriptCachedData(fs: CacheFileReader, path: string, script: Buffer): Buffer | undefined {
  const fd = fs.openSync(path, 'r');
  try {
    const head = Buffer.allocUnsafe(HEADER_MAX + 1);
    const headLength = fs.readSync(fd, head, 0, head.length, 0);
    const found = headerOf(head.subarray(0, headLength), script);
    if (found === undefined) return undefined;
    const { start, bytes } = found;
    const data = Buffer.allocUnsafe(bytes);
    if (readFully(fs, fd, data, start) !== bytes) return undefined;
    const piece = Buffer.allocUnsafe(Math.min(PIECE, bytes));
    for (let at = 0; at < bytes; at += piece.length) {
      const length = Math.min(piece.length, bytes - at);
      const view = piece.subarray(0, length);
      if (readFully(fs, fd, view, start + bytes + at) !== length) return undefined;
      if (!view.equals(data.subarray(at, at + length))) return undefined;
    }
    // Nothing after the second copy.
    return fs.readSync(fd, piece, 0, 1, start + 2 * bytes) === 0 ? data : undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads into all of `into` from `position`, as far as the file goes: the bytes read. */
function readFully(fs: CacheFileReader, fd: number, into: Buffer, position: number): number {
  let done = 0;
  while (done < into.length) {
    const n = fs.readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/** The longest header line taken (its fields are short). */
const HEADER_MAX = 300;

/** Where the data starts and how long one copy is, when the header is this format's, for this Node and `script`. */
function headerOf(file: Buffer, script: Buffer): { readonly start: number; readonly bytes: number } | undefined {
  const end = file.indexOf(0x0a);
  if (end < 0 || end > HEADER_MAX) return undefined;
  const fields = file.toString('latin1', 0, end).split(' ');
  if (fields.length !== 7 || fields[0] !== MAGIC || fields[1] !== String(VERSION)) return undefined;
  if (fields[2] !== process.version || fields[3] !== process.arch) return undefined;
  if (Number(fields[4]) !== script.length || fields[6] !== digestOf(script)) return undefined;
  const bytes = Number(fields[5]);
  if (!Number.isSafeInteger(bytes) || bytes <= 0) return undefined;
  return { start: end + 1, bytes };
}

function digestOf(script: Buffer): string | undefined {
  return DIGEST_LINE.exec(script.toString('latin1', Math.max(0, script.length - 100)))?.[1];
}
