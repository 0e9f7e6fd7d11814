/**
 * The traced evaluation's part for schemes with tiers (levels, count requirements, points
 * rules): the decision from the tiers (tiers.ts, the same code as the fast path), the reasons
 * taken from the lowest tier (what recognition at all needs), and each level's status.
 */
import type { RulesetPlan } from '../compile/plan.js';
import type { TierPlan } from '../compile/levels.js';
import { PASS } from './outcome.js';
import type { Decision, DecisionReason, DisqualifierResult, GroupStatus, NextLevel } from './result.js';
import { requiredCount } from './requirement.js';
import {
  certainTally,
  judgeCheck,
  judgeLevels,
  MET,
  NOT_MET,
  UNKNOWN,
  type TierInputs,
  type Verdict,
} from './tiers.js';

export interface TieredOutcome {
  readonly decision: Decision;
  readonly reasons: DecisionReason[];
  /** Parts of the lowest tier still unknown (ids as the `unknown` reason lists them). */
  readonly undecided: readonly string[];
  readonly level?: {
    readonly reached: string | null;
    readonly possible: string | null;
    readonly levels: readonly { readonly id: string; readonly status: GroupStatus }[];
    readonly next?: NextLevel;
  };
}

const STATUS: Readonly<Record<Verdict, GroupStatus>> = { [MET]: 'met', [NOT_MET]: 'not_met', [UNKNOWN]: 'unknown' };

export function judgeTiered(
  plan: RulesetPlan,
  tiers: readonly TierPlan[],
  outcomes: readonly number[],
  points: readonly number[],
  disqualifiers: readonly DisqualifierResult[],
): TieredOutcome {
  const input: TierInputs = {
    outcomes,
    points,
    disqualifiers: disqualifiers.map((d) => (d.status === 'applies' ? 1 : d.status === 'clear' ? 0 : 2)),
  };
  const verdicts: Verdict[] = [];
  const packed = judgeLevels(tiers, input, verdicts);
  const reached = packed % 256;
  const possible = (packed - reached) / 256;
  const decision: Decision = reached > 0 ? 'recognised' : possible === 0 ? 'not_recognised' : 'undetermined';
  const reasons: DecisionReason[] = [];
  const undecided: string[] = [];
  const lowest = tiers[0];
  if (lowest && decision !== 'recognised') {
    const want = decision === 'not_recognised' ? NOT_MET : UNKNOWN;
    for (const di of lowest.disqualifiers) {
      const d = disqualifiers[di];
      if (!d) continue;
      if (want === NOT_MET && d.status === 'applies') reasons.push({ kind: 'disqualified', id: d.id });
      if (want === UNKNOWN && d.status === 'unknown') undecided.push(d.id);
    }
    for (const ci of lowest.mandatory) {
      const o = outcomes[ci] ?? 0;
      const id = plan.criteria[ci]?.info.id ?? '';
      if (want === NOT_MET && !(o & PASS)) reasons.push({ kind: 'mandatory_failed', id });
      if (want === UNKNOWN && o & PASS && (o & 7) !== PASS) undecided.push(id);
    }
    for (const check of lowest.checks) {
      if (judgeCheck(check, input) !== want) continue;
      const src = check.source;
      const level = src.level !== undefined ? { level: src.level } : {};
      if (want === UNKNOWN) {
        undecided.push(src.kind === 'group' ? src.id : src.kind === 'total' ? 'total' : `requirements.${src.index}`);
      } else if (src.kind === 'group') reasons.push({ kind: 'group_not_met', id: src.id, ...level });
      else if (src.kind === 'total') reasons.push({ kind: 'total_not_met', ...level });
      else {
        const requirement =
          'at_least_count' in check.requirement
            ? { at_least_count: check.requirement.at_least_count }
            : { at_least_points: 'at_least_points' in check.requirement ? check.requirement.at_least_points : 0 };
        const of = check.criteria.map((i) => plan.criteria[i]?.info.id ?? '');
        reasons.push({ kind: 'requirement_not_met', index: src.index, ...level, requirement, of });
      }
    }
  }
  const ids = plan.levels?.map((l) => l.id);
  const nextTier = tiers[reached];
  const next = ids && nextTier ? nextLevel(plan, ids[reached] ?? '', nextTier, input, disqualifiers) : undefined;
  return {
    decision,
    reasons,
    undecided,
    ...(ids
      ? {
          level: {
            reached: ids[reached - 1] ?? null,
            possible: ids[possible - 1] ?? null,
            levels: ids.map((id, i) => ({ id, status: STATUS[verdicts[i] ?? UNKNOWN] })),
            ...(next && next.lacking.length > 0 ? { next } : {}),
          },
        }
      : {}),
  };
}

function nextLevel(
  plan: RulesetPlan,
  id: string,
  tier: TierPlan,
  input: TierInputs,
  disqualifiers: readonly DisqualifierResult[],
): NextLevel {
  const lacking: NextLevel['lacking'][number][] = [];
  for (const di of tier.disqualifiers) {
    const d = disqualifiers[di];
    if (d && d.status !== 'clear') lacking.push({ kind: 'disqualifier', id: d.id });
  }
  for (const ci of tier.mandatory) {
    if (((input.outcomes[ci] ?? 0) & 7) !== PASS)
      lacking.push({ kind: 'mandatory', id: plan.criteria[ci]?.info.id ?? '' });
  }
  for (const check of tier.checks) {
    if (judgeCheck(check, input) === MET) continue;
    const have = certainTally(check, input);
    const req = check.requirement;
    const points = 'at_least_points' in req;
    const need = requiredCount(req, have.applicable);
    const src = check.source;
    lacking.push({
      kind: src.kind,
      ...(src.kind === 'group' ? { id: src.id } : {}),
      ...(src.kind === 'requirements' ? { index: src.index } : {}),
      ...(src.level !== undefined ? { level: src.level } : {}),
      unit: points ? 'points' : 'criteria',
      need,
      have: points ? have.points : have.passed,
    });
  }
  return { id, lacking };
}
