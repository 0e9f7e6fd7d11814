/**
 * Which construct of a condition the generated code leaves to its closure, for the refusal's
 * parameters (refusal.ts): the first operand condition-code.ts cannot write, followed down to a
 * function call, arithmetic, or else a comparison. Run only when a plan module is refused.
 */
import type { Expr } from '../compile/expression/ast.js';
import { type ConditionScope, conditionCode } from './condition-code.js';
import type { GenerateRefusalConstruct } from './refusal.js';
import type { TableScope } from './table-code.js';

export interface UnwrittenConstruct {
  readonly construct: GenerateRefusalConstruct;
  /** The function's name, for `function`. */
  readonly fn?: string;
  /** The table's name and its keys (`year`, `region, year`), for `parameter_table`. */
  readonly parameter?: string;
  readonly by?: string;
}

export function unwrittenConstruct(
  expr: Expr,
  names: ConditionScope['names'],
  definitions: ConditionScope['definitions'],
  /** The parameter tables, as the refused code was written with them. */
  tables?: TableScope,
): UnwrittenConstruct {
  const writes = (e: Expr) =>
    conditionCode(e, { names, definitions, tables, prelude: [], fresh: () => 't' }) !== undefined;
  // A table read by name, or by the string a structured `at_least: table` desugars to.
  const table = (e: Expr): UnwrittenConstruct | undefined => {
    const name = e.kind === 'name' ? e.name : e.kind === 'string' ? e.value : undefined;
    if (name !== undefined) {
      const by = tables?.table(name)?.by;
      return by === undefined ? undefined : { construct: 'parameter_table', parameter: name, by: by.join(', ') };
    }
    if (e.kind === 'arithmetic') return table(e.left) ?? table(e.right);
    if (e.kind === 'negate') return table(e.operand);
    if (e.kind === 'call') return e.args.map(table).find((t) => t !== undefined);
    return undefined;
  };
  const find = (e: Expr, depth: number): UnwrittenConstruct => {
    // A checked plan has no cycle of definitions; the depth only bounds the walk regardless.
    if (depth > 64) return { construct: 'comparison' };
    switch (e.kind) {
      case 'call':
        return { construct: 'function', fn: e.name };
      case 'arithmetic':
        return { construct: 'arithmetic' };
      case 'not':
        return find(e.operand, depth + 1);
      case 'logical': {
        const operand = e.operands.find((o) => !writes(o));
        return operand ? find(operand, depth + 1) : { construct: 'comparison' };
      }
      case 'name': {
        const defined = names.has(e.name) ? undefined : definitions?.get(e.name);
        return defined ? find(defined, depth + 1) : { construct: 'comparison' };
      }
      case 'compare':
      case 'in': {
        const sides = e.kind === 'compare' ? [e.left, e.right] : [e.value, ...e.list];
        const read = sides.map(table).find((t) => t !== undefined);
        if (read) return read;
        const call = sides.find((s) => s.kind === 'call');
        if (call?.kind === 'call') return { construct: 'function', fn: call.name };
        if (sides.some((s) => s.kind === 'arithmetic')) return { construct: 'arithmetic' };
        return { construct: 'comparison' };
      }
      default:
        return { construct: 'comparison' };
    }
  };
  return find(expr, 0);
}
