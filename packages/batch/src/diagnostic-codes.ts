/**
 * The batch package's diagnostic codes and their params: assessments in bulk (CSV, XLSX, JSON
 * Lines, …) located at row and column. The engine knows none of them: the `declare module` below
 * adds them to its `DiagnosticCode`, and diagnostics.ts registers their messages
 * (messages/vi.ts, messages/en.ts). Each code has a row in docs/errors.md (its Params column is
 * the interface below; test/diagnostic-messages.test.ts keeps the two the same).
 */
export const BATCH_DIAGNOSTIC_CODES = [
  'batch_unreadable',
  'batch_no_header',
  'batch_header_unknown',
  'batch_header_duplicate',
  'batch_header_missing',
  'batch_cell_type',
  'batch_cell_formula',
  'batch_cell_unheaded',
  'batch_cell_merged',
  'batch_other_sheet',
  'batch_row_short',
  'batch_identity_missing',
  'batch_year_mismatch',
  'batch_year_outside_period',
  'batch_too_large',
] as const;

export type BatchDiagnosticCode = (typeof BATCH_DIAGNOSTIC_CODES)[number];

type Param = string | number | boolean;
type NoParams = { readonly [key: string]: never };

export interface BatchDiagnosticParams {
  batch_unreadable: {
    readonly format: Param;
    /** reason unknown_encoding: the name given. */
    readonly encoding?: Param;
    readonly reason?: Param;
    readonly detail?: Param;
    readonly sheet?: Param;
    readonly sheets?: Param;
    readonly size?: Param;
    readonly max?: Param;
  };
  batch_no_header: NoParams;
  batch_header_unknown: {
    readonly column_name: Param;
    readonly cell: Param;
    readonly suggestion?: Param;
    readonly candidates?: Param;
  };
  batch_header_duplicate: {
    readonly column_name: Param;
    readonly cell: Param;
    readonly name: Param;
    readonly first_column: Param;
  };
  batch_header_missing: { readonly name: Param; readonly label_vi: Param; readonly label_en: Param };
  batch_cell_type: {
    readonly column_name: Param;
    readonly cell: Param;
    readonly name: Param;
    readonly expected: Param;
    readonly value: Param;
    readonly allowed?: Param;
    /** `ambiguous_separator`: 1.234 or 1,234 in a decimal column (thousands, or three decimal places?). */
    readonly reason?: Param;
  };
  /** `reason`: `error` (the cell shows #DIV/0!, #N/A…) or `no_result` (a formula saved without its result). */
  batch_cell_formula: {
    readonly column_name: Param;
    readonly cell: Param;
    readonly name: Param;
    readonly value: Param;
    readonly reason: Param;
  };
  batch_cell_unheaded: { readonly cell: Param; readonly value: Param };
  /** `range`: the merge as the workbook names it (`G3:G4`); `cell`: its first cell, the only one holding a value. */
  batch_cell_merged: { readonly cell: Param; readonly range: Param };
  /** `sheet`: the sheet read (the first visible one); `suggestion`: the sheet whose header names columns of the rules. */
  batch_other_sheet: { readonly sheet: Param; readonly suggestion: Param; readonly hidden: Param };
  batch_row_short: { readonly cell: Param; readonly found: Param; readonly expected: Param };
  batch_identity_missing: { readonly name: Param; readonly cell?: Param; readonly column_name?: Param };
  batch_too_large: { readonly format: Param; readonly limit: Param; readonly max: Param; readonly cell?: Param };
  batch_year_mismatch: {
    readonly year: Param;
    readonly date: Param;
    readonly cell: Param;
    readonly column_name: Param;
  };
  batch_year_outside_period: {
    readonly year: Param;
    readonly from: Param;
    readonly to: Param;
    readonly cell: Param;
    readonly column_name: Param;
  };
}

declare module '@lcz/criteria-engine' {
  // Declaration merging: the batch codes join the engine's DiagnosticCode, with their params.
  interface RegisteredDiagnosticParams extends BatchDiagnosticParams {}
}
