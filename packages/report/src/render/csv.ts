/**
 * The report's tables as one CSV file: each table is a title row, a header row and its rows,
 * followed by an empty row; notes come last. Numbers are written as numbers (percentages as whole
 * numbers, the header says "(%)"), an empty cell is "none". UTF-8 with a byte-order mark so that
 * spreadsheet programs read Vietnamese correctly.
 */
import { stringify } from 'csv-stringify/sync';
import { safeCsvRow } from '@lcz/criteria-batch';
import type { ReportDocument } from './document.js';

export function renderCsv(doc: ReportDocument): string {
  const m = doc.messages;
  const records: (string | number)[][] = [[doc.title], ...doc.facts.map((f) => [f]), ...doc.notes.map((n) => [n]), []];
  for (const table of doc.tables) {
    records.push([table.title]);
    records.push(
      table.columns.map((c) =>
        c.kind === 'percent' || (c.kind === 'delta' && table.id === 'yoy_criteria')
          ? `${c.header} ${m.percent_unit}`
          : c.header,
      ),
    );
    for (const row of table.rows) records.push(row.map((v) => (v === null ? '' : v)));
    for (const note of table.notes) records.push([note]);
    records.push([]);
  }
  // Text that a spreadsheet would run as a formula (a ward named "=1+1") is written as text.
  return `\ufeff${stringify(records.map(safeCsvRow), { record_delimiter: '\r\n' })}`;
}
