/**
 * How header and value text is compared: people type labels by hand, spreadsheets saved on macOS
 * write NFD, and cells often carry stray spaces. Matching is exact otherwise: no fuzzy guesses.
 */

// How value and header text is compared is the fact types' (the engine's cell reading) rule too.
export { foldedKey, matchKey } from '@lcz/criteria-engine/runtime';

/** Spreadsheet column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `G14`: the cell reference people see in a spreadsheet. */
export function cellName(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** A value shown in a message: long cell text is cut so one bad cell cannot flood the output. */
export function shown(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
