/**
 * The `registered` column of a CSV or XLSX batch, read beside the batch reader (which knows only
 * the ruleset's columns): a second streaming pass over the same file that keeps one cell per
 * row. Rows are numbered exactly as the batch reader numbers them (the header is row 1, a blank
 * line is a row), so the two streams are joined by row number.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { chooseDelimiter, csvEncoding, decodedText, raced, zipFailure } from '@lcz/criteria-batch';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { problem, type ReportProblem } from '../problems.js';
import { ALLOWED_WORDS, isRegisteredHeader, registeredValue } from './registered.js';

export interface RegisteredCell {
  readonly row: number;
  readonly registered?: boolean;
  readonly problem?: ReportProblem;
}

export interface RegisteredColumn {
  /** The header row and the 1-based column, when the file has the column. */
  readonly header?: { readonly row: number; readonly column: number; readonly text: string };
  readonly problems: readonly ReportProblem[];
  /** One entry per data row that has a value or a problem, in row order. */
  readonly cells: AsyncIterable<RegisteredCell>;
}

type Row = { readonly row: number; readonly cells: readonly unknown[] };

export async function registeredColumn(
  path: string,
  file: string,
  format: 'csv' | 'xlsx',
  ruleset: CompiledRuleset,
  /** CSV: the character encoding asked for (readBatch's `encoding`). */
  encoding?: string,
): Promise<RegisteredColumn> {
  const rows = (format === 'csv' ? csvRows(path, ruleset, encoding) : xlsxRows(path))[Symbol.asyncIterator]();
  // The header is the first row with any text, as for the batch reader.
  let header: Row | undefined;
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    if (next.value.cells.some((c) => text(c) !== '')) {
      header = next.value;
      break;
    }
  }
  const empty: RegisteredColumn = { problems: [], cells: (async function* () {})() };
  if (header === undefined) return empty;
  const head = header;
  const [first, ...duplicates] = head.cells.flatMap((c, i) => (isRegisteredHeader(text(c)) ? [i + 1] : []));
  if (first === undefined) {
    await finish(rows, format);
    return empty;
  }
  const column = first;
  const problems = duplicates.map((c) =>
    problem('report_registered_duplicate_column', file, head.row, c, { first_column: letters(column) }),
  );
  async function* cells(): AsyncGenerator<RegisteredCell> {
    try {
      yield* values();
    } finally {
      await finish(rows, format);
    }
  }
  async function* values(): AsyncGenerator<RegisteredCell> {
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      const { row, cells: values } = next.value;
      const raw = values[column - 1];
      const value = registeredValue(raw);
      if (value === undefined) continue;
      if (value === null) {
        yield {
          row,
          problem: problem('report_registered_value', file, row, column, {
            value: text(raw),
            allowed: ALLOWED_WORDS,
            column_name: text(head.cells[column - 1]),
          }),
        };
      } else yield { row, registered: value };
    }
  }
  return { header: { row: header.row, column, text: text(header.cells[column - 1]) }, problems, cells: cells() };
}

/**
 * Stop reading. A CSV parser can be dropped; exceljs's streaming reader cannot be abandoned half
 * way (it keeps unzipping into temporary files and fails later), so an XLSX file is read to its end.
 */
async function finish(rows: AsyncIterator<Row>, format: 'csv' | 'xlsx'): Promise<void> {
  if (format === 'xlsx') {
    while (!(await rows.next()).done) {
      // drained
    }
  }
  await rows.return?.(undefined);
}

async function* csvRows(path: string, ruleset: CompiledRuleset, asked: string | undefined): AsyncGenerator<Row> {
  const headBytes = await firstChunk(path);
  // The batch reader's own choice of encoding (a byte-order mark, else the option, else UTF-8),
  // so both passes read the same text; a problem with it is the batch reader's to report.
  const found = csvEncoding(path, headBytes, asked);
  const encoding = 'encoding' in found ? found.encoding : 'utf-8';
  const utf8 = encoding === 'utf-8';
  const head = utf8 ? headBytes.toString('utf8') : new TextDecoder(encoding).decode(headBytes).normalize('NFC');
  // The batch reader's own choice, so both passes split the file at the same separator.
  const delimiter = chooseDelimiter(head, ruleset);
  const stream = createReadStream(path);
  const input = utf8 ? stream : Readable.from(decodedText(stream, encoding));
  const parser = input.pipe(parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }));
  let row = 0;
  try {
    for await (const record of parser) {
      row += 1;
      // csv-parse gives each record as an array of its fields (no `columns` option).
      const cells: unknown = record;
      yield { row, cells: Array.isArray(cells) ? cells : [] };
    }
  } finally {
    stream.destroy();
  }
}

async function* xlsxRows(path: string): AsyncGenerator<Row> {
  const input = createReadStream(path);
  // A damaged workbook: the batch reader, reading the same file, reports it (batch_unreadable);
  // here the column just ends, instead of waiting forever on exceljs (see zipFailure).
  const failed = zipFailure(input);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let done = false;
  try {
    for await (const worksheet of raced(reader, failed)) {
      const firstVisible = sheetsOf(reader).find((s) => s['state'] === undefined || s['state'] === 'visible');
      // The batch reader's default sheet: the first visible one. The others are read through, not
      // skipped: exceljs parks a sheet that comes before the shared strings in a temporary file and
      // deletes it as soon as we move on, so a sheet left unread fails later to open (ENOENT) with
      // nobody listening, an uncaught error in whoever runs us.
      if (done || (firstVisible !== undefined && firstVisible['name'] !== nameOf(worksheet))) {
        for await (const _row of raced(worksheet, failed)) void _row;
        continue;
      }
      done = true;
      for await (const row of raced(worksheet, failed)) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        yield { row: row.number, cells: values.map(cellValue) };
      }
    }
  } catch {
    input.destroy();
  }
}

/** An XLSX cell's value as the batch reader reads it: rich text and formulas give their text or result. */
function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (isObject(v)) {
    const runs = v['richText'];
    if (Array.isArray(runs)) return runs.map((r: unknown) => (isObject(r) ? r['text'] : undefined)).join('');
    if ('result' in v) return v['result'];
    if (typeof v['text'] === 'string') return v['text'];
  }
  return v;
}

function isObject(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null;
}

/**
 * The workbook's sheets as the streaming reader knows them so far, with their names and
 * visibility. exceljs's types declare neither a sheet's `state` nor that `model` may be unset
 * while the workbook part is still being read, so the model is read as plain data.
 */
function sheetsOf(reader: { readonly model?: unknown }): readonly Readonly<Record<string, unknown>>[] {
  const model = reader.model;
  const sheets = isObject(model) ? model['sheets'] : undefined;
  return Array.isArray(sheets) ? sheets.filter(isObject) : [];
}

/** A streaming worksheet's name (set at run time; not in exceljs's types). */
function nameOf(worksheet: object): unknown {
  return 'name' in worksheet ? worksheet.name : undefined;
}

function text(v: unknown): string {
  return v === undefined || v === null ? '' : String(v).trim();
}

async function firstChunk(path: string): Promise<Buffer> {
  for await (const chunk of createReadStream(path, { start: 0, end: 65535 }))
    return Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
  return Buffer.alloc(0);
}

function letters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
