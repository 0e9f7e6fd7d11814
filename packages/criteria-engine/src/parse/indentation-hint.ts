/**
 * Replaces the errors an out-dented block causes by one `yaml_indentation` diagnostic that says
 * which line to indent (see indent-repair.ts for how the line is found and verified). Used by the
 * parse stage (the YAML cannot be read) and the validate stage (it can, but the keys land in the
 * wrong mapping: "missing required key", "unknown key").
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../diagnostics/source.js';
import { findIndentRepair } from './indent-repair.js';
import type { IndentRepairOptions, ProblemsOf } from './indent-repair.js';

/** How a stage keys a problem: its line first, so keys survive a change of leading spaces. */
export type ProblemKey = (d: Diagnostic) => string;

/**
 * @param relevant the diagnostics an out-dent could explain; the others are kept as they are.
 * @param problemsOf the relevant problems of a changed text (or part of it), keyed by `key`.
 * @param explainable the relevant diagnostics a slip could cause (default: all); the search looks
 *   near these only, and not at all when there is none.
 */
export function explainOutdent(
  source: SourceText,
  diagnostics: readonly Diagnostic[],
  relevant: (d: Diagnostic) => boolean,
  key: ProblemKey,
  problemsOf: ProblemsOf,
  options: IndentRepairOptions = {},
  explainable: (d: Diagnostic) => boolean = () => true,
): Diagnostic[] {
  const candidates = diagnostics.filter(relevant);
  const seeds = candidates.filter(explainable).map((d) => key(d));
  if (seeds.length === 0) return [...diagnostics];
  const repair = findIndentRepair(
    source.text,
    candidates.map((d) => key(d)),
    problemsOf,
    { ...options, seeds },
  );
  if (!repair) return [...diagnostics];
  // A key may stand for several diagnostics: drop as many as the change removed.
  const toDrop = new Map(repair.removed);
  const dropped: Diagnostic[] = [];
  const kept = diagnostics.filter((d) => {
    if (!relevant(d)) return true;
    const k = key(d);
    const left = toDrop.get(k) ?? 0;
    if (left === 0) return true;
    toDrop.set(k, left - 1);
    dropped.push(d);
    return false;
  });
  const start = source.lineStarts[repair.first - 1] ?? 0;
  const lineText = source.text.slice(start).split('\n', 1)[0] ?? '';
  const from = start + (lineText.length - lineText.trimStart().length);
  // The path holding every error it replaces, so later stages set that part aside as before.
  const path = commonPath(dropped);
  const hint = source.diagnostic(
    'yaml_indentation',
    [from, start + lineText.length],
    { line: repair.first, last_line: repair.last, spaces: repair.spaces, column: repair.column },
    { severity: 'error', ...(path !== undefined ? { path } : {}) },
  );
  return [...kept, hint];
}

/** The longest JSON pointer that every diagnostic's path starts with; undefined if one has none. */
function commonPath(diagnostics: readonly Diagnostic[]): string | undefined {
  let common: string[] | undefined;
  for (const d of diagnostics) {
    if (d.path === undefined) return undefined;
    const steps = d.path.split('/').slice(1);
    if (!common) common = steps;
    else {
      let i = 0;
      while (i < common.length && i < steps.length && common[i] === steps[i]) i++;
      common = common.slice(0, i);
    }
  }
  return common?.map((s) => `/${s}`).join('');
}
