/**
 * `lcz evaluate --rules <rules> <assessment>...`: a text report (or JSON) per assessment. A bad
 * assessment file prints its located errors and makes the exit code 1; the others still run.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { explainText, formatDiagnostics, hasErrors, type EvaluationResult } from '@lcz/criteria-engine';
import { readAssessmentFile } from '@lcz/criteria-engine/node';
import type { EvaluateOptions } from '../run.js';
import { bilingual, EXIT, say, type Session } from '../session.js';
import { loadRules, unique } from './load.js';

const ASSESSMENT_FILE = /\.(ya?ml|json)$/i;

export async function evaluate(options: EvaluateOptions, session: Session): Promise<number> {
  const { lang } = options;
  const { ruleset, diagnostics } = await loadRules(options.rules, session);
  if (ruleset === undefined) {
    session.err(formatDiagnostics(diagnostics, lang));
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    session.err(say(lang, 'rules_invalid_nothing_evaluated', { path: options.rules, count: errors }));
    return EXIT.invalid;
  }
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length > 0) session.err(formatDiagnostics(warnings, lang));

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
    const read = await readAssessmentFile(session.abs(file), ruleset);
    const found = session.relocate(unique(read.diagnostics));
    if (read.value === undefined || hasErrors(found)) {
      session.err(formatDiagnostics(found, lang));
      failed += 1;
      continue;
    }
    if (found.length > 0) session.err(formatDiagnostics(found, lang));
    const result = ruleset.evaluate(read.value);
    if (options.json) {
      results.push(result);
      continue;
    }
    if (files.length > 1) {
      if (results.length > 0) session.out('');
      session.out(`${'═'.repeat(72)}\n${file}`);
    }
    results.push(result);
    session.out(explainText(result, ruleset, { lang, color: session.color, full: options.full }));
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
