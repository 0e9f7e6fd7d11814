/**
 * What a condition's printed text says: `{ fact: income, at_least: income_min }` desugars to
 * `income >= 'income_min'` (a YAML scalar is a string, not a name), and the checker reads the
 * string as the parameter it names (checker.ts, numberByName). The printed condition (diff, docs)
 * must say what was read, `income >= income_min`, not a quoted value id that does not exist.
 */
import type { Expr } from './expression/ast.js';
import type { Scope } from './scope.js';
import { isNumeric } from './types.js';

/** The tree with each such string turned into the name it was read as; the same tree if none. */
export function withNamesRead(expr: Expr, scope: Scope): Expr {
  switch (expr.kind) {
    case 'compare': {
      const left = asName(expr.left, expr.right, scope) ?? withNamesRead(expr.left, scope);
      const right = asName(expr.right, expr.left, scope) ?? withNamesRead(expr.right, scope);
      return left === expr.left && right === expr.right ? expr : { ...expr, left, right };
    }
    case 'logical': {
      const operands = expr.operands.map((o) => withNamesRead(o, scope));
      return operands.every((o, i) => o === expr.operands[i]) ? expr : { ...expr, operands };
    }
    case 'not': {
      const operand = withNamesRead(expr.operand, scope);
      return operand === expr.operand ? expr : { ...expr, operand };
    }
    case 'call': {
      const args = expr.args.map((a) => withNamesRead(a, scope));
      return args.every((a, i) => a === expr.args[i]) ? expr : { ...expr, args };
    }
    default:
      return expr;
  }
}

/** A string compared with a number-valued name, naming a parameter or derived quantity: that name. */
function asName(side: Expr, other: Expr, scope: Scope): Expr | undefined {
  if (side.kind !== 'string' || other.kind !== 'name') return undefined;
  const read = scope.lookup(side.value);
  if (read?.kind !== 'parameter' && read?.kind !== 'derived') return undefined;
  const compared = scope.lookup(other.name);
  const numeric =
    compared?.kind === 'derived' ||
    compared?.kind === 'parameter' ||
    ((compared?.kind === 'fact' || compared?.kind === 'context') && isNumeric(compared.type));
  return numeric ? { kind: 'name', name: side.value, range: side.range } : undefined;
}
