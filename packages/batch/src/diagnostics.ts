/**
 * Row-located diagnostics: the engine's Diagnostic with `line` = the row (spreadsheet row, JSON
 * Lines line) and `column` = the spreadsheet column number, plus `cell` (G14) and `column_name`
 * (the header text) in params so messages can name the cell as people see it. The batch codes
 * (diagnostic-codes.ts) and their messages (messages/) belong to this package; the engine prints
 * them once registered.
 */
import { registerDiagnostics, type Diagnostic, type DiagnosticCode } from '@lcz/criteria-engine';
import { BATCH_DIAGNOSTIC_CODES } from './diagnostic-codes.js';
import { en } from './messages/en.js';
import { vi } from './messages/vi.js';
import { cellName } from './text.js';

// The batch codes' messages, registered here because every batch diagnostic is made here: no
// diagnostic of this package exists before the formatter can print it.
registerDiagnostics({ codes: BATCH_DIAGNOSTIC_CODES, messages: { vi, en } });

type Params = Diagnostic['params'];

export function rowDiagnostic(
  file: string,
  code: DiagnosticCode,
  row: number,
  column: number,
  params: Params,
  options: { columnName?: string; path?: string } = {},
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

/** A diagnostic of the file as a whole, or at a line and column of a text file. */
export function fileDiagnostic(file: string, code: DiagnosticCode, params: Params, line = 0, column = 0): Diagnostic {
  return { code, severity: 'error', file, line, column, params };
}
