/**
 * decide()'s results without an allocation per call (issue 16: "no allocation in decide"). A
 * result is a decision, each standard's count of criteria passed and, with levels, a level pair:
 * a small set of outcomes, most of them met again and again over a city's assessments. So each
 * distinct outcome is made once, frozen, and returned again whenever it recurs. Results are
 * read-only by type already; freezing makes sharing them safe (no caller can change another's).
 * A result made for one call only (past the bounds below) is nobody else's and is not frozen.
 *
 * The outcome's key is a number in mixed radix: the decision, the level pair, then each standard's
 * count (a standard of n criteria has n + 1 possible counts). Two bounds keep this honest: a scheme
 * whose keys could pass 2^53 (the largest exact integer of a double) keeps nothing, and once
 * MAX_KEPT outcomes are kept (a stream of distinct outcomes, or a hostile one) a new outcome is
 * made fresh for that call only. Either way the result is the same, only made per call.
 */
import { planMiss } from './plan-miss.js';
import type { Decision, DecisionSummary } from './result.js';

/** The decisions in the order of their index in a key: 0, 1, 2. */
export const DECISION_INDEX: Readonly<Record<Decision, 0 | 1 | 2>> = {
  recognised: 0,
  not_recognised: 1,
  undetermined: 2,
};
const DECISIONS: readonly Decision[] = ['recognised', 'not_recognised', 'undetermined'];

/** At most this many outcomes are kept per ruleset (a few hundred kB at most). */
export const MAX_KEPT = 4096;

export interface DecisionSummaries {
  /** Each standard's passed count, written here by the decider before `summary` is called. */
  readonly counts: Int32Array;
  /**
   * The result for `counts`, this decision (DECISION_INDEX) and level pair (index into the pairs
   * of level-pairs.ts, reached × (levels + 1) + possible; ignored for a scheme without levels).
   */
  summary(decision: 0 | 1 | 2, level: number): DecisionSummary;
}

/**
 * The store for one ruleset: `sizes[g]` is the most criteria standard g can count as passed;
 * `levels` the level ids, lowest first, for a scheme with levels.
 */
export function createDecisionSummaries(
  sizes: readonly number[],
  levels: readonly string[] | undefined,
): DecisionSummaries {
  const counts = new Int32Array(sizes.length);
  const pairs = levels === undefined ? undefined : levelPairs(levels);
  const pairCount = pairs?.length ?? 1;
  let span = DECISIONS.length * pairCount;
  for (const size of sizes) span *= size + 1;
  const keyed = Number.isSafeInteger(span);
  const kept = new Map<number, DecisionSummary>();

  // A result for this call only is not shared, so it is not frozen either (freezing costs more
  // than making it): a stream of ever new outcomes pays what it paid before there was a store.
  const make = (decision: 0 | 1 | 2, level: number): DecisionSummary => {
    const decided = DECISIONS[decision];
    if (decided === undefined) throw planMiss('decisions', decision);
    const passed = new Array<number>(counts.length);
    for (let g = 0; g < counts.length; g++) passed[g] = counts[g] ?? 0;
    if (pairs === undefined) return { decision: decided, passed };
    const pair = pairs[level];
    if (pair === undefined) throw planMiss('level pairs', level);
    return { decision: decided, passed, level: pair };
  };
  const keep = (result: DecisionSummary): DecisionSummary => {
    Object.freeze(result.passed);
    return Object.freeze(result);
  };

  return {
    counts,
    summary(decision, level) {
      // A level index outside the pairs would share a key too: made (and refused) by `make`.
      if (!keyed || (pairs !== undefined && (level < 0 || level >= pairCount))) return make(decision, level);
      let key = decision * pairCount + (pairs === undefined ? 0 : level);
      for (let g = 0; g < counts.length; g++) {
        const c = counts[g] ?? 0;
        const size = sizes[g] ?? 0;
        // A count outside 0..size would share a key with another outcome: never kept.
        if (c < 0 || c > size) return make(decision, level);
        key = key * (size + 1) + c;
      }
      const found = kept.get(key);
      if (found !== undefined) return found;
      if (kept.size >= MAX_KEPT) return make(decision, level);
      const made = keep(make(decision, level));
      kept.set(key, made);
      return made;
    },
  };
}

type LevelPair = NonNullable<DecisionSummary['level']>;

/**
 * Every (reached, possible) pair of level ids, frozen, at index reached × (levels + 1) + possible
 * (0: none).
 */
function levelPairs(ids: readonly string[]): readonly LevelPair[] {
  const pairs: LevelPair[] = [];
  for (let r = 0; r <= ids.length; r++)
    for (let p = 0; p <= ids.length; p++)
      pairs.push(Object.freeze({ reached: ids[r - 1] ?? null, possible: ids[p - 1] ?? null }));
  return pairs;
}
