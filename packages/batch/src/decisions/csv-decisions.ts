/**
 * The decisions-only path for CSV (`evaluateBatch` with `detail: 'decision'` and no summary
 * table; `lcz evaluate --decisions-only`): the same records, counts and result lines as reading
 * the file with readBatch and deciding each assessment, several times faster on large files.
 *
 * The file's bytes are read record by record. Each record is first offered to the SlotRowReader,
 * which reads a plain row's cells straight into the engine's slot order; the row is decided with
 * `decideSlots` and its line written from precomputed pieces (decision-line.ts). Every record the
 * reader declines (the header, the row under it, blank rows, doubled quotes, anything unusual or
 * wrong) is decoded from UTF-8, split by the same function as the CSV tokenizer
 * (formats/csv-fast.ts splitRecord) and goes through the careful path (sheet-records.ts)
 * unchanged: its record is handed to evaluateBatch like any other, so its diagnostics, or its
 * decision, are exactly today's.
 *
 * Why records can be cut on bytes: the structure of CSV (delimiter, quote, \r, \n) is ASCII, and
 * in UTF-8 an ASCII byte never occurs inside another character, so splitting the latin1 view of
 * the bytes (one char per byte) finds the same records, line breaks and syntax errors as
 * splitting the decoded text; and a record starts and ends at an ASCII byte, so decoding it alone
 * gives the text decoding the whole file gives there.
 *
 * Output order is file order: decided rows between two careful records are gathered into one
 * DecidedRun, and runs and records are yielded in the order of their rows.
 */
import type { CompiledRuleset, CompiledRulesFile, Decision } from '@lcz/criteria-engine';
import { fileDiagnostic } from '../diagnostics.js';
import { LF, CR, splitRecord, type CsvSyntaxError } from '../formats/csv-fast.js';
import { sniffDelimiter } from '../formats/csv.js';
import { SourceError } from '../formats/rows.js';
import type { BatchRecord } from '../record.js';
import type { HeaderLayout } from '../header.js';
import { headerRecord, SheetRecords } from '../sheet-records.js';
import { DecisionLineWriter } from './decision-line.js';
import { INCOMPLETE, SlotRowReader } from './slot-row-reader.js';
import { cutRecords, type Cut } from './block-cutter.js';
import type { BlockReply } from './decide-protocol.js';
import type { DecideWorkers } from './decide-workers.js';

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
  /** Their result lines as UTF-8, each ending in a line break (empty when no lines are wanted). */
  readonly lines: Uint8Array;
}

export type DecisionItem = BatchRecord | DecidedRun;

export function isDecidedRun(item: DecisionItem): item is DecidedRun {
  return (item as Partial<DecidedRun>).kind === 'decided';
}

const BOM = [0xef, 0xbb, 0xbf] as const;
const EMPTY = Buffer.alloc(0);
const NO_LINES = new Uint8Array(0);

export interface CsvDecisionOptions {
  /** Whether to write the result lines of decided rows (false when only the counts are wanted). */
  readonly lines: boolean;
  /** How many bytes the separator is sniffed in: as many as csv.ts csvRows sees in its first chunk. */
  readonly sniffBytes: number;
  /** Decide workers to read the body (after the header) with; without them this thread reads it all. */
  readonly workers?: WorkersOption;
}

export interface WorkersOption {
  readonly pool: DecideWorkers;
  /** The ruleset as a compiled rules file (`compiledRulesOf`), for the workers to load. */
  readonly compiled: CompiledRulesFile;
  /** About how many bytes of the file go to a worker at a time. */
  readonly blockBytes: number;
  /** Past this many bytes without a record boundary, this thread reads the rest (default MAX_UNCUT_BYTES). */
  readonly maxUncutBytes?: number;
}

/** The rows of a CSV file as decided runs and careful records, in chunks. */
export async function* csvDecisionChunks(
  input: AsyncIterable<Buffer | string>,
  file: string,
  ruleset: CompiledRuleset,
  options: CsvDecisionOptions,
): AsyncGenerator<readonly DecisionItem[]> {
  const chunks = input[Symbol.asyncIterator]();
  try {
    // The separator is sniffed as csv.ts csvRows does, in as many bytes as its first chunk holds.
    const head: Buffer[] = [];
    let headBytes = 0;
    let next = await chunks.next();
    while (!next.done) {
      const bytes = bytesOf(next.value);
      head.push(bytes);
      headBytes += bytes.length;
      if (headBytes >= options.sniffBytes) break;
      next = await chunks.next();
    }
    if (headBytes === 0) {
      yield [headerRecord(1, [fileDiagnostic(file, 'batch_no_header', {}, 1, 1)])];
      return;
    }
    const sniffed = Buffer.concat(head);
    const delimiter = sniffDelimiter(sniffed.toString('utf8', 0, Math.min(sniffed.length, options.sniffBytes)));
    const decisions = new CsvDecisions(ruleset, file, delimiter, options.lines);
    // The chunks sniffed in are read first, one by one like the others (the workers may take over after any).
    yield* readOn({ file, ruleset, delimiter, options, chunks: replayed(head, chunks) }, decisions, undefined);
  } catch (error) {
    // As readBatch does: a file that stops being CSV ends with one record saying where.
    if (!(error instanceof SourceError)) throw error;
    yield [headerRecord(error.diagnostic.line, [error.diagnostic])];
  } finally {
    await chunks.return?.();
  }
}

/** What reading one file needs, wherever it is read. */
interface Reading {
  readonly file: string;
  readonly ruleset: CompiledRuleset;
  readonly delimiter: string;
  readonly options: CsvDecisionOptions;
  /** The file's chunks not read yet. */
  readonly chunks: AsyncIterator<Buffer | string>;
}

/**
 * Reads the rest of the file on this thread with `decisions` (which may have stopped at `error`),
 * or hands the body to the decide workers as soon as the header is past, if there are any.
 */
async function* readOn(reading: Reading, decisions: CsvDecisions, error: CsvSyntaxError | undefined): AsyncGenerator<readonly DecisionItem[]> {
  for (;;) {
    const items = decisions.take();
    if (items.length > 0) yield items;
    if (error) throw syntaxError(reading.file, error);
    const handOff = reading.options.workers !== undefined ? decisions.handOff() : undefined;
    if (handOff !== undefined) {
      yield* bodyOnWorkers(reading, reading.options.workers as WorkersOption, handOff);
      return;
    }
    const next = await reading.chunks.next();
    if (next.done) break;
    error = decisions.push(bytesOf(next.value), false);
  }
  error = decisions.push(EMPTY, true);
  const items = decisions.take();
  if (items.length > 0) yield items;
  if (error) throw syntaxError(reading.file, error);
  const last = decisions.finish();
  if (last !== undefined) yield [last];
}

/**
 * Longest stretch without a record boundary the workers wait for: past it (a record that long, or
 * a quote never closed), the rest of the file is read on this thread, which reads such files
 * as they come.
 */
const MAX_UNCUT_BYTES = 16 * 1024 * 1024;

/**
 * The body of the file, read by the decide workers: blocks of whole records (block-cutter.ts),
 * a few per worker in flight, their results yielded in file order. The first syntax error stops
 * reading, as on this thread; blocks after it are dropped unread.
 */
async function* bodyOnWorkers(reading: Reading, workers: WorkersOption, handOff: BodyHandOff): AsyncGenerator<readonly DecisionItem[]> {
  const { file, ruleset, delimiter, options, chunks } = reading;
  const batch = workers.pool.batch({ compiled: workers.compiled, hash: ruleset.hash, file, delimiter, lines: options.lines, header: handOff.header });
  /**
   * Blocks sent, oldest first, with the row and line the block after each must start at (not
   * known for the last one, which ends with the file).
   */
  const inFlight: { readonly reply: Promise<BlockReply>; readonly row: number; readonly line: number; readonly last: boolean }[] = [];
  const maxInFlight = 2 * workers.pool.size;
  let row = handOff.row;
  let line = handOff.line;
  // Bytes read and not sent yet: the start of a record, then whole chunks.
  let held: Uint8Array[] = handOff.rest.length > 0 ? [handOff.rest] : [];
  let heldBytes = handOff.rest.length;
  // When the bytes held hold no whole record, they are looked at again only once they have doubled.
  let retryAt = 0;
  const send = (bytes: Uint8Array, records: number, lines: number, last: boolean): void => {
    const reply = batch.decide(bytes, row, line);
    // Awaited in order below; a block dropped after an error must not count as unhandled.
    reply.catch(() => undefined);
    row += records;
    line += lines;
    inFlight.push({ reply, row, line, last });
  };
  /** The oldest block's results, then its syntax error if it has one. */
  async function* receive(): AsyncGenerator<readonly DecisionItem[]> {
    const sent = inFlight.shift() as (typeof inFlight)[number];
    const reply = await sent.reply;
    if (reply.items.length > 0) yield reply.items;
    if (reply.error) throw syntaxError(file, reply.error);
    if (!sent.last && (reply.row !== sent.row || reply.line !== sent.line)) {
      throw new Error(`a decide worker read up to row ${reply.row} (line ${reply.line}) where the block was cut after row ${sent.row} (line ${sent.line})`);
    }
  }
  async function* drain(): AsyncGenerator<readonly DecisionItem[]> {
    while (inFlight.length > 0) yield* receive();
  }
  try {
    for (;;) {
      const next = await chunks.next();
      if (!next.done) {
        const chunk = bytesOf(next.value);
        held.push(chunk);
        heldBytes += chunk.length;
        if (heldBytes < workers.blockBytes || heldBytes < retryAt) continue;
      } else if (heldBytes === 0) {
        break;
      }
      const bytes = new Uint8Array(heldBytes);
      let at = 0;
      for (const piece of held) {
        bytes.set(piece, at);
        at += piece.length;
      }
      if (next.done) {
        send(bytes, 0, 0, true);
        held = [];
        heldBytes = 0;
        break;
      }
      // As many blocks as the bytes hold. A block is moved to its worker with the buffer under
      // it: the usual one block is sent in place, after the bytes past it are copied out;
      // several are each copied to a buffer of their own.
      const cuts: Cut[] = [];
      let start = 0;
      for (let cut = cutRecords(bytes, workers.blockBytes); cut !== undefined; cut = cutRecords(bytes.subarray(start), workers.blockBytes)) {
        cuts.push(cut);
        start += cut.end;
        if (bytes.length - start < workers.blockBytes) break;
      }
      if (start === 0) {
        held = [bytes];
        retryAt = 2 * heldBytes;
        if (heldBytes > (workers.maxUncutBytes ?? MAX_UNCUT_BYTES)) {
          yield* drain();
          const rest = CsvDecisions.forBody(ruleset, file, delimiter, options.lines, handOff.header);
          rest.seek(row, line);
          const error = rest.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), false);
          const { workers: _, ...alone } = options;
          yield* readOn({ ...reading, options: alone }, rest, error);
          return;
        }
        continue;
      }
      retryAt = 0;
      const tail = bytes.slice(start);
      let from = 0;
      for (const cut of cuts) {
        send(cuts.length === 1 ? bytes.subarray(0, cut.end) : bytes.slice(from, from + cut.end), cut.records, cut.lines, false);
        from += cut.end;
      }
      held = tail.length > 0 ? [tail] : [];
      heldBytes = tail.length;
      while (inFlight.length >= maxInFlight) yield* receive();
    }
    yield* drain();
  } finally {
    batch.end();
  }
}

/** `head`, then what `rest` has left. */
async function* replayed(head: readonly Buffer[], rest: AsyncIterator<Buffer | string>): AsyncGenerator<Buffer | string, void, undefined> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** File streams give Buffers; text (in-memory sources) is encoded, BOM included. */
function bytesOf(chunk: Buffer | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

function syntaxError(file: string, error: CsvSyntaxError): SourceError {
  return new SourceError(fileDiagnostic(file, 'batch_unreadable', { format: 'csv', detail: error.message }, error.line, 1));
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
  /** For records the quick reader declines: decoded alone, a U+FEFF inside the file is kept. */
  private readonly utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  /** The header record, once read: a worker reading the body needs it too. */
  private headerAt: SheetHeader | undefined;

  constructor(
    private readonly ruleset: CompiledRuleset,
    file: string,
    private readonly delimiterText: string,
    lines: boolean,
  ) {
    this.sheet = new SheetRecords(ruleset, file, 'csv');
    this.lines = lines ? new DecisionLineWriter(ruleset) : undefined;
    this.delimiter = delimiterText.charCodeAt(0);
  }

  /**
   * A reader of the body of a file whose header (and the row under it) another reader has read:
   * a decide worker's (decide-worker.ts). Its rows are all quick-path candidates; `seek` says
   * where each block it is given starts.
   */
  static forBody(ruleset: CompiledRuleset, file: string, delimiter: string, lines: boolean, header: SheetHeader): CsvDecisions {
    const decisions = new CsvDecisions(ruleset, file, delimiter, lines);
    decisions.atStart = false;
    decisions.sheet.resumeBody(header.row, header.fields);
    decisions.quick = SlotRowReader.create(ruleset, decisions.sheet.header as HeaderLayout, delimiter);
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
    return { header: this.headerAt, row: this.row, line: this.line, rest: Buffer.from(this.input.subarray(0, this.pending)) };
  }

  /** Reads the records `chunk` completes; the first syntax error stops reading (as the tokenizer does). */
  push(chunk: Buffer, final: boolean): CsvSyntaxError | undefined {
    const total = this.pending + chunk.length;
    if (total > this.input.length) {
      const bigger = Buffer.allocUnsafe(Math.max(total, 2 * this.input.length));
      this.input.copy(bigger, 0, 0, this.pending);
      this.input = bigger;
    }
    chunk.copy(this.input, this.pending);
    this.pending = total;
    let bytes = this.input.subarray(0, total);
    if (this.atStart) {
      // Like the tokenizer: its decoder drops a leading byte-order mark and it drops one more.
      if (bytes.length < 2 * BOM.length && !final) return undefined;
      this.atStart = false;
      let skip = 0;
      for (let k = 0; k < 2 && startsWithBom(bytes.subarray(skip)); k++) skip += BOM.length;
      if (skip > 0) {
        this.input.copyWithin(0, skip, total);
        this.pending = total - skip;
        bytes = this.input.subarray(0, this.pending);
      }
    }
    const n = bytes.length;
    const d = this.delimiter;
    // The latin1 view of the bytes (one char per byte), made when a record needs splitting.
    let text: string | undefined;
    let pos = 0;
    while (pos < n) {
      if (this.quick !== undefined && this.sheet.inBody) {
        const after = this.quick.read(bytes, pos, n, final);
        if (after === INCOMPLETE) break; // the next chunk finishes it
        if (after >= 0) {
          // A record the quick reader takes has no line break but the one ending it.
          const last = bytes[after - 1];
          if (last === LF || last === CR) this.line++;
          this.decided();
          pos = after;
          continue;
        }
      }
      text ??= bytes.toString('latin1');
      const split = splitRecord(text, pos, n, final, d);
      if (split.kind === 'incomplete') break;
      if (split.kind === 'error') {
        // Said as the tokenizer says it, from the decoded text: the message may quote a char.
        // Decoded as a stream, a character the chunk cuts in two waits for the next chunk.
        const rest = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(pos), { stream: !final });
        const exact = splitRecord(rest, 0, rest.length, final, d);
        if (exact.kind === 'incomplete') break;
        if (exact.kind !== 'error') throw new Error(`the record at line ${this.line} splits differently as bytes and as text`);
        this.pending = 0;
        return { line: this.line + exact.newlines, message: exact.message };
      }
      const record = this.utf8.decode(bytes.subarray(pos, split.end));
      const careful = splitRecord(record, 0, record.length, true, d);
      if (careful.kind !== 'record') throw new Error(`the record at line ${this.line} splits differently as bytes and as text`);
      this.line += careful.newlines;
      this.careful(careful.fields);
      pos = split.end;
    }
    // The unfinished record moves to the front, for the next chunk to complete.
    this.input.copyWithin(0, pos, n);
    this.pending = n - pos;
    return undefined;
  }

  /** The items gathered since the last call. */
  take(): DecisionItem[] {
    this.closeRun();
    const items = this.items;
    this.items = [];
    return items;
  }

  /** After the last chunk: the file's problem when it had no header at all. */
  finish(): BatchRecord | undefined {
    return this.sheet.finish();
  }

  /** The row the quick reader has just read: decided, counted, its line added to the run. */
  private decided(): void {
    const reader = this.quick as SlotRowReader;
    const row = ++this.row;
    const { decision, passed } = this.ruleset.decideSlots(reader.values);
    if (decision === 'recognised') this.recognised++;
    else if (decision === 'not_recognised') this.notRecognised++;
    else this.undetermined++;
    this.runRows++;
    this.lines?.line(row, reader, decision, passed);
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
    this.items.push({
      kind: 'decided',
      rows: this.runRows,
      decisions: { recognised: this.recognised, not_recognised: this.notRecognised, undetermined: this.undetermined },
      lines: this.lines?.take() ?? NO_LINES,
    });
    this.runRows = 0;
    this.recognised = this.notRecognised = this.undetermined = 0;
  }
}

function startsWithBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}
