/**
 * The year's decisions: every area registered for the year is assessed from the facts in the
 * record, against the version of the rules in force on the year's date (the cycle's deadline,
 * or a date given). An area whose result still has missing facts is incomplete and not
 * decided; a complete one gets its result stored with the ruleset's id, version and hash.
 */
import type { Assessment, CompiledRuleset, Diagnostic, EvaluationResult, Scheme } from '@lcz/criteria-engine';
import type { RecordsStore } from './store.js';
import type { AreaRecord, EvaluationInput, EvaluationSummary, StoredValue, WriteMeta } from './types.js';

export interface AreaAssessment {
  readonly area: AreaRecord;
  readonly assessment?: Assessment;
  /** The assessment's own problems (a context no longer valid for the rules, say). */
  readonly diagnostics: readonly Diagnostic[];
  readonly result?: EvaluationResult;
}

/** The rules in force on `date`; a located diagnostic when there are none. */
export function rulesOn(scheme: Scheme, date: string): { value?: CompiledRuleset; diagnostics: readonly Diagnostic[] } {
  return scheme.select({ date });
}

/** Every registered area of the year, assessed from the record as it stands. */
export async function assessYear(
  store: RecordsStore,
  ruleset: CompiledRuleset,
  year: number,
  date: string,
): Promise<AreaAssessment[]> {
  const registered = new Set(await store.registered(year));
  const areas = (await store.areas()).filter((a) => registered.has(a.code));
  const facts = await store.currentFacts(year);
  return areas.map((area) => {
    const values: Record<string, StoredValue> = {};
    for (const [id, f] of facts.get(area.code) ?? []) if (f.value !== null) values[id] = f.value;
    const raw = {
      area: { code: area.code, name: area.name, unit: area.unit, date },
      context: area.context,
      facts: values,
    };
    const checked = ruleset.validateAssessment(raw);
    if (!checked.value) return { area, diagnostics: checked.diagnostics };
    return {
      area,
      assessment: checked.value,
      diagnostics: checked.diagnostics,
      result: ruleset.evaluate(checked.value),
    };
  });
}

export interface DecideOutcome {
  readonly ruleset: CompiledRuleset;
  readonly date: string;
  /** Areas decided (complete), with their decisions. */
  readonly decided: readonly { readonly area: string; readonly decision: string }[];
  /** Areas not decided: facts still missing, or an invalid assessment. */
  readonly incomplete: readonly { readonly area: string; readonly missing: readonly string[] }[];
  readonly invalid: readonly AreaAssessment[];
  readonly stored: number;
  readonly unchanged: number;
}

export async function decideYear(
  store: RecordsStore,
  ruleset: CompiledRuleset,
  year: number,
  date: string,
  meta: WriteMeta,
): Promise<DecideOutcome> {
  const assessed = await assessYear(store, ruleset, year, date);
  const inputs: EvaluationInput[] = [];
  const incomplete: { area: string; missing: readonly string[] }[] = [];
  const invalid: AreaAssessment[] = [];
  for (const a of assessed) {
    if (!a.result || !a.assessment) {
      invalid.push(a);
      continue;
    }
    if (a.result.missing.length > 0) {
      incomplete.push({ area: a.area.code, missing: a.result.missing });
      continue;
    }
    inputs.push({
      area: a.area.code,
      decision: a.result.decision,
      ruleset: a.result.ruleset,
      assessedOn: date,
      assessment: a.assessment,
      summary: summaryOf(a.result),
    });
  }
  const { stored, unchanged } = await store.storeEvaluations(year, inputs, meta);
  return {
    ruleset,
    date,
    decided: inputs.map((i) => ({ area: i.area, decision: i.decision })),
    incomplete,
    invalid,
    stored,
    unchanged,
  };
}

export function summaryOf(result: EvaluationResult): EvaluationSummary {
  return {
    standards: result.standards.map((s) => ({
      id: s.id,
      status: s.status,
      passed: s.passed,
      required: s.required,
      applicable: s.applicable,
    })),
    failed: result.criteria.filter((c) => c.counts_as === 'failed').map((c) => c.id),
    missing: result.missing,
  };
}
