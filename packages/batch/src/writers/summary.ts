/**
 * The summary table: one row per area (bad rows too, with their errors), as CSV (csv-stringify)
 * or XLSX (exceljs's streaming WorkbookWriter). Both stream: a row is written and forgotten.
 *
 * Columns: identity, the decision; for a scheme with levels the level reached and the highest
 * still possible (the rule file's labels); for a scheme that scores points the total; each
 * standard's passed/applicable; each derived quantity's value as shown (its `decimals`); then
 * the failed criteria, disqualifiers, missing facts and errors. A scheme without levels, points
 * or derived quantities keeps exactly the columns it had.
 */
import { once } from 'node:events';
import type { CompiledRuleset, Diagnostic, EvaluationResult } from '@lcz/criteria-engine';
import { renderMessage } from '@lcz/criteria-engine';
import { stringify, type Stringifier } from 'csv-stringify';
import type ExcelJS from 'exceljs';
import { exceljsTarget, loadExcelJS } from '../exceljs.js';
import type { BatchArea } from '../record.js';
import {
  DECISION_WORDS,
  derivedHeader,
  scoresPoints,
  summaryGroupHeaders,
  summaryHeaders,
  type Lang,
  type SummaryDecision,
} from '../words.js';
import { safeCsvRow } from './csv-cell.js';
import { CELL_WORD } from '../format.js';
import { openFile } from './text-sink.js';

export type SummaryFormat = 'csv' | 'xlsx';

export interface SummaryWriter {
  add(
    row: number,
    area: BatchArea,
    result: EvaluationResult | undefined,
    diagnostics: readonly Diagnostic[],
    /** The row's derived quantities as shown (CompiledRuleset.derivedValues): known ones only. */
    derived?: ReadonlyMap<string, string>,
  ): Promise<void>;
  /** Finishes the table and puts the file in place. */
  close(): Promise<void>;
  /** Drops the table: a file written before stays as it was. */
  abort(): Promise<void>;
}

export function summaryFormatOf(path: string): SummaryFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  return ext === 'csv' ? 'csv' : ext === 'xlsx' ? 'xlsx' : undefined;
}

export async function openSummary(
  target: string | NodeJS.WritableStream,
  format: SummaryFormat,
  ruleset: CompiledRuleset,
  lang: Lang,
): Promise<SummaryWriter> {
  const file = typeof target === 'string' ? await openFile(target) : undefined;
  const stream = file !== undefined ? file.stream : typeof target !== 'string' ? target : undefined;
  if (stream === undefined) throw new Error('a summary target is a path or a stream');
  const layout = summaryLayout(ruleset, lang);
  const writer =
    format === 'csv'
      ? csvSummary(stream, file !== undefined, layout, ruleset, lang)
      : xlsxSummary(await loadExcelJS(), stream, layout, ruleset, lang);
  if (file === undefined) return writer;
  // The table goes to a temporary file that replaces the target only once it is complete.
  return {
    add: (...args) => writer.add(...args),
    async close() {
      try {
        await writer.close();
        await file.commit();
      } catch (error) {
        await file.abort();
        throw error;
      }
    },
    abort: () => file.abort(),
  };
}

/** What each column holds (its width in XLSX follows), in order. */
/** A column of the summary: its header and what it holds. */
function column(header: string, kind: ColumnKind): [string, ColumnKind] {
  return [header, kind];
}

type ColumnKind =
  | 'row'
  | 'code'
  | 'name'
  | 'unit'
  | 'year'
  | 'decision'
  | 'level'
  | 'points'
  | 'group'
  | 'derived'
  | 'list'
  | 'errors';

interface SummaryLayout {
  readonly headers: readonly string[];
  readonly kinds: readonly ColumnKind[];
  readonly levels: boolean;
  readonly points: boolean;
}

function summaryLayout(ruleset: CompiledRuleset, lang: Lang): SummaryLayout {
  const h = summaryHeaders(ruleset, lang);
  const w = (k: string): string => h[k] ?? k;
  const levels = ruleset.levels !== undefined;
  const points = scoresPoints(ruleset);
  const columns: [string, ColumnKind][] = [
    [w('row'), 'row'],
    [w('code'), 'code'],
    [w('name'), 'name'],
    [w('unit'), 'unit'],
    [w('year'), 'year'],
    [w('decision'), 'decision'],
    ...(levels ? [column(w('level'), 'level'), column(w('level_possible'), 'level')] : []),
    ...(points ? [column(w('points'), 'points')] : []),
    ...summaryGroupHeaders(ruleset, lang).map((g): [string, ColumnKind] => [g, 'group']),
    ...ruleset.derived.map((d): [string, ColumnKind] => [derivedHeader(d, lang), 'derived']),
    [w('failed'), 'list'],
    [w('disqualifiers'), 'list'],
    [w('missing'), 'list'],
    [w('errors'), 'errors'],
  ];
  return { headers: columns.map((c) => c[0]), kinds: columns.map((c) => c[1]), levels, points };
}

type Cell = string | number;

/** A level's label in the summary's language; empty for none. */
function levelLabel(ruleset: CompiledRuleset, id: string | null | undefined, lang: Lang): string {
  if (id === null || id === undefined) return '';
  return ruleset.levels?.find((l) => l.id === id)?.label[lang] ?? id;
}

/** Total points: one number when certain, else "least–most" (what is unknown may still add). */
function pointsCell(result: EvaluationResult | undefined): Cell {
  const total = result?.points_total;
  if (total === undefined) return '';
  return total.least === total.most ? total.least : `${total.least}–${total.most}`;
}

/** The cells of one summary row, in header order. */
function summaryCells(
  row: number,
  area: BatchArea,
  result: EvaluationResult | undefined,
  diagnostics: readonly Diagnostic[],
  derived: ReadonlyMap<string, string> | undefined,
  ruleset: CompiledRuleset,
  layout: SummaryLayout,
  lang: Lang,
): { cells: Cell[]; decision: SummaryDecision } {
  const decision: SummaryDecision = result?.decision ?? 'invalid';
  const levels = layout.levels
    ? [levelLabel(ruleset, result?.level?.reached, lang), levelLabel(ruleset, result?.level?.possible, lang)]
    : [];
  const points = layout.points ? [pointsCell(result)] : [];
  const derivedCells = ruleset.derived.map((d) => (result ? (derived?.get(d.id) ?? '') : ''));
  const standards = ruleset.groups.map((g) => {
    const s = result?.standards.find((x) => x.id === g.id);
    if (!s) return '';
    // A scheme that scores points: the standard's points too ("3/5 · 12", "3/5 · 12–15").
    const p = layout.points ? s.points_total : undefined;
    const points = p === undefined ? '' : ` · ${p.least === p.most ? p.least : `${p.least}–${p.most}`}`;
    return `${s.passed}/${s.applicable}${points}`;
  });
  const failed = result
    ? result.criteria
        .filter((c) => c.counts_as === 'failed')
        .map((c) => c.id)
        .join('; ')
    : '';
  const applying = result
    ? result.disqualifiers
        .filter((d) => d.status === 'applies')
        .map((d) => d.id)
        .join('; ')
    : '';
  const missing = result ? result.missing.join('; ') : '';
  const errors = diagnostics
    .map((d) => {
      // Batch messages name their cell themselves ("Cell G14, …"); the engine's do not.
      const { message } = renderMessage(d, lang);
      // A spreadsheet cell is named as the batch's own messages name it ("Ô J32", "Cell J32").
      const cell =
        typeof d.params['cell'] === 'string'
          ? d.params['cell']
          : d.line > 0
            ? d.column > 0
              ? `${d.line}:${d.column}`
              : `${d.line}`
            : '';
      const where = typeof d.params['cell'] === 'string' ? `${CELL_WORD[lang]} ${cell}` : cell;
      const name = typeof d.params['column_name'] === 'string' ? `, "${d.params['column_name']}"` : '';
      return cell && !message.includes(cell) ? `${where}${name}: ${message}` : message;
    })
    .join('\n');
  return {
    decision,
    cells: [
      row,
      area.code ?? '',
      area.name ?? '',
      area.unit ?? '',
      area.year ?? '',
      DECISION_WORDS[lang][decision],
      ...levels,
      ...points,
      ...standards,
      ...derivedCells,
      failed,
      applying,
      missing,
      errors,
    ],
  };
}

function csvSummary(
  stream: NodeJS.WritableStream,
  owned: boolean,
  layout: SummaryLayout,
  ruleset: CompiledRuleset,
  lang: Lang,
): SummaryWriter {
  const headers = [...layout.headers];
  // The byte-order mark makes Excel open the file as UTF-8 (Vietnamese text intact).
  const stringifier: Stringifier = stringify({ bom: true });
  stringifier.pipe(stream, { end: owned });
  const write = async (cells: Cell[]): Promise<void> => {
    if (!stringifier.write(cells)) await once(stringifier, 'drain');
  };
  let started = false;
  return {
    async add(row, area, result, diagnostics, derived) {
      if (!started) {
        started = true;
        await write(safeCsvRow(headers));
      }
      await write(safeCsvRow(summaryCells(row, area, result, diagnostics, derived, ruleset, layout, lang).cells));
    },
    async close() {
      if (!started) await write(safeCsvRow(headers));
      stringifier.end();
      await once(owned ? stream : stringifier, owned ? 'finish' : 'end');
    },
    async abort() {
      stringifier.destroy();
    },
  };
}

/**
 * exceljs's streaming writer has no back-pressure: each committed row is handed to the zip
 * archiver's input stream at once, whatever that stream has buffered, so a fast producer would
 * hold the whole table in memory. Past 4 MiB waiting there, we wait, a millisecond at a time,
 * for the compressor to bring it under 1 MiB. The streams are exceljs's own (4.4.0:
 * WorksheetWriter._stream, a StreamBuf whose `pipes` are the archiver's entry streams, from
 * readable-stream 3, which has no `writableLength`: hence `_writableState`).
 */
async function drained(sheet: ExcelJS.Worksheet): Promise<void> {
  const pending = (): number => {
    // exceljs internals, typed in exceljs.ts; absent ones count as nothing pending.
    const stream = sheet._stream;
    return (stream?.pipes ?? []).reduce((sum, p) => sum + (p._writableState?.length ?? 0), 0);
  };
  if (pending() <= 4 * 1024 * 1024) return;
  while (pending() > 1024 * 1024) await new Promise((r) => setTimeout(r, 1));
}

const FILLS: Readonly<Record<SummaryDecision, string>> = {
  recognised: 'FFC6EFCE',
  not_recognised: 'FFFFC7CE',
  undetermined: 'FFFFEB9C',
  invalid: 'FFD9D9D9',
};

/** Column widths in XLSX by what the column holds. */
const WIDTHS: Readonly<Record<ColumnKind, number>> = {
  row: 7,
  code: 12,
  name: 24,
  unit: 24,
  year: 7,
  decision: 24,
  level: 20,
  points: 10,
  group: 13,
  derived: 14,
  list: 24,
  errors: 60,
};

function xlsxSummary(
  excel: typeof ExcelJS,
  stream: NodeJS.WritableStream,
  layout: SummaryLayout,
  ruleset: CompiledRuleset,
  lang: Lang,
): SummaryWriter {
  const headers = layout.headers;
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    stream: exceljsTarget(stream),
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(lang === 'vi' ? 'Tổng hợp' : 'Summary', {
    views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }],
  });
  sheet.columns = headers.map((header, i) => ({ header, width: WIDTHS[layout.kinds[i] ?? 'list'] }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'top' };
  head.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const decisionColumn = 6;
  return {
    async add(row, area, result, diagnostics, derived) {
      const { cells, decision } = summaryCells(row, area, result, diagnostics, derived, ruleset, layout, lang);
      const added = sheet.addRow(cells);
      added.getCell(decisionColumn).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[decision] } };
      if (diagnostics.length > 0) added.getCell(headers.length).alignment = { wrapText: true, vertical: 'top' };
      added.commit();
      await drained(sheet);
    },
    async close() {
      sheet.commit();
      await workbook.commit();
    },
    async abort() {
      // The caller drops the file; exceljs has nothing to release.
    },
  };
}
