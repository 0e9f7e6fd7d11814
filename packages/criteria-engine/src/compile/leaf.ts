/**
 * Specialised closures for the most common leaves of a condition: a fact compared with a
 * constant, and a percentage of two facts compared with a constant. They read their slots
 * directly and have the comparison operator built in, so a leaf costs one call instead of a
 * chain of three (reader, operands, comparison function). Each operator gets its own function
 * literal on purpose: that keeps every leaf's code monomorphic.
 */
import type { CompareOp } from './expression/ast.js';
import { HOLDS } from './expression/compare-ops.js';
import type { Closure, Slots } from './types.js';

/** `s[slot] op k`, three-valued. */
export function slotVersusConstant(op: CompareOp, slot: number, k: number | boolean): Closure {
  switch (op) {
    case '>=':
      return (s: Slots) => {
        const a = s[slot] as number | undefined;
        return a === undefined ? undefined : a >= (k as number);
      };
    case '<=':
      return (s: Slots) => {
        const a = s[slot] as number | undefined;
        return a === undefined ? undefined : a <= (k as number);
      };
    case '>':
      return (s: Slots) => {
        const a = s[slot] as number | undefined;
        return a === undefined ? undefined : a > (k as number);
      };
    case '<':
      return (s: Slots) => {
        const a = s[slot] as number | undefined;
        return a === undefined ? undefined : a < (k as number);
      };
    case '==':
      return (s: Slots) => {
        const a = s[slot];
        return a === undefined ? undefined : a === k;
      };
    case '!=':
      return (s: Slots) => {
        const a = s[slot];
        return a === undefined ? undefined : a !== k;
      };
  }
}

/** A value of a choice fact is one of `accepted` (an ordinal threshold or an enum equality). */
export function slotInValues(slot: number, accepted: readonly string[]): Closure {
  return (s: Slots) => {
    const v = s[slot];
    if (v === undefined) return undefined;
    for (let i = 0; i < accepted.length; i++) if (accepted[i] === v) return true;
    return false;
  };
}

/**
 * `part × 100 / whole op n / d`, exactly: part × 100 × d op n × whole. When the whole is 0 the
 * declared value `ifZero` is compared instead.
 */
export function percentVersusConstant(
  op: CompareOp,
  partSlot: number,
  wholeSlot: number,
  ifZero: number,
  n: number,
  d: number,
): Closure {
  const zero = HOLDS[op](ifZero * d, n);
  const scale = 100 * d;
  switch (op) {
    case '>=':
      return (s: Slots) => {
        const w = s[wholeSlot] as number | undefined;
        const p = s[partSlot] as number | undefined;
        if (w === undefined || p === undefined) return undefined;
        return w === 0 ? zero : p * scale >= n * w;
      };
    case '<=':
      return (s: Slots) => {
        const w = s[wholeSlot] as number | undefined;
        const p = s[partSlot] as number | undefined;
        if (w === undefined || p === undefined) return undefined;
        return w === 0 ? zero : p * scale <= n * w;
      };
    default: {
      const holds = HOLDS[op];
      return (s: Slots) => {
        const w = s[wholeSlot] as number | undefined;
        const p = s[partSlot] as number | undefined;
        if (w === undefined || p === undefined) return undefined;
        return w === 0 ? zero : holds(p * scale, n * w);
      };
    }
  }
}
