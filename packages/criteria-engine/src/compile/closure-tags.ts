/**
 * What a closure was built to compute, kept on the closure itself, for the fast tiered decider
 * (evaluate/flat-criteria.ts), which reads it to judge a criterion in its own tables instead of
 * calling the closure. One tag per kind of closure (leaf.ts, logical.ts, count-compare.ts).
 *
 * A property under a symbol rather than a WeakMap keyed by the closure: loading a compiled rules
 * file makes a few thousand such closures, and WeakMap entries are ephemerons that every young
 * collection must trace and that keep their values alive longer; a property is an ordinary field
 * of the function object, freed with it. The symbol is the module's own, so nothing else reads or
 * collides with it, and it is not enumerable through JSON or Object.keys (a symbol key).
 */
import type { Closure } from './types.js';

/** A tag for one kind of closure: `set` records what it computes, `of` reads it back (undefined when untagged). */
export interface ClosureTag<T> {
  set<F extends Closure>(fn: F, value: T): F;
  of(fn: Closure): T | undefined;
}

export function closureTag<T>(name: string): ClosureTag<T> {
  const key = Symbol(name);
  type Tagged = Closure & { [key]?: T };
  return {
    set: (fn, value) => {
      // cast: a function object takes a property like any object; the symbol is this tag's own.
      (fn as Tagged)[key] = value;
      return fn;
    },
    of: (fn) => (fn as Tagged)[key],
  };
}
