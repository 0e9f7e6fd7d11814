/**
 * `lcz explain --rules <rules> <input>... [--code <area>]`: the full explanation of each area —
 * why it is or is not recognised, criterion by criterion (the evaluate report), then what it
 * would take to be recognised (the gap analysis). An input is one assessment file, or a batch
 * (CSV, XLSX, JSON Lines, a JSON array, a YAML list) whose rows are explained one by one;
 * `--code` keeps the areas with those codes. `--json` prints `{ result, gap }`
 * (schemas/result.schema.json and schemas/gap.schema.json). A bad file or row prints its located
 * errors and makes the exit code 1; the others are still explained.
 */
import { open } from 'node:fs/promises';
import { detectBatchFormat, isListDocument, readBatch } from '@lcz/criteria-batch';
import {
  explainGap,
  explainText,
  formatDiagnostics,
  gapAnalysis,
  hasErrors,
  type Assessment,
  type EvaluationResult,
  type GapReport,
} from '@lcz/criteria-engine';
import { readAssessmentFile } from '@lcz/criteria-engine/node';
import type { ExplainOptions } from './explain.usage.js';
import { EXIT, say, type Session } from '../session.js';
import { assessmentFiles } from './input-files.js';
import { loadRulesOrReport, printWarnings, unique } from './load.js';
import { wordsOf } from '../scheme-words.js';

const INPUT_FILE = /\.(ya?ml|json|jsonl|ndjson|csv|xlsx)$/i;

interface Explained {
  readonly result: EvaluationResult;
  readonly gap: GapReport;
}

export async function explain(options: ExplainOptions, session: Session): Promise<number> {
  const { lang } = options;
  const loaded = await loadRulesOrReport(options.rules, session, lang, 'rules_invalid_nothing_evaluated');
  if (loaded === undefined) return EXIT.invalid;
  const { ruleset } = loaded;
  await printWarnings(session, lang, loaded.diagnostics);

  const { files, ok } = await assessmentFiles(options.inputs, session, INPUT_FILE);
  const explained: Explained[] = [];
  const wanted = new Set(options.codes);
  const found = new Set<string>();
  let failed = 0;
  let badRows = 0;
  let unreadable = 0;
  let sections = 0;
  const show = (title: string, assessment: Assessment) => {
    const code = assessment.area?.code;
    if (wanted.size > 0 && (code === undefined || !wanted.has(code))) return;
    if (code !== undefined) found.add(code);
    const result = ruleset.evaluate(assessment);
    const gap = gapAnalysis(result, ruleset);
    explained.push({ result, gap });
    if (options.json) return;
    if (sections > 0) session.out('');
    sections += 1;
    session.out(`${'═'.repeat(72)}\n${title}`);
    const style = { lang, color: session.color, full: options.full };
    session.out(`${explainText(result, ruleset, style)}\n${explainGap(gap, ruleset, style)}`);
  };

  for (const file of files) {
    if (await isBatch(session.abs(file))) {
      const encoding = options.encoding !== undefined ? { encoding: options.encoding } : {};
      for await (const record of readBatch(session.abs(file), ruleset, {
        file,
        ...encoding,
        encodingOption: '--encoding',
      })) {
        // With --code, the problems of other areas' rows are not what was asked about.
        const relevant =
          wanted.size === 0 ||
          record.header === true ||
          (record.area.code !== undefined && wanted.has(record.area.code));
        const problems = session.relocate(unique(record.diagnostics));
        if (relevant && problems.length > 0) session.err(formatDiagnostics(problems, lang));
        if (record.header) {
          // A file that cannot be read (an unknown --encoding, a header that is not UTF-8) fails the run.
          if (hasErrors(record.diagnostics)) unreadable += 1;
          continue;
        }
        if (record.assessment === undefined) {
          if (relevant) badRows += 1;
          continue;
        }
        const who = [record.area.code, record.area.name].filter((x) => x !== undefined && x !== '').join(' ');
        show(
          `${file}: ${say(lang, 'explain_row', { row: record.row })}${who === '' ? '' : ` — ${who}`}`,
          record.assessment,
        );
      }
      continue;
    }
    const read = await readAssessmentFile(session.abs(file), ruleset);
    const problems = session.relocate(unique(read.diagnostics));
    if (read.value === undefined || hasErrors(problems)) {
      session.err(formatDiagnostics(problems, lang));
      failed += 1;
      continue;
    }
    if (problems.length > 0) session.err(formatDiagnostics(problems, lang));
    show(file, read.value);
  }

  const missing = [...wanted].filter((code) => !found.has(code));
  if (missing.length > 0)
    session.err(say(lang, 'explain_no_such_code', { codes: missing.join(', ') }, wordsOf(ruleset, lang)));
  if (options.json) {
    const single =
      wanted.size <= 1 &&
      options.inputs.length === 1 &&
      files.length === 1 &&
      files[0] === options.inputs[0] &&
      explained.length === 1;
    session.out(JSON.stringify(single ? explained[0] : explained, null, 2));
  }
  if (failed > 0) session.err(say(lang, 'assessments_failed', { count: failed }));
  if (badRows > 0) session.err(say(lang, 'explain_rows_failed', { count: badRows }));
  return failed > 0 || badRows > 0 || unreadable > 0 || missing.length > 0 || !ok ? EXIT.invalid : EXIT.ok;
}

/** A file holding several areas (a spreadsheet, JSON Lines, a JSON array or a YAML list). */
async function isBatch(path: string): Promise<boolean> {
  const head = await open(path, 'r').then(
    async (handle) => {
      try {
        const buffer = Buffer.alloc(65536);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    () => undefined,
  );
  // A file that cannot be opened is reported by the assessment reader, with its name.
  if (head === undefined) return false;
  const format = detectBatchFormat(path, head);
  return format !== undefined && isListDocument(format, head);
}
