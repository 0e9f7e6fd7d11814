/**
 * The report laid out once, in one language, as headings, notes and tables: every renderer
 * (Markdown, HTML, CSV, XLSX) writes this same document, so the formats cannot disagree. The
 * detailed tables are for the latest year; earlier years appear in the summary and the
 * year-on-year tables.
 */
import { interpolate, type LocalizedText } from '@lcz/criteria-engine';
import { reportEn, type ReportMessageKey, type ReportMessages } from '../messages/report-en.js';
import { reportVi } from '../messages/report-vi.js';
import type { CityReport, YearFigures } from '../model.js';
import type { TargetProgress } from '../targets/progress.js';
import type { FactMeasure } from '../targets/targets-document.js';

export type Lang = 'vi' | 'en';

export const reportMessages: Readonly<Record<Lang, ReportMessages>> = { vi: reportVi, en: reportEn };

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
    | 'yoy_criteria';
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly CellValue[])[];
  readonly notes: readonly string[];
}

export interface ReportDocument {
  readonly lang: Lang;
  readonly title: string;
  /** Lines under the title: ruleset, years, targets file. */
  readonly facts: readonly string[];
  /** What the reader must know to read the figures right (registration, duplicates, rates). */
  readonly notes: readonly string[];
  readonly tables: readonly Table[];
  /** The year the detailed tables are for (null: the inputs gave no year). */
  readonly detailYear: number | null | undefined;
}

export interface RenderOptions {
  readonly lang?: Lang;
}

const OP: Readonly<Record<string, string>> = { at_least: '≥', at_most: '≤', equals: '=', is: '=' };

export function reportDocument(report: CityReport, options: RenderOptions = {}): ReportDocument {
  const lang = options.lang ?? 'vi';
  const m = reportMessages[lang];
  const t = (text: LocalizedText) => text[lang].replace(/\s+/g, ' ').trim();
  const say = (key: ReportMessageKey, params: Readonly<Record<string, string | number>> = {}) => fill(m[key], params);
  const yearName = (y: number | null) => (y === null ? m.year_unknown : String(y));
  const unitName = (u: string) => (u === '' ? m.unit_unknown : u);

  const numbered = report.years.filter((y) => y.year !== null);
  const detail: YearFigures | undefined = numbered[numbered.length - 1] ?? report.years[report.years.length - 1];
  const detailName = detail ? yearName(detail.year) : '';
  const criterionText = new Map(report.criteria.map((c) => [c.id, t(c.text)]));
  const standardTitle = new Map(report.standards.map((s) => [s.id, t(s.title)]));

  const facts = [say('ruleset', { id: report.ruleset.id, version: report.ruleset.version })];
  facts.push(say('years', { years: report.years.map((y) => yearName(y.year)).join(', ') || m.none }));
  if (report.targets) {
    facts.push(say('targets_file', { title: t(report.targets.info.title), file: report.targets.info.file }));
    if (report.targets.info.source) facts.push(say('targets_source', { source: t(report.targets.info.source) }));
  }

  const notes: string[] = [];
  if (report.registration.stated === 0) notes.push(m.registration_assumed);
  else {
    notes.push(m.registration_stated);
    if (report.registration.unstated > 0)
      notes.push(say('registration_partial', { count: report.registration.unstated }));
  }
  if (report.left_out > 0) notes.push(say('left_out', { count: report.left_out }));
  if (report.duplicates > 0) notes.push(say('duplicates', { count: report.duplicates }));
  if (report.years.length > 1 && detail) notes.push(say('detail_year', { year: detailName }));

  const tables: Table[] = [];
  // Summary: one row per year, with the change in recognised areas from the year before.
  tables.push({
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
  });

  if (detail) {
    tables.push({
      id: 'units',
      title: say('section_units', { year: detailName }),
      columns: [
        { header: m.col_unit, kind: 'text' },
        { header: m.col_assessed, kind: 'integer' },
        { header: m.col_registered, kind: 'integer' },
        { header: m.col_recognised, kind: 'integer' },
        { header: m.col_not_recognised, kind: 'integer' },
        { header: m.col_undetermined, kind: 'integer' },
        { header: m.col_recognised_share, kind: 'percent' },
      ],
      rows: [
        ...detail.units.map((u) => [
          unitName(u.unit),
          u.assessed,
          u.registered,
          u.recognised,
          u.not_recognised,
          u.undetermined,
          share(u.recognised, u.assessed),
        ]),
        [
          m.city_total,
          detail.totals.assessed,
          detail.totals.registered,
          detail.totals.recognised,
          detail.totals.not_recognised,
          detail.totals.undetermined,
          share(detail.totals.recognised, detail.totals.assessed),
        ],
      ],
      notes: [],
    });
    tables.push({
      id: 'standards',
      title: say('section_standards', { year: detailName }),
      columns: [
        { header: m.col_standard, kind: 'text' },
        { header: m.col_met, kind: 'integer' },
        { header: m.col_not_met, kind: 'integer' },
        { header: m.col_unknown, kind: 'integer' },
      ],
      rows: detail.standards.map((s) => [standardTitle.get(s.id) ?? s.id, s.met, s.not_met, s.unknown]),
      notes: [],
    });
    tables.push({
      id: 'criteria',
      title: say('section_criteria', { year: detailName }),
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
    });
    const byId = new Map(detail.criteria.map((c) => [c.id, c]));
    tables.push({
      id: 'most_failed',
      title: say('section_most_failed', { year: detailName }),
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
    });
  }

  if (report.targets) {
    const labels = new Map(report.targets.facts.map((f) => [f.id, t(f.label)]));
    tables.push({
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
      rows: report.targets.progress.map((p, i) => [
        `${i + 1}. ${t(p.text)}`,
        `${p.period.from}–${p.period.to}`,
        measureText(p, m, labels),
        goalText(p, m),
        p.value,
        p.required,
        p.remaining,
        statusText(p, m),
      ]),
      notes: report.targets.progress.flatMap((p, i) => targetNotes(p, `${m.col_target} ${i + 1}:`, m, t)),
    });
  }

  if (numbered.length > 1) {
    const units = [...new Set(numbered.flatMap((y) => y.units.map((u) => u.unit)))].sort((a, b) =>
      new Intl.Collator('vi').compare(a, b),
    );
    const last = numbered[numbered.length - 1] as YearFigures;
    const before = numbered[numbered.length - 2] as YearFigures;
    const recognisedIn = (y: YearFigures, unit: string) => y.units.find((u) => u.unit === unit)?.recognised ?? 0;
    tables.push({
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
    });
    const rateIn = (y: YearFigures, id: string) => y.criteria.find((c) => c.id === id)?.percent ?? null;
    tables.push({
      id: 'yoy_criteria',
      title: m.section_yoy_criteria,
      columns: [
        { header: m.col_criterion, kind: 'text' },
        ...numbered.map((y) => ({ header: fill(m.col_rate_in, { year: yearName(y.year) }), kind: 'percent' as const })),
        { header: m.col_change_points, kind: 'delta' },
      ],
      rows: report.criteria.map((c) => {
        const a = rateIn(before, c.id);
        const b = rateIn(last, c.id);
        return [c.id, ...numbered.map((y) => rateIn(y, c.id)), a === null || b === null ? null : b - a];
      }),
      notes: [m.rate_note],
    });
  }

  return {
    lang,
    title: say('title', { title: t(report.ruleset.title) }),
    facts,
    notes,
    tables,
    detailYear: detail?.year,
  };
}

/** recognised × 100 / assessed, rounded down; null when nothing was assessed. */
export function share(part: number, whole: number): number | null {
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

export function statusText(p: TargetProgress, m: ReportMessages): string {
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
