/** The last two years compared: recognised areas per unit and pass rates per criterion. */
import type { YearFigures } from '../model.js';
import { type Build, fill, type Table } from './table.js';

/** Recognised areas per unit and pass rates per criterion, the last two years compared. */
export function yearOnYearTables(b: Build, numbered: readonly YearFigures[]): Table[] {
  const { report, m, yearName, unitName } = b;
  const units = [...new Set(numbered.flatMap((y) => y.units.map((u) => u.unit)))].sort((a, c) =>
    new Intl.Collator('vi').compare(a, c),
  );
  const last = numbered[numbered.length - 1];
  const before = numbered[numbered.length - 2];
  if (last === undefined || before === undefined) return [];
  const recognisedIn = (y: YearFigures, unit: string) => y.units.find((u) => u.unit === unit)?.recognised ?? 0;
  const rateIn = (y: YearFigures, id: string) => y.criteria.find((c) => c.id === id)?.percent ?? null;
  const byUnit: Table = {
    id: 'yoy_units',
    title: m.section_yoy_units,
    columns: [
      { header: m.col_unit, kind: 'text' },
      ...numbered.map((y) => ({ header: yearName(y.year), kind: 'integer' as const })),
      { header: `${m.col_change} ${yearName(before.year)}→${yearName(last.year)}`, kind: 'delta' },
    ],
    rows: [
      ...units.map((u) => [
        unitName(u),
        ...numbered.map((y) => recognisedIn(y, u)),
        recognisedIn(last, u) - recognisedIn(before, u),
      ]),
      [m.city_total, ...numbered.map((y) => y.totals.recognised), last.totals.recognised - before.totals.recognised],
    ],
    notes: [],
  };
  const byCriterion: Table = {
    id: 'yoy_criteria',
    title: m.section_yoy_criteria,
    columns: [
      { header: m.col_criterion, kind: 'text' },
      ...numbered.map((y) => ({ header: fill(m.col_rate_in, { year: yearName(y.year) }), kind: 'percent' as const })),
      { header: m.col_change_points, kind: 'delta' },
    ],
    rows: report.criteria.map((c) => {
      const a = rateIn(before, c.id);
      const z = rateIn(last, c.id);
      return [c.id, ...numbered.map((y) => rateIn(y, c.id)), a === null || z === null ? null : z - a];
    }),
    notes: [m.rate_note],
  };
  return [byUnit, byCriterion];
}
