/**
 * Spreadsheet rows (CSV, XLSX) → BatchRecords: the first non-blank row is the header, the row
 * right under it is skipped when it holds the English labels, blank rows are skipped, every other
 * row is read by a RowReader. One place for these rules, shared by readBatch and by the
 * decisions-only CSV path (decisions/csv-decisions.ts), which hands over every row it does not
 * take itself.
 */
import type { CompiledRuleset, Diagnostic } from '@lcz/criteria-engine';
import { cellText, type Cell } from './cells.js';
import { fileDiagnostic, rowDiagnostic } from './diagnostics.js';
import { isEnglishLabelRow, readHeader, type HeaderLayout } from './header.js';
import type { OtherSheets } from './formats/xlsx.js';
import type { BatchRecord } from './record.js';
import { RowReader } from './row-reader.js';

export class SheetRecords {
  private layout: HeaderLayout | undefined;
  private reader: RowReader | undefined;
  private afterHeader = false;
  /** Field id → 1-based column, from the header. */
  private columns: ReadonlyMap<string, number> = new Map();

  constructor(
    private readonly ruleset: CompiledRuleset,
    private readonly file: string,
    private readonly format: 'csv' | 'xlsx',
  ) {}

  /** The header, once read. */
  get header(): HeaderLayout | undefined {
    return this.layout;
  }

  /** Whether the next non-blank row is an ordinary data row (the header and the row under it are past). */
  get inBody(): boolean {
    return this.layout !== undefined && !this.afterHeader;
  }

  /** The record one row makes, if any: blank rows and the English-labels row make none. */
  take(row: number, cells: readonly Cell[]): BatchRecord | undefined {
    if (RowReader.isBlank(cells)) return undefined;
    if (this.layout === undefined || this.reader === undefined) {
      this.layout = readHeader(this.ruleset, this.file, row, cells);
      const problems = [...this.layout.diagnostics];
      // A CSV's bytes that were not UTF-8 became U+FFFD (an XLSX's XML is always Unicode).
      const lost = this.format !== 'csv' ? -1 : cells.findIndex((c) => cellText(c).includes('\uFFFD'));
      if (lost !== -1) {
        problems.unshift(
          fileDiagnostic(this.file, 'text_encoding', { path: this.file, encoding: 'replacement' }, row, lost + 1),
        );
      }
      this.reader = new RowReader(this.ruleset, this.file, this.layout, this.format === 'xlsx');
      this.columns = new Map(
        this.layout.slots.flatMap((slot, i) => (slot.kind === 'column' ? [[slot.column.id, i + 1] as const] : [])),
      );
      this.afterHeader = true;
      return problems.length > 0 ? headerRecord(row, problems) : undefined;
    }
    if (this.afterHeader) {
      this.afterHeader = false;
      if (isEnglishLabelRow(this.layout, cells)) return undefined;
    }
    const record = { ...this.reader.read(row, cells), columns: this.columns };
    // A CSV row with fewer fields than the header lost a separator (or a value) somewhere: its
    // values may sit under the wrong columns, so it is an error, as a row with too many is.
    // Trailing columns with no header text (a spreadsheet's empty columns) need no field.
    let expected = this.layout.slots.length;
    while (expected > 0 && this.layout.slots[expected - 1]?.kind === 'empty') expected--;
    if (this.format !== 'csv' || cells.length >= expected) return record;
    const short = rowDiagnostic(this.file, 'batch_row_short', row, cells.length + 1, {
      found: cells.length,
      expected,
    });
    return { row, area: record.area, diagnostics: [short, ...record.diagnostics], columns: this.columns };
  }

  /**
   * Goes on with a sheet whose header and the row under it another reader has read (a decide
   * worker's part of a file, decisions/decide-worker.ts): the header is read again, for its
   * layout; its problems were reported by that reader.
   */
  resumeBody(row: number, cells: readonly Cell[]): void {
    this.take(row, cells);
    this.afterHeader = false;
  }

  /**
   * After the last row of a workbook read at its default sheet (the first visible one): when that
   * sheet's header names no column of the rules (an instructions sheet first, the data sheet
   * hidden) and another sheet's header does, the problem that names it, so the fix is one
   * option, not a header to rewrite. The sheet whose header names the most columns is named.
   */
  otherSheet(sheets: OtherSheets): BatchRecord | undefined {
    if (this.layout !== undefined && namedColumns(this.layout) > 0) return undefined;
    let best: { name: string; hidden: boolean; columns: number } | undefined;
    for (const other of sheets.others) {
      const columns = namedColumns(readHeader(this.ruleset, this.file, other.row, other.cells));
      if (columns > (best?.columns ?? 0)) best = { name: other.name, hidden: other.hidden, columns };
    }
    if (best === undefined) return undefined;
    const row = this.layout?.row ?? 1;
    const params = { sheet: sheets.chosen ?? '', suggestion: best.name, hidden: best.hidden };
    return headerRecord(row, [fileDiagnostic(this.file, 'batch_other_sheet', params, row, 1)]);
  }

  /** After the last row: the file's problem when it had no header at all. */
  finish(): BatchRecord | undefined {
    return this.layout === undefined
      ? headerRecord(1, [fileDiagnostic(this.file, 'batch_no_header', {}, 1, 1)])
      : undefined;
  }
}

/** Columns of the rules a header names. */
function namedColumns(layout: HeaderLayout): number {
  return layout.slots.filter((slot) => slot.kind === 'column').length;
}

/** The one record carrying the problems of the header row or of the file itself. */
export function headerRecord(row: number, diagnostics: readonly Diagnostic[]): BatchRecord {
  return { row, area: {}, diagnostics, header: true };
}
