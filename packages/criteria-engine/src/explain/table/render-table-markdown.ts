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
  const points = c.points === undefined ? '' : ` ${esc(c.points)} |`;
  out.push(
    `| ${esc(c.number)} | ${esc(c.content)} |${points} ${esc(`${c.result}: ${c.pass}`)} | ${esc(`${c.result}: ${c.fail}`)} | ${esc(c.remark)} |`,
    `| :---: | --- |${c.points === undefined ? '' : ' :---: |'} :---: | :---: | --- |`,
  );
  for (const row of table.rows) out.push(tableRow(row, c.points !== undefined));
  if (table.note !== null) out.push('', `**${esc(table.note.label)}**`, '', `- ${esc(table.note.text)}`);
  out.push(...levelLines(table), ...parameterLines(table), ...derivedLines(table));
  out.push(
    '',
    `**${esc(table.decision.label)}:** ${table.filled ? `**${esc(table.decision.value)}**` : esc(table.decision.value)}`,
  );
  if (table.summary.length > 0) {
    out.push('');
    for (const f of table.summary) out.push(`- **${esc(f.label)}**: ${esc(f.value)}`);
  }
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

function tableRow(row: TableRow, withPoints: boolean): string {
  const heading = row.kind === 'section' || row.kind === 'group';
  const content = row.lines.map(esc).join('<br>');
  const bold = (s: string) => (heading && s !== '' ? `**${s}**` : s);
  const points = withPoints ? ` ${bold(esc(row.points ?? ''))} |` : '';
  if (row.columns !== undefined)
    return `| ${bold(esc(row.number))} | ${bold(content)} |${points} ${bold(esc(row.columns.pass))} | ${bold(esc(row.columns.fail))} |  |`;
  return `| ${bold(esc(row.number))} | ${bold(content)} |${points} ${row.mark === 'pass' ? CHECK : ''} | ${row.mark === 'fail' ? CHECK : ''} | ${esc(row.remark)} |`;
}

/** The levels: a table of each level, what it requires, and (filled) whether it is reached. */
function levelLines(table: OfficialTable): string[] {
  const l = table.levels;
  if (l === null) return [];
  const c = l.columns;
  const out = ['', `**${esc(l.heading)}**`, ''];
  out.push(`| ${esc(c.level)} | ${esc(c.requirements)} | ${esc(c.result)} |`, '| --- | --- | :---: |');
  for (const row of l.rows) {
    const mark = row.mark === 'pass' ? CHECK : row.mark === 'fail' ? '✗' : esc(row.remark);
    out.push(`| **${esc(row.label)}** | ${row.lines.map(esc).join('<br>')} | ${mark} |`);
  }
  return out;
}

/** Each parameter table under its title and unit, then the constants. */
function parameterLines(table: OfficialTable): string[] {
  if (table.parameters.length === 0) return [];
  const out = ['', `**${esc(table.parametersHeading)}**`];
  for (const p of table.parameters) {
    out.push('');
    if (p.title !== null) out.push(`*${esc(p.title)}*${p.note === null ? '' : ` (${esc(p.note)})`}`, '');
    out.push(`| ${p.columns.map(esc).join(' | ')} |`, `| ${p.columns.map(() => '---').join(' | ')} |`);
    for (const row of p.rows) out.push(`| ${row.map(esc).join(' | ')} |`);
  }
  return out;
}

function derivedLines(table: OfficialTable): string[] {
  const d = table.derived;
  if (d === null) return [];
  const out = ['', `**${esc(d.heading)}**`, ''];
  for (const item of d.items) {
    const [first = '', ...rest] = item.lines;
    out.push(`- ${esc(first)}`, ...rest.map((line) => `  ${esc(line)}`));
  }
  return out;
}

/** Characters that would end a cell or start emphasis, a link or HTML. */
function esc(text: string): string {
  return text.replace(/[\\|*_`[\]<>]/g, '\\$&');
}
