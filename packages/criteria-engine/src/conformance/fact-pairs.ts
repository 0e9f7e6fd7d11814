/**
 * Coverage of a comparison of two numeric facts (`doctors >= nurses`, `a * 100 >= b * 85`): it has
 * no constant threshold, but the same two sides. Solved exactly for its first fact as
 * linear-boundary.ts solves a table comparison (the second fact in the table's place), it reads
 * `a op b(B)`; a case is **at** it when `a = b(B)` (the comparison just holds for `>=`, just fails
 * for `>`), and **just beyond** it when a is on the other side of that line by at most one (for
 * `=` and `≠`, either side). A cell is required only when some input the ruleset's own
 * validation accepts puts the two facts there, found by trying values of the second fact near
 * its bounds (a part that must not exceed its whole, bounds, `decimals` all hold): a cell no
 * input can reach is never asked for.
 */
import type { CompiledRuleset, ConditionInfo, FactInfo, Threshold } from '../compile/compiled-ruleset.js';
import type { CompareOp, Expr } from '../compile/expression/ast.js';
import { parseExpression } from '../compile/expression/parser.js';
import { printExpression } from '../compile/expression/printer.js';
import { compare, fromNumber, type Rational, ratio, sub, toDecimalText } from '../compile/exact/rational.js';
import type { Assessment } from '../evaluate/assessment.js';
import { type SolvedComparison, solveComparison } from './linear-boundary.js';

/** One comparison of two facts, solved for the first. */
export interface FactPair {
  /** The comparison as written: `doctors >= nurses`. */
  readonly text: string;
  /** The first fact compared with the second's printed side, for the report's `threshold`. */
  readonly threshold: Threshold;
  readonly subject: string;
  readonly other: string;
  readonly solved: SolvedComparison;
}

/** How far values of the second fact are tried from each of its bounds, to find a reachable case. */
const TRIED = 400;

/** The comparisons of exactly two numeric facts, linear in both, under and/or/not. */
export function factPairs(ruleset: Pick<CompiledRuleset, 'facts'>, condition: ConditionInfo | undefined): FactPair[] {
  if (condition === undefined || condition.expression === '') return [];
  const parsed = parseExpression(condition.expression);
  if (!parsed.ok) return [];
  const numeric = new Map(
    ruleset.facts.filter((f) => f.type === 'integer' || f.type === 'number').map((f) => [f.id, f]),
  );
  const out: FactPair[] = [];
  const walk = (e: Expr): void => {
    if (e.kind === 'logical') e.operands.forEach(walk);
    else if (e.kind === 'not') walk(e.operand);
    else if (e.kind === 'compare') {
      const pair = solvePair(e.left, e.op, e.right, numeric);
      if (pair) out.push({ ...pair, text: printExpression(e) });
    }
  };
  walk(parsed.expr);
  return out;
}

function solvePair(
  left: Expr,
  op: CompareOp,
  right: Expr,
  numeric: ReadonlyMap<string, FactInfo>,
): Omit<FactPair, 'text'> | undefined {
  const names = new Set<string>();
  if (!factsOnly(left, numeric, names) || !factsOnly(right, numeric, names) || names.size !== 2) return undefined;
  const [subject, other] = [...names];
  if (subject === undefined || other === undefined) return undefined;
  const solved = solveComparison(left, op, right, {
    isSubject: (e) => e.kind === 'name' && e.name === subject,
    isTable: (e) => e.kind === 'name' && e.name === other,
    constant: () => undefined,
  });
  if (!solved) return undefined;
  const written = printExpression(left) === subject ? printExpression(right) : printExpression(left);
  return { threshold: { kind: 'compare', fact: subject, op: solved.op, value: written }, subject, other, solved };
}

/** Whether the expression reads only numeric facts and number literals (its facts added to `names`). */
function factsOnly(e: Expr, numeric: ReadonlyMap<string, FactInfo>, names: Set<string>): boolean {
  switch (e.kind) {
    case 'number':
      return true;
    case 'name':
      if (!numeric.has(e.name)) return false;
      names.add(e.name);
      return true;
    case 'negate':
      return factsOnly(e.operand, numeric, names);
    case 'arithmetic':
      return factsOnly(e.left, numeric, names) && factsOnly(e.right, numeric, names);
    default:
      return false;
  }
}

/** Which side of `a = b(B)` leaves the outcome it has on the line: -1 below, +1 above, 0 either. */
const BEYOND: Readonly<Record<CompareOp, -1 | 0 | 1>> = { '>=': -1, '>': 1, '<=': 1, '<': -1, '==': 0, '!=': 0 };

/** Where a case's two facts sit: at the line, just beyond it, or neither (a fact missing). */
export function placePair(pair: FactPair, facts: Assessment['facts']): 'at' | 'beyond' | undefined {
  const a = exactFact(facts[pair.subject]);
  const b = exactFact(facts[pair.other]);
  if (a === undefined || b === undefined) return undefined;
  const d = sub(a, pair.solved.boundary(b));
  const sign = compare(d, ZERO);
  if (sign === 0) return 'at';
  const within = compare(d, ONE) <= 0 && compare(d, MINUS_ONE) >= 0;
  const side = BEYOND[pair.solved.op];
  return within && (side === 0 || side === sign) ? 'beyond' : undefined;
}

/**
 * Whether some valid input reaches each cell: `accepts` says whether the ruleset's validation
 * accepts the two facts with these values (in a kind of unit that reads the comparison).
 */
export function pairReachable(
  pair: FactPair,
  facts: ReadonlyMap<string, FactInfo>,
  accepts: (values: Readonly<Record<string, number>>) => boolean,
): { at: boolean; beyond: boolean } {
  const fa = facts.get(pair.subject);
  const fb = facts.get(pair.other);
  const found = { at: false, beyond: false };
  if (fa === undefined || fb === undefined) return found;
  for (const bv of tried(fb)) {
    const line = pair.solved.boundary(fromNumber(bv));
    for (const av of nearLine(fa, line)) {
      const values = { [pair.subject]: av, [pair.other]: bv };
      const point = placePair(pair, values);
      if (point === undefined || found[point] || !accepts(values)) continue;
      found[point] = true;
      if (found.at && found.beyond) return found;
    }
  }
  return found;
}

/** Values of the second fact near each bound (from 0 when it has none), on its grid. */
function tried(f: FactInfo): number[] {
  const step = f.type === 'integer' ? 1 : 10 ** -(f.decimals ?? 0);
  const lo = f.min ?? (f.max !== undefined && f.max < 0 ? f.max - TRIED * step : 0);
  const out = new Set<number>();
  for (let i = 0; i < TRIED; i++) out.add(round(lo + i * step, f));
  if (f.max !== undefined) for (let i = 0; i < TRIED; i++) out.add(round(f.max - i * step, f));
  return [...out].filter((v) => (f.min === undefined || v >= f.min) && (f.max === undefined || v <= f.max));
}

/** The first fact's values on or one unit either side of the line that it can hold: the line itself when it is on its grid, the grid's neighbours, one unit off. */
function nearLine(f: FactInfo, line: Rational): number[] {
  const grid = f.type === 'integer' ? 0 : (f.decimals ?? 6);
  const scale = 10n ** BigInt(grid);
  // floor(line × 10^grid) / 10^grid, exactly.
  const scaled = line.n * scale;
  let q = scaled / line.d;
  if (scaled % line.d !== 0n && scaled < 0n) q -= 1n;
  const candidates = [q - scale, q - 1n, q, q + 1n, q + scale].map((x) => ratio(x, scale));
  return candidates.map((r) => Number(toDecimalText(r, grid)));
}

function round(v: number, f: FactInfo): number {
  return f.type === 'integer' ? Math.round(v) : Number(v.toFixed(f.decimals ?? 6));
}

const ZERO: Rational = { n: 0n, d: 1n };
const ONE: Rational = { n: 1n, d: 1n };
const MINUS_ONE: Rational = { n: -1n, d: 1n };

/** A fact's value as the decimal it is written as (never a float's expansion); undefined unless a finite number. */
export function exactFact(raw: unknown): Rational | undefined {
  return typeof raw === 'number' && Number.isFinite(raw) ? fromNumber(raw) : undefined;
}
