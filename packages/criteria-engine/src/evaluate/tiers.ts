/**
 * Judging the tiers of a scheme with levels, count requirements or points (compile/levels.ts):
 * each tier's requirements on the worst and the best completion of the unknown criteria (the same
 * arithmetic as a standard's, requirement.ts), its mandatory criteria and its blocking
 * disqualifiers; then the level reached for certain and the highest still possible. It reads the
 * criteria's packed outcomes and points from arrays the caller fills once per evaluation, and
 * allocates nothing itself, so the fast `decide` and the traced `evaluate` share it.
 */
import type { RequirementCheck, TierPlan } from '../compile/levels.js';
import { leastPoints, mostPoints } from '../compile/points.js';
import { EXCL, FAIL, PASS } from './outcome.js';
import { planMiss } from './plan-miss.js';
import { alwaysMet, meets, meetsPart, requirementParts } from './requirement.js';

export const MET = 0;
export const NOT_MET = 1;
export const UNKNOWN = 2;
export type Verdict = typeof MET | typeof NOT_MET | typeof UNKNOWN;

/** Per evaluation: each criterion's outcome and packed points, each disqualifier's value. */
export interface TierInputs {
  readonly outcomes: ArrayLike<number>;
  readonly points: ArrayLike<number>;
  /** 1: applies, 0: clear, 2: unknown. */
  readonly disqualifiers: ArrayLike<number>;
}

/** Positions in an OutcomeTally: passed and applicable over the worst completion, then over the best. */
const WORST_PASSED = 0;
const WORST_APPLICABLE = 1;
const BEST_PASSED = 2;
const BEST_APPLICABLE = 3;

/**
 * Counts of criteria over the worst and the best completion of the unknown ones (positions
 * above), in an Int32Array made once and reused: evaluation is synchronous, so nothing is
 * allocated per call.
 */
type OutcomeTally = Int32Array;

function newOutcomeTally(): OutcomeTally {
  return new Int32Array(4);
}

/**
 * Adds one criterion's outcome to a tally: the one definition of how a three-valued outcome
 * counts. Worst completion: it passes only if it can do nothing else, is left out (EXCL) when it
 * cannot fail, otherwise counts as failed. Best: it passes if it can, and is applicable unless it
 * can only be left out.
 */
function tallyOutcome(o: number, t: OutcomeTally): void {
  if (o & FAIL) t[WORST_APPLICABLE] = (t[WORST_APPLICABLE] ?? 0) + 1;
  else if (!(o & EXCL)) {
    t[WORST_PASSED] = (t[WORST_PASSED] ?? 0) + 1;
    t[WORST_APPLICABLE] = (t[WORST_APPLICABLE] ?? 0) + 1;
  }
  if (o & PASS) {
    t[BEST_PASSED] = (t[BEST_PASSED] ?? 0) + 1;
    t[BEST_APPLICABLE] = (t[BEST_APPLICABLE] ?? 0) + 1;
  } else if (!(o & EXCL)) t[BEST_APPLICABLE] = (t[BEST_APPLICABLE] ?? 0) + 1;
}

const scratch = newOutcomeTally();

/** One requirement over its criteria: met when the worst completion meets it, not met when even the best does not. */
export function judgeCheck(check: RequirementCheck, input: TierInputs): Verdict {
  let worstPoints = 0;
  let bestPoints = 0;
  const { outcomes, points } = input;
  const criteria = check.criteria;
  scratch.fill(0);
  for (let k = 0; k < criteria.length; k++) {
    const i = criteria[k];
    if (i === undefined) throw planMiss('check criteria', k);
    const o = outcomes[i];
    const p = points[i];
    if (o === undefined || p === undefined) throw planMiss('outcomes and points', i);
    tallyOutcome(o, scratch);
    worstPoints += leastPoints(p);
    bestPoints += mostPoints(p);
  }
  const req = check.requirement;
  if (meets(req, scratch[WORST_PASSED] ?? 0, scratch[WORST_APPLICABLE] ?? 0, worstPoints)) return MET;
  return meets(req, scratch[BEST_PASSED] ?? 0, scratch[BEST_APPLICABLE] ?? 0, bestPoints) ? UNKNOWN : NOT_MET;
}

/** What a check's criteria certainly have now (the worst completion): passed, applicable, points. */
export function certainTally(
  check: RequirementCheck,
  input: TierInputs,
): { passed: number; applicable: number; points: number } {
  let points = 0;
  scratch.fill(0);
  for (const i of check.criteria) {
    const o = input.outcomes[i];
    const p = input.points[i];
    if (o === undefined || p === undefined) throw planMiss('outcomes and points', i);
    tallyOutcome(o, scratch);
    points += leastPoints(p);
  }
  return { passed: scratch[WORST_PASSED] ?? 0, applicable: scratch[WORST_APPLICABLE] ?? 0, points };
}

/** A whole tier: Kleene conjunction of its checks, mandatory criteria and disqualifiers. */
function judgeTier(tier: TierPlan, input: TierInputs): Verdict {
  let verdict: Verdict = MET;
  for (let k = 0; k < tier.disqualifiers.length; k++) {
    const d = input.disqualifiers[tier.disqualifiers[k] ?? -1];
    if (d === undefined) throw planMiss('tier disqualifiers', k);
    if (d === 1) return NOT_MET;
    if (d === 2) verdict = UNKNOWN;
  }
  for (let k = 0; k < tier.mandatory.length; k++) {
    const o = input.outcomes[tier.mandatory[k] ?? -1];
    if (o === undefined) throw planMiss('tier mandatory criteria', k);
    if (!(o & PASS)) return NOT_MET;
    if ((o & 7) !== PASS) verdict = UNKNOWN;
  }
  for (let k = 0; k < tier.checks.length; k++) {
    const check = tier.checks[k];
    if (check === undefined) throw planMiss('tier checks', k);
    const v = judgeCheck(check, input);
    if (v === NOT_MET) return NOT_MET;
    if (v === UNKNOWN) verdict = UNKNOWN;
  }
  return verdict;
}

/**
 * Reached: the number of tiers, from the lowest, that are certainly met; possible: the number
 * not certainly failed (a level needs every tier up to it). Packed as reached + possible × 256
 * (at most 20 levels) so the fast path returns one number.
 */
export function judgeLevels(tiers: readonly TierPlan[], input: TierInputs, verdicts?: Verdict[]): number {
  let reached = 0;
  let possible = 0;
  let certain = true;
  let blocked = false;
  for (let t = 0; t < tiers.length; t++) {
    // Past a failed tier nothing higher is possible; the traced path still wants every verdict.
    if (blocked && !verdicts) break;
    const tier = tiers[t];
    if (tier === undefined) throw planMiss('tiers', t);
    const v = judgeTier(tier, input);
    if (verdicts) verdicts[t] = v;
    if (blocked) continue;
    if (v === NOT_MET) {
      blocked = true;
      continue;
    }
    possible = t + 1;
    if (v === UNKNOWN) certain = false;
    if (certain) reached = t + 1;
  }
  return reached + possible * 256;
}

/**
 * The tiers as one list of things to check, lowest tier first, for the fast `decide` and the
 * generated code. Judging goes tier by tier and stops at the first certainly failed one, and
 * "certain" never comes back once a tier is unknown, so a part a lower tier already checked
 * (the base mandatory criteria, the base total, a standard's own requirement, repeated in every
 * tier) cannot change the result when checked again: each part is listed once, where it first
 * appears. Requirements every count meets (`at_least_points: 0`) are left out. Checks counting
 * the same criteria share one tally.
 */
export interface LevelSchedule {
  /** Distinct lists of criteria that some kept requirement counts over. */
  readonly tallies: readonly (readonly number[])[];
  /** Per tally: whether a requirement on it counts criteria (count or percent) and whether one sums points. */
  readonly tallyCounts: readonly boolean[];
  readonly tallyPoints: readonly boolean[];
  readonly items: readonly ScheduleItem[];
  /** tierEnds[t]: how many items belong to tiers 0…t. */
  readonly tierEnds: readonly number[];
}

export type ScheduleItem =
  | { readonly kind: 'disqualifier'; readonly index: number }
  | { readonly kind: 'mandatory'; readonly index: number }
  | {
      readonly kind: 'check';
      readonly tally: number;
      readonly requirement: 'at_least_percent' | 'at_least_count' | 'at_least_points';
      readonly value: number;
    };

export function scheduleLevels(tiers: readonly TierPlan[]): LevelSchedule {
  const tallies: number[][] = [];
  const tallyCounts: boolean[] = [];
  const tallyPoints: boolean[] = [];
  const tallyOf = new Map<string, number>();
  const seen = new Set<string>();
  const items: ScheduleItem[] = [];
  const tierEnds: number[] = [];
  const add = (key: string, item: ScheduleItem) => {
    if (seen.has(key)) return;
    seen.add(key);
    items.push(item);
  };
  for (const tier of tiers) {
    for (const d of tier.disqualifiers) add(`d${d}`, { kind: 'disqualifier', index: d });
    for (const m of tier.mandatory) add(`m${m}`, { kind: 'mandatory', index: m });
    for (const check of tier.checks) {
      if (alwaysMet(check.requirement)) continue;
      const { kind, value } = requirementParts(check.requirement);
      const listKey = check.criteria.join(',');
      const key = `c${kind}:${value}:${listKey}`;
      if (seen.has(key)) continue;
      let tally = tallyOf.get(listKey);
      if (tally === undefined) {
        tally = tallies.length;
        tallyOf.set(listKey, tally);
        tallies.push([...check.criteria]);
        tallyCounts.push(false);
        tallyPoints.push(false);
      }
      if (kind === 'at_least_points') tallyPoints[tally] = true;
      else tallyCounts[tally] = true;
      add(key, { kind: 'check', tally, requirement: kind, value });
    }
    tierEnds.push(items.length);
  }
  return { tallies, tallyCounts, tallyPoints, items, tierEnds };
}

/** Per evaluation on the fast path: each criterion's outcome, its points as [least, most], each disqualifier (1 applies, 0 clear, 2 unknown). */
export interface FastTierInputs {
  readonly outcomes: Int32Array;
  readonly least: Int32Array;
  readonly most: Int32Array;
  readonly disqualifiers: Int8Array;
}

const ITEM_DISQUALIFIER = 0;
const ITEM_MANDATORY = 1;
const ITEM_CHECK = 2;
const REQ_PERCENT = 0;
const REQ_COUNT = 1;
const REQ_POINTS = 2;

/**
 * `judgeLevels` for the fast path, over the schedule: the same packed result (reached + possible
 * × 256), from typed arrays the caller fills, with every number it needs made here once, so a
 * call allocates nothing. The oracle and property tests compare it with the traced path's
 * `judgeLevels` on every bundled scheme.
 */
export function createLevelJudge(tiers: readonly TierPlan[]): (input: FastTierInputs) => number {
  const schedule = scheduleLevels(tiers);
  const { tallies, tierEnds } = schedule;
  const tallyCount = tallies.length;
  const counts = Uint8Array.from(schedule.tallyCounts, (b) => (b ? 1 : 0));
  const sums = Uint8Array.from(schedule.tallyPoints, (b) => (b ? 1 : 0));
  // Each tally's criteria, one after another, with where each tally starts.
  const starts = new Int32Array(tallyCount + 1);
  let start = 0;
  tallies.forEach((members, t) => {
    start += members.length;
    starts[t + 1] = start;
  });
  const members = Int32Array.from(tallies.flat());
  // worst passed, worst applicable, worst points, best passed, best applicable, best points.
  const tally = new Float64Array(tallyCount * 6);
  const n = schedule.items.length;
  const kinds = new Int8Array(n);
  const args = new Int32Array(n);
  const reqKinds = new Int8Array(n);
  const reqValues = new Float64Array(n);
  schedule.items.forEach((item, k) => {
    if (item.kind === 'check') {
      kinds[k] = ITEM_CHECK;
      args[k] = item.tally;
      reqKinds[k] =
        item.requirement === 'at_least_percent'
          ? REQ_PERCENT
          : item.requirement === 'at_least_count'
            ? REQ_COUNT
            : REQ_POINTS;
      reqValues[k] = item.value;
    } else {
      kinds[k] = item.kind === 'disqualifier' ? ITEM_DISQUALIFIER : ITEM_MANDATORY;
      args[k] = item.index;
    }
  });
  const ends = Int32Array.from(tierEnds);
  const REQS = ['at_least_percent', 'at_least_count', 'at_least_points'] as const;

  const counted = newOutcomeTally();
  return (input) => {
    const { outcomes, least, most } = input;
    for (let t = 0; t < tallyCount; t++) {
      let wx = 0;
      let bx = 0;
      const from = starts[t];
      const to = starts[t + 1];
      if (from === undefined || to === undefined) throw planMiss('tally starts', t);
      if (counts[t] === 1) {
        counted.fill(0);
        for (let k = from; k < to; k++) {
          const o = outcomes[members[k] ?? -1];
          if (o === undefined) throw planMiss('tally members', k);
          tallyOutcome(o, counted);
        }
      }
      if (sums[t] === 1) {
        for (let k = from; k < to; k++) {
          const i = members[k] ?? -1;
          const l = least[i];
          const m = most[i];
          if (l === undefined || m === undefined) throw planMiss('tally members', k);
          wx += l;
          bx += m;
        }
      }
      const at = t * 6;
      // A tally of points alone leaves the counts as they were: nothing reads them.
      tally[at] = counted[WORST_PASSED] ?? 0;
      tally[at + 1] = counted[WORST_APPLICABLE] ?? 0;
      tally[at + 2] = wx;
      tally[at + 3] = counted[BEST_PASSED] ?? 0;
      tally[at + 4] = counted[BEST_APPLICABLE] ?? 0;
      tally[at + 5] = bx;
    }
    let reached = 0;
    let possible = 0;
    let certain = true;
    let k = 0;
    for (let t = 0; t < ends.length; t++) {
      const end = ends[t];
      if (end === undefined) throw planMiss('tier ends', t);
      for (; k < end; k++) {
        const arg = args[k];
        if (arg === undefined) throw planMiss('schedule items', k);
        let v: Verdict;
        const kind = kinds[k];
        if (kind === ITEM_DISQUALIFIER) {
          const d = input.disqualifiers[arg];
          v = d === 1 ? NOT_MET : d === 2 ? UNKNOWN : MET;
        } else if (kind === ITEM_MANDATORY) {
          const o = outcomes[arg];
          if (o === undefined) throw planMiss('outcomes', arg);
          v = !(o & PASS) ? NOT_MET : (o & 7) !== PASS ? UNKNOWN : MET;
        } else {
          const at = arg * 6;
          const req = REQS[reqKinds[k] ?? -1];
          const value = reqValues[k];
          const wp = tally[at];
          const wa = tally[at + 1];
          const wx = tally[at + 2];
          const bp = tally[at + 3];
          const ba = tally[at + 4];
          const bx = tally[at + 5];
          if (
            req === undefined ||
            value === undefined ||
            wp === undefined ||
            wa === undefined ||
            wx === undefined ||
            bp === undefined ||
            ba === undefined ||
            bx === undefined
          )
            throw planMiss('schedule checks', k);
          if (meetsPart(req, value, wp, wa, wx)) v = MET;
          else v = meetsPart(req, value, bp, ba, bx) ? UNKNOWN : NOT_MET;
        }
        if (v === NOT_MET) return reached + possible * 256;
        if (v === UNKNOWN) certain = false;
      }
      possible = t + 1;
      if (certain) reached = t + 1;
    }
    return reached + possible * 256;
  };
}
