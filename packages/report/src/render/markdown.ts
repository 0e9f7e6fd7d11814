/**
 * The report as Markdown (GitHub-flavoured tables): readable as plain text, and renderable.
 */
import type { ReportDocument } from './document.js';
import type { CellValue, Column, Table } from './table.js';

export function renderMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${doc.title}`, ''];
  for (const line of doc.facts) out.push(`- ${escapeMarkdown(line)}`);
  if (doc.notes.length > 0) {
    out.push('');
    for (const note of doc.notes) out.push(`> ${escapeMarkdown(note)}`, '>');
    out.pop();
  }
  for (const table of doc.tables) out.push('', ...section(table));
  return `${out.join('\n')}\n`;
}

function section(table: Table): string[] {
  const lines = [`## ${escapeMarkdown(table.title)}`, ''];
  if (table.rows.length > 0) {
    lines.push(`| ${table.columns.map((c) => escapeMarkdown(c.header)).join(' | ')} |`);
    lines.push(`| ${table.columns.map((c) => (c.kind === 'text' ? '---' : '---:')).join(' | ')} |`);
    for (const row of table.rows)
      lines.push(`| ${row.map((v, i) => escapeMarkdown(formatCell(v, table.columns[i]))).join(' | ')} |`);
  }
  for (const note of table.notes) lines.push('', `_${escapeMarkdown(note)}_`);
  return lines;
}

/** A cell as text, the same in every text format: 87%, +2, — for none. */
export function formatCell(value: CellValue, column: Column | undefined): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (column?.kind === 'percent') return `${value}%`;
  if (column?.kind === 'delta') return value > 0 ? `+${value}` : String(value);
  return String(value);
}

/** Markdown-significant characters in table cells and text. */
function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/([*_`])/g, '\\$1')
      // A table cell is one line: the source's line breaks (bullets) become <br>.
      .replace(/\n/g, '<br>')
  );
}
