/**
 * What the engine's own reader refuses in a single assessment file, found in the assessments of a
 * list (a JSON array, a YAML list, JSON Lines) too: a `__proto__`, `constructor` or `prototype`
 * key (yaml_unsafe_key), and in YAML a number not written in decimal digits (`0x10`, `0o17`,
 * `.inf`, `.nan`: yaml_number_not_decimal), which yaml would otherwise read silently as 16 or 15.
 * Each problem has its row and its path in the row's assessment; every one is found, not only the
 * first. The values are never polluted: JSON.parse and yaml define such keys as own properties.
 */
import type { Diagnostic } from '@lcz/criteria-engine';
import { nonDecimalNumber } from '@lcz/criteria-engine/tools';
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { fileDiagnostic } from '../diagnostics.js';

const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A problem found in one row's assessment, before it is placed in the file. */
export interface RowProblem {
  /** Index of the item in the list (0 for a document of one assessment, or a JSON line). */
  readonly item: number;
  readonly diagnostic: Diagnostic;
}

/** The unsafe keys of a parsed JSON value (one assessment), at their paths. */
export function unsafeKeysOf(value: unknown, file: string, item = 0): RowProblem[] {
  const found: RowProblem[] = [];
  const walk = (node: unknown, path: readonly (string | number)[]): void => {
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) walk(child, [...path, i]);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const key of Object.keys(node)) {
      if (UNSAFE_KEYS.has(key)) found.push({ item, diagnostic: unsafeKey(file, key, [...path, key]) });
      else walk((node as Record<string, unknown>)[key], [...path, key]);
    }
  };
  walk(value, []);
  return found;
}

/** Every item of a list: its unsafe keys (item n of the list is row n + 1). */
export function unsafeKeysOfItems(items: readonly unknown[], file: string): RowProblem[] {
  return items.flatMap((item, i) => unsafeKeysOf(item, file, i));
}

/**
 * The unsafe keys and non-decimal numbers of a parsed YAML document, by item of the list (or item
 * 0 for one assessment). `text` is the document's source, for a number as written.
 */
export function yamlProblems(doc: Document.Parsed, text: string, file: string): RowProblem[] {
  const found: RowProblem[] = [];
  const walk = (node: unknown, item: number, path: readonly (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && UNSAFE_KEYS.has(key)) {
          found.push({ item, diagnostic: unsafeKey(file, key, [...path, key]) });
          continue;
        }
        if (key !== undefined) walk(pair.value, item, [...path, key]);
      }
    } else if (isSeq(node)) {
      for (const [i, child] of node.items.entries()) walk(child, item, [...path, i]);
    } else if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'bigint')) {
      const range = (node as Node).range;
      const written = range ? text.slice(range[0], range[1]) : String(node.value);
      const other = nonDecimalNumber(written, node.value);
      if (other !== false) {
        const d = fileDiagnostic(file, 'yaml_number_not_decimal', { value: written, ...other });
        found.push({ item, diagnostic: { ...d, path: pointer(path) } });
      }
    }
  };
  const root = doc.contents;
  if (isSeq(root)) for (const [i, child] of root.items.entries()) walk(child, i, []);
  else walk(root, 0, []);
  return found;
}

function unsafeKey(file: string, key: string, path: readonly (string | number)[]): Diagnostic {
  // `kind: assessment`: the hint speaks of an assessment's keys, not a rule file's.
  return { ...fileDiagnostic(file, 'yaml_unsafe_key', { key, kind: 'assessment' }), path: pointer(path) };
}

/** The path as the engine's validation gives it (structured.ts's locator reads it back). */
function pointer(path: readonly (string | number)[]): string {
  return `/${path.join('/')}`;
}
