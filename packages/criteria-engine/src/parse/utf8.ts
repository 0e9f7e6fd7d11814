/**
 * Bytes → text, refusing what is not UTF-8 instead of turning it into U+FFFD: a Latin-1 or
 * Windows-1258 file would otherwise read as "Th�n H�a" and be evaluated as if that were the
 * name. The first bad byte is located by line and column, and a UTF-16 file (byte-order mark
 * FF FE or FE FF, as Notepad's "Unicode" writes) is named as such. A UTF-8 byte-order mark is
 * kept in the text, as readFile(…, 'utf8') keeps it: the readers after this skip it.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface NotUtf8 {
  /** `utf-16le` / `utf-16be` (found by the byte-order mark), or `invalid`. */
  readonly encoding: 'utf-16le' | 'utf-16be' | 'invalid';
  /** 0-based byte offset of the first byte that is not UTF-8. */
  readonly offset: number;
  readonly line: number;
  /** 1-based, in UTF-16 code units of the text before it on its line, as editors count. */
  readonly column: number;
  /** The byte, as two hex digits. */
  readonly byte: string;
}

/** The text of `bytes`, or where and why it is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | NotUtf8 {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16('utf-16le', bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16('utf-16be', bytes);
  try {
    return fatal.decode(bytes);
  } catch {
    return locate(bytes, firstInvalid(bytes));
  }
}

/** A `text_encoding` diagnostic for `file`, at the problem's line and column. */
export function notUtf8Diagnostic(file: string, problem: NotUtf8): Diagnostic {
  return {
    code: 'text_encoding',
    severity: 'error',
    file,
    line: problem.line,
    column: problem.column,
    // `encoding` only when it is known (UTF-16); otherwise the place and the byte say it all.
    params:
      problem.encoding === 'invalid'
        ? { path: file, offset: problem.offset, byte: problem.byte }
        : { path: file, encoding: problem.encoding },
  };
}

function utf16(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array): NotUtf8 {
  return { encoding, offset: 0, line: 1, column: 1, byte: hex(bytes[0] ?? 0) };
}

function locate(bytes: Uint8Array, offset: number): NotUtf8 {
  let lineStart = 0;
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  // Everything before `offset` is valid UTF-8, so it decodes to the text an editor shows.
  const before = fatal.decode(bytes.subarray(lineStart, offset));
  return { encoding: 'invalid', offset, line, column: before.length + 1, byte: hex(bytes[offset] ?? 0) };
}

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalid(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b === undefined) break;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need > n - 1) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}
