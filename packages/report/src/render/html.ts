/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts, no script, no web
 * font, nothing fetched, so it opens offline and prints. Accessible: the page language is set,
 * tables have captions and header cells with scopes, charts are labelled images whose numbers
 * are also in the tables beside them. Print-friendly: A4 margins, no page break inside a table
 * row or a chart.
 */
import type { CityReport } from '../model.js';
import { criteriaChart, targetsChart, unitsChart } from './charts.js';
import { DECREE_PAGE_CSS, LETTERHEAD_CSS, letterheadHtml, signersHtml } from '@lcz/criteria-engine/tools';
import { type Lang, reportDocument, type RenderOptions, reportWords } from './document.js';
import { fill, type Table } from './table.js';
import { escapeHtml as esc } from './escape.js';
import { formatCell } from './markdown.js';

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; line-height: 1.45;
  overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid #0072B2; }
.nw { white-space: nowrap; }
ul.facts { list-style: none; padding: 0; margin: 0 0 1rem; color: #333; }
.notes { background: #f4f8fb; border-left: 4px solid #0072B2; padding: .6rem 1rem; margin: 1rem 0; }
.notes p { margin: .3rem 0; }
.scroll { max-width: 100%; overflow-x: auto; }
.scroll:focus-visible { outline: 2px solid #0072B2; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 .4rem; font-size: .92rem; overflow-wrap: normal; }
caption { text-align: left; font-weight: 600; padding: .2rem 0 .4rem; }
th, td { border: 1px solid #c9d3dd; padding: .3rem .5rem; vertical-align: top; }
thead th { background: #dce6f1; text-align: left; }
tbody tr:nth-child(even) { background: #f7f9fb; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tbody th { text-align: left; font-weight: 600; }
tbody th.num { text-align: right; }
tbody tr.total { font-weight: 600; background: #eef3f8; }
td.long { min-width: 16rem; }
td { white-space: pre-line; }
td.num { white-space: nowrap; }
details.long summary { cursor: pointer; color: #1a1a1a; }
details.long summary::marker { color: #0072B2; }
details.long[open] summary .clip { display: none; }
.print-only { display: none; }
.status-met { color: #006b4f; font-weight: 600; }
.status-not_met { color: #a33a00; font-weight: 600; }
.status-no_data { color: #555; font-style: italic; }
p.note { font-size: .85rem; color: #444; margin: .2rem 0; }
figure { margin: .8rem 0 1rem; }
figcaption { font-size: .85rem; color: #444; margin-top: .2rem; }
svg.chart { display: block; }
footer { margin-top: 2.5rem; font-size: .8rem; color: #666; }
@media (max-width: 640px) {
  body { padding: 12px 12px 32px; }
  h1 { font-size: 1.3rem; }
  h2 { font-size: 1.1rem; }
  /* Tables with a long text column become one card per row: no sideways scroll, full-width text. */
  .cards table, .cards tbody, .cards tr, .cards th, .cards td { display: block; width: auto; min-width: 0; }
  .cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .cards tr { border: 1px solid #c9d3dd; border-radius: 4px; margin: 0 0 .6rem; padding: .3rem .6rem; }
  .cards th, .cards td { border: none; padding: .15rem 0; display: flex; gap: .6rem; text-align: left; }
  .cards td.num, .cards th.num { text-align: left; }
  .cards [data-label]::before { content: attr(data-label); flex: 0 0 40%; font-weight: 600; color: #444; }
  .cards td > details, .cards td > span { flex: 1 1 auto; min-width: 0; }
  /* Counts sit side by side, several to a line, to keep the cards short. */
  .cards td.num { display: inline-flex; gap: .3rem; margin-right: 1rem; }
  .cards td.num::before { flex: none; font-weight: 400; }
}
`;

/** Print: A4, every row whole, headings kept with what follows, and the full texts instead of the clipped ones. */
const PRINT_STYLE = `${DECREE_PAGE_CSS}${LETTERHEAD_CSS}
.letterhead, .signers { font-family: "Times New Roman", Times, "Liberation Serif", "Tinos", "Noto Serif", serif; }
@media screen and (max-width: 640px) { .letterhead, .signers { flex-direction: column; align-items: center; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h1, h2, figure { break-after: avoid; }
  figure, tr, .notes, .keep { break-inside: avoid; }
  thead { display: table-header-group; }
  tbody tr:nth-child(even) { background: none; }
  .scroll { overflow: visible; }
  details.long { display: none; }
  .print-only { display: inline; }
}
`;

/** Tables whose rows hold a long text: on a phone each row becomes a card. */
const CARD_TABLES: ReadonlySet<Table['id']> = new Set(['criteria', 'most_failed', 'targets']);
/** Texts longer than this are clipped in the table, the full text one tap away. */
const CLIP = 90;
/** A table this short is never split across printed pages: no lone row at a page's foot. */
const KEEP_WHOLE = 15;

/** A sheet id → the chart shown above its table. */
type Charts = Partial<Record<Table['id'], string>>;

export function renderHtml(report: CityReport, options: RenderOptions = {}): string {
  const doc = reportDocument(report, options);
  const m = doc.messages;
  const charts = chartsOf(report, doc.lang, doc.detailYear);
  const statuses = report.targets?.progress.map((p) => p.status);
  const body: string[] = [];
  if (doc.letterhead !== null) body.push(letterheadHtml(doc.letterhead, esc));
  body.push(
    `<header><h1>${text(doc.title)}</h1><ul class="facts">${doc.facts.map((f) => `<li>${text(f)}</li>`).join('')}</ul></header>`,
  );
  body.push('<main>');
  if (doc.notes.length > 0)
    body.push(
      `<section class="notes" aria-label="${esc(m.table_caption_hint)}">${doc.notes.map((n) => `<p>${esc(n)}</p>`).join('')}</section>`,
    );
  for (const table of doc.tables) body.push(sectionHtml(table, charts[table.id], statuses, m.show_full));
  body.push('</main>');
  if (doc.letterhead !== null) body.push(signersHtml(doc.letterhead.signers, esc));
  body.push(`<footer>${esc(`lcz report — ${report.ruleset.id} ${report.ruleset.version}`)}</footer>`);

  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(doc.title)}</title>`,
    `<style>${STYLE}${PRINT_STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function chartsOf(report: CityReport, lang: Lang, detailYear: number | null | undefined): Charts {
  const m = reportWords(report, lang);
  const detail = report.years.find((y) => y.year === detailYear);
  const yearName = detailYear === null ? m.year_unknown : String(detailYear ?? '');
  const charts: Charts = {};
  if (detail) {
    charts.criteria = criteriaChart(detail.criteria, {
      id: 'chart-criteria',
      title: fill(m.chart_criteria, { year: yearName }),
      desc: m.chart_criteria_desc,
    });
    charts.units = unitsChart(
      detail.units,
      (u) => (u === '' ? m.unit_unknown : u),
      { id: 'chart-units', title: fill(m.chart_units, { year: yearName }), desc: m.chart_units_desc },
      { assessed: m.legend_assessed, recognised: m.legend_recognised },
    );
  }
  if (report.targets && report.targets.progress.length > 0) {
    const labels = report.targets.progress.map((p, i) => `${i + 1}. ${shorten(p.text[lang], 90)}`);
    charts.targets = targetsChart(
      report.targets.progress,
      labels,
      { id: 'chart-targets', title: m.chart_targets, desc: m.chart_targets_desc },
      m.status_no_data,
    );
  }
  return charts;
}

/**
 * One section: heading, chart and table. Charts and tables sit in boxes that scroll sideways on
 * their own, so a narrow screen never scrolls the whole page; charts keep their natural size
 * there, so their text never shrinks below the size it was drawn at.
 */
function sectionHtml(
  table: Table,
  chart: string | undefined,
  statuses: readonly string[] | undefined,
  showFull: string,
): string {
  const parts = [`<section id="${table.id}" aria-labelledby="${table.id}-heading">`];
  parts.push(`<h2 id="${table.id}-heading">${text(table.title)}</h2>`);
  if (chart !== undefined) parts.push(`<figure class="scroll">${chart}</figure>`);
  const layout = `scroll${CARD_TABLES.has(table.id) ? ' cards' : ''}${table.rows.length <= KEEP_WHOLE ? ' keep' : ''}`;
  parts.push(
    `<div class="${layout}" role="region" tabindex="0" aria-labelledby="${table.id}-heading">${tableHtml(table, statuses, showFull)}</div>`,
  );
  for (const note of table.notes) parts.push(`<p class="note">${esc(note)}</p>`);
  parts.push('</section>');
  return parts.join('');
}

function tableHtml(table: Table, statuses: readonly string[] | undefined, showFull: string): string {
  const head = table.columns
    .map((c) => `<th scope="col"${c.kind === 'text' ? '' : ' class="num"'}>${esc(c.header)}</th>`)
    .join('');
  const rows = table.rows.map((row, r) => {
    const total =
      (table.id === 'units' || table.id === 'yoy_units' || table.id === 'units_by_level') &&
      r === table.rows.length - 1;
    const cells = row.map((v, i) => {
      const column = table.columns[i];
      const label = ` data-label="${esc(column?.header ?? '')}"`;
      const content = formatCell(v, column);
      const numeric = column !== undefined && column.kind !== 'text';
      if (i === 0) return `<th scope="row"${label}${numeric ? ' class="num"' : ''}>${esc(content)}</th>`;
      if (numeric) return `<td${label} class="num">${esc(content)}</td>`;
      const status = table.id === 'targets' && i === row.length - 1 ? `status-${statuses?.[r] ?? ''}` : '';
      if (content.length > CLIP) return `<td${label} class="long">${clipped(content, showFull)}</td>`;
      return `<td${label}${status === '' ? '' : ` class="${status}"`}>${text(content)}</td>`;
    });
    return `<tr${total ? ' class="total"' : ''}>${cells.join('')}</tr>`;
  });
  return `<table aria-labelledby="${table.id}-heading"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * A long text clipped to its first words; a tap on it (a <details> summary, no script) shows the
 * whole. Printed pages show the whole text instead.
 */
function clipped(full: string, showFull: string): string {
  return (
    `<details class="long"><summary title="${esc(showFull)}"><span class="clip">${esc(shorten(full, CLIP))}</span></summary>${esc(full)}</details>` +
    `<span class="print-only">${esc(full)}</span>`
  );
}

/** Escaped text in which a range of years ("2020-2025") never breaks across lines. */
function text(value: string): string {
  return esc(value).replace(/\d+\s?[-–]\s?\d+/g, (range) => `<span class="nw">${range}</span>`);
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
