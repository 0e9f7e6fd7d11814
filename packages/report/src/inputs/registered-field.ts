/**
 * The `registered` field of assessments written as JSON, JSON Lines or YAML. The assessment
 * format is strict (an unknown key is an error), so the field is taken out before the batch
 * reader sees the text: its characters are replaced by spaces, never removed, so every line and
 * column the reader reports still points at the user's file.
 */
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { problem, type ReportProblem } from '../problems.js';
import { ALLOWED_WORDS, REGISTERED_FIELD, registeredValue } from './registered.js';

export interface RegisteredFields {
  /** The text with every top-level `registered` pair blanked out. */
  readonly text: string;
  /** Per row (item number, or line for JSON Lines): the value given. */
  readonly values: ReadonlyMap<number, boolean>;
  readonly problems: readonly ReportProblem[];
}

export function takeRegisteredFields(text: string, format: 'json' | 'jsonl' | 'yaml', file: string): RegisteredFields {
  // UTF-16 units, as the yaml parser counts offsets.
  const out = text.split('');
  const values = new Map<number, boolean>();
  const problems: ReportProblem[] = [];
  const documents: { offset: number; source: string; row: number | undefined }[] = [];
  if (format === 'jsonl') {
    let offset = 0;
    text.split('\n').forEach((line, i) => {
      if (line.trim() !== '') documents.push({ offset, source: line, row: i + 1 });
      offset += line.length + 1;
    });
  } else documents.push({ offset: 0, source: text, row: undefined });

  for (const d of documents) {
    const lines = new LineCounter();
    const doc = parseDocument(d.source, { lineCounter: lines, prettyErrors: false });
    // A document the batch reader cannot parse is its to report: leave it as it is.
    if (doc.errors.length > 0) continue;
    const items: { node: unknown; row: number }[] = isSeq(doc.contents)
      ? doc.contents.items.map((node, i) => ({ node, row: i + 1 }))
      : [{ node: doc.contents, row: d.row ?? 1 }];
    for (const { node, row } of items) {
      if (!isMap(node)) continue;
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== REGISTERED_FIELD) continue;
        const value = registeredValue(
          isScalar(pair.value) ? pair.value.value : pair.value === null ? undefined : '[…]',
        );
        const start = (pair.key.range?.[0] ?? 0) + d.offset;
        const end = ((isNode(pair.value) ? pair.value.range?.[1] : undefined) ?? pair.key.range?.[1] ?? 0) + d.offset;
        const at = lines.linePos(start - d.offset);
        const line = format === 'jsonl' ? (d.row ?? at.line) : at.line;
        if (value === null) {
          const shown = isScalar(pair.value) ? String(pair.value.value) : String(pair.value);
          problems.push(
            problem('report_registered_value', file, line, at.col, {
              value: shown,
              allowed: ALLOWED_WORDS,
              column_name: REGISTERED_FIELD,
            }),
          );
        } else if (value !== undefined) values.set(row, value);
        blank(out, start, end, node.flow === true || format !== 'yaml');
      }
    }
  }
  return { text: out.join(''), values, problems };
}

/** Spaces over [start, end), and over the comma that separated the pair in a flow mapping. */
function blank(out: string[], start: number, end: number, flow: boolean): void {
  for (let i = start; i < end; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
  if (!flow) return;
  let after = end;
  while (after < out.length && /\s/.test(out[after] ?? '')) after++;
  if (out[after] === ',') {
    out[after] = ' ';
    return;
  }
  let before = start - 1;
  while (before >= 0 && /\s/.test(out[before] ?? '')) before--;
  if (out[before] === ',') out[before] = ' ';
}
