/** The comparison operators' meaning, once: what each tests, and its mirror (a < b ⇔ b > a). */
import type { CompareOp } from './ast.js';

export const HOLDS: Readonly<Record<CompareOp, (a: number, b: number) => boolean>> = {
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

export const FLIP: Readonly<Record<CompareOp, CompareOp>> = {
  '==': '==',
  '!=': '!=',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};

/** Its negation (not (a < b) ⇔ a >= b, for known values). */
export const NEGATE: Readonly<Record<CompareOp, CompareOp>> = {
  '==': '!=',
  '!=': '==',
  '<': '>=',
  '<=': '>',
  '>': '<=',
  '>=': '<',
};

/** How people read it: the symbol every renderer prints (gap, diff, coverage, the web form). */
export const SYMBOL: Readonly<Record<CompareOp, string>> = {
  '==': '=',
  '!=': '≠',
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
};

/** The symbol of an operator, for callers outside the engine (`≥` for `>=`). */
export function comparisonSymbol(op: CompareOp): string {
  return SYMBOL[op];
}
