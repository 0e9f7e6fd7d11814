/**
 * Derived quantities (`derived:`): a numeric expression over facts, parameters, other derived
 * quantities and literals, computed exactly (compile/exact/). Conditions read one by name like a
 * fact; what it reads is what they read, so its unknown facts appear in `missing` and `needed`.
 * Only here may an expression divide, because only here is a zero divisor declared (`if_zero`).
 */
import type { DerivedDeclaration } from '../validate/ruleset-document.js';
import { checkExpression } from './checker.js';
import type { Expr } from './expression/ast.js';
import { printExpression } from './expression/printer.js';
import { zeroDivisor } from './exact/zero-divisor.js';
import type { CheckContext } from './functions/index.js';
import type { Scope } from './scope.js';
import type { Typed } from './typed.js';
import { ERROR, NUMBER, isNumeric, type Closure, type Slots, type Value } from './types.js';
import type { Range } from '../diagnostics/diagnostic.js';
import type { Assessment } from '../evaluate/assessment.js';
import { exactView } from './closure-views.js';
import { fromNumber, type Rational, toDecimalText } from './exact/rational.js';

/** What tools read about a derived quantity (CompiledRuleset.derived). */
export interface DerivedInfo {
  readonly id: string;
  /** The file that declares it (the ruleset, or an included fragment). */
  readonly file: string;
  readonly label: DerivedDeclaration['label'];
  readonly unit?: DerivedDeclaration['unit'];
  /** Decimals shown; the value stays exact. */
  readonly decimals?: number;
  /** The value's expression, printed. */
  readonly expression: string;
  readonly ifZero?: 'unknown' | number;
  /** Facts and context attributes it reads. */
  readonly reads: readonly string[];
}

export interface CompiledDerived {
  readonly typed: Typed;
  readonly info: DerivedInfo;
}

/**
 * Checks a derived quantity's parsed value and wraps its closure with the declared `if_zero`.
 * `where` locates the quantity's key (for a missing `if_zero`).
 */
export function compileDerived(
  id: string,
  decl: DerivedDeclaration,
  expr: Expr,
  file: string,
  where: Range | undefined,
  scope: Scope,
  ctx: CheckContext,
): CompiledDerived {
  const checked = checkExpression(expr, scope, ctx, { division: true });
  if (!isNumeric(checked.type) && checked.type.t !== 'error') {
    ctx.report('expr_type', expr.range, { expected: 'number', actual: checked.type.t, where: 'derived' });
  }
  const divides = hasDivision(expr);
  if (divides && decl.if_zero === undefined) ctx.report('derived_if_zero_missing', where ?? expr.range, { name: id });
  const ok = isNumeric(checked.type);
  const fn = divides ? withIfZero(checked.fn, decl.if_zero) : checked.fn;
  const typed: Typed = { type: ok ? NUMBER : ERROR, expr, reads: checked.reads, fn };
  const info: DerivedInfo = {
    id,
    file,
    label: decl.label,
    ...(decl.unit !== undefined ? { unit: decl.unit } : {}),
    ...(decl.decimals !== undefined ? { decimals: decl.decimals } : {}),
    expression: printExpression(expr),
    ...(decl.if_zero !== undefined ? { ifZero: decl.if_zero } : {}),
    reads: checked.reads,
  };
  return { typed, info };
}

/** The quantity's value, or its declared value when a divisor anywhere in it was 0. */
function withIfZero(inner: Closure, ifZero: 'unknown' | number | undefined): Closure {
  const onZero: Value = typeof ifZero === 'number' ? ifZero : undefined;
  return (s) => {
    const saved = zeroDivisor.hit;
    zeroDivisor.hit = false;
    const v = inner(s);
    const zero = zeroDivisor.hit;
    zeroDivisor.hit = saved;
    // A divisor known to be 0 anywhere in the value gives the declared value, whatever else is
    // unknown: every completion of the unknowns meets the same zero divisor.
    return zero ? onZero : v;
  };
}

/** Whether the expression divides by something that may be 0. */
function hasDivision(e: Expr): boolean {
  switch (e.kind) {
    case 'arithmetic':
      // Dividing by a literal other than 0 (`density / 10`) can never meet a zero divisor.
      if (e.op === '/' && !(e.right.kind === 'number' && e.right.value !== 0)) return true;
      return hasDivision(e.left) || hasDivision(e.right);
    case 'negate':
    case 'not':
      return hasDivision(e.operand);
    case 'call':
      return e.args.some(hasDivision);
    default:
      return false;
  }
}

/**
 * The values of the derived quantities for one assessment, as decimal text with each quantity's
 * shown decimals ("57.2"): what explanations print beside the threshold. Unknown quantities are
 * left out. The text is for people; decisions use the exact value.
 */
export function derivedValuesOf(
  plan: { readonly derived: readonly { readonly info: DerivedInfo; readonly fn: Closure }[] },
  fill: (assessment: Assessment) => Slots,
): (assessment: Assessment) => ReadonlyMap<string, string> {
  return (assessment) => {
    const out = new Map<string, string>();
    if (plan.derived.length === 0) return out;
    const slots = fill(assessment);
    for (const d of plan.derived) {
      const v = exactView(d.fn)(slots);
      if (v === undefined) continue;
      out.set(d.info.id, toDecimalText(typeof v === 'number' ? fromNumber(v) : v, d.info.decimals));
    }
    return out;
  };
}

/**
 * The exact values of the derived quantities for one assessment (unknown ones left out): what
 * coverage compares with a threshold's boundary, where a rounded text would blur "at" and "beyond".
 */
export function derivedExactOf(
  plan: { readonly derived: readonly { readonly info: DerivedInfo; readonly fn: Closure }[] },
  fill: (assessment: Assessment) => Slots,
): (assessment: Assessment) => ReadonlyMap<string, Rational> {
  return (assessment) => {
    const out = new Map<string, Rational>();
    if (plan.derived.length === 0) return out;
    const slots = fill(assessment);
    for (const d of plan.derived) {
      const v = exactView(d.fn)(slots);
      if (v !== undefined) out.set(d.info.id, typeof v === 'number' ? fromNumber(v) : v);
    }
    return out;
  };
}
