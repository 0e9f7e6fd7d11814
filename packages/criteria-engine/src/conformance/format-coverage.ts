/**
 * Renders a coverage report as aligned text or as Markdown tables: criteria (variants indented
 * under their criterion), disqualifying cases, thresholds, the total, then each gap in words.
 * Pure: the caller prints.
 */
import type { Locale } from '../diagnostics/format.js';
import { checkLanguage } from '../diagnostics/language.js';
import type {
  CoverageCell,
  CoverageReport,
  CoverageSubject,
  DayPoint,
  OutcomeColumn,
  ThresholdPoint,
} from './coverage.js';
import { COVERAGE_WORDS } from './coverage-words.js';

export type CoverageFormat = 'text' | 'md';

const CRITERION_COLUMNS: readonly OutcomeColumn[] = ['pass', 'fail', 'unknown', 'not_applicable'];
const DISQUALIFIER_COLUMNS: readonly OutcomeColumn[] = ['applies', 'clear', 'unknown'];
const LEVEL_COLUMNS: readonly OutcomeColumn[] = ['reached', 'below'];
const THRESHOLD_COLUMNS: readonly ThresholdPoint[] = ['at', 'beyond', 'empty'];
const DATE_COLUMNS: readonly DayPoint[] = ['day_before', 'day', 'day_after'];

export function formatCoverage(report: CoverageReport, lang: Locale, format: CoverageFormat = 'text'): string {
  checkLanguage(lang, 'formatCoverage');
  const w = COVERAGE_WORDS[lang];
  const mark = (c: CoverageCell | undefined) => (!c?.possible ? '–' : c.by ? '✓' : '✗');
  const label = (s: CoverageSubject) => (s.kind === 'variant' ? `${format === 'md' ? '↳ ' : '  '}${s.variant}` : s.id);
  const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
    format === 'md' ? markdown(head, rows) : aligned(head, rows);

  const criteria = report.outcomes.filter((o) => o.kind === 'criterion' || o.kind === 'variant');
  const levels = report.outcomes.filter((o) => o.kind === 'level');
  const disqualifiers = report.outcomes.filter((o) => o.kind === 'disqualifier');
  const blocks = [
    format === 'md' ? `## ${w.title}` : w.title,
    `${report.ruleset.id} ${report.ruleset.version}: ${report.cases} ${w.cases}. ${w.legend}`,
    table(
      [w.criteria, ...CRITERION_COLUMNS.map((c) => w.columns[c])],
      criteria.map((o) => [label(o), ...CRITERION_COLUMNS.map((c) => mark(o.cells[c]))]),
    ),
  ];
  if (disqualifiers.length > 0) {
    blocks.push(
      table(
        [w.disqualifiers, ...DISQUALIFIER_COLUMNS.map((c) => w.columns[c])],
        disqualifiers.map((o) => [o.id, ...DISQUALIFIER_COLUMNS.map((c) => mark(o.cells[c]))]),
      ),
    );
  }
  if (levels.length > 0) {
    blocks.push(
      table(
        [w.levels, ...LEVEL_COLUMNS.map((c) => w.columns[c])],
        levels.map((o) => [o.id, ...LEVEL_COLUMNS.map((c) => mark(o.cells[c]))]),
      ),
    );
  }
  if (report.thresholds.length > 0) {
    blocks.push(
      table(
        [w.thresholds, '', ...THRESHOLD_COLUMNS.map((c) => w.columns[c])],
        report.thresholds.map((t) => [
          t.kind === 'variant' ? `${t.id}/${t.variant}` : t.id,
          t.text,
          ...THRESHOLD_COLUMNS.map((c) => mark(t.cells[c])),
        ]),
      ),
    );
  }
  if (report.dates.length > 0) {
    blocks.push(
      table(
        [w.dates, '', ...DATE_COLUMNS.map((c) => w.columns[c])],
        report.dates.map((d) => [
          d.kind === 'variant' ? `${d.id}/${d.variant}` : d.id,
          d.text,
          ...DATE_COLUMNS.map((c) => mark(d.cells[c])),
        ]),
      ),
    );
  }
  const percent = report.required === 0 ? 100 : Math.floor((report.covered * 100) / report.required);
  const summary = `${w.total}: ${report.covered}/${report.required} (${percent}%)${report.covered === report.required ? `: ${w.complete}` : ''}`;
  blocks.push(format === 'md' ? `**${summary}**` : summary);
  if (report.gaps.length > 0) {
    const lines = report.gaps.map((g) => {
      const who = g.kind === 'variant' ? `${g.id}/${g.variant}` : g.id;
      return `${format === 'md' ? '- ' : '  '}${who}${g.text !== undefined ? ` (${g.text})` : ''}: ${w.gap[g.column]}${g.day !== undefined ? ` (area.date: ${g.day})` : ''}`;
    });
    blocks.push([`${w.missing}:`, ...lines].join('\n'));
  }
  return blocks.join('\n\n');
}

function aligned(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

function markdown(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
