/**
 * Accepting proposed expectations: each accepted value replaces the old one in the test file's
 * text, at the exact range the parser gave it, so every other byte (comments, blank lines, flow
 * or block style, quoting, key order) stays as the person wrote it. The new text is then read back
 * with the yaml Document API and each rewritten place must hold the new value; if not, nothing is
 * rewritten (the caller gets the reason, never a half-edited file).
 */
import { parseDocument } from 'yaml';
import { type ComparedValue, isList, type TestMismatch } from './result.js';

export type RewriteOutcome = { readonly text: string } | { readonly failed: string };

/** The text with each change's value written at its range; changes without a range are refused. */
export function rewriteExpectations(text: string, changes: readonly TestMismatch[]): RewriteOutcome {
  const placed = [...changes].sort((a, b) => (b.range?.[0] ?? 0) - (a.range?.[0] ?? 0));
  let out = text;
  let previousStart = Number.POSITIVE_INFINITY;
  for (const change of placed) {
    if (change.range === undefined || change.at === undefined) return { failed: change.path };
    const [start, end] = change.range;
    // Ranges must not overlap: one expectation is one value.
    if (end > previousStart) return { failed: change.path };
    previousStart = start;
    // A block list's range ends after its last line break: keep that, or the next key would join this line.
    const trailing = /\s*$/.exec(out.slice(start, end))?.[0] ?? '';
    out = out.slice(0, start) + render(change.actual) + trailing + out.slice(end);
  }
  const doc = parseDocument(out, { uniqueKeys: true });
  if (doc.errors.length > 0) return { failed: doc.errors[0]?.message ?? 'yaml' };
  for (const change of changes) {
    // Every change has its place: the loop above refused any without one.
    const now: unknown = doc.getIn(change.at ?? []);
    if (!same(now, change.actual)) return { failed: change.path };
  }
  return { text: out };
}

/** A value as YAML in flow style: plain where YAML reads it back as the same string, quoted otherwise. */
function render(value: ComparedValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  if (isList(value)) return `[${value.map(scalar).join(', ')}]`;
  return scalar(value);
}

function scalar(value: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) && !/^(?:true|false|null|yes|no|on|off|y|n|~)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

function same(now: unknown, wanted: ComparedValue): boolean {
  if (isList(wanted)) {
    const list =
      now !== null && typeof now === 'object' && 'toJSON' in now && typeof now.toJSON === 'function'
        ? now.toJSON()
        : now;
    return Array.isArray(list) && list.length === wanted.length && list.every((x, i) => x === wanted[i]);
  }
  return now === wanted;
}
