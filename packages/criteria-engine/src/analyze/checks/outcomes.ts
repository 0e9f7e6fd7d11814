/**
 * Criteria that can never pass or never fail, and disqualifiers that always or never apply, for
 * every kind of unit, from what the probes reached (reach.ts). A variant is judged on the kinds of
 * unit that use it.
 */
import type { Findings } from '../findings.js';
import type { CriterionOutcomes, Reachability } from '../reach.js';

export function checkOutcomes(f: Findings, reach: Reachability): void {
  const { ruleset } = f;
  ruleset.criteria.forEach((info, i) => {
    const outcomes = reach.criteria[i]?.contexts ?? [];
    if (outcomes.length === 0) return;
    // Past the whole check's budget one note (check-ruleset.ts) speaks for every part left.
    if (outcomes.some((o) => o.unprobed)) return;
    if (outcomes.some((o) => !o.checked)) {
      const reason = outcomes.some((o) => o.opaque) ? 'unknown_value' : 'too_many';
      f.add(
        'check_limit',
        [...f.criterion(info.id), 'id'],
        { kind: 'criterion', id: info.id, max: reach.maxProbes, reason },
        'info',
      );
      return;
    }
    const judge = (list: readonly CriterionOutcomes[], variant: string | null): void => {
      const condition =
        (variant === null ? info.condition : info.variants?.find((v) => v.id === variant)?.condition)?.expression ?? '';
      const params = { criterion: info.id, ...(variant !== null ? { variant } : {}), condition };
      const where =
        variant === null && info.variants ? [...f.criterion(info.id), 'variants'] : f.condition(info.id, variant);
      if (!list.some((o) => o.statuses.includes('pass'))) {
        f.add('criterion_never_passes', where, params, 'error');
        return;
      }
      const applicable = list.filter((o) => o.statuses.some((s) => s !== 'not_applicable'));
      if (applicable.length > 0 && !applicable.some((o) => o.statuses.includes('fail')))
        f.add('criterion_never_fails', where, params, 'warning');
    };
    const used = (info.variants ?? []).filter((v) => outcomes.some((o) => o.variant === v.id));
    // Without variants, or when no kind of unit uses any (never applicable, so never passing),
    // the criterion is judged as a whole; otherwise each variant on the units that use it.
    if (used.length === 0) judge(outcomes, null);
    for (const v of used)
      judge(
        outcomes.filter((o) => o.variant === v.id),
        v.id,
      );
  });

  ruleset.disqualifiers.forEach((info, j) => {
    const outcomes = reach.disqualifiers[j]?.contexts ?? [];
    if (outcomes.length === 0) return;
    const path = ['disqualifiers', j, 'condition'];
    if (outcomes.some((o) => o.unprobed)) return;
    if (outcomes.some((o) => !o.checked)) {
      const reason = outcomes.some((o) => o.opaque) ? 'unknown_value' : 'too_many';
      f.add(
        'check_limit',
        ['disqualifiers', j, 'id'],
        { kind: 'disqualifier', id: info.id, max: reach.maxProbes, reason },
        'info',
      );
      return;
    }
    const params = { disqualifier: info.id, condition: info.condition.expression };
    if (!outcomes.some((o) => o.clear)) f.add('disqualifier_always_applies', path, params, 'error');
    else if (!outcomes.some((o) => o.applies)) f.add('disqualifier_never_applies', path, params, 'warning');
  });
}
