/**
 * What reading a batch yields: one record per row, in file order, bad rows included.
 */
import type { Assessment, Diagnostic } from '@lcz/criteria-engine';

export type BatchFormat = 'csv' | 'xlsx' | 'json' | 'jsonl' | 'yaml';

/** Who a row is about. `year` comes from the year column, or from the date. */
export interface BatchArea {
  readonly code?: string;
  readonly name?: string;
  readonly unit?: string;
  readonly year?: number;
  /** YYYY-MM-DD */
  readonly date?: string;
}

export interface BatchRecord {
  /**
   * Spreadsheet row (the header is row 1) for CSV and XLSX; line for JSON Lines; item number
   * (1-based) for a JSON array or a YAML list.
   */
  readonly row: number;
  readonly area: BatchArea;
  /** Present only when the row is valid. */
  readonly assessment?: Assessment;
  /** Every problem of the row; empty when it is valid. */
  readonly diagnostics: readonly Diagnostic[];
  /** Set on the one record that carries the problems of the header row or of the file itself. */
  readonly header?: true;
  /**
   * For spreadsheets (CSV, XLSX): the 1-based column of each field the header names (identity,
   * context and fact ids), so a reader that finds a problem with a value later can locate it at
   * its row and column. One map per header, shared by its rows.
   */
  readonly columns?: ReadonlyMap<string, number>;
}
