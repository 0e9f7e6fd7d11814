/**
 * Standards whose minimum cannot be reached, and criteria whose outcome never changes the
 * decision. Per kind of unit, each criterion counts at best (passed if it can pass, else left out
 * of the denominator if it can be, else failed) or at worst (failed if it can fail, else left out,
 * else passed). Those completions bound every real assessment, whatever the criteria share:
 *
 * - if even the best completion misses a standard's requirement, no unit of that kind can meet it;
 * - if a standard is met with a criterion failed and every other at its worst (and so is the total
 *   requirement), and the criterion is not mandatory, its outcome never matters;
 * - if whenever a criterion fails a disqualifier reading the same fact applies (from the probes),
 *   its failure never matters either: the unit is not recognised anyway.
 */
import type { GroupInfo } from '../../compile/compiled-ruleset.js';
import { holds, requirementParts, type Tally } from '../../evaluate/requirement.js';
import type { Requirement } from '../../evaluate/result.js';
import { describeContext } from '../contexts.js';
import type { Findings } from '../findings.js';
import type { CriterionOutcomes, Reachability } from '../reach.js';

export function checkRequirements(f: Findings, reach: Reachability): void {
  const { ruleset } = f;
  if (!reach.contextsListed || reach.contexts.length === 0) return;
  const indexOf = new Map(ruleset.criteria.map((c, i) => [c.id, i]));
  const outcome = (id: string, k: number) => reach.criteria[indexOf.get(id) ?? -1]?.contexts[k] as CriterionOutcomes;
  const contexts = reach.contexts.map((_, k) => k);
  const every = (ks: readonly number[]) =>
    ks.length === reach.contexts.length ? '' : ks.map((k) => describeContext(reach.contexts[k] ?? {})).join('; ');

  const tally = (
    members: readonly { id: string; points: number }[],
    k: number,
    side: 'best' | 'worst',
    failed?: string,
  ): Tally => {
    const t: Tally = { passed: 0, applicable: 0, points: 0 };
    for (const c of members) {
      const o = outcome(c.id, k);
      const as: 'passed' | 'failed' | 'excluded' =
        c.id === failed
          ? 'failed'
          : side === 'best'
            ? o.statuses.includes('pass')
              ? 'passed'
              : o.counts.includes('excluded')
                ? 'excluded'
                : 'failed'
            : o.counts.includes('failed')
              ? 'failed'
              : o.counts.includes('excluded')
                ? 'excluded'
                : 'passed';
      if (as === 'excluded') continue;
      t.applicable++;
      if (as === 'passed') {
        t.passed++;
        t.points += c.points;
      }
    }
    return t;
  };

  const reachable = (members: readonly GroupInfo['criteria'][number][], req: Requirement, k: number) =>
    holds(req, tally(members, k, 'best'));
  const unreachable = (
    members: readonly GroupInfo['criteria'][number][],
    req: Requirement,
    path: readonly (string | number)[],
    group: string,
  ) => {
    const ks = contexts.filter((k) => !reachable(members, req, k));
    const first = ks[0];
    if (first === undefined) return;
    const best = tally(members, first, 'best');
    const { kind, value } = requirementParts(req);
    f.add(
      'requirement_unreachable',
      path,
      {
        group,
        kind,
        value,
        best: kind === 'at_least_points' ? best.points : best.passed,
        applicable: best.applicable,
        context: every(ks),
      },
      'error',
    );
  };

  ruleset.groups.forEach((g, gi) => {
    unreachable(g.criteria, g.requirement, f.requirement(gi), g.id);
  });
  const total = ruleset.totalRequirement;
  if (total) unreachable(ruleset.criteria, total, ['recognition', 'total_requirement'], '');

  // A criterion whose failure never changes the decision.
  ruleset.groups.forEach((g) => {
    for (const c of g.criteria) {
      const canFail = contexts.filter((k) => outcome(c.id, k).counts.includes('failed'));
      if (canFail.length === 0) continue;
      const path = [...f.criterion(c.id), 'id'];
      const irrelevantIn = (k: number) =>
        !reachable(g.criteria, g.requirement, k) ||
        (holds(g.requirement, tally(g.criteria, k, 'worst', c.id)) &&
          (!total || holds(total, tally(ruleset.criteria, k, 'worst', c.id))));
      if (!c.mandatory && canFail.some((k) => reachable(g.criteria, g.requirement, k)) && canFail.every(irrelevantIn)) {
        f.add('criterion_no_effect', path, { criterion: c.id, group: g.id, reason: 'group_always_met' }, 'warning');
        continue;
      }
      const failing = canFail.map((k) => outcome(c.id, k));
      if (failing.every((o) => o.failsOnlyWhenDisqualified)) {
        const by = [...new Set(failing.flatMap((o) => o.sharedWith))].join(', ');
        f.add(
          'criterion_no_effect',
          path,
          { criterion: c.id, group: g.id, reason: 'disqualifier', disqualifier: by },
          'warning',
        );
      }
    }
  });
}
