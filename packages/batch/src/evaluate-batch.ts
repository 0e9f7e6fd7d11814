/**
 * evaluateBatch: read, evaluate and write in one streaming pass. Per row only counters survive
 * (and the first `keepProblems` bad rows, for the report); results and summary rows are written as
 * they come, with back-pressure, so memory stays flat whatever the number of rows.
 */
import {
  capDiagnostics,
  DEFAULT_DIAGNOSTIC_CAPS,
  type CompiledRuleset,
  type Decision,
  type Diagnostic,
  type EvaluationResult,
} from '@lcz/criteria-engine';
import { checkLanguage } from '@lcz/criteria-engine/tools';
import { type DecidedRun, isDecidedRun } from './decisions/csv-decision-reader.js';
import type { DecisionItem } from './decisions/csv-decisions.js';
import type { DecideWorkers } from './decisions/decide-workers.js';
import { quickChunks, type QuickRead } from './decisions/quick-chunks.js';
import { formatBatchDiagnostic } from './format.js';
import {
  readBatchChunks,
  resolveSource,
  type BatchSource,
  type ReadBatchOptions,
  type ResolvedSource,
} from './read-batch.js';
import type { BatchArea, BatchFormat, BatchRecord } from './record.js';
import { openSummary, summaryFormatOf, type SummaryFormat, type SummaryWriter } from './writers/summary.js';
import { OutputError, TextSink } from './writers/text-sink.js';
import type { Lang } from './words.js';

export interface BatchProgress {
  /** Data rows read so far. */
  readonly rows: number;
  readonly bytesRead: number;
  /** The file's size, when the source is a file. */
  readonly totalBytes?: number;
  readonly elapsedMs: number;
}

export interface EvaluateBatchOptions extends ReadBatchOptions {
  /** JSON Lines of results, one per row: a path or a stream. */
  readonly results?: string | NodeJS.WritableStream;
  /** 'full' (default): the whole EvaluationResult per line; 'decision': the decision and passed counts (the engine's fast path). */
  readonly detail?: 'full' | 'decision';
  /** The summary table; a path ending .csv or .xlsx, or a target and a format. */
  readonly summary?: string | { readonly target: string | NodeJS.WritableStream; readonly format: SummaryFormat };
  /** Language of the summary table (default 'vi'). */
  readonly lang?: Lang;
  /** Called at most every 100 ms, and once at the end. */
  readonly onProgress?: (progress: BatchProgress) => void;
  /** Bad rows whose problems are kept in the returned summary (default 100). */
  readonly keepProblems?: number;
  /**
   * Worker threads that read and decide rows on the decisions-only CSV path (`detail: 'decision'`,
   * no summary table). Default (decisions/worker-count.ts): for inputs of 32 MiB or more, this
   * thread reads the first 200 ms itself while it measures the cores left free (idle, or used by
   * this process), then starts one worker per free core less one (this thread decides blocks
   * too), none when fewer than 1.5 are free (smaller files are read sooner on this thread than
   * workers start; on a busy machine workers only add work); 0: on this thread; n: n workers
   * whatever the size, beside this thread. Results are the same either way, in the same order.
   */
  readonly threads?: number;
}

export interface BatchProblemRow {
  readonly row: number;
  readonly area: BatchArea;
  readonly diagnostics: readonly Diagnostic[];
}

export interface BatchSummary {
  readonly file: string;
  readonly format?: BatchFormat;
  /** Data rows read (header rows and blank rows not counted). */
  readonly rows: number;
  readonly evaluated: number;
  readonly decisions: Readonly<Record<Decision, number>>;
  /**
   * For a scheme with levels: per level id (the rule file's order, lowest first), the rows whose
   * highest level certainly reached is that one. Rows that reached none are the not recognised
   * and undetermined ones of `decisions`.
   */
  readonly levels?: Readonly<Record<string, number>>;
  /** Rows with errors: not evaluated. */
  readonly badRows: number;
  /** Diagnostics of all bad rows (those in `problems` and those past `keepProblems`). */
  readonly problemCount: number;
  /** Problems of the header row or of the file itself. */
  readonly headerProblems: readonly Diagnostic[];
  /** The first `keepProblems` bad rows. */
  readonly problems: readonly BatchProblemRow[];
  /** Worker threads that read and decided rows (see EvaluateBatchOptions.threads); 0 when this thread read them all. */
  readonly threads: number;
  readonly elapsedMs: number;
}

export { OutputError };

export function evaluateBatch(
  source: BatchSource,
  ruleset: CompiledRuleset,
  options: EvaluateBatchOptions = {},
): Promise<BatchSummary> {
  checkLanguage(options.lang ?? 'vi', 'evaluateBatch');
  return evaluateBatchVia(source, ruleset, options, { quickDecisions: true });
}

/** Internal switches (not exported from the package): tests compare the two paths. */
export interface BatchPaths {
  /**
   * Decisions only (no full results, no summary table) from CSV with the default tokenizer: read
   * plain rows straight into the engine's slot order (decisions/csv-decisions.ts). Same records,
   * same lines; false sends every row through readBatch's careful path.
   */
  readonly quickDecisions: boolean;
  /** The quick path's read size (default 64 KiB): tests cut the input into small pieces. */
  readonly quickReadBytes?: number;
  /** Decide workers to use whatever the input's size (tests keep one pool for many files). */
  readonly workers?: DecideWorkers;
  /** Bytes per block sent to a worker (default 256 KiB): tests cut files into many blocks. */
  readonly blockBytes?: number;
  /** When the workers give up on a file whose records never end (tests make it small). */
  readonly maxUncutBytes?: number;
  /** Blocks each worker may have waiting before the main thread decides one itself (default 2; 0: it decides them all). */
  readonly queuedPerWorker?: number;
}

export async function evaluateBatchVia(
  source: BatchSource,
  ruleset: CompiledRuleset,
  options: EvaluateBatchOptions,
  paths: BatchPaths,
): Promise<BatchSummary> {
  const started = Date.now();
  // Outputs are opened first: a bad --out path fails before any work is done.
  const out = await openOutputs(options, ruleset);
  const counts = new BatchCounts(options.keepProblems ?? 100, ruleset);
  const progress = new ProgressReport(options, started, counts);
  const readOptions: ReadBatchOptions = {
    ...options,
    ...(options.onProgress || options.onBytes ? { onBytes: progress.onBytes } : {}),
  };
  const resolved = await resolveSource(source, readOptions);
  const used = { threads: 0 };
  const chunks: AsyncIterable<readonly DecisionItem[]> = takesQuickPath(resolved, options, paths, out)
    ? quickChunks(quickRead(source, ruleset, resolved, readOptions, options, paths, out), used)
    : readBatchChunks(source, ruleset, readOptions, resolved);
  await takeAll(chunks, counts, out, progress);
  await closeOutputs(out, counts);
  progress.last();
  return {
    file: resolved.file,
    ...(resolved.format !== undefined ? { format: resolved.format } : {}),
    rows: counts.rows,
    evaluated: counts.evaluated,
    decisions: counts.decisions,
    ...(counts.levels !== undefined ? { levels: counts.levels } : {}),
    badRows: counts.badRows,
    problemCount: counts.problemCount,
    headerProblems: counts.headerProblems,
    problems: counts.problems,
    threads: used.threads,
    elapsedMs: Date.now() - started,
  };
}

/**
 * Whether the decisions-only CSV path reads the input: decisions only, a UTF-8 CSV file (the
 * quick path cuts records on the bytes, which holds for UTF-8 only), the default tokenizer (with
 * the csv-parse one, the reference, every row takes the careful path).
 */
function takesQuickPath(
  resolved: ResolvedSource,
  options: EvaluateBatchOptions,
  paths: BatchPaths,
  out: RecordOutputs,
): boolean {
  return (
    paths.quickDecisions &&
    !out.needFull &&
    resolved.problem === undefined &&
    resolved.format === 'csv' &&
    resolved.encoding === 'utf-8' &&
    (options.csvTokenizer ?? 'fast') === 'fast'
  );
}

function quickRead(
  source: BatchSource,
  ruleset: CompiledRuleset,
  resolved: ResolvedSource,
  readOptions: ReadBatchOptions,
  options: EvaluateBatchOptions,
  paths: BatchPaths,
  out: RecordOutputs,
): QuickRead {
  return {
    source,
    file: resolved.file,
    bytes: resolved.bytes,
    ruleset,
    readOptions,
    lines: out.results !== undefined,
    threads: options.threads,
    ...(paths.workers !== undefined ? { workers: paths.workers } : {}),
    ...(paths.quickReadBytes !== undefined ? { quickReadBytes: paths.quickReadBytes } : {}),
    ...(paths.blockBytes !== undefined ? { blockBytes: paths.blockBytes } : {}),
    ...(paths.maxUncutBytes !== undefined ? { maxUncutBytes: paths.maxUncutBytes } : {}),
    ...(paths.queuedPerWorker !== undefined ? { queuedPerWorker: paths.queuedPerWorker } : {}),
  };
}

/** Every record into the counts and outputs; a run that fails half-way replaces no earlier output. */
async function takeAll(
  chunks: AsyncIterable<readonly DecisionItem[]>,
  counts: BatchCounts,
  out: RecordOutputs,
  progress: ProgressReport,
): Promise<void> {
  try {
    for await (const chunk of chunks) {
      for (const record of chunk) await takeRecord(record, counts, out);
      progress.now();
    }
  } catch (error) {
    await out.results?.abort();
    await out.summary?.abort();
    throw error;
  }
}

/**
 * Closes the outputs, which replace the earlier ones; but an input that could not be read
 * (missing, not UTF-8, an unusable header) leaves the earlier outputs as they were: an empty
 * table in their place would lose a good one.
 */
async function closeOutputs(out: RecordOutputs, counts: BatchCounts): Promise<void> {
  const { results, summary } = out;
  if (!outputsWritten(counts)) {
    await results?.abort();
    await summary?.abort();
    return;
  }
  try {
    await results?.close();
  } catch (error) {
    await summary?.abort();
    throw error;
  }
  await summary?.close();
}

/**
 * Whether a run wrote its outputs (`results`, `summary`): not when the input could not be read (no
 * row, and a problem of the file or its header), which leaves earlier outputs as they were. A
 * caller says so rather than naming a file that was not written.
 */
export function outputsWritten(summary: Pick<BatchSummary, 'rows' | 'headerProblems'>): boolean {
  return !(summary.rows === 0 && summary.headerProblems.some((d) => d.severity === 'error'));
}

/**
 * The result lines and the summary table, when asked for, and whether rows need the full result:
 * the summary table needs each standard's applicable count, which only the full result has;
 * without it and without full result lines, the engine's fast path (decide) is enough.
 */
async function openOutputs(options: EvaluateBatchOptions, ruleset: CompiledRuleset): Promise<RecordOutputs> {
  const results = options.results !== undefined ? await TextSink.open(options.results) : undefined;
  const decisionOnly = options.detail === 'decision';
  let summary: SummaryWriter | undefined;
  if (options.summary !== undefined) {
    const { target, format } =
      typeof options.summary === 'string'
        ? { target: options.summary, format: summaryFormatOf(options.summary) ?? 'csv' }
        : options.summary;
    summary = await openSummary(target, format, ruleset, options.lang ?? 'vi');
  }
  const needFull = summary !== undefined || (results !== undefined && !decisionOnly);
  return { ruleset, results, summary, needFull, decisionOnly };
}

/** What survives of each row: counters, and the first `keep` bad rows for the report. */
class BatchCounts {
  rows = 0;
  evaluated = 0;
  badRows = 0;
  problemCount = 0;
  readonly decisions: Record<Decision, number> = { recognised: 0, not_recognised: 0, undetermined: 0 };
  /** Per level id, rows that reached it (highest certain); undefined for a scheme without levels. */
  readonly levels: Record<string, number> | undefined;
  readonly headerProblems: Diagnostic[] = [];
  readonly problems: BatchProblemRow[] = [];
  private readonly levelIds: readonly string[];

  constructor(
    private readonly keep: number,
    ruleset: CompiledRuleset,
  ) {
    this.levelIds = (ruleset.levels ?? []).map((l) => l.id);
    this.levels = ruleset.levels !== undefined ? Object.fromEntries(this.levelIds.map((id) => [id, 0])) : undefined;
  }

  /** One evaluated row: its decision and, with levels, the level it certainly reached. */
  addDecided(decision: Decision, reached: string | null | undefined): void {
    this.decisions[decision] += 1;
    if (this.levels !== undefined && typeof reached === 'string' && Object.hasOwn(this.levels, reached))
      this.levels[reached] = (this.levels[reached] ?? 0) + 1;
  }

  /** Rows read and decided on the quick path. */
  addRun(run: DecidedRun): void {
    this.rows += run.rows;
    this.evaluated += run.rows;
    this.decisions.recognised += run.decisions.recognised;
    this.decisions.not_recognised += run.decisions.not_recognised;
    this.decisions.undetermined += run.decisions.undetermined;
    if (this.levels !== undefined && run.levels !== undefined)
      for (const [i, id] of this.levelIds.entries()) this.levels[id] = (this.levels[id] ?? 0) + (run.levels[i] ?? 0);
  }

  /**
   * Problems of the file or its header. The one that names the sheet to read instead is found
   * only after every sheet is read, yet it explains all the others (a header that matches nothing
   * on an instructions sheet): it goes first, where a shortened list still shows it.
   */
  addHeaderProblems(problems: readonly Diagnostic[]): void {
    for (const d of problems) {
      if (d.code === 'batch_other_sheet') this.headerProblems.unshift(d);
      else this.headerProblems.push(d);
    }
  }

  /** A row with problems (or the header's record): not evaluated. */
  addBad(record: BatchRecord, shown: readonly Diagnostic[]): void {
    if (record.header) return;
    this.badRows += 1;
    this.problemCount += record.diagnostics.length;
    if (this.problems.length < this.keep)
      this.problems.push({ row: record.row, area: record.area, diagnostics: shown });
  }
}

/** Progress for `onProgress`: bytes as the reader reports them, at most every 100 ms, and once at the end. */
class ProgressReport {
  private bytesRead = 0;
  private totalBytes: number | undefined;
  private lastReport = 0;

  constructor(
    private readonly options: EvaluateBatchOptions,
    private readonly started: number,
    private readonly counts: BatchCounts,
  ) {}

  readonly onBytes = (read: number, total: number | undefined): void => {
    this.bytesRead = read;
    this.totalBytes = total;
    this.options.onBytes?.(read, total);
  };

  /** After a chunk: report if 100 ms have passed since the last report. */
  now(): void {
    if (this.options.onProgress && Date.now() - this.lastReport >= 100) {
      this.lastReport = Date.now();
      this.last();
    }
  }

  last(): void {
    this.options.onProgress?.({
      rows: this.counts.rows,
      bytesRead: this.bytesRead,
      ...(this.totalBytes !== undefined ? { totalBytes: this.totalBytes } : {}),
      elapsedMs: Date.now() - this.started,
    });
  }
}

/** Where each record goes, and whether it needs the full result. */
interface RecordOutputs {
  readonly ruleset: CompiledRuleset;
  readonly results: TextSink | undefined;
  readonly summary: SummaryWriter | undefined;
  readonly needFull: boolean;
  readonly decisionOnly: boolean;
}

/** Diagnostics shown per row in the outputs: a record is one row, so the file's cap is the row's. */
const ROW_CAPS = { perRow: DEFAULT_DIAGNOSTIC_CAPS.perRow, perFile: DEFAULT_DIAGNOSTIC_CAPS.perRow };

/** Count one record (or a run of quick-path rows), evaluate it if valid, and write its line and summary row. */
async function takeRecord(record: DecisionItem, counts: BatchCounts, out: RecordOutputs): Promise<void> {
  const { ruleset, results, summary } = out;
  if (isDecidedRun(record)) {
    // Rows read and decided on the quick path, their lines already written out.
    counts.addRun(record);
    if (record.lines.length > 0) await results?.write(record.lines, record.written);
    return;
  }
  const { row, area } = record;
  // A row (or a header) with thousands of problems, e.g. 20,000 unknown columns, shows the first
  // ones and a diagnostics_omitted note ("… and 19,980 more") in every output, as the CLI does.
  const shown =
    record.diagnostics.length > ROW_CAPS.perRow ? capDiagnostics(record.diagnostics, ROW_CAPS) : record.diagnostics;
  if (record.header) counts.addHeaderProblems(shown);
  else counts.rows += 1;
  if (record.assessment === undefined) {
    counts.addBad(record, shown);
    await results?.write(`${JSON.stringify(invalidLine(row, area, shown))}\n`);
    if (!record.header) await summary?.add(row, area, undefined, shown);
    return;
  }
  counts.evaluated += 1;
  let result: EvaluationResult | undefined;
  if (out.needFull) {
    result = ruleset.evaluate(record.assessment);
    counts.addDecided(result.decision, result.level?.reached);
    if (results) {
      const line = out.decisionOnly
        ? decidedLine(
            row,
            area,
            result.decision,
            result.standards.map((s) => ({ id: s.id, passed: s.passed })),
            result.level,
          )
        : JSON.stringify({ row, area, status: 'evaluated', result });
      await results.write(`${line}\n`);
    }
  } else {
    const decided = ruleset.decide(record.assessment);
    counts.addDecided(decided.decision, decided.level?.reached);
    if (results) {
      const standards = ruleset.groups.map((g, i) => ({ id: g.id, passed: decided.passed[i] ?? 0 }));
      await results.write(`${decidedLine(row, area, decided.decision, standards, decided.level)}\n`);
    }
  }
  // Derived quantities are shown as the explanations show them (their declared decimals).
  const derived =
    summary !== undefined && ruleset.derived.length > 0 ? ruleset.derivedValues(record.assessment) : undefined;
  await summary?.add(row, area, result, [], derived);
}

/**
 * A `decided` line; with levels, `level: { reached, possible }` after the decision (the quick
 * path's DecisionLineWriter writes the same bytes).
 */
function decidedLine(
  row: number,
  area: BatchArea,
  decision: Decision,
  standards: readonly { id: string; passed: number }[],
  level: { readonly reached: string | null; readonly possible: string | null } | undefined,
): string {
  const levelPart = level !== undefined ? { level: { reached: level.reached, possible: level.possible } } : {};
  return JSON.stringify({ row, area, status: 'decided', decision, ...levelPart, standards });
}

function invalidLine(row: number, area: BatchArea, diagnostics: readonly Diagnostic[]) {
  return {
    row,
    area,
    status: 'invalid' as const,
    diagnostics,
    messages: {
      vi: diagnostics.map((d) => formatBatchDiagnostic(d, 'vi')),
      en: diagnostics.map((d) => formatBatchDiagnostic(d, 'en')),
    },
  };
}
