/**
 * Bounds on what an XLSX file may make the reader hold. A workbook is a zip of XML: a 160 KB file
 * can unzip to a 100 MB cell (peak memory was 1.29 GB, and the cell was written into the results),
 * or to millions of shared strings, which exceljs keeps in memory. The XML is watched as it is
 * unzipped, before exceljs's parser collects it, so a bomb stops at the limit with a located error
 * instead of at the end of memory.
 */
import { Readable } from 'node:stream';
import { rowDiagnostic } from '../diagnostics.js';
import { SourceError } from './rows.js';

export interface XlsxLimits {
  /** Characters in one cell (Excel's own limit is 32,767). */
  readonly maxCellChars: number;
  /** Shared strings (distinct texts of the workbook), which exceljs keeps in memory. */
  readonly maxSharedStrings: number;
  /** Characters of the shared strings part, as XML. */
  readonly maxSharedStringsChars: number;
  /** Rows of the sheet read (Excel's own limit is 1,048,576). */
  readonly maxRows: number;
  /** Characters of XML unzipped from the workbook's parts, in all. */
  readonly maxUncompressedChars: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxCellChars: 32_767,
  maxSharedStrings: 1_000_000,
  maxSharedStringsChars: 64 * 1024 * 1024,
  maxRows: 1_048_576,
  maxUncompressedChars: 1024 * 1024 * 1024,
};

/**
 * How far apart two `<` may be in the XML: a cell's text with every character written as an
 * entity (`&quot;` is six), plus room for its tags. Longer runs cannot be one legal cell.
 */
function maxXmlRun(limits: XlsxLimits): number {
  return limits.maxCellChars * 6 + 4096;
}

export type XlsxLimit = 'cell_chars' | 'shared_strings' | 'shared_strings_chars' | 'rows' | 'uncompressed_chars';

export function limitError(file: string, limit: XlsxLimit, max: number, row = 0, column = 0): SourceError {
  return new SourceError(rowDiagnostic(file, 'batch_too_large', row, column, { format: 'xlsx', limit, max }));
}

/** One workbook's running totals, shared by the watches of its parts. */
export class XlsxBudget {
  private unzipped = 0;
  constructor(
    readonly file: string,
    readonly limits: XlsxLimits,
  ) {}

  /** Counts unzipped characters; past the limit, the workbook stops. */
  take(chars: number): void {
    this.unzipped += chars;
    if (this.unzipped > this.limits.maxUncompressedChars)
      throw limitError(this.file, 'uncompressed_chars', this.limits.maxUncompressedChars);
  }

  /** A sheet's XML, checked as it passes: no run between tags longer than a cell may be. */
  async *sheet(chunks: AsyncIterable<string>): AsyncGenerator<string> {
    const where = new CellTracker();
    let run = 0;
    const maxRun = maxXmlRun(this.limits);
    for await (const chunk of chunks) {
      this.take(chunk.length);
      where.see(chunk);
      const [longest, carried] = runs(chunk, run);
      run = carried;
      if (longest > maxRun)
        throw limitError(this.file, 'cell_chars', this.limits.maxCellChars, where.row, where.column);
      yield chunk;
    }
  }

  /**
   * A part other than a sheet, as a stream for exceljs: its runs and, for the shared strings
   * (`strings`), its size and its count of strings.
   */
  part(entry: AsyncIterable<string>, strings: boolean): Readable {
    const budget = this;
    const { limits, file } = this;
    async function* watched(): AsyncGenerator<string> {
      let chars = 0;
      let count = 0;
      let run = 0;
      let tail = '';
      const maxRun = maxXmlRun(limits);
      for await (const chunk of entry) {
        budget.take(chunk.length);
        chars += chunk.length;
        if (strings && chars > limits.maxSharedStringsChars)
          throw limitError(file, 'shared_strings_chars', limits.maxSharedStringsChars);
        // `<si>` (or `<si ` …) may straddle two chunks: look at the last few characters of the one before.
        const text = tail + chunk;
        count += occurrences(text, tail.length);
        tail = text.slice(-3);
        if (strings && count > limits.maxSharedStrings)
          throw limitError(file, 'shared_strings', limits.maxSharedStrings);
        const [longest, carried] = runs(chunk, run);
        run = carried;
        // A shared string has no cell of its own: it is reported for the workbook.
        if (longest > maxRun) throw limitError(file, 'cell_chars', limits.maxCellChars);
        yield chunk;
      }
    }
    return Readable.from(watched());
  }
}

/** `<si>` and `<si ` openings in `text` that end past `from` (the part carried over from before). */
function occurrences(text: string, from: number): number {
  let n = 0;
  for (let at = text.indexOf('<si', 0); at !== -1; at = text.indexOf('<si', at + 3)) {
    const next = text[at + 3];
    if (at + 3 >= from && (next === '>' || next === ' ' || next === '/')) n++;
  }
  return n;
}

/**
 * Runs without `<` in `chunk`, the run carried from the chunks before counting in the first:
 * the longest of them, and the one still open at the end (to carry on).
 */
function runs(chunk: string, before: number): [longest: number, carried: number] {
  let longest = 0;
  let prev = -1;
  for (let at = chunk.indexOf('<'); at !== -1; at = chunk.indexOf('<', at + 1)) {
    const run = prev === -1 ? before + at : at - prev - 1;
    if (run > longest) longest = run;
    prev = at;
  }
  const carried = prev === -1 ? before + chunk.length : chunk.length - prev - 1;
  return [Math.max(longest, carried), carried];
}

/** The last cell (`<c r="B7"`) the XML has opened, to say where a runaway cell is. */
class CellTracker {
  row = 0;
  column = 0;
  private tail = '';

  see(chunk: string): void {
    const text = this.tail + chunk;
    const at = text.lastIndexOf('<c ');
    if (at !== -1) {
      const ref = /^<c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"/.exec(text.slice(at, at + 200));
      const [, letters, digits] = ref ?? [];
      if (letters !== undefined) {
        this.column = columnNumber(letters);
        this.row = Number(digits);
      }
    }
    this.tail = text.slice(-200);
  }
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}
