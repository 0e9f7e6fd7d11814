/**
 * Coverage of the assessment's date: a comparison with a day (`date < '2025-06-30'`) and each
 * dated row of a parameter table a condition reads (a row's `from:`, for the cells of its key)
 * have a boundary on the calendar, seen from three cases: the day before, the day itself and the
 * day after, as rule files and assessments write days (`YYYY-MM-DD`, calendar order). A day is
 * required only when some input the ruleset's own validation accepts has it (a day before the
 * first row of a table, or outside the ruleset's `effective` period, is an input error: no case
 * can be there).
 */
import { shiftDay } from '../validate/calendar-day.js';
import type { CompiledRuleset, ConditionInfo, Threshold } from '../compile/compiled-ruleset.js';
import { SYMBOL } from '../compile/expression/compare-ops.js';
import { parseExpression } from '../compile/expression/parser.js';
import type { Expr } from '../compile/expression/ast.js';
import { cellKey, type ParameterTableInfo, YEAR } from '../compile/parameter-table.js';
import type { ContextValues } from '../compile/contexts.js';

export type DayPoint = 'day_before' | 'day' | 'day_after';
export const DAY_POINTS: readonly DayPoint[] = ['day_before', 'day', 'day_after'];

/** One boundary on the calendar. */
export interface DateBoundary {
  /** `date < 2025-06-30`, `minimum[region=north, from 2024-01-01]`. */
  readonly text: string;
  /** The boundary day. */
  readonly day: string;
  /** The key of the table cell a case must be in (context values); {} for a comparison. */
  readonly context: ContextValues;
  /** The days of the three cases, by point. */
  readonly days: Readonly<Record<DayPoint, string>>;
}

/** The name the assessment's date has in expressions. */
const DATE = 'date';

/** The date boundaries of a condition: its comparisons with a day, then the dated rows of the tables it reads. */
export function dateBoundaries(
  ruleset: Pick<CompiledRuleset, 'facts' | 'parameterTables'>,
  condition: ConditionInfo | undefined,
): DateBoundary[] {
  if (condition === undefined) return [];
  const out: DateBoundary[] = [];
  // `date` is the assessment's date unless the file declares something so called.
  if (!ruleset.facts.some((f) => f.id === DATE))
    for (const t of condition.thresholds) {
      const day = dayCompared(t);
      if (day !== undefined) out.push(boundary(`${DATE} ${SYMBOL[t.op]} ${day}`, day, {}));
    }
  const read = tablesRead(condition, ruleset.parameterTables);
  for (const table of read)
    for (const cell of table.cells) {
      if (cell.from === undefined) continue;
      const context: Record<string, string | boolean> = {};
      for (const k of table.by) {
        const v = cell.key[k];
        if (k !== YEAR && (typeof v === 'string' || typeof v === 'boolean')) context[k] = v;
      }
      const key = cellKey(
        table.by.filter((k) => k !== YEAR),
        cell.key,
      );
      out.push(boundary(`${table.id}[${key === '' ? '' : `${key}, `}from ${cell.from}]`, cell.from, context));
    }
  return dedupe(out);
}

function dayCompared(t: Threshold): string | undefined {
  if (t.kind !== 'compare' || t.fact !== DATE || typeof t.value !== 'string') return undefined;
  return shiftDay(t.value, 0);
}

function boundary(text: string, day: string, context: ContextValues): DateBoundary {
  return {
    text,
    day,
    context,
    days: { day_before: shiftDay(day, -1) ?? day, day, day_after: shiftDay(day, 1) ?? day },
  };
}

function dedupe(list: DateBoundary[]): DateBoundary[] {
  const seen = new Set<string>();
  return list.filter((b) => !seen.has(b.text) && seen.add(b.text) !== undefined);
}

/** The tables the condition names (bare or quoted, as a structured threshold writes them). */
function tablesRead(condition: ConditionInfo, tables: readonly ParameterTableInfo[]): ParameterTableInfo[] {
  if (tables.length === 0) return [];
  const parsed = parseExpression(condition.expression);
  if (!parsed.ok) return [];
  const byId = new Map(tables.map((t) => [t.id, t]));
  const found = new Set<ParameterTableInfo>();
  const walk = (e: Expr): void => {
    const table = e.kind === 'name' ? byId.get(e.name) : e.kind === 'string' ? byId.get(e.value) : undefined;
    if (table) found.add(table);
    if (e.kind === 'logical') e.operands.forEach(walk);
    else if (e.kind === 'not' || e.kind === 'negate') walk(e.operand);
    else if (e.kind === 'compare' || e.kind === 'arithmetic') {
      walk(e.left);
      walk(e.right);
    } else if (e.kind === 'call') e.args.forEach(walk);
  };
  walk(parsed.expr);
  return [...found];
}

/** The point of a case's date against a boundary, or undefined when it is none of the three days. */
export function placeDay(b: DateBoundary, date: string | undefined): DayPoint | undefined {
  if (date === undefined) return undefined;
  return DAY_POINTS.find((p) => b.days[p] === date);
}
