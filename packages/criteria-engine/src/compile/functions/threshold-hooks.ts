/**
 * What a function of the condition language declares about comparisons of a call to it with a
 * constant (`percent(part, whole, 100) >= 98`): how such a comparison reads as a threshold (docs,
 * diff, coverage, gap), how it prints, how the gap analysis works it backwards, and where a case
 * puts it. The tools walk these hooks by the threshold's kind, so no tool names a function: a new
 * function with thresholds is one more file here.
 */
import type { FactValue } from '../../evaluate/result.js';
import type { FactInfo } from '../compiled-ruleset.js';
import type { Rational } from '../exact/rational.js';
import type { CompareOp, Expr } from '../expression/ast.js';
import type { GapObstacle, GapPercent } from '../../explain/gap-report.js';

import type { FunctionThreshold } from './threshold-kinds.js';

/** Where a case puts a threshold: exactly at it, one step beyond it, or at an empty whole. */
export type ThresholdPoint = 'at' | 'beyond' | 'empty';

/** What the gap analysis gives a function's solver, and what it wants back. */
export interface SolveInput {
  /** Known values of facts and context attributes; a missing key is unknown. */
  readonly values: ReadonlyMap<string, FactValue>;
  readonly facts: ReadonlyMap<string, FactInfo>;
  /** Whether a fact may take this value: its bounds, its whole, its own parts. */
  fits(info: FactInfo, value: number): boolean;
}

export type SolveOutcome =
  | {
      readonly ok: true;
      readonly changes: ReadonlyMap<
        string,
        { readonly value: FactValue; readonly percent?: Omit<GapPercent, 'additional'> }
      >;
    }
  | { readonly ok: false; readonly obstacle: GapObstacle };

/**
 * A threshold as the tools word it (diff, docs), so no tool names the function: the value and its
 * unit, the ratio of two facts it measures when it is one, and what an empty denominator decides.
 */
export interface ThresholdShape {
  readonly op: CompareOp;
  /** A number, or the name of the parameter compared with (a tool words it by its label). */
  readonly value: number | string;
  /** `percent`: the value is printed with a % sign; `plain`: as a number. */
  readonly unit: 'percent' | 'plain';
  /** The quantity measured is the ratio of `part` to `whole` (fact ids). */
  readonly ratio?: { readonly part: string; readonly whole: string };
  /** The outcome when the whole (the denominator) is 0. */
  readonly ifZero?: 'pass' | 'fail';
}

/** A threshold on the ratio of two facts (`ratio` below). */
export interface RatioThreshold {
  readonly part: string;
  readonly whole: string;
  readonly scale: number;
  readonly holdsWhenEmpty: boolean;
}

export interface ThresholdHooks<T extends FunctionThreshold = FunctionThreshold> {
  /**
   * `call op value` as a threshold, when the call's arguments are plain enough to read one. A
   * string `value` is the name of a parameter (a constant or a table), and `values` what it may
   * take: the threshold then has no one number, and the hooks below that need one say nothing.
   */
  from(
    call: Extract<Expr, { kind: 'call' }>,
    op: CompareOp,
    value: number | string,
    values?: readonly number[],
  ): T | undefined;
  /** What the threshold is about, to pair thresholds across two versions of a condition. */
  subject(t: T): string;
  /** Every fact the threshold reads. */
  facts(t: T): readonly string[];
  /**
   * `part / whole ≥ 98%`, numbers printed by the caller, and facts named by it too: by id in the
   * tools for rule authors, by label in what policy staff read (the gap report).
   */
  print(t: T, number: (n: number) => string, name?: (fact: string) => string): string;
  /** The values a threshold change compares (the diff's JSON, snake_case). */
  diffValue(t: T): Readonly<Record<string, string | number | boolean>>;
  /** The shape of a threshold, from its `diffValue` (which is what the diff's JSON carries). */
  shape(v: Readonly<Record<string, unknown>>): ThresholdShape | undefined;
  /** Facts changed so that `call op c` holds, given what is known; never guesses. */
  solve(call: Extract<Expr, { kind: 'call' }>, op: CompareOp, c: number, input: SolveInput): SolveOutcome;
  /** Which points of the threshold some valid input can reach (coverage's cells). */
  reachable(t: T, facts: ReadonlyMap<string, FactInfo>): Readonly<Partial<Record<ThresholdPoint, boolean>>>;
  /**
   * For a threshold on the ratio of two facts: it holds when `part × scale op value × whole` for a
   * whole above 0, and as `holdsWhenEmpty` says for a whole of 0. The static checks' probes try
   * the parts around `value × whole / scale`; the generated code compares the two products.
   * Undefined for a threshold on a parameter (no one value).
   */
  ratio?(t: T): RatioThreshold | undefined;
  /**
   * The quantity the threshold measures for these facts, exact (a share of 3 in 90: 10/3, in the
   * shape's unit); undefined when a fact is unknown or the quantity has no value (an empty whole).
   * The reports show it against a parameter's value for the unit ("3.33% → needs ≤ 3%").
   */
  measure(t: T, facts: (id: string) => FactValue | null | undefined): Rational | undefined;
  /** Where an input's facts put the threshold, if at one of its points. */
  point(t: T, facts: Readonly<Record<string, FactValue | null | undefined>>): ThresholdPoint | undefined;
}
