/**
 * Works backwards from a condition to the facts that would make it hold: "which values must these
 * facts take for this expression to be true (or false)?". It walks the same expression tree the
 * rule file compiles to (re-parsed from the canonical printed form every ConditionInfo carries),
 * so it knows nothing of any particular scheme.
 *
 * - `and` needs every operand, solved one after the other on the facts as changed so far;
 *   `or` needs one operand: the one needing the fewest changes (then the smallest) wins.
 * - A comparison of a fact with a constant gives the nearest value on the right side of the
 *   threshold (ordinals by declared order).
 * - A function's call compared with a constant is worked backwards by the function's own
 *   `solve` hook (compile/functions/): `percent(part, whole, z) ≥ P` gives the smallest part with
 *   part × 100 ≥ P × whole, in integers; the whole is never changed.
 * - A sum of integer facts compared with a constant moves the first fact(s) by the shortfall.
 *
 * What it cannot invert (context, `known()`, `min()`…) is reported as an obstacle, never guessed;
 * gap.ts checks every answer by evaluating the changed facts.
 */
import type { FactInfo } from '../compile/compiled-ruleset.js';
import type { CompareOp, Expr } from '../compile/expression/ast.js';
import { FLIP, HOLDS, NEGATE } from '../compile/expression/compare-ops.js';
import { parseExpression } from '../compile/expression/parser.js';
import { factType } from '../compile/fact-types/index.js';
import { FUNCTIONS } from '../compile/functions/index.js';
import type { FactValue } from '../evaluate/result.js';
import type { GapObstacle, GapPercent } from './gap-report.js';

/** Known values of facts and context attributes; a missing key is unknown. */
export type Values = ReadonlyMap<string, FactValue>;

export interface SolveScope {
  readonly facts: ReadonlyMap<string, FactInfo>;
  /** Facts that are the `part_of` this fact, per whole. */
  readonly parts: ReadonlyMap<string, readonly string[]>;
  readonly context: ReadonlySet<string>;
  readonly parameters: Readonly<Record<string, number>>;
}

export interface Assignment {
  readonly value: FactValue;
  readonly percent?: Omit<GapPercent, 'additional'>;
}

export type Solution =
  | { readonly ok: true; readonly changes: ReadonlyMap<string, Assignment> }
  | { readonly ok: false; readonly obstacle: GapObstacle };

const NONE: Solution = { ok: true, changes: new Map() };

const parsed = new Map<string, Expr | undefined>();

/** The tree of a printed condition (cached: the same few dozen strings come back for every area). */
export function expressionOf(text: string): Expr | undefined {
  if (!parsed.has(text)) {
    const outcome = parseExpression(text);
    parsed.set(text, outcome.ok ? outcome.expr : undefined);
  }
  return parsed.get(text);
}

/** Changes to facts that make `expr` evaluate to `want`, given the known `values`. */
export function solve(expr: Expr, want: boolean, values: Values, scope: SolveScope): Solution {
  switch (expr.kind) {
    case 'logical': {
      // and/true and or/false need every operand; and/false and or/true need one.
      const every = (expr.op === 'and') === want;
      return every ? solveEvery(expr.operands, want, values, scope) : solveOne(expr.operands, want, values, scope);
    }
    case 'not':
      return solve(expr.operand, !want, values, scope);
    case 'boolean':
      return expr.value === want ? NONE : { ok: false, obstacle: 'unsupported' };
    case 'name':
      return solveName(expr.name, want ? '==' : '!=', true, values, scope);
    case 'compare':
      return solveCompare(expr, want, values, scope);
    case 'in':
      return solveIn(expr, want, values, scope);
    default:
      return { ok: false, obstacle: 'unsupported' };
  }
}

/** `values` with the solution's changes applied. */
export function applied(values: Values, changes: ReadonlyMap<string, Assignment>): Map<string, FactValue> {
  const next = new Map(values);
  for (const [id, a] of changes) next.set(id, a.value);
  return next;
}

/** How costly a solution is: fewer changed facts first, then smaller numeric moves. */
export function cost(changes: ReadonlyMap<string, Assignment>, values: Values): readonly [number, number] {
  let size = 0;
  for (const [id, a] of changes) {
    const before = values.get(id);
    if (typeof a.value === 'number') size += Math.abs(a.value - (typeof before === 'number' ? before : 0));
    else size += 1;
  }
  return [changes.size, size];
}

export function cheaper(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

function solveEvery(operands: readonly Expr[], want: boolean, values: Values, scope: SolveScope): Solution {
  const changes = new Map<string, Assignment>();
  let working: Values = values;
  for (const operand of operands) {
    const s = solve(operand, want, working, scope);
    if (!s.ok) return s;
    for (const [id, a] of s.changes) changes.set(id, a);
    working = applied(working, s.changes);
  }
  return { ok: true, changes };
}

function solveOne(operands: readonly Expr[], want: boolean, values: Values, scope: SolveScope): Solution {
  let best: Solution | undefined;
  let bestCost: readonly [number, number] = [Infinity, Infinity];
  let firstObstacle: Solution | undefined;
  for (const operand of operands) {
    const s = solve(operand, want, values, scope);
    if (!s.ok) {
      firstObstacle ??= s;
      continue;
    }
    const c = cost(s.changes, values);
    if (cheaper(c, bestCost)) {
      best = s;
      bestCost = c;
    }
  }
  return best ?? firstObstacle ?? { ok: false, obstacle: 'unsupported' };
}

/** A constant: a literal, a negated number or a parameter. */
function constantOf(e: Expr, scope: SolveScope): number | string | boolean | undefined {
  if (e.kind === 'number' || e.kind === 'string' || e.kind === 'boolean') return e.value;
  if (e.kind === 'negate' && e.operand.kind === 'number') return -e.operand.value;
  if (e.kind === 'name' && Object.hasOwn(scope.parameters, e.name)) return scope.parameters[e.name];
  return undefined;
}

function solveCompare(
  expr: Extract<Expr, { kind: 'compare' }>,
  want: boolean,
  values: Values,
  scope: SolveScope,
): Solution {
  let subject: Expr;
  let op: CompareOp;
  let c = constantOf(expr.right, scope);
  if (c !== undefined) {
    subject = expr.left;
    op = expr.op;
  } else {
    c = constantOf(expr.left, scope);
    if (c === undefined) return { ok: false, obstacle: 'unsupported' };
    subject = expr.right;
    op = FLIP[expr.op];
  }
  if (!want) op = NEGATE[op];
  if (subject.kind === 'name' && !Object.hasOwn(scope.parameters, subject.name))
    return solveName(subject.name, op, c, values, scope);
  // A function's call is worked backwards by the function itself (compile/functions/).
  const hooks = subject.kind === 'call' ? FUNCTIONS.get(subject.name)?.thresholds : undefined;
  if (subject.kind === 'call' && hooks && typeof c === 'number') {
    return hooks.solve(subject, op, c, {
      values,
      facts: scope.facts,
      fits: (info, value) => fits(info, value, values, scope),
    });
  }
  if (subject.kind === 'arithmetic' && typeof c === 'number') return solveSum(subject, op, c, values, scope);
  return { ok: false, obstacle: 'unsupported' };
}

function solveName(
  id: string,
  op: CompareOp,
  c: number | string | boolean,
  values: Values,
  scope: SolveScope,
): Solution {
  const current = values.get(id);
  const info = scope.facts.get(id);
  if (info === undefined) {
    // A context attribute: it describes the area, no change of facts moves it.
    if (current !== undefined && holdsFor(undefined, current, op, c)) return NONE;
    return { ok: false, obstacle: scope.context.has(id) ? 'context' : 'unsupported' };
  }
  if (current !== undefined && holdsFor(info, current, op, c)) return NONE;
  const target = nearest(info, op, c, current);
  if (target === undefined) return { ok: false, obstacle: 'bounds' };
  if (typeof target === 'number' && !fits(info, target, values, scope)) return { ok: false, obstacle: 'bounds' };
  return { ok: true, changes: new Map([[id, { value: target }]]) };
}

function solveIn(expr: Extract<Expr, { kind: 'in' }>, want: boolean, values: Values, scope: SolveScope): Solution {
  if (expr.value.kind !== 'name') return { ok: false, obstacle: 'unsupported' };
  const list = expr.list.map((e) => constantOf(e, scope));
  if (list.some((v) => v === undefined)) return { ok: false, obstacle: 'unsupported' };
  const id = expr.value.name;
  const current = values.get(id);
  const info = scope.facts.get(id);
  if (current !== undefined && list.includes(current) === want) return NONE;
  if (info === undefined) return { ok: false, obstacle: scope.context.has(id) ? 'context' : 'unsupported' };
  const candidates: (FactValue | undefined)[] = want
    ? list
    : (info.values ?? []).map((v) => v.id).filter((v) => !list.includes(v));
  const target = candidates.find((v) => v !== undefined && (typeof v !== 'number' || fits(info, v, values, scope)));
  if (target === undefined) return { ok: false, obstacle: 'bounds' };
  return { ok: true, changes: new Map([[id, { value: target }]]) };
}

function solveSum(
  expr: Extract<Expr, { kind: 'arithmetic' }>,
  op: CompareOp,
  c: number,
  values: Values,
  scope: SolveScope,
): Solution {
  const terms: string[] = [];
  let constant = 0;
  const collect = (e: Expr, sign: 1 | -1): boolean => {
    if (e.kind === 'arithmetic' && e.op === '+') return collect(e.left, sign) && collect(e.right, sign);
    if (e.kind === 'arithmetic' && e.op === '-') return collect(e.left, sign) && collect(e.right, sign === 1 ? -1 : 1);
    const k = constantOf(e, scope);
    if (typeof k === 'number') {
      constant += sign * k;
      return true;
    }
    // Only sums of integer facts with a plus sign: raising one of them raises the sum.
    const info = e.kind === 'name' ? scope.facts.get(e.name) : undefined;
    if (e.kind === 'name' && sign === 1 && info !== undefined && wholeNumbers(info)) {
      terms.push(e.name);
      return true;
    }
    return false;
  };
  if (!collect(expr, 1) || terms.length === 0) return { ok: false, obstacle: 'unsupported' };
  const changes = new Map<string, Assignment>();
  const now = new Map<string, number>();
  for (const id of terms) {
    const v = values.get(id);
    const lo = scope.facts.get(id)?.min ?? 0;
    if (typeof v === 'number') now.set(id, v);
    else {
      // An unknown term must be supplied anyway: start it at its lowest value.
      now.set(id, lo);
      changes.set(id, { value: lo });
    }
  }
  const sum = () => [...now.values()].reduce((a, b) => a + b, constant);
  const target = integerTarget(op, c, sum());
  if (target === undefined) return { ok: false, obstacle: 'bounds' };
  let gap = target - sum();
  for (const id of terms) {
    if (gap === 0) break;
    const info = scope.facts.get(id);
    const v = now.get(id);
    // Both set above for every term (collect takes only declared facts).
    if (info === undefined || v === undefined) continue;
    const hi = Math.min(info.max ?? Number.MAX_SAFE_INTEGER, wholeValue(info, values) ?? Number.MAX_SAFE_INTEGER);
    const lo = Math.max(info.min ?? 0, highestPart(id, values, scope));
    const next = gap > 0 ? Math.min(hi, v + gap) : Math.max(lo, v + gap);
    gap -= next - v;
    now.set(id, next);
    if (next !== values.get(id)) changes.set(id, { value: next });
  }
  if (gap !== 0) return { ok: false, obstacle: 'bounds' };
  return { ok: true, changes };
}

/** The integer value of a sum that satisfies `sum op c`, nearest to the current sum. */
function integerTarget(op: CompareOp, c: number, current: number): number | undefined {
  switch (op) {
    case '>=':
      return Math.max(current, Math.ceil(c));
    case '>':
      return Math.max(current, Math.floor(c) + 1);
    case '<=':
      return Math.min(current, Math.floor(c));
    case '<':
      return Math.min(current, Math.ceil(c) - 1);
    case '==':
      return Number.isInteger(c) ? c : undefined;
    case '!=':
      return current === c ? c + 1 : current;
  }
}

/**
 * Whether `value op c` holds. A type with finitely many values (compile/fact-types/: yes/no,
 * choices) compares them by their declared order, as the checker allows for ordinals only.
 */
function holdsFor(info: FactInfo | undefined, value: FactValue, op: CompareOp, c: number | string | boolean): boolean {
  const order = info === undefined ? undefined : factType(info.type).finiteValues?.(info);
  if (order !== undefined && typeof value === 'string' && typeof c === 'string')
    return compareNumbers(order.indexOf(value), op, order.indexOf(c));
  if (typeof value === 'number' && typeof c === 'number') return compareNumbers(value, op, c);
  if (op === '==') return value === c;
  if (op === '!=') return value !== c;
  return false;
}

/**
 * The value nearest the threshold on the side where `value op c` holds, from the fact type's
 * registry entry: its finite values in declared order, or its number line (whole numbers or
 * not, and for decimals the declared precision as the step).
 */
function nearest(
  info: FactInfo,
  op: CompareOp,
  c: number | string | boolean,
  current: FactValue | undefined,
): FactValue | undefined {
  const type = factType(info.type);
  const order = type.finiteValues?.(info);
  if (order !== undefined) {
    const i = typeof c === 'number' ? -1 : order.indexOf(c);
    if (i < 0) return undefined;
    switch (op) {
      case '==':
      case '>=':
      case '<=':
        return c;
      case '>':
        return order[i + 1];
      case '<':
        return i > 0 ? order[i - 1] : undefined;
      case '!=':
        return order.find((v) => v !== c && v !== current) ?? order.find((v) => v !== c);
    }
  }
  if (typeof c !== 'number') return undefined;
  const integer = type.numberLine(info).integer;
  // One step of the values the fact can take: 1 for whole numbers, else its declared precision.
  const step = integer || info.decimals === undefined ? 1 : 10 ** -info.decimals;
  const round = (v: number) => (integer || info.decimals === undefined ? v : Number(v.toFixed(info.decimals)));
  switch (op) {
    case '>=':
      return integer ? Math.ceil(c) : c;
    case '>':
      return integer ? Math.floor(c) + 1 : round(c + step);
    case '<=':
      return integer ? Math.floor(c) : c;
    case '<':
      return integer ? Math.ceil(c) - 1 : round(c - step);
    case '==':
      return integer && !Number.isInteger(c) ? undefined : c;
    case '!=':
      return info.max !== undefined && c + step > info.max ? round(c - step) : round(c + step);
  }
}

/** Within the fact's declared bounds, not above its whole, not below its own parts. */
function fits(info: FactInfo, value: number, values: Values, scope: SolveScope): boolean {
  if (info.min !== undefined && value < info.min) return false;
  if (info.max !== undefined && value > info.max) return false;
  if (wholeNumbers(info) && !Number.isInteger(value)) return false;
  const whole = wholeValue(info, values);
  if (whole !== undefined && value > whole) return false;
  return value >= highestPart(info.id, values, scope);
}

function wholeValue(info: FactInfo, values: Values): number | undefined {
  if (info.partOf === undefined) return undefined;
  const w = values.get(info.partOf);
  return typeof w === 'number' ? w : undefined;
}

/** The largest known value among the facts declared `part_of` this one (a whole may not go below it). */
function highestPart(id: string, values: Values, scope: SolveScope): number {
  let most = -Infinity;
  for (const part of scope.parts.get(id) ?? []) {
    const v = values.get(part);
    if (typeof v === 'number' && v > most) most = v;
  }
  return most;
}

/** Whether the fact's type takes whole numbers only (its number line, compile/fact-types/); yes/no and choices are not sums. */
function wholeNumbers(info: FactInfo): boolean {
  const type = factType(info.type);
  return type.finiteValues === undefined && type.numberLine(info).integer;
}

function compareNumbers(a: number, op: CompareOp, b: number): boolean {
  return HOLDS[op](a, b);
}
