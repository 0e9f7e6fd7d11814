/**
 * The requirement arithmetic of a standard, on best and worst completions. The same integer test
 * as evaluate/requirement.ts; kept here because a stage imports only earlier stages (the checks
 * run before anything is evaluated), and it is three lines.
 */
import type { Requirement } from '../evaluate/result.js';

export interface Tally {
  passed: number;
  applicable: number;
  points: number;
}

export function meets(req: Requirement, t: Tally): boolean {
  if ('at_least_percent' in req) return t.passed * 100 >= req.at_least_percent * t.applicable;
  if ('at_least_count' in req) return t.passed >= req.at_least_count;
  return t.points >= req.at_least_points;
}

/** `at_least_percent: 80` → ['at_least_percent', 80]. */
export function requirementParts(req: Requirement): { kind: string; value: number } {
  if ('at_least_percent' in req) return { kind: 'at_least_percent', value: req.at_least_percent };
  if ('at_least_count' in req) return { kind: 'at_least_count', value: req.at_least_count };
  return { kind: 'at_least_points', value: req.at_least_points };
}
