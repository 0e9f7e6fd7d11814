/**
 * The official table as one self-contained, printable HTML page in the layout of Nghị định
 * 30/2020/NĐ-CP: A4 with the decree's margins and page numbers, the rule file's letterhead
 * (issuing body, national name and motto, place and date) and signature blocks, black cell
 * borders, the two header rows repeated on every printed page, no page break inside a row, a
 * Times New Roman-like serif (the face of Vietnamese administrative documents). No scripts, no
 * external resources: it opens and prints the same anywhere.
 */
import { DECREE_PAGE_CSS, LETTERHEAD_CSS, letterheadHtml, signersHtml } from './letterhead.js';
import type { OfficialTable, TableRow } from './official-table.js';

const CHECK = '✓';

const STYLE = `
${DECREE_PAGE_CSS}
* { box-sizing: border-box; }
html { background: #fff; color: #000; }
body {
  margin: 0 auto; max-width: 165mm; padding: 8mm 0;
  font-family: "Times New Roman", Times, "Liberation Serif", "Nimbus Roman", "Tinos", "Noto Serif", "DejaVu Serif Condensed", "DejaVu Serif", serif;
  font-size: 13pt; line-height: 1.35;
}
@media print { body { max-width: none; padding: 0; } }
h1 { font-size: 13pt; font-weight: bold; text-align: center; text-transform: none; margin: 0 0 2mm; }
.subtitle { text-align: center; font-style: italic; font-size: 11pt; margin: 0 0 5mm; }
.fields { margin: 0 0 4mm; padding: 0; list-style: none; }
.fields li { margin: 0 0 1mm; }
.fields .label { font-weight: bold; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
col.number { width: 10%; } col.content { width: 49%; } col.pass { width: 10%; } col.fail { width: 11%; } col.remark { width: 20%; }
table.points col.content { width: 41%; } col.points { width: 8%; }
td.points { text-align: center; }
section.levels, section.parameters, section.derived { margin: 5mm 0 0; }
section.levels h2, section.parameters h2, section.derived h2 { font-size: 13pt; margin: 0 0 2mm; }
section.parameters h3 { font-size: 12pt; font-style: italic; font-weight: normal; margin: 3mm 0 1mm; }
table.levels col.level { width: 22%; } table.levels col.requirements { width: 63%; } table.levels col.result { width: 15%; }
.derived ul { margin: 0; padding-left: 5mm; }
.summary { margin: 1mm 0 0; padding: 0; list-style: none; }
th, td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; overflow-wrap: break-word; }
td { font-size: 12pt; }
th { font-weight: bold; text-align: center; vertical-align: middle; overflow-wrap: normal; hyphens: none; padding: 1.5mm 1mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.number, td.mark { text-align: center; }
td.mark { font-size: 14pt; line-height: 1; vertical-align: middle; }
tr.section td, tr.group td.number, tr.group td.content { font-weight: bold; }
tr.section th.column { font-size: 10pt; font-weight: bold; vertical-align: middle; overflow-wrap: break-word; }
td.remark { font-size: 11pt; }
td.content p { margin: 0; }
td.content p + p { margin-top: 1mm; }
.note { margin: 5mm 0 0; break-inside: avoid; page-break-inside: avoid; }
.note p { margin: 0 0 1mm; text-align: justify; padding-right: 0.5mm; } /* justified lines end on the box edge; some fonts draw the last glyph a fraction past it */
.note .label { font-weight: bold; font-style: italic; }
.closing { break-inside: avoid; page-break-inside: avoid; }
.decision { margin: 5mm 0 0; }
.decision .label, .decision .value { font-weight: bold; }
.decision ul { margin: 1mm 0 0; }
.signature { margin: 6mm 0 0 auto; width: 80mm; text-align: center; font-style: italic; }
.signature .space { height: 20mm; }
${LETTERHEAD_CSS}`;

export function renderTableHtml(table: OfficialTable): string {
  const c = table.columns;
  const fields =
    table.fields.length === 0
      ? ''
      : `<ul class="fields">\n${table.fields.map((f) => `  <li><span class="label">${h(f.label)}:</span> ${h(f.value)}</li>`).join('\n')}\n</ul>\n`;
  const note =
    table.note === null
      ? ''
      : `<section class="note">\n  <p class="label">${h(table.note.label)}</p>\n  <p>- ${h(table.note.text)}</p>\n</section>\n`;
  const reasons =
    table.decision.reasons.length === 0
      ? ''
      : `\n  <ul>\n${table.decision.reasons.map((r) => `    <li>${h(r)}</li>`).join('\n')}\n  </ul>`;
  const points = c.points !== undefined;
  const summary =
    table.summary.length === 0
      ? ''
      : `\n  <ul class="summary">\n${table.summary.map((f) => `    <li><span class="label">${h(f.label)}:</span> ${h(f.value)}</li>`).join('\n')}\n  </ul>`;
  return `<!doctype html>
<html lang="${table.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(table.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${table.letterhead === null ? '' : letterheadHtml(table.letterhead, h)}
<h1>${h(table.title)}</h1>
<p class="subtitle">${h(table.subtitle)}</p>
${fields}<table class="criteria${table.filled ? ' filled' : ''}${points ? ' points' : ''}">
<colgroup><col class="number"><col class="content">${points ? '<col class="points">' : ''}<col class="pass"><col class="fail"><col class="remark"></colgroup>
<thead>
<tr><th rowspan="2">${h(c.number)}</th><th rowspan="2">${h(c.content)}</th>${c.points === undefined ? '' : `<th rowspan="2">${h(c.points)}</th>`}<th colspan="2">${h(c.result)}</th><th rowspan="2">${h(c.remark)}</th></tr>
<tr><th>${h(c.pass)}</th><th>${h(c.fail)}</th></tr>
</thead>
<tbody>
${table.rows.map((r) => row(r, points)).join('\n')}
</tbody>
</table>
${note}${levelsHtml(table)}${parametersHtml(table)}${derivedHtml(table)}<div class="closing">
<section class="decision">
  <p><span class="label">${h(table.decision.label)}:</span> <span class="value">${h(table.decision.value)}</span></p>${reasons}${summary}
</section>
${table.letterhead !== null && table.letterhead.signers.length > 0 ? signersHtml(table.letterhead.signers, h) : `<section class="signature"><p>${h(table.signature)}</p><div class="space"></div></section>`}
</div>
</body>
</html>
`;
}

function row(r: TableRow, withPoints: boolean): string {
  const content = r.lines.map((l) => `<p>${h(l)}</p>`).join('');
  const points = withPoints ? `<td class="points">${h(r.points ?? '')}</td>` : '';
  if (r.columns !== undefined)
    return (
      `<tr class="${r.kind}" data-number="${h(r.number)}">` +
      `<td class="number">${h(r.number)}</td>` +
      `<td class="content">${content}</td>` +
      points +
      `<th class="column pass" scope="col">${h(r.columns.pass)}</th>` +
      `<th class="column fail" scope="col">${h(r.columns.fail)}</th>` +
      `<td class="remark"></td></tr>`
    );
  return (
    `<tr class="${r.kind}" data-number="${h(r.number)}">` +
    `<td class="number">${h(r.number)}</td>` +
    `<td class="content">${content}</td>` +
    points +
    `<td class="mark pass">${r.mark === 'pass' ? CHECK : ''}</td>` +
    `<td class="mark fail">${r.mark === 'fail' ? CHECK : ''}</td>` +
    `<td class="remark">${h(r.remark)}</td></tr>`
  );
}

function levelsHtml(table: OfficialTable): string {
  const l = table.levels;
  if (l === null) return '';
  const rows = l.rows
    .map((r) => {
      const mark = r.mark === 'pass' ? CHECK : r.mark === 'fail' ? '✗' : h(r.remark);
      return `<tr${r.id === null ? '' : ` data-level="${h(r.id)}"`}><td class="content"><b>${h(r.label)}</b></td><td class="content">${r.lines.map((x) => `<p>${h(x)}</p>`).join('')}</td><td class="mark">${mark}</td></tr>`;
    })
    .join('\n');
  return `<section class="levels">
<h2>${h(l.heading)}</h2>
<table class="levels">
<colgroup><col class="level"><col class="requirements"><col class="result"></colgroup>
<thead><tr><th>${h(l.columns.level)}</th><th>${h(l.columns.requirements)}</th><th>${h(l.columns.result)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>
`;
}

function parametersHtml(table: OfficialTable): string {
  if (table.parameters.length === 0) return '';
  const tables = table.parameters
    .map((p) => {
      const title = p.title === null ? '' : `<h3>${h(p.title)}${p.note === null ? '' : ` (${h(p.note)})`}</h3>\n`;
      const head = p.columns.map((c) => `<th>${h(c)}</th>`).join('');
      const body = p.rows.map((r) => `<tr>${r.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`).join('\n');
      return `${title}<table class="parameter">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
    })
    .join('\n');
  return `<section class="parameters">\n<h2>${h(table.parametersHeading)}</h2>\n${tables}\n</section>\n`;
}

function derivedHtml(table: OfficialTable): string {
  const d = table.derived;
  if (d === null) return '';
  const items = d.items
    .map((i) => `  <li data-derived="${h(i.id)}">${i.lines.map((l) => `<p>${h(l)}</p>`).join('')}</li>`)
    .join('\n');
  return `<section class="derived">\n<h2>${h(d.heading)}</h2>\n<ul>\n${items}\n</ul>\n</section>\n`;
}

/** Text into HTML: the five characters that could open markup or end an attribute. */
function h(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );
}
