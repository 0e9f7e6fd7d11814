/**
 * One spreadsheet row (CSV or XLSX) → one BatchRecord. Cells are read by their column's type
 * (cells.ts). The row is then checked by a per-column checker compiled from the ruleset's fact
 * declarations (bounds, part ≤ whole) and the remembered verdict on its context; a row that fails
 * goes through the engine's validation, whose diagnostics are moved to the row and the column of
 * the fact they name. So the engine is the single source of diagnostics, and a valid row costs a
 * few comparisons (test/row-check.test.ts checks both agree on validity).
 */
import type { Assessment, CompiledRuleset, Diagnostic, DiagnosticCode } from '@lcz/criteria-engine';
import { FACT_TYPES } from '@lcz/criteria-engine/runtime';
import {
  compileContextCheck,
  compileDateCheck,
  compileYearCheck,
  partPairs,
  type ContextCheck,
} from './assessment-check.js';
import {
  allowedText,
  cellDecoder,
  cellText,
  formulaLeftover,
  INVALID,
  isEmptyCell,
  type Cell,
  type CellDecoder,
  type CellValue,
} from './cells.js';
import type { BatchColumn } from './columns.js';
import { isAmbiguousNumber } from './office-values.js';
import { movedToCell, rowDiagnostic, type RowParams } from './diagnostics.js';
import type { HeaderLayout } from './header.js';
import type { BatchArea, BatchRecord } from './record.js';
import { cellName, shown } from './text.js';

interface Slot {
  readonly position: number;
  readonly column: BatchColumn;
  readonly name: string;
  readonly decode: CellDecoder;
  /** Bounds of a number fact; undefined for other columns. */
  readonly inBounds: ((v: unknown) => boolean) | undefined;
}

/** What the cells of a row say, before validation. */
export interface DecodedRow {
  readonly area: BatchArea;
  readonly assessment: Assessment;
  /** Cell and identity problems found while reading the cells. */
  readonly diagnostics: Diagnostic[];
  /** Whether every value is within bounds, parts within wholes, and the context allowed. */
  readonly checked: boolean;
}

export class RowReader {
  private readonly slots: (Slot | undefined)[] = [];
  /** Header positions with no text: a value below them is reported. */
  private readonly unheaded: boolean[] = [];
  private readonly slotOf = new Map<string, Slot>();
  private readonly firstContext: Slot | undefined;
  private readonly yearSlot: Slot | undefined;
  private readonly dateSlot: Slot | undefined;
  private readonly codeSlot: Slot | undefined;
  private readonly parts: readonly (readonly [string, string])[];
  private readonly contextHolds: ContextCheck;
  private readonly dateHolds: (date: string) => boolean;
  private readonly yearHolds: (year: number) => boolean;
  /**
   * Every fact (and context) column as a key, null, in column order. Each row starts from a copy,
   * so an empty cell is unknown explicitly, and every row has the same keys in the same order,
   * which lets the engine reuse its key → slot map instead of rebuilding it for each row.
   */
  private readonly factsTemplate: Record<string, CellValue>;
  private readonly contextTemplate: Record<string, null>;

  constructor(
    private readonly ruleset: CompiledRuleset,
    private readonly file: string,
    header: HeaderLayout,
    /**
     * Whether a text that starts with `=` is a formula saved without its result (the XLSX reader
     * gives such a cell as `=FORMULA`). In a CSV it is what was typed, and read as text.
     */
    private readonly formulaTexts = false,
  ) {
    const facts = new Map(ruleset.facts.map((f) => [f.id, f]));
    header.slots.forEach((s, i) => {
      this.unheaded[i] = s.kind === 'empty';
      if (s.kind !== 'column') return;
      const fact = s.column.kind === 'fact' ? facts.get(s.column.id) : undefined;
      const slot: Slot = {
        position: i,
        column: s.column,
        name: s.name,
        decode: cellDecoder(s.column),
        // A number the cell reader took may still be outside the declared range.
        inBounds: fact && FACT_TYPES[fact.type].bounds ? FACT_TYPES[fact.type].accepts(fact) : undefined,
      };
      this.slots[i] = slot;
      this.slotOf.set(`${s.column.kind}:${s.column.id}`, slot);
    });
    this.firstContext = this.slots.find((s) => s?.column.kind === 'context');
    this.yearSlot = this.slotOf.get('identity:year');
    this.dateSlot = this.slotOf.get('identity:date');
    this.codeSlot = this.slotOf.get('identity:code');
    this.parts = partPairs(ruleset);
    this.contextHolds = compileContextCheck(ruleset);
    this.dateHolds = compileDateCheck(ruleset);
    this.yearHolds = compileYearCheck(ruleset);
    const columns = this.slots.filter((x): x is Slot => x !== undefined).map((x) => x.column);
    this.factsTemplate = template(columns.filter((c) => c.kind === 'fact').map((c) => c.id));
    this.contextTemplate = template(columns.filter((c) => c.kind === 'context').map((c) => c.id));
  }

  /** Whether every cell of the row is empty (a blank line is skipped, not an area). */
  static isBlank(cells: readonly Cell[]): boolean {
    for (const c of cells) if (!isEmptyCell(c)) return false;
    return true;
  }

  read(row: number, cells: readonly Cell[]): BatchRecord {
    const decoded = this.decode(row, cells);
    const { area, assessment, diagnostics } = decoded;
    if (decoded.checked && diagnostics.length === 0) return { row, area, assessment, diagnostics };
    if (!decoded.checked) {
      // A cell already reported as unreadable was left out; the engine would only add that it
      // is missing (a context attribute), so one problem per cell is said once.
      const reported = new Set(diagnostics.map((d) => d.column));
      for (const d of this.ruleset.validateAssessment(assessment).diagnostics) {
        const placed = this.locate(d, row);
        if (!reported.has(placed.column)) diagnostics.push(placed);
      }
      // The cells' own problems and the engine's come in two passes: in column order, as a person
      // reads the row (a stable sort keeps one cell's problems as they came).
      diagnostics.sort((a, b) => a.column - b.column);
    }
    return { row, area, diagnostics };
  }

  /** The cells read by type, and the quick checks; public for the test that they agree with the engine. */
  decode(row: number, cells: readonly Cell[]): DecodedRow {
    const diagnostics: Diagnostic[] = [];
    const context: Record<string, string | boolean | null> = { ...this.contextTemplate };
    const facts: Record<string, CellValue> = { ...this.factsTemplate };
    let code: string | undefined;
    let name: string | undefined;
    let unit: string | undefined;
    let year: number | undefined;
    let date: string | undefined;
    let checked = true;
    const slots = this.slots;
    const width = Math.max(cells.length, slots.length);

    for (let i = 0; i < width; i++) {
      const cell = cells[i];
      const slot = slots[i];
      if (slot === undefined) {
        if ((i >= this.unheaded.length || this.unheaded[i] === true) && !isEmptyCell(cell)) {
          diagnostics.push(
            rowDiagnostic(this.file, 'batch_cell_unheaded', row, i + 1, { value: shown(cellText(cell)) }),
          );
        }
        continue;
      }
      // U+FFFD: bytes that were not UTF-8 (a CSV saved as Latin-1): the text is lost, never read.
      if (hasReplacement(cell)) {
        diagnostics.push(
          rowDiagnostic(this.file, 'text_encoding', row, i + 1, { path: this.file, encoding: 'replacement' }),
        );
        checked = false;
        continue;
      }
      let decodedValue = slot.decode(cell);
      // What a formula left: in a text column it would be taken as the area's code or name; in
      // any other column it is refused already, and said to be a formula's.
      const leftover =
        slot.column.type === 'text' || decodedValue === INVALID ? formulaLeftover(cell, this.formulaTexts) : undefined;
      if (leftover !== undefined) {
        diagnostics.push(this.formulaProblem(row, slot, cell, leftover));
        checked = false;
        decodedValue = null;
      } else if (decodedValue === INVALID) diagnostics.push(this.typeProblem(row, slot, cell));
      const value = decodedValue === INVALID ? null : decodedValue;
      const { column } = slot;
      // Every fact and context column has its key, null when empty (unknown, said explicitly);
      // the same keys in the same order on every row also let the engine reuse its key → slot map.
      if (value === null) continue;
      if (column.kind === 'fact') {
        facts[column.id] = value;
        if (slot.inBounds !== undefined && !slot.inBounds(value)) checked = false;
      } else if (column.kind === 'context') {
        // Context attributes are enums and booleans, whose cells decode to texts and booleans;
        // a number there would be a reader out of step with its column, said at the cell.
        if (typeof value === 'number') diagnostics.push(this.typeProblem(row, slot, cell));
        else context[column.id] = value;
      }
      // An identity cell decodes to a text (code, name, unit, date) or a number (year).
      else if (column.id === 'year') year = typeof value === 'number' ? value : undefined;
      else if (typeof value !== 'string') continue;
      else if (column.id === 'code') code = value;
      else if (column.id === 'name') name = value;
      else if (column.id === 'unit') unit = value;
      else date = value;
    }

    for (const [part, whole] of this.parts) {
      const p = facts[part];
      const w = facts[whole];
      if (typeof p === 'number' && typeof w === 'number' && p > w) checked = false;
    }
    if (checked && !this.contextHolds(context)) checked = false;
    // A date the rules cannot judge (outside their period, before a dated table's first row): the
    // engine says why at the date cell, as for one file and on the decisions-only path.
    if (checked && date !== undefined && !this.dateHolds(date)) checked = false;

    // Identity: the code and the year (or date) say which area and year a result is for.
    const dateYear = date !== undefined ? Number(date.slice(0, 4)) : undefined;
    if (code === undefined && this.codeSlot !== undefined && !this.hasProblem(diagnostics, this.codeSlot)) {
      diagnostics.push(this.at(row, this.codeSlot, 'batch_identity_missing', { name: 'code' }));
    }
    if (year !== undefined && date !== undefined && year !== dateYear && this.yearSlot) {
      diagnostics.push(this.at(row, this.yearSlot, 'batch_year_mismatch', { year, date }));
    }
    // A year with no date, wholly outside the rules' period: refused as such a date would be.
    if (year !== undefined && date === undefined && this.yearSlot && !this.yearHolds(year)) {
      const period = this.ruleset.effective;
      diagnostics.push(
        this.at(row, this.yearSlot, 'batch_year_outside_period', {
          year,
          from: period?.from ?? '…',
          to: period?.to ?? '…',
        }),
      );
    }
    year ??= dateYear;
    const yearOrDate = this.yearSlot ?? this.dateSlot;
    if (
      year === undefined &&
      yearOrDate !== undefined &&
      !(this.yearSlot && this.hasProblem(diagnostics, this.yearSlot)) &&
      !(this.dateSlot && this.hasProblem(diagnostics, this.dateSlot))
    ) {
      diagnostics.push(this.at(row, yearOrDate, 'batch_identity_missing', { name: 'year' }));
    }

    const assessmentArea: { code?: string; name?: string; unit?: string; date?: string; year?: number } = {};
    if (code !== undefined) assessmentArea.code = code;
    if (name !== undefined) assessmentArea.name = name;
    if (unit !== undefined) assessmentArea.unit = unit;
    if (date !== undefined) assessmentArea.date = date;
    // A year without a date reaches the engine as area.year: the year and the tables keyed by it
    // are known, what needs the day only where the whole year agrees. Not when the batch has
    // refused it already (wholly outside the period: said once, at its cell).
    else if (year !== undefined && this.yearHolds(year)) assessmentArea.year = year;
    const area: BatchArea = year === undefined ? assessmentArea : { ...assessmentArea, year };
    const assessment: Assessment = { area: assessmentArea, context, facts };
    return { area, assessment, diagnostics, checked };
  }

  private typeProblem(row: number, slot: Slot, cell: Cell): Diagnostic {
    const { column } = slot;
    return rowDiagnostic(
      this.file,
      'batch_cell_type',
      row,
      slot.position + 1,
      {
        name: column.id,
        expected: column.type,
        value: shown(cellText(cell)),
        ...(column.values ? { allowed: allowedText(column) } : {}),
        // 1.234 in a decimal column: a thousand, or three decimal places? (office-values.ts)
        ...(column.type === 'number' && isAmbiguousNumber(cell) ? { reason: 'ambiguous_separator' } : {}),
      },
      { columnName: slot.name },
    );
  }

  private formulaProblem(row: number, slot: Slot, cell: Cell, reason: 'error' | 'no_result'): Diagnostic {
    return this.at(row, slot, 'batch_cell_formula', {
      name: slot.column.id,
      value: shown(cellText(cell).trim()),
      reason,
    });
  }

  private hasProblem(diagnostics: readonly Diagnostic[], slot: Slot): boolean {
    return diagnostics.some((d) => d.column === slot.position + 1);
  }

  private at<C extends DiagnosticCode>(row: number, slot: Slot, code: C, params: RowParams<C>): Diagnostic {
    return rowDiagnostic(this.file, code, row, slot.position + 1, params, { columnName: slot.name });
  }

  /** An engine diagnostic (path /facts/x or /context/x) moved to the row and x's column. */
  private locate(d: Diagnostic, row: number): Diagnostic {
    const [, section, id] = (d.path ?? '').split('/');
    let slot: Slot | undefined;
    if (section === 'facts' && id !== undefined) slot = this.slotOf.get(`fact:${id}`);
    else if (section === 'context') {
      const name = id ?? (typeof d.params['name'] === 'string' ? d.params['name'] : undefined);
      slot = (name !== undefined ? this.slotOf.get(`context:${name}`) : undefined) ?? this.firstContext;
    } else if (section === 'area' && id !== undefined) slot = this.slotOf.get(`identity:${id}`);
    const column = slot ? slot.position + 1 : 1;
    // A part larger than its whole: the whole's cell and header too, so both numbers can be found.
    const whole =
      d.code === 'input_part_exceeds_whole' ? this.slotOf.get(`fact:${String(d.params['whole'])}`) : undefined;
    if (whole !== undefined)
      d = {
        ...d,
        params: { ...d.params, whole_cell: cellName(row, whole.position + 1), whole_column: whole.name },
      };
    return movedToCell(this.file, d, row, column, {
      ...(slot ? { columnName: slot.name } : {}),
      ...(d.path !== undefined ? { path: d.path } : {}),
    });
  }
}

function hasReplacement(cell: Cell | undefined): boolean {
  return typeof cell === 'string' && cell.includes('\uFFFD');
}

/** An object with these keys, all null. */
function template(keys: readonly string[]): Record<string, null> {
  return Object.fromEntries(keys.map((k): [string, null] => [k, null]));
}
