/**
 * The report's tables as data (columns with how each cell is shown, rows of plain values), and
 * what every table builder needs: the language's words and the report's names. Builders:
 * year-tables.ts (the years and the latest year in detail), target-tables.ts (the targets
 * file's progress), trend-tables.ts (the last two years compared).
 */
import { interpolate, type LocalizedText } from '@lcz/criteria-engine';
import type { ReportMessageKey, ReportMessages } from '../messages/report-en.js';
import type { CityReport } from '../model.js';
import type { Lang } from './document.js';

/** How a cell is shown: text; a count; a percentage (an integer, rounded down); a signed change. */
export type ColumnKind = 'text' | 'integer' | 'percent' | 'delta';

export interface Column {
  readonly header: string;
  readonly kind: ColumnKind;
}

export type CellValue = string | number | null;

export interface Table {
  /** Stable id (also the XLSX sheet's key). */
  readonly id:
    | 'summary'
    | 'units'
    | 'standards'
    | 'criteria'
    | 'most_failed'
    | 'targets'
    | 'yoy_units'
    | 'yoy_criteria'
    | 'targets_by_year'
    | 'levels'
    | 'units_by_level'
    | 'derived';
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly CellValue[])[];
  readonly notes: readonly string[];
}

/** What every table builder needs: the language, its words and the report's names. */
export interface Build {
  readonly report: CityReport;
  readonly lang: Lang;
  readonly m: ReportMessages;
  /** A text of the rule file on one line. */
  readonly t: (text: LocalizedText) => string;
  readonly say: (key: ReportMessageKey, params?: Readonly<Record<string, string | number>>) => string;
  readonly yearName: (y: number | null) => string;
  readonly unitName: (u: string) => string;
  /** A criterion's text with the source's line breaks kept ("- Đối với …" bullets stay apart). */
  readonly criterionText: ReadonlyMap<string, string>;
}

/** recognised × 100 / assessed, rounded down; null when nothing was assessed. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((part * 100) / whole);
}

export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return interpolate(template, params);
}
