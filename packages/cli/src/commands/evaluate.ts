/**
 * `lcz evaluate --rules <rules> <assessment>...`: a text report (or JSON) per assessment. A bad
 * assessment file prints its located errors and makes the exit code 1; the others still run.
 * A batch file (CSV, XLSX, JSON Lines, a JSON array, a YAML list) goes to evaluate-batch.ts.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
// The small entries, not the main one: a one-file run on cached rules must not load the YAML
// rule loader, the JSON Schema validators or the batch readers (docs/performance.md, "Start-up").
import type { CompiledRuleset, Diagnostic, EvaluationResult, Scheme } from '@lcz/criteria-engine';
import { explainText } from '@lcz/criteria-engine/explain';
import { readAssessmentFile } from '@lcz/criteria-engine/node';
import { hasErrors } from '@lcz/criteria-engine/runtime';
import type { BatchFormat } from '@lcz/criteria-batch';
import {
  contentFormat,
  detectBatchFormat,
  firstLine,
  isListDocument,
  otherSpreadsheet,
} from '@lcz/criteria-batch/detect';
import type { EvaluateOptions } from './evaluate.usage.js';
import { bilingual, EXIT, refuseOutputOverInput, say, UsageError, type Session } from '../session.js';
import { isRecord } from '../guards.js';
import { formatDiagnosticsLater, loadRules, reportInvalidRules, unique, type VersionChoice } from './load.js';

const ASSESSMENT_FILE = /\.(ya?ml|json)$/i;

export async function evaluate(options: EvaluateOptions, session: Session): Promise<number> {
  const { lang } = options;
  await refuseOutputOverInput(session, 'evaluate', { '--out': options.out, '--summary': options.summary }, [
    options.rules,
    ...options.inputs,
  ]);
  const choice = {
    ...(options.version !== undefined ? { version: options.version } : {}),
    ...(options.date !== undefined ? { date: options.date } : {}),
  };
  // Which input is a batch file, first: a usage error (batch options without one) comes before
  // any work, so nothing is built or cached for a run that does nothing.
  const batch = await batchInput(options, session);
  const {
    ruleset: chosen,
    scheme,
    schemes,
    diagnostics,
  } = await loadRules(options.rules, session, choice, {
    several: true,
    // --decisions-only (on a batch file, checked above): many decisions.
    decideMany: options.decisionsOnly === true,
  });
  // Several versions and none named: each assessment file is evaluated with the version in force
  // on its own date (area.date); a batch file needs --version or --date. Several rulesets (rules/
  // holds other schemes beside Lai Châu's versions): each file with the one its `ruleset:` names.
  const ruleset = chosen ?? scheme?.versions[scheme.versions.length - 1] ?? schemes?.[0]?.versions.at(-1);
  if (ruleset === undefined || hasErrors(diagnostics)) {
    await reportInvalidRules(session, lang, options.rules, diagnostics, 'rules_invalid_nothing_evaluated');
    return EXIT.invalid;
  }
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length > 0) session.err(await formatDiagnosticsLater(warnings, lang));

  if (batch !== undefined && schemes !== undefined) {
    throw new UsageError(
      'batch_needs_one_ruleset',
      { path: options.rules, ids: schemes.map((s) => s.id).join(', ') },
      'evaluate',
    );
  }
  if (batch !== undefined && scheme !== undefined && chosen === undefined) {
    throw new UsageError(
      'batch_needs_version',
      { path: options.rules, versions: scheme.versions.map((v) => v.version).join(', ') },
      'evaluate',
    );
  }
  if (batch !== undefined) {
    const { evaluateBatchFile } = await import('./evaluate-batch.js');
    return evaluateBatchFile(batch.input, batch.format, ruleset, options, session);
  }

  let exit: number = EXIT.ok;
  const files: string[] = [];
  for (const input of options.inputs) {
    const expanded = await expand(input, session);
    if (expanded === undefined || expanded.length === 0) exit = EXIT.invalid;
    files.push(...(expanded ?? []));
  }

  const results: EvaluationResult[] = [];
  let failed = 0;
  for (const file of files) {
    const version = schemes
      ? await versionFor(file, schemes, choice, options.rules, session)
      : scheme && !chosen
        ? await versionFor(file, [scheme], {}, options.rules, session)
        : { ruleset };
    if (version.ruleset === undefined) {
      session.err(await formatDiagnosticsLater(session.relocate(version.diagnostics ?? []), lang));
      failed += 1;
      continue;
    }
    const rules = version.ruleset;
    const read = await readAssessmentFile(session.abs(file), rules);
    const found = session.relocate(unique(read.diagnostics));
    if (read.value === undefined || hasErrors(found)) {
      session.err(await formatDiagnosticsLater(found, lang));
      failed += 1;
      continue;
    }
    if (found.length > 0) session.err(await formatDiagnosticsLater(found, lang));
    const result = rules.evaluate(read.value);
    if (options.json) {
      results.push(result);
      continue;
    }
    if (files.length > 1) {
      if (results.length > 0) session.out('');
      session.out(`${'═'.repeat(72)}\n${file}`);
    }
    results.push(result);
    session.out(explainText(result, rules, { lang, color: session.color, full: options.full }));
  }

  if (options.json) {
    const single = options.inputs.length === 1 && files.length === 1 && files[0] === options.inputs[0];
    if (single) {
      if (results[0] !== undefined) session.out(JSON.stringify(results[0], null, 2));
    } else {
      session.out(JSON.stringify(results, null, 2));
    }
  }
  if (failed > 0) {
    session.err(say(lang, 'assessments_failed', { count: failed }));
    exit = EXIT.invalid;
  }
  return exit;
}

/**
 * The batch file among the inputs, if any: a CSV, XLSX or JSON Lines file, or a JSON array or
 * YAML list (told by content). A batch file is evaluated on its own; the batch options need one.
 */
async function batchInput(
  options: EvaluateOptions,
  session: Session,
): Promise<{ input: string; format: BatchFormat } | undefined> {
  const found = await batchFiles(options, session);
  const first = found[0];
  if (first !== undefined && options.inputs.length > 1)
    throw new UsageError('batch_one_file', { path: first.input }, 'evaluate');
  // A path that does not exist is not "one assessment": it is evaluated as one so that reading
  // it reports file_not_found by its name (the batch outputs are then left as they were).
  if (first === undefined && batchOption(options) !== undefined && !(await anyMissing(options, session))) {
    throw new UsageError('batch_outputs_need_batch', { path: options.inputs.join(' ') }, 'evaluate');
  }
  return first;
}

/**
 * Whether this run is (or is refused as) a batch run: a batch option given, or an input that is a
 * batch file. Otherwise it evaluates assessment files only: the one-file bundle's case
 * (fast/evaluate-fast.ts), which has no batch code.
 */
export async function isBatchRun(options: EvaluateOptions, session: Session): Promise<boolean> {
  return batchOption(options) !== undefined || (await batchFiles(options, session)).length > 0;
}

/** The inputs that are batch files, with their format. */
async function batchFiles(
  options: EvaluateOptions,
  session: Session,
): Promise<{ input: string; format: BatchFormat }[]> {
  const found: { input: string; format: BatchFormat }[] = [];
  for (const input of options.inputs) {
    const head = await readHead(session.abs(input));
    if (head === undefined) continue;
    // An .ods or .xls file goes to the batch reader too, which names its format and the fix.
    const format =
      options.format ?? detectBatchFormat(input, head) ?? (otherSpreadsheet(input, head) ? 'xlsx' : undefined);
    if (options.format !== undefined) refuseOtherFormat(input, options.format, head);
    if (format !== undefined && isListDocument(format, head)) found.push({ input, format });
  }
  return found;
}

/** Format names as people know them, the same in both languages. */
const FORMAT_NAMES: Readonly<Record<BatchFormat, string>> = {
  csv: 'CSV',
  xlsx: 'XLSX',
  json: 'JSON',
  jsonl: 'JSON Lines',
  yaml: 'YAML',
};

/**
 * `--format json` given a file whose content is a batch of another format (a CSV table, a
 * workbook…): said as what was expected and what the file looks like, with its first line,
 * rather than "holds one assessment" (json, yaml) or an unreadable line per row (jsonl), before
 * anything is read.
 */
function refuseOtherFormat(input: string, format: BatchFormat, head: Buffer): void {
  const seen = contentFormat(head);
  // A JSON array is YAML too: `--format yaml` reads it.
  if (seen === undefined || seen === format || (format === 'yaml' && seen === 'json')) return;
  throw new UsageError(
    'batch_format_mismatch',
    {
      path: input,
      format,
      expected: FORMAT_NAMES[format],
      found: FORMAT_NAMES[seen],
      found_format: seen,
      line: seen === 'xlsx' ? 'PK…' : firstLine(head),
    },
    'evaluate',
  );
}

/** Whether an input names nothing at all (no file, no folder). */
async function anyMissing(options: EvaluateOptions, session: Session): Promise<boolean> {
  for (const input of options.inputs)
    if ((await stat(session.abs(input)).catch(() => undefined)) === undefined) return true;
  return false;
}

/** The first batch-only option given (--decisions-only as ''), or undefined. */
function batchOption(options: EvaluateOptions): string | undefined {
  return (
    options.out ??
    options.summary ??
    options.sheet ??
    options.format ??
    options.encoding ??
    (options.decisionsOnly ? '' : undefined)
  );
}

/** The first 64 KiB of a regular file; undefined for a directory or a path that cannot be read. */
async function readHead(path: string): Promise<Buffer | undefined> {
  try {
    const handle = await open(path, 'r');
    try {
      if (!(await handle.stat()).isFile()) return undefined;
      const buffer = Buffer.alloc(65536);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

/**
 * A file stays itself; a directory becomes its *.yaml, *.yml and *.json files, sorted. A path that
 * does not exist is kept, so that reading it reports `file_not_found` with its name. Returns
 * undefined (after printing why) for a directory that cannot be read.
 */
async function expand(input: string, session: Session): Promise<string[] | undefined> {
  const info = await stat(session.abs(input)).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) return [input];
  let names: string[];
  try {
    names = await readdir(session.abs(input));
  } catch {
    session.err(bilingual('unreadable_directory', { path: input }));
    return undefined;
  }
  const files = names
    .filter((name) => ASSESSMENT_FILE.test(name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(input, name));
  if (files.length === 0) session.err(bilingual('no_assessment_files', { path: input }));
  return files;
}

/**
 * The version for an assessment file, read before validating it: of the ruleset its `ruleset:`
 * names when the folder holds several, the one named by --version or in force on --date if given,
 * otherwise the one in force on the file's date (area.date).
 */
async function versionFor(
  file: string,
  schemes: readonly Scheme[],
  choice: VersionChoice,
  rulesPath: string,
  session: Session,
): Promise<{ ruleset?: CompiledRuleset; diagnostics?: readonly Diagnostic[] }> {
  let date: string | undefined;
  let named: string | undefined;
  let text = '';
  try {
    text = await readFile(session.abs(file), 'utf8');
    const { parse: parseYaml } = await import('yaml');
    const doc: unknown = parseYaml(text);
    const area = isRecord(doc) ? doc['area'] : undefined;
    const dated = isRecord(area) ? area['date'] : undefined;
    const year = isRecord(area) ? area['year'] : undefined;
    if (typeof dated === 'string') date = dated;
    // A year alone picks the one version in force that year (Scheme.select: "2024"), or none.
    else if (typeof year === 'number' && Number.isInteger(year) && year >= 1000 && year <= 9999) date = String(year);
    if (isRecord(doc) && typeof doc['ruleset'] === 'string') named = doc['ruleset'];
  } catch {
    // unreadable or malformed: validation with any version reports it, located
    const latest = schemes.length === 1 ? schemes[0]?.versions.at(-1) : undefined;
    return latest ? { ruleset: latest } : {};
  }
  const scheme = schemes.length === 1 ? schemes[0] : schemes.find((s) => s.id === named);
  if (scheme === undefined) return { diagnostics: [rulesetNotInFolder(file, text, named, rulesPath, schemes)] };
  const asked = choice.version !== undefined || choice.date !== undefined;
  const selected = scheme.select(asked ? choice : date !== undefined ? { date } : {});
  return selected.value
    ? { ruleset: selected.value }
    : { diagnostics: selected.diagnostics.map((d) => ({ ...d, file, ...yearLine(d, text) })) };
}

/** A year two versions share is said at the assessment's `year:` line (the key's own line). */
function yearLine(d: Diagnostic, text: string): { line?: number; column?: number } {
  if (d.code !== 'version_year_ambiguous') return {};
  const lines = text.split('\n');
  const index = lines.findIndex((l) => /^\s+year\s*:/.test(l));
  const line = lines[index] ?? '';
  return index < 0 ? {} : { line: index + 1, column: line.length - line.trimStart().length + 1 };
}

/** The assessment names no ruleset of the folder (or none at all): located at its `ruleset:` line when it has one. */
function rulesetNotInFolder(
  file: string,
  text: string,
  named: string | undefined,
  rulesPath: string,
  schemes: readonly Scheme[],
): Diagnostic {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => /^ruleset\s*:/.test(l));
  const line = lines[index] ?? '';
  // 1-based column of the value after `ruleset:`
  const colon = line.indexOf(':');
  const value = colon + 2 + (line.length - colon - 1 - line.slice(colon + 1).trimStart().length);
  return {
    code: 'ruleset_not_in_folder',
    severity: 'error',
    file,
    line: index + 1,
    column: index < 0 ? 0 : value,
    params: { path: rulesPath, wanted: named ?? '', available: schemes.map((s) => s.id).join(', ') },
  };
}
