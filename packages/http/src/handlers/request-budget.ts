/**
 * What one request may cost in checking its assessments, whatever fits under the body limit.
 * (Facts a ruleset does not declare cost a "did you mean" search each; the engine itself bounds
 * that: the first 10 of a section get one, the rest are one `input_unknown_facts` problem.)
 * - Problems shown: a batch of 200 broken assessments gave 20,000 entries (an 8 MB answer, most
 *   of its time spent wording them). The first `SHOWN_PROBLEMS` are worded; the rest are counted
 *   in one `problems_omitted` entry, as the CLI counts "… and N more".
 * Nothing is dropped silently: every problem is either listed or counted.
 */
import { capDiagnostics, type Diagnostic } from '@lcz/criteria-engine';
import { entry, entryFromDiagnostic, type ProblemEntry } from '../problem.js';

/** Problems listed in one answer; the rest are counted. */
const SHOWN_PROBLEMS = 100;

export interface RequestBudget {
  /** Problems this answer may still list. */
  shown: number;
  /** Problems found past `shown`. */
  omitted: number;
}

export function requestBudget(): RequestBudget {
  return { shown: SHOWN_PROBLEMS, omitted: 0 };
}

/**
 * An assessment's diagnostics as entries placed under `at`, capped per assessment like the
 * CLI's output (capDiagnostics) and within what the answer may still list; the rest counted.
 * Only the listed ones are worded: wording is what cost the time.
 */
export function budgetedEntries(diagnostics: readonly Diagnostic[], at: string, budget: RequestBudget): ProblemEntry[] {
  const capped = capDiagnostics(diagnostics);
  const shown = capped.slice(0, Math.max(0, budget.shown));
  budget.shown -= shown.length;
  budget.omitted += capped.length - shown.length;
  return shown.map((d) => entryFromDiagnostic(d, { pointerPrefix: at }));
}

/** Entries already worded, within what the answer may still list; the rest counted. */
export function budgeted(entries: readonly ProblemEntry[], budget: RequestBudget): ProblemEntry[] {
  const shown = entries.slice(0, Math.max(0, budget.shown));
  budget.shown -= shown.length;
  budget.omitted += entries.length - shown.length;
  return shown;
}

/** The one entry that counts what was not listed, if anything was not. */
export function omittedEntry(budget: RequestBudget): ProblemEntry[] {
  return budget.omitted > 0 ? [entry('problems_omitted', {}, { count: budget.omitted, max: SHOWN_PROBLEMS })] : [];
}
