/**
 * Coverage of parameter tables. A condition comparing a value with a table
 * (`income_per_person >= minimum`, `percent(part, whole, 0) >= minimum_share`) has
 * one boundary per cell of the table: per key (region, …) and per dated row (`from:`), each its
 * own threshold with its own value. A case tests a cell's boundary only when the case is in that
 * cell: its context has the cell's key values and the row in force on its date is the cell's.
 * A cell is required only when a valid input can be in it: its key is a context in which the
 * condition is read, and its period meets the ruleset's `effective` period.
 *
 * Arithmetic around the table is solved exactly (linear-boundary.ts): `per_person * 10 >=
 * minimum * 11` has, in a cell of value 46.5, the boundary `per_person ≥ 51.15`. A
 * boundary a fact cannot hold is moved onto the nearest values it can (exact-placement.ts).
 */
import type { CompiledRuleset, ConditionInfo, FactInfo, Threshold } from '../compile/compiled-ruleset.js';
import type { CompareOp, Expr } from '../compile/expression/ast.js';
import { SYMBOL } from '../compile/expression/compare-ops.js';
import { parseExpression } from '../compile/expression/parser.js';
import { printExpression } from '../compile/expression/printer.js';
import { compare, fromNumber, parseDecimal, type Rational } from '../compile/exact/rational.js';
import { FUNCTIONS, thresholdHooks } from '../compile/functions/index.js';
import { assessmentDate, yearSpan } from '../compile/slots.js';
import { cellKey, type ParameterTableInfo, YEAR } from '../compile/parameter-table.js';
import type { Assessment } from '../evaluate/assessment.js';
import { type ExactPlacement, exactText, placeDerived, placeOnFact } from './exact-placement.js';
import { type LeafReader, type SolvedComparison, solveComparison } from './linear-boundary.js';

/** One cell's boundary: the threshold with the cell's value, and how to tell a case is in the cell. */
export interface TableCellThreshold {
  /**
   * The comparison with the cell's boundary in place of the table. Its `value` is the boundary
   * when that is a decimal, else the nearest number: `exact` places the cases.
   */
  readonly threshold: Threshold;
  /** `per_person ≥ minimum[region=north, from 2023-01-01] = 42`. */
  readonly text: string;
  /** Some valid input can be in the cell (its key and its period). */
  readonly possible: boolean;
  /** The key of the cell, as context values (without `year`): for the caller's reach test. */
  readonly context: Readonly<Record<string, string | boolean>>;
  /**
   * A fact or derived quantity compared with an exact boundary: which (a derived quantity's
   * exact value is computed per case), and where a case's value sits against the boundary.
   * Absent for a function's threshold (`percent(…)`), which its own hooks place.
   */
  readonly exact?: { readonly id: string; readonly derived: boolean; readonly placement: ExactPlacement };
  /** Whether the case's input is in this cell. */
  inCell(input: Assessment): boolean;
}

type Cell = ParameterTableInfo['cells'][number];

/** The cell boundaries of every table comparison in a condition, in the order written. */
export function tableCellThresholds(ruleset: CompiledRuleset, condition: ConditionInfo): TableCellThreshold[] {
  if (ruleset.parameterTables.length === 0) return [];
  const parsed = parseExpression(condition.expression);
  if (!parsed.ok) return [];
  const tables = new Map(ruleset.parameterTables.map((t) => [t.id, t]));
  const out: TableCellThreshold[] = [];
  for (const comparison of tableComparisons(ruleset, parsed.expr, tables)) {
    for (const cell of comparison.table.cells) {
      const found = cellThreshold(ruleset, comparison, cell);
      if (found) out.push(found);
    }
  }
  return out;
}

interface TableComparison {
  readonly solved: SolvedComparison;
  readonly table: ParameterTableInfo;
  /** The comparison as written (printed beside a boundary worked out from arithmetic). */
  readonly written: Expr;
}

/** Comparisons solvable for one value against one table, under and/or/not. */
function tableComparisons(
  ruleset: CompiledRuleset,
  e: Expr,
  tables: ReadonlyMap<string, ParameterTableInfo>,
): TableComparison[] {
  if (e.kind === 'logical') return e.operands.flatMap((o) => tableComparisons(ruleset, o, tables));
  if (e.kind === 'not') return tableComparisons(ruleset, e.operand, tables);
  if (e.kind !== 'compare') return [];
  const named = new Set<ParameterTableInfo>();
  collectTables(e, tables, named);
  const [table, ...others] = named;
  // No table, or two (the boundary would move with both): no single boundary per cell.
  if (!table || others.length > 0) return [];
  const solved = solveComparison(e.left, e.op, e.right, leafReader(ruleset, table, tables));
  return solved ? [{ solved, table, written: e }] : [];
}

function collectTables(e: Expr, tables: ReadonlyMap<string, ParameterTableInfo>, into: Set<ParameterTableInfo>): void {
  const table = tableNamed(e, tables);
  if (table) into.add(table);
  else if (e.kind === 'arithmetic' || e.kind === 'compare') {
    collectTables(e.left, tables, into);
    collectTables(e.right, tables, into);
  } else if (e.kind === 'negate') collectTables(e.operand, tables, into);
}

/** A table written by name: bare, or quoted as a structured threshold writes it (`at_least: minimum`). */
function tableNamed(e: Expr, tables: ReadonlyMap<string, ParameterTableInfo>): ParameterTableInfo | undefined {
  if (e.kind === 'name') return tables.get(e.name);
  if (e.kind === 'string') return tables.get(e.value);
  return undefined;
}

/** The leaves of a comparison with `table`: the table, a numeric fact, derived quantity or function call, constants. */
function leafReader(
  ruleset: CompiledRuleset,
  table: ParameterTableInfo,
  tables: ReadonlyMap<string, ParameterTableInfo>,
): LeafReader {
  const parameters = ruleset.parameters;
  return {
    isTable: (e) => tableNamed(e, tables) === table,
    isSubject: (e) => {
      if (e.kind === 'call') return FUNCTIONS.get(e.name)?.thresholds !== undefined;
      if (e.kind !== 'name' || tables.has(e.name)) return false;
      return numericFact(ruleset, e.name) !== undefined || ruleset.derived.some((d) => d.id === e.name);
    },
    constant: (name) => {
      const p = Object.hasOwn(parameters, name) ? parameters[name] : undefined;
      if (p === undefined || p.values !== undefined || typeof p.value !== 'number') return undefined;
      return parseDecimal(String(p.value));
    },
  };
}

function numericFact(ruleset: CompiledRuleset, id: string): FactInfo | undefined {
  const fact = ruleset.facts.find((f) => f.id === id);
  return fact && (fact.type === 'integer' || fact.type === 'number') ? fact : undefined;
}

function cellThreshold(
  ruleset: CompiledRuleset,
  comparison: TableComparison,
  cell: Cell,
): TableCellThreshold | undefined {
  const { solved, table } = comparison;
  const boundary = solved.boundary(fromNumber(cell.value));
  const placed = placeBoundary(ruleset, solved.subject, solved.op, boundary);
  if (!placed) return undefined;
  const label = `${table.id}[${[cellKey(table.by, cell.key), ...(cell.from ? [`from ${cell.from}`] : [])].join(', ')}]`;
  const context: Record<string, string | boolean> = {};
  for (const k of table.by) {
    // Keys other than the year are context attributes (rowProblem let only their values through).
    const v = cell.key[k];
    if (k !== YEAR && (typeof v === 'string' || typeof v === 'boolean')) context[k] = v;
  }
  const period = rowPeriod(table, cell);
  return {
    threshold: placed.threshold,
    text: cellText(comparison, placed, boundary, label, cell.value),
    possible: meetsEffective(ruleset, period, cell),
    context,
    ...(placed.exact ? { exact: placed.exact } : {}),
    inCell: (input) => isInCell(table, cell, period, input),
  };
}

interface Placed {
  readonly threshold: Threshold;
  readonly exact?: TableCellThreshold['exact'];
}

/** The boundary on a fact or derived quantity (placed exactly), or the function's own threshold. */
function placeBoundary(ruleset: CompiledRuleset, subject: Expr, op: CompareOp, boundary: Rational): Placed | undefined {
  if (subject.kind === 'call') {
    // A function's threshold holds a number: only a boundary that is exactly one can be handed over.
    const value = exactNumber(boundary);
    const threshold =
      value === undefined ? undefined : FUNCTIONS.get(subject.name)?.thresholds?.from(subject, op, value);
    return threshold && { threshold };
  }
  if (subject.kind !== 'name') return undefined;
  const fact = numericFact(ruleset, subject.name);
  const placement = fact ? placeOnFact(fact, op, boundary) : placeDerived(op, boundary);
  if (!placement) return undefined;
  return {
    threshold: { kind: 'compare', fact: subject.name, op: placement.op, value: nearestNumber(placement.value) },
    exact: { id: subject.name, derived: fact === undefined, placement },
  };
}

/**
 * `per_person ≥ minimum[region=north] = 40` for a bare comparison (as before); with arithmetic
 * around the table, the boundary worked out and the comparison as written: `per_person ≥ 51.15
 * (per_person * 10 >= minimum * 11, minimum[region=south] = 46.5)`. A boundary moved onto the
 * fact's values says so: `members ≥ 49.5 ≡ members ≥ 50 (…)`.
 */
function cellText(
  comparison: TableComparison,
  placed: Placed,
  boundary: Rational,
  label: string,
  value: number,
): string {
  const { solved, written } = comparison;
  const t = placed.threshold;
  if (t.kind !== 'compare') {
    const shown = thresholdHooks(t.kind)?.print(t, String) ?? '';
    return solved.bare ? `${shown} (${label})` : `${shown} (${printExpression(written)}, ${label} = ${value})`;
  }
  const placement = placed.exact?.placement;
  const moved = placement?.moved ? ` ≡ ${t.fact} ${SYMBOL[placement.op]} ${exactText(placement.value)}` : '';
  const head = `${t.fact} ${SYMBOL[solved.op]}`;
  if (solved.bare) return `${head} ${label} = ${value}${moved}`;
  return `${head} ${exactText(boundary)}${moved} (${printExpression(written)}, ${label} = ${value})`;
}

/** The number that is exactly the fraction, when there is one (a decimal a double holds exactly). */
function exactNumber(r: Rational): number | undefined {
  const n = Number(exactText(r));
  return Number.isFinite(n) && compare(fromNumber(n), r) === 0 ? n : undefined;
}

/**
 * The fraction as a number for readers of the threshold (the JSON report); exact whenever a
 * double can be. Cases are placed with the fraction, never with this number.
 */
function nearestNumber(r: Rational): number {
  return exactNumber(r) ?? Number(r.n) / Number(r.d);
}

/** The days a row is in force for its key: from its `from:` up to the next row's (exclusive). */
interface Period {
  readonly from: string;
  readonly until?: string;
}

function rowPeriod(table: ParameterTableInfo, cell: Cell): Period {
  const key = cellKey(table.by, cell.key);
  const later = table.cells
    .flatMap((c) =>
      c.from !== undefined && cellKey(table.by, c.key) === key && c.from > (cell.from ?? '') ? [c.from] : [],
    )
    .sort();
  return { from: cell.from ?? '', ...(later[0] !== undefined ? { until: later[0] } : {}) };
}

/** The row's period (and, keyed by `year`, its year) meets the ruleset's effective period. */
function meetsEffective(ruleset: CompiledRuleset, period: Period, cell: Cell): boolean {
  const effective = ruleset.effective;
  if (!effective) return true;
  const year = cell.key[YEAR];
  const from = typeof year === 'number' ? maxText(period.from, `${year}-01-01`) : period.from;
  const until = typeof year === 'number' ? minText(period.until, `${year + 1}-01-01`) : period.until;
  if (until !== undefined && (until <= effective.from || until <= from)) return false;
  return effective.to === undefined || from <= effective.to;
}

function isInCell(table: ParameterTableInfo, cell: Cell, period: Period, input: Assessment): boolean {
  // The date, or a year given alone ("2024"): a row's period holds it only when it holds every day.
  const date = assessmentDate(input);
  for (const k of table.by) {
    const want = cell.key[k];
    if (k === YEAR) {
      if (date === undefined || Number(date.slice(0, 4)) !== want) return false;
    } else if (input.context[k] !== want) return false;
  }
  if (!table.dated || (period.from === '' && period.until === undefined)) return true;
  if (date === undefined) return false;
  const [first, last] = yearSpan(date);
  return first >= period.from && (period.until === undefined || last < period.until);
}

function maxText(a: string, b: string): string {
  return a > b ? a : b;
}

function minText(a: string | undefined, b: string): string {
  return a === undefined || b < a ? b : a;
}
