/**
 * One CSV record read straight into the engine's slot order (`ruleset.slotLayout`), for the
 * decisions-only batch path: no string per cell, no assessment object, one reused value array
 * that `ruleset.decideSlots` reads.
 *
 * The record is read from the file's bytes, undecoded: the CSV structure (delimiter, quotes, line
 * breaks) is ASCII, and in UTF-8 an ASCII byte never occurs inside another character, so cells
 * are found exactly where they are in the decoded text. Numbers and years are ASCII digits;
 * choices are compared with their texts' UTF-8 bytes (choice-table.ts); the identity cells (code,
 * name, unit) are checked to be UTF-8 and copied to the result line as bytes (decision-line.ts).
 *
 * It only takes rows it is sure of, and takes them exactly as the careful path (sheet-records.ts,
 * row-reader.ts, cells.ts) would: numbers in plain digits, the exact texts of choice columns, a
 * code and a year, every value within bounds (and its decimals within the fact's), parts within
 * wholes, a context the rules allow. Anything else (a doubled quote or a line break in a cell,
 * spaces around a value, another spelling, a bad or out-of-range value, more decimals than the
 * fact allows, a missing code, a value under no header, bytes that are not UTF-8, a context the
 * rules refuse…) is declined (-1), and the record then goes through the
 * careful path, which reads it again and reports its problems. So declining is always safe;
 * accepting must give the values the careful path would give (test/quick-decisions.test.ts
 * compares both on random rows).
 */
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { FACT_TYPES, type FastCell } from '@lcz/criteria-engine/runtime';
import {
  compileContextCheck,
  compileDateCheck,
  compileYearAloneCheck,
  compileYearCheck,
  partPairs,
  type ContextCheck,
} from '../assessment-check.js';
import { decodeDate, exactChoices } from '../cells.js';
import { CR, LF, QUOTE } from '../formats/csv-fast.js';
import type { HeaderLayout } from '../header.js';
import { ChoiceTable, type ChoiceValue } from './choice-table.js';

export type SlotValue = number | boolean | string | undefined;

/** What one header position holds, as far as this reader is concerned. */
const IGNORED = 0; // a note or a rejected header: the careful path does not read it either
const UNHEADED = 1; // no header text: a value there is a problem the careful path reports
const INTEGER = 2;
const NUMBER = 3;
const CHOICE = 4; // boolean, enum, ordinal
const CODE = 5;
const NAME = 6;
const UNIT = 7;
const YEAR = 8;
const DATE = 9;

const IDENTITY_KINDS: Readonly<Record<string, number>> = { code: CODE, name: NAME, unit: UNIT, year: YEAR, date: DATE };
/** How a fact type's numbers are read (its `fastCell`); choices are found by their exact texts. */
const NUMBER_KINDS: Readonly<Record<FastCell, number | undefined>> = {
  integer: INTEGER,
  decimal: NUMBER,
  choice: undefined,
};

const DECLINE = -1;
/**
 * What read() says of a record that was plain up to the end of the text it was given: the rest is
 * in the next chunk. (Splitting it would say the same: it holds nothing the tokenizer splits
 * differently or refuses.)
 */
export const INCOMPLETE = -2;
const EMPTY = new Uint8Array(0);
/** More digits could pass 2^53: the careful path reads those (and reports them as out of range). */
const MAX_DIGITS = 15;
/** A number fact without `decimals:` takes any number of digits after the point. */
const NO_LIMIT = 0x7fffffff;

/** Per header position: what it holds and how to read it (built once from the header). */
interface Positions {
  readonly kinds: Uint8Array;
  /** The slot a fact or context position fills; -1 for others. */
  readonly slotAt: Int32Array;
  /** Bounds of number positions. */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** Per decimal position, the most digits after the point it takes (the fact's `decimals:`; NO_LIMIT when it has none). */
  readonly places: Int32Array;
  /** The choice columns' texts, and per position its column in that table (-1 for others). */
  readonly choices: ChoiceTable;
  readonly choiceColumn: Int32Array;
  /** For context positions, the factor of its value's code in the context key; 0 for facts. */
  readonly contextFactor: Float64Array;
  readonly contextPositions: readonly { readonly id: string; readonly slot: number }[];
}

export class SlotRowReader {
  /**
   * The row's values in slot order; undefined = unknown. Rewritten by every accepted row. After
   * the layout's slots comes the assessment's date (YYYY-MM-DD, the year alone as "2024" when the
   * row gives no date, or undefined): the engine's date slot, which dated parameter tables and
   * `year` read (compile/slots.ts), as decide() fills it from `area.date` or `area.year`.
   */
  readonly values: SlotValue[];
  /**
   * The row's identity (AreaCells for decision-line.ts): the code, name and unit cells as byte
   * ranges of `bytes` (start -1 when empty or without a column), each one whose JSON form is its
   * own text in quotes (anything else is declined); the date as YYYY-MM-DD; the year from its
   * column, or from the date.
   */
  bytes: Uint8Array = EMPTY;
  codeStart = -1;
  codeEnd = -1;
  nameStart = -1;
  nameEnd = -1;
  unitStart = -1;
  unitEnd = -1;
  date: string | undefined;
  year: number | undefined;

  private readonly delimiter: number;
  private readonly kinds: Uint8Array;
  private readonly slotAt: Int32Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly places: Int32Array;
  private readonly choices: ChoiceTable;
  private readonly choiceColumn: Int32Array;
  private readonly contextFactor: Float64Array;
  private readonly contextPositions: readonly { readonly id: string; readonly slot: number }[];
  /** (part slot, whole slot) pairs: part ≤ whole. */
  private readonly parts: Int32Array;
  private readonly hasCode: boolean;
  private readonly hasYearOrDate: boolean;
  private readonly contextHolds: ContextCheck;
  /** Whether the engine accepts the date (a dated table may have no value in force then). */
  private readonly dateHolds: (date: string) => boolean;
  private readonly yearHolds: (year: number) => boolean;
  /** Whether the engine accepts a year given alone (a dated table may have no value in all of it). */
  private readonly yearAloneHolds: (year: number) => boolean;
  /** The index of the date slot in `values`. */
  private readonly dateSlot: number;
  /** The context rules' verdict per distinct context (by the key made of its values' codes). */
  private readonly verdicts = new Map<number, boolean>();
  /** The row's context as a number: the sum of each context cell's value code times its factor. */
  private contextKey = 0;
  /** A view of the bytes last read as words (integerCell). */
  private view: DataView = new DataView(new ArrayBuffer(0));
  private viewOf: Uint8Array | undefined;
  /** Per text position: its last non-ASCII text found good (a unit name repeats row after row). */
  private readonly texts: (KnownText | undefined)[];

  /**
   * A reader for rows under this header, or undefined when the engine's slot layout is not the one
   * expected (context attributes, then facts, in declaration order) or a column is of a kind it
   * does not know: every row then takes the careful path, slower but right.
   */
  static create(ruleset: CompiledRuleset, header: HeaderLayout, delimiter: string): SlotRowReader | undefined {
    const layout = ruleset.slotLayout;
    const expected = [...ruleset.context.map((a) => a.id), ...ruleset.facts.map((f) => f.id)];
    if (layout.length !== expected.length || layout.some((id, i) => id !== expected[i])) return undefined;
    const positions = planPositions(ruleset, header, delimiter);
    return positions === undefined ? undefined : new SlotRowReader(ruleset, header, delimiter, positions);
  }

  private constructor(ruleset: CompiledRuleset, header: HeaderLayout, delimiter: string, positions: Positions) {
    this.delimiter = delimiter.charCodeAt(0);
    // A packed array (new Array(n) would be holey, whose element reads also check for holes).
    this.values = Array.from({ length: ruleset.slotLayout.length + 1 }, (): SlotValue => undefined);
    this.dateSlot = ruleset.slotLayout.length;
    this.kinds = positions.kinds;
    this.slotAt = positions.slotAt;
    this.lo = positions.lo;
    this.hi = positions.hi;
    this.places = positions.places;
    this.choices = positions.choices;
    this.choiceColumn = positions.choiceColumn;
    this.contextFactor = positions.contextFactor;
    this.contextPositions = positions.contextPositions;
    this.texts = Array.from(positions.kinds, (kind) =>
      kind === CODE || kind === NAME || kind === UNIT ? new KnownText() : undefined,
    );
    const identities = header.slots.flatMap((s) =>
      s.kind === 'column' && s.column.kind === 'identity' ? [s.column.id] : [],
    );
    this.hasCode = identities.includes('code');
    this.hasYearOrDate = identities.includes('year') || identities.includes('date');
    // A pair whose facts the header lacks is never checked: their slots stay unknown.
    const pairs: number[] = [];
    for (const [part, whole] of partPairs(ruleset)) pairs.push(factSlot(ruleset, part), factSlot(ruleset, whole));
    this.parts = Int32Array.from(pairs);
    this.contextHolds = compileContextCheck(ruleset);
    this.dateHolds = compileDateCheck(ruleset);
    this.yearHolds = compileYearCheck(ruleset);
    this.yearAloneHolds = compileYearAloneCheck(ruleset);
  }

  /**
   * Reads the record that starts at byte `start` of `bytes` (up to `n`; `final` when no more bytes
   * follow): the position after its line break, -1 to decline it (see the file header), or
   * INCOMPLETE.
   *
   * Each cell is read in one pass by its column's kind, which returns where it stopped; that must
   * be the delimiter, a line break or the end of the text, or the row is declined.
   */
  read(bytes: Uint8Array, start: number, n: number, final: boolean): number {
    this.startRow(bytes);
    const d = this.delimiter;
    let pos = start;
    for (let i = 0; ; i++) {
      const e = this.quotableCell(i, bytes, pos, n);
      if (e < 0) return DECLINE;
      // What follows a cell: the delimiter (another cell), a line break or the end of the text (the row's end).
      if (e >= n) return final ? this.endRow(i, n) : INCOMPLETE;
      const c = bytes[e];
      if (c === d) {
        pos = e + 1;
        continue;
      }
      if (c !== LF && c !== CR) return DECLINE;
      const after = lineEnd(bytes, e, n, final);
      // A lone \r at the end of the chunk: \r\n or not? The next chunk says.
      return after < 0 ? INCOMPLETE : this.endRow(i, after);
    }
  }

  /** Forgets the last row's identity and context (its values are all rewritten). */
  private startRow(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.codeStart = this.nameStart = this.unitStart = -1;
    this.date = this.year = undefined;
    this.contextKey = 0;
  }

  /**
   * Cell `i`, at `pos`: where it ends (after its closing quote when quoted), or DECLINE. A cell in
   * quotes is read between them when they are plain: no doubled quote inside, no line break, and
   * the closing quote in this text (the tokenizer sees to the other kinds).
   */
  private quotableCell(i: number, bytes: Uint8Array, pos: number, n: number): number {
    // Past the header's width: a value there is under no header.
    const kind = this.kinds[i] ?? UNHEADED;
    if (pos >= n || bytes[pos] !== QUOTE) return this.cell(kind, i, bytes, pos, n, false);
    const to = closingQuote(bytes, pos + 1, n);
    if (to < 0) return DECLINE;
    // The cell's text must have been read up to its closing quote.
    return this.cell(kind, i, bytes, pos + 1, to, true) === to ? to + 1 : DECLINE;
  }

  /** After the row's last cell, `last`: the checks of the whole row; `after` (the next row's start) or DECLINE. */
  private endRow(last: number, after: number): number {
    // A row with fewer fields than the header is an error (batch_row_short): the careful path says so.
    for (let k = last + 1; k < this.kinds.length; k++) if (this.kinds[k] !== UNHEADED) return DECLINE;
    this.clearFrom(last + 1);
    return this.rowHolds() ? after : DECLINE;
  }

  /** Columns the row stops short of are empty: unknown. */
  private clearFrom(first: number): void {
    for (let i = first; i < this.kinds.length; i++) {
      const slot = this.slotAt[i] ?? -1;
      if (slot >= 0) this.values[slot] = undefined;
    }
  }

  /**
   * One cell, read by its position's kind from `from` (not beyond `to`): where it stopped, or -1.
   * Only the plainest cells are taken; read() checks what follows.
   */
  private cell(kind: number, i: number, bytes: Uint8Array, from: number, to: number, quoted: boolean): number {
    switch (kind) {
      case INTEGER:
        return this.integerCell(i, bytes, from, to);
      case CHOICE:
        return this.choiceCell(i, bytes, from, to, quoted);
      case NUMBER:
        return this.numberCell(i, bytes, from, to);
      case CODE:
      case NAME:
      case UNIT:
        return this.identityCell(kind, i, bytes, from, to, quoted);
      case YEAR:
        return this.yearCell(bytes, from, to);
      case DATE:
        return this.dateCell(bytes, from, to);
      case UNHEADED: {
        const e = plainEnd(bytes, from, to, this.delimiter);
        return e > from ? DECLINE : e; // a value under no header: the careful path reports it
      }
      default: // IGNORED: anything, quoted or not
        return quoted ? to : plainEnd(bytes, from, to, this.delimiter);
    }
  }

  /** The code, name or unit cell, kept as a byte range of the record (empty: left out). */
  private identityCell(kind: number, i: number, bytes: Uint8Array, from: number, to: number, quoted: boolean): number {
    const e = this.textCell(i, bytes, from, to, quoted);
    if (e <= from) return e;
    if (kind === CODE) {
      this.codeStart = from;
      this.codeEnd = e;
    } else if (kind === NAME) {
      this.nameStart = from;
      this.nameEnd = e;
    } else {
      this.unitStart = from;
      this.unitEnd = e;
    }
    return e;
  }

  /**
   * An integer in plain digits (at most 15, optional minus) within bounds, or empty. Like each
   * cell reader: reads from `start` (not beyond `n`) and returns where it stopped, or -1.
   */
  private integerCell(i: number, bytes: Uint8Array, start: number, n: number): number {
    const slot = this.slotOf(i);
    if (start + 4 <= n) {
      // One to three digits (most cells) read as one word, with no branch on how many: a loop
      // over the digits ends at a count that changes from row to row, a misprediction per cell.
      // Each byte minus '0' is a digit when below 10, which (x + 6) | x shows in its high nibble
      // (a byte that is not one may carry into the next, never into one before it).
      const x = this.viewOn(bytes).getInt32(start, true) ^ 0x30303030;
      const notDigit = ((x + 0x06060606) | x) & 0xf0f0f0f0;
      // The first byte that is not a digit, 0–3 (0: empty, or a sign; none: four digits or more).
      const digits = (31 - Math.clz32(notDigit & -notDigit)) >> 3;
      if (notDigit !== 0 && digits > 0) {
        // The digits moved to the word's top bytes, then summed in pairs, then the pairs.
        const v = x << (8 * (4 - digits));
        const pairs = (v & 0x00ff00ff) * 10 + ((v >>> 8) & 0x00ff00ff);
        const value = (pairs & 0xffff) * 100 + (pairs >>> 16);
        if (!this.inBounds(i, value)) return DECLINE;
        this.values[slot] = value;
        return start + digits;
      }
    }
    let e = start;
    let c = byteAt(bytes, e, n);
    const negative = c === 45; /* - */
    if (negative) c = byteAt(bytes, ++e, n);
    const digits = e;
    let value = 0;
    while (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      c = byteAt(bytes, ++e, n);
    }
    if (e === digits) {
      if (negative) return DECLINE;
      // Empty, if a delimiter or line break follows (read() checks that).
      this.values[slot] = undefined;
      return e;
    }
    if (e - digits > MAX_DIGITS) return DECLINE;
    if (negative) value = -value;
    if (!this.inBounds(i, value)) return DECLINE;
    this.values[slot] = value;
    return e;
  }

  /**
   * A decimal as cells.ts accepts it, within bounds and written with no more decimals than its
   * fact allows, or empty. (A value the careful path would take, written with more, such as 2.50
   * for one decimal, is declined too: the careful path reads it.)
   */
  private numberCell(i: number, bytes: Uint8Array, start: number, n: number): number {
    const e = plainEnd(bytes, start, n, this.delimiter);
    if (e < 0) return DECLINE;
    let value: number | undefined;
    if (e > start) {
      value = readNumber(bytes, start, e, this.places[i] ?? 0);
      if (value === undefined || !this.inBounds(i, value)) return DECLINE;
    }
    this.values[this.slotOf(i)] = value;
    return e;
  }

  /** One of the column's exact texts, or empty. In quotes, a text may hold the delimiter ("Yếu, kém"). */
  private choiceCell(i: number, bytes: Uint8Array, start: number, n: number, quoted: boolean): number {
    const slot = this.slotOf(i);
    const choices = this.choices;
    const column = this.choiceColumn[i] ?? -1;
    const d = this.delimiter;
    const c = byteAt(bytes, start, n);
    if (c === -1 || (!quoted && (c === d || c === LF || c === CR))) {
      this.values[slot] = undefined;
      return start;
    }
    const entry = quoted ? choices.quotedAt(column, bytes, start, n) : choices.plainAt(column, bytes, start, n, d);
    if (entry < 0) return DECLINE;
    const e = start + choices.lengthOf(entry);
    const value = choices.valueOf(entry);
    this.values[slot] = choices.values[value];
    // 0 for a fact column: no part of the context key.
    const factor = this.contextFactor[i] ?? 0;
    if (factor !== 0) this.contextKey += (choices.codes[value] ?? 0) * factor;
    return e;
  }

  /** Four digits, 1900–2100, or empty. */
  private yearCell(bytes: Uint8Array, start: number, n: number): number {
    const e = plainEnd(bytes, start, n, this.delimiter);
    if (e <= start) return e;
    const year = e - start === 4 ? readInteger(bytes, start, e) : undefined;
    if (year === undefined || year < 1900 || year > 2100) return DECLINE;
    this.year = year;
    return e;
  }

  /**
   * A text cell (code, name, unit) taken only when cells.ts decodeText would read it as exactly its
   * own bytes: nothing to trim, and written in JSON as those bytes in quotes (valid UTF-8, no
   * quote, backslash or control character). Returns where the cell ends; empty is fine (the key is
   * then left out, as the careful path does). Anything else is declined: the careful path trims,
   * escapes, or says what the bytes are.
   */
  private textCell(i: number, bytes: Uint8Array, start: number, n: number, quoted: boolean): number {
    const d = this.delimiter;
    // `#N/A`, `#DIV/0!`…: a spreadsheet error, which the careful path refuses (cells.ts
    // formulaLeftover). A text that starts with # is rare: declining it costs little.
    if (byteAt(bytes, start, n) === 0x23 /* # */) return DECLINE;
    let ascii = true;
    let e = start;
    for (; e < n; e++) {
      const c = byteAt(bytes, e, n);
      // In quotes the delimiter is text ("Khu 5, Bản Nà"); a line break never is here (closingQuote).
      if (!quoted && (c === d || c === LF || c === CR)) break;
      if (c < 0x20 || c === QUOTE || c === 0x5c /* \ */) return DECLINE;
      if (c >= 0x80) ascii = false;
    }
    if (e === start) return e;
    if (ascii) return isAsciiSpace(bytes[start]) || isAsciiSpace(bytes[e - 1]) ? DECLINE : e;
    return this.texts[i]?.holds(bytes, start, e) ? e : DECLINE;
  }

  /** A date as cells.ts reads it (the same function: dates are few, not the hot path), or empty. */
  private dateCell(bytes: Uint8Array, start: number, n: number): number {
    const e = plainEnd(bytes, start, n, this.delimiter);
    if (e <= start) return e;
    // Only ASCII: a latin1 view of other bytes is not their text (trim would take a lone 0xA0 for a space).
    for (let i = start; i < e; i++) if (byteAt(bytes, i, e) >= 0x80) return DECLINE;
    const date = decodeDate(latin1(bytes, start, e));
    if (typeof date !== 'string') return DECLINE;
    this.date = date;
    return e;
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
   * The slot of a fact or context position. The per-position arrays are read with a default
   * where a cast would stand: a position is always within the header's width, and a fact or
   * context kind always has its slot, so the default (-1 here, NaN for a bound) is never taken.
   */
  private slotOf(i: number): number {
    return this.slotAt[i] ?? -1;
  }

  /** Whether a number position's value is within its fact's bounds. */
  private inBounds(i: number, value: number): boolean {
    return value >= (this.lo[i] ?? Number.NaN) && value <= (this.hi[i] ?? Number.NaN);
  }

  /** What the careful path checks once the cells are read: identity, part ≤ whole, context rules. */
  private rowHolds(): boolean {
    if (this.codeStart < 0 && this.hasCode) return false;
    if (this.date !== undefined) {
      const dateYear = Number(this.date.slice(0, 4));
      if (this.year !== undefined && this.year !== dateYear) return false;
      // A date the engine refuses (before every row of a dated table): the careful path says why.
      if (!this.dateHolds(this.date)) return false;
      this.year ??= dateYear;
    } else if (this.year !== undefined && !(this.yearHolds(this.year) && this.yearAloneHolds(this.year))) return false; // the careful path says why
    if (this.year === undefined && this.hasYearOrDate) return false;
    const values = this.values;
    // The date, or the year alone as its four digits, as the engine's assessmentDate fills the slot.
    values[this.dateSlot] = this.date ?? (this.year !== undefined ? String(this.year) : undefined);
    const parts = this.parts;
    for (let p = 0; p < parts.length; p += 2) {
      const part = values[parts[p] ?? -1];
      const whole = values[parts[p + 1] ?? -1];
      if (typeof part === 'number' && typeof whole === 'number' && part > whole) return false;
    }
    const contextKey = this.contextKey;
    let verdict = this.verdicts.get(contextKey);
    if (verdict === undefined) {
      // Asked once per distinct context, of the same check the careful path uses, with the
      // context object it would build: every context column of the header, null when empty.
      const context: Record<string, SlotValue | null> = {};
      for (const { id, slot } of this.contextPositions) context[id] = values[slot] ?? null;
      verdict = this.contextHolds(context);
      this.verdicts.set(contextKey, verdict);
    }
    return verdict;
  }
}

/** What each header position holds; undefined if a column is of a kind this reader does not know. */
function planPositions(ruleset: CompiledRuleset, header: HeaderLayout, delimiter: string): Positions | undefined {
  const width = header.slots.length;
  const kinds = new Uint8Array(width);
  const slotAt = new Int32Array(width).fill(-1);
  const lo = new Float64Array(width);
  const hi = new Float64Array(width);
  const places = new Int32Array(width).fill(NO_LIMIT);
  const choiceColumn = new Int32Array(width).fill(-1);
  const exacts: ReadonlyMap<string, ChoiceValue>[] = [];
  const contextColumns: { position: number; column: number }[] = [];
  const contextFactor = new Float64Array(width);
  const contextPositions: { id: string; slot: number }[] = [];
  const facts = new Map(ruleset.facts.map((f) => [f.id, f]));

  for (let i = 0; i < width; i++) {
    const s = header.slots[i];
    if (s === undefined || s.kind === 'empty') {
      kinds[i] = UNHEADED;
      continue;
    }
    if (s.kind !== 'column') {
      kinds[i] = IGNORED;
      continue;
    }
    const { column } = s;
    if (column.kind === 'identity') {
      const kind = IDENTITY_KINDS[column.id];
      if (kind === undefined) return undefined;
      kinds[i] = kind;
      continue;
    }
    const slot =
      column.kind === 'context' ? ruleset.context.findIndex((a) => a.id === column.id) : factSlot(ruleset, column.id);
    if (slot < 0 || ruleset.slotLayout[slot] !== column.id) return undefined;
    slotAt[i] = slot;
    const exact = exactChoices(column);
    if (exact !== undefined) {
      kinds[i] = CHOICE;
      choiceColumn[i] = exacts.length;
      if (column.kind === 'context') {
        contextColumns.push({ position: i, column: exacts.length });
        contextPositions.push({ id: column.id, slot });
      }
      exacts.push(exact);
      continue;
    }
    // Not a choice: a number, read as its type says (its bounds with it).
    const fact = column.kind === 'fact' ? facts.get(column.id) : undefined;
    const type = fact !== undefined ? FACT_TYPES[fact.type] : undefined;
    const bounds = fact !== undefined ? type?.bounds?.(fact) : undefined;
    const kind = type !== undefined ? NUMBER_KINDS[type.fastCell] : undefined;
    if (bounds === undefined || kind === undefined) return undefined;
    kinds[i] = kind;
    lo[i] = bounds.lo;
    hi[i] = bounds.hi;
    // The type's `accepts` (row-reader.ts inBounds) refuses a value with more decimals than this.
    const allowed = fact !== undefined ? type?.decimals(fact) : undefined;
    if (allowed !== undefined) places[i] = allowed;
  }
  const choices = new ChoiceTable(exacts, delimiter);
  // The context key: each context cell's value code (0 when empty) times the product of the
  // code ranges before it, so each combination of context values has its own key.
  let factor = 1;
  for (const { position, column } of contextColumns) {
    contextFactor[position] = factor;
    factor *= (choices.maxCodes[column] ?? 0) + 1;
  }
  return { kinds, slotAt, lo, hi, places, choices, choiceColumn, contextFactor, contextPositions };
}

/** By position, not by a map of ids: a context attribute and a fact could share an id. */
function factSlot(ruleset: CompiledRuleset, id: string): number {
  const i = ruleset.facts.findIndex((f) => f.id === id);
  return i < 0 ? -1 : ruleset.context.length + i;
}

/**
 * The last non-ASCII text cell of a column that was found to be valid UTF-8 with nothing to trim,
 * so the same bytes on the next row need no decoding.
 */
class KnownText {
  /** Without `ignoreBOM`, a leading U+FEFF would be dropped instead of seen. */
  private static readonly utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  private known = EMPTY;

  /** Whether `bytes[start, end)` is valid UTF-8 with nothing String.prototype.trim would remove. */
  holds(bytes: Uint8Array, start: number, end: number): boolean {
    const known = this.known;
    if (known.length === end - start) {
      let i = 0;
      while (i < known.length && known[i] === bytes[start + i]) i++;
      if (i === known.length) return true;
    }
    const cell = bytes.subarray(start, end);
    const text = KnownText.utf8.decode(cell);
    // U+FFFD: not UTF-8 (or a replacement char written as such: the careful path will say which).
    if (text.includes('\uFFFD') || text.trim().length !== text.length) return false;
    this.known = cell.slice();
    return true;
  }
}

function isAsciiSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c;
}

/**
 * The closing quote of a quoted cell whose text starts at `from`, or -1 when the cell has a
 * doubled quote or a line break, or its end is not in this text: those the tokenizer splits.
 */
function closingQuote(bytes: Uint8Array, from: number, n: number): number {
  for (let q = from; q < n; q++) {
    const c = bytes[q];
    if (c === QUOTE) return q + 1 < n && bytes[q + 1] !== QUOTE ? q : -1;
    if (c === LF || c === CR) return -1;
  }
  return -1;
}

/**
 * Where an unquoted cell at `start` ends: the delimiter, a line break or `n`; -1 at a quote (a
 * quoted cell, or a quote the tokenizer must report).
 */
function plainEnd(bytes: Uint8Array, start: number, n: number, d: number): number {
  for (let e = start; e < n; e++) {
    const c = bytes[e];
    if (c === d || c === LF || c === CR) return e;
    if (c === QUOTE) return DECLINE;
  }
  return n;
}

/** Plain digits with an optional minus sign (at most 15 digits), as cells.ts parseInteger reads them. */
function readInteger(bytes: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  const negative = bytes[i] === 45; /* - */
  if (negative) i++;
  if (i === end || end - i > MAX_DIGITS) return undefined;
  let value = 0;
  for (; i < end; i++) {
    const c = byteAt(bytes, i, end);
    if (c < 48 || c > 57) return undefined;
    value = value * 10 + (c - 48);
  }
  return negative ? -value : value;
}

/**
 * A decimal as cells.ts accepts it (-?digits, -?digits.digits, -?.digits), as Number() reads it,
 * with at most `places` digits after the point (undefined past them: see numberCell).
 * With at most 15 digits the digits make an exact integer m, and m / 10^k (k ≤ 15, also exact) is
 * the correctly rounded quotient, which is the double Number() gives (Clinger's fast path); longer
 * numbers are read by Number() itself.
 */
function readNumber(bytes: Uint8Array, start: number, end: number, places: number): number | undefined {
  let i = start;
  const negative = bytes[i] === 45; /* - */
  if (negative) i++;
  let digits = 0;
  let fraction = -1; // digits after the point; -1: no point
  let mantissa = 0;
  for (; i < end; i++) {
    const c = byteAt(bytes, i, end);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 /* . */ && fraction < 0) fraction = 0;
    else return undefined;
  }
  if (digits === 0 || fraction === 0) return undefined; // "", "-", ".", "5.", "-."
  if (fraction > places) return undefined;
  // 1.234: a thousand, or three decimal places? The careful path says so (office-values.ts).
  if (fraction === 3 && digits >= 4 && digits <= 6 && bytes[negative ? start + 1 : start] !== 48) return undefined;
  if (digits > MAX_DIGITS) {
    const value = Number(latin1(bytes, start, end));
    return Number.isFinite(value) ? value : undefined;
  }
  // fraction ≤ digits ≤ MAX_DIGITS: always in the table.
  const value = fraction > 0 ? mantissa / (POWERS_OF_TEN[fraction] ?? Number.NaN) : mantissa;
  return negative ? -value : value;
}

/** 10^0 … 10^15, exact doubles. */
const POWERS_OF_TEN = Array.from({ length: MAX_DIGITS + 1 }, (_, k) => 10 ** k);

/** The position after a line break at `i` (\n, \r\n or \r); -1 when a lone \r ends the chunk (csv-fast.ts endOfLine, on bytes). */
function lineEnd(bytes: Uint8Array, i: number, n: number, final: boolean): number {
  if (bytes[i] === LF) return i + 1;
  if (i + 1 < n) return bytes[i + 1] === LF ? i + 2 : i + 1;
  return final ? i + 1 : -1;
}

/**
 * The byte at `i` of a text that ends at `n`, or -1 past its end (no byte is -1: it matches
 * nothing, so a reader stops there).
 */
function byteAt(bytes: Uint8Array, i: number, n: number): number {
  return i < n ? (bytes[i] ?? -1) : -1;
}

/** ASCII bytes as a string (numbers and dates, after checking they are ASCII). */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}
