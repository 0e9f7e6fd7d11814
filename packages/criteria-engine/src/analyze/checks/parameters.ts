/**
 * Every kind of unit the rules can assess has a cell in each parameter table, on every day of the
 * ruleset's `effective` period: a missing cell leaves every condition that uses the parameter
 * undetermined for such a unit, forever. Checked per context (the kinds of unit), per year of the
 * period for a table keyed by `year`, and, for dated rows (`from:`), from the period's first day
 * (for a cell keyed by a year, from 1 January of that year): a cell whose first row starts later
 * has no value before it.
 */
import { shiftDay } from '../../validate/calendar-day.js';
import { cellKey, type ParameterTableInfo, YEAR } from '../../compile/parameter-table.js';
import type { Findings } from '../findings.js';
import type { Reachability } from '../reach.js';

/** More years than any programme period; a longer `effective` is checked on its first ones. */
const MAX_YEARS = 100;

export function checkParameterCells(f: Findings, reach: Reachability): void {
  if (!reach.contextsListed) return;
  const period = f.ruleset.effective;
  for (const table of f.ruleset.parameterTables) {
    const have = new Set(table.cells.map((c) => cellKey(table.by, c.key)));
    const firstFrom = firstDates(table);
    const years = table.by.includes(YEAR) ? yearsOf(period, table) : [undefined];
    const reported = new Set<string>();
    const report = (cell: string): void => {
      if (reported.has(cell)) return;
      reported.add(cell);
      f.add('parameter_cell_missing', ['parameters', table.id, 'values'], { parameter: table.id, cell }, 'error');
    };
    for (const context of reach.contexts) {
      for (const year of years) {
        const row: Readonly<Record<string, unknown>> = year === undefined ? context : { ...context, [YEAR]: year };
        // An attribute the unit leaves out (not required for it) makes the value unknown, not missing.
        if (table.by.some((k) => row[k] === undefined)) continue;
        const cell = cellKey(table.by, row);
        if (!have.has(cell)) {
          report(cell);
          continue;
        }
        const first = firstFrom.get(cell);
        if (period === undefined || first === undefined) continue;
        // A cell keyed by a year is read only on the days of that year: its rows need to start
        // by 1 January of it (or the period's first day, when later), not by the period's start.
        const start =
          year === undefined ? period.from : laterDay(period.from, `${String(year).padStart(4, '0')}-01-01`);
        if (first > start) report(`${cell}${cell === '' ? '' : ', '}${start} – ${shiftDay(first, -1) ?? first}`);
      }
    }
  }
}

/**
 * The first `from:` of each cell whose rows are all dated (a row without `from` holds at every
 * date, so such a cell has no gap at the start).
 */
function firstDates(table: ParameterTableInfo): Map<string, string> {
  const first = new Map<string, string>();
  const undated = new Set<string>();
  for (const c of table.cells) {
    const cell = cellKey(table.by, c.key);
    if (c.from === undefined) undated.add(cell);
    else {
      const earlier = first.get(cell);
      if (earlier === undefined || c.from < earlier) first.set(cell, c.from);
    }
  }
  for (const cell of undated) first.delete(cell);
  return first;
}

/**
 * The years of the `effective` period; without an end, up to the last year the table names (a
 * period without a start date has none to enumerate from: the year is then not checked).
 */
function yearsOf(
  period: { readonly from: string; readonly to?: string } | undefined,
  table: ParameterTableInfo,
): (number | undefined)[] {
  if (period === undefined) return [undefined];
  const start = Number(period.from.slice(0, 4));
  const named = table.cells.map((c) => Number(c.key[YEAR])).filter(Number.isInteger);
  const end = period.to !== undefined ? Number(period.to.slice(0, 4)) : Math.max(start, ...named);
  const years: number[] = [];
  for (let y = start; y <= end && years.length < MAX_YEARS; y++) years.push(y);
  return years;
}

/** The later of two ISO dates. */
function laterDay(a: string, b: string): string {
  return a > b ? a : b;
}
