/** The targets file's progress: each target as of the latest year, and at the end of each year. */
import type { LocalizedText } from '@lcz/criteria-engine';
import type { ReportMessages } from '../messages/report-en.js';
import type { CityReport } from '../model.js';
import type { TargetProgress } from '../targets/progress.js';
import type { FactMeasure } from '../targets/targets-document.js';
import { type Build, fill, type Table } from './table.js';

const OP: Readonly<Record<string, string>> = { at_least: '≥', at_most: '≤', equals: '=', is: '=' };

export function targetsTable({ m, t }: Build, targets: NonNullable<CityReport['targets']>): Table {
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
export function targetsByYearTable({ m, t }: Build, targets: NonNullable<CityReport['targets']>): Table {
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
