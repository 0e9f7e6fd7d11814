/**
 * Type-checks an expression tree against a scope and builds its closure in the same walk.
 * Every problem is reported (with its absolute range) and checking goes on, so one load shows
 * all the mistakes of a file. Nothing here uses eval or new Function.
 */
import { closest } from '../diagnostics/suggest.js';
import type { Expr } from './expression/ast.js';
import { checkCompare } from './compare.js';
import { countComparison } from './count-compare.js';
import { slotReader } from './leaf.js';
import { kleeneAnd, kleeneOr } from './logical.js';
import { divide, minus, negate, plus, times } from './exact/arithmetic.js';
import { zeroDivisor } from './exact/zero-divisor.js';
import { FUNCTIONS, type CheckContext } from './functions/index.js';
import type { Scope } from './scope.js';
import { mergeReads, type Typed } from './typed.js';
import { closureOfExact, type ExactClosure, exactView } from './closure-views.js';
import { BOOLEAN, ERROR, INTEGER, NUMBER, STRING, isNumeric, type Closure, type Value } from './types.js';

export interface CheckOptions {
  /** Variant selectors and context rules may read context attributes only. */
  readonly contextOnly?: boolean;
  /** `/` is allowed: the value of a derived quantity, which declares its `if_zero` (compile/derived.ts). */
  readonly division?: boolean;
}

export function checkExpression(expr: Expr, scope: Scope, ctx: CheckContext, options: CheckOptions = {}): Typed {
  // Sub-expressions are checked by direct calls, not through a helper closure made per node:
  // a load checks a few hundred nodes, and every closure made is work (see always()).
  switch (expr.kind) {
    case 'number':
      return constant(expr, Number.isInteger(expr.value) ? INTEGER : NUMBER, expr.value);
    case 'string':
      return constant(expr, STRING, expr.value);
    case 'boolean':
      return constant(expr, BOOLEAN, expr.value);
    case 'name':
      return checkName(expr, scope, ctx, options);
    case 'call':
      return checkCall(expr, scope, ctx, options);
    case 'not':
      return checkNot(expr, scope, ctx, options);
    case 'negate':
      return checkNegate(expr, scope, ctx, options);
    case 'logical':
      return checkLogical(expr, scope, ctx, options);
    case 'arithmetic':
      return checkArithmetic(expr, scope, ctx, options);
    case 'compare': {
      const left = checkExpression(expr.left, scope, ctx, options);
      const right = checkExpression(expr.right, scope, ctx, options);
      // A parameter named on either side is read as a number (values); a count compared with a
      // number is decided from bounds (levels).
      const l = numberByName(left, right, scope, ctx, options);
      const r = numberByName(right, left, scope, ctx, options);
      return countComparison(expr.op, l, r, expr) ?? checkCompare(expr.op, l, r, expr, ctx);
    }
    case 'in':
      return checkIn(expr, scope, ctx, options);
  }
}

type ExprOf<K extends Expr['kind']> = Extract<Expr, { readonly kind: K }>;

/**
 * `{ fact: income, at_least: income_min }`: a structured threshold written as a name is a string
 * in YAML. Compared with a number, a string that names a parameter (or a derived quantity) means
 * that name; any other string stays a value id (and the comparison reports the mismatch).
 */
function numberByName(side: Typed, other: Typed, scope: Scope, ctx: CheckContext, options: CheckOptions): Typed {
  if (side.expr.kind !== 'string' || !isNumeric(other.type)) return side;
  const symbol = scope.lookup(side.expr.value);
  if (symbol?.kind !== 'parameter' && symbol?.kind !== 'derived') return side;
  return checkName({ kind: 'name', name: side.expr.value, range: side.expr.range }, scope, ctx, options);
}

/** A function of the registry (compile/functions/): its own check, after the arguments and arity. */
function checkCall(expr: ExprOf<'call'>, scope: Scope, ctx: CheckContext, options: CheckOptions): Typed {
  const def = FUNCTIONS.get(expr.name);
  const args = expr.args.map((a) => checkExpression(a, scope, ctx, options));
  if (!def) {
    ctx.report('expr_unknown_function', expr.nameRange, {
      name: expr.name,
      known: [...FUNCTIONS.keys()].join(', '),
    });
    return failed(expr, args);
  }
  const arityWrong = def.variadic
    ? args.length < def.variadic.min || args.length > def.variadic.max
    : args.length !== def.arity;
  if (arityWrong) {
    const expected = def.variadic ? `${def.variadic.min}–${def.variadic.max}` : def.arity;
    ctx.report('expr_arity', expr.range, { name: def.signature, expected, actual: args.length });
    return failed(expr, args);
  }
  return def.check(args, expr, ctx);
}

function checkNot(expr: ExprOf<'not'>, scope: Scope, ctx: CheckContext, options: CheckOptions): Typed {
  const operand = checkExpression(expr.operand, scope, ctx, options);
  expectBoolean(operand, ctx, 'not');
  const g = operand.fn;
  return {
    type: BOOLEAN,
    expr,
    reads: operand.reads,
    fn: (s) => {
      const v = g(s);
      return v === undefined ? undefined : !v;
    },
  };
}

function checkNegate(expr: ExprOf<'negate'>, scope: Scope, ctx: CheckContext, options: CheckOptions): Typed {
  const operand = checkExpression(expr.operand, scope, ctx, options);
  expectNumeric(operand, ctx, '-');
  const g = exactView(operand.fn);
  const neg: ExactClosure = (s) => {
    const v = g(s);
    return v === undefined ? undefined : negate(v);
  };
  return {
    type: operand.type,
    expr,
    reads: operand.reads,
    fn: closureOfExact(neg),
    ...(typeof operand.constant === 'number' ? { constant: -operand.constant } : {}),
  };
}

function checkLogical(expr: ExprOf<'logical'>, scope: Scope, ctx: CheckContext, options: CheckOptions): Typed {
  const operands = expr.operands.map((o) => checkExpression(o, scope, ctx, options));
  for (const o of operands) expectBoolean(o, ctx, expr.op);
  const fns = operands.map((o) => o.fn);
  return {
    type: BOOLEAN,
    expr,
    reads: mergeReads(...operands.map((o) => o.reads)),
    fn: expr.op === 'and' ? kleeneAnd(fns) : kleeneOr(fns),
  };
}

function checkArithmetic(expr: ExprOf<'arithmetic'>, scope: Scope, ctx: CheckContext, options: CheckOptions): Typed {
  const left = checkExpression(expr.left, scope, ctx, options);
  const right = checkExpression(expr.right, scope, ctx, options);
  expectNumeric(left, ctx, expr.op);
  expectNumeric(right, ctx, expr.op);
  const l = exactView(left.fn);
  const r = exactView(right.fn);
  if (expr.op === '/') {
    // Only a derived quantity may divide: it says what a zero divisor means (if_zero).
    if (!options.division) {
      ctx.report('expr_division_outside_derived', expr.range, {});
      return { type: ERROR, expr, fn: UNKNOWN, reads: mergeReads(left.reads, right.reads) };
    }
    const quotient: ExactClosure = (s) => {
      const a = l(s);
      const b = r(s);
      if (b === undefined) return undefined;
      // A divisor known to be 0 decides the quantity (its if_zero) whatever the dividend: every
      // value the unknown dividend could take gives the same answer, as an empty whole does for
      // a percentage.
      const q = divide(a ?? 0, b);
      if (q === undefined) {
        zeroDivisor.hit = true;
        return 0;
      }
      return a === undefined ? undefined : q;
    };
    return { type: NUMBER, expr, fn: closureOfExact(quotient), reads: mergeReads(left.reads, right.reads) };
  }
  const op = ARITHMETIC[expr.op];
  const fn: ExactClosure = (s) => {
    const a = l(s);
    const b = r(s);
    return a === undefined || b === undefined ? undefined : op(a, b);
  };
  const type = left.type.t === 'integer' && right.type.t === 'integer' ? INTEGER : NUMBER;
  return { type, expr, fn: closureOfExact(fn), reads: mergeReads(left.reads, right.reads) };
}

/** `x in [a, b]` is `x == a or x == b`: one definition of equality. */
function checkIn(expr: ExprOf<'in'>, scope: Scope, ctx: CheckContext, options: CheckOptions): Typed {
  const value = checkExpression(expr.value, scope, ctx, options);
  const items = expr.list.map((i) => checkExpression(i, scope, ctx, options));
  const equalities = items.map((item) => checkCompare('==', value, item, expr, ctx));
  return {
    type: BOOLEAN,
    expr,
    reads: mergeReads(value.reads, ...items.map((i) => i.reads)),
    fn: kleeneOr(equalities.map((e) => e.fn)),
  };
}

/** A number was wanted here (an error operand was reported where it was made). */
function expectNumeric(operand: Typed, ctx: CheckContext, where: string): void {
  if (!isNumeric(operand.type) && operand.type.t !== 'error') {
    ctx.report('expr_type', operand.expr.range, { expected: 'number', actual: operand.type.t, where });
  }
}

/** Exact: numbers while the result is a safe integer, fractions otherwise (exact/arithmetic.ts). */
const ARITHMETIC = { '+': plus, '-': minus, '*': times, '/': times };

/**
 * The closure of a value known at load time. Leaf closures come from small makers like this one
 * rather than arrows written into object literals: the benchmarks and tests run the TypeScript
 * source through tsx, whose esbuild `keepNames` sets a `name` on every arrow written as a
 * property value or const initialiser, each time one is made; for the few hundred leaves of a
 * load that was a large part of compiling. An arrow returned from a function is not renamed.
 */
function always(value: Value): Closure {
  return () => value;
}

/** The closure of an expression that could not be checked: unknown, always. */
const UNKNOWN: Closure = always(undefined);

function constant(expr: Expr, type: Typed['type'], value: Value): Typed {
  return { type, expr, reads: [], constant: value, fn: always(value) };
}

function failed(expr: Expr, args: readonly Typed[]): Typed {
  return { type: ERROR, expr, reads: mergeReads(...args.map((a) => a.reads)), fn: UNKNOWN };
}

function checkName(
  expr: Extract<Expr, { kind: 'name' }>,
  scope: Scope,
  ctx: CheckContext,
  options: CheckOptions,
): Typed {
  const symbol = scope.lookup(expr.name);
  if (!symbol) {
    const suggestion = closest(expr.name, scope.names());
    ctx.report('expr_unknown_name', expr.range, { name: expr.name, ...(suggestion ? { suggestion } : {}) });
    return { type: ERROR, expr, reads: [], fn: UNKNOWN };
  }
  if (symbol.kind === 'parameter') {
    return { type: symbol.type, expr, reads: [], constant: symbol.value, fn: always(symbol.value) };
  }
  if (symbol.kind === 'derived') {
    const derived = symbol.resolve();
    if (!derived) {
      ctx.report('definition_cycle', expr.range, { name: expr.name });
      return { type: ERROR, expr, reads: [], fn: UNKNOWN };
    }
    if (options.contextOnly && derived.reads.some((id) => scope.lookup(id)?.kind === 'fact')) {
      ctx.report('selector_not_context', expr.range, { name: expr.name });
      return { type: ERROR, expr, reads: [], fn: UNKNOWN };
    }
    // Read like a fact: its value and the facts it reads (not a slot: it is computed).
    return { type: derived.type, expr, reads: derived.reads, fn: derived.fn, derived: expr.name };
  }
  if (symbol.kind === 'definition') {
    const defined = symbol.resolve();
    if (!defined) {
      ctx.report('definition_cycle', expr.range, { name: expr.name });
      return { type: ERROR, expr, reads: [], fn: UNKNOWN };
    }
    if (options.contextOnly && defined.reads.some((id) => scope.lookup(id)?.kind === 'fact')) {
      ctx.report('selector_not_context', expr.range, { name: expr.name });
      return { type: ERROR, expr, reads: [], fn: UNKNOWN };
    }
    // The definition's closure and reads; not its name or slot (it is not a bare fact).
    return { type: defined.type, expr, reads: defined.reads, fn: defined.fn, definition: expr.name };
  }
  if (options.contextOnly && symbol.kind === 'fact') {
    ctx.report('selector_not_context', expr.range, { name: expr.name });
    return { type: ERROR, expr, reads: [], fn: UNKNOWN };
  }
  const id = symbol.id;
  const slot = symbol.slot;
  if (symbol.kind === 'fact' && symbol.decimals !== undefined)
    return { type: symbol.type, expr, reads: [id], fn: slotReader(slot), name: id, slot, decimals: symbol.decimals };
  return { type: symbol.type, expr, reads: [id], fn: slotReader(slot), name: id, slot };
}

function expectBoolean(t: Typed, ctx: CheckContext, where: string): void {
  if (t.type.t !== 'boolean' && t.type.t !== 'error') {
    ctx.report('expr_type', t.expr.range, { expected: 'boolean', actual: t.type.t, where });
  }
}
