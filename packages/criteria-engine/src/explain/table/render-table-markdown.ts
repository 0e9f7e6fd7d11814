/**
 * The official table as Markdown (GitHub-flavoured): the title, the fields above the table, one
 * table row per row of the source's table, the note and the decision. Markdown has no merged
 * cells, so "Kết quả đánh giá" heads both result columns ("Kết quả đánh giá: Đạt", "… Không đạt").
 */
import type { OfficialTable, TableRow } from './official-table.js';

const CHECK = '✓';

export function renderTableMarkdown(table: OfficialTable): string {
  const c = table.columns;
  const out: string[] = [...letterheadLines(table), `**${esc(table.title)}**`, '', `*${esc(table.subtitle)}*`, ''];
  if (table.fields.length > 0) {
    for (const f of table.fields) out.push(`- **${esc(f.label)}**: ${esc(f.value)}`);
    out.push('');
  }
  out.push(
    `| ${esc(c.number)} | ${esc(c.content)} | ${esc(`${c.result}: ${c.pass}`)} | ${esc(`${c.result}: ${c.fail}`)} | ${esc(c.remark)} |`,
    '| :---: | --- | :---: | :---: | --- |',
  );
  for (const row of table.rows) out.push(tableRow(row));
  if (table.note !== null) out.push('', `**${esc(table.note.label)}**`, '', `- ${esc(table.note.text)}`);
  out.push(
    '',
    `**${esc(table.decision.label)}:** ${table.filled ? `**${esc(table.decision.value)}**` : esc(table.decision.value)}`,
  );
  if (table.decision.reasons.length > 0) {
    out.push('');
    for (const r of table.decision.reasons) out.push(`- ${esc(r)}`);
  }
  const signers = table.letterhead?.signers ?? [];
  if (signers.length === 0) out.push('', `*${esc(table.signature)}*`);
  for (const s of signers) {
    out.push('', `**${esc(s.title)}**`);
    if (s.position !== undefined) out.push(`**${esc(s.position)}**`);
    if (s.note !== undefined) out.push(`*${esc(s.note)}*`);
  }
  return out.join('\n');
}

/** The letterhead as lines above the title (Markdown has no two-column header). */
function letterheadLines(table: OfficialTable): string[] {
  const l = table.letterhead;
  if (l === null) return [];
  const lines = [l.superiorBody, l.issuingBody, l.nationalName, l.motto].filter((x) => x !== undefined);
  const out = lines.map((x) => `**${esc(x)}**  `);
  if (l.placeDate !== undefined) out.push(`*${esc(l.placeDate)}*`);
  return out.length === 0 ? [] : [...out, ''];
}

function tableRow(row: TableRow): string {
  const heading = row.kind === 'section' || row.kind === 'group';
  const content = row.lines.map(esc).join('<br>');
  const bold = (s: string) => (heading && s !== '' ? `**${s}**` : s);
  if (row.columns !== undefined)
    return `| ${bold(esc(row.number))} | ${bold(content)} | ${bold(esc(row.columns.pass))} | ${bold(esc(row.columns.fail))} |  |`;
  return `| ${bold(esc(row.number))} | ${bold(content)} | ${row.mark === 'pass' ? CHECK : ''} | ${row.mark === 'fail' ? CHECK : ''} | ${esc(row.remark)} |`;
}

/** Characters that would end a cell or start emphasis, a link or HTML. */
function esc(text: string): string {
  return text.replace(/[\\|*_`[\]<>]/g, '\\$&');
}
