/**
 * Import: read the parts, check them together, then append their values in one transaction (all
 * or nothing). Every problem comes back at once, located; when there is any, nothing is written.
 */
import type { CompiledRuleset, Diagnostic } from '@lcz/criteria-engine';
import { type Part, readParts } from './parts.js';
import { RecordsError, type RecordsProblem } from './problems.js';
import type { RecordsStore } from './store.js';
import type { WriteMeta } from './types.js';

export interface ImportOutcome {
  readonly written: number;
  readonly unchanged: number;
  readonly areas: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly problems: readonly RecordsProblem[];
}

export interface ImportOptions {
  /** Called after each area's values are written, inside the transaction (progress display). */
  readonly onArea?: (done: number, total: number) => Promise<void> | void;
}

export async function importParts(
  store: RecordsStore,
  ruleset: CompiledRuleset,
  year: number,
  parts: readonly Part[],
  meta: WriteMeta,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const read = await readParts(parts, ruleset);
  const areas = new Set(read.entries.map((e) => e.area)).size;
  const failed = { written: 0, unchanged: 0, areas, diagnostics: read.diagnostics };
  if (read.problems.length > 0 || read.diagnostics.some((d) => d.severity === 'error')) {
    return { ...failed, problems: read.problems };
  }
  try {
    const source = parts.map((p) => p.file).join(', ');
    const { written, unchanged } = await store.appendFacts(year, read.entries, { ...meta, source }, options.onArea);
    return { written, unchanged, areas, diagnostics: read.diagnostics, problems: [] };
  } catch (error) {
    if (error instanceof RecordsError) return { ...failed, problems: error.problems };
    throw error;
  }
}

/**
 * Registers the areas a workbook lists for a year: their identity and context are recorded (a
 * change needs `meta.reason`), then each is registered. The workbook's facts are not read here.
 */
export async function registerAreas(
  store: RecordsStore,
  ruleset: CompiledRuleset,
  year: number,
  file: string,
  meta: WriteMeta,
  /** A CSV's character encoding when it has no byte-order mark, and the option that sets it. */
  reading: Pick<Part, 'encoding' | 'encodingOption'> = {},
): Promise<{
  added: number;
  changed: number;
  registered: number;
  diagnostics: readonly Diagnostic[];
  problems: readonly RecordsProblem[];
}> {
  const read = await readParts([{ file, owner: null, ...reading }], ruleset);
  const none = { added: 0, changed: 0, registered: 0, diagnostics: read.diagnostics };
  if (read.diagnostics.some((d) => d.severity === 'error')) return { ...none, problems: [] };
  try {
    const { added, changed } = await store.putAreas(read.areas, { ...meta, source: file });
    const { registered } = await store.register(
      year,
      read.areas.map((a) => a.code),
      { ...meta, source: file },
    );
    return { added, changed, registered, diagnostics: read.diagnostics, problems: [] };
  } catch (error) {
    if (error instanceof RecordsError) return { ...none, problems: error.problems };
    throw error;
  }
}
