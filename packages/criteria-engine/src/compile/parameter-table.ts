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
import { INTEGER, NUMBER, type Closure, type Value } from './types.js';

/** A context attribute a table may be keyed by. */
export interface KeyAttribute {
  readonly id: string;
  readonly slot: number;
  /** Enum value ids, or [true, false] for a boolean attribute. */
  readonly values: readonly (string | boolean)[];
}

/** What tools read about a table (CompiledRuleset.parameterTables): docs print it, check walks it. */
export interface ParameterTableInfo {
  readonly id: string;
  readonly label?: ParameterDeclaration['label'];
  readonly unit?: ParameterDeclaration['unit'];
  readonly by: readonly string[];
  /** One per row, in the order written: the key values and the value. */
  readonly cells: readonly { readonly key: Readonly<Record<string, string | boolean>>; readonly value: number }[];
}

/** The key of a cell, as tools print it: `region=north, mountainous=true`. */
export function cellKey(by: readonly string[], row: Readonly<Record<string, unknown>>): string {
  return by.map((k) => `${k}=${String(row[k])}`).join(', ');
}

export function compileParameterTable(
  id: string,
  decl: ParameterDeclaration,
  attributes: ReadonlyMap<string, KeyAttribute>,
  rangeOf: (path: YamlPath) => Range | undefined,
  ctx: CheckContext,
): { typed: Typed; info: ParameterTableInfo } {
  const base: YamlPath = ['parameters', id];
  const by = decl.by ?? [];
  const keys: KeyAttribute[] = [];
  by.forEach((name, i) => {
    const attribute = attributes.get(name);
    if (attribute) keys.push(attribute);
    else
      ctx.report('parameter_key_unknown', rangeOf([...base, 'by', i]) ?? [0, 0], {
        parameter: id,
        name,
        allowed: [...attributes.keys()].join(', '),
      });
  });
  const cells = new Map<string, number>();
  const first = new Map<string, number>();
  const infoCells: ParameterTableInfo['cells'][number][] = [];
  (decl.values ?? []).forEach((row, r) => {
    const at = (key?: string) =>
      rangeOf(key === undefined ? [...base, 'values', r] : [...base, 'values', r, key]) ?? [0, 0];
    const problem = rowProblem(row, by, attributes);
    if (problem) {
      ctx.report(problem.code, at(problem.key), { parameter: id, row: r + 1, ...problem.params });
      return;
    }
    const key = keyOf(keys.map((k) => row[k.id] as string | boolean));
    const earlier = first.get(key);
    if (earlier !== undefined) {
      ctx.report('duplicate_id', at(), {
        kind: 'cell',
        id: `${id}[${cellKey(by, row)}]`,
        first_line: 0,
      });
      return;
    }
    first.set(key, r);
    cells.set(key, row.value);
    const shown: Record<string, string | boolean> = {};
    for (const k of by) shown[k] = row[k] as string | boolean;
    infoCells.push({ key: shown, value: row.value });
  });
  const integer = infoCells.every((c) => Number.isInteger(c.value));
  const reads = keys.map((k) => k.id);
  const expr: Expr = { kind: 'name', name: id, range: rangeOf(base) ?? [0, 0] };
  return {
    typed: { type: integer ? INTEGER : NUMBER, expr, reads, fn: lookup(keys, cells) },
    info: {
      id,
      ...(decl.label !== undefined ? { label: decl.label } : {}),
      ...(decl.unit !== undefined ? { unit: decl.unit } : {}),
      by,
      cells: infoCells,
    },
  };
}

function keyOf(values: readonly (string | boolean | undefined)[]): string {
  return values.map((v) => `${typeof v}:${String(v)}`).join('\u0000');
}

/** The value of the unit's cell: unknown while a key is unknown, or when the table has no such cell. */
function lookup(keys: readonly KeyAttribute[], cells: ReadonlyMap<string, number>): Closure {
  if (keys.length === 1) {
    const slot = (keys[0] as KeyAttribute).slot;
    return (s) => {
      const v = s[slot];
      return v === undefined ? undefined : (cells.get(keyOf([v as string | boolean])) as Value);
    };
  }
  return (s) => {
    const values: (string | boolean)[] = [];
    for (const k of keys) {
      const v = s[k.slot];
      if (v === undefined) return undefined;
      values.push(v as string | boolean);
    }
    return cells.get(keyOf(values));
  };
}

type RowProblem =
  | { code: 'parameter_row_keys'; key?: string; params: { keys: string; name: string } }
  | { code: 'parameter_key_value'; key: string; params: { name: string; value: string; allowed: string } };

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
  for (const name of Object.keys(row)) {
    if (name !== 'value' && !by.includes(name))
      return { code: 'parameter_row_keys', key: name, params: { keys: by.join(', '), name } };
  }
  for (const name of by) {
    if (!(name in row)) return { code: 'parameter_row_keys', params: { keys: by.join(', '), name } };
    const attribute = attributes.get(name);
    const v = row[name];
    if (attribute && !attribute.values.includes(v as string | boolean))
      return {
        code: 'parameter_key_value',
        key: name,
        params: { name, value: String(v), allowed: attribute.values.map(String).join(', ') },
      };
  }
  return undefined;
}
