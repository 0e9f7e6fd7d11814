/**
 * Whether a requirement holds for given counts, in integers. Evaluated on the worst and the best
 * completion of the unknown criteria: met if the worst case meets it, not met if even the best
 * case does not, unknown otherwise. The one definition of this arithmetic: the static checks of
 * analyze/ (a later stage) use it too.
 */
import type { GroupStatus, Requirement } from './result.js';

export interface Tally {
  passed: number;
  applicable: number;
  points: number;
}

export function holds(req: Requirement, t: Tally): boolean {
  return meets(req, t.passed, t.applicable, t.points);
}

/** The same test on plain numbers, for the allocation-free decision path. */
export function meets(req: Requirement, passed: number, applicable: number, points: number): boolean {
  if ('at_least_percent' in req) return passed * 100 >= req.at_least_percent * applicable;
  if ('at_least_count' in req) return passed >= req.at_least_count;
  return points >= req.at_least_points;
}

/**
 * `meets` on a requirement taken apart once (requirementParts), so a hot loop does not ask which
 * kind it is on every call; the generated code (generate/) writes the same three comparisons.
 * (Kept beside `meets`, which the standard decider's loop calls on the requirement itself.)
 */
export function meetsPart(
  kind: 'at_least_percent' | 'at_least_count' | 'at_least_points',
  value: number,
  passed: number,
  applicable: number,
  points: number,
): boolean {
  if (kind === 'at_least_percent') return passed * 100 >= value * applicable;
  if (kind === 'at_least_count') return passed >= value;
  return points >= value;
}

/**
 * Whether every count or sum meets it (a bound of 0 or less; counts, applicable counts and
 * points are never negative): the fast level judge and the generated code leave it out.
 */
export function alwaysMet(req: Requirement): boolean {
  return requirementParts(req).value <= 0;
}

export function statusOf(req: Requirement, worstCase: Tally, bestCase: Tally): GroupStatus {
  if (holds(req, worstCase)) return 'met';
  if (!holds(req, bestCase)) return 'not_met';
  return 'unknown';
}

/** How many criteria (or points) must pass given the applicable count: ⌈P × applicable / 100⌉. */
export function requiredCount(req: Requirement, applicable: number): number {
  if ('at_least_percent' in req) return Math.floor((req.at_least_percent * applicable + 99) / 100);
  if ('at_least_count' in req) return req.at_least_count;
  return req.at_least_points;
}

/** The number a requirement over named criteria asks for (a count or points). */
export function requirementValue(
  r: { readonly at_least_count: number } | { readonly at_least_points: number },
): number {
  return 'at_least_count' in r ? r.at_least_count : r.at_least_points;
}

/** `at_least_percent: 80` → { kind: 'at_least_percent', value: 80 }, for messages about it. */
export function requirementParts(req: Requirement): {
  kind: 'at_least_percent' | 'at_least_count' | 'at_least_points';
  value: number;
} {
  if ('at_least_percent' in req) return { kind: 'at_least_percent', value: req.at_least_percent };
  if ('at_least_count' in req) return { kind: 'at_least_count', value: req.at_least_count };
  return { kind: 'at_least_points', value: req.at_least_points };
}
