/**
 * The numbers a gap analysis shows beside a criterion: a derived quantity's value now and after
 * the changes proposed ("income per person 57.2 → 58"), and a parameter's value for the assessed
 * unit (a table's cell chosen by its context and date: "needs ≥ 58", not the parameter's name). For
 * people only: decisions are the engine's, exact.
 */
import { shownBeside } from './derived-shown.js';
import type { CompiledRuleset, Threshold } from '../compile/compiled-ruleset.js';
import type { Assessment } from '../evaluate/assessment.js';
import { assessmentDate, yearDay } from '../compile/slots.js';
import type { GapDerived } from './gap-report.js';
import { declaredParameter } from './declared-parameters.js';
import { thresholdShape } from '../compile/functions/index.js';

type ValuesRuleset = Partial<
  Pick<CompiledRuleset, 'derived' | 'derivedValues' | 'derivedExact' | 'parameterTables' | 'document' | 'parameters'>
>;

/**
 * A parameter's value for one assessment: a constant, or the row of its table whose keys match
 * the context (and `year` the year of the date) with the latest `from` on or before the date.
 * Undefined when no row is in force (the engine then says unknown, never a default).
 */
export function parameterValue(ruleset: ValuesRuleset, id: string, assessment: Assessment): number | undefined {
  const declared = declaredParameter(ruleset, id);
  if (declared?.value !== undefined) return declared.value;
  const table = ruleset.parameterTables?.find((t) => t.id === id);
  if (table === undefined) return undefined;
  // The date, or the year given alone ("2024"): then a row counts only if the whole year has it.
  const date = assessmentDate(assessment);
  const year = date === undefined ? undefined : Number(date.slice(0, 4));
  const rows = table.cells
    .filter((cell) =>
      table.by.every((k) => (k === 'year' ? cell.key[k] === year : cell.key[k] === assessment.context?.[k])),
    )
    .map((cell) => ({ from: cell.from ?? '', value: cell.value }))
    .sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  const day =
    date === undefined
      ? undefined
      : yearDay(
          date,
          rows.map((r) => r.from),
          rows.map((r) => r.value),
        );
  // A year whose days have different values (or some none): unknown, as the engine says.
  if (date !== undefined && day === undefined) return undefined;
  return rows.find((r) => r.from === '' || (day !== undefined && r.from <= day))?.value;
}

/**
 * The derived quantities a criterion reads, each with its value now, after `changed` (when given)
 * and the threshold it is compared with (a number, or a parameter's value for this unit).
 */
export function derivedOf(
  ruleset: ValuesRuleset,
  reads: readonly string[],
  thresholds: readonly Threshold[],
  before: Assessment,
  after: Assessment | undefined,
  expression?: string,
): GapDerived[] {
  const derived = ruleset.derived ?? [];
  if (derived.length === 0 || ruleset.derivedValues === undefined) return [];
  const read = new Set(reads);
  // A quantity the condition names. Sharing a fact is not reading it: a share of the population
  // does not read the income per person. Without a printed condition (points alone), the facts tell.
  const named = (id: string) =>
    expression === undefined ? undefined : expression.split(/[^A-Za-z0-9_]+/).includes(id);
  const used = derived.filter(
    (d) =>
      thresholds.some((t) => t.kind === 'compare' && t.fact === d.id) ||
      (named(d.id) ?? d.reads.some((f) => read.has(f))),
  );
  if (used.length === 0) return [];
  const now = ruleset.derivedValues(before);
  const then = after === undefined ? undefined : ruleset.derivedValues(after);
  const exactNow = ruleset.derivedExact?.(before);
  const exactThen = after === undefined ? undefined : ruleset.derivedExact?.(after);
  return used.map((d) => {
    const t = thresholds.find((x) => x.kind === 'compare' && x.fact === d.id);
    const threshold =
      t === undefined || t.kind !== 'compare'
        ? undefined
        : typeof t.value === 'number'
          ? t.value
          : typeof t.value === 'string'
            ? parameterValue(ruleset, t.value, before)
            : undefined;
    const nowText = now.get(d.id);
    const current = nowText === undefined ? undefined : shownBeside(nowText, exactNow?.get(d.id), threshold);
    const thenText = then?.get(d.id);
    const suggested = thenText === undefined ? undefined : shownBeside(thenText, exactThen?.get(d.id), threshold);
    return {
      id: d.id,
      current: current ?? null,
      ...(suggested !== undefined && suggested !== current ? { suggested } : {}),
      ...(t !== undefined && t.kind === 'compare' && threshold !== undefined ? { op: t.op, threshold } : {}),
    };
  });
}

/**
 * The value for this unit of each parameter the thresholds compare with, so the report can say
 * "≤ Poverty ceiling (4%)" and not the parameter's label alone. A parameter with no value in force
 * for the unit (no cell for its context or date) is left out: the report prints the label only,
 * never a guessed number.
 */
export function thresholdParameters(
  ruleset: ValuesRuleset,
  thresholds: readonly Threshold[],
  assessment: Assessment,
): Readonly<Record<string, number>> | undefined {
  let found: Record<string, number> | undefined;
  for (const t of thresholds) {
    const value = t.kind === 'compare' ? t.value : thresholdShape(t)?.value;
    // A string compared with may be a choice's value (`area_type == 'urban'`): only a declared parameter counts.
    if (typeof value !== 'string' || declaredParameter(ruleset, value) === undefined) continue;
    const n = parameterValue(ruleset, value, assessment);
    if (n === undefined) continue;
    found ??= {};
    found[value] = n;
  }
  return found;
}
