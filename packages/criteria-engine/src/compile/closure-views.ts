/**
 * Closures seen as what they return. The checker gives every sub-expression one `Closure`
 * (types.ts) whose static type says only "a Value"; what it really returns is fixed by the
 * operand's checked ValueType. A comparison or an operator takes the view it needs once, when
 * it is built and after the checker has established the operand's type, so the closures it
 * makes read their operands without a cast. A view is the same function: it costs nothing per call.
 *
 * Why not one closure type per value type on `Typed`: every stage that reads `Typed.fn` (evaluate,
 * generate, analyze) would have to switch on the type to call it; the views keep that knowledge
 * here, in the few builders that need it.
 */
import type { Exact } from './exact/arithmetic.js';
import type { Closure, Slots, Value } from './types.js';

/** The closure of a numeric operand: a number, an exact fraction (exact/arithmetic.ts) or unknown. */
export type ExactClosure = (s: Slots) => Exact | undefined;

/** The closure of a text operand (a choice value id, a date, a string): its text or unknown. */
export type TextClosure = (s: Slots) => string | undefined;

/** A numeric operand's closure (the checker checked `isNumeric(type)`), as what it returns. */
export function exactView(fn: Closure): ExactClosure {
  // `Value` leaves out the Rational a numeric closure may return: types.ts keeps it plain for the
  // stages after compile.
  // cast: the operand's checked type says it is numeric.
  return fn as ExactClosure;
}

/** A numeric closure as the checker's `Closure`, for `Typed.fn`: only numeric readers call it. */
export function closureOfExact(fn: ExactClosure): Closure {
  // cast: the reverse of exactView; whoever reads a numeric Typed takes exactView of its fn.
  return fn as Closure;
}

/** A choice, date or string operand's closure (its checked type says which), as what it returns. */
export function textView(fn: Closure): TextClosure {
  // cast: the operand's checked type (enum, ordinal, date, string) says its values are strings.
  return fn as TextClosure;
}

/**
 * The slots of an assessment seen as numbers, for a leaf over a numeric fact's slot: the filler
 * puts each fact's value in its slot (compile/slots.ts), and the checker built the leaf only for a
 * fact of numeric type. No check per read: the leaves are the hottest code of a decision.
 */
export type NumberSlots = readonly (number | undefined)[];

/** A leaf written over number slots, as the checker's `Closure`. */
export function onNumberSlots(fn: (s: NumberSlots) => boolean | undefined): Closure {
  // cast: a closure over number slots called with the assessment's slots; see NumberSlots.
  return fn as (s: readonly Value[]) => boolean | undefined;
}
