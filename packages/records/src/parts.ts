/**
 * Parts: what one department (or the area's own ward/commune, with no owner) hands in for a year,
 * read from its workbook with @lcz/criteria-batch, so every cell is checked against the rule
 * file and every problem is located at its row. Before anything is written, the parts are
 * checked together: a fact from a department that does not answer for it, and two parts (or two
 * rows) giving different values for one fact of one area, are located problems. Nothing is
 * decided by order: there is no last-one-wins.
 */
import { readBatch } from '@lcz/criteria-batch';
import type { CompiledRuleset, Diagnostic } from '@lcz/criteria-engine';
import { problem, type RecordsProblem } from './problems.js';
import type { AreaInput, FactEntry } from './types.js';

export interface Part {
  readonly file: string;
  /** The department (an id of the rule file's owners), or null for the area's own facts. */
  readonly owner: string | null;
  /**
   * A CSV part's character encoding when it has no byte-order mark (`lcz records --encoding`);
   * left out, UTF-8. Workbooks (XLSX) carry their own.
   */
  readonly encoding?: string;
  /** The caller's option that sets `encoding`: a CSV that is not UTF-8 gets a message naming it. */
  readonly encodingOption?: string;
}

export interface ReadParts {
  readonly entries: FactEntry[];
  /** The areas as the parts name them (code, name, unit, context), first mention of each. */
  readonly areas: AreaInput[];
  /** Problems of the cells, rows and headers, as the batch reader reports them. */
  readonly diagnostics: Diagnostic[];
  readonly problems: RecordsProblem[];
}

/** The label shown for "the area itself" where an owner is expected. */
export const AREA_OWNER = 'area';

export async function readParts(parts: readonly Part[], ruleset: CompiledRuleset): Promise<ReadParts> {
  const owners = new Map(ruleset.facts.map((f) => [f.id, f.owner ?? null]));
  const known = ruleset.owners.map((o) => o.id);
  const entries: FactEntry[] = [];
  const areas = new Map<string, AreaInput>();
  const diagnostics: Diagnostic[] = [];
  const problems: RecordsProblem[] = [];
  const seen = new Map<string, FactEntry>();
  for (const part of parts) {
    // One problem per column of another department's facts, at its first row, with the count.
    const notOwned = new Map<string, RecordsProblem & { rows: number }>();
    if (part.owner !== null && !known.includes(part.owner)) {
      problems.push(
        problem(
          'records_owner_unknown',
          { file: part.file },
          { owner: part.owner, ruleset: ruleset.id, known: known.join(', ') || '—' },
        ),
      );
      continue;
    }
    const reading = {
      ...(part.encoding === undefined ? {} : { encoding: part.encoding }),
      ...(part.encodingOption === undefined ? {} : { encodingOption: part.encodingOption }),
    };
    for await (const record of readBatch(part.file, ruleset, reading)) {
      diagnostics.push(...record.diagnostics);
      const assessment = record.assessment;
      const code = record.area.code;
      if (!assessment || code === undefined) continue;
      if (!areas.has(code)) {
        const context: Record<string, string | boolean> = {};
        for (const [k, v] of Object.entries(assessment.context)) if (v !== null && v !== undefined) context[k] = v;
        areas.set(code, {
          code,
          name: record.area.name ?? code,
          unit: record.area.unit ?? '',
          context,
          at: { file: part.file, line: record.row, column: record.columns?.get('code') ?? 0 },
        });
      }
      for (const [fact, value] of Object.entries(assessment.facts)) {
        if (value === null || value === undefined) continue;
        // The fact's own cell: its row and, for spreadsheets, its column (0 where unknown: JSON, YAML).
        const at = { file: part.file, line: record.row, column: record.columns?.get(fact) ?? 0 };
        const owner = owners.get(fact) ?? null;
        if (owner !== part.owner) {
          const first = notOwned.get(fact);
          if (first) first.rows++;
          else {
            const params = { fact, owners: owner ?? AREA_OWNER, owner: part.owner ?? AREA_OWNER };
            notOwned.set(fact, { ...problem('records_fact_not_owned', at, params), rows: 1 });
          }
          continue;
        }
        const entry: FactEntry = { area: code, fact, value, owner: part.owner, at };
        const key = `${code}\u0000${fact}`;
        const first = seen.get(key);
        if (first && first.value !== entry.value) {
          problems.push(
            problem('records_conflict', at, {
              area: code,
              fact,
              value: JSON.stringify(entry.value),
              other_value: JSON.stringify(first.value),
              other: locationOf(first.at),
            }),
          );
          continue;
        }
        if (!first) {
          seen.set(key, entry);
          entries.push(entry);
        }
      }
    }
    for (const { rows, ...p } of notOwned.values()) problems.push({ ...p, params: { ...p.params, rows } });
  }
  return { entries, areas: [...areas.values()], diagnostics, problems };
}

/** `file:row:column`, or `file:row` when the column is unknown. */
function locationOf(at: FactEntry['at']): string {
  const row = `${at.file}:${at.line ?? 0}`;
  return at.column ? `${row}:${at.column}` : row;
}
