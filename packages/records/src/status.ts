/**
 * What is still missing before the deadline, per area and per department: the facts the rules
 * still need for a decision (the engine's `missing`), each under the department that answers
 * for it (the rule file's owners) or under the area itself.
 */
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { daysUntil } from './cycle.js';
import { assessYear } from './decide.js';
import { AREA_OWNER } from './parts.js';
import type { RecordsStore } from './store.js';

export interface StatusRow {
  readonly area: string;
  readonly name: string;
  readonly unit: string;
  /** A department id, or AREA_OWNER for the area's own facts. */
  readonly owner: string;
  readonly missing: readonly string[];
}

export interface YearStatus {
  readonly year: number;
  readonly deadline: string;
  /** Whole days left (negative once past). */
  readonly daysLeft: number;
  readonly registered: number;
  /** Areas whose every needed fact is in. */
  readonly complete: number;
  readonly rows: readonly StatusRow[];
}

export async function yearStatus(
  store: RecordsStore,
  ruleset: CompiledRuleset,
  year: number,
  deadline: string,
  today: string,
): Promise<YearStatus> {
  const owners = new Map(ruleset.facts.map((f) => [f.id, f.owner ?? AREA_OWNER]));
  const order = [...ruleset.owners.map((o) => o.id), AREA_OWNER];
  const assessed = await assessYear(store, ruleset, year, deadline);
  const rows: StatusRow[] = [];
  let complete = 0;
  for (const a of assessed) {
    // An assessment the rules refuse (a bad context) needs every fact again: list what it reads.
    const missing = a.result ? a.result.missing : ruleset.facts.map((f) => f.id);
    if (missing.length === 0) {
      complete++;
      continue;
    }
    const byOwner = new Map<string, string[]>();
    for (const fact of missing) {
      const owner = owners.get(fact) ?? AREA_OWNER;
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), fact]);
    }
    for (const owner of order) {
      const list = byOwner.get(owner);
      if (list) rows.push({ area: a.area.code, name: a.area.name, unit: a.area.unit, owner, missing: list });
    }
  }
  return {
    year,
    deadline,
    daysLeft: daysUntil(deadline, today),
    registered: assessed.length,
    complete,
    rows,
  };
}
