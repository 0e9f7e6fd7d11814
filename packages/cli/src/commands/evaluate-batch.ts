/**
 * `lcz evaluate --rules <rules> <batch file>`: a whole city's rows in one streaming pass. Standard
 * output gets a short summary (rows read and evaluated, the decisions, the bad rows with their
 * row:column problems, capped); `--out` writes every row's result as JSON Lines and `--summary`
 * a table. Exit code 0 when every row was valid, 1 when some were not.
 */
import {
  DECISION_WORDS,
  evaluateBatch,
  formatBatchDiagnostic,
  OutputError,
  outputsWritten,
  type BatchFormat,
  type BatchSummary,
} from '@lcz/criteria-batch';
import type { CompiledRuleset, Diagnostic } from '@lcz/criteria-engine';
import type { EvaluateOptions } from './evaluate.usage.js';
import { EXIT, say, UsageError, type Session } from '../session.js';
import { progressBar } from './progress.js';

/** Diagnostics printed on standard output; the rest are counted (and all are in --out). */
const SHOWN_PROBLEMS = 20;

export async function evaluateBatchFile(
  input: string,
  format: BatchFormat,
  ruleset: CompiledRuleset,
  options: EvaluateOptions,
  session: Session,
): Promise<number> {
  const { lang } = options;
  const bar = progressBar(session, lang);
  let summary: BatchSummary;
  try {
    // Stopped by Ctrl+C or SIGTERM, the outputs' temporary files are deleted (stop-signals.ts,
    // around every command by dispatch.ts).
    summary = await evaluateBatch(session.abs(input), ruleset, {
      file: input,
      format,
      lang,
      detail: options.decisionsOnly ? 'decision' : 'full',
      ...(options.threads !== undefined ? { threads: options.threads } : {}),
      ...(options.out !== undefined ? { results: session.abs(options.out) } : {}),
      ...(options.summary !== undefined ? { summary: session.abs(options.summary) } : {}),
      ...(options.sheet !== undefined
        ? { sheet: /^\d+$/.test(options.sheet) ? Number(options.sheet) : options.sheet }
        : {}),
      ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
      // Named in the message for a CSV that is not UTF-8 (lcz evaluate, report and explain offer it).
      encodingOption: '--encoding',
      onProgress: (p) => bar.update(p.rows, p.bytesRead, p.totalBytes, p.elapsedMs),
    });
  } catch (error) {
    if (error instanceof OutputError) {
      throw new UsageError('cannot_write', { path: session.display(error.path), reason: error.code }, 'evaluate');
    }
    throw error;
  } finally {
    bar.stop();
  }

  const ok = summary.badRows === 0 && summary.headerProblems.length === 0;
  if (options.json) {
    session.out(JSON.stringify(summary, null, 2));
    return ok ? EXIT.ok : EXIT.invalid;
  }

  session.out(
    say(lang, 'batch_counts', { file: input, rows: summary.rows, evaluated: summary.evaluated, bad: summary.badRows }),
  );
  const words = DECISION_WORDS[lang];
  session.out(
    `  ${words.recognised}: ${summary.decisions.recognised} · ${words.not_recognised}: ${summary.decisions.not_recognised} · ${words.undetermined}: ${summary.decisions.undetermined}`,
  );
  // A scheme with levels: how many rows reached each (the highest certain), in the rule file's labels.
  const levels = summary.levels;
  if (levels !== undefined && ruleset.levels !== undefined)
    session.out(`  ${ruleset.levels.map((l) => `${l.label[lang]}: ${levels[l.id] ?? 0}`).join(' · ')}`);

  let shown = 0;
  const show = (d: Diagnostic): void => {
    if (shown < SHOWN_PROBLEMS) session.out(formatBatchDiagnostic(d, lang));
    shown += 1;
  };
  if (summary.headerProblems.length > 0) {
    session.out(say(lang, 'batch_file_problems'));
    for (const d of summary.headerProblems) show(d);
  }
  if (summary.badRows > 0) {
    session.out(say(lang, 'batch_row_problems', { count: summary.badRows }));
    for (const p of summary.problems) for (const d of p.diagnostics) show(d);
  }
  const hidden = summary.headerProblems.length + summary.problemCount - Math.min(shown, SHOWN_PROBLEMS);
  if (hidden > 0) {
    session.out(say(lang, 'batch_more_problems', { count: hidden }));
    session.out(
      options.out !== undefined
        ? say(lang, 'batch_all_in_results', { path: options.out })
        : say(lang, 'batch_write_all'),
    );
  }
  // An input that could not be read writes nothing (an earlier file stays as it was): said so,
  // never "Results: results.jsonl" for a file that is not there.
  const written = outputsWritten(summary);
  const key = written ? 'batch_results_written' : 'batch_output_kept';
  if (options.out !== undefined) session.out(say(lang, key, { path: options.out }));
  if (options.summary !== undefined)
    session.out(say(lang, written ? 'batch_summary_written' : 'batch_output_kept', { path: options.summary }));
  return ok ? EXIT.ok : EXIT.invalid;
}
