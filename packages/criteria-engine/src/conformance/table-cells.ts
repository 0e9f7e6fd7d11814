/**
 * Coverage of parameter tables. A condition comparing a value with a table
 * (`income_per_person >= minimum`, `percent(part, whole, 0) >= minimum_share`) has
 * one boundary per cell of the table: per key (region, …) and per dated row (`from:`), each its
 * own threshold with its own value. A case tests a cell's boundary only when the case is in that
 * cell: its context has the cell's key values and the row in force on its date is the cell's.
 * A cell is required only when a valid input can be in it: its key is a context in which the
 * condition is read, and its period meets the ruleset's `effective` period.
 *
 * Only comparisons of a fact, a derived quantity or a function call with the table's name are
 * read this way; arithmetic around the table (`minimum * 11`) has no single boundary value.
 */
import type { CompiledRuleset, ConditionInfo, Threshold } from '../compile/compiled-ruleset.js';
import type { CompareOp, Expr } from '../compile/expression/ast.js';
import { FLIP, SYMBOL } from '../compile/expression/compare-ops.js';
import { parseExpression } from '../compile/expression/parser.js';
import { FUNCTIONS, thresholdHooks } from '../compile/functions/index.js';
import { cellKey, type ParameterTableInfo, YEAR } from '../compile/parameter-table.js';
import type { Assessment } from '../evaluate/assessment.js';

/** One cell's boundary: the threshold with the cell's value, and how to tell a case is in the cell. */
export interface TableCellThreshold {
  /** The comparison with the cell's value in place of the table's name. */
  readonly threshold: Threshold;
  /** `per_person >= minimum[region=north, from 2023-01-01] = 42`. */
  readonly text: string;
  /** Some valid input can be in the cell (its key and its period). */
  readonly possible: boolean;
  /** The key of the cell, as context values (without `year`): for the caller's reach test. */
  readonly context: Readonly<Record<string, string | boolean>>;
  /** A derived quantity compared (its exact value decides the point), rather than a fact. */
  readonly derived?: string;
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
  for (const { subject, op, table } of tableComparisons(parsed.expr, tables)) {
    for (const cell of table.cells) {
      const found = cellThreshold(ruleset, subject, op, table, cell);
      if (found) out.push(found);
    }
  }
  return out;
}

interface TableComparison {
  readonly subject: Expr;
  readonly op: CompareOp;
  readonly table: ParameterTableInfo;
}

/** `subject op table` in either order, under and/or/not. */
function tableComparisons(e: Expr, tables: ReadonlyMap<string, ParameterTableInfo>): TableComparison[] {
  if (e.kind === 'logical') return e.operands.flatMap((o) => tableComparisons(o, tables));
  if (e.kind === 'not') return tableComparisons(e.operand, tables);
  if (e.kind !== 'compare') return [];
  const right = tableNamed(e.right, tables);
  if (right) return [{ subject: e.left, op: e.op, table: right }];
  const left = tableNamed(e.left, tables);
  return left ? [{ subject: e.right, op: FLIP[e.op], table: left }] : [];
}

/** A table written by name: bare, or quoted as a structured threshold writes it (`at_least: minimum`). */
function tableNamed(e: Expr, tables: ReadonlyMap<string, ParameterTableInfo>): ParameterTableInfo | undefined {
  if (e.kind === 'name') return tables.get(e.name);
  if (e.kind === 'string') return tables.get(e.value);
  return undefined;
}

function cellThreshold(
  ruleset: CompiledRuleset,
  subject: Expr,
  op: CompareOp,
  table: ParameterTableInfo,
  cell: Cell,
): TableCellThreshold | undefined {
  const threshold = concreteThreshold(ruleset, subject, op, cell.value);
  if (!threshold) return undefined;
  const derived = subject.kind === 'name' && ruleset.derived.some((d) => d.id === subject.name);
  const label = `${table.id}[${[cellKey(table.by, cell.key), ...(cell.from ? [`from ${cell.from}`] : [])].join(', ')}]`;
  const shown =
    threshold.kind === 'compare'
      ? `${threshold.fact} ${SYMBOL[op]} ${label} = ${cell.value}`
      : `${thresholdHooks(threshold.kind)?.print(threshold, String) ?? ''} (${label})`;
  const context: Record<string, string | boolean> = {};
  for (const k of table.by) if (k !== YEAR) context[k] = cell.key[k] as string | boolean;
  const period = rowPeriod(table, cell);
  return {
    threshold,
    text: shown,
    possible: meetsEffective(ruleset, period, cell),
    context,
    ...(derived && subject.kind === 'name' ? { derived: subject.name } : {}),
    inCell: (input) => isInCell(table, cell, period, input),
  };
}

/** The comparison with the cell's value: on a fact or derived quantity, or the function's own threshold. */
function concreteThreshold(
  ruleset: CompiledRuleset,
  subject: Expr,
  op: CompareOp,
  value: number,
): Threshold | undefined {
  if (subject.kind === 'name') {
    const fact = ruleset.facts.find((f) => f.id === subject.name);
    const numeric = fact !== undefined && (fact.type === 'integer' || fact.type === 'number');
    if (numeric || ruleset.derived.some((d) => d.id === subject.name))
      return { kind: 'compare', fact: subject.name, op, value };
    return undefined;
  }
  if (subject.kind === 'call') return FUNCTIONS.get(subject.name)?.thresholds?.from(subject, op, value);
  return undefined;
}

/** The days a row is in force for its key: from its `from:` up to the next row's (exclusive). */
interface Period {
  readonly from: string;
  readonly until?: string;
}

function rowPeriod(table: ParameterTableInfo, cell: Cell): Period {
  const key = cellKey(table.by, cell.key);
  const later = table.cells
    .filter((c) => cellKey(table.by, c.key) === key && (c.from ?? '') > (cell.from ?? ''))
    .map((c) => c.from as string)
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
  const date = input.area?.date;
  for (const k of table.by) {
    const want = cell.key[k];
    if (k === YEAR) {
      if (date === undefined || Number(date.slice(0, 4)) !== want) return false;
    } else if (input.context[k] !== want) return false;
  }
  if (!table.dated || (period.from === '' && period.until === undefined)) return true;
  return date !== undefined && date >= period.from && (period.until === undefined || date < period.until);
}

function maxText(a: string, b: string): string {
  return a > b ? a : b;
}

function minText(a: string | undefined, b: string): string {
  return a === undefined || b < a ? b : a;
}
