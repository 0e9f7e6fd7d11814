/**
 * CSV cells that a spreadsheet would run as a formula are written as text. Excel, LibreOffice and
 * Google Sheets take a cell that starts with `=`, `+`, `-` or `@` (and, after trimming, TAB or
 * CR) as a formula: a ward named `=HYPERLINK(…)` or `=cmd|' /C calc'!A0` in an input file would
 * otherwise run on the machine of whoever opens the summary. Such a text gets a leading
 * apostrophe, the mark spreadsheets themselves use for "text, not a formula" (OWASP's advice).
 * Numbers stay numbers: a number, or a text that is only a number (`-3`, `+1.5`, `-12%`), is left
 * as it is, so real negative values are not mangled.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?%?$/;

export function safeCsvCell<T>(cell: T): T | string {
  if (typeof cell !== 'string' || !FORMULA_START.test(cell) || PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}

/** A row of cells, each made safe. */
export function safeCsvRow<T>(cells: readonly T[]): (T | string)[] {
  return cells.map(safeCsvCell);
}
