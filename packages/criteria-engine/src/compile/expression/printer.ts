/**
 * Prints an expression in canonical form, with the fewest parentheses that keep its meaning.
 * `parseExpression(printExpression(e))` gives back `e` (up to ranges): a property test checks it.
 */
import type { Expr } from './ast.js';

const PRECEDENCE = { or: 1, and: 2, not: 3, compare: 4, in: 4, sum: 5, product: 6, unary: 7, atom: 8 } as const;

function precedence(e: Expr): number {
  switch (e.kind) {
    case 'logical':
      return PRECEDENCE[e.op];
    case 'not':
      return PRECEDENCE.not;
    case 'compare':
      return PRECEDENCE.compare;
    case 'in':
      return PRECEDENCE.in;
    case 'arithmetic':
      return e.op === '*' || e.op === '/' ? PRECEDENCE.product : PRECEDENCE.sum;
    case 'negate':
      return PRECEDENCE.unary;
    default:
      return PRECEDENCE.atom;
  }
}

export function printExpression(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return e.text;
    case 'string':
      return e.value.includes("'") ? `"${e.value}"` : `'${e.value}'`;
    case 'boolean':
      return e.value ? 'true' : 'false';
    case 'name':
      return e.name;
    case 'call':
      return `${e.name}(${e.args.map(printExpression).join(', ')})`;
    case 'not':
      return `not ${wrap(e.operand, PRECEDENCE.not)}`;
    case 'negate':
      return `-${wrap(e.operand, PRECEDENCE.unary)}`;
    case 'logical':
      // Same-operator children flatten in the parser, so a child with the same precedence is a
      // different grouping and needs parentheses.
      return e.operands.map((o) => wrap(o, PRECEDENCE[e.op] + 1)).join(` ${e.op} `);
    case 'compare':
      return `${wrap(e.left, PRECEDENCE.sum)} ${e.op} ${wrap(e.right, PRECEDENCE.sum)}`;
    case 'in':
      return `${wrap(e.value, PRECEDENCE.sum)} in [${e.list.map((x) => wrap(x, PRECEDENCE.sum)).join(', ')}]`;
    case 'arithmetic': {
      const p = e.op === '*' || e.op === '/' ? PRECEDENCE.product : PRECEDENCE.sum;
      // Left-associative: the right operand needs parentheses at equal precedence.
      return `${wrap(e.left, p)} ${e.op} ${wrap(e.right, p + 1)}`;
    }
  }
}

function wrap(e: Expr, min: number): string {
  const s = printExpression(e);
  return precedence(e) < min ? `(${s})` : s;
}
