/**
 * Specialised closures for the most common leaves of a condition: a fact compared with a
 * constant, and a percentage of two facts compared with a constant. They read their slots
 * directly and have the comparison operator built in, so a leaf costs one call instead of a
 * chain of three (reader, operands, comparison function). Each operator gets its own function
 * literal on purpose: that keeps every leaf's code monomorphic.
 */
import type { CompareOp } from './expression/ast.js';
import { HOLDS } from './expression/compare-ops.js';
import { compareProducts } from './exact/arithmetic.js';
import type { Closure, Slots } from './types.js';
import { onNumberSlots } from './closure-views.js';
import { closureTag } from './closure-tags.js';

/**
 * What a leaf made here compares: `s[slot] op k`. The fast tiered decider (evaluate/flat-criteria.ts)
 * reads it to make the same comparison inline instead of calling the closure; it is recorded
 * for the closures themselves, so what is inlined is exactly what the closure would compute.
 */
export interface LeafShape {
  readonly op: CompareOp;
  readonly slot: number;
  readonly k: number | boolean;
}

const shapes = closureTag<LeafShape>('leaf shape');

/** The comparison a leaf closure made by slotVersusConstant or slotEquals makes; undefined for any other closure. */
export function leafShapeOf(fn: Closure): LeafShape | undefined {
  return shapes.of(fn);
}

function shaped(fn: Closure, op: CompareOp, slot: number, k: number | boolean): Closure {
  return shapes.set(fn, { op, slot, k });
}

/** `s[slot] op k`, three-valued, for a numeric fact's slot (k: a number literal). */
export function slotVersusConstant(op: CompareOp, slot: number, k: number): Closure {
  if (op === '==' || op === '!=') return slotEquals(op, slot, k);
  return shaped(numberLeaf(op, slot, k), op, slot, k);
}

function numberLeaf(op: '>=' | '<=' | '>' | '<', slot: number, k: number): Closure {
  switch (op) {
    case '>=':
      return onNumberSlots((s) => {
        const a = s[slot];
        return a === undefined ? undefined : a >= k;
      });
    case '<=':
      return onNumberSlots((s) => {
        const a = s[slot];
        return a === undefined ? undefined : a <= k;
      });
    case '>':
      return onNumberSlots((s) => {
        const a = s[slot];
        return a === undefined ? undefined : a > k;
      });
    case '<':
      return onNumberSlots((s) => {
        const a = s[slot];
        return a === undefined ? undefined : a < k;
      });
  }
}

/** `s[slot] == k` or `!=`, three-valued, for a number or boolean fact's slot. */
export function slotEquals(op: '==' | '!=', slot: number, k: number | boolean): Closure {
  if (op === '==')
    return shaped(
      (s: Slots) => {
        const a = s[slot];
        return a === undefined ? undefined : a === k;
      },
      op,
      slot,
      k,
    );
  return shaped(
    (s: Slots) => {
      const a = s[slot];
      return a === undefined ? undefined : a !== k;
    },
    op,
    slot,
    k,
  );
}

const readers = closureTag<number>('slot read');

/** The closure of a bare fact or context reference: its slot's value. */
export function slotReader(slot: number): Closure {
  // Slots hold undefined for "not supplied" (null is normalised when slots are filled).
  return readers.set((s) => s[slot], slot);
}

/** The slot a closure made by slotReader reads; undefined for any other closure. */
export function slotReadOf(fn: Closure): number | undefined {
  return readers.of(fn);
}

/** What a closure made by slotInValues compares: `s[slot]` is one of `accepted`. */
export interface InValuesShape {
  readonly slot: number;
  readonly accepted: readonly string[];
}

const inValues = closureTag<InValuesShape>('in values');

/** The values a closure made by slotInValues accepts; undefined for any other closure. */
export function inValuesShapeOf(fn: Closure): InValuesShape | undefined {
  return inValues.of(fn);
}

/** A value of a choice fact is one of `accepted` (an ordinal threshold or an enum equality). */
export function slotInValues(slot: number, accepted: readonly string[]): Closure {
  const fn = (s: Slots) => {
    const v = s[slot];
    if (v === undefined) return undefined;
    for (let i = 0; i < accepted.length; i++) if (accepted[i] === v) return true;
    return false;
  };
  return inValues.set(fn, { slot, accepted });
}

/**
 * `part × 100 / whole op n / d`, exactly: part × 100 × d op n × whole, for integer parts and
 * wholes. The products are doubles while both stay within ±(2^53 − 1), where a double product of
 * integers is exact; beyond, they are BigInt (exact/arithmetic.ts). A negative whole (facts
 * without `min: 0`) flips the cross-multiplication, so it takes the same exact path. When the whole
 * is 0 the declared value `ifZero` is compared instead.
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
  const holds = HOLDS[op];
  const exact = (p: number, w: number): boolean =>
    w > 0 ? holds(compareProducts(p, scale, n, w), 0) : holds(compareProducts(n, w, p, scale), 0);
  switch (op) {
    case '>=':
      return onNumberSlots((s) => {
        const w = s[wholeSlot];
        const p = s[partSlot];
        if (w === undefined || p === undefined) return undefined;
        if (w === 0) return zero;
        const a = p * scale;
        const b = n * w;
        return w > 0 && a <= MAX && a >= -MAX && b <= MAX && b >= -MAX ? a >= b : exact(p, w);
      });
    case '<=':
      return onNumberSlots((s) => {
        const w = s[wholeSlot];
        const p = s[partSlot];
        if (w === undefined || p === undefined) return undefined;
        if (w === 0) return zero;
        const a = p * scale;
        const b = n * w;
        return w > 0 && a <= MAX && a >= -MAX && b <= MAX && b >= -MAX ? a <= b : exact(p, w);
      });
    default:
      return onNumberSlots((s) => {
        const w = s[wholeSlot];
        const p = s[partSlot];
        if (w === undefined || p === undefined) return undefined;
        return w === 0 ? zero : exact(p, w);
      });
  }
}

const MAX = Number.MAX_SAFE_INTEGER;
