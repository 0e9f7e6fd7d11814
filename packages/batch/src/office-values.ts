/**
 * Values as office workers type them, read only where the reading is certain for the column's
 * type (the engine's readers, compile/fact-types/cells.ts, take the plain forms first; these are
 * tried only on what they refuse, so the common cell costs nothing more):
 * - a whole number with thousands separators: `1.234`, `1,234`, `1.234.567` (one separator kind,
 *   groups of three). In a whole-number column no other reading exists.
 * - a decimal with a decimal comma (`1,5`, `1234,5`) or with thousands separators of the other
 *   kind (`1.234,5`, `1,234.5`), or several groups (`1.234.567`).
 * - `x` (a ticked box) in a yes/no column: yes. An empty cell stays unknown.
 * `1.234` and `1,234` in a decimal column could mean one thousand two hundred and thirty-four or
 * one point two three four: they are refused, and the message says which forms are read
 * (isAmbiguousNumber). Nothing is guessed.
 */
import { type Cell, type CellReader, INVALID } from '@lcz/criteria-engine/runtime';

const GROUPED_DOTS = /^-?[1-9]\d{0,2}(?:\.\d{3})+$/;
const GROUPED_COMMAS = /^-?[1-9]\d{0,2}(?:,\d{3})+$/;
/** One group after one separator: 1.234 or 1,234 (a thousand, or a decimal with three places). */
const ONE_GROUP = /^-?[1-9]\d{0,2}[.,]\d{3}$/;
const DOTS_THEN_COMMA = /^-?[1-9]\d{0,2}(?:\.\d{3})+,\d+$/;
const COMMAS_THEN_DOT = /^-?[1-9]\d{0,2}(?:,\d{3})+\.\d+$/;
const DECIMAL_COMMA = /^-?\d+,\d+$/;

/** Whether a decimal column's text is `1.234` or `1,234`: refused, with the forms that are read. */
export function isAmbiguousNumber(cell: Cell): boolean {
  return typeof cell === 'string' && ONE_GROUP.test(cell.trim());
}

/** The column's integer reader, also reading thousands separators. */
export function officeInteger(read: CellReader): CellReader {
  return (cell) => {
    const value = read(cell);
    if (value !== INVALID || typeof cell !== 'string') return value;
    const text = cell.trim();
    if (GROUPED_DOTS.test(text)) return read(text.replace(/\./g, ''));
    if (GROUPED_COMMAS.test(text)) return read(text.replace(/,/g, ''));
    return INVALID;
  };
}

/** The column's decimal reader, also reading a decimal comma and unambiguous thousands separators. */
export function officeNumber(read: CellReader): CellReader {
  return (cell) => {
    const value = read(cell);
    if (typeof cell !== 'string') return value;
    // The plain forms (12, 2.5) cost one look for a point: only 1.234 among them is refused.
    if (value !== INVALID) return cell.includes('.') && ONE_GROUP.test(cell.trim()) ? INVALID : value;
    const text = cell.trim();
    if (ONE_GROUP.test(text)) return INVALID;
    if (GROUPED_DOTS.test(text)) return read(text.replace(/\./g, ''));
    if (GROUPED_COMMAS.test(text)) return read(text.replace(/,/g, ''));
    if (DOTS_THEN_COMMA.test(text)) return read(text.replace(/\./g, '').replace(',', '.'));
    if (COMMAS_THEN_DOT.test(text)) return read(text.replace(/,/g, ''));
    if (DECIMAL_COMMA.test(text)) return read(text.replace(',', '.'));
    return INVALID;
  };
}

/** The column's yes/no reader, also reading `x` (a ticked box) as yes. */
export function officeBoolean(read: CellReader): CellReader {
  return (cell) => {
    const value = read(cell);
    if (value !== INVALID || typeof cell !== 'string') return value;
    return cell.trim().toLowerCase() === 'x' ? true : INVALID;
  };
}
