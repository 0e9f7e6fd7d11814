/**
 * Reading one spreadsheet or CSV cell as a fact value: the shared pieces of the fact types'
 * `readCell`. A cell is what a reader hands over: text (CSV, and XLSX text cells), a number, a
 * boolean or a date (XLSX typed cells), or nothing. An empty cell is unknown (null). Anything that
 * is not plainly a value of the type is INVALID: the batch reports it at its row and column, and
 * nothing is ever guessed.
 *
 * Text in a number column is read as a number when it is written in plain digits: CSV has only
 * text, so "12" there is 12 by the nature of the format (parsing, not coercion). "12a", "1.000"
 * (a Vietnamese thousands separator or a decimal?), "1,5" and "1e3" are refused.
 */
import type { ValueDeclaration } from '../../validate/ruleset-document.js';

export type Cell = string | number | boolean | Date | null | undefined;
export type CellValue = string | number | boolean | null;

export const INVALID: unique symbol = Symbol('invalid cell');
export type Decoded = CellValue | typeof INVALID;
export type CellReader = (cell: Cell) => Decoded;

/**
 * How value text is compared: people type labels by hand, spreadsheets saved on macOS write NFD,
 * and cells often carry stray spaces. NFC, trimmed, inner runs of white space as one space, lower
 * case. Matching is exact otherwise: no fuzzy guesses.
 */
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

export function isEmptyCell(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  if (cell.length === 0) return true;
  return cell.trim().length === 0;
}

export function readIntegerCell(cell: Cell): Decoded {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : INVALID;
  if (typeof cell !== 'string') return cell === null || cell === undefined ? null : INVALID;
  return parseInteger(cell);
}

/** Plain digits with an optional minus sign, surrounding spaces allowed; a hand-written loop
 * because this runs for most cells of a large CSV. */
function parseInteger(text: string): Decoded {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return null;
  let negative = false;
  if (text.charCodeAt(start) === 45 /* - */) {
    negative = true;
    start++;
    if (start === end) return INVALID;
  }
  if (end - start > 15) {
    // Past 15 digits the running sum could pass 2^53 and round; Number() reads the digits as
    // closely as a double can, and the bounds check (MAX_SAFE_INTEGER) then reports the value.
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return INVALID;
    }
    const big = Number(text.slice(start, end));
    return negative ? -big : big;
  }
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return INVALID;
    value = value * 10 + (c - 48);
  }
  return negative ? -value : value;
}

const DECIMAL = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;

export function readNumberCell(cell: Cell): Decoded {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : INVALID;
  if (typeof cell !== 'string') return cell === null || cell === undefined ? null : INVALID;
  const text = cell.trim();
  if (text === '') return null;
  return DECIMAL.test(text) ? Number(text) : INVALID;
}

/** The yes/no words, compared without case or diacritics. Documented in the batch package's README. */
export const TRUE_WORDS: readonly string[] = ['có', 'yes', 'true', '1', 'đúng'];
export const FALSE_WORDS: readonly string[] = ['không', 'no', 'false', '0', 'sai'];

// Built on first use, not at import: the first String#normalize in a process loads ICU's
// normalisation data (a few ms), which a program that reads no cells should not pay at start-up.
let booleanWords: ReadonlyMap<string, boolean> | undefined;
const BOOLEAN_WORDS = (): ReadonlyMap<string, boolean> =>
  (booleanWords ??= new Map([
    ...TRUE_WORDS.map((w) => [foldedKey(w), true] as const),
    ...FALSE_WORDS.map((w) => [foldedKey(w), false] as const),
  ]));

function capitalised(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** The words as usually written, looked up before any normalising (most cells of a batch). */
export const BOOLEAN_EXACT: ReadonlyMap<string, boolean> = new Map([
  ...[...TRUE_WORDS, ...TRUE_WORDS.map(capitalised)].map((w) => [w, true] as const),
  ...[...FALSE_WORDS, ...FALSE_WORDS.map(capitalised)].map((w) => [w, false] as const),
]);

export function readBooleanCell(cell: Cell): Decoded {
  if (typeof cell === 'string') {
    const exact = BOOLEAN_EXACT.get(cell);
    if (exact !== undefined) return exact;
    if (isEmptyCell(cell)) return null;
    return BOOLEAN_WORDS().get(foldedKey(cell)) ?? INVALID;
  }
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : INVALID;
  return cell === null || cell === undefined ? null : INVALID;
}

interface ChoiceTables {
  /** Ids, and the labels as the rule file writes them. */
  readonly exact: ReadonlyMap<string, string>;
  /** By matchKey of id and labels; '' marks a label two values share. */
  readonly loose: ReadonlyMap<string, string>;
}

const NO_VALUES: readonly ValueDeclaration[] = [];
const choiceTablesCache = new WeakMap<readonly ValueDeclaration[], ChoiceTables>();

/** The texts an enum or ordinal cell may hold, by the declared values (cached per declaration). */
export function choiceTables(values: readonly ValueDeclaration[] = NO_VALUES): ChoiceTables {
  const known = choiceTablesCache.get(values);
  if (known) return known;
  const exact = new Map<string, string>();
  const loose = new Map<string, string>();
  for (const v of values) {
    exact.set(v.id, v.id);
    for (const text of [v.id, v.label.vi, v.label.en]) {
      const key = matchKey(text);
      // Two values sharing a label would make that label ambiguous: keep neither (the id still works).
      const known = loose.get(key);
      if (known !== undefined && known !== v.id) loose.set(key, '');
      else loose.set(key, v.id);
    }
  }
  // The labels as the rule file writes them are then found without normalising (most cells).
  for (const v of values) {
    for (const text of [v.label.vi, v.label.en])
      if (loose.get(matchKey(text)) === v.id && !exact.has(text)) exact.set(text, v.id);
  }
  const tables = { exact, loose };
  choiceTablesCache.set(values, tables);
  return tables;
}

export function choiceCellReader(values: readonly ValueDeclaration[] | undefined): CellReader {
  const { exact, loose } = choiceTables(values);
  return (cell) => {
    if (cell === null || cell === undefined) return null;
    const text = typeof cell === 'string' ? cell : typeof cell === 'number' ? String(cell) : undefined;
    if (text === undefined) return INVALID;
    const hit = exact.get(text);
    if (hit !== undefined) return hit;
    if (isEmptyCell(text)) return null;
    const found = loose.get(matchKey(text));
    return found === undefined || found === '' ? INVALID : found;
  };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 160 || c === 10 || c === 13;
}
