/**
 * How header and value text is compared: people type labels by hand, spreadsheets saved on macOS
 * write NFD, and cells often carry stray spaces. Matching is exact otherwise: no fuzzy guesses.
 */

/** NFC, trimmed, inner runs of white space as one space, lower case. */
export function matchKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * `matchKey` without Vietnamese diacritics (đ → d too), for the short yes/no words only: "khong"
 * and "không" are the same answer, whereas for value labels the marks carry meaning.
 */
export function foldedKey(text: string): string {
  return matchKey(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
}

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
