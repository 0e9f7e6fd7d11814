/**
 * `decided` results lines (results.ts BatchResultLine) written as UTF-8 bytes from pieces made
 * once per ruleset: byte for byte what the careful path writes,
 * `JSON.stringify({ row, area, status: 'decided', decision, level?, standards })` + '\n'
 * (evaluate-batch.ts decidedLine; `level` only for a scheme with levels), without making the
 * objects, the string or its encoding per row.
 * test/quick-decisions.test.ts compares the two.
 *
 * The area's text cells are copied from the input's bytes: the row reader passes only cells whose
 * JSON form is the cell's own text in quotes (valid UTF-8, no quote, backslash or control
 * character, nothing to trim), and the UTF-8 bytes of that text are the cell's bytes.
 */
import type { CompiledRuleset, Decision, DecisionSummary } from '@lcz/criteria-engine';

/** Who the row is about, as the row reader found it. */
export interface AreaCells {
  /** The row's bytes; text cells are ranges of it. */
  readonly bytes: Uint8Array;
  /** [start, end) of the code, name and unit cells; start -1 when there is none. */
  readonly codeStart: number;
  readonly codeEnd: number;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly unitStart: number;
  readonly unitEnd: number;
  /** YYYY-MM-DD (ASCII), or undefined. */
  readonly date: string | undefined;
  readonly year: number | undefined;
}

/**
 * Room for a few thousand lines. Lines are taken as views of it (take), so when it is full the
 * next lines go to another one (the lines not taken yet moved with them): one whose lines have
 * all been written out (takeWritten), or a new one; the old one lives as long as the views
 * handed out.
 */
const INITIAL_BYTES = 1024 * 1024;
/**
 * Memories whose lines have all been written out, kept to write the next lines into (about as
 * many as the output holds in flight: 1 MiB gathered, 4 MiB in the file stream, text-sink.ts).
 */
const MAX_FREE = 8;

const NOTHING = (): void => undefined;

/** A memory lines are written into, and how many of the views taken of it are not written out yet. */
interface LinesMemory {
  readonly bytes: Uint8Array<ArrayBuffer>;
  views: number;
  /** No longer the one written into: free once its views are written. */
  retired: boolean;
}
/**
 * Counts below this are one digit, so a line's tail is its head's template (see Template) with
 * the digits written in.
 */
const ONE_DIGIT = 10;

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

// The keys in the order JSON.stringify writes them: row, area {code, name, unit, date, year}, status…
const ROW = ascii('{"row":');
const AREA = ascii(',"area":{');
const CODE = ascii('"code":"');
const NAME = ascii('"name":"');
const UNIT = ascii('"unit":"');
const DATE = ascii('"date":"');
const YEAR = ascii('"year":');

/** A row's level as decide() gives it (DecisionSummary.level), for a scheme with levels. */
export type RowLevel = DecisionSummary['level'];

const DECISIONS: readonly Decision[] = ['recognised', 'not_recognised', 'undetermined'];

export class DecisionLineWriter {
  // Plain Uint8Arrays, not Buffers: a Buffer's subarray goes through a JS constructor (FastBuffer).
  private out = new Uint8Array(INITIAL_BYTES);
  /** `out` and the count of its views not written out yet. */
  private memory: LinesMemory = { bytes: this.out, views: 0, retired: false };
  /**
   * Memories free again (their lines written out, `written` below), to write into instead of new
   * ones: new memory per megabyte of lines was paged in and zero-filled, and its outside memory
   * ran the garbage collector (every ~3,700 lines of the bench).
   */
  private readonly free: LinesMemory[] = [];
  private length = 0;
  /** Where the lines not taken yet start in `out`. */
  private taken = 0;
  /**
   * `},"status":"decided","decision":"…","level":{…},"standards":[` per decision and level
   * (headKey), made when first met: a scheme of 4 levels has at most 3 × 5 × 5 of them.
   */
  private readonly heads = new Map<number, Uint8Array>();
  /** The scheme's level ids, lowest first (empty without levels). */
  private readonly levelIds: readonly string[];
  /** How many (reached, possible) pairs there are: 1 without levels. */
  private readonly levelPairs: number;
  /** `{"id":"…","passed":` per standard, with the comma before all but the first. */
  private readonly standards: readonly Uint8Array[];
  private readonly end = ascii(']}\n');
  /** The most a line takes besides its text cells. */
  private readonly fixedBytes: number;
  /**
   * Per head (headKey): the tail `},"status":…,"standards":[{"id":"1","passed":0},…]}\n` with a
   * 0 for every count, made when first met. A line whose counts are all one digit (every line
   * of a scheme whose standards have fewer than 10 criteria) copies it and writes its digits in:
   * one copy of bytes that stay in cache. (Before: a tail per decision and distinct counts, kept
   * in a map; the bench's million rows have 13,754 of them, 2.7 MB, and finding and copying
   * one, out of cache, was 70% of the time writing a line took.)
   */
  private readonly templates: (Template | undefined)[] = [];
  /** Where each count's digit is in a template, after its head. */
  private readonly digitAt: Int32Array;
  /** The template's bytes after the head: the standards with a 0 for each count, and the end. */
  private readonly standardsPart: Uint8Array;

  constructor(ruleset: CompiledRuleset) {
    this.levelIds = (ruleset.levels ?? []).map((l) => l.id);
    this.levelPairs = ruleset.levels === undefined ? 1 : (this.levelIds.length + 1) ** 2;
    this.standards = ruleset.groups.map((g, i) => utf8(`${i === 0 ? '' : ','}{"id":${JSON.stringify(g.id)},"passed":`));
    // The longest head: the longest decision and, with levels, the longest level id twice.
    const longestId = Math.max(4, ...this.levelIds.map((id) => JSON.stringify(id).length));
    const headBytes = 64 + (ruleset.levels === undefined ? 0 : 40 + 2 * longestId);
    const pieces = [ROW, AREA, CODE, NAME, UNIT, DATE, YEAR, this.end, ...this.standards];
    // Each piece, a number of up to 24 chars after each, commas, quotes, a date and the head.
    this.fixedBytes = pieces.reduce((sum, p) => sum + p.length + 24, 0) + 64 + headBytes;
    const digitAt: number[] = [];
    const part: number[] = [];
    for (const standard of this.standards) {
      part.push(...standard);
      digitAt.push(part.length);
      part.push(48 /* 0 */, 125 /* } */);
    }
    part.push(...this.end);
    this.digitAt = Int32Array.from(digitAt);
    this.standardsPart = Uint8Array.from(part);
  }

  /** Bytes written since the last take. */
  get size(): number {
    return this.length - this.taken;
  }

  /** Appends one line. */
  line(row: number, area: AreaCells, decision: Decision, passed: readonly number[], level?: RowLevel): void {
    this.reserve(
      this.fixedBytes +
        (area.codeEnd - area.codeStart) +
        (area.nameEnd - area.nameStart) +
        (area.unitEnd - area.unitStart),
    );
    this.piece(ROW);
    this.integer(row);
    this.piece(AREA);
    let comma = false;
    if (area.codeStart >= 0) {
      this.cell(CODE, area.bytes, area.codeStart, area.codeEnd, comma);
      comma = true;
    }
    if (area.nameStart >= 0) {
      this.cell(NAME, area.bytes, area.nameStart, area.nameEnd, comma);
      comma = true;
    }
    if (area.unitStart >= 0) {
      this.cell(UNIT, area.bytes, area.unitStart, area.unitEnd, comma);
      comma = true;
    }
    if (area.date !== undefined) {
      if (comma) this.out[this.length++] = 44; /* , */
      this.piece(DATE);
      for (let i = 0; i < area.date.length; i++) this.out[this.length++] = area.date.charCodeAt(i);
      this.out[this.length++] = 34; /* " */
      comma = true;
    }
    if (area.year !== undefined) {
      if (comma) this.out[this.length++] = 44;
      this.piece(YEAR);
      this.integer(area.year);
    }
    const head = this.headKey(decision, level);
    if (head >= 0 && oneDigitCounts(passed, this.digitAt.length)) {
      const template = this.templates[head] ?? this.template(head, decision, level);
      const at = this.length;
      this.out.set(template.bytes, at);
      const digits = at + template.head;
      const digitAt = this.digitAt;
      for (let g = 0; g < digitAt.length; g++) this.out[digits + (digitAt[g] ?? 0)] = 48 + (passed[g] ?? 0);
      this.length = at + template.bytes.length;
      return;
    }
    this.tail(this.headBytes(head, decision, level), passed);
  }

  /** The tail template of a head (headKey ≥ 0), made once. */
  private template(key: number, decision: Decision, level: RowLevel): Template {
    const head = this.headBytes(key, decision, level);
    const bytes = new Uint8Array(head.length + this.standardsPart.length);
    bytes.set(head);
    bytes.set(this.standardsPart, head.length);
    const template = { bytes, head: head.length };
    this.templates[key] = template;
    return template;
  }

  /**
   * The decision and the level as one number: the decision's index times the level pairs, plus
   * the reached level's index (0: none, 1: the lowest…) times the levels plus one, plus the
   * possible level's. A level id the scheme does not declare is not expected (decide() gives
   * the scheme's own); it is written all the same, under a key of its own (negative).
   */
  private headKey(decision: Decision, level: RowLevel): number {
    const d = DECISIONS.indexOf(decision);
    if (level === undefined || this.levelPairs === 1) return d;
    const reached = level.reached === null ? 0 : this.levelIds.indexOf(level.reached) + 1;
    const possible = level.possible === null ? 0 : this.levelIds.indexOf(level.possible) + 1;
    if (reached === 0 && level.reached !== null) return -1;
    if (possible === 0 && level.possible !== null) return -1;
    return d * this.levelPairs + reached * (this.levelIds.length + 1) + possible;
  }

  /** The head of a key (headKey), made once. */
  private headBytes(key: number, decision: Decision, level: RowLevel): Uint8Array {
    const known = key >= 0 ? this.heads.get(key) : undefined;
    if (known !== undefined) return known;
    const levelPart =
      level === undefined ? '' : `,"level":${JSON.stringify({ reached: level.reached, possible: level.possible })}`;
    const bytes = utf8(`},"status":"decided","decision":${JSON.stringify(decision)}${levelPart},"standards":[`);
    if (key >= 0) this.heads.set(key, bytes);
    return bytes;
  }

  /** Writes `},"status":"decided","decision":…,"level":…,"standards":[…]}` and the line break. */
  private tail(head: Uint8Array, passed: readonly number[]): void {
    this.piece(head);
    let g = 0;
    for (const standard of this.standards) {
      this.piece(standard);
      this.integer(passed[g++] ?? 0);
      this.out[this.length++] = 125; /* } */
    }
    this.piece(this.end);
  }

  /**
   * The bytes written since the last take: a view, never written again (a copy per take was 4%
   * of the path's time). It shares its memory with other lines: to move it to another thread,
   * copy it (decide-worker.ts).
   */
  take(): Uint8Array {
    const bytes = this.out.subarray(this.taken, this.length);
    this.taken = this.length;
    return bytes;
  }

  /**
   * The bytes written since the last take, as take() gives them, and the function to call once
   * they are written out (DecidedRun.written): when every view of a memory no longer written into
   * has been, the memory is used again. Never called (a caller that keeps the lines): it is not.
   */
  takeWritten(): { readonly bytes: Uint8Array; readonly written: () => void } {
    // Nothing taken: nothing to wait for (an empty view may never be written).
    if (this.length === this.taken) return { bytes: this.take(), written: NOTHING };
    const memory = this.memory;
    memory.views++;
    let once = false;
    return {
      bytes: this.take(),
      written: () => {
        if (once) return;
        once = true;
        if (--memory.views === 0 && memory.retired && this.free.length < MAX_FREE) {
          memory.retired = false;
          this.free.push(memory);
        }
      },
    };
  }

  /**
   * Every line taken so far has been copied elsewhere (a decide worker copies each block's lines
   * into memory it can move, decide-worker.ts): the next lines are written over them, in memory
   * that is still in cache. Writing each line into new memory was about a third of its cost
   * (measured on the bench's lines: 69 against 100 ms per 200,000).
   */
  reuse(): void {
    if (this.length === this.taken) this.length = this.taken = 0;
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.out.length) return;
    // A new memory: the views taken keep the old one. The lines not taken yet move over.
    const waiting = this.length - this.taken;
    const fresh = this.nextMemory(Math.max(INITIAL_BYTES, 2 * (waiting + bytes)));
    fresh.bytes.set(this.out.subarray(this.taken, this.length));
    this.memory.retired = true;
    if (this.memory.views === 0 && this.free.length < MAX_FREE) this.free.push(this.memory);
    this.memory = fresh;
    this.out = fresh.bytes;
    this.taken = 0;
    this.length = waiting;
  }

  /** A free memory of at least `bytes` bytes (its old lines are written over), or a new one. */
  private nextMemory(bytes: number): LinesMemory {
    const spare = this.free.pop();
    if (spare !== undefined && spare.bytes.length >= bytes) {
      spare.retired = false;
      return spare;
    }
    return { bytes: new Uint8Array(bytes), views: 0, retired: false };
  }

  private piece(bytes: Uint8Array): void {
    const out = this.out;
    let at = this.length;
    // (i < bytes.length: the ?? 0 stands where a cast would, never taken.)
    for (let i = 0; i < bytes.length; i++) out[at++] = bytes[i] ?? 0;
    this.length = at;
  }

  /** `"key":"` + the cell's bytes + `"`, after a comma when a key came before. */
  private cell(key: Uint8Array, bytes: Uint8Array, start: number, end: number, comma: boolean): void {
    if (comma) this.out[this.length++] = 44;
    this.piece(key);
    const out = this.out;
    let at = this.length;
    // The cell's range is inside the record (slot-row-reader.ts): the ?? 0 is never taken.
    for (let i = start; i < end; i++) out[at++] = bytes[i] ?? 0;
    out[at++] = 34;
    this.length = at;
  }

  /** A non-negative integer in decimal, as JSON writes it. */
  private integer(value: number): void {
    if (!(Number.isSafeInteger(value) && value >= 0)) {
      // Not expected (rows, years and counts), but written as JSON would, to be sure.
      this.piece(utf8(JSON.stringify(value)));
      return;
    }
    const out = this.out;
    if (value < 0x40000000) {
      // Small integers (all rows, years and counts): integer division.
      let digits = 1;
      for (let v = value; v >= 10; v = (v / 10) | 0) digits++;
      let at = this.length + digits;
      this.length = at;
      let v = value;
      do {
        const q = (v / 10) | 0;
        out[--at] = 48 + v - q * 10;
        v = q;
      } while (v > 0);
      return;
    }
    const text = String(value);
    for (let i = 0; i < text.length; i++) out[this.length++] = text.charCodeAt(i);
  }
}

/** A head's tail with a 0 for each count, and the head's length (where the standards start). */
interface Template {
  readonly bytes: Uint8Array;
  readonly head: number;
}

/** Whether each of the `standards` counts is an integer 0–9 (one digit in JSON). */
function oneDigitCounts(passed: readonly number[], standards: number): boolean {
  if (passed.length !== standards) return false;
  for (let g = 0; g < standards; g++) {
    const count = passed[g];
    if (!(count !== undefined && Number.isInteger(count) && count >= 0 && count < ONE_DIGIT)) return false;
  }
  return true;
}
