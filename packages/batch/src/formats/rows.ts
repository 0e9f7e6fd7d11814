/**
 * What the spreadsheet readers (CSV, XLSX) hand to the row reader: rows of cells, in chunks so a
 * million rows do not cost a million promises. A problem that stops the file (a broken quote, a
 * file that is not a workbook) is thrown as a SourceError carrying its diagnostic.
 */
import type { Diagnostic } from '@lcz/criteria-engine';
import type { Cell } from '../cells.js';

export interface RawRow {
  /** 1-based spreadsheet row number. */
  readonly row: number;
  readonly cells: readonly Cell[];
}

export type RowChunks = AsyncIterable<readonly RawRow[]>;

export class SourceError extends Error {
  override readonly name = 'SourceError';
  /** `others`: more problems found at the same time (every merged range of a sheet). */
  constructor(
    readonly diagnostic: Diagnostic,
    readonly others: readonly Diagnostic[] = [],
  ) {
    super(`${diagnostic.code}: ${String(diagnostic.params['detail'] ?? '')}`);
  }
}

/** Rows per chunk: large enough to amortise the async hand-over, small enough to stay flat. */
export const CHUNK_ROWS = 512;
