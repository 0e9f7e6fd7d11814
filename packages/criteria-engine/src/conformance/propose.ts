/**
 * After a rule change, failed test cases fall in two kinds, and a person must treat them apart:
 * - cases whose expectations the new rules really change: each gets a proposal (the new value
 *   next to the old expectation, and why the decision is what it is now), which the person
 *   reviews and may accept (rewrite-expectations.ts);
 * - cases that fail only because a fact the rules now use is given by none of their layers: the
 *   base file lacks it. Those are one fix in one file, so they are grouped per fact and file and
 *   never proposed: accepting "undetermined" there would write the gap into the tests.
 */
import type { DecisionReason } from '../evaluate/result.js';
import type { TestMismatch, TestRun } from './result.js';

export interface CaseProposal {
  readonly file: string;
  readonly name: string;
  readonly line: number;
  readonly column: number;
  /** The expectations that no longer hold, each with the value the rules give now. */
  readonly changes: readonly TestMismatch[];
  /** Why the decision is what it is now (the evaluation's own reasons). */
  readonly why: readonly DecisionReason[];
  /** The standards and criteria behind `why`, for a reader: what fails or is unknown. */
  readonly details: readonly ProposalDetail[];
}

export type ProposalDetail =
  | {
      readonly kind: 'group';
      readonly id: string;
      readonly passed: number;
      readonly applicable: number;
      readonly required: number;
      readonly failing: readonly string[];
      readonly unknown: readonly string[];
    }
  | { readonly kind: 'criterion'; readonly id: string; readonly status: string; readonly facts: string };

/** A fact the rules use that a base file does not give, and how many failed cases it explains. */
export interface LackingFact {
  readonly fact: string;
  /** The file to add it to: the base's assessment file, or the test file whose base writes facts inline. */
  readonly file: string;
  readonly cases: number;
}

export interface Proposals {
  readonly cases: readonly CaseProposal[];
  readonly lacking: readonly LackingFact[];
}

/** Proposals for every failed case that ran (runs must come from `keepResults: true`). */
export function proposeExpectations(runs: readonly TestRun[]): Proposals {
  const cases: CaseProposal[] = [];
  const lacking = new Map<string, { fact: string; file: string; cases: number }>();
  for (const run of runs) {
    for (const c of run.cases) {
      if (c.ok || c.mismatches.length === 0) continue;
      if (c.lacking !== undefined && c.lacking.length > 0) {
        const file = c.root ?? run.file;
        for (const fact of c.lacking) {
          const key = `${file}\u0000${fact}`;
          const entry = lacking.get(key) ?? { fact, file, cases: 0 };
          entry.cases += 1;
          lacking.set(key, entry);
        }
        continue;
      }
      const result = c.result;
      cases.push({
        file: run.file,
        name: c.name,
        line: c.line,
        column: c.column,
        changes: c.mismatches,
        why: result?.reasons ?? [],
        details: result === undefined ? [] : detailsOf(result, c.mismatches),
      });
    }
  }
  return { cases, lacking: [...lacking.values()] };
}

type Result = NonNullable<TestRun['cases'][number]['result']>;

function detailsOf(result: Result, mismatches: readonly TestMismatch[]): ProposalDetail[] {
  const details: ProposalDetail[] = [];
  const criteria = new Map(result.criteria.map((c) => [c.id, c]));
  const named = new Set<string>();
  const describe = (id: string): void => {
    const c = criteria.get(id);
    if (c === undefined || named.has(id)) return;
    named.add(id);
    const facts = c.facts.map((f) => `${f.id}=${f.value === null ? '?' : String(f.value)}`).join(', ');
    details.push({ kind: 'criterion', id, status: c.status, facts });
  };
  for (const reason of result.reasons) {
    if (reason.kind === 'group_not_met') {
      const group = result.standards.find((g) => g.id === reason.id);
      if (group === undefined) continue;
      const members = result.criteria.filter((c) => c.group === group.id);
      details.push({
        kind: 'group',
        id: group.id,
        passed: group.passed,
        applicable: group.applicable,
        required: group.required,
        failing: members.filter((c) => c.counts_as === 'failed').map((c) => c.id),
        unknown: members.filter((c) => c.counts_as === 'unknown').map((c) => c.id),
      });
    }
    if (reason.kind === 'mandatory_failed') describe(reason.id);
  }
  // The criteria whose own expectation moved, with the facts that moved them.
  for (const m of mismatches) {
    const id = /^criteria\.(?:"([^"]+)"|([^.]+))/.exec(m.path);
    const name = id?.[1] ?? id?.[2];
    if (name !== undefined) describe(name);
  }
  return details;
}
