/**
 * Reading one cell by its column's type. A cell is what a reader hands over: text (CSV, and XLSX
 * text cells), a number, a boolean or a date (XLSX typed cells), or nothing. An empty cell is
 * unknown (null). Anything that is not plainly a value of the column's type is INVALID: the row
 * reader reports it at its row and column, and nothing is ever guessed.
 *
 * Text in a number column is read as a number when it is written in plain digits: CSV has only
 * text, so "12" there is 12 by the nature of the format (parsing, not coercion). "12a", "1.000"
 * (a Vietnamese thousands separator or a decimal?), "1,5" and "1e3" are refused.
 */
import type { BatchColumn } from './columns.js';
import { foldedKey, matchKey } from './text.js';

export type Cell = string | number | boolean | Date | null | undefined;
export type CellValue = string | number | boolean | null;

export const INVALID: unique symbol = Symbol('invalid cell');
export type Decoded = CellValue | typeof INVALID;
export type CellDecoder = (cell: Cell) => Decoded;

/** The yes/no words, compared without case or diacritics. Documented in the package README. */
export const TRUE_WORDS: readonly string[] = ['có', 'yes', 'true', '1', 'đúng'];
export const FALSE_WORDS: readonly string[] = ['không', 'no', 'false', '0', 'sai'];

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ...TRUE_WORDS.map((w) => [foldedKey(w), true] as const),
  ...FALSE_WORDS.map((w) => [foldedKey(w), false] as const),
]);

export function isEmptyCell(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  if (cell.length === 0) return true;
  return cell.trim().length === 0;
}

/** A decoder for the column: returns the value, null for an empty cell, or INVALID. */
export function cellDecoder(column: BatchColumn): CellDecoder {
  switch (column.type) {
    case 'integer':
      return decodeInteger;
    case 'number':
      return decodeNumber;
    case 'boolean':
      return decodeBoolean;
    case 'enum':
    case 'ordinal':
      return enumDecoder(column);
    case 'year':
      return decodeYear;
    case 'date':
      return decodeDate;
    case 'text':
      return decodeText;
  }
}

/** The allowed values of an enum or ordinal column, as people may write them. */
export function allowedText(column: BatchColumn): string {
  return (column.values ?? []).map((v) => `${v.label.vi} (${v.id})`).join(', ');
}

function decodeText(cell: Cell): Decoded {
  if (isEmptyCell(cell)) return null;
  if (cell instanceof Date) return isoDate(cell) ?? INVALID;
  return String(cell).trim();
}

function decodeInteger(cell: Cell): Decoded {
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

const NUMBER = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;

function decodeNumber(cell: Cell): Decoded {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : INVALID;
  if (typeof cell !== 'string') return cell === null || cell === undefined ? null : INVALID;
  const text = cell.trim();
  if (text === '') return null;
  return NUMBER.test(text) ? Number(text) : INVALID;
}

/** The words as usually written, looked up before any normalising (most cells of a batch). */
const BOOLEAN_EXACT: ReadonlyMap<string, boolean> = new Map([
  ...[...TRUE_WORDS, ...TRUE_WORDS.map(capitalised)].map((w) => [w, true] as const),
  ...[...FALSE_WORDS, ...FALSE_WORDS.map(capitalised)].map((w) => [w, false] as const),
]);

function capitalised(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function decodeBoolean(cell: Cell): Decoded {
  if (typeof cell === 'string') {
    const exact = BOOLEAN_EXACT.get(cell);
    if (exact !== undefined) return exact;
    if (isEmptyCell(cell)) return null;
    return BOOLEAN_WORDS.get(foldedKey(cell)) ?? INVALID;
  }
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : INVALID;
  return cell === null || cell === undefined ? null : INVALID;
}

/**
 * The texts a boolean, enum or ordinal cell may hold exactly as written (no trimming, case or
 * NFC/NFD folding) and the value each one reads as: the decoders look these up before normalising,
 * and the quick batch reader (decisions/slot-row-reader.ts) accepts only these (as UTF-8 bytes).
 * Undefined for other column types.
 */
export function exactChoices(column: BatchColumn): ReadonlyMap<string, string | boolean> | undefined {
  switch (column.type) {
    case 'boolean':
      return BOOLEAN_EXACT;
    case 'enum':
    case 'ordinal':
      return enumTables(column).exact;
    default:
      return undefined;
  }
}

interface EnumTables {
  /** Ids, and the labels as the rule file writes them. */
  readonly exact: ReadonlyMap<string, string>;
  /** By matchKey of id and labels; '' marks a label two values share. */
  readonly loose: ReadonlyMap<string, string>;
}

const enumTablesCache = new WeakMap<BatchColumn, EnumTables>();

function enumTables(column: BatchColumn): EnumTables {
  const known = enumTablesCache.get(column);
  if (known) return known;
  const exact = new Map<string, string>();
  const loose = new Map<string, string>();
  for (const v of column.values ?? []) {
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
  for (const v of column.values ?? []) {
    for (const text of [v.label.vi, v.label.en])
      if (loose.get(matchKey(text)) === v.id && !exact.has(text)) exact.set(text, v.id);
  }
  const tables = { exact, loose };
  enumTablesCache.set(column, tables);
  return tables;
}

function enumDecoder(column: BatchColumn): CellDecoder {
  const { exact, loose } = enumTables(column);
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

function decodeYear(cell: Cell): Decoded {
  let year: number;
  if (typeof cell === 'number') year = cell;
  else if (typeof cell === 'string') {
    const text = cell.trim();
    if (text === '') return null;
    if (!/^\d{4}$/.test(text)) return INVALID;
    year = Number(text);
  } else return cell === null || cell === undefined ? null : INVALID;
  return Number.isInteger(year) && year >= 1900 && year <= 2100 ? year : INVALID;
}

export function decodeDate(cell: Cell): Decoded {
  if (cell instanceof Date) return isoDate(cell) ?? INVALID;
  if (typeof cell !== 'string') return cell === null || cell === undefined ? null : INVALID;
  const text = cell.trim();
  if (text === '') return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? INVALID;
  // DD/MM/YYYY: the way dates are written in Vietnam (never MM/DD).
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) return calendarDate(Number(m[3]), Number(m[2]), Number(m[1])) ?? INVALID;
  return INVALID;
}

function calendarDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Spreadsheet dates carry no time zone: exceljs gives them as UTC midnight. */
function isoDate(d: Date): string | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  return calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 160 || c === 10 || c === 13;
}

/** A cell as text for messages. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoDate(cell) ?? 'Invalid Date';
  return String(cell);
}
