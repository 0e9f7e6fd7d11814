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

type Member = GroupInfo['criteria'][number];
type CountsAs = 'passed' | 'failed' | 'excluded';

/**
 * Best and worst tallies of a list of criteria per kind of unit, each summed once: the check of
 * every criterion's effect then takes its own contribution out of the sum instead of summing its
 * standard (and the total) again, which grew with the square of the criteria.
 */
class Tallies {
  private readonly indexOf: ReadonlyMap<string, number>;
  private readonly sums = new Map<readonly Member[], Map<string, Tally>>();

  constructor(
    private readonly reach: Reachability,
    criteria: readonly Member[],
  ) {
    this.indexOf = new Map(criteria.map((c, i) => [c.id, i]));
  }

  outcome(id: string, k: number): CriterionOutcomes {
    const outcomes = this.reach.criteria[this.indexOf.get(id) ?? -1]?.contexts[k];
    // Members and contexts come from the same reach: a miss is a bug here, never the rule file's.
    if (outcomes === undefined) throw new Error(`criterion ${id} has no outcomes in context ${k}`);
    return outcomes;
  }

  countsAs(id: string, k: number, side: 'best' | 'worst'): CountsAs {
    const o = this.outcome(id, k);
    if (side === 'best')
      return o.statuses.includes('pass') ? 'passed' : o.counts.includes('excluded') ? 'excluded' : 'failed';
    return o.counts.includes('failed') ? 'failed' : o.counts.includes('excluded') ? 'excluded' : 'passed';
  }

  tally(members: readonly Member[], k: number, side: 'best' | 'worst'): Tally {
    const bySide = this.sums.get(members) ?? new Map<string, Tally>();
    this.sums.set(members, bySide);
    const key = `${side}${k}`;
    let t = bySide.get(key);
    if (!t) {
      t = { passed: 0, applicable: 0, points: 0 };
      for (const c of members) add(t, this.countsAs(c.id, k, side), c.points, 1);
      bySide.set(key, t);
    }
    return t;
  }

  /** The worst tally of `members` with `failed` (one of them) counted as failed. */
  worstWithFailed(members: readonly Member[], k: number, failed: Member): Tally {
    const t = { ...this.tally(members, k, 'worst') };
    add(t, this.countsAs(failed.id, k, 'worst'), failed.points, -1);
    add(t, 'failed', failed.points, 1);
    return t;
  }
}

function add(t: Tally, as: CountsAs, points: number, sign: 1 | -1): void {
  if (as === 'excluded') return;
  t.applicable += sign;
  if (as === 'passed') {
    t.passed += sign;
    t.points += sign * points;
  }
}

export function checkRequirements(f: Findings, reach: Reachability): void {
  if (!reach.contextsListed || reach.contexts.length === 0) return;
  const tallies = new Tallies(reach, f.ruleset.criteria);
  checkUnreachable(f, reach, tallies);
  checkLevels(f, reach, tallies);
  // The no-effect check judges the recognition rule alone; with levels or requirements over named
  // criteria a criterion can matter only to a level or a list it does not model, so it stays silent.
  if (!f.ruleset.levels && !f.ruleset.document.recognition.requirements) checkNoEffect(f, reach, tallies);
}

/**
 * Each level's own requirements (a standard's, the total, a list over named criteria) on the best
 * completion of the criteria that count at that level: one that no unit of some kind can meet
 * makes the level, and every level above it, unreachable.
 */
function checkLevels(f: Findings, reach: Reachability, tallies: Tallies): void {
  const { ruleset } = f;
  const levels = ruleset.document.levels ?? [];
  const order = levels.map((l) => l.id);
  const byId = new Map(ruleset.criteria.map((c) => [c.id, c]));
  levels.forEach((level, li) => {
    const counts = (c: Member) => c.fromLevel === undefined || order.indexOf(c.fromLevel) <= li;
    const check = (members: readonly Member[], req: Requirement, path: readonly (string | number)[], group: string) =>
      unreachableOver(f, reach, tallies, members, req, path, group);
    const all = ruleset.criteria.filter(counts);
    for (const g of ruleset.groups) {
      const own = level.groups?.[g.id];
      const extra =
        own ?? (ruleset.document.groups.find((d) => d.id === g.id)?.requirement ? undefined : level.group_requirement);
      if (extra) check(g.criteria.filter(counts), extra, ['levels', li, own ? 'groups' : 'group_requirement'], g.id);
    }
    if (level.total_requirement) check(all, level.total_requirement, ['levels', li, 'total_requirement'], '');
    (level.requirements ?? []).forEach((r, i) => {
      const members = r.of.flatMap((id) => {
        const c = byId.get(id);
        return c && counts(c) ? [c] : [];
      });
      const req: Requirement =
        'at_least_count' in r ? { at_least_count: r.at_least_count } : { at_least_points: r.at_least_points };
      check(members, req, ['levels', li, 'requirements', i], '');
    });
  });
  (ruleset.document.recognition.requirements ?? []).forEach((r, i) => {
    const members = r.of.flatMap((id) => {
      const c = byId.get(id);
      return c ? [c] : [];
    });
    const req: Requirement =
      'at_least_count' in r ? { at_least_count: r.at_least_count } : { at_least_points: r.at_least_points };
    unreachableOver(f, reach, tallies, members, req, ['recognition', 'requirements', i], '');
  });
}

/** A requirement over these criteria that even their best completion misses, in some kind of unit. */
function unreachableOver(
  f: Findings,
  reach: Reachability,
  tallies: Tallies,
  members: readonly Member[],
  req: Requirement,
  path: readonly (string | number)[],
  group: string,
): void {
  const ks = reach.contexts.map((_, k) => k).filter((k) => !holds(req, tallies.tally(members, k, 'best')));
  const first = ks[0];
  if (first === undefined) return;
  const best = tallies.tally(members, first, 'best');
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
      context: describeAll(reach, ks),
    },
    'error',
  );
}

function describeAll(reach: Reachability, ks: readonly number[]): string {
  return ks.length === reach.contexts.length ? '' : ks.map((k) => describeContext(reach.contexts[k] ?? {})).join('; ');
}

/** Standards (and the total) whose best completion misses the requirement in some kind of unit. */
function checkUnreachable(f: Findings, reach: Reachability, tallies: Tallies): void {
  const { ruleset } = f;
  for (const [gi, g] of ruleset.groups.entries())
    unreachableOver(f, reach, tallies, g.criteria, g.requirement, f.requirement(gi), g.id);
  const total = ruleset.totalRequirement;
  if (total) unreachableOver(f, reach, tallies, ruleset.criteria, total, ['recognition', 'total_requirement'], '');
}

/** A criterion whose failure never changes the decision. */
function checkNoEffect(f: Findings, reach: Reachability, tallies: Tallies): void {
  const { ruleset } = f;
  const total = ruleset.totalRequirement;
  const contexts = reach.contexts.map((_, k) => k);
  for (const g of ruleset.groups) {
    const reachable = (k: number) => holds(g.requirement, tallies.tally(g.criteria, k, 'best'));
    for (const c of g.criteria) {
      const canFail = contexts.filter((k) => tallies.outcome(c.id, k).counts.includes('failed'));
      if (canFail.length === 0) continue;
      const path = [...f.criterion(c.id), 'id'];
      const irrelevantIn = (k: number) =>
        !reachable(k) ||
        (holds(g.requirement, tallies.worstWithFailed(g.criteria, k, c)) &&
          (!total || holds(total, tallies.worstWithFailed(ruleset.criteria, k, c))));
      if (!c.mandatory && canFail.some(reachable) && canFail.every(irrelevantIn)) {
        f.add('criterion_no_effect', path, { criterion: c.id, group: g.id, reason: 'group_always_met' }, 'warning');
        continue;
      }
      const failing = canFail.map((k) => tallies.outcome(c.id, k));
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
  }
}
