/**
 * Variant coverage (Q1): enumerate every combination of context values the context rules allow
 * and, for each criterion with variants, find the combinations no variant covers (reported as
 * information naming the declared `no_variant` policy) and those two variants both cover.
 */
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import type { RulesetPlan } from './plan.js';
import { createSlotFiller } from './slots.js';
import type { Value } from './types.js';

type Report = (
  code: DiagnosticCode,
  criterionIndex: number,
  params: Record<string, string | number>,
  severity: Severity,
) => void;

export type ContextCombination = Record<string, string | boolean | undefined>;

/** Every context allowed by the rules, with attributes left out where they are not required. */
export function enumerateContexts(plan: RulesetPlan, max: number): ContextCombination[] | undefined {
  let combos: ContextCombination[] = [{}];
  for (const attr of plan.context) {
    const values: (string | boolean)[] = attr.type === 'boolean' ? [false, true] : (attr.values ?? []).map((v) => v.id);
    const next: ContextCombination[] = [];
    for (const combo of combos) for (const v of values) next.push({ ...combo, [attr.id]: v });
    if (next.length > max) return undefined;
    combos = next;
  }
  const seen = new Set<string>();
  const out: ContextCombination[] = [];
  const slotsOf = contextSlots(plan);
  for (const combo of combos) {
    // An attribute whose required_when is false is absent in real inputs: drop it.
    for (const [id, requiredWhen] of plan.requiredWhen) {
      if (requiredWhen(slotsOf(combo)) !== true) delete combo[id];
    }
    const s = slotsOf(combo);
    if (!plan.contextRules.every((r) => r.when(s) !== true || r.require(s) === true)) continue;
    const key = JSON.stringify(combo);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(combo);
  }
  return out;
}

export function describeContext(combo: ContextCombination): string {
  return Object.entries(combo)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

/** Slots holding only a context (facts unknown), for running selectors at load time. */
export function contextSlots(plan: RulesetPlan): (context: ContextCombination) => Value[] {
  const fill = createSlotFiller(plan.contextSlots, plan.factSlots);
  return (context) => fill(context, {}, []);
}

export function checkCoverage(plan: RulesetPlan, max: number, report: Report): void {
  const combos = enumerateContexts(plan, max);
  const withVariants = plan.criteria.flatMap((criterion, index) => (criterion.variants ? [index] : []));
  if (!combos) {
    for (const index of withVariants) {
      const criterion = plan.criteria[index] as RulesetPlan['criteria'][number];
      report(
        'variant_uncovered',
        index,
        { criterion: criterion.info.id, context: `more than ${max} combinations`, policy: 'not checked' },
        'warning',
      );
    }
    return;
  }
  // The slots of each combination are filled once: filling them per criterion made the check
  // grow with criteria × facts (every fill writes every fact's slot).
  const slotsOf = contextSlots(plan);
  const filled = combos.map((combo) => ({ combo, slots: slotsOf(combo), described: describeContext(combo) }));
  for (const index of withVariants) checkCriterionCoverage(plan, index, filled, report);
}

interface FilledCombination {
  readonly combo: ContextCombination;
  readonly slots: readonly Value[];
  readonly described: string;
}

function checkCriterionCoverage(
  plan: RulesetPlan,
  index: number,
  filled: readonly FilledCombination[],
  report: Report,
): void {
  const criterion = plan.criteria[index] as RulesetPlan['criteria'][number];
  const variants = criterion.variants ?? [];
  for (const { slots, described } of filled) {
    const matching = variants.filter((v) => v.when(slots) === true);
    const undecided = variants.some((v) => v.when(slots) === undefined);
    if (matching.length === 0) {
      report(
        'variant_uncovered',
        index,
        { criterion: criterion.info.id, context: described, policy: undecided ? 'unknown' : criterion.noVariant },
        undecided ? 'warning' : 'info',
      );
    } else if (matching.length > 1) {
      report(
        'variant_overlap',
        index,
        {
          criterion: criterion.info.id,
          first: (matching[0] as { id: string }).id,
          second: (matching[1] as { id: string }).id,
          context: described,
        },
        'warning',
      );
    }
  }
}
