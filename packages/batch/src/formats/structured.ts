/**
 * Assessments in the engine's own shape ({ area, context, facts }): one per line (JSON Lines,
 * streamed), or one document holding one assessment or a list of them (JSON, YAML, read whole).
 * Values are checked as the engine checks a single file, so "12" in JSON is text, not a number.
 * Problems are located at the line and column of the text, found through the `yaml` parser's
 * ranges, and only for records that have problems: valid records cost a JSON.parse.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { CompiledRuleset, Diagnostic } from '@lcz/criteria-engine';
import { flowTooDeep } from '@lcz/criteria-engine/tools';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { AssessmentCheck } from '../assessment-check.js';
import { fileDiagnostic } from '../diagnostics.js';
import { asError } from '../errors.js';
import type { BatchArea, BatchRecord } from '../record.js';
import { CHUNK_ROWS } from './rows.js';
import { unsafeKeysOf, unsafeKeysOfItems, yamlProblems, type RowProblem } from './structured-checks.js';

/** JSON arrays and YAML lists are read whole; beyond this, JSON Lines or CSV stream. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** Nesting of a YAML list of assessments: the list, an assessment, its parts, a value. */
const MAX_DEPTH = 64;

const YAML_OPTIONS = {
  uniqueKeys: true,
  schema: 'core',
  strict: true,
  prettyErrors: false,
  maxAliasCount: 100,
} as const;

export async function* jsonLinesRecords(
  input: Readable,
  file: string,
  ruleset: CompiledRuleset,
  check: AssessmentCheck,
): AsyncIterable<readonly BatchRecord[]> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let row = 0;
  let batch: BatchRecord[] = [];
  for await (const raw of lines) {
    row += 1;
    const line = row === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (line.trim() === '') continue;
    const deep = flowTooDeep(line, MAX_DEPTH);
    if (deep !== undefined) {
      batch.push({
        row,
        area: {},
        diagnostics: [fileDiagnostic(file, 'yaml_depth_limit', { max: MAX_DEPTH }, row, deep + 1)],
      });
      continue;
    }
    // Bytes that were not UTF-8 became U+FFFD in the line reader: say so, at the place.
    const lost = line.indexOf('\uFFFD');
    if (lost !== -1) {
      batch.push({
        row,
        area: {},
        diagnostics: [fileDiagnostic(file, 'text_encoding', { path: file, encoding: 'replacement' }, row, lost + 1)],
      });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const position = jsonErrorPosition(error);
      batch.push({
        row,
        area: {},
        diagnostics: [
          fileDiagnostic(
            file,
            'batch_unreadable',
            { format: 'jsonl', reason: 'json_syntax', detail: asError(error).message },
            row,
            position + 1,
          ),
        ],
      });
      continue;
    }
    let locate: Locate | undefined;
    const problems = unsafeKeysOf(value, file).map((p) => p.diagnostic);
    batch.push(
      checkedRecord(value, row, ruleset, check, problems, (d) => {
        locate ??= locator(line);
        return { ...d, file, line: row, column: locate([], d).column };
      }),
    );
    if (batch.length >= CHUNK_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** A JSON or YAML document: one assessment, or a list of them (item n is row n). */
export function documentRecords(
  text: string,
  format: 'json' | 'yaml',
  file: string,
  ruleset: CompiledRuleset,
  check: AssessmentCheck,
): readonly BatchRecord[] | Diagnostic {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  let parsed: Document.Parsed | undefined;
  let problems: RowProblem[];
  // 200 KB of `[` cost yaml's parser 300 MB before any depth check: refused from the text first.
  const deep = flowTooDeep(source, MAX_DEPTH);
  if (deep !== undefined) {
    const { line, col } = new LineCounterAt(source).at(deep);
    return fileDiagnostic(file, 'yaml_depth_limit', { max: MAX_DEPTH }, line, col);
  }
  if (format === 'json') {
    try {
      value = JSON.parse(source);
    } catch (error) {
      const position = jsonErrorPosition(error);
      const { line, col } = new LineCounterAt(source).at(position);
      return fileDiagnostic(
        file,
        'batch_unreadable',
        { format: 'json', reason: 'json_syntax', detail: asError(error).message },
        line,
        col,
      );
    }
    problems = unsafeKeysOfItems(Array.isArray(value) ? value : [value], file);
  } else {
    const lineCounter = new LineCounter();
    parsed = parseDocument(source, { ...YAML_OPTIONS, lineCounter });
    const error = parsed.errors[0];
    if (error) {
      const pos = error.linePos?.[0];
      return fileDiagnostic(
        file,
        'batch_unreadable',
        { format: 'yaml', reason: 'yaml_syntax', detail: error.message.split('\n')[0] ?? error.code },
        pos?.line ?? 0,
        pos?.col ?? 0,
      );
    }
    problems = yamlProblems(parsed, source, file);
    value = parsed.toJS({ maxAliasCount: 100 });
  }
  const items = Array.isArray(value) ? value : [value];
  const listed = Array.isArray(value);
  const locate = locator(source);
  const byItem = problemsByItem(problems);
  return items.map((item, i) =>
    checkedRecord(item, i + 1, ruleset, check, byItem.get(i) ?? [], (d) => {
      const at = locate(listed ? [i] : [], d);
      return { ...d, file, line: at.line, column: at.column };
    }),
  );
}

/** The problems of each item, in the order found (a map: a list with one in every item stays linear). */
function problemsByItem(problems: readonly RowProblem[]): Map<number, Diagnostic[]> {
  const byItem = new Map<number, Diagnostic[]>();
  for (const { item, diagnostic } of problems) {
    const list = byItem.get(item);
    if (list === undefined) byItem.set(item, [diagnostic]);
    else list.push(diagnostic);
  }
  return byItem;
}

/**
 * A record checked: `problems` are what the reader refuses (structured-checks.ts), and then the
 * record is not validated further, as a single file with such a key or number is not.
 */
function checkedRecord(
  value: unknown,
  row: number,
  ruleset: CompiledRuleset,
  check: AssessmentCheck,
  problems: readonly Diagnostic[],
  place: (d: Diagnostic) => Diagnostic,
): BatchRecord {
  const area = areaOf(value);
  if (problems.length > 0) return { row, area, diagnostics: problems.map(place) };
  if (check(value)) return { row, area, assessment: value, diagnostics: [] };
  // The engine's validation gives the assessment back when it finds nothing wrong.
  const validated = ruleset.validateAssessment(value);
  const diagnostics = validated.diagnostics.map(place);
  return validated.value !== undefined
    ? { row, area, assessment: validated.value, diagnostics }
    : { row, area, diagnostics };
}

function areaOf(value: unknown): BatchArea {
  const area = isRecord(value) ? value['area'] : undefined;
  if (!isRecord(area)) return {};
  const { code, name, unit, date } = area;
  // The date's year, or the year the record gives alone (area.year, which the engine reads).
  const year =
    typeof date === 'string' && /^\d{4}-/.test(date)
      ? Number(date.slice(0, 4))
      : typeof area['year'] === 'number' && Number.isInteger(area['year'])
        ? area['year']
        : undefined;
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof unit === 'string' ? { unit } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(typeof date === 'string' ? { date } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Locate = (prefix: readonly (string | number)[], d: Diagnostic) => { line: number; column: number };

/**
 * Finds what a diagnostic's path names inside `text` (1-based line and column). The text is
 * parsed with `yaml` (JSON is YAML) for its ranges on first use only: valid records never pay.
 */
function locator(text: string): Locate {
  let parsed: { doc: Document.Parsed; lines: LineCounter } | undefined;
  return (prefix, d) => {
    if (parsed === undefined) {
      const lines = new LineCounter();
      parsed = { doc: parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines }), lines };
    }
    const { doc, lines } = parsed;
    const path = [...prefix, ...(d.path ?? '').split('/').filter((p) => p !== '')];
    // Unknown names are reported at their key, as the engine does for single files.
    const atKey =
      d.code === 'input_unknown_fact' ||
      d.code === 'input_unknown_facts' ||
      d.code === 'input_shape' ||
      d.code === 'yaml_unsafe_key';
    let node: unknown = doc.contents;
    let offset = doc.contents?.range?.[0] ?? 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        const keyRange = isNode(pair.key) ? pair.key.range : undefined;
        if (i === path.length - 1 && atKey && keyRange) {
          offset = keyRange[0];
          break;
        }
        node = pair.value;
      } else if (isSeq(node)) {
        node = node.items[Number(segment)];
      } else break;
      const range = isNode(node) ? node.range : undefined;
      if (range) offset = range[0];
    }
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
}

/** V8 says "… at position 12 (line 1 column 13)"; older messages only the position. */
function jsonErrorPosition(error: unknown): number {
  const m = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  return m ? Number(m[1]) : 0;
}

/** Line and column of an offset in text that was not parsed with a LineCounter. */
class LineCounterAt {
  constructor(private readonly text: string) {}
  at(offset: number): { line: number; col: number } {
    let line = 1;
    let start = 0;
    for (let i = 0; i < offset && i < this.text.length; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++;
        start = i + 1;
      }
    }
    return { line, col: offset - start + 1 };
  }
}
