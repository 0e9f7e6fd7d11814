/**
 * Parameter tables (`parameters.<id>.by` + `values`): one number per combination of context
 * attribute values ("the minimum income in this region"), written once and used by name wherever
 * a number goes. The value is read from the assessed unit's context: unknown while a key
 * attribute is unknown, and unknown for a combination with no row (`lcz check` reports each valid
 * combination without one: parameter_cell_missing). Every mistake in the table is located at its
 * row or key.
 */
import type { Range } from '../diagnostics/diagnostic.js';
import type { ParameterDeclaration, ParameterRow } from '../validate/ruleset-document.js';
import type { Expr } from './expression/ast.js';
import type { CheckContext } from './functions/index.js';
import type { YamlPath } from './conditions.js';
import type { Typed } from './typed.js';
import { isCalendarDay } from '../validate/calendar-day.js';
import { DATE, INTEGER, NUMBER, type Closure } from './types.js';
import { yearDay } from './slots.js';

/** A context attribute a table may be keyed by. */
export interface KeyAttribute {
  readonly id: string;
  readonly slot: number;
  /** Enum value ids, or [true, false] for a boolean attribute; empty for `year` (any integer). */
  readonly values: readonly (string | boolean)[];
}

/** The year of the assessment's date (`area.date`), or the year it gives alone (`area.year`), held in the date slot: a table may be keyed by it. */
export const YEAR = 'year';

/**
 * The assessment's date as a name in expressions, and the id under which whatever depends on the
 * date lists it as read: a missing `area.date` then shows in `missing` like a missing fact.
 */
export const DATE_NAME = 'date';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What tools read about a table (CompiledRuleset.parameterTables): docs print it, check walks it. */
export interface ParameterTableInfo {
  readonly id: string;
  readonly label?: ParameterDeclaration['label'];
  readonly unit?: ParameterDeclaration['unit'];
  readonly by: readonly string[];
  /** One per row, in the order written: the key values and the value. */
  readonly cells: readonly {
    readonly key: Readonly<Record<string, string | boolean | number>>;
    readonly from?: string;
    readonly value: number;
  }[];
  /** Whether the value depends on the assessment's date (a `year` key or `from:` rows). */
  readonly dated: boolean;
  /** The earliest `from:` of the table, when every row has one: a date before it has no value. */
  readonly earliest?: string;
}

/** The key of a cell, as tools print it: `region=north, mountainous=true`. */
export function cellKey(by: readonly string[], row: Readonly<Record<string, unknown>>): string {
  return by.map((k) => `${k}=${String(row[k])}`).join(', ');
}

export function compileParameterTable(
  id: string,
  decl: ParameterDeclaration,
  attributes: ReadonlyMap<string, KeyAttribute>,
  dateSlot: number,
  rangeOf: (path: YamlPath) => Range | undefined,
  ctx: CheckContext,
  dateReads: readonly string[],
): { typed: Typed; info: ParameterTableInfo } {
  const base: YamlPath = ['parameters', id];
  const by = decl.by ?? [];
  const keys: KeyAttribute[] = [];
  by.forEach((name, i) => {
    const attribute = name === YEAR ? { id: YEAR, slot: dateSlot, values: [] } : attributes.get(name);
    if (attribute) keys.push(attribute);
    else
      ctx.report('parameter_key_unknown', rangeOf([...base, 'by', i]) ?? [0, 0], {
        parameter: id,
        name,
        allowed: [...attributes.keys()].join(', '),
      });
  });
  const cells = new Map<string, { from: string; value: number }[]>();
  const first = new Map<string, number>();
  const infoCells: ParameterTableInfo['cells'][number][] = [];
  (decl.values ?? []).forEach((row, r) => {
    const at = (key?: string) =>
      rangeOf(key === undefined ? [...base, 'values', r] : [...base, 'values', r, key]) ?? [0, 0];
    const problem = rowProblem(row, by, attributes);
    if (problem?.code === 'date_invalid') {
      // Named as a path to the value, as `effective.from` is: the table, its row (from 1), the key.
      ctx.report('date_invalid', at('from'), { key: `parameters.${id}.values[${r + 1}].from`, value: problem.value });
      return;
    }
    if (problem) {
      ctx.report(problem.code, at(problem.key), { parameter: id, row: r + 1, ...problem.params });
      return;
    }
    const from = typeof row['from'] === 'string' ? row['from'] : '';
    const key = keyOf(keys.map((k) => row[k.id]));
    const earlier = first.get(`${key}\u0001${from}`);
    if (earlier !== undefined) {
      ctx.report('duplicate_id', at(), {
        kind: 'cell',
        id: `${id}[${cellKey(by, row)}]`,
        first_line: 0,
      });
      return;
    }
    first.set(`${key}\u0001${from}`, r);
    const list = cells.get(key) ?? [];
    list.push({ from, value: row.value });
    cells.set(key, list);
    const shown: Record<string, string | boolean | number> = {};
    // rowProblem has checked that the row names a value for each key.
    for (const k of by) {
      const v = row[k];
      if (v !== undefined) shown[k] = v;
    }
    infoCells.push({ key: shown, ...(from !== '' ? { from } : {}), value: row.value });
  });
  // Latest first: the value in force is the first row that started on or before the date.
  for (const list of cells.values()) list.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  const dated = by.includes(YEAR) || infoCells.some((c) => c.from !== undefined);
  const froms = infoCells.flatMap((c) => (c.from !== undefined ? [c.from] : []));
  const earliest = froms.length === infoCells.length && froms.length > 0 ? froms.sort()[0] : undefined;
  const integer = infoCells.every((c) => Number.isInteger(c.value));
  const reads = [...keys.filter((k) => k.id !== YEAR).map((k) => k.id), ...(dated ? dateReads : [])];
  const expr: Expr = { kind: 'name', name: id, range: rangeOf(base) ?? [0, 0] };
  return {
    typed: { type: integer ? INTEGER : NUMBER, expr, reads, fn: lookup(keys, cells, dated ? dateSlot : -1) },
    info: {
      id,
      ...(decl.label !== undefined ? { label: decl.label } : {}),
      ...(decl.unit !== undefined ? { unit: decl.unit } : {}),
      by,
      cells: infoCells,
      dated,
      ...(earliest !== undefined ? { earliest } : {}),
    },
  };
}

function keyOf(values: readonly (string | boolean | number | undefined)[]): string {
  return values.map((v) => `${typeof v}:${String(v)}`).join('\u0000');
}

/**
 * The value of the unit's cell in force on the assessment's date: unknown while a key (or the
 * date, for a dated table) is unknown, or when the table has no such cell or no row yet in force
 * (validateAssessment reports a date before every row: input_date_out_of_range).
 */
function lookup(
  keys: readonly KeyAttribute[],
  cells: ReadonlyMap<string, readonly { from: string; value: number }[]>,
  dateSlot: number,
): Closure {
  return (s) => {
    // The date slot holds the assessment's date or undefined (slots.ts, assessmentDate).
    const date = dateSlot >= 0 ? s[dateSlot] : '';
    if (typeof date !== 'string') return undefined;
    const values: (string | boolean | number)[] = [];
    for (const k of keys) {
      const v = k.id === YEAR ? Number(date.slice(0, 4)) : s[k.slot];
      if (v === undefined) return undefined;
      values.push(v);
    }
    const rows = cells.get(keyOf(values));
    if (rows === undefined) return undefined;
    const day =
      date.length === 4
        ? yearDay(
            date,
            rows.map((r) => r.from),
            rows.map((r) => r.value),
          )
        : date;
    if (day === undefined) return undefined;
    for (const row of rows) if (row.from <= day) return row.value;
    return undefined;
  };
}

type RowProblem =
  | { code: 'parameter_row_keys'; key?: string; params: { keys: string; name: string } }
  | { code: 'parameter_key_value'; key: string; params: { name: string; value: string; allowed: string } }
  /** A `from:` of the right form that is no day ("2028-02-30"): said as the effective dates say it. */
  | { code: 'date_invalid'; key: 'from'; value: string };

/**
 * A date written day first, as Vietnamese documents write it ("1/7/2028", "01-07-2028",
 * "1.7.2028"): the ISO form it stands for, to show in the hint (" (2028-07-01)"), or "".
 */
function isoOfDayFirst(value: unknown): string {
  const match = typeof value === 'string' ? /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value.trim()) : null;
  if (match === null) return '';
  const [, d = '', m = '', y = ''] = match;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isCalendarDay(iso) ? ` (${iso})` : '';
}

/** A row must name a value of each key of `by`, and nothing else besides `value`. */
function rowProblem(
  row: ParameterRow,
  by: readonly string[],
  attributes: ReadonlyMap<string, KeyAttribute>,
): RowProblem | undefined {
  if (typeof row.value !== 'number')
    return {
      code: 'parameter_key_value',
      key: 'value',
      params: { name: 'value', value: String(row.value), allowed: '0, 1.5, 45, …' },
    };
  const from = row['from'];
  // A real day of the calendar ("2028-02-30" has the form and is no day), never read as another.
  if (typeof from === 'string' && ISO_DATE.test(from) && !isCalendarDay(from))
    return { code: 'date_invalid', key: 'from', value: from };
  if (from !== undefined && (typeof from !== 'string' || !ISO_DATE.test(from)))
    return {
      code: 'parameter_key_value',
      key: 'from',
      params: { name: 'from', value: String(from), allowed: `YYYY-MM-DD${isoOfDayFirst(from)}` },
    };
  for (const name of Object.keys(row)) {
    if (name !== 'value' && name !== 'from' && !by.includes(name))
      return { code: 'parameter_row_keys', key: name, params: { keys: by.join(', '), name } };
  }
  for (const name of by) {
    if (!(name in row)) return { code: 'parameter_row_keys', params: { keys: by.join(', '), name } };
    const v = row[name];
    if (name === YEAR) {
      if (typeof v !== 'number' || !Number.isInteger(v))
        return { code: 'parameter_key_value', key: name, params: { name, value: String(v), allowed: '2021, 2024, …' } };
      continue;
    }
    const attribute = attributes.get(name);
    if (attribute && !attribute.values.some((allowed) => allowed === v))
      return {
        code: 'parameter_key_value',
        key: name,
        params: { name, value: String(v), allowed: attribute.values.map(String).join(', ') },
      };
  }
  return undefined;
}

/**
 * The name `year` in expressions: the year of the assessment's date, unknown without one.
 * `dateReads` is `[DATE_NAME]`, or empty when the file declares something called `date`.
 */
export function yearOfDate(dateSlot: number, dateReads: readonly string[]): Typed {
  return {
    type: INTEGER,
    expr: { kind: 'name', name: YEAR, range: [0, 0] },
    reads: dateReads,
    fn: (s) => {
      const date = s[dateSlot];
      return typeof date === 'string' ? Number(date.slice(0, 4)) : undefined;
    },
  };
}

/** The name `date` in expressions: the assessment's date (`YYYY-MM-DD`), unknown without one. */
export function dateOfAssessment(dateSlot: number): Typed {
  return {
    type: DATE,
    expr: { kind: 'name', name: DATE_NAME, range: [0, 0] },
    reads: [DATE_NAME],
    fn: (s) => s[dateSlot],
  };
}
