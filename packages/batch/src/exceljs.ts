/**
 * exceljs, loaded the first time a workbook is read or written: loading it takes about 0.3 s,
 * which `lcz evaluate` on a CSV file (and every other use without XLSX) should not pay at start.
 */
import type ExcelJSModule from 'exceljs';

export type ExcelJS = typeof ExcelJSModule;

let loading: Promise<ExcelJS> | undefined;

export function loadExcelJS(): Promise<ExcelJS> {
  // exceljs is CommonJS: its exports are the default export of the ES module view.
  // cast: its types describe the CommonJS module, not that view; a bundle may give the exports themselves
  loading ??= import('exceljs').then((m) => (m as { default?: ExcelJS }).default ?? (m as unknown as ExcelJS));
  return loading;
}
