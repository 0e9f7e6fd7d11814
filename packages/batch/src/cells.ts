/**
 * Reading one cell by its column's type. A fact or context column is read by its type's own
 * `readCell` (the engine's compile/fact-types/: integers, numbers, yes/no words, enum and ordinal
 * ids and labels); the identity columns (text, year, date) are read here. An empty cell is unknown
 * (null); anything that is not plainly a value of the column's type is INVALID: the row reader
 * reports it at its row and column, and nothing is ever guessed.
 */
import {
  type Cell,
  type CellReader,
  type Decoded,
  FACT_TYPES,
  INVALID,
  isEmptyCell,
} from '@lcz/criteria-engine/runtime';
import type { BatchColumn } from './columns.js';
import { officeBoolean, officeInteger, officeNumber } from './office-values.js';

export {
  type Cell,
  type CellValue,
  type Decoded,
  FALSE_WORDS,
  INVALID,
  isEmptyCell,
  TRUE_WORDS,
} from '@lcz/criteria-engine/runtime';
export type CellDecoder = CellReader;

/** A decoder for the column: returns the value, null for an empty cell, or INVALID. */
export function cellDecoder(column: BatchColumn): CellDecoder {
  switch (column.type) {
    case 'year':
      return decodeYear;
    case 'date':
      return decodeDate;
    case 'text':
      return decodeText;
    default: {
      const read = FACT_TYPES[column.type].readCell({ ...column, type: column.type });
      // The forms offices type (office-values.ts), tried after the engine's own.
      if (column.type === 'integer') return officeInteger(read);
      if (column.type === 'number') return officeNumber(read);
      if (column.type === 'boolean') return officeBoolean(read);
      return read;
    }
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

/**
 * The texts a boolean, enum or ordinal cell may hold exactly as written (no trimming, case or
 * NFC/NFD folding) and the value each one reads as, as the column's type declares them: its
 * `readCell` looks these up before normalising, and the quick batch reader
 * (decisions/slot-row-reader.ts) accepts only these (as UTF-8 bytes). Undefined for other columns.
 */
export function exactChoices(column: BatchColumn): ReadonlyMap<string, string | boolean> | undefined {
  const { type } = column;
  if (type === 'year' || type === 'date' || type === 'text') return undefined;
  return FACT_TYPES[type].exactCells?.({ ...column, type });
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

/**
 * The errors a spreadsheet shows in a cell whose formula failed (Excel's, and LibreOffice's
 * `Err:502`): exported to CSV or cached in XLSX as this very text.
 */
const SPREADSHEET_ERROR =
  /^(?:#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)|Err:\d{3})$/;

/**
 * A cell that holds what a formula left instead of a value: `error` for a spreadsheet error,
 * `no_result` for a formula's own text where `formulaTexts` says the reader gives one so (the
 * XLSX reader gives `=FORMULA` for a formula saved without its result; a CSV's `=…` is what was
 * typed, and formula-injection.test.ts carries such names through). A text column would otherwise
 * take `#DIV/0!` or `=A3&"x"` as an area's code or name, and a number column would say only that
 * it is not a number.
 */
export function formulaLeftover(cell: Cell, formulaTexts: boolean): 'error' | 'no_result' | undefined {
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  if (SPREADSHEET_ERROR.test(text)) return 'error';
  return formulaTexts && text.length > 1 && text.startsWith('=') ? 'no_result' : undefined;
}

/** A cell as text for messages. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoDate(cell) ?? 'Invalid Date';
  return String(cell);
}
