/**
 * CsvDecisions: CSV bytes → decided runs and careful records, in file order; the reader behind
 * the decisions-only CSV path (csv-decisions.ts), on the main thread and in each decide worker
 * (decide-worker.ts). See csv-decisions.ts for how records are read and why they can be cut on
 * bytes.
 */
import type { CompiledRuleset, Decision } from '@lcz/criteria-engine';
import { fileDiagnostic } from '../diagnostics.js';
import { csvReason } from '../formats/csv.js';
import { LF, CR, QUOTE, splitRecord, type CsvSyntaxError } from '../formats/csv-fast.js';
import { SourceError } from '../formats/rows.js';
import type { BatchRecord } from '../record.js';
import { SheetRecords } from '../sheet-records.js';
import { DecisionLineWriter } from './decision-line.js';
import { INCOMPLETE, SlotRowReader } from './slot-row-reader.js';

/** The header record of a sheet: its row and cells. */
export interface SheetHeader {
  readonly row: number;
  readonly fields: readonly string[];
}

/** What a reader hands to the decide workers (CsvDecisions.handOff). */
export interface BodyHandOff {
  readonly header: SheetHeader;
  /** The row of the last record read, and the line the next one starts on. */
  readonly row: number;
  readonly line: number;
  /** The bytes of an unfinished record, read and not yet decided. */
  readonly rest: Buffer;
}

/** Consecutive rows decided on the quick path. */
export interface DecidedRun {
  readonly kind: 'decided';
  readonly rows: number;
  readonly decisions: Readonly<Record<Decision, number>>;
  /**
   * For a scheme with levels: per level (the rule file's order), the rows whose highest level
   * certainly reached is that one; rows that reached none are not counted here.
   */
  readonly levels?: readonly number[];
  /** Their result lines as UTF-8, each ending in a line break (empty when no lines are wanted). */
  readonly lines: Uint8Array;
  /**
   * Called once `lines` have been written out, when their memory can be used again (a decide
   * worker's lines go back to it, body-on-workers.ts). Never crosses threads.
   */
  readonly written?: () => void;
}

export type DecisionItem = BatchRecord | DecidedRun;

export function isDecidedRun(item: DecisionItem): item is DecidedRun {
  return 'kind' in item && item.kind === 'decided';
}

const BOM = [0xef, 0xbb, 0xbf] as const;
const NO_LINES = new Uint8Array(0);

/** File streams give Buffers; text (in-memory sources) is encoded, BOM included. */
export function bytesOf(chunk: Buffer | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

/** A syntax error as the careful path reports it. */
export function syntaxError(file: string, error: CsvSyntaxError): SourceError {
  return new SourceError(
    fileDiagnostic(
      file,
      'batch_unreadable',
      { format: 'csv', reason: csvReason(error.message), detail: error.message },
      error.line,
      1,
    ),
  );
}

/** CSV bytes → decided runs and careful records, in file order. */
export class CsvDecisions {
  private readonly sheet: SheetRecords;
  private readonly lines: DecisionLineWriter | undefined;
  private readonly delimiter: number;
  /** The quick reader, made once the header is known (undefined then if the layout is unexpected). */
  private quick: SlotRowReader | undefined;
  private quickMade = false;
  /**
   * The bytes being read: the start of a record the last chunk did not finish, then the new
   * chunk. One buffer, reused (grown when a chunk does not fit): a new one per chunk was work for
   * the garbage collector.
   */
  private input = Buffer.allocUnsafe(0);
  /** How many bytes at the start of `input` wait for the next chunk. */
  private pending = 0;
  /** Byte-order marks are skipped at the start of the file only. */
  private atStart = true;
  /** 1-based line of the next record, for syntax errors. */
  private line = 1;
  /** Spreadsheet row of the last record (the header is row 1; blank lines count). */
  private row = 0;
  private items: DecisionItem[] = [];
  // The run being gathered.
  private runRows = 0;
  private recognised = 0;
  private notRecognised = 0;
  private undetermined = 0;
  /** Per level: rows of the run that reached it (highest certain); undefined without levels. */
  private levelCounts: number[] | undefined;
  /** The scheme's level ids, lowest first. */
  private readonly levelIds: readonly string[];
  /** For records the quick reader declines: decoded alone, a U+FEFF inside the file is kept. */
  private readonly utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  /** The header record, once read: a worker reading the body needs it too. */
  private headerAt: SheetHeader | undefined;

  constructor(
    readonly ruleset: CompiledRuleset,
    file: string,
    private readonly delimiterText: string,
    lines: boolean,
  ) {
    this.sheet = new SheetRecords(ruleset, file, 'csv');
    this.lines = lines ? new DecisionLineWriter(ruleset) : undefined;
    this.delimiter = delimiterText.charCodeAt(0);
    this.levelIds = (ruleset.levels ?? []).map((l) => l.id);
    this.levelCounts = ruleset.levels !== undefined ? this.levelIds.map(() => 0) : undefined;
  }

  /**
   * A reader of the body of a file whose header (and the row under it) another reader has read:
   * a decide worker's (decide-worker.ts). Its rows are all quick-path candidates; `seek` says
   * where each block it is given starts.
   */
  static forBody(
    ruleset: CompiledRuleset,
    file: string,
    delimiter: string,
    lines: boolean,
    header: SheetHeader,
  ): CsvDecisions {
    const decisions = new CsvDecisions(ruleset, file, delimiter, lines);
    decisions.atStart = false;
    decisions.sheet.resumeBody(header.row, header.fields);
    const layout = decisions.sheet.header;
    // resumeBody has set the header; without one, every row would take the careful path.
    decisions.quick = layout !== undefined ? SlotRowReader.create(ruleset, layout, delimiter) : undefined;
    decisions.quickMade = true;
    return decisions;
  }

  /** The next bytes pushed start a record: the one after row `row`, on line `line`. */
  seek(row: number, line: number): void {
    this.row = row;
    this.line = line;
    this.pending = 0;
  }

  /** The spreadsheet row of the last record read, and the line the next one starts on. */
  get position(): { readonly row: number; readonly line: number } {
    return { row: this.row, line: this.line };
  }

  /**
   * Where the rest of the file could go to decide workers: once the header and the row under it
   * are past and the quick reader is ready (otherwise undefined). Taken after `take()`: `rest` is
   * the start of the record the last chunk did not finish.
   */
  handOff(): BodyHandOff | undefined {
    if (this.quick === undefined || !this.sheet.inBody || this.atStart || this.headerAt === undefined) return undefined;
    return {
      header: this.headerAt,
      row: this.row,
      line: this.line,
      rest: Buffer.from(this.input.subarray(0, this.pending)),
    };
  }

  /** Reads the records `chunk` completes; the first syntax error stops reading (as the tokenizer does). */
  push(chunk: Buffer, final: boolean): CsvSyntaxError | undefined {
    // With nothing pending (every block a worker reads), the chunk is read where it is and only
    // the record it leaves unfinished is copied: copying every block first cost a few percent.
    const inPlace = this.pending === 0 && !this.atStart;
    let bytes = inPlace ? chunk : this.joined(chunk);
    if (this.atStart) {
      // Like the tokenizer: its decoder drops a leading byte-order mark and it drops one more.
      if (bytes.length < 2 * BOM.length && !final) return undefined;
      this.atStart = false;
      let skip = 0;
      for (let k = 0; k < 2 && startsWithBom(bytes.subarray(skip)); k++) skip += BOM.length;
      if (skip > 0) {
        this.input.copyWithin(0, skip, bytes.length);
        this.pending = bytes.length - skip;
        bytes = this.input.subarray(0, this.pending);
      }
    }
    const n = bytes.length;
    const d = this.delimiter;
    // The latin1 view of the bytes (one char per byte), made when a record needs splitting.
    let text: string | undefined;
    let pos = 0;
    while (pos < n) {
      const quick = this.quick;
      if (quick !== undefined && this.sheet.inBody) {
        const after = quick.read(bytes, pos, n, final);
        if (after === INCOMPLETE) break; // the next chunk finishes it
        if (after >= 0) {
          // A record the quick reader takes has no line break but the one ending it.
          const last = bytes[after - 1];
          if (last === LF || last === CR) this.line++;
          this.decided(quick);
          pos = after;
          continue;
        }
      }
      // The chunk usually ends inside a record, which the quick reader may decline rather than
      // call INCOMPLETE (a choice cell cut in two matches no text). When the rest holds no line
      // break and no quote, splitRecord would say INCOMPLETE too: say so without making the
      // chunk's latin1 text, which cost 12–14% of the one-thread profile (one string per chunk).
      if (!final && !mayEndOrQuote(bytes, pos, n)) break;
      text ??= bytes.toString('latin1');
      const split = splitRecord(text, pos, n, final, d);
      if (split.kind === 'incomplete') break;
      if (split.kind === 'error') {
        // Said as the tokenizer says it, from the decoded text: the message may quote a char.
        // Decoded as a stream, a character the chunk cuts in two waits for the next chunk.
        const rest = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(pos), { stream: !final });
        const exact = splitRecord(rest, 0, rest.length, final, d);
        if (exact.kind === 'incomplete') break;
        if (exact.kind !== 'error')
          throw new Error(`the record at line ${this.line} splits differently as bytes and as text`);
        this.pending = 0;
        return { line: this.line + exact.newlines, message: exact.message };
      }
      const record = this.utf8.decode(bytes.subarray(pos, split.end));
      const careful = splitRecord(record, 0, record.length, true, d);
      if (careful.kind !== 'record')
        throw new Error(`the record at line ${this.line} splits differently as bytes and as text`);
      this.line += careful.newlines;
      this.careful(careful.fields);
      pos = split.end;
    }
    // The unfinished record moves to the front, for the next chunk to complete.
    this.keep(bytes, pos, n, inPlace);
    return undefined;
  }

  /** `chunk` after the bytes pending, in `input` (grown when they do not fit). */
  private joined(chunk: Buffer): Buffer {
    const total = this.pending + chunk.length;
    this.reserve(total);
    chunk.copy(this.input, this.pending);
    this.pending = total;
    return this.input.subarray(0, total);
  }

  /** Keeps `bytes[pos, n)` (the start of `input`, or the chunk read in place) at the start of `input`. */
  private keep(bytes: Buffer, pos: number, n: number, inPlace: boolean): void {
    if (!inPlace) this.input.copyWithin(0, pos, n);
    else {
      this.reserve(n - pos);
      bytes.copy(this.input, 0, pos, n);
    }
    this.pending = n - pos;
  }

  /** Room for `total` bytes in `input`, the pending ones kept. */
  private reserve(total: number): void {
    if (total <= this.input.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(total, 2 * this.input.length));
    this.input.copy(bigger, 0, 0, this.pending);
    this.input = bigger;
  }

  /** The items gathered since the last call. */
  take(): DecisionItem[] {
    this.closeRun();
    const items = this.items;
    this.items = [];
    return items;
  }

  /**
   * The lines of the items taken so far have been copied (decide-worker.ts): their memory is
   * written over by the next lines (DecisionLineWriter.reuse).
   */
  linesCopied(): void {
    this.lines?.reuse();
  }

  /** After the last chunk: the file's problem when it had no header at all. */
  finish(): BatchRecord | undefined {
    return this.sheet.finish();
  }

  /** The row the quick reader has just read: decided, counted, its line added to the run. */
  private decided(reader: SlotRowReader): void {
    const row = ++this.row;
    const { decision, passed, level } = this.ruleset.decideSlots(reader.values);
    if (decision === 'recognised') this.recognised++;
    else if (decision === 'not_recognised') this.notRecognised++;
    else this.undetermined++;
    if (level !== undefined && level.reached !== null && this.levelCounts !== undefined) {
      const at = this.levelIds.indexOf(level.reached);
      if (at >= 0) this.levelCounts[at] = (this.levelCounts[at] ?? 0) + 1;
    }
    this.runRows++;
    this.lines?.line(row, reader, decision, passed, level);
  }

  /** A record for the careful path (sheet-records.ts), in its place in the file's order. */
  private careful(fields: string[]): void {
    const row = ++this.row;
    const hadHeader = this.sheet.header !== undefined;
    const record = this.sheet.take(row, fields);
    if (!hadHeader && this.sheet.header !== undefined) this.headerAt = { row, fields };
    if (!this.quickMade && this.sheet.header !== undefined) {
      this.quick = SlotRowReader.create(this.ruleset, this.sheet.header, this.delimiterText);
      this.quickMade = true;
    }
    if (record === undefined) return;
    this.closeRun();
    this.items.push(record);
  }

  private closeRun(): void {
    if (this.runRows === 0) return;
    const lines = this.lines?.takeWritten();
    this.items.push({
      kind: 'decided',
      rows: this.runRows,
      decisions: { recognised: this.recognised, not_recognised: this.notRecognised, undetermined: this.undetermined },
      ...(this.levelCounts !== undefined ? { levels: this.levelCounts } : {}),
      lines: lines?.bytes ?? NO_LINES,
      // Their memory is written into again once they are written out (DecisionLineWriter.takeWritten).
      ...(lines !== undefined ? { written: lines.written } : {}),
    });
    if (this.levelCounts !== undefined) this.levelCounts = this.levelIds.map(() => 0);
    this.runRows = 0;
    this.recognised = this.notRecognised = this.undetermined = 0;
  }
}

function startsWithBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/**
 * Whether `bytes[pos, n)` holds a line break or a quote: without them, and more bytes to come, an
 * unquoted record cannot have ended nor be a syntax error yet (splitRecord: INCOMPLETE).
 */
function mayEndOrQuote(bytes: Uint8Array, pos: number, n: number): boolean {
  for (let i = pos; i < n; i++) {
    const c = bytes[i];
    if (c === LF || c === CR || c === QUOTE) return true;
  }
  return false;
}
