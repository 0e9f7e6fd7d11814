/**
 * `lcz diff <old rules> <new rules> [--assessments <files or dirs>…]`: what changed between two
 * versions of a ruleset (criteria added, removed, renumbered, reworded, thresholds, variants,
 * policies, points, levels, facts, parameter cells, derived quantities, disqualifiers, the
 * recognition rule) and, given assessments, which areas' decisions or levels would change and why. Text (default), Markdown or JSON (schemas/diff.schema.json).
 *
 * Assessments are read with the old rules (one-assessment YAML/JSON files, and batch files:
 * CSV, XLSX, JSON Lines, a JSON array, a YAML list), then evaluated under both. A file or row the
 * old rules reject, or the new rules reject for a reason other than a name they dropped, is
 * reported at its file:line:column (or row) and left out; the exit code is then 1.
 */
import { open, readFile } from 'node:fs/promises';
import {
  capDiagnostics,
  hasErrors,
  readAssessment,
  type Assessment,
  type CompiledRuleset,
  type Diagnostic,
} from '@lcz/criteria-engine';
import {
  compareDecision,
  diffRulesets,
  renderDiff,
  summariseDecisions,
  type AreaDecision,
  type AreaSource,
} from '@lcz/criteria-engine/tools';
import { readAssessmentFile } from '@lcz/criteria-engine/node';
import {
  detectBatchFormat,
  formatBatchDiagnostic,
  isListDocument,
  readBatch,
  type BatchFormat,
} from '@lcz/criteria-batch';
import type { DiffOptions } from './diff.usage.js';
import { EXIT, say, type Session } from '../session.js';
import { assessmentFiles } from './input-files.js';
import { loadRules, reportInvalidRules, unique } from './load.js';

/** Files --assessments reads from a directory. */
const DIFF_INPUT_FILE = /\.(ya?ml|json|jsonl|csv|xlsx)$/i;

export async function diff(options: DiffOptions, session: Session): Promise<number> {
  const { lang } = options;
  const before = await loadRules(options.before, session);
  const after = await loadRules(options.after, session);
  let broken = false;
  for (const [path, loaded] of [
    [options.before, before],
    [options.after, after],
  ] as const) {
    if (loaded.ruleset !== undefined) continue;
    await reportInvalidRules(session, lang, path, loaded.diagnostics, 'diff_rules_invalid');
    broken = true;
  }
  if (broken || before.ruleset === undefined || after.ruleset === undefined) return EXIT.invalid;

  const changes = diffRulesets(before.ruleset, after.ruleset);
  let impact: ReturnType<typeof summariseDecisions> | undefined;
  let failed = 0;
  let ok = true;
  if (options.assessments.length > 0) {
    const compared = await compareAll(
      options.assessments,
      before.ruleset,
      after.ruleset,
      session,
      lang,
      options.encoding,
    );
    impact = summariseDecisions(compared.areas);
    failed = compared.failed;
    ok = compared.ok;
  }

  if (options.format === 'json') {
    session.out(JSON.stringify(impact === undefined ? changes : { ...changes, impact }, null, 2));
  } else {
    session.out(
      renderDiff(
        changes,
        { before: before.ruleset, after: after.ruleset },
        {
          lang,
          format: options.format,
          color: options.format === 'text' && session.color,
          ...(impact !== undefined ? { impact } : {}),
        },
      ),
    );
  }
  if (failed > 0) session.err(say(lang, 'diff_assessments_failed', { count: failed }));
  return failed > 0 || !ok ? EXIT.invalid : EXIT.ok;
}

interface Compared {
  readonly areas: AreaDecision[];
  /** Assessments (files or rows) left out because one of the versions rejects them. */
  readonly failed: number;
  /** False when an input directory could not be read or held nothing. */
  readonly ok: boolean;
}

async function compareAll(
  inputs: readonly string[],
  before: CompiledRuleset,
  after: CompiledRuleset,
  session: Session,
  lang: DiffOptions['lang'],
  encoding: string | undefined,
): Promise<Compared> {
  const { files, ok } = await assessmentFiles(inputs, session, DIFF_INPUT_FILE);
  const areas: AreaDecision[] = [];
  let failed = 0;
  // A file that cannot be read at all (an unknown --encoding, a header that is not UTF-8) fails the run.
  let unreadable = false;
  // A row's problems name their cell as lcz evaluate's do ("Cell J32, …"): the engine's own
  // messages speak of facts, not cells.
  const report = (diagnostics: readonly Diagnostic[]) =>
    session.err(
      capDiagnostics(session.relocate(unique(diagnostics)))
        .map((d) => formatBatchDiagnostic(d, lang))
        .join('\n'),
    );
  for (const file of files) {
    for await (const item of readWithOldRules(file, before, session, encoding)) {
      if ('diagnostics' in item) {
        report(item.diagnostics);
        failed += item.count;
        if (item.count === 0) unreadable = true;
        continue;
      }
      const compared = compareDecision(before, after, item.assessment, item.source);
      if (compared.value !== undefined) {
        areas.push(compared.value);
        continue;
      }
      report(
        await locateForNewRules(file, item.source, item.assessment, after, compared.diagnostics, session, encoding),
      );
      session.err(say(lang, 'diff_rejected_by_new', { where: where(item.source) }));
      failed += 1;
    }
  }
  return { areas, failed, ok: ok && !unreadable };
}

type ReadItem =
  | { readonly assessment: Assessment; readonly source: AreaSource }
  | { readonly diagnostics: readonly Diagnostic[]; readonly count: number };

/** Every assessment of one input file, read and checked with the old rules. */
async function* readWithOldRules(
  file: string,
  ruleset: CompiledRuleset,
  session: Session,
  encoding: string | undefined,
): AsyncGenerator<ReadItem> {
  const format = await batchFormatOf(session.abs(file));
  if (format === undefined) {
    const read = await readAssessmentFile(session.abs(file), ruleset);
    if (read.value === undefined || hasErrors(read.diagnostics)) yield { diagnostics: read.diagnostics, count: 1 };
    else yield { assessment: read.value, source: { file } };
    return;
  }
  const csv = encodingOptions(encoding);
  for await (const record of readBatch(session.abs(file), ruleset, { format, file, ...csv })) {
    if (record.header) {
      if (hasErrors(record.diagnostics)) yield { diagnostics: record.diagnostics, count: 0 };
      continue;
    }
    if (record.assessment === undefined) yield { diagnostics: record.diagnostics, count: 1 };
    else yield { assessment: record.assessment, source: { file, row: record.row } };
  }
}

/**
 * The new rules rejected an assessment the old rules accept (a new bound, a context attribute
 * they now require): read it again with the new rules to place each problem at its line and
 * column (or row), leaving out the names the new rules merely dropped.
 */
async function locateForNewRules(
  file: string,
  source: AreaSource,
  assessment: Assessment,
  after: CompiledRuleset,
  unlocated: readonly Diagnostic[],
  session: Session,
  encoding: string | undefined,
): Promise<readonly Diagnostic[]> {
  const declared = new Set([...after.context.map((c) => c.id), ...after.facts.map((f) => f.id)]);
  const dropped = new Set(
    [...Object.keys(assessment.context), ...Object.keys(assessment.facts)].filter((n) => !declared.has(n)),
  );
  const relevant = (d: Diagnostic) => !(d.code === 'input_unknown_fact' && dropped.has(String(d.params['name'])));
  let located: Diagnostic[] = [];
  if (source.row === undefined) {
    const text = await readFile(session.abs(file), 'utf8');
    located = readAssessment(text, file, after).diagnostics.filter(relevant);
  } else {
    const format = await batchFormatOf(session.abs(file));
    for await (const record of readBatch(session.abs(file), after, {
      file,
      ...(format !== undefined ? { format } : {}),
      ...encodingOptions(encoding),
    })) {
      if (record.row === source.row && !record.header) {
        located = record.diagnostics.filter(relevant);
        break;
      }
    }
  }
  return located.length > 0 ? located : unlocated.map((d) => ({ ...d, file }));
}

function where(source: AreaSource): string {
  return source.row === undefined ? source.file : `${source.file}:${source.row}`;
}

/** The batch format of a file (CSV, XLSX, JSON Lines, a JSON array, a YAML list), or undefined for one assessment. */
async function batchFormatOf(path: string): Promise<BatchFormat | undefined> {
  let head: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      if (!(await handle.stat()).isFile()) return undefined;
      const buffer = Buffer.alloc(65536);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    // A missing or unreadable file is read as one assessment, which reports it with its name.
    return undefined;
  }
  const format = detectBatchFormat(path, head);
  return format !== undefined && isListDocument(format, head) ? format : undefined;
}

/** A CSV's encoding as --encoding gives it, named in the message for a CSV that is not UTF-8. */
function encodingOptions(encoding: string | undefined): { encoding?: string; encodingOption: string } {
  return { ...(encoding !== undefined ? { encoding } : {}), encodingOption: '--encoding' };
}
