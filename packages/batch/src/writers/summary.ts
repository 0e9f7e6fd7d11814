/**
 * The summary table: one row per area (bad rows too, with their errors), as CSV (csv-stringify)
 * or XLSX (exceljs's streaming WorkbookWriter). Both stream: a row is written and forgotten.
 */
import { once } from 'node:events';
import type { CompiledRuleset, Diagnostic, EvaluationResult } from '@lcz/criteria-engine';
import { renderMessage } from '@lcz/criteria-engine';
import { stringify, type Stringifier } from 'csv-stringify';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../exceljs.js';
import type { BatchArea } from '../record.js';
import { DECISION_WORDS, summaryGroupHeaders, summaryHeaders, type Lang, type SummaryDecision } from '../words.js';
import { safeCsvRow } from './csv-cell.js';
import { openFile } from './text-sink.js';

export type SummaryFormat = 'csv' | 'xlsx';

export interface SummaryWriter {
  add(
    row: number,
    area: BatchArea,
    result: EvaluationResult | undefined,
    diagnostics: readonly Diagnostic[],
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
  const stream = file?.stream ?? (target as NodeJS.WritableStream);
  const headers = summaryRow(ruleset, lang);
  const writer =
    format === 'csv'
      ? csvSummary(stream, file !== undefined, headers, ruleset, lang)
      : xlsxSummary(await loadExcelJS(), stream, headers, ruleset, lang);
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

function summaryRow(ruleset: CompiledRuleset, lang: Lang): string[] {
  const h = summaryHeaders(ruleset, lang);
  const w = (k: string): string => h[k] ?? k;
  return [
    w('row'),
    w('code'),
    w('name'),
    w('unit'),
    w('year'),
    w('decision'),
    ...summaryGroupHeaders(ruleset, lang),
    w('failed'),
    w('disqualifiers'),
    w('missing'),
    w('errors'),
  ];
}

type Cell = string | number;

/** The cells of one summary row, in header order. */
function summaryCells(
  row: number,
  area: BatchArea,
  result: EvaluationResult | undefined,
  diagnostics: readonly Diagnostic[],
  ruleset: CompiledRuleset,
  lang: Lang,
): { cells: Cell[]; decision: SummaryDecision } {
  const decision: SummaryDecision = result?.decision ?? 'invalid';
  const standards = ruleset.groups.map((g) => {
    const s = result?.standards.find((x) => x.id === g.id);
    return s ? `${s.passed}/${s.applicable}` : '';
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
      const cell = typeof d.params['cell'] === 'string' ? d.params['cell'] : d.line > 0 ? `${d.line}:${d.column}` : '';
      const name = typeof d.params['column_name'] === 'string' ? `, "${d.params['column_name']}"` : '';
      return cell && !message.includes(cell) ? `${cell}${name}: ${message}` : message;
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
      ...standards,
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
  headers: string[],
  ruleset: CompiledRuleset,
  lang: Lang,
): SummaryWriter {
  // The byte-order mark makes Excel open the file as UTF-8 (Vietnamese text intact).
  const stringifier: Stringifier = stringify({ bom: true });
  stringifier.pipe(stream, { end: owned });
  const write = async (cells: Cell[]): Promise<void> => {
    if (!stringifier.write(cells)) await once(stringifier, 'drain');
  };
  let started = false;
  return {
    async add(row, area, result, diagnostics) {
      if (!started) {
        started = true;
        await write(headers);
      }
      await write(safeCsvRow(summaryCells(row, area, result, diagnostics, ruleset, lang).cells));
    },
    async close() {
      if (!started) await write(headers);
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
    const stream = (sheet as unknown as { _stream?: { pipes?: { _writableState?: { length?: number } }[] } })._stream;
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

function xlsxSummary(
  excel: typeof ExcelJS,
  stream: NodeJS.WritableStream,
  headers: string[],
  ruleset: CompiledRuleset,
  lang: Lang,
): SummaryWriter {
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    stream: stream as never,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(lang === 'vi' ? 'Tổng hợp' : 'Summary', {
    views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }],
  });
  const groups = ruleset.groups.length;
  sheet.columns = headers.map((header, i) => ({
    header,
    width:
      i === 0
        ? 7
        : i === 1
          ? 12
          : i === 2 || i === 3
            ? 24
            : i === 4
              ? 7
              : i === 5
                ? 24
                : i < 6 + groups
                  ? 13
                  : i === 6 + groups + 3
                    ? 60
                    : 24,
  }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'top' };
  head.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const decisionColumn = 6;
  return {
    async add(row, area, result, diagnostics) {
      const { cells, decision } = summaryCells(row, area, result, diagnostics, ruleset, lang);
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
