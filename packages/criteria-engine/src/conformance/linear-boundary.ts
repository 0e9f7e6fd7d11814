/**
 * A comparison with a parameter table, solved for the value it compares. `per_person * 10 >=
 * minimum * 11` is linear in the compared value S and the table's value T: moved to one
 * side it reads `s·S + t·T + k  op  0` with constant fractions s, t, k. For a cell of value v the
 * boundary is then `S op' b` with b = −(t·v + k) / s, and op' the operator turned round when s is
 * negative. Everything is an exact fraction: the literals are read from their decimal text and
 * never pass through a float (coverage places a case at b exactly, or on the nearest values the
 * compared fact can hold).
 *
 * Only linear forms are read: sums and differences, products and quotients by constants (number
 * literals and constant parameters), negation. A comparison in which S or T is multiplied by
 * something that is not a constant, or which reads a second fact or table, has no single boundary
 * per cell and gives none.
 */
import type { CompareOp, Expr } from '../compile/expression/ast.js';
import { FLIP } from '../compile/expression/compare-ops.js';
import { printExpression } from '../compile/expression/printer.js';
import { add, div, isZero, mul, neg, parseDecimal, type Rational, sub } from '../compile/exact/rational.js';

/** `s·S + t·T + k`. */
interface Linear {
  readonly s: Rational;
  readonly t: Rational;
  readonly k: Rational;
}

/** What the leaves of a comparison are: the table, the compared value, or a constant. */
export interface LeafReader {
  /** The table's name (a bare name, or the quoted name a structured threshold writes). */
  isTable(e: Expr): boolean;
  /** A value coverage can place (a numeric fact, a derived quantity, a function call). */
  isSubject(e: Expr): boolean;
  /** The exact value of a constant parameter, by name. */
  constant(name: string): Rational | undefined;
}

/** A comparison solved for its subject: `subject op (−(t·T + k) / s)`. */
export interface SolvedComparison {
  readonly subject: Expr;
  /** The operator once the subject stands alone on the left. */
  readonly op: CompareOp;
  /** Whether the comparison is just `subject op table` (either way round): no arithmetic. */
  readonly bare: boolean;
  /** The boundary for a value of the table. */
  boundary(value: Rational): Rational;
}

const ZERO: Rational = { n: 0n, d: 1n };
const ONE: Rational = { n: 1n, d: 1n };

/** `left op right` solved for its one subject, or undefined when it is not linear in a subject and the table. */
export function solveComparison(
  left: Expr,
  op: CompareOp,
  right: Expr,
  leaves: LeafReader,
): SolvedComparison | undefined {
  const subject = findSubject(left, leaves) ?? findSubject(right, leaves);
  if (subject === undefined) return undefined;
  const key = printExpression(subject);
  const l = linear(left, key, leaves);
  const r = l && linear(right, key, leaves);
  if (!l || !r) return undefined;
  const s = sub(l.s, r.s);
  const t = sub(l.t, r.t);
  const k = sub(l.k, r.k);
  if (isZero(s) || isZero(t)) return undefined;
  const bare = (left === subject && leaves.isTable(right)) || (right === subject && leaves.isTable(left));
  return {
    subject,
    op: s.n > 0n ? op : FLIP[op],
    bare,
    boundary: (value) => div(neg(add(mul(t, value), k)), s),
  };
}

/** The first leaf that is a subject, in reading order (calls are leaves: their arguments are not read). */
function findSubject(e: Expr, leaves: LeafReader): Expr | undefined {
  if (leaves.isSubject(e)) return e;
  if (e.kind === 'arithmetic') return findSubject(e.left, leaves) ?? findSubject(e.right, leaves);
  if (e.kind === 'negate') return findSubject(e.operand, leaves);
  return undefined;
}

function linear(e: Expr, subject: string, leaves: LeafReader): Linear | undefined {
  if (leaves.isTable(e)) return { s: ZERO, t: ONE, k: ZERO };
  if (leaves.isSubject(e)) return printExpression(e) === subject ? { s: ONE, t: ZERO, k: ZERO } : undefined;
  switch (e.kind) {
    case 'number': {
      const k = parseDecimal(e.text);
      return k && { s: ZERO, t: ZERO, k };
    }
    case 'name': {
      const k = leaves.constant(e.name);
      return k && { s: ZERO, t: ZERO, k };
    }
    case 'negate': {
      const x = linear(e.operand, subject, leaves);
      return x && scale(x, neg(ONE));
    }
    case 'arithmetic': {
      const a = linear(e.left, subject, leaves);
      const b = a && linear(e.right, subject, leaves);
      if (!a || !b) return undefined;
      if (e.op === '+') return { s: add(a.s, b.s), t: add(a.t, b.t), k: add(a.k, b.k) };
      if (e.op === '-') return { s: sub(a.s, b.s), t: sub(a.t, b.t), k: sub(a.k, b.k) };
      if (e.op === '*') {
        if (isConstant(b)) return scale(a, b.k);
        return isConstant(a) ? scale(b, a.k) : undefined;
      }
      // Division by a constant only (a divisor of 0 leaves the value to `if_zero`: no boundary).
      return isConstant(b) && !isZero(b.k) ? scale(a, div(ONE, b.k)) : undefined;
    }
    default:
      return undefined;
  }
}

function isConstant(x: Linear): boolean {
  return isZero(x.s) && isZero(x.t);
}

function scale(x: Linear, c: Rational): Linear {
  return { s: mul(x.s, c), t: mul(x.t, c), k: mul(x.k, c) };
}
