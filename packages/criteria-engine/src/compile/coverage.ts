/**
 * Variant coverage (Q1): for every kind of unit the input validation accepts (compile/contexts.ts), for each criterion with variants, find the combinations no variant covers (reported as
 * information naming the declared `no_variant` policy) and those two variants both cover.
 */
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import { type ContextValues, contextAccepts, describeContext, enumerateContexts } from './contexts.js';
import type { RulesetPlan } from './plan.js';
import { createSlotFiller } from './slots.js';
import type { Value } from './types.js';

type Report = (
  code: DiagnosticCode,
  criterionIndex: number,
  params: Record<string, string | number>,
  severity: Severity,
) => void;

/** Slots holding only a context (facts unknown), for running selectors at load time. */
function contextSlots(plan: RulesetPlan): (context: ContextValues) => Value[] {
  const fill = createSlotFiller(plan.contextSlots, plan.factSlots);
  return (context) => fill(context, {}, []);
}

export function checkCoverage(plan: RulesetPlan, max: number, report: Report): void {
  const combos = enumerateContexts(plan.context, max, contextAccepts(plan));
  const slotsOf = contextSlots(plan);
  plan.criteria.forEach((criterion, index) => {
    if (!criterion.variants) return;
    if (!combos) {
      report(
        'variant_uncovered',
        index,
        { criterion: criterion.info.id, context: `more than ${max} combinations`, policy: 'not checked' },
        'warning',
      );
      return;
    }
    for (const combo of combos) {
      const s = slotsOf(combo);
      const matching = criterion.variants.filter((v) => v.when(s) === true);
      const undecided = criterion.variants.some((v) => v.when(s) === undefined);
      if (matching.length === 0) {
        report(
          'variant_uncovered',
          index,
          {
            criterion: criterion.info.id,
            context: describeContext(combo),
            policy: undecided ? 'unknown' : criterion.noVariant,
          },
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
            context: describeContext(combo),
          },
          'warning',
        );
      }
    }
  });
}
