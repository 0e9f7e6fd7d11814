/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts, no script, no web
 * font, nothing fetched, so it opens offline and prints. Accessible: the page language is set,
 * tables have captions and header cells with scopes, charts are labelled images whose numbers
 * are also in the tables beside them. Print-friendly: A4 margins, no page break inside a table
 * row or a chart.
 */
import type { CityReport } from '../model.js';
import { criteriaChart, targetsChart, unitsChart } from './charts.js';
import { fill, reportDocument, reportMessages, type RenderOptions, type Table } from './document.js';
import { escapeHtml as esc } from './escape.js';
import { formatCell } from './markdown.js';

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid #0072B2; }
ul.facts { list-style: none; padding: 0; margin: 0 0 1rem; color: #333; }
.notes { background: #f4f8fb; border-left: 4px solid #0072B2; padding: .6rem 1rem; margin: 1rem 0; }
.notes p { margin: .3rem 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 .4rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0 .4rem; }
th, td { border: 1px solid #c9d3dd; padding: .3rem .5rem; vertical-align: top; }
thead th { background: #dce6f1; text-align: left; }
tbody tr:nth-child(even) { background: #f7f9fb; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tbody th { text-align: left; font-weight: 600; }
tbody th.num { text-align: right; }
tbody tr.total { font-weight: 600; background: #eef3f8; }
.status-met { color: #006b4f; font-weight: 600; }
.status-not_met { color: #a33a00; font-weight: 600; }
.status-no_data { color: #555; font-style: italic; }
p.note { font-size: .85rem; color: #444; margin: .2rem 0; }
figure { margin: .8rem 0 1rem; }
figcaption { font-size: .85rem; color: #444; margin-top: .2rem; }
svg.chart { display: block; height: auto; }
footer { margin-top: 2.5rem; font-size: .8rem; color: #666; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  figure, tr, .notes { break-inside: avoid; }
  thead { display: table-header-group; }
  tbody tr:nth-child(even) { background: none; }
}
`;

/** A sheet id → the chart shown above its table. */
type Charts = Partial<Record<Table['id'], string>>;

export function renderHtml(report: CityReport, options: RenderOptions = {}): string {
  const doc = reportDocument(report, options);
  const m = reportMessages[doc.lang];
  const detail = report.years.find((y) => y.year === doc.detailYear);
  const yearName = doc.detailYear === null ? m.year_unknown : String(doc.detailYear ?? '');
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
    const labels = report.targets.progress.map((p, i) => `${i + 1}. ${shorten(p.text[doc.lang], 90)}`);
    charts.targets = targetsChart(
      report.targets.progress,
      labels,
      { id: 'chart-targets', title: m.chart_targets, desc: m.chart_targets_desc },
      m.status_no_data,
    );
  }

  const body: string[] = [];
  body.push(
    `<header><h1>${esc(doc.title)}</h1><ul class="facts">${doc.facts.map((f) => `<li>${esc(f)}</li>`).join('')}</ul></header>`,
  );
  body.push('<main>');
  if (doc.notes.length > 0)
    body.push(
      `<section class="notes" aria-label="${esc(m.table_caption_hint)}">${doc.notes.map((n) => `<p>${esc(n)}</p>`).join('')}</section>`,
    );
  for (const table of doc.tables) {
    const chart = charts[table.id];
    body.push(`<section id="${table.id}" aria-labelledby="${table.id}-heading">`);
    body.push(`<h2 id="${table.id}-heading">${esc(table.title)}</h2>`);
    if (chart !== undefined) body.push(`<figure>${chart}</figure>`);
    body.push(
      tableHtml(
        table,
        report.targets?.progress.map((p) => p.status),
      ),
    );
    for (const note of table.notes) body.push(`<p class="note">${esc(note)}</p>`);
    body.push('</section>');
  }
  body.push('</main>');
  body.push(`<footer>${esc(`lcz report — ${report.ruleset.id} ${report.ruleset.version}`)}</footer>`);

  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function tableHtml(table: Table, statuses: readonly string[] | undefined): string {
  const head = table.columns
    .map((c) => `<th scope="col"${c.kind === 'text' ? '' : ' class="num"'}>${esc(c.header)}</th>`)
    .join('');
  const rows = table.rows.map((row, r) => {
    const total = (table.id === 'units' || table.id === 'yoy_units') && r === table.rows.length - 1;
    const cells = row.map((v, i) => {
      const column = table.columns[i];
      const text = esc(formatCell(v, column));
      const numeric = column !== undefined && column.kind !== 'text';
      const status = table.id === 'targets' && i === row.length - 1 ? ` class="status-${statuses?.[r] ?? ''}"` : '';
      if (i === 0) return `<th scope="row"${numeric ? ' class="num"' : ''}>${text}</th>`;
      return `<td${numeric ? ' class="num"' : status}>${text}</td>`;
    });
    return `<tr${total ? ' class="total"' : ''}>${cells.join('')}</tr>`;
  });
  return `<table aria-labelledby="${table.id}-heading"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
