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
  const found = headerOf(file);
  if (found === undefined || !madeFor(found, script) || file.length !== found.start + 2 * found.bytes) return undefined;
  const data = file.subarray(found.start, found.start + found.bytes);
  return data.equals(file.subarray(found.start + found.bytes)) ? data : undefined;
}

/** The file operations readPlanScript uses (node:fs's, passed in: the loader takes them from Node). */
export type PlanScriptReader = Pick<typeof import('node:fs'), 'openSync' | 'fstatSync' | 'readSync' | 'closeSync'>;

/** How much of the cache's second copy is read at a time to be compared with the first. */
const PIECE = 16_384;

/**
 * The plan script at `path` as text, and V8's cached data from `cachePath` when planScriptCachedData
 * would give it (whole, made for this script and this Node; else undefined, and no error for a
 * cache that is missing or unreadable). Undefined when there is no file at `path`; other errors
 * reading the script are thrown.
 *
 * Read to touch as few fresh memory pages, and as few of Node's functions for the first time, as
 * it can: at a cold start on a VM each fresh page costs 15–30 µs, and each fs function's first call
 * 0.1–0.3 ms (docs/performance.md, "Cold start: one buffer for the script and its cache"). The
 * cache's header is read first: it says how long the script is (no `fstat`) and how big ONE
 * buffer must be to hold the script's bytes until they are text, then the cache's first copy,
 * then, piece by piece, its second copy to compare. A script the header names (its length and
 * digest line) is lcz build's, which is ASCII (generate/plan-script-code.ts), so it is read as
 * latin1, one byte a character. Any other script, and one whose cache proves damaged, is read
 * (again) whole as UTF-8, right for any text: a damaged cache gives what no cache gives.
 */
export function readPlanScript(
  fs: PlanScriptReader,
  path: string,
  cachePath: string,
): { readonly text: string; readonly cachedData: Buffer | undefined } | undefined {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'ENOENT') return undefined;
    throw e;
  }
  let cache: number | undefined;
  try {
    let found: Header | undefined;
    try {
      cache = fs.openSync(cachePath, 'r');
      const head = Buffer.allocUnsafe(HEADER_MAX + 1);
      found = headerOf(head.subarray(0, fs.readSync(cache, head, 0, head.length, 0)));
    } catch {
      // no cache: compiled from the text
    }
    if (found !== undefined && cache !== undefined) {
      const { scriptBytes, bytes } = found;
      // One byte more than the script should have: a longer file is not the script the header names.
      const all = Buffer.allocUnsafe(Math.max(scriptBytes + 1, bytes + PIECE));
      const script = all.subarray(0, readFully(fs, fd, all.subarray(0, scriptBytes + 1), 0));
      if (madeFor(found, script)) {
        const text = script.toString('latin1');
        const data = all.subarray(0, bytes);
        if (copiesAgree(fs, cache, found, data, all.subarray(bytes))) return { text, cachedData: data };
      }
    }
    const whole = Buffer.allocUnsafe(fs.fstatSync(fd).size);
    return { text: whole.toString('utf8', 0, readFully(fs, fd, whole, 0)), cachedData: undefined };
  } finally {
    fs.closeSync(fd);
    if (cache !== undefined) fs.closeSync(cache);
  }
}

/** Reads the first copy into `data`, then the second piece by piece into `piece`: true when both are whole and the same and nothing follows. */
function copiesAgree(fs: PlanScriptReader, fd: number, found: Header, data: Buffer, piece: Buffer): boolean {
  const { start, bytes } = found;
  try {
    if (readFully(fs, fd, data, start) !== bytes) return false;
    for (let at = 0; at < bytes; at += piece.length) {
      const view = piece.subarray(0, Math.min(piece.length, bytes - at));
      if (readFully(fs, fd, view, start + bytes + at) !== view.length) return false;
      if (!view.equals(data.subarray(at, at + view.length))) return false;
    }
    return fs.readSync(fd, piece, 0, 1, start + 2 * bytes) === 0;
  } catch {
    return false; // an unreadable cache is no cache
  }
}

/** Reads into all of `into` from `position`, as far as the file goes: the bytes read. */
function readFully(fs: PlanScriptReader, fd: number, into: Buffer, position: number): number {
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

/** What a header of this format, for this Node, says. */
interface Header {
  /** Where the data starts, and how long one copy is. */
  readonly start: number;
  readonly bytes: number;
  /** The script's length and digest. */
  readonly scriptBytes: number;
  readonly digest: string;
}

/** The header at the start of `file` when it is this format's and for this Node. */
function headerOf(file: Buffer): Header | undefined {
  const end = file.indexOf(0x0a);
  if (end < 0 || end > HEADER_MAX) return undefined;
  const fields = file.toString('latin1', 0, end).split(' ');
  if (fields.length !== 7 || fields[0] !== MAGIC || fields[1] !== String(VERSION)) return undefined;
  if (fields[2] !== process.version || fields[3] !== process.arch) return undefined;
  const scriptBytes = Number(fields[4]);
  const bytes = Number(fields[5]);
  if (!(sizeOk(scriptBytes) && sizeOk(bytes))) return undefined;
  return { start: end + 1, bytes, scriptBytes, digest: fields[6] as string };
}

/** A length a header may give: the buffer for it is allocated before the file says otherwise (1 GiB at most). */
function sizeOk(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0 && n <= 2 ** 30;
}

/** The header names `script`: its length and the digest on its last line. */
function madeFor(found: Header, script: Buffer): boolean {
  return found.scriptBytes === script.length && found.digest === digestOf(script);
}

function digestOf(script: Buffer): string | undefined {
  return DIGEST_LINE.exec(script.toString('latin1', Math.max(0, script.length - 100)))?.[1];
}
