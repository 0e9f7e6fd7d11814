/**
 * `lcz report --rules <rules> <inputs>... [--targets <file>] [--format md|html|csv|xlsx] [--out <file>]`:
 * the city report. Every input row is read (CSV, XLSX, JSON, JSON Lines, YAML, or directories of
 * them), evaluated and folded into the aggregation as it comes; bad rows are listed, located, on
 * standard error and left out of the figures (the exit code is then 1, but the report is still
 * written from the rows that were valid).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { formatBatchDiagnostic } from '@lcz/criteria-batch';
import { type CompiledRuleset, hasErrors as diagnosticsHaveErrors, type Diagnostic } from '@lcz/criteria-engine';
import {
  formatProblems,
  loadTargets,
  hasProblemErrors,
  readEntries,
  renderReport,
  ReportAggregator,
  type ReportFormat,
  type ReportProblem,
  type Targets,
} from '@lcz/criteria-report';
import type { ReportOptions } from './report.usage.js';
import { EXIT, refuseOutputOverInput, say, writeOutput, type Session } from '../session.js';
import { assessmentFiles } from './input-files.js';
import { loadRulesOrReport, printWarnings } from './load.js';
import { openExistingRecord } from './open-record.js';
import { wordsOf } from '../scheme-words.js';
import { required } from '../guards.js';

const INPUT_FILE = /\.(ya?ml|json|jsonl|ndjson|csv|xlsx)$/i;
/** Located problems printed before "… and N more". */
const SHOWN_PROBLEMS = 100;

export async function report(options: ReportOptions, session: Session): Promise<number> {
  const { lang } = options;
  const format = formatOf(options);
  await refuseOutputOverInput(session, 'report', { '--out': options.out }, [
    options.rules,
    options.targets,
    ...options.inputs,
  ]);
  const loaded = await loadRulesOrReport(options.rules, session, lang, 'rules_invalid_nothing_evaluated');
  if (loaded === undefined) return EXIT.invalid;
  const { ruleset } = loaded;
  await printWarnings(session, lang, loaded.diagnostics);

  let targets: Targets | undefined;
  if (options.targets !== undefined) {
    targets = await readTargets(options.targets, ruleset, session, lang);
    if (targets === undefined) return EXIT.invalid;
  }

  if (options.records !== undefined) return reportOnRecord(options, session, ruleset, targets, format);

  const { files, ok } = await assessmentFiles(options.inputs, session, INPUT_FILE);
  const aggregator = new ReportAggregator(ruleset, targets ? { targets } : {});
  const { areas, badRows, rowDiagnostics, problems } = await aggregateFiles(
    files,
    aggregator,
    ruleset,
    session,
    options,
  );
  printProblems(rowDiagnostics, problems, session, options);
  aggregator.leaveOut(badRows);

  if (areas === 0) {
    session.err(formatProblems([fileProblem('report_no_areas', options.inputs.join(' '), {})], lang));
    return EXIT.invalid;
  }
  await writeReport(aggregator, options, session, format, areas, badRows, ruleset);
  if (badRows > 0) session.err(say(lang, 'report_rows_left_out', { count: badRows }));
  const failed = !ok || badRows > 0 || diagnosticsHaveErrors(rowDiagnostics) || hasProblemErrors(problems);
  return failed ? EXIT.invalid : EXIT.ok;
}

/** The targets file, checked against the rules; undefined (its problems printed) when it cannot be used. */
async function readTargets(
  path: string,
  ruleset: CompiledRuleset,
  session: Session,
  lang: ReportOptions['lang'],
): Promise<Targets | undefined> {
  const text = await readFile(session.abs(path), 'utf8').catch((e: NodeJS.ErrnoException) => e);
  const shown = session.display(session.abs(path));
  if (typeof text !== 'string') {
    session.err(
      formatProblems([fileProblem('targets_unreadable', shown, { reason: text.code ?? text.message })], lang),
    );
    return undefined;
  }
  const loaded = loadTargets(text, shown, ruleset);
  if (loaded.value === undefined) {
    session.err(formatProblems(loaded.problems, lang));
    session.err(say(lang, 'report_targets_invalid', { path: shown, count: loaded.problems.length }));
  }
  return loaded.value;
}

/** A problem about a whole file (no line to point at). */
function fileProblem(code: ReportProblem['code'], file: string, params: ReportProblem['params']): ReportProblem {
  return { code, severity: 'error', file, line: 0, column: 0, params };
}

/**
 * Every row of every input folded into the aggregation as it is read (nothing held but the
 * counts); a row that cannot be evaluated is counted as left out, never silently dropped.
 */
async function aggregateFiles(
  files: readonly string[],
  aggregator: ReportAggregator,
  ruleset: CompiledRuleset,
  session: Session,
  options: ReportOptions,
): Promise<{ areas: number; badRows: number; rowDiagnostics: Diagnostic[]; problems: ReportProblem[] }> {
  const encoding = options.encoding !== undefined ? { encoding: options.encoding } : {};
  const rowDiagnostics: Diagnostic[] = [];
  const problems: ReportProblem[] = [];
  let areas = 0;
  let badRows = 0;
  for (const file of files) {
    for await (const row of readEntries(session.abs(file), ruleset, {
      file,
      ...encoding,
      encodingOption: '--encoding',
    })) {
      rowDiagnostics.push(...row.diagnostics);
      problems.push(...row.problems);
      if (row.entry !== undefined) {
        areas += 1;
        problems.push(...aggregator.add(row.entry));
      } else if (!row.header) badRows += 1;
    }
  }
  return { areas, badRows, rowDiagnostics, problems };
}

function printProblems(
  diagnostics: readonly Diagnostic[],
  problems: readonly ReportProblem[],
  session: Session,
  options: ReportOptions,
): void {
  const total = diagnostics.length + problems.length;
  if (total === 0) return;
  const shownDiagnostics = diagnostics.slice(0, SHOWN_PROBLEMS);
  const shownProblems = problems.slice(0, Math.max(0, SHOWN_PROBLEMS - shownDiagnostics.length));
  // A bad row is told as lcz evaluate tells it: its cell and column first ("Ô I5, "Tổng thu nhập…": …).
  if (shownDiagnostics.length > 0)
    session.err(
      [...session.relocate(shownDiagnostics)]
        .sort(
          (a, b) =>
            (a.file ?? '').localeCompare(b.file ?? '') ||
            (a.line ?? 0) - (b.line ?? 0) ||
            (a.column ?? 0) - (b.column ?? 0),
        )
        .map((d) => formatBatchDiagnostic(d, options.lang))
        .join('\n'),
    );
  if (shownProblems.length > 0) session.err(formatProblems(shownProblems, options.lang));
  const hidden = total - shownDiagnostics.length - shownProblems.length;
  if (hidden > 0) session.err(say(options.lang, 'report_more_problems', { count: hidden }));
}

/** --format, else the extension of --out, else Markdown. XLSX is binary: it needs --out. */
function formatOf(options: ReportOptions): ReportFormat {
  if (options.format !== undefined) return options.format;
  const ext = options.out === undefined ? '' : extname(options.out).slice(1).toLowerCase();
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'csv' || ext === 'xlsx') return ext;
  return 'md';
}

async function writeReport(
  aggregator: ReportAggregator,
  options: ReportOptions,
  session: Session,
  format: ReportFormat,
  areas: number,
  badRows: number,
  ruleset: CompiledRuleset,
): Promise<void> {
  const { lang } = options;
  const rendered = await renderReport(aggregator.finish(), { format, lang });
  if (options.out !== undefined) {
    await writeOutput(session, options.out, rendered, 'report');
    session.out(say(lang, 'report_written', { path: options.out, areas, bad: badRows }, wordsOf(ruleset, lang)));
  } else if (typeof rendered === 'string') {
    session.out(rendered);
  } else {
    // run() refuses --format xlsx without --out: a workbook is not text for a terminal.
    throw new Error('lcz report: an XLSX report needs --out');
  }
}

/**
 * The report from the record (--records): each area registered or decided, year by year, up to
 * --as-of. An area whose stored assessment the rules given refuse is left out, located, and the
 * exit code is 1; the report is still written from the others.
 */
async function reportOnRecord(
  options: ReportOptions,
  session: Session,
  ruleset: CompiledRuleset,
  targets: Targets | undefined,
  format: ReportFormat,
): Promise<number> {
  const { formatRecordsProblems, isPostgresUrl, recordEntries } = await import('@lcz/criteria-records');
  const location = required(options.records, '--records');
  // A report only reads: a mistyped --records is said, not answered by a new empty record.
  const store = await openExistingRecord(location, session, options.lang, ruleset);
  if (store === undefined) return EXIT.invalid;
  const label = isPostgresUrl(location) ? store.backend.location : location;
  let read: Awaited<ReturnType<typeof recordEntries>>;
  try {
    read = await recordEntries(store, ruleset, {
      label,
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    });
  } finally {
    await store.close();
  }
  const source = { record: label, ...(options.asOf !== undefined ? { as_of: options.asOf } : {}) };
  const aggregator = new ReportAggregator(ruleset, { ...(targets ? { targets } : {}), source });
  const problems: ReportProblem[] = [];
  for (const entry of read.entries) problems.push(...aggregator.add(entry));
  const leftOut = read.problems.filter((p) => p.severity === 'error').length;
  aggregator.leaveOut(leftOut);
  if (read.problems.length > 0) session.err(formatRecordsProblems(read.problems, options.lang, ruleset.words));
  if (problems.length > 0) session.err(formatProblems(problems, options.lang));
  if (read.entries.length === 0) {
    session.err(
      formatProblems(
        [{ code: 'report_no_areas', severity: 'error', file: label, line: 0, column: 0, params: {} }],
        options.lang,
      ),
    );
    return EXIT.invalid;
  }
  await writeReport(aggregator, options, session, format, read.entries.length, leftOut, ruleset);
  return leftOut > 0 || hasProblemErrors(problems) ? EXIT.invalid : EXIT.ok;
}
