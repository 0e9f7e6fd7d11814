/**
 * Kleene conjunction and disjunction of boolean closures (`all`, `any`, `and`, `or`, `in`), with
 * what each one combines recorded beside it (logicalShapeOf), as compile/leaf.ts records a leaf's
 * comparison: the fast tiered decider (evaluate/flat-criteria.ts) reads it to judge the operands
 * in its own tables instead of calling this closure and, through it, one closure per operand.
 */
import type { Closure } from './types.js';
import { closureTag } from './closure-tags.js';

/** What a closure made here combines: `fns[0] and fns[1] and …` (or `or`). */
export interface LogicalShape {
  readonly op: 'and' | 'or';
  readonly fns: readonly Closure[];
}

const shapes = closureTag<LogicalShape>('logical shape');

/** The combination a closure made by kleeneAnd or kleeneOr makes; undefined for any other closure. */
export function logicalShapeOf(fn: Closure): LogicalShape | undefined {
  return shapes.of(fn);
}

/** Kleene conjunction: false wins over unknown, unknown wins over true. */
export function kleeneAnd(fns: readonly Closure[]): Closure {
  const [a, b] = fns;
  let fn: Closure;
  if (fns.length === 2 && a && b) {
    fn = (s) => {
      const x = a(s);
      if (x === false) return false;
      const y = b(s);
      if (y === false) return false;
      return x === undefined || y === undefined ? undefined : true;
    };
  } else
    fn = (s) => {
      let unknown = false;
      for (let i = 0; i < fns.length; i++) {
        const v = fns[i]?.(s);
        if (v === false) return false;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : true;
    };
  return shapes.set(fn, { op: 'and', fns });
}

/** Kleene disjunction: true wins over unknown, unknown wins over false. */
export function kleeneOr(fns: readonly Closure[]): Closure {
  const fn: Closure = (s) => {
    let unknown = false;
    for (let i = 0; i < fns.length; i++) {
      const v = fns[i]?.(s);
      if (v === true) return true;
      if (v === undefined) unknown = true;
    }
    return unknown ? undefined : false;
  };
  return shapes.set(fn, { op: 'or', fns });
}
