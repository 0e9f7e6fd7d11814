/**
 * Cuts the body of a CSV file into blocks of whole records for the decide workers
 * (decide-workers.ts), counting the records (spreadsheet rows) and lines of each block, so the
 * main thread knows the row and line every block starts at before any worker has read it.
 *
 * A record ends at a line break (\n, \r\n or \r) outside quotes. Quotes are followed by their
 * parity: a doubled quote inside a quoted cell closes and reopens it, which leaves the state as
 * it was. For every well-formed record this finds the boundaries the tokenizer finds
 * (formats/csv-fast.ts splitRecord), and a line count made the same way (the record's own line
 * break, plus each \n inside its quoted cells). A malformed record may be cut elsewhere, which
 * does no harm: the block it is in starts where the tokenizer would start it (every record before
 * it is well formed), so the worker reading that block stops at it with the tokenizer's error,
 * and nothing after an error is used.
 *
 * Scanning uses indexOf (native) for line breaks and quotes, remembering the next of each, so a
 * plain record costs about one indexOf.
 */
import { CR, LF, QUOTE } from '../formats/csv-fast.js';

/** A cut: `end` bytes of the text given, holding `records` records over `lines` lines. */
export interface Cut {
  readonly end: number;
  readonly records: number;
  readonly lines: number;
}

/**
 * The last record boundary at or after `want` bytes of `bytes` (which starts at a record
 * boundary), or at the last one before it when `want` is past the text; undefined when `bytes`
 * holds no whole record. Only whole records are cut: a record whose line break (or whose
 * closing quote) is not in `bytes` yet waits for more.
 */
export function cutRecords(bytes: Uint8Array, want: number): Cut | undefined {
  const n = bytes.length;
  // indexOf on a Uint8Array is the generic one; a Buffer view of the same memory is native.
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, n);
  let pos = 0;
  let records = 0;
  let lines = 0;
  // The last boundary found: after `cutEnd` bytes, `cutCount` records over `cutLines` lines.
  let cutEnd = 0;
  let cutCount = 0;
  let cutLines = 0;
  let nextQuote = b.indexOf(QUOTE, 0);
  let nextCr = b.indexOf(CR, 0);
  let nextLf = b.indexOf(LF, 0);
  while (pos < n) {
    if (nextLf >= 0 && nextLf < pos) nextLf = b.indexOf(LF, pos);
    if (nextCr >= 0 && nextCr < pos) nextCr = b.indexOf(CR, pos);
    if (nextQuote >= 0 && nextQuote < pos) nextQuote = b.indexOf(QUOTE, pos);
    const lineBreak = nextCr < 0 ? nextLf : nextLf < 0 ? nextCr : Math.min(nextLf, nextCr);
    if (lineBreak < 0) break;
    if (nextQuote >= 0 && nextQuote < lineBreak) {
      // A quoted stretch: to the next quote, line breaks inside it included.
      const closing = b.indexOf(QUOTE, nextQuote + 1);
      if (closing < 0) break;
      for (let i = nextLf; i >= 0 && i < closing; i = b.indexOf(LF, i + 1)) lines++;
      pos = closing + 1;
      continue;
    }
    let end = lineBreak + 1;
    if (bytes[lineBreak] === CR) {
      // \r\n is one line break; a \r at the very end waits to see what follows it.
      if (end >= n) break;
      if (bytes[end] === LF) end++;
    }
    records++;
    lines++;
    pos = end;
    cutEnd = end;
    cutCount = records;
    cutLines = lines;
    if (end >= want) break;
  }
  return cutEnd > 0 ? { end: cutEnd, records: cutCount, lines: cutLines } : undefined;
}
