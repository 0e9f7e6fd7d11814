/** The tables of the years: one row per year, then the latest year in detail (units, levels, standards, criteria). */
import type { UnitFigures, YearFigures } from '../model.js';
import { type Build, share, type Table } from './table.js';

/** One row per year, with the change in recognised areas from the year before. */
export function summaryTable({ report, m, yearName }: Build): Table {
  return {
    id: 'summary',
    title: m.section_summary,
    columns: [
      { header: m.col_year, kind: 'text' },
      { header: m.col_assessed, kind: 'integer' },
      { header: m.col_registered, kind: 'integer' },
      { header: m.col_recognised, kind: 'integer' },
      { header: m.col_not_recognised, kind: 'integer' },
      { header: m.col_undetermined, kind: 'integer' },
      { header: m.col_recognised_share, kind: 'percent' },
      { header: m.col_change_recognised, kind: 'delta' },
    ],
    rows: report.years.map((y, i) => {
      const previous = i > 0 && y.year !== null ? report.years[i - 1] : undefined;
      const c = y.totals;
      return [
        yearName(y.year),
        c.assessed,
        c.registered,
        c.recognised,
        c.not_recognised,
        c.undetermined,
        share(c.recognised, c.assessed),
        previous && previous.year !== null ? c.recognised - previous.totals.recognised : null,
      ];
    }),
    notes: [m.table_caption_hint],
  };
}

/** The latest year in detail: per unit, per standard, per criterion, the most failed. */
export function detailTables(b: Build, detail: YearFigures): Table[] {
  // A scheme with levels or derived quantities gets its tables beside the others; one without
  // keeps exactly the tables it had.
  const levels = detail.levels !== undefined ? [levelsTable(b, detail), unitsByLevelTable(b, detail)] : [];
  const derived = detail.derived !== undefined ? [derivedTable(b, detail)] : [];
  return [
    unitsTable(b, detail),
    ...levels,
    standardsTable(b, detail),
    criteriaTable(b, detail),
    ...derived,
    mostFailedTable(b, detail),
  ];
}

/** A level's label in the report's language. */
function levelName({ report, t }: Build, id: string): string {
  const level = report.levels?.find((l) => l.id === id);
  return level !== undefined ? t(level.label) : id;
}

/** Counts per level: reached (highest), at that level or higher, still possible; then those with none. */
function levelsTable(b: Build, detail: YearFigures): Table {
  const { m, say, yearName } = b;
  const levels = detail.levels ?? [];
  const none = detail.totals.assessed - levels.reduce((sum, l) => sum + l.reached, 0);
  return {
    id: 'levels',
    title: say('section_levels', { year: yearName(detail.year) }),
    columns: [
      { header: m.col_level, kind: 'text' },
      { header: m.col_level_reached, kind: 'integer' },
      { header: m.col_level_at_least, kind: 'integer' },
      { header: m.col_level_possible, kind: 'integer' },
    ],
    rows: [
      ...levels.map((l) => [levelName(b, l.id), l.reached, l.at_least, l.possible]),
      [m.level_none, none, null, null],
    ],
    notes: [m.levels_note],
  };
}

/** Progress by level: per unit, the areas at each level (highest reached) and those at none. */
function unitsByLevelTable(b: Build, detail: YearFigures): Table {
  const { m, say, yearName, unitName } = b;
  const ids = (detail.levels ?? []).map((l) => l.id);
  const cells = (u: UnitFigures) => {
    const at = ids.map((_, i) => u.levels?.[i] ?? 0);
    return [u.assessed, u.assessed - at.reduce((sum, n) => sum + n, 0), ...at];
  };
  return {
    id: 'units_by_level',
    title: say('section_units_by_level', { year: yearName(detail.year) }),
    columns: [
      { header: m.col_unit, kind: 'text' },
      { header: m.col_assessed, kind: 'integer' },
      { header: m.col_no_level, kind: 'integer' },
      ...ids.map((id) => ({ header: levelName(b, id), kind: 'integer' as const })),
    ],
    rows: [...detail.units.map((u) => [unitName(u.unit), ...cells(u)]), [m.city_total, ...cells(detail.totals)]],
    notes: [m.units_by_level_note],
  };
}

/** Each derived quantity: for how many areas it is known, its lowest and highest shown value. */
function derivedTable({ report, m, t, say, yearName }: Build, detail: YearFigures): Table {
  const info = new Map((report.derived ?? []).map((d) => [d.id, d]));
  return {
    id: 'derived',
    title: say('section_derived', { year: yearName(detail.year) }),
    columns: [
      { header: m.col_derived, kind: 'text' },
      { header: m.col_known, kind: 'integer' },
      { header: m.col_lowest, kind: 'text' },
      { header: m.col_highest, kind: 'text' },
    ],
    rows: (detail.derived ?? []).map((d) => {
      const about = info.get(d.id);
      const name = about !== undefined ? t(about.label) : d.id;
      const unit = about?.unit !== undefined ? ` (${t(about.unit)})` : '';
      return [`${name}${unit}`, d.known, d.lowest ?? '', d.highest ?? ''];
    }),
    notes: [m.derived_note],
  };
}

function unitsTable({ m, say, yearName, unitName }: Build, detail: YearFigures): Table {
  const counts = (u: UnitFigures) => [
    u.assessed,
    u.registered,
    u.recognised,
    u.not_recognised,
    u.undetermined,
    share(u.recognised, u.assessed),
  ];
  return {
    id: 'units',
    title: say('section_units', { year: yearName(detail.year) }),
    columns: [
      { header: m.col_unit, kind: 'text' },
      { header: m.col_assessed, kind: 'integer' },
      { header: m.col_registered, kind: 'integer' },
      { header: m.col_recognised, kind: 'integer' },
      { header: m.col_not_recognised, kind: 'integer' },
      { header: m.col_undetermined, kind: 'integer' },
      { header: m.col_recognised_share, kind: 'percent' },
    ],
    rows: [...detail.units.map((u) => [unitName(u.unit), ...counts(u)]), [m.city_total, ...counts(detail.totals)]],
    notes: [],
  };
}

function standardsTable({ report, m, t, say, yearName }: Build, detail: YearFigures): Table {
  const standardTitle = new Map(report.standards.map((s) => [s.id, t(s.title)]));
  return {
    id: 'standards',
    title: say('section_standards', { year: yearName(detail.year) }),
    columns: [
      { header: m.col_standard, kind: 'text' },
      { header: m.col_met, kind: 'integer' },
      { header: m.col_not_met, kind: 'integer' },
      { header: m.col_unknown, kind: 'integer' },
    ],
    rows: detail.standards.map((s) => [standardTitle.get(s.id) ?? s.id, s.met, s.not_met, s.unknown]),
    notes: [],
  };
}

function criteriaTable({ m, say, yearName, criterionText }: Build, detail: YearFigures): Table {
  return {
    id: 'criteria',
    title: say('section_criteria', { year: yearName(detail.year) }),
    columns: [
      { header: m.col_criterion, kind: 'text' },
      { header: m.col_text, kind: 'text' },
      { header: m.col_pass, kind: 'integer' },
      { header: m.col_fail, kind: 'integer' },
      { header: m.col_criterion_unknown, kind: 'integer' },
      { header: m.col_excluded, kind: 'integer' },
      { header: m.col_rate, kind: 'percent' },
    ],
    rows: detail.criteria.map((c) => [
      c.id,
      criterionText.get(c.id) ?? '',
      c.pass,
      c.fail,
      c.unknown,
      c.excluded,
      c.percent,
    ]),
    notes: [m.rate_note],
  };
}

function mostFailedTable({ m, say, yearName, criterionText }: Build, detail: YearFigures): Table {
  const byId = new Map(detail.criteria.map((c) => [c.id, c]));
  return {
    id: 'most_failed',
    title: say('section_most_failed', { year: yearName(detail.year) }),
    columns: [
      { header: m.col_rank, kind: 'integer' },
      { header: m.col_criterion, kind: 'text' },
      { header: m.col_text, kind: 'text' },
      { header: m.col_fail, kind: 'integer' },
      { header: m.col_rate, kind: 'percent' },
    ],
    rows: detail.most_failed.map((id, i) => [
      i + 1,
      id,
      criterionText.get(id) ?? '',
      byId.get(id)?.fail ?? 0,
      byId.get(id)?.percent ?? null,
    ]),
    notes: detail.most_failed.length === 0 ? [m.no_failures] : [],
  };
}
