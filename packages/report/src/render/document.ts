/**
 * The report laid out once, in one language, as headings, notes and tables: every renderer
 * (Markdown, HTML, CSV, XLSX) writes this same document, so the formats cannot disagree. The
 * detailed tables are for the latest year; earlier years appear in the summary and the
 * year-on-year tables.
 */
import { interpolate, type LocalizedText, withWords } from '@lcz/criteria-engine';
import { type Letterhead, letterhead } from '@lcz/criteria-engine/tools';
import { reportEn, type ReportMessageKey, type ReportMessages } from '../messages/report-en.js';
import { reportVi } from '../messages/report-vi.js';
import type { CityReport, UnitFigures, YearFigures } from '../model.js';
import type { TargetProgress } from '../targets/progress.js';
import type { FactMeasure } from '../targets/targets-document.js';

export type Lang = 'vi' | 'en';

export const reportMessages: Readonly<Record<Lang, ReportMessages>> = { vi: reportVi, en: reportEn };

/** The report's words in one language, with the scheme's words for what it assesses and what groups it. */
export function reportWords(report: Pick<CityReport, 'ruleset'>, lang: Lang): ReportMessages {
  return withWords(reportMessages[lang], report.ruleset.words, lang);
}

/** How a cell is shown: text; a count; a percentage (an integer, rounded down); a signed change. */
export type ColumnKind = 'text' | 'integer' | 'percent' | 'delta';

export interface Column {
  readonly header: string;
  readonly kind: ColumnKind;
}

export type CellValue = string | number | null;

export interface Table {
  /** Stable id (also the XLSX sheet's key). */
  readonly id:
    | 'summary'
    | 'units'
    | 'standards'
    | 'criteria'
    | 'most_failed'
    | 'targets'
    | 'yoy_units'
    | 'yoy_criteria'
    | 'targets_by_year'
    | 'levels'
    | 'units_by_level'
    | 'derived';
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly CellValue[])[];
  readonly notes: readonly string[];
}

export interface ReportDocument {
  readonly lang: Lang;
  /** The words it was laid out with (the scheme's words put in), for renderers' own labels. */
  readonly messages: ReportMessages;
  readonly title: string;
  /** Lines under the title: ruleset, years, targets file. */
  readonly facts: readonly string[];
  /** What the reader must know to read the figures right (registration, duplicates, rates). */
  readonly notes: readonly string[];
  readonly tables: readonly Table[];
  /** The year the detailed tables are for (null: the inputs gave no year). */
  readonly detailYear: number | null | undefined;
  /** Issuing body, national name and motto, place, signers (Nghị định 30/2020/NĐ-CP), from the targets or rule file. */
  readonly letterhead: Letterhead | null;
}

export interface RenderOptions {
  readonly lang?: Lang;
}

const OP: Readonly<Record<string, string>> = { at_least: '≥', at_most: '≤', equals: '=', is: '=' };

/** What every table builder needs: the language, its words and the report's names. */
interface Build {
  readonly report: CityReport;
  readonly lang: Lang;
  readonly m: ReportMessages;
  /** A text of the rule file on one line. */
  readonly t: (text: LocalizedText) => string;
  readonly say: (key: ReportMessageKey, params?: Readonly<Record<string, string | number>>) => string;
  readonly yearName: (y: number | null) => string;
  readonly unitName: (u: string) => string;
  /** A criterion's text with the source's line breaks kept ("- Đối với …" bullets stay apart). */
  readonly criterionText: ReadonlyMap<string, string>;
}

export function reportDocument(report: CityReport, options: RenderOptions = {}): ReportDocument {
  const lang = options.lang ?? 'vi';
  const m = reportWords(report, lang);
  const b: Build = {
    report,
    lang,
    m,
    t: (text) => text[lang].replace(/\s+/g, ' ').trim(),
    say: (key, params = {}) => fill(m[key], params),
    yearName: (y) => (y === null ? m.year_unknown : String(y)),
    unitName: (u) => (u === '' ? m.unit_unknown : u),
    criterionText: new Map(report.criteria.map((c) => [c.id, keepLines(c.text[lang])])),
  };
  const numbered = report.years.filter((y) => y.year !== null);
  const detail: YearFigures | undefined = numbered[numbered.length - 1] ?? report.years[report.years.length - 1];
  const tables: Table[] = [summaryTable(b)];
  if (detail) tables.push(...detailTables(b, detail));
  if (report.targets) tables.push(targetsTable(b, report.targets));
  if (report.targets && report.targets.by_year.length > 1) tables.push(targetsByYearTable(b, report.targets));
  if (numbered.length > 1) tables.push(...yearOnYearTables(b, numbered));
  return {
    lang,
    messages: m,
    title: b.say('title', { title: b.t(report.ruleset.title) }),
    facts: factsOf(b),
    notes: notesOf(b, detail),
    tables,
    detailYear: detail?.year,
    letterhead: letterhead(report.letterhead, lang),
  };
}

/** Lines under the title: ruleset, years, targets file. */
function factsOf({ report, m, t, say, yearName }: Build): string[] {
  const facts = [say('ruleset', { id: report.ruleset.id, version: report.ruleset.version })];
  facts.push(say('years', { years: report.years.map((y) => yearName(y.year)).join(', ') || m.none }));
  if (report.source) {
    const { record, as_of: asOf } = report.source;
    facts.push(
      asOf === undefined ? say('source_record', { record }) : say('source_record_as_of', { record, year: asOf }),
    );
  }
  if (report.targets) {
    facts.push(say('targets_file', { title: t(report.targets.info.title), file: report.targets.info.file }));
    if (report.targets.info.source) facts.push(say('targets_source', { source: t(report.targets.info.source) }));
  }
  return facts;
}

/** What the reader must know to read the figures right. */
function notesOf({ report, m, say, yearName }: Build, detail: YearFigures | undefined): string[] {
  const notes: string[] = [];
  if (report.source) notes.push(m.registration_record);
  else if (report.registration.stated === 0) notes.push(m.registration_assumed);
  else {
    notes.push(m.registration_stated);
    if (report.registration.unstated > 0)
      notes.push(say('registration_partial', { count: report.registration.unstated }));
  }
  if (report.left_out > 0) notes.push(say('left_out', { count: report.left_out }));
  if (report.duplicates > 0) notes.push(say('duplicates', { count: report.duplicates }));
  if (report.years.length > 1 && detail) notes.push(say('detail_year', { year: yearName(detail.year) }));
  return notes;
}

/** One row per year, with the change in recognised areas from the year before. */
function summaryTable({ report, m, yearName }: Build): Table {
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
function detailTables(b: Build, detail: YearFigures): Table[] {
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
    notes: [m.levels_note],
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

function targetsTable({ m, t }: Build, targets: NonNullable<CityReport['targets']>): Table {
  const labels = new Map(targets.facts.map((f) => [f.id, t(f.label)]));
  return {
    id: 'targets',
    title: m.section_targets,
    columns: [
      { header: m.col_target, kind: 'text' },
      { header: m.col_period, kind: 'text' },
      { header: m.col_measure, kind: 'text' },
      { header: m.col_goal, kind: 'text' },
      { header: m.col_achieved, kind: 'integer' },
      { header: m.col_required, kind: 'integer' },
      { header: m.col_remaining, kind: 'integer' },
      { header: m.col_status, kind: 'text' },
    ],
    rows: targets.progress.map((p, i) => [
      `${i + 1}. ${t(p.text)}`,
      `${p.period.from}–${p.period.to}`,
      measureText(p, m, labels),
      goalText(p, m),
      p.value,
      p.required,
      p.remaining,
      statusText(p, m),
    ]),
    notes: targets.progress.flatMap((p, i) => targetNotes(p, `${m.col_target} ${i + 1}:`, m, t)),
  };
}

/** Each target at the end of each year: achieved of required, and whether it is met by then. */
function targetsByYearTable({ m, t }: Build, targets: NonNullable<CityReport['targets']>): Table {
  return {
    id: 'targets_by_year',
    title: m.section_targets_by_year,
    columns: [
      { header: m.col_target, kind: 'text' },
      ...targets.by_year.map((y) => ({ header: String(y.year), kind: 'text' as const })),
    ],
    rows: targets.progress.map((p, i) => [
      `${i + 1}. ${t(p.text)}`,
      ...targets.by_year.map((y) => {
        const then = y.progress[i];
        if (then === undefined || then.status === 'no_data') return m.none;
        return `${then.value}/${then.required}${then.status === 'met' ? ' ✓' : ''}`;
      }),
    ]),
    notes: [m.targets_by_year_note],
  };
}

/** Recognised areas per unit and pass rates per criterion, the last two years compared. */
function yearOnYearTables(b: Build, numbered: readonly YearFigures[]): Table[] {
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

/** Spaces collapsed within each line, line breaks kept: a rule file keeps the source's bullets on their own lines. */
function keepLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** recognised × 100 / assessed, rounded down; null when nothing was assessed. */
function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((part * 100) / whole);
}

export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return interpolate(template, params);
}

function measureText(p: TargetProgress, m: ReportMessages, labels: ReadonlyMap<string, string>): string {
  if (p.measure === 'recognised') return m.measure_recognised;
  if (p.measure === 'newly_recognised') return m.measure_newly_recognised;
  const f: FactMeasure = p.measure;
  const key =
    f.at_least !== undefined ? 'at_least' : f.at_most !== undefined ? 'at_most' : f.is !== undefined ? 'is' : 'equals';
  const value = f.at_least ?? f.at_most ?? f.is ?? f.equals;
  return fill(f.among === 'not_recognised' ? m.measure_fact_among : m.measure_fact, {
    fact: labels.get(f.fact) ?? f.fact,
    op: OP[key] ?? key,
    value: String(value),
  });
}

function goalText(p: TargetProgress, m: ReportMessages): string {
  const g = p.goal;
  if ('at_least' in g) return fill(m.goal_at_least, { n: g.at_least });
  if ('more_than' in g) return fill(m.goal_more_than, { n: g.more_than });
  if ('at_least_percent' in g)
    return fill(m.goal_at_least_percent, { p: g.at_least_percent, base: p.base, required: p.required });
  return fill(m.goal_more_than_percent, { p: g.more_than_percent, base: p.base, required: p.required });
}

function statusText(p: TargetProgress, m: ReportMessages): string {
  return p.status === 'met' ? m.status_met : p.status === 'not_met' ? m.status_not_met : m.status_no_data;
}

function targetNotes(p: TargetProgress, head: string, m: ReportMessages, t: (text: LocalizedText) => string): string[] {
  const out: string[] = [];
  if (p.status === 'no_data') out.push(`${head} ${fill(m.target_no_data, { from: p.period.from, to: p.period.to })}`);
  else out.push(`${head} ${fill(m.target_years, { years: p.years.join(', ') })}`);
  if (p.without_data !== undefined && p.without_data > 0)
    out.push(`${head} ${fill(m.target_without_data, { count: p.without_data })}`);
  if (p.note) out.push(`${head} ${t(p.note)}`);
  return out;
}
