/**
 * Which of its column's exact texts (boolean, enum, ordinal: cells.ts exactChoices) a choice cell
 * holds, read in place in the record's bytes (see slot-row-reader.ts): each text is compared as
 * its UTF-8 bytes, so no string is made per cell and each byte of the cell is read once. Bytes
 * equal to a text's UTF-8 encoding decode to that text and to nothing else, so a match reads as
 * the careful path would read the cell. A cell matching none is not refused here: the row goes to
 * the careful path, which also accepts other spellings (case, diacritics, NFD, spaces) or reports
 * the cell.
 *
 * Layout, for speed (this runs for most cells of a large CSV). The two texts a column matched
 * last are tried first (a column mostly holds the same two or three texts); then the texts
 * starting with the cell's first byte. All columns share one table of Int32s: with an object and
 * a few arrays per column, a row touched several hundred scattered cache lines, and waiting for
 * them cost more than comparing the bytes. A match must end where the cell ends, so at most one
 * text of a column matches: which one is tried first changes only the speed.
 */
export type ChoiceValue = string | boolean;

/**
 * An entry of `table`: [length, value index, next plain entry, next quoted entry, words, short,
 * head, head mask, rest, rest mask, ...bytes], where `words` is where the text's bytes start as
 * little-endian 32-bit words in `words`. When the text followed by the file's delimiter is at
 * most 8 bytes (`short` 1; "Có," and "Không," are), `head` and `rest` are those bytes as two
 * such words, zero past their end, and the masks keep just their bytes.
 */
const LENGTH = 0;
const VALUE = 1;
const NEXT_PLAIN = 2;
const NEXT_QUOTED = 3;
const WORDS = 4;
const SHORT = 5;
const HEAD = 6;
const HEAD_MASK = 7;
const REST = 8;
const REST_MASK = 9;
const BYTES = 10;
/** Per column, `heads` holds the first plain entry per first byte, then the first quoted entry. */
const HEADS = 512;
const QUOTED_HEADS = 256;

const LF = 10;
const CR = 13;
const QUOTE = 34;

export class ChoiceTable {
  /** What each value index reads as (an enum id, or true/false). */
  readonly values: ChoiceValue[] = [];
  /** Per value index, a small number per distinct value of its column (1, 2, …): for the context key. */
  readonly codes: number[] = [];
  /** Per column, the largest code (0 when it has no texts). */
  readonly maxCodes: number[] = [];
  private readonly table: Int32Array;
  /** Each text's bytes four at a time (little-endian), to compare a cell a word at a time. */
  private readonly words: Int32Array;
  /** A view of the bytes last compared (remade when another array comes). */
  private view: DataView = new DataView(new ArrayBuffer(0));
  private viewOf: Uint8Array | undefined;
  private readonly heads: Int32Array;
  /** Per column, side by side: the entries unquoted cells matched last and the one before (-1: none yet). */
  private readonly last: Int32Array;

  /** One column per map of exact texts (cells.ts exactChoices); the delimiter of the file. */
  constructor(columns: readonly ReadonlyMap<string, ChoiceValue>[], delimiter: string) {
    const entries: number[] = [];
    const words: number[] = [];
    this.heads = new Int32Array(columns.length * HEADS).fill(-1);
    this.last = new Int32Array(2 * columns.length).fill(-1);
    columns.forEach((exact, column) => {
      const codeOf = new Map<ChoiceValue, number>();
      const lastOf = new Map<number, number>();
      const link = (first: number, at: number, heads: number, next: number): void => {
        const previous = lastOf.get(heads + first);
        if (previous === undefined) this.heads[column * HEADS + heads + first] = at;
        else entries[previous + next] = at;
        lastOf.set(heads + first, at);
      };
      for (const [text, value] of exact) {
        // Texts CSV must quote with a doubled quote or spread over lines are left to the careful path.
        if (text.length === 0 || /["\r\n]/.test(text)) continue;
        let code = codeOf.get(value);
        if (code === undefined) {
          code = codeOf.size + 1;
          codeOf.set(value, code);
        }
        const bytes = Buffer.from(text, 'utf8');
        const at = entries.length;
        entries.push(bytes.length, this.values.length, -1, -1, words.length, ...shortForm(bytes, delimiter), ...bytes);
        for (let w = 0; w + 4 <= bytes.length; w += 4) words.push(bytes.readInt32LE(w));
        this.values.push(value);
        this.codes.push(code);
        // An unquoted cell cannot hold the delimiter; a quoted one can ("Yếu, kém").
        // Never empty (see above): its first byte is there.
        const first = bytes[0] ?? 0;
        if (!text.includes(delimiter)) link(first, at, 0, NEXT_PLAIN);
        link(first, at, QUOTED_HEADS, NEXT_QUOTED);
      }
      this.maxCodes.push(codeOf.size);
    });
    this.table = Int32Array.from(entries);
    this.words = Int32Array.from(words);
  }

  /** The value index of an entry. */
  valueOf(entry: number): number {
    return this.slot(entry + VALUE);
  }

  /** The length in bytes of an entry's text. */
  lengthOf(entry: number): number {
    return this.slot(entry + LENGTH);
  }

  /**
   * A number of the table. Entries and their links only point inside it, so the -1 (no entry,
   * end of chain) given past its end, where a cast would stand, is never taken.
   */
  private slot(at: number): number {
    return this.table[at] ?? -1;
  }

  /**
   * The entry of `column` an unquoted cell at `start` holds, or -1: its bytes must be followed by
   * the end of the text (`n`), the delimiter `d` or a line break.
   */
  plainAt(column: number, bytes: Uint8Array, start: number, n: number, d: number): number {
    // First the text its first byte names, if short, compared with the delimiter after it as two
    // masked words and one test: no branch on which text it is. (Picking between the two texts
    // the column matched last, below, guesses wrong on rows whose values vary, and a text's
    // length steers the compare loops: branches the processor mispredicts. Measured, the reader
    // spends 5-10% less CPU this way: docs/performance.md, seventh pass.) Otherwise (a long
    // text, another first byte, a line break after it, the end of the bytes near), as before.
    if (start + 8 <= bytes.length) {
      const at = this.heads[column * HEADS + (bytes[start] ?? 0)] ?? -1;
      if (at >= 0 && this.slot(at + SHORT) === 1 && start + this.slot(at + LENGTH) < n) {
        const view = this.viewOn(bytes);
        const head = (view.getInt32(start, true) & this.slot(at + HEAD_MASK)) ^ this.slot(at + HEAD);
        const rest = (view.getInt32(start + 4, true) & this.slot(at + REST_MASK)) ^ this.slot(at + REST);
        if ((head | rest) === 0) return at;
      }
    }
    const recent = this.last;
    // -1: no entry seen yet (also past the end, never reached: a column has its two places).
    const last = recent[2 * column] ?? -1;
    if (last >= 0 && this.isAt(last, bytes, start, n, d, LF, CR)) return last;
    // A column holding two texts in turn ("Có", "Không") finds the other one here.
    const before = recent[2 * column + 1] ?? -1;
    if (before >= 0 && this.isAt(before, bytes, start, n, d, LF, CR)) {
      recent[2 * column] = before;
      recent[2 * column + 1] = last;
      return before;
    }
    const at = this.find(column * HEADS, NEXT_PLAIN, bytes, start, n, d, LF, CR);
    if (at >= 0) {
      recent[2 * column] = at;
      recent[2 * column + 1] = last;
    }
    return at;
  }

  /** The entry of `column` a quoted cell whose content starts at `start` holds, up to a quote; or -1. */
  quotedAt(column: number, bytes: Uint8Array, start: number, n: number): number {
    return this.find(column * HEADS + QUOTED_HEADS, NEXT_QUOTED, bytes, start, n, QUOTE, QUOTE, QUOTE);
  }

  /** The entry of the chain for the cell's first byte that the cell holds, or -1. */
  private find(
    heads: number,
    next: number,
    bytes: Uint8Array,
    start: number,
    n: number,
    t1: number,
    t2: number,
    t3: number,
  ): number {
    if (start >= n) return -1;
    // start < n: the byte is there; a head past the end would be no chain (-1).
    let at = this.heads[heads + (bytes[start] ?? 0)] ?? -1;
    while (at >= 0 && !this.isAt(at, bytes, start, n, t1, t2, t3)) at = this.slot(at + next);
    return at;
  }

  /** A DataView of `bytes` (made again when other bytes come). */
  private viewOn(bytes: Uint8Array): DataView {
    if (bytes !== this.viewOf) {
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      this.viewOf = bytes;
    }
    return this.view;
  }

  /**
   * Whether the entry's bytes are at `start`, followed by the end of the text or by t1, t2 or t3.
   * Compared four bytes at a time through a DataView (unaligned little-endian reads, which the
   * JIT inlines): byte by byte, this loop was half of the choice cells' time (the ratings are
   * 30–40 bytes of UTF-8). Only bytes up to `start + length` ≤ `n` are read.
   */
  private isAt(at: number, bytes: Uint8Array, start: number, n: number, t1: number, t2: number, t3: number): boolean {
    const table = this.table;
    const length = this.slot(at + LENGTH);
    const end = start + length;
    if (end > n) return false;
    // Whole words first (most texts are 3–40 bytes), then the bytes after the last one.
    const view = this.viewOn(bytes);
    const words = this.words;
    const w0 = this.slot(at + WORDS);
    const whole = length & ~3;
    let i = 0;
    while (i < whole && view.getInt32(start + i, true) === words[w0 + (i >> 2)]) i += 4;
    if (i < whole) return false;
    while (i < length && table[at + BYTES + i] === bytes[start + i]) i++;
    if (i < length) return false;
    if (end === n) return true;
    const after = bytes[end];
    return after === t1 || after === t2 || after === t3;
  }
}

/**
 * [short, head, head mask, rest, rest mask] of a text (see the entry's layout): its bytes and the
 * delimiter's as two little-endian words, when they are at most 8 bytes.
 */
function shortForm(bytes: Buffer, delimiter: string): [number, number, number, number, number] {
  // The byte the row reader takes for the delimiter (slot-row-reader.ts): an ASCII character.
  const d = delimiter.charCodeAt(0);
  const all = [...bytes, d];
  if (all.length > 8 || !(d < 0x80)) return [0, 0, 0, 0, 0];
  const word = (from: number): [number, number] => {
    let value = 0;
    let mask = 0;
    for (let i = 0; i < 4 && from + i < all.length; i++) {
      value |= (all[from + i] ?? 0) << (8 * i);
      mask |= 0xff << (8 * i);
    }
    return [value, mask];
  };
  return [1, ...word(0), ...word(4)];
}
