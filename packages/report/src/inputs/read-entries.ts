/**
 * The report's inputs, for Node: batch files (CSV, XLSX, JSON, JSON Lines, YAML, through
 * @lcz/criteria-batch) with their `registered` column or field, each valid row evaluated, in
 * file order. Bad rows are not dropped silently: their diagnostics come through with them.
 */
import { readFile } from 'node:fs/promises';
import {
  detectBatchFormat,
  readBatch,
  type BatchFormat,
  type BatchRecord,
  type ReadBatchOptions,
} from '@lcz/criteria-batch';
import type { CompiledRuleset, Diagnostic } from '@lcz/criteria-engine';
import type { ReportEntry } from '../model.js';
import type { ReportProblem } from '../problems.js';
import { registeredColumn, type RegisteredCell } from './registered-column.js';
import { takeRegisteredFields } from './registered-field.js';

/** What reading one row gave: an evaluated entry, or why there is none. */
export interface InputRow {
  readonly file: string;
  readonly row: number;
  readonly entry?: ReportEntry;
  /** Problems of the row (or, for the header record, of the file): engine and batch diagnostics. */
  readonly diagnostics: readonly Diagnostic[];
  /** Problems of the registered column or field. */
  readonly problems: readonly ReportProblem[];
  /** The record that carries the header's or the file's problems. */
  readonly header?: boolean;
}

export interface ReadEntriesOptions {
  /** The name diagnostics carry (default: the path). */
  readonly file?: string;
  /** CSV: the character encoding when the file has no byte-order mark (readBatch's `encoding`). */
  readonly encoding?: string;
  /** The caller's option that sets `encoding`, named in the message for a CSV that is not UTF-8. */
  readonly encodingOption?: string;
}

/** Every row of one input file, evaluated with `ruleset`. */
export async function* readEntries(
  path: string,
  ruleset: CompiledRuleset,
  options: ReadEntriesOptions = {},
): AsyncGenerator<InputRow> {
  const file = options.file ?? path;
  const batchOptions = {
    file,
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
    ...(options.encodingOption !== undefined ? { encodingOption: options.encodingOption } : {}),
  };
  const head = await readFile(path).then(
    (b) => b.subarray(0, 65536),
    () => undefined,
  );
  const format: BatchFormat | undefined = head === undefined ? undefined : detectBatchFormat(path, head);
  if (format === 'csv' || format === 'xlsx') {
    yield* tabular(path, batchOptions, format, ruleset);
    return;
  }
  if (format === 'json' || format === 'jsonl' || format === 'yaml') {
    const text = await readFile(path, 'utf8');
    if (/registered/.test(text)) {
      const taken = takeRegisteredFields(text, format, file);
      let first = true;
      for await (const record of readBatch({ text: taken.text, format, file }, ruleset)) {
        // The field's problems carry their own line and column: they come with the first record.
        const extra = first ? taken.problems : [];
        first = false;
        yield toInput(file, record, ruleset, taken.values.get(record.row), extra);
      }
      if (first && taken.problems.length > 0)
        yield { file, row: 0, diagnostics: [], problems: taken.problems, header: true };
      return;
    }
  }
  // Anything else (including a missing file or an unknown type) is the batch reader's to report.
  for await (const record of readBatch(path, ruleset, batchOptions))
    yield toInput(file, record, ruleset, undefined, []);
}

async function* tabular(
  path: string,
  options: ReadBatchOptions & { readonly file: string },
  format: 'csv' | 'xlsx',
  ruleset: CompiledRuleset,
): AsyncGenerator<InputRow> {
  const { file } = options;
  const column = await registeredColumn(path, file, format, ruleset, options.encoding);
  const cells = column.cells[Symbol.asyncIterator]();
  let pending: RegisteredCell | undefined;
  let exhausted = false;
  const cellFor = async (row: number): Promise<RegisteredCell | undefined> => {
    while (!exhausted && (pending === undefined || pending.row < row)) {
      const next = await cells.next();
      if (next.done) exhausted = true;
      else pending = next.value;
    }
    return pending?.row === row ? pending : undefined;
  };
  let headerSeen = false;
  try {
    for await (const record of readBatch(path, ruleset, options)) {
      if (record.header) {
        headerSeen = true;
        // The registered column is ours: the batch reader, which knows only the ruleset's columns, reports it as unknown.
        const diagnostics = record.diagnostics.filter(
          (d) =>
            !(
              column.header !== undefined &&
              d.code === 'batch_header_unknown' &&
              d.line === column.header.row &&
              d.column === column.header.column
            ),
        );
        yield { file, row: record.row, diagnostics, problems: column.problems, header: true };
        continue;
      }
      const cell = await cellFor(record.row);
      const problems = cell?.problem ? [cell.problem] : [];
      yield toInput(file, record, ruleset, cell?.registered, problems);
    }
    if (!headerSeen && column.problems.length > 0)
      yield { file, row: 0, diagnostics: [], problems: column.problems, header: true };
  } finally {
    await cells.return?.();
  }
}

function toInput(
  file: string,
  record: BatchRecord,
  ruleset: CompiledRuleset,
  registered: boolean | undefined,
  problems: readonly ReportProblem[],
): InputRow {
  if (record.header) return { file, row: record.row, diagnostics: record.diagnostics, problems, header: true };
  if (record.assessment === undefined) return { file, row: record.row, diagnostics: record.diagnostics, problems };
  const result = ruleset.evaluate(record.assessment);
  const entry: ReportEntry = {
    result,
    ...(record.area.year !== undefined ? { year: record.area.year } : {}),
    ...(registered !== undefined ? { registered } : {}),
    facts: record.assessment.facts,
    source: { file, row: record.row },
  };
  return { file, row: record.row, entry, diagnostics: record.diagnostics, problems };
}
