/**
 * A checked condition tree → one JavaScript expression over the generated decide's local
 * variables (`v<slot>`), three-valued as the closures are: true, false, or undefined (unknown).
 *
 * Only constructs whose closure is a plain comparison are inlined (compile/leaf.ts and
 * compile/compare.ts say which): a fact or context attribute against a literal, a choice
 * against a declared value, a percentage of two integer facts against a literal (exact: the
 * products go to BigInt past 2^53 through the runtime's compareProducts), `not`, `and`, `or`.
 * A parameter table compared with a numeric fact, a number or another table is written too: its
 * cell is looked up by the table's generated function (table-code.ts), and the two numbers compare
 * as doubles, as compile/compare.ts compareNumbers does for two plain numbers (compareExact).
 * Anything else (constant parameters, derived quantities, counts, arithmetic, a table inside a
 * function's comparison) gives undefined here, and the caller calls that condition's own closure
 * instead: the generated code is never a second, different definition of a construct.
 */
import type { CompareOp, Expr } from '../compile/expression/ast.js';
import { FLIP, HOLDS } from '../compile/expression/compare-ops.js';
import { thresholdHooks } from '../compile/functions/index.js';
import { fromNumber } from '../compile/exact/rational.js';
import type { ParameterTableInfo } from '../compile/parameter-table.js';
import { indexLiteral, numberLiteral, stringLiteral } from './literals.js';
import { type TableScope, tableKeys } from './table-code.js';

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
  /** The parameter tables a comparison may read (table-code.ts); without it, a table keeps its closure. */
  readonly tables?: TableScope | undefined;
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
  if (tableNamed(left, right, scope) || tableNamed(right, left, scope)) return tableCompareCode(op, left, right, scope);
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
  const table = tableOf(right, scope);
  if (table) return ratioTableCode(op, call, table, scope);
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

/**
 * The table an operand names, when it is one: a name, or the string a structured threshold
 * (`at_least: table`) leaves, read as a name when the other side is a number (checker.ts numberByName).
 */
function tableNamed(side: Expr, other: Expr, scope: ConditionScope): boolean {
  if (!scope.tables) return false;
  if (side.kind === 'name') return scope.tables.table(side.name) !== undefined;
  return side.kind === 'string' && scope.tables.table(side.value) !== undefined && isNumber(other, scope);
}

/** Whether an operand is a number: a literal, a numeric fact or attribute, or a table. */
function isNumber(e: Expr, scope: ConditionScope): boolean {
  if (e.kind === 'number' || (e.kind === 'negate' && e.operand.kind === 'number')) return true;
  if (e.kind !== 'name') return false;
  const n = scope.names.get(e.name);
  if (n) return n.type === 'integer' || n.type === 'number';
  return scope.tables?.table(e.name) !== undefined;
}

/**
 * A comparison with a table on one side or both: each side a number (compareNumbers: two plain
 * numbers compare as doubles, compareExact), unknown while either side is.
 */
function tableCompareCode(op: CompareOp, left: Expr, right: Expr, scope: ConditionScope): string | undefined {
  const l = numberOperand(left, right, scope);
  const r = l === undefined ? undefined : numberOperand(right, left, scope);
  if (l === undefined || r === undefined) return undefined;
  const unknown = [l, r].filter((side) => !side.literal).map((side) => `${side.code} === undefined`);
  const test = `${l.code} ${JS_OP[op]} ${r.code}`;
  return unknown.length === 0 ? `(${test})` : `(${unknown.join(' || ')} ? undefined : ${test})`;
}

/** One side of a table comparison as code: a literal, a fact's local, or a table's cell in a temporary. */
function numberOperand(
  e: Expr,
  other: Expr,
  scope: ConditionScope,
): { readonly code: string; readonly literal: boolean } | undefined {
  if (e.kind === 'number') return { code: numberLiteral(e.value), literal: true };
  if (e.kind === 'negate' && e.operand.kind === 'number')
    return { code: numberLiteral(-e.operand.value), literal: true };
  const tables = scope.tables;
  const name = e.kind === 'name' ? e.name : e.kind === 'string' && isNumber(other, scope) ? e.value : undefined;
  if (name === undefined || !tables) return undefined;
  const n = e.kind === 'name' ? scope.names.get(name) : undefined;
  if (n) return n.type === 'integer' || n.type === 'number' ? { code: local(n.slot), literal: false } : undefined;
  const table = tables.table(name);
  if (!table || tableKeys(table).some((key) => !scope.names.has(key))) return undefined;
  const fn = tables.lookup(table);
  if (fn === undefined) return undefined;
  return { code: temp(scope, `${fn}(${tableArguments(table, scope).join(', ')})`), literal: false };
}

/** The arguments of a table's function: its key attributes' locals, then the date when it is dated. */
function tableArguments(table: ParameterTableInfo, scope: ConditionScope): string[] {
  const args: string[] = [];
  for (const key of tableKeys(table)) {
    // A key is a context attribute (parameter-table.ts), always a name the generator reads directly.
    const attribute = scope.names.get(key);
    args.push(attribute ? local(attribute.slot) : 'undefined');
  }
  if (table.dated && scope.tables) args.push(scope.tables.date);
  return args;
}

/**
 * The table a name reads, when it is one (a string is never read as a table beside a percentage:
 * checker.ts numberByName reads one so only beside a number).
 */
function tableOf(e: Expr, scope: ConditionScope): ParameterTableInfo | undefined {
  return e.kind !== 'name' || scope.names.has(e.name) ? undefined : scope.tables?.table(e.name);
}

/**
 * A function's threshold on the ratio of two integer facts against a table (`percent(part, whole,
 * z) <= poverty_max`): each cell's value is that cell's constant threshold, written into the
 * table's function as ratioCode writes a constant (its `ratio` hook; a decimal value as the exact
 * fraction it is, as compile/leaf.ts percentVersusConstant reads one). The closure compares the
 * exact fraction part × scale / whole with the cell's value (percent-compare.ts): the same order.
 */
function ratioTableCode(
  op: CompareOp,
  call: Extract<Expr, { kind: 'call' }>,
  table: ParameterTableInfo,
  scope: ConditionScope,
): string | undefined {
  const tables = scope.tables;
  const hooks = thresholdHooks(call.name);
  if (!tables || !hooks?.ratio || tableKeys(table).some((key) => !scope.names.has(key))) return undefined;
  const ratioAt = (value: number) => {
    const threshold = hooks.from(call, op, value);
    return threshold && hooks.ratio?.(threshold);
  };
  // Part and whole come from the call, not the value: any cell's ratio names them (every cell must have one).
  const first = ratioAt(table.cells[0]?.value ?? 0);
  if (!first) return undefined;
  const p = scope.names.get(first.part);
  const w = scope.names.get(first.whole);
  if (p?.type !== 'integer' || w?.type !== 'integer') return undefined;
  const leaf = (value: number): string | undefined => {
    const ratio = ratioAt(value);
    if (!ratio || ratio.part !== first.part || ratio.whole !== first.whole) return undefined;
    const { n, d } = exactFraction(value);
    const k = ratio.scale * d;
    if (!Number.isSafeInteger(n) || !Number.isSafeInteger(k)) return undefined;
    const nl = numberLiteral(n);
    const kl = numberLiteral(k);
    return (
      `w === 0 ? ${ratio.holdsWhenEmpty ? 'true' : 'false'} : ` +
      `(w > 0 ? compareProducts(p, ${kl}, ${nl}, w) : compareProducts(${nl}, w, p, ${kl})) ${JS_OP[op]} 0`
    );
  };
  // Two comparisons that write the same code for every cell share one function.
  const leaves = table.cells.map((c) => leaf(c.value));
  if (leaves.some((l) => l === undefined)) return undefined;
  const fn = tables.lookup(table, { id: leaves.join('\n'), params: ['p', 'w'], leaf });
  if (fn === undefined) return undefined;
  const pv = local(p.slot);
  const wv = local(w.slot);
  return temp(
    scope,
    `${wv} === undefined || ${pv} === undefined ? undefined : ${fn}(${[...tableArguments(table, scope), pv, wv].join(', ')})`,
  );
}

/** A number as the exact fraction n/d of its decimal text (29.5 → 59/2), as numbers (compile/exact/rational.ts). */
function exactFraction(value: number): { n: number; d: number } {
  const r = fromNumber(value);
  return { n: Number(r.n), d: Number(r.d) };
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
