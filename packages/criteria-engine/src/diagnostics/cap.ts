/**
 * A cap on the diagnostics shown per file and per row (a line of a text file, a row of a sheet):
 * 20,000 duplicate ids gave 19,999 lines (4.8 MB) of the same message. The first problems are
 * kept, errors before warnings before notes, in file order; the rest are counted in one
 * `diagnostics_omitted` note per row and per file ("… and 19,949 more"). The CLI, the HTTP
 * service and the batch reader all cap the same way.
 */
import type { Diagnostic, Severity } from './diagnostic.js';
import { sortDiagnostics } from './format.js';

export interface DiagnosticCaps {
  /** Diagnostics shown per file at most. */
  readonly perFile: number;
  /** Diagnostics shown per row (line) of a file at most. */
  readonly perRow: number;
}

export const DEFAULT_DIAGNOSTIC_CAPS: DiagnosticCaps = { perFile: 100, perRow: 20 };

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export function capDiagnostics(list: readonly Diagnostic[], caps: Partial<DiagnosticCaps> = {}): Diagnostic[] {
  const { perFile, perRow } = { ...DEFAULT_DIAGNOSTIC_CAPS, ...caps };
  if (list.length <= Math.min(perFile, perRow)) return [...list];
  // Errors first when choosing what to keep; stable, so file order within a severity.
  const byRank = [...list].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const fileCounts = new Map<string, number>();
  const rowCounts = new Map<string, number>();
  const kept: Diagnostic[] = [];
  const omitted = new Map<string, { file: string; line: number; count: number; errors: number }>();
  const omit = (key: string, file: string, line: number, d: Diagnostic) => {
    const o = omitted.get(key) ?? { file, line, count: 0, errors: 0 };
    o.count++;
    if (d.severity === 'error') o.errors++;
    omitted.set(key, o);
  };
  for (const d of byRank) {
    const rowKey = `${d.file}\u0000${d.line}`;
    const inRow = rowCounts.get(rowKey) ?? 0;
    const inFile = fileCounts.get(d.file) ?? 0;
    // Problems without a place (line 0) are not a row: only the file's cap applies to them.
    if (d.line > 0 && inRow >= perRow) omit(`row\u0000${rowKey}`, d.file, d.line, d);
    else if (inFile >= perFile) omit(`file\u0000${d.file}`, d.file, 0, d);
    else {
      kept.push(d);
      rowCounts.set(rowKey, inRow + 1);
      fileCounts.set(d.file, inFile + 1);
    }
  }
  const notes: Diagnostic[] = [...omitted.values()].map((o) => ({
    code: 'diagnostics_omitted',
    severity: 'info',
    file: o.file,
    line: o.line,
    column: 0,
    params: { count: o.count, errors: o.errors, scope: o.line > 0 ? 'row' : 'file' },
  }));
  // The file's note goes last (line 0 would sort first): it speaks of what follows the rest.
  const sorted = sortDiagnostics([...kept, ...notes.filter((n) => n.line > 0)]);
  const fileNotes = notes.filter((n) => n.line === 0);
  return [...sorted, ...fileNotes];
}
