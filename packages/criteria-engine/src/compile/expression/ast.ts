/**
 * The expression tree. Structured YAML conditions desugar to the same nodes, so the checker,
 * the closure compiler and the printer have one tree to walk. Ranges are absolute offsets in the
 * rule file, so an error inside an expression lands on the right column of its YAML line.
 */
import type { Range } from '../../diagnostics/diagnostic.js';

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
/** `/` is allowed only in the value of a derived quantity, which declares its `if_zero`. */
export type ArithmeticOp = '+' | '-' | '*' | '/';
export type LogicalOp = 'and' | 'or';

export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly range: Range }
  | { readonly kind: 'string'; readonly value: string; readonly range: Range }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly range: Range }
  | { readonly kind: 'name'; readonly name: string; readonly range: Range }
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly Expr[];
      readonly range: Range;
      readonly nameRange: Range;
    }
  | { readonly kind: 'not'; readonly operand: Expr; readonly range: Range }
  | { readonly kind: 'negate'; readonly operand: Expr; readonly range: Range }
  | { readonly kind: 'logical'; readonly op: LogicalOp; readonly operands: readonly Expr[]; readonly range: Range }
  | {
      readonly kind: 'arithmetic';
      readonly op: ArithmeticOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly range: Range;
    }
  | {
      readonly kind: 'compare';
      readonly op: CompareOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly range: Range;
    }
  | { readonly kind: 'in'; readonly value: Expr; readonly list: readonly Expr[]; readonly range: Range };
