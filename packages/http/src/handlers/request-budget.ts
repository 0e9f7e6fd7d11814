/**
 * What one request may cost in checking its assessments, whatever fits under the body limit:
 * - Facts a ruleset does not declare: the engine checks each with a "did you mean" search over
 *   every declared name, the costly part of validating an assessment (20,000 of them held the
 *   event loop for 12 s). Within one request only the first few get that search; the rest are
 *   reported as the same `input_unknown_fact` problem without a suggestion, at no cost.
 * - Problems shown: a batch of 200 broken assessments gave 20,000 entries (an 8 MB answer, most
 *   of its time spent wording them). The first `SHOWN_PROBLEMS` are worded; the rest are counted
 *   in one `problems_omitted` entry, as the CLI counts "… and N more".
 * Nothing is dropped silently: every problem is either listed or counted.
 */
import { capDiagnostics, type CompiledRuleset, type Diagnostic } from '@lcz/criteria-engine';
import { entry, entryFromDiagnostic, type ProblemEntry } from '../problem.js';
import { isRecord } from './context.js';

/** Undeclared facts per request that get the engine's full check (with its suggestion). */
const SUGGESTED_UNKNOWN_FACTS = 20;
/** Problems listed in one answer; the rest are counted. */
const SHOWN_PROBLEMS = 100;

export interface RequestBudget {
  /** Undeclared facts this request may still send to the engine's full check. */
  unknownFacts: number;
  /** Problems this answer may still list. */
  shown: number;
  /** Problems found past `shown`. */
  omitted: number;
}

export function requestBudget(): RequestBudget {
  return { unknownFacts: SUGGESTED_UNKNOWN_FACTS, shown: SHOWN_PROBLEMS, omitted: 0 };
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

const declaredFacts = new WeakMap<CompiledRuleset, ReadonlySet<string>>();

/**
 * The assessment to validate (its declared facts and the undeclared ones within the budget) and
 * the diagnostics for the undeclared facts past the budget, as the engine words them.
 */
export function spareUnknownFacts(
  ruleset: CompiledRuleset,
  assessment: Record<string, unknown>,
  budget: RequestBudget,
): { readonly assessment: Record<string, unknown>; readonly rest: readonly Diagnostic[] } {
  const facts = assessment['facts'];
  if (!isRecord(facts)) return { assessment, rest: [] };
  let declared = declaredFacts.get(ruleset);
  if (declared === undefined) {
    declared = new Set(ruleset.facts.map((f) => f.id));
    declaredFacts.set(ruleset, declared);
  }
  const kept: Record<string, unknown> = {};
  const rest: Diagnostic[] = [];
  for (const [name, value] of Object.entries(facts)) {
    if (declared.has(name)) kept[name] = value;
    else if (budget.unknownFacts > 0) {
      budget.unknownFacts--;
      kept[name] = value;
    } else {
      rest.push({
        code: 'input_unknown_fact',
        severity: 'error',
        file: '<input>',
        line: 0,
        column: 0,
        params: { name },
        path: `/facts/${name}`,
      });
    }
  }
  return rest.length === 0 ? { assessment, rest } : { assessment: { ...assessment, facts: kept }, rest };
}
