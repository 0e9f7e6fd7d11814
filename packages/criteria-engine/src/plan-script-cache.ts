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
  const end = file.indexOf(0x0a);
  if (end < 0 || end > 300) return undefined;
  const fields = file.toString('latin1', 0, end).split(' ');
  if (fields.length !== 7 || fields[0] !== MAGIC || fields[1] !== String(VERSION)) return undefined;
  if (fields[2] !== process.version || fields[3] !== process.arch) return undefined;
  if (Number(fields[4]) !== script.length || fields[6] !== digestOf(script)) return undefined;
  const bytes = Number(fields[5]);
  const start = end + 1;
  if (!Number.isSafeInteger(bytes) || bytes <= 0 || file.length !== start + 2 * bytes) return undefined;
  const data = file.subarray(start, start + bytes);
  return data.equals(file.subarray(start + bytes)) ? data : undefined;
}

/** The digest a plan script's last line gives, if it has one. */
function digestOf(script: Buffer): string | undefined {
  return DIGEST_LINE.exec(script.toString('latin1', Math.max(0, script.length - 100)))?.[1];
}
