/**
 * A checked condition tree → one JavaScript expression over the generated decide's local
 * variables (`v<slot>`), three-valued as the closures are: true, false, or undefined (unknown).
 *
 * Only constructs whose closure is a plain comparison are inlined (compile/leaf.ts and
 * compile/compare.ts say which): a fact or context attribute against a literal, a choice
 * against a declared value, a percentage of two integer facts against a literal (exact: the
 * products go to BigInt past 2^53 through the runtime's compareProducts), `not`, `and`, `or`.
 * Anything else (parameters, derived quantities, named conditions, counts, arithmetic) gives
 * undefined here, and the caller calls that condition's own closure instead: the generated code
 * is never a second, different definition of a construct.
 */
import type { CompareOp, Expr } from '../compile/expression/ast.js';
import { FLIP, HOLDS } from '../compile/expression/compare-ops.js';
import { thresholdHooks } from '../compile/functions/index.js';
import { indexLiteral, numberLiteral, stringLiteral } from './literals.js';

/** What the generator knows of a name it may read directly. */
export interface SlotName {
  readonly slot: number;
  readonly type: 'integer' | 'number' | 'boolean' | 'enum' | 'ordinal';
  /** Declared values of a choice, in order (lowest first for ordinals). */
  readonly values?: readonly string[];
}

export interface ConditionScope {
  /** Facts and context attributes that no other kind of name shadows. */
  readonly names: ReadonlyMap<string, SlotName>;
  /** Fresh local names for temporaries (`t0`, `t1`…). */
  fresh(): string;
  /** Statements to run before the expression (temporaries it reads). */
  readonly prelude: string[];
  /**
   * The named conditions (definitions:) by name, their checked trees: a name that is one is
   * written as its condition (its closure is that condition's closure, checker.ts checkName).
   */
  readonly definitions?: ReadonlyMap<string, Expr> | undefined;
}

const JS_OP: Readonly<Record<CompareOp, string>> = {
  '==': '===',
  '!=': '!==',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

/** The expression's code, or undefined when it has a construct left to its closure. */
export function conditionCode(expr: Expr, scope: ConditionScope): string | undefined {
  switch (expr.kind) {
    case 'boolean':
      return expr.value ? 'true' : 'false';
    case 'name': {
      const n = scope.names.get(expr.name);
      if (n) return n.type === 'boolean' ? local(n.slot) : undefined;
      // A checked plan has no cycle of definitions (definition_cycle), so this ends.
      const defined = scope.definitions?.get(expr.name);
      return defined ? conditionCode(defined, scope) : undefined;
    }
    case 'not': {
      const inner = conditionCode(expr.operand, scope);
      if (inner === undefined) return undefined;
      const t = temp(scope, inner);
      return `(${t} === undefined ? undefined : !${t})`;
    }
    case 'logical':
      return logicalCode(expr.op, expr.operands, scope);
    case 'compare':
      return compareCode(expr.op, expr.left, expr.right, scope);
    case 'in':
      return inCode(expr, scope);
    default:
      return undefined;
  }
}

function local(slot: number): string {
  return `v${indexLiteral(slot)}`;
}

/** A temporary holding `code`, so it is computed once. */
function temp(scope: ConditionScope, code: string): string {
  const t = scope.fresh();
  scope.prelude.push(`const ${t} = ${code};`);
  return t;
}

/**
 * Kleene `and`/`or` as the closures compute it: every operand is computed (they have no side
 * effects), then a false (for and) or a true (for or) decides; otherwise any unknown is unknown.
 */
function logicalCode(op: 'and' | 'or', operands: readonly Expr[], scope: ConditionScope): string | undefined {
  const parts: string[] = [];
  for (const o of operands) {
    const code = conditionCode(o, scope);
    if (code === undefined) return undefined;
    parts.push(temp(scope, code));
  }
  if (parts.length === 0) return op === 'and' ? 'true' : 'false';
  const decisive = op === 'and' ? 'false' : 'true';
  const other = op === 'and' ? 'true' : 'false';
  const any = parts.map((p) => `${p} === ${decisive}`).join(' || ');
  const unknown = parts.map((p) => `${p} === undefined`).join(' || ');
  return `(${any} ? ${decisive} : ${unknown} ? undefined : ${other})`;
}

function compareCode(op: CompareOp, left: Expr, right: Expr, scope: ConditionScope): string | undefined {
  // A literal on the left compares as the flipped comparison with it on the right (compareExact of
  // two numbers is the plain comparison, exact/arithmetic.ts).
  if (isLiteral(left) && !isLiteral(right)) return compareCode(FLIP[op], right, left, scope);
  if (left.kind === 'call') return ratioCode(op, left, right, scope);
  if (left.kind !== 'name') return undefined;
  const n = scope.names.get(left.name);
  if (!n) return undefined;
  const v = local(n.slot);
  if (n.type === 'integer' || n.type === 'number') {
    // compile/compare.ts: a fact against a number literal compares as doubles (slotVersusConstant).
    const k =
      right.kind === 'number'
        ? right.value
        : right.kind === 'negate' && right.operand.kind === 'number'
          ? -right.operand.value
          : undefined;
    if (k === undefined) return undefined;
    return `(${v} === undefined ? undefined : ${v} ${JS_OP[op]} ${numberLiteral(k)})`;
  }
  if (n.type === 'boolean') {
    if (right.kind !== 'boolean' || (op !== '==' && op !== '!=')) return undefined;
    return `(${v} === undefined ? undefined : ${v} ${JS_OP[op]} ${right.value ? 'true' : 'false'})`;
  }
  // A choice against one of its declared values: the values that satisfy it, found now (slotInValues).
  if (right.kind !== 'string' || !n.values) return undefined;
  const rank = n.values.indexOf(right.value);
  if (rank < 0 || (n.type === 'enum' && op !== '==' && op !== '!=')) return undefined;
  const holds = HOLDS[op];
  const accepted = n.values.filter((_, i) => holds(i, rank));
  if (accepted.length === 0) return `(${v} === undefined ? undefined : false)`;
  const test = accepted.map((a) => `${v} === ${stringLiteral(a)}`).join(' || ');
  return `(${v} === undefined ? undefined : ${test})`;
}

/**
 * A function's threshold on the ratio of two integer facts (`percent(part, whole, z) op k`, its
 * `ratio` hook), compared as compile/leaf.ts percentVersusConstant does; other calls keep their closure.
 */
function ratioCode(
  op: CompareOp,
  call: Extract<Expr, { kind: 'call' }>,
  right: Expr,
  scope: ConditionScope,
): string | undefined {
  if (right.kind !== 'number' || !Number.isInteger(right.value)) return undefined;
  const hooks = thresholdHooks(call.name);
  const threshold = hooks?.from(call, op, right.value);
  const ratio = threshold && hooks?.ratio?.(threshold);
  if (!ratio) return undefined;
  const p = scope.names.get(ratio.part);
  const w = scope.names.get(ratio.whole);
  if (p?.type !== 'integer' || w?.type !== 'integer') return undefined;
  const n = numberLiteral(right.value);
  const k = numberLiteral(ratio.scale);
  const pv = local(p.slot);
  const wv = local(w.slot);
  const t = scope.fresh();
  // part × scale op n × whole for a positive whole, flipped for a negative one; exact at any size
  // through compareProducts (doubles while safe, BigInt beyond).
  scope.prelude.push(
    `const ${t} = ${wv} === undefined || ${pv} === undefined ? undefined : ${wv} === 0 ? ${ratio.holdsWhenEmpty ? 'true' : 'false'} : ` +
      `(${wv} > 0 ? compareProducts(${pv}, ${k}, ${n}, ${wv}) : compareProducts(${n}, ${wv}, ${pv}, ${k})) ${JS_OP[op]} 0;`,
  );
  return t;
}

function inCode(expr: Extract<Expr, { kind: 'in' }>, scope: ConditionScope): string | undefined {
  // `x in [a, b]` is `x == a or x == b` (checker.ts checkIn).
  const equalities: Expr[] = expr.list.map((item) => ({
    kind: 'compare',
    op: '==',
    left: expr.value,
    right: item,
    range: expr.range,
  }));
  return logicalCode('or', equalities, scope);
}

function isLiteral(e: Expr): boolean {
  return (
    e.kind === 'number' ||
    e.kind === 'string' ||
    e.kind === 'boolean' ||
    (e.kind === 'negate' && e.operand.kind === 'number')
  );
}
