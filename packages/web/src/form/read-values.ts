/**
 * From what is typed in the form to an assessment the engine accepts. Values are converted by
 * the declared type only ("12" in a number field is 12; an empty field is absent, i.e. unknown);
 * every check (integers, bounds, part ≤ whole, context rules) is the engine's own
 * `validateAssessment`, so the form and files agree. A fact with a problem is left out of the
 * evaluated assessment (unknown) and reported next to its field; nothing is guessed.
 */
import { factType, type Assessment, type CompiledRuleset, type Diagnostic, type FactInfo } from '@lcz/criteria-engine';
import type { Applicability, ContextChoice } from './applicability.js';

/** Raw field values as the inputs hold them: '' is empty. */
export interface FormState {
  readonly facts: Readonly<Record<string, string>>;
  /** Fact ids whose input holds something the browser could not read as a number. */
  readonly badInput: ReadonlySet<string>;
  /** The assessment's date (YYYY-MM-DD), when the form asks for it; '' or absent is unknown. */
  readonly date?: string;
}

export type FieldProblem =
  | { readonly kind: 'not_number'; readonly fact: string }
  | {
      readonly kind: 'diagnostic';
      /** The fact or context attribute at fault; undefined for the context as a whole. */
      readonly fact?: string;
      readonly attribute?: string;
      readonly diagnostic: Diagnostic;
    };

export interface ReadResult {
  /** What the form holds for the questions that apply, as an assessment (possibly invalid). */
  readonly assessment: {
    readonly area?: { readonly date: string };
    readonly context: ContextChoice;
    readonly facts: Readonly<Record<string, number | boolean | string>>;
  };
  /** The assessment to evaluate: valid, with faulty facts left out. Absent while the context is incomplete or impossible. */
  readonly usable?: Assessment;
  readonly problems: readonly FieldProblem[];
  /** Facts left out of `usable` because of a problem. */
  readonly excluded: readonly string[];
  /** Applicable facts with a value, and how many apply. */
  readonly filled: number;
  readonly total: number;
}

/**
 * '' → absent; otherwise the typed value, or `null` when the text cannot be that type: the fact
 * type's own reading of a form field (compile/fact-types), so a new type needs no edit here.
 */
export function convertFieldValue(fact: FactInfo, raw: string): number | boolean | string | null | undefined {
  return factType(fact.type).readField(fact, raw);
}

export function readForm(ruleset: CompiledRuleset, applicability: Applicability, state: FormState): ReadResult {
  const problems: FieldProblem[] = [];
  const facts: Record<string, number | boolean | string> = {};
  let total = 0;
  for (const fact of ruleset.facts) {
    if (!applicability.facts.has(fact.id)) continue;
    total += 1;
    const raw = state.facts[fact.id] ?? '';
    if (state.badInput.has(fact.id)) {
      problems.push({ kind: 'not_number', fact: fact.id });
      continue;
    }
    const value = convertFieldValue(fact, raw);
    if (value === null) problems.push({ kind: 'not_number', fact: fact.id });
    else if (value !== undefined) facts[fact.id] = value;
  }
  const filled = Object.keys(facts).length + problems.length;
  const area = state.date ? { area: { date: state.date } } : {};
  const assessment = { ...area, context: applicability.choice, facts };

  const excluded = new Set(problems.map((p) => (p.kind === 'not_number' ? p.fact : '')));
  let contextBlocked = false;
  for (const d of ruleset.validateAssessment(assessment).diagnostics) {
    const problem = locate(d);
    problems.push(problem);
    if (problem.fact !== undefined) excluded.add(problem.fact);
    else contextBlocked = true;
  }
  excluded.delete('');
  if (contextBlocked) return { assessment, problems, excluded: [...excluded], filled, total };

  // Leaving faulty facts out can only remove problems (no check needs a fact to be present), so
  // one more validation gives the usable assessment; a remaining problem means we cannot evaluate.
  const kept = Object.fromEntries(Object.entries(facts).filter(([id]) => !excluded.has(id)));
  const checked = ruleset.validateAssessment({ ...area, context: applicability.choice, facts: kept });
  return {
    assessment,
    ...(checked.value ? { usable: checked.value } : {}),
    problems,
    excluded: [...excluded],
    filled,
    total,
  };
}

/** The field a diagnostic is about, from its path (`/facts/x`, `/context/x`, `/context`). */
function locate(d: Diagnostic): FieldProblem & { kind: 'diagnostic' } {
  const [section, id] = (d.path ?? '').split('/').slice(1);
  if (section === 'facts' && id) return { kind: 'diagnostic', fact: id, diagnostic: d };
  if (section === 'context' && id) return { kind: 'diagnostic', attribute: id, diagnostic: d };
  const name = d.params['name'];
  if (d.code === 'input_context_missing' && typeof name === 'string')
    return { kind: 'diagnostic', attribute: name, diagnostic: d };
  return { kind: 'diagnostic', diagnostic: d };
}
