/**
 * A count compared with a number, decided from bounds: with `t` arguments true and `u` unknown
 * the count lies in [t, t + u], and the comparison is true or false as soon as every value in
 * that interval agrees. `count(a, b, c, d, e) >= 3` is true once 3 are known true, false once
 * 3 are known false. This is what makes "at least k of n" three-valued like everything else.
 */
import type { CompareOp, Expr } from './expression/ast.js';
import { FLIP } from './expression/compare-ops.js';
import type { Typed } from './typed.js';
import { BOOLEAN, type Closure } from './types.js';
import { closureTag } from './closure-tags.js';

/** The comparison `left op right` when one side is a count and the other a number known at load. */
export function countComparison(op: CompareOp, left: Typed, right: Typed, expr: Expr): Typed | undefined {
  if (left.count && typeof right.constant === 'number') return build(op, left.count, right.constant, left, right, expr);
  if (right.count && typeof left.constant === 'number')
    return build(FLIP[op], right.count, left.constant, left, right, expr);
  return undefined;
}

/**
 * What a count comparison made here compares: `count(fns…) op k`. The fast tiered decider
 * (evaluate/flat-criteria.ts) reads it to count a step table's `count(…)` once for all its bands.
 */
export interface CountShape {
  readonly op: CompareOp;
  readonly k: number;
  readonly fns: readonly Closure[];
}

const shapes = closureTag<CountShape>('count shape');

/** The comparison a closure made by countComparison makes; undefined for any other closure. */
export function countShapeOf(fn: Closure): CountShape | undefined {
  return shapes.of(fn);
}

function build(op: CompareOp, fns: readonly Closure[], k: number, left: Typed, right: Typed, expr: Expr): Typed {
  const code = countOpCode(op);
  const fn: Closure = (s) => {
    let t = 0;
    let u = 0;
    for (let i = 0; i < fns.length; i++) {
      const v = fns[i]?.(s);
      if (v === true) t++;
      else if (v === undefined) u++;
    }
    return countVerdict(code, t, t + u, k);
  };
  shapes.set(fn, { op, k, fns });
  const reads = [...left.reads];
  for (const r of right.reads) if (!reads.includes(r)) reads.push(r);
  return { type: BOOLEAN, expr, reads, fn };
}

/** An operator as the small integer countVerdict takes (a switch on it stays monomorphic). */
export function countOpCode(op: CompareOp): number {
  return COUNT_OPS.indexOf(op);
}

const COUNT_OPS: readonly CompareOp[] = ['>=', '>', '<=', '<', '==', '!='];

/**
 * The one definition of a count comparison: `count op k` when the count lies in [lo, hi] (lo
 * arguments true, hi − lo unknown): true or false once every count in the interval agrees, else
 * unknown (undefined). `op` is countOpCode's. The closures above and the flat tables of the fast
 * decider (evaluate/flat-criteria.ts) both decide through it.
 */
export function countVerdict(op: number, lo: number, hi: number, k: number): boolean | undefined {
  switch (op) {
    case 0: // >=
      return lo >= k ? true : hi < k ? false : undefined;
    case 1: // >
      return lo > k ? true : hi <= k ? false : undefined;
    case 2: // <=
      return hi <= k ? true : lo > k ? false : undefined;
    case 3: // <
      return hi < k ? true : lo >= k ? false : undefined;
    case 4: // ==
      return lo === hi ? lo === k : k < lo || k > hi ? false : undefined;
    default: // !=
      return lo === hi ? lo !== k : k < lo || k > hi ? true : undefined;
  }
}
