/**
 * CSV rows, streaming. The separator is the one that makes the header line name the ruleset's
 * columns (a comma, or the semicolon Excel writes where the decimal mark is a comma, or a tab:
 * see delimiter.ts); quoting is RFC 4180; a UTF-8
 * byte-order mark is skipped. Rows are numbered as a spreadsheet shows them: a quoted line break
 * stays inside its cell, and a blank line is a row.
 *
 * Two tokenizers give the same records: csv-parse, the reference, and the specialised one in
 * csv-fast.ts (the default: over ten times as fast on wide rows; see its header).
 */
import { CsvError, parse } from 'csv-parse';
import { fileDiagnostic } from '../diagnostics.js';
import { asError } from '../errors.js';
import { FastCsvTokenizer } from './csv-fast.js';
import { CHUNK_ROWS, SourceError, type RawRow, type RowChunks } from './rows.js';

export type CsvTokenizer = 'fast' | 'csv-parse';

export async function* csvRows(
  input: AsyncIterable<Buffer | string>,
  file: string,
  tokenizer: CsvTokenizer = 'fast',
  /** The separator from the start of the file (delimiter.ts chooses it by the ruleset's columns). */
  pickDelimiter: (head: string) => string = sniffDelimiter,
): RowChunks {
  const chunks = input[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) return;
  const head =
    typeof first.value === 'string'
      ? first.value
      : first.value.toString('utf8', 0, Math.min(first.value.length, 65536));
  if (tokenizer === 'fast') {
    yield* fastRows(first.value, chunks, pickDelimiter(head), file);
    return;
  }
  const parser = parse({
    bom: true,
    delimiter: pickDelimiter(head),
    relax_column_count: true,
    skip_empty_lines: false,
  });
  // Feed the parser ourselves so the first chunk, already read for sniffing, is not lost.
  // A reader that stops early, or a parse error, destroys the parser: feeding then stops too.
  const feed = (async () => {
    try {
      if (!parser.write(first.value)) await drained(parser);
      for (let next = await chunks.next(); !next.done && !parser.destroyed; next = await chunks.next()) {
        if (!parser.write(next.value)) await drained(parser);
      }
      if (!parser.destroyed) parser.end();
    } catch (error) {
      parser.destroy(asError(error));
    } finally {
      await chunks.return?.();
    }
  })();

  let row = 0;
  let batch: RawRow[] = [];
  try {
    // cast: csv-parse types its records as `any`; without `columns`, each is the row's cells.
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      batch.push({ row, cells: record });
      if (batch.length >= CHUNK_ROWS) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (batch.length > 0) yield batch;
    const e = asError(error);
    // csv-parse's errors say the line; an error of the input stream does not.
    const line = error instanceof CsvError && typeof error.lines === 'number' ? error.lines : 0;
    throw new SourceError(
      fileDiagnostic(
        file,
        'batch_unreadable',
        { format: 'csv', reason: csvReason(e.message), detail: e.message },
        line,
        line > 0 ? 1 : 0,
      ),
    );
  } finally {
    await feed;
  }
  if (batch.length > 0) yield batch;
}

async function* fastRows(
  first: Buffer | string,
  chunks: AsyncIterator<Buffer | string>,
  delimiter: string,
  file: string,
): RowChunks {
  const tokenizer = new FastCsvTokenizer(delimiter);
  const records: string[][] = [];
  let row = 0;
  const rows = (): RawRow[] => {
    const batch = records.map((cells) => ({ row: ++row, cells }));
    records.length = 0;
    return batch;
  };
  const fail = (error: { line: number; message: string }): SourceError =>
    new SourceError(
      fileDiagnostic(
        file,
        'batch_unreadable',
        { format: 'csv', reason: csvReason(error.message), detail: error.message },
        error.line,
        1,
      ),
    );
  try {
    let error = tokenizer.push(first, records);
    for (;;) {
      if (records.length > 0) yield rows();
      if (error) throw fail(error);
      const next = await chunks.next();
      if (next.done) break;
      error = tokenizer.push(next.value, records);
    }
    error = tokenizer.end(records);
    if (records.length > 0) yield rows();
    if (error) throw fail(error);
  } finally {
    await chunks.return?.();
  }
}

/** The reason, in the message catalogue's words, of a tokenizer's (English) error. */
export function csvReason(message: string): string {
  if (/quote not closed/i.test(message)) return 'quote_not_closed';
  if (/closing quote/i.test(message)) return 'closing_quote';
  if (/opening quote/i.test(message)) return 'opening_quote';
  return 'csv_syntax';
}

function drained(stream: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/**
 * The most frequent of , ; and tab outside quotes on the first line; a comma when none. Only a
 * tie-breaker: the batch reader chooses by the header's fit to the ruleset (delimiter.ts).
 */
export function sniffDelimiter(head: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const c = head.charAt(i);
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [d, n] of counts) {
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}
