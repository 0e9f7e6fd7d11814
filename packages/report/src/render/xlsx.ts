/**
 * The report as an XLSX workbook (exceljs): an "about" sheet with the title, the facts and the
 * notes, then one sheet per table with a bold, frozen header row, widths fitted to the content,
 * percentages as numbers shown with "%", and the table's notes under it.
 */
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { writeFileAtomic } from '@lcz/criteria-engine/node';
import type { ReportDocument } from './document.js';
import type { Table } from './table.js';

const SHEET_KEY = {
  summary: 'sheet_summary',
  units: 'sheet_units',
  standards: 'sheet_standards',
  criteria: 'sheet_criteria',
  most_failed: 'sheet_most_failed',
  targets: 'sheet_targets',
  targets_by_year: 'sheet_targets_by_year',
  yoy_units: 'sheet_yoy_units',
  yoy_criteria: 'sheet_yoy_criteria',
  levels: 'sheet_levels',
  units_by_level: 'sheet_units_by_level',
  derived: 'sheet_derived',
} as const satisfies Record<Table['id'], string>;

const MAX_WIDTH = 70;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

export function reportWorkbook(doc: ReportDocument): ExcelJS.Workbook {
  const m = doc.messages;
  const book = new ExcelJS.Workbook();
  book.creator = 'lcz report';
  book.title = doc.title;

  const about = book.addWorksheet(m.sheet_about);
  about.getColumn(1).width = 120;
  about.addRow([doc.title]).font = { bold: true, size: 14 };
  for (const line of [...doc.facts, '', ...doc.notes]) {
    const row = about.addRow([line]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }

  for (const table of doc.tables) {
    const sheet = book.addWorksheet(m[SHEET_KEY[table.id]], { views: [{ state: 'frozen', ySplit: 2 }] });
    const title = sheet.addRow([table.title]);
    title.font = { bold: true, size: 12 };
    const header = sheet.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    header.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const values of table.rows) sheet.addRow(values.map((v) => (v === null ? null : v)));
    table.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      if (c.kind === 'percent') column.numFmt = '0"%"';
      if (c.kind === 'delta') column.numFmt = '+0;-0;0';
      const longest = Math.max(c.header.length, ...table.rows.map((r) => String(r[i] ?? '').length));
      column.width = Math.min(MAX_WIDTH, Math.max(8, longest + 2));
      if (c.kind === 'text') column.alignment = { wrapText: true, vertical: 'top' };
    });
    if (table.notes.length > 0) sheet.addRow([]);
    for (const note of table.notes) sheet.addRow([note]).font = { italic: true };
  }
  return book;
}

/** Write the workbook to a file or a stream. */
export async function writeXlsx(doc: ReportDocument, target: string | Writable): Promise<void> {
  const book = reportWorkbook(doc);
  // Written whole or not at all: a failed run keeps an earlier file as it was.
  if (typeof target === 'string') await writeFileAtomic(target, new Uint8Array(await book.xlsx.writeBuffer()));
  else await book.xlsx.write(target);
}
