/**
 * readBatch: any batch file → BatchRecords, in file order, one per row, bad rows included. Problems
 * of the file itself or of its header come first, once, as a record marked `header`.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { decodeUtf8, notUtf8Diagnostic, type CompiledRuleset, type Diagnostic } from '@lcz/criteria-engine';
import { compileAssessmentCheck } from './assessment-check.js';
import { chooseDelimiter } from './delimiter.js';
import { fileDiagnostic } from './diagnostics.js';
import { errorCode } from './errors.js';
import { loadExcelJS } from './exceljs.js';
import { openCounted, type BytesListener } from './formats/byte-count.js';
import { csvRows, type CsvTokenizer } from './formats/csv.js';
import { detectBatchFormat, otherSpreadsheet } from './formats/detect.js';
import { csvEncoding, decodedText } from './formats/encoding.js';
import { SourceError, type RowChunks } from './formats/rows.js';
import { documentRecords, jsonLinesRecords, MAX_DOCUMENT_BYTES } from './formats/structured.js';
import { xlsxRows, type OtherSheets } from './formats/xlsx.js';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './formats/xlsx-limits.js';
import type { BatchFormat, BatchRecord } from './record.js';
import { headerRecord, SheetRecords } from './sheet-records.js';

/** A file path (format from the extension, then the content), or text or bytes in memory. */
export type BatchSource =
  | string
  | { readonly text: string | Uint8Array; readonly format: BatchFormat; readonly file?: string };

export interface ReadBatchOptions {
  /** Overrides format detection. */
  readonly format?: BatchFormat;
  /** The name diagnostics carry (default: the path, or `<input>`). */
  readonly file?: string;
  /** XLSX: the worksheet, by name or 1-based position (default: the first visible sheet). */
  readonly sheet?: string | number;
  /** Bytes read so far, for progress bars (file sources only). */
  readonly onBytes?: BytesListener;
  /** CSV: the specialised tokenizer (default) or csv-parse; both give the same rows. */
  readonly csvTokenizer?: CsvTokenizer;
  /** XLSX: bounds on cells, shared strings, rows and unzipped size (default DEFAULT_XLSX_LIMITS). */
  readonly xlsxLimits?: Partial<XlsxLimits>;
  /**
   * CSV: the character encoding when the file has no byte-order mark (default UTF-8), e.g.
   * `windows-1258` for a CSV saved by Vietnamese Windows. A byte-order mark (UTF-8, UTF-16LE,
   * UTF-16BE) always decides.
   */
  readonly encoding?: string;
  /**
   * The caller's option that sets `encoding` (`lcz evaluate`: `--encoding`): a CSV whose header is
   * not UTF-8 gets a message naming it. Without it the message says to save the file as UTF-8.
   */
  readonly encodingOption?: string;
}

export function readBatch(
  source: BatchSource,
  ruleset: CompiledRuleset,
  options: ReadBatchOptions = {},
): AsyncIterable<BatchRecord> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const chunk of readBatchChunks(source, ruleset, options)) yield* chunk;
    },
  };
}

export interface ResolvedSource {
  readonly file: string;
  readonly format: BatchFormat | undefined;
  /** Why the source cannot be read at all (missing file, unknown type). */
  readonly problem?: Diagnostic;
  /** The input's size in bytes (a file's on disk, text in memory as UTF-8), when it can be read. */
  readonly bytes?: number;
  /** CSV: the character encoding its bytes are read in (formats/encoding.ts). */
  readonly encoding?: string;
}

/** Where the source is and what format it is in, reading at most its first 64 KiB. */
export async function resolveSource(source: BatchSource, options: ReadBatchOptions = {}): Promise<ResolvedSource> {
  if (typeof source !== 'string') {
    const bytes = typeof source.text === 'string' ? Buffer.byteLength(source.text) : source.text.length;
    const file = options.file ?? source.file ?? '<input>';
    const format = options.format ?? source.format;
    if (format === 'xlsx') return withZipSignature({ file, format, bytes }, Buffer.from(source.text.slice(0, 4)));
    if (format !== 'csv') return { file, format, bytes };
    // Text in memory is already characters (given to the readers as UTF-8).
    if (typeof source.text === 'string') return { file, format, bytes, encoding: 'utf-8' };
    return withEncoding({ file, format, bytes }, source.text.subarray(0, 65536), options);
  }
  const file = options.file ?? source;
  let head: Buffer;
  let bytes: number;
  try {
    const handle = await open(source, 'r');
    try {
      const info = await handle.stat();
      if (info.isDirectory()) {
        return {
          file,
          format: undefined,
          problem: fileDiagnostic(file, 'file_unreadable', { path: source, detail: 'EISDIR' }),
        };
      }
      bytes = info.size;
      head = Buffer.alloc(Math.min(65536, info.size));
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = errorCode(error);
    return code === 'ENOENT'
      ? { file, format: undefined, problem: fileDiagnostic(file, 'file_not_found', { path: source }) }
      : {
          file,
          format: undefined,
          problem: fileDiagnostic(file, 'file_unreadable', { path: source, detail: code ?? String(error) }),
        };
  }
  const other = otherSpreadsheet(source, head);
  // Also when the caller said xlsx (the CLI sends every spreadsheet here as one).
  if (other !== undefined && (options.format === undefined || options.format === 'xlsx')) {
    return { file, format: undefined, problem: fileDiagnostic(file, 'batch_unreadable', other) };
  }
  const format = options.format ?? detectBatchFormat(source, head);
  if (format === 'csv') return withEncoding({ file, format, bytes }, head, options);
  if (format === 'xlsx') return withZipSignature({ file, format, bytes }, head);
  if (format === undefined) {
    return { file, format, problem: fileDiagnostic(file, 'batch_unreadable', { format: '', reason: 'unknown_type' }) };
  }
  return { file, format, bytes };
}

/**
 * A workbook is a zip file, which starts with a local file header ("PK\x03\x04") or, empty, with
 * the end of its central directory ("PK\x05\x06"). Anything else (an empty file, text saved as
 * .xlsx) is refused here: exceljs 4.4.0 never settles on some such inputs (an empty file in memory
 * waited forever), so they must not reach it.
 */
function withZipSignature(resolved: ResolvedSource, head: Uint8Array): ResolvedSource {
  const zip = head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && head[3] === head[2] + 1;
  if (zip) return resolved;
  const detail = head.length === 0 ? 'empty file' : 'no zip signature';
  return {
    ...resolved,
    problem: fileDiagnostic(resolved.file, 'batch_unreadable', { format: 'xlsx', reason: 'not_xlsx', detail }),
  };
}

/** A CSV source with the encoding it is read in, or the one problem that stops it (formats/encoding.ts). */
function withEncoding(resolved: ResolvedSource, head: Uint8Array, options: ReadBatchOptions): ResolvedSource {
  const found = csvEncoding(resolved.file, head, options.encoding, options.encodingOption);
  return 'problem' in found ? { ...resolved, problem: found.problem } : { ...resolved, encoding: found.encoding };
}

/** The records in chunks (the streaming core of readBatch and evaluateBatch). */
export async function* readBatchChunks(
  source: BatchSource,
  ruleset: CompiledRuleset,
  options: ReadBatchOptions = {},
  resolved?: ResolvedSource,
): AsyncGenerator<readonly BatchRecord[]> {
  const where = resolved ?? (await resolveSource(source, options));
  const { file, format } = where;
  if (where.problem || format === undefined) {
    if (where.problem) yield [headerRecord(0, [where.problem])];
    return;
  }
  const check = compileAssessmentCheck(ruleset);
  try {
    switch (format) {
      case 'csv':
      case 'xlsx': {
        // exceljs is loaded before the file is opened: a stream with a progress listener flows at once.
        const excel = format === 'xlsx' ? await loadExcelJS() : undefined;
        const bytes = await openInput(source, options);
        // UTF-8 bytes go to the tokenizer as they are (it decodes them itself, on the hot path).
        const input =
          where.encoding === undefined || where.encoding === 'utf-8' ? bytes : decodedText(bytes, where.encoding);
        // The default sheet: the other sheets' headers are kept, to name the right one if need be.
        const others: OtherSheets | undefined = options.sheet === undefined ? { others: [] } : undefined;
        const rows =
          excel === undefined
            ? csvRows(input, file, options.csvTokenizer, (head) => chooseDelimiter(head, ruleset))
            : xlsxRows(bytes, file, options.sheet, excel, { ...DEFAULT_XLSX_LIMITS, ...options.xlsxLimits }, others);
        yield* spreadsheetRecords(rows, file, ruleset, format, others);
        return;
      }
      case 'jsonl':
        yield* jsonLinesRecords(await openInput(source, options), file, ruleset, check);
        return;
      case 'json':
      case 'yaml': {
        const text = await wholeText(source, file, format);
        const records = documentRecords(text, format, file, ruleset, check);
        if (Array.isArray(records)) {
          for (let i = 0; i < records.length; i += 512) yield records.slice(i, i + 512);
        } else if ('code' in records) yield [headerRecord(records.line, [records])];
        return;
      }
    }
  } catch (error) {
    if (error instanceof SourceError) {
      yield [headerRecord(error.diagnostic.line, [error.diagnostic, ...error.others])];
      return;
    }
    throw error;
  }
}

async function* spreadsheetRecords(
  rows: RowChunks,
  file: string,
  ruleset: CompiledRuleset,
  format: 'csv' | 'xlsx',
  others?: OtherSheets,
): AsyncGenerator<readonly BatchRecord[]> {
  const sheet = new SheetRecords(ruleset, file, format);
  for await (const chunk of rows) {
    const records: BatchRecord[] = [];
    for (const { row, cells } of chunk) {
      const record = sheet.take(row, cells);
      if (record !== undefined) records.push(record);
    }
    if (records.length > 0) yield records;
  }
  const last = sheet.finish();
  if (last !== undefined) yield [last];
  const better = others !== undefined ? sheet.otherSheet(others) : undefined;
  if (better !== undefined) yield [better];
}

/**
 * The bytes of a file (counted for onBytes) or of text in memory. With `readBytes`, they come in
 * pieces of that size (a file's are read that size at a time); without, text in memory comes whole.
 */
export async function openInput(source: BatchSource, options: ReadBatchOptions, readBytes?: number): Promise<Readable> {
  if (typeof source === 'string') return openCounted(source, options.onBytes, readBytes);
  const bytes = typeof source.text === 'string' ? Buffer.from(source.text, 'utf8') : Buffer.from(source.text);
  if (readBytes === undefined) return Readable.from([bytes]);
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += readBytes) pieces.push(bytes.subarray(at, at + readBytes));
  return Readable.from(pieces);
}

async function wholeText(source: BatchSource, file: string, format: 'json' | 'yaml'): Promise<string> {
  if (typeof source !== 'string')
    return typeof source.text === 'string' ? source.text : Buffer.from(source.text).toString('utf8');
  const size = (await stat(source)).size;
  if (size > MAX_DOCUMENT_BYTES) {
    throw new SourceError(
      fileDiagnostic(file, 'batch_unreadable', { format, reason: 'too_large', size, max: MAX_DOCUMENT_BYTES }),
    );
  }
  const text = decodeUtf8(await readFile(source));
  if (typeof text !== 'string') throw new SourceError(notUtf8Diagnostic(file, text));
  return text;
}
