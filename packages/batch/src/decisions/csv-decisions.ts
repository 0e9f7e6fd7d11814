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
 * DecidedRun, and runs and records are yielded in the order of their rows. On a large file the
 * body goes to decide workers once the header is past (body-on-workers.ts).
 */
import type { CompiledRuleset } from '@lcz/criteria-engine';
import type { CompiledRulesFile } from '@lcz/criteria-engine/tools';
import { fileDiagnostic } from '../diagnostics.js';
import type { CsvSyntaxError } from '../formats/csv-fast.js';
import { chooseDelimiter } from '../delimiter.js';
import { SourceError } from '../formats/rows.js';
import { headerRecord } from '../sheet-records.js';
import { bodyOnWorkers, type Reading } from './body-on-workers.js';
import { bytesOf, CsvDecisions, syntaxError, type DecisionItem } from './csv-decision-reader.js';
import type { DecideWorkers } from './decide-workers.js';

export { isDecidedRun, type DecisionItem } from './csv-decision-reader.js';

const EMPTY = Buffer.alloc(0);

export interface CsvDecisionOptions {
  /** Whether to write the result lines of decided rows (false when only the counts are wanted). */
  readonly lines: boolean;
  /** How many bytes the separator is sniffed in: as many as csv.ts csvRows sees in its first chunk. */
  readonly sniffBytes: number;
  /**
   * Decide workers to read the body (after the header) with: given, or chosen while this thread
   * reads (asked after each chunk: 'later' to be asked again, undefined for none). Without them
   * this thread reads it all.
   */
  readonly workers?: WorkersOption | ChooseWorkers;
}

/** Asked after each chunk this thread reads: the workers to hand the rest of the body to, 'later', or none. */
export type ChooseWorkers = () => WorkersOption | 'later' | undefined;

export interface WorkersOption {
  readonly pool: DecideWorkers;
  /** The ruleset as a compiled rules file (`compiledRulesOf`), for the workers to load. */
  readonly compiled: CompiledRulesFile;
  /** The generated decide module the ruleset runs (engine generatedModuleUrl), for the workers to run too. */
  readonly generated?: string;
  /** About how many bytes of the file go to a worker at a time. */
  readonly blockBytes: number;
  /** Past this many bytes without a record boundary, this thread reads the rest (default MAX_UNCUT_BYTES). */
  readonly maxUncutBytes?: number;
  /** Blocks each worker may have waiting before this thread decides one itself (default QUEUED_PER_WORKER). */
  readonly queuedPerWorker?: number;
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
      // Copied: a piece may be a view the next read overwrites (reused-reads.ts).
      const bytes = Buffer.from(bytesOf(next.value));
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
    const delimiter = chooseDelimiter(
      sniffed.toString('utf8', 0, Math.min(sniffed.length, options.sniffBytes)),
      ruleset,
    );
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

/**
 * Reads the rest of the file on this thread with `decisions` (which may have stopped at `error`),
 * or hands the body to the decide workers as soon as the header is past, if there are any.
 */
async function* readOn(
  reading: Reading,
  decisions: CsvDecisions,
  error: CsvSyntaxError | undefined,
): AsyncGenerator<readonly DecisionItem[]> {
  let workers = reading.options.workers;
  for (;;) {
    const items = decisions.take();
    if (items.length > 0) yield items;
    if (error) throw syntaxError(reading.file, error);
    if (typeof workers === 'function') {
      const chosen = workers();
      if (chosen !== 'later') workers = chosen;
    }
    if (workers !== undefined && typeof workers !== 'function') {
      const handOff = decisions.handOff();
      if (handOff !== undefined) {
        yield* bodyOnWorkers(reading, workers, handOff, readOn);
        return;
      }
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

/** `head`, then what `rest` has left. */
async function* replayed(
  head: readonly Buffer[],
  rest: AsyncIterator<Buffer | string>,
): AsyncGenerator<Buffer | string, void, undefined> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
