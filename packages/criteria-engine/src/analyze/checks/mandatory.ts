/**
 * A mandatory criterion must pass; "not applicable" is not passing. So a mandatory criterion that
 * is never applicable for some kind of unit makes that kind impossible to recognise (an error), and
 * one that can be not applicable (an `applicable_when`, or a missing variant) blocks recognition
 * whenever it is (a warning: say so in the rules, or make it applicable).
 */
import { describeContext } from '../contexts.js';
import type { Findings } from '../findings.js';
import type { Reachability } from '../reach.js';

export function checkMandatory(f: Findings, reach: Reachability): void {
  const { ruleset } = f;
  if (!reach.contextsListed) return;
  const indexOf = new Map(ruleset.criteria.map((c, i) => [c.id, i]));
  const describe = (ks: readonly number[]) =>
    ks.length === reach.contexts.length ? '' : ks.map((k) => describeContext(reach.contexts[k] ?? {})).join('; ');
  ruleset.mandatory.forEach((id, m) => {
    const outcomes = reach.criteria[indexOf.get(id) ?? -1]?.contexts ?? [];
    const ks = outcomes.map((_, k) => k);
    const never = ks.filter((k) => outcomes[k]?.checked && outcomes[k]?.statuses.every((s) => s === 'not_applicable'));
    const sometimes = ks.filter((k) => outcomes[k]?.statuses.includes('not_applicable'));
    const path = ['recognition', 'mandatory', m];
    if (never.length > 0)
      f.add(
        'mandatory_not_applicable',
        path,
        { criterion: id, reason: 'never_applicable', context: describe(never) },
        'error',
      );
    else if (sometimes.length > 0)
      f.add(
        'mandatory_not_applicable',
        path,
        { criterion: id, reason: 'can_be_not_applicable', context: describe(sometimes) },
        'warning',
      );
  });
}
