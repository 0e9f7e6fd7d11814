/**
 * A parameter table (compile/parameter-table.ts) as generated code: one function per table,
 * `function (k0, …, d)`, that gives the value of the unit's cell in force on the assessment's
 * date, exactly as the table's closure (`lookup`) does: unknown while a key or (for a dated table)
 * the date is unknown, unknown for a combination with no row or a date before every row of its
 * cell, else the value of the latest row that started on or before the date. The cells are
 * written in as nested `switch`es over the keys in `by` order, each cell's rows latest first. An
 * assessment that gives its year alone (`d` is "2024") reads a cell's rows through the closure's
 * `yearDay`, so the value is known only when the whole year has it.
 *
 * The function is defined once where the generated code sets up (the caller's `define`), and each
 * comparison that reads the table calls it with its key locals (condition-code.ts). Nothing from
 * the rule file becomes an identifier: the parameters are `k` and an index, `d` and `y`; key
 * values, dates and numbers pass through literals.ts.
 */
import { type ParameterTableInfo, YEAR } from '../compile/parameter-table.js';
import { indexLiteral, numberLiteral, stringLiteral } from './literals.js';

/**
 * What a cell's value becomes in a function other than the plain lookup: a comparison written per
 * cell (condition-code.ts writes `percent(…) op table` with each cell's value as its constant).
 * `id` names the variant (two reads with the same id share one function); `params` are the extra
 * arguments, after the keys and the date; `leaf` is the code returned for a cell's value, or
 * undefined when a value cannot be written (the comparison then keeps its closure).
 */
export interface CellCode {
  readonly id: string;
  readonly params: readonly string[];
  leaf(value: number): string | undefined;
}

/** What condition-code.ts needs to read a table: its info, its function, and the date. */
export interface TableScope {
  /** The table named `name`, or undefined when no table has that name. */
  table(name: string): ParameterTableInfo | undefined;
  /**
   * The name of the table's lookup function (defined by the first call): the cell's value, or
   * with `cell`, what `cell.leaf` writes for it; undefined when a leaf cannot be written.
   */
  lookup(table: ParameterTableInfo, cell?: CellCode): string | undefined;
  /** The assessment's date as code (a `YYYY-MM-DD` string or undefined), for a dated table. */
  readonly date: string;
}

/**
 * A TableScope over the plan's tables: each lookup function is defined once, through `define`
 * (a statement for the generated code's set-up), as `L<index of the table>` (`L<index>_<n>` for a
 * per-cell comparison); `dated` is told when a dated table is read, so the caller knows it must
 * compute `date`.
 */
export function tableScope(
  tables: readonly ParameterTableInfo[],
  date: string,
  define: (statement: string) => void,
  dated: () => void = () => undefined,
): TableScope {
  const byName = new Map(tables.map((t) => [t.id, t]));
  const defined = new Map<string, string | undefined>();
  return {
    table: (name) => byName.get(name),
    lookup(info, cell) {
      const index = tables.indexOf(info);
      const key = cell === undefined ? `${index}` : `${index}\u0000${cell.id}`;
      if (!defined.has(key)) {
        const name = cell === undefined ? `L${indexLiteral(index)}` : `L${indexLiteral(index)}_${defined.size}`;
        const code = tableFunctionCode(info, cell);
        defined.set(key, code === undefined ? undefined : name);
        if (code !== undefined) define(`const ${name} = ${code};`);
      }
      const name = defined.get(key);
      if (name !== undefined && info.dated) dated();
      return name;
    },
    date,
  };
}

/** The key attributes a table's function takes as arguments, in `by` order (`year` comes from the date). */
export function tableKeys(table: ParameterTableInfo): readonly string[] {
  return table.by.filter((k) => k !== YEAR);
}

type Cell = ParameterTableInfo['cells'][number];

/** `function (k0, …, d, …cell.params) { … }` for one table; undefined when a cell's leaf cannot be written. */
function tableFunctionCode(table: ParameterTableInfo, cell?: CellCode): string | undefined {
  const keys = tableKeys(table);
  const params = [...keys.map((_, i) => `k${i}`), ...(table.dated ? ['d'] : []), ...(cell?.params ?? [])];
  // The local each key of `by` is read from: an attribute's argument, or the year of the date.
  let next = 0;
  const locals = table.by.map((k) => (k === YEAR ? 'y' : `k${next++}`));
  const leaf = cell === undefined ? (value: number) => numberLiteral(value) : (value: number) => cell.leaf(value);
  const body: string[] = [];
  // As the closure: no date, no value of a dated table (the date slot holds a string or undefined).
  if (table.dated) body.push('if (typeof d !== "string") return undefined;');
  if (table.by.includes(YEAR)) body.push('const y = Number(d.slice(0, 4));');
  const cells = cellsCode(table, table.cells, locals, 0, leaf);
  if (cells === undefined) return undefined;
  body.push(...cells);
  return `function (${params.join(', ')}) { ${body.join(' ')} }`;
}

type Leaf = (value: number) => string | undefined;

/** The cells that agree on the keys before `depth`: a switch on the next key, or the rows of one cell. */
function cellsCode(
  table: ParameterTableInfo,
  cells: readonly Cell[],
  locals: readonly string[],
  depth: number,
  leaf: Leaf,
): string[] | undefined {
  const key = table.by[depth];
  const local = locals[depth];
  if (key === undefined || local === undefined) return rowsCode(cells, leaf);
  const groups = new Map<string | number | boolean, Cell[]>();
  for (const cell of cells) {
    const value = cell.key[key];
    // A checked table names a value of each key in every row (parameter-table.ts rowProblem).
    if (value === undefined) continue;
    const list = groups.get(value) ?? [];
    list.push(cell);
    groups.set(value, list);
  }
  const cases: string[] = [];
  for (const [value, list] of groups) {
    const inner = cellsCode(table, list, locals, depth + 1, leaf);
    if (inner === undefined) return undefined;
    cases.push(`case ${keyLiteral(value)}: { ${inner.join(' ')} }`);
  }
  return [`switch (${local}) { ${cases.join(' ')} }`, 'return undefined;'];
}

/** One cell's rows, latest first: the first that started on or before the date (a row without `from:` always has). */
function rowsCode(cells: readonly Cell[], leaf: Leaf): string[] | undefined {
  const rows = cells.map((c) => ({ from: c.from ?? '', value: c.value }));
  // The closure's order (parameter-table.ts): latest `from` first, a row without one last.
  rows.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  const out: string[] = [];
  // A year alone ("2024"): the day of it on which the value is every day's, or unknown, found by
  // the closure's own function (compile/parameter-table.ts yearDay); a date stays itself.
  const dated = rows.some((row) => row.from !== '');
  if (dated) {
    const froms = rows.map((row) => stringLiteral(row.from)).join(', ');
    const values = rows.map((row) => numberLiteral(row.value)).join(', ');
    out.push(
      `const e = d.length === 4 ? rt.yearDay(d, [${froms}], [${values}]) : d;`,
      'if (e === undefined) return undefined;',
    );
  }
  for (const row of rows) {
    const value = leaf(row.value);
    if (value === undefined) return undefined;
    if (row.from === '') {
      out.push(`return ${value};`);
      return out;
    }
    out.push(`if (e >= ${stringLiteral(row.from)}) return ${value};`);
  }
  out.push('return undefined;');
  return out;
}

/** A key value as the slot holds it: an enum value's id, a boolean, or a year. */
function keyLiteral(value: string | number | boolean): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return numberLiteral(value);
}
