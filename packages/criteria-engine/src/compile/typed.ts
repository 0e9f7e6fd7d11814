/**
 * The checker's output for one sub-expression: its static type, the closure that computes it,
 * and what tools need to know about it. Checking and closure building happen in one walk, so
 * there is a single place where each construct's meaning is defined.
 */
import type { CompareOp, Expr } from './expression/ast.js';
import type { CheckContext } from './functions/function-definition.js';
import type { Closure, Value, ValueType } from './types.js';

export interface PercentParts {
  readonly part: Closure;
  readonly whole: Closure;
  /** The percent value taken when the whole is 0 (declared by the rule author). */
  readonly ifZero: number;
  /** Both operands are integers: the cross-multiplication needs no fractions. */
  readonly integers: boolean;
  readonly partName?: string;
  readonly wholeName?: string;
  readonly partSlot?: number;
  readonly wholeSlot?: number;
}

export interface Typed {
  readonly type: ValueType;
  /**
   * The value. A numeric closure returns a number, or an exact fraction (exact/rational.ts) when
   * the value is not a safe integer or a number fact's decimal: compare with exact/arithmetic.ts.
   */
  readonly fn: Closure;
  readonly expr: Expr;
  /** Facts and context attributes read, in first-read order. */
  readonly reads: readonly string[];
  /** Set for literals and parameters: the value is known at load time. */
  readonly constant?: Value;
  /** Set for `percent(…)`: comparisons use the parts to stay exact. */
  readonly percent?: PercentParts;
  /**
   * Set by a function whose value compares itself with the other side of a comparison (percent:
   * exactly, by its parts); compare.ts calls it with the operator as seen from this side.
   */
  readonly compare?: (op: CompareOp, other: Typed, ctx: CheckContext) => Closure;
  /** Set for a bare fact or context reference. */
  readonly name?: string;
  /** Set for a bare fact or context reference: its slot, so comparisons can read it directly. */
  readonly slot?: number;
  /** Set for a bare reference to a fact whose values have at most this many decimals (0: integers). */
  readonly decimals?: number;
  /** Set for a reference to a derived quantity (derived:). */
  readonly derived?: string;
  /** Set for a reference to a named condition (definitions:). */
  readonly definition?: string;
  /** Set for `count(…)`: its arguments, so a comparison with a number is decided from bounds. */
  readonly count?: readonly Closure[];
}

export function mergeReads(...lists: (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const list of lists) for (const name of list) if (!out.includes(name)) out.push(name);
  return out;
}
