/**
 * XLSX rows with exceljs's streaming reader: the workbook is unzipped and parsed as it is read,
 * so a large sheet never sits in memory. Typed cells keep their type (number, boolean, date);
 * formulas give their cached result, rich text and hyperlinks their text, error cells (#N/A)
 * their error text, which no column accepts.
 */
import { Readable } from 'node:stream';
import type { Diagnostic } from '@lcz/criteria-engine';
import type { ExcelJS } from '../exceljs.js';
import type { Cell } from '../cells.js';
import { fileDiagnostic, rowDiagnostic } from '../diagnostics.js';
import { matchKey } from '../text.js';
import { CHUNK_ROWS, SourceError, type RawRow, type RowChunks } from './rows.js';
import { DEFAULT_XLSX_LIMITS, limitError, XlsxBudget, type XlsxLimits } from './xlsx-limits.js';

/**
 * With the default sheet: the name of the sheet read, and the first non-blank row of every other
 * sheet, so a header that matches nothing can name the sheet that does (sheet-records.ts).
 */
export interface OtherSheets {
  chosen?: string;
  readonly others: { readonly name: string; readonly hidden: boolean; readonly row: number; readonly cells: Cell[] }[];
}

interface RowModel {
  readonly number: number;
  readonly values: unknown;
}

/**
 * Rows of one worksheet: by name, by 1-based position, or the first visible sheet. `excel` is
 * exceljs, loaded (exceljs.ts) before `input` was opened: a stream with a progress listener flows
 * at once, and waiting for the import here lost its data.
 */
export async function* xlsxRows(
  input: Readable,
  file: string,
  sheet: string | number | undefined,
  excel: ExcelJS,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
  otherSheets?: OtherSheets,
): RowChunks {
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const budget = new XlsxBudget(file, limits);
  // The merged ranges of the sheet being read (undefined while another sheet is read through).
  let merges: string[] | undefined;
  decodeWholeCharacters(reader, budget, (range) => merges?.push(range));
  relativeTargets(reader);
  // exceljs types the model as always there; the streaming reader fills it from the workbook part.
  const sheets = () => reader.model?.sheets ?? [];
  const wanted = (name: string | undefined): boolean => {
    const all = sheets();
    if (typeof sheet === 'string') return name !== undefined && matchKey(name) === matchKey(sheet);
    if (typeof sheet === 'number') return name !== undefined && all[sheet - 1]?.name === name;
    const firstVisible = all.find((s) => s.state === undefined || s.state === 'visible');
    // Without a workbook part (rare), the first sheet in the file is the one.
    return firstVisible === undefined || firstVisible.name === name;
  };

  let found = false;
  let merged: Diagnostic[] = [];
  const failed = zipFailure(input);
  try {
    for await (const worksheet of raced(reader, failed)) {
      if (found || !wanted(worksheet.name)) {
        // Read through the sheets not asked for: exceljs may have parked a sheet in a temporary
        // file, which it deletes as soon as we move on; left unread, that file's stream would
        // then fail to open (ENOENT) with nobody listening.
        const name = worksheet.name;
        let head = otherSheets === undefined || name === undefined;
        for await (const row of raced(worksheet, failed)) {
          if (head || name === undefined) continue;
          // Only looked at, never read as data: a long cell there does not stop the file.
          const cells = cellsOf(row, file, { ...limits, maxCellChars: Number.POSITIVE_INFINITY });
          if (cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) continue;
          const state = sheets().find((s) => s.name === name)?.state;
          otherSheets?.others.push({
            name,
            hidden: state !== undefined && state !== 'visible',
            row: row.number,
            cells,
          });
          head = true;
        }
        continue;
      }
      found = true;
      merges = [];
      if (otherSheets !== undefined && worksheet.name !== undefined) otherSheets.chosen = worksheet.name;
      let batch: RawRow[] = [];
      let rows = 0;
      for await (const row of raced(worksheet, failed)) {
        rows++;
        if (row.number > limits.maxRows || rows > limits.maxRows)
          throw limitError(file, 'rows', limits.maxRows, row.number, 1);
        batch.push({ row: row.number, cells: cellsOf(row, file, limits) });
        if (batch.length >= CHUNK_ROWS) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
      merged = merges.map((range) => mergedCells(file, range));
      merges = undefined;
    }
  } catch (error) {
    // Stop unzipping: what is left of a bomb is not read.
    input.destroy();
    if (error instanceof SourceError) throw error;
    throw new SourceError(fileDiagnostic(file, 'batch_unreadable', { format: 'xlsx', ...unreadable(error) }));
  }
  if (!found) {
    const names = sheets()
      .map((s) => s.name)
      .filter(Boolean)
      .join(', ');
    const params =
      sheet === undefined
        ? { reason: 'no_worksheet' }
        : { reason: 'no_such_sheet', sheet: String(sheet), sheets: names };
    throw new SourceError(fileDiagnostic(file, 'batch_unreadable', { format: 'xlsx', ...params }));
  }
  // The sheet's merges are listed after its rows, so they are said once every row is read.
  const [first, ...others] = merged;
  if (first !== undefined) throw new SourceError(first, others);
}

/**
 * A merged range (`G3:G4`): a spreadsheet shows G3's value across it, but the file holds it in G3
 * only and the other cells are empty, so a row under the merge would lose its value silently (a
 * fact read as unknown). Said at the merge's first cell, with the range to unmerge.
 */
function mergedCells(file: string, range: string): Diagnostic {
  const at = /^([A-Z]{1,3})(\d+)/.exec(range);
  const column = [...(at?.[1] ?? '')].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  const row = Number(at?.[2] ?? 0);
  return rowDiagnostic(file, 'batch_cell_merged', row, column, { range });
}

/**
 * The unzipper's own error. exceljs 4.4.0 waits for a zip entry to finish with no way for it to
 * fail: when a damaged entry's data stops the unzipper (an inflate error, a record out of step),
 * the error goes to the unzipping stream, exceljs keeps waiting, and the read never ends (a
 * promise that never settles; a CLI exits 0 having printed nothing). So the error is taken where
 * exceljs pipes the file into the unzipper, and every wait below races it. The same place puts
 * right the unzipper's early end (entriesToTheEnd).
 */
export function zipFailure(input: Readable): Promise<never> {
  const failed = new Promise<never>((_, reject) => {
    const pipe = input.pipe.bind(input);
    input.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean | undefined }): T => {
      destination.on('error', reject);
      if (destination instanceof Readable) entriesToTheEnd(destination);
      return pipe(destination, options);
    };
  });
  // Raced, not awaited: a workbook read without error never settles it.
  failed.catch(() => undefined);
  return failed;
}

/**
 * unzipper 0.10's Parse emits 'end' itself as soon as the zip's last byte is read (on 'finish'),
 * even while entries it has pushed still wait in its readable buffer. exceljs 4.4.0 reads the
 * entries with a loop that pauses the stream while it handles one entry, and stops at 'end': when
 * the whole zip is read during a slow step (parking a sheet in a temporary file), the entries still
 * buffered are never seen. On a busy machine that dropped, now and then, the styles part (a date
 * cell came out as its serial number, 45366) or the workbook part (no sheet names). So an 'end'
 * that comes while entries wait is held back until the last of them has been handed out.
 */
function entriesToTheEnd(zip: Readable): void {
  const emit = zip.emit.bind(zip);
  const afterLastEntry = (): void => {
    if (zip.readableLength > 0) return;
    zip.off('data', afterLastEntry);
    // After this entry's other 'data' listeners (exceljs's among them) have taken it.
    queueMicrotask(() => emit('end'));
  };
  zip.emit = (event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== 'end' || zip.readableEnded || zip.readableLength === 0) return emit(event, ...args);
    // Listened for only now, when exceljs's own listener is there and has paused the stream: an
    // earlier listener would have set it flowing before exceljs listened.
    zip.on('data', afterLastEntry);
    return false;
  };
}

/** `iterable`, each step racing `failed`: its rejection ends the iteration with that error. */
export async function* raced<T>(iterable: AsyncIterable<T>, failed: Promise<never>): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  while (true) {
    const step = await Promise.race([iterator.next(), failed]);
    if (step.done === true) return;
    yield step.value;
  }
}

/** exceljs's streaming reader, with its private parsers (typed for exceljs 4.4.0 in exceljs.ts). */
type WorkbookReader = InstanceType<ExcelJS['stream']['xlsx']['WorkbookReader']>;

/**
 * exceljs 4.4.0 decodes every unzipped chunk on its own, so a character whose UTF-8 bytes fall
 * across two chunks becomes U+FFFD: Vietnamese labels turn into "Hoàn th��nh" (exceljs issues
 * #2063, #2084; the fixes #1665, #2894 are not released). Its parser passes strings through
 * untouched, so the entries are decoded here as streams, which keep characters whole.
 */
function decodeWholeCharacters(r: WorkbookReader, budget: XlsxBudget, onMerge: (range: string) => void): void {
  // Each private parser takes an entry stream; what it returns is handed back untouched.
  const decoded =
    <R>(parse: (entry: Readable) => R, sharedStrings: boolean) =>
    (entry: Readable): R => {
      entry.setEncoding('utf8');
      // Watched on the way (xlsx-limits.ts): the parts are counted and bounded as they unzip.
      return parse(budget.part(entry, sharedStrings));
    };
  r._parseRels = decoded(r._parseRels.bind(r), false);
  r._parseWorkbook = decoded(r._parseWorkbook.bind(r), false);
  r._parseStyles = decoded(r._parseStyles.bind(r), false);
  r._parseSharedStrings = decoded(r._parseSharedStrings.bind(r), true);
  const parseWorksheet = r._parseWorksheet.bind(r);
  r._parseWorksheet = (iterator, sheetNo) =>
    parseWorksheet(cachedCells(budget.sheet(decodeUtf8(iterator)), onMerge), sheetNo);
}

/**
 * openpyxl (and so pandas) writes the workbook's relationship targets as absolute part names
 * (`/xl/worksheets/sheet1.xml`), which the standard allows; exceljs 4.4.0 finds a sheet's name
 * only by the relative form (`worksheets/sheet1.xml`), so every sheet came out nameless and no
 * sheet could be picked by name. The targets are made relative to xl/ as soon as they are read.
 */
function relativeTargets(r: WorkbookReader): void {
  const parseRels = r._parseRels.bind(r);
  r._parseRels = async (entry) => {
    await parseRels(entry);
    for (const rel of r.workbookRels ?? []) {
      if (typeof rel.Target === 'string') rel.Target = relativeToXl(rel.Target);
    }
  };
}

/** `/xl/worksheets/sheet1.xml` or `./worksheets/sheet1.xml` → `worksheets/sheet1.xml`. */
function relativeToXl(target: string): string {
  let t = target.replace(/^\.\//, '');
  if (t.startsWith('/')) t = t.slice(1).startsWith('xl/') ? t.slice(4) : t.slice(1);
  return t;
}

/**
 * Two cell forms exceljs 4.4.0 reads wrongly, put right in the sheet's XML before it parses it:
 * - a formula with its cached value (`<c t="b"><f>FALSE()</f><v>0</v></c>`, as LibreOffice writes
 *   every typed boolean): exceljs keeps the value only when it is truthy, so 0, FALSE and "" came
 *   out as the formula, and a cached date as a bare number. The formula is dropped: the cell is
 *   then read by its cached value and type, as a spreadsheet shows it. A formula with no cached
 *   value is kept, and read as the formula text, which no column accepts.
 * - an inline string in runs (`<is><r><t>Bản </t></r><r><t>Nà Pầu</t></r></is>`, rich text):
 *   exceljs starts the text afresh at every `<t>`, so only the last run was kept. Inside `<is>`
 *   the `<t>` tags are dropped, and the runs' text adds up.
 * The text is cut after the last whole row (or cell) of each chunk; the rest waits for the next.
 * exceljs 4.4.0 also skips `<mergeCell ref="G3:G4"/>`: each merged range's ref goes to `onMerge`
 * (the merges follow the rows, so a tag is never cut: it lies after the last `</row>`).
 */
export async function* cachedCells(
  chunks: AsyncIterable<string>,
  onMerge: (range: string) => void = () => undefined,
): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    const text = carry + chunk;
    // After the last whole row, else (a very wide row) after the last whole cell.
    const row = text.lastIndexOf('</row>');
    const cut = row >= 0 ? row + 6 : text.lastIndexOf('</c>') + 4;
    if (cut < 4) {
      carry = text;
      continue;
    }
    carry = text.slice(cut);
    const rows = text.slice(0, cut);
    mergedRanges(rows, onMerge);
    yield rows.includes('<f') || rows.includes('<is') ? rows.replace(CELL, fixCell) : rows;
  }
  mergedRanges(carry, onMerge);
  if (carry !== '') yield carry.includes('<f') || carry.includes('<is') ? carry.replace(CELL, fixCell) : carry;
}

const MERGE = /<mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"/g;

function mergedRanges(text: string, onMerge: (range: string) => void): void {
  if (!text.includes('<mergeCell')) return;
  for (const m of text.matchAll(MERGE)) if (m[1] !== undefined) onMerge(m[1]);
}

const CELL = /<c\b[^>]*[^/]>[\s\S]*?<\/c>/g;
const EMPTY_VALUE = /<v\b[^>]*\/>|<v\b[^>]*><\/v>/;

function fixCell(cell: string): string {
  let c = cell;
  if (c.includes('<v') && c.includes('<f')) {
    // openpyxl (and so pandas) writes a formula with an empty `<v />`: no result, not a result
    // of nothing. exceljs read that as NaN, which came out as the text "NaN" in a name column.
    if (EMPTY_VALUE.test(c)) c = c.replace(EMPTY_VALUE, '');
    else c = c.replace(/<f\b[^>]*\/>|<f\b[^>]*>[\s\S]*?<\/f>/, '');
  }
  if (c.includes('<is')) c = c.replace(/<\/?t\b[^>]*>/g, '');
  return c;
}

async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** exceljs rows are 1-based sparse arrays. A text longer than a cell may hold stops the file. */
function cellsOf(row: RowModel, file: string, limits: XlsxLimits): Cell[] {
  const { values } = row;
  if (!Array.isArray(values)) return [];
  const cells: Cell[] = [];
  for (let i = 1; i < values.length; i++) {
    const cell = plainCell(values[i]);
    if (typeof cell === 'string' && cell.length > limits.maxCellChars)
      throw limitError(file, 'cell_chars', limits.maxCellChars, row.number, i);
    cells.push(cell);
  }
  return cells;
}

function plainCell(value: unknown): Cell {
  // An empty `<v />` with no formula: exceljs gives NaN for what is an empty cell.
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if (isFields(value)) {
    const v = value;
    if ('result' in v) return plainCell(v['result']);
    const richText = v['richText'];
    if (Array.isArray(richText))
      return richText.map((r: unknown) => String((isFields(r) ? r['text'] : undefined) ?? '')).join('');
    if (typeof v['text'] === 'string') return v['text'];
    if (typeof v['error'] === 'string') return v['error'];
    // A formula without a computed result (a file written by a program, never opened in a
    // spreadsheet): shown as the formula, which no column accepts, rather than read as empty.
    if ('formula' in v || 'sharedFormula' in v) return `=${String(v['formula'] ?? v['sharedFormula'])}`;
  }
  return String(value);
}

/**
 * The zip reader's messages for a file that is not a workbook are cryptic (and English): the
 * message says it plainly in the reader's language, the library's words kept as the detail. A
 * workbook cut short inside one of its parts makes exceljs stumble on its own code ("Cannot read
 * properties of undefined (reading 'sheets')", a TypeError): those words say nothing about the
 * file, so the file is said to be damaged, without them.
 */
function unreadable(error: unknown): { reason: string; detail?: string } {
  if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError)
    return { reason: 'not_xlsx' };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    reason: /signature|end of central directory|invalid zip|FILE_ENDED|unexpected end/i.test(detail)
      ? 'not_xlsx'
      : 'xlsx_reader',
    detail,
  };
}

/** An object whose fields a cell value may hold (exceljs gives formulas, rich text… as objects). */
function isFields(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}
