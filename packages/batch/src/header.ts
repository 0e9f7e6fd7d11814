/**
 * The header row: which column each position holds. A header cell may be a column's id, its
 * Vietnamese label or its English label, either label followed by the unit in brackets as the
 * template writes it (see text.ts for how text is compared); `#…` marks a
 * notes column. Every header problem is reported once, at the header row and its column.
 */
import type { CompiledRuleset, Diagnostic } from '@lcz/criteria-engine';
import { cellText, isEmptyCell, type Cell } from './cells.js';
import { batchColumns, headerLabel, type BatchColumn } from './columns.js';
import { rowDiagnostic } from './diagnostics.js';
import { columnLetters, foldedKey, matchKey } from './text.js';

/** What sits at one position of the header. */
export type HeaderSlot =
  | { readonly kind: 'column'; readonly column: BatchColumn; readonly name: string }
  | { readonly kind: 'note'; readonly name: string }
  /** No header text: a value below it has nowhere to go and is reported. */
  | { readonly kind: 'empty' }
  /** An unknown or duplicate header, already reported: its cells are not read. */
  | { readonly kind: 'rejected'; readonly name: string };

export interface HeaderLayout {
  /** The row the header was found on (1-based). */
  readonly row: number;
  readonly slots: readonly HeaderSlot[];
  readonly diagnostics: readonly Diagnostic[];
}

interface HeaderIndex {
  readonly byId: ReadonlyMap<string, BatchColumn>;
  /** Label keys; a list of several columns means the label is ambiguous. */
  readonly byLabel: ReadonlyMap<string, readonly BatchColumn[]>;
  readonly columns: readonly BatchColumn[];
}

const indexes = new WeakMap<CompiledRuleset, HeaderIndex>();

function headerIndex(ruleset: CompiledRuleset): HeaderIndex {
  const known = indexes.get(ruleset);
  if (known) return known;
  const columns = batchColumns(ruleset);
  const byId = new Map<string, BatchColumn>();
  const byLabel = new Map<string, BatchColumn[]>();
  for (const c of columns) byId.set(matchKey(c.id), c);
  for (const c of columns) {
    // The label alone, or with its unit as the template writes it.
    for (const text of new Set([c.label.vi, c.label.en, headerLabel(c, 'vi'), headerLabel(c, 'en')])) {
      const key = matchKey(text);
      const list = byLabel.get(key) ?? [];
      if (!list.includes(c)) list.push(c);
      byLabel.set(key, list);
    }
  }
  const index = { byId, byLabel, columns };
  indexes.set(ruleset, index);
  return index;
}

/** Whether a header cell's text names one of the ruleset's columns (by id or by label). */
export function isKnownHeader(ruleset: CompiledRuleset, text: string): boolean {
  const name = text.trim();
  if (name === '') return false;
  const index = headerIndex(ruleset);
  const key = matchKey(name);
  return index.byId.has(key) || index.byLabel.has(key);
}

export function readHeader(ruleset: CompiledRuleset, file: string, row: number, cells: readonly Cell[]): HeaderLayout {
  const index = headerIndex(ruleset);
  const diagnostics: Diagnostic[] = [];
  const slots: HeaderSlot[] = [];
  const firstPosition = new Map<BatchColumn, number>();

  cells.forEach((cell, i) => {
    const column = i + 1;
    if (isEmptyCell(cell)) {
      slots.push({ kind: 'empty' });
      return;
    }
    const name = cellText(cell).trim();
    if (name.startsWith('#')) {
      slots.push({ kind: 'note', name });
      return;
    }
    const key = matchKey(name);
    let found = index.byId.get(key);
    if (found === undefined) {
      const candidates = index.byLabel.get(key);
      if (candidates !== undefined && candidates.length > 1) {
        diagnostics.push(
          rowDiagnostic(
            file,
            'batch_header_unknown',
            row,
            column,
            { candidates: candidates.map((c) => c.id).join(', ') },
            { columnName: name },
          ),
        );
        slots.push({ kind: 'rejected', name });
        return;
      }
      found = candidates?.[0];
    }
    if (found === undefined) {
      const suggestion = suggest(name, index.columns);
      diagnostics.push(
        rowDiagnostic(file, 'batch_header_unknown', row, column, suggestion ? { suggestion } : {}, {
          columnName: name,
        }),
      );
      slots.push({ kind: 'rejected', name });
      return;
    }
    const first = firstPosition.get(found);
    if (first !== undefined) {
      diagnostics.push(
        rowDiagnostic(
          file,
          'batch_header_duplicate',
          row,
          column,
          { name: found.id, first_column: columnLetters(first) },
          { columnName: name },
        ),
      );
      slots.push({ kind: 'rejected', name });
      return;
    }
    firstPosition.set(found, column);
    slots.push({ kind: 'column', column: found, name });
  });

  // A missing column is reported where it could be added: the first free column.
  const free = cells.length + 1;
  const missing = (c: BatchColumn): Diagnostic =>
    rowDiagnostic(file, 'batch_header_missing', row, free, { name: c.id, label_vi: c.label.vi, label_en: c.label.en });
  for (const c of index.columns) {
    if (c.required && !firstPosition.has(c)) diagnostics.push(missing(c));
  }
  const year = index.byId.get('year');
  const date = index.byId.get('date');
  if (year && date && !firstPosition.has(year) && !firstPosition.has(date)) diagnostics.push(missing(year));

  return { row, slots, diagnostics };
}

/**
 * Whether a row right under the header is the English-labels row the template writes: every
 * non-empty cell under a known column is that column's English label, and at least one is.
 */
export function isEnglishLabelRow(layout: HeaderLayout, cells: readonly Cell[]): boolean {
  let matched = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (isEmptyCell(cell)) continue;
    const slot = layout.slots[i];
    if (slot === undefined || slot.kind === 'empty') return false;
    if (slot.kind !== 'column') continue;
    const key = matchKey(cellText(cell));
    if (key !== matchKey(slot.column.label.en) && key !== matchKey(headerLabel(slot.column, 'en'))) return false;
    matched++;
  }
  return matched > 0;
}

/** The column a mistyped header most likely meant: same text without diacritics, or a close id. */
function suggest(name: string, columns: readonly BatchColumn[]): string | undefined {
  const folded = foldedKey(name);
  for (const c of columns) {
    if (foldedKey(c.label.vi) === folded || foldedKey(c.label.en) === folded || foldedKey(c.id) === folded) return c.id;
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of columns) {
    for (const candidate of [c.id, c.label.en, c.label.vi]) {
      const key = foldedKey(candidate);
      if (Math.abs(key.length - folded.length) > 3) continue;
      const d = distance(folded, key);
      if (d < bestDistance) {
        bestDistance = d;
        best = c.id;
      }
    }
  }
  return bestDistance <= Math.max(1, Math.floor(folded.length / 5)) ? best : undefined;
}

/** Levenshtein distance, two rows. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
