/**
 * Variant coverage (Q1): for every kind of unit the input validation accepts (compile/contexts.ts), for each criterion with variants, find the combinations no variant covers (reported as
 * information naming the declared `no_variant` policy) and those two variants both cover.
 */
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { DiagnosticParams } from '../diagnostics/params.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import { type ContextValues, contextAccepts, describeContext, enumerateContexts } from './contexts.js';
import type { RulesetPlan } from './plan.js';
import { createSlotFiller } from './slots.js';
import type { Value } from './types.js';

type Report = <C extends DiagnosticCode>(
  code: C,
  criterionIndex: number,
  params: DiagnosticParams<C>,
  severity: Severity,
) => void;

/** Slots holding only a context (facts unknown), for running selectors at load time. */
function contextSlots(plan: RulesetPlan): (context: ContextValues) => Value[] {
  const fill = createSlotFiller(plan.contextSlots, plan.factSlots);
  return (context) => fill(context, {}, []);
}

export function checkCoverage(plan: RulesetPlan, max: number, report: Report): void {
  const combos = enumerateContexts(plan.context, max, contextAccepts(plan));
  const withVariants = plan.criteria.flatMap((criterion, index) => (criterion.variants ? [index] : []));
  if (!combos) {
    for (const index of withVariants) {
      const criterion = plan.criteria[index];
      if (criterion === undefined) continue;
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
  readonly combo: ContextValues;
  readonly slots: readonly Value[];
  readonly described: string;
}

function checkCriterionCoverage(
  plan: RulesetPlan,
  index: number,
  filled: readonly FilledCombination[],
  report: Report,
): void {
  const criterion = plan.criteria[index];
  const variants = criterion?.variants ?? [];
  if (criterion === undefined) return;
  // Only the attributes its selectors read can change which variant applies: the combinations
  // that differ in others are one case, said once and named by what was read (a criterion chosen
  // by the kind of unit is not reported again for each region).
  const read = new Set(variants.flatMap((v) => v.whenReads));
  const seen = new Set<string>();
  for (const { combo, slots, described: whole } of filled) {
    const key = describeContext(Object.fromEntries(Object.entries(combo).filter(([k]) => read.has(k))));
    if (seen.has(key)) continue;
    seen.add(key);
    // Selectors that read nothing decide alike everywhere: said once, for the first kind of unit.
    const described = read.size === 0 ? whole : key;
    const matching = variants.filter((v) => v.when(slots) === true);
    const [first, second] = matching;
    const undecided = variants.some((v) => v.when(slots) === undefined);
    if (matching.length === 0) {
      report(
        'variant_uncovered',
        index,
        { criterion: criterion.info.id, context: described, policy: undecided ? 'unknown' : criterion.noVariant },
        undecided ? 'warning' : 'info',
      );
    } else if (first !== undefined && second !== undefined) {
      report(
        'variant_overlap',
        index,
        {
          criterion: criterion.info.id,
          first: first.id,
          second: second.id,
          context: described,
        },
        'warning',
      );
    }
  }
}
