/**
 * Row-located diagnostics: the engine's Diagnostic with `line` = the row (spreadsheet row, JSON
 * Lines line) and `column` = the spreadsheet column number, plus `cell` (G14) and `column_name`
 * (the header text) in params so messages can name the cell as people see it. The batch codes
 * (diagnostic-codes.ts) and their messages (messages/) belong to this package; the engine prints
 * them once registered.
 */
import { registerDiagnostics, type Diagnostic, type DiagnosticCode, type DiagnosticParams } from '@lcz/criteria-engine';
import { BATCH_DIAGNOSTIC_CODES } from './diagnostic-codes.js';
import { en } from './messages/en.js';
import { vi } from './messages/vi.js';
import { cellName } from './text.js';

// The batch codes' messages, registered here because every batch diagnostic is made here: no
// diagnostic of this package exists before the formatter can print it.
registerDiagnostics({ codes: BATCH_DIAGNOSTIC_CODES, messages: { vi, en } });

/**
 * The params a caller gives for a diagnostic of code `C`: the code's own (diagnostic-codes.ts, or
 * the engine's diagnostics/params.ts), checked at compile time, less `cell` and `column_name`,
 * which rowDiagnostic fills in from the row, column and header. Distributed over a union of
 * codes, so a call whose code is not one literal still gives the params of one of them.
 */
export type RowParams<C extends DiagnosticCode> = C extends DiagnosticCode
  ? Omit<DiagnosticParams<C>, 'cell' | 'column_name'>
  : never;

interface RowOptions {
  readonly columnName?: string;
  readonly path?: string;
}

/** A diagnostic at a row and column (1-based; 0 for none), its params checked against the code's. */
export function rowDiagnostic<C extends DiagnosticCode>(
  file: string,
  code: C,
  row: number,
  column: number,
  params: RowParams<C>,
  options?: RowOptions,
): Diagnostic;
export function rowDiagnostic(
  file: string,
  code: DiagnosticCode,
  row: number,
  column: number,
  params: Diagnostic['params'],
  options: RowOptions = {},
): Diagnostic {
  return atCell(file, code, row, column, params, options);
}

/**
 * A diagnostic made elsewhere (the engine's, on an assessment) moved to a row and column: its code
 * is known only at run time, and its params were checked against it when it was made.
 */
export function movedToCell(
  file: string,
  d: Diagnostic,
  row: number,
  column: number,
  options: RowOptions = {},
): Diagnostic {
  return atCell(file, d.code, row, column, d.params, options);
}

function atCell(
  file: string,
  code: DiagnosticCode,
  row: number,
  column: number,
  params: Diagnostic['params'],
  options: RowOptions,
): Diagnostic {
  return {
    code,
    severity: 'error',
    file,
    line: row,
    column,
    ...(options.path !== undefined ? { path: options.path } : {}),
    params: {
      ...params,
      ...(column > 0 && row > 0 ? { cell: cellName(row, column) } : {}),
      ...(options.columnName !== undefined ? { column_name: options.columnName } : {}),
    },
  };
}

/**
 * A diagnostic of the file as a whole, or at a line and column of a text file, its params checked
 * against the code's.
 */
export function fileDiagnostic<C extends DiagnosticCode>(
  file: string,
  code: C,
  params: DiagnosticParams<C>,
  line = 0,
  column = 0,
): Diagnostic {
  return { code, severity: 'error', file, line, column, params };
}
