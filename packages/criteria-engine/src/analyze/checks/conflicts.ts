/**
 * Thresholds that contradict each other: two criteria, each with a threshold it cannot pass
 * without (atoms.ts), where no valid assessment meets both thresholds (intervals.ts), though each
 * alone can be met. Then the two criteria never pass together, e.g. "100% of the key titles
 * trained" beside "at most 5 key titles trained" when every area has at least 8 key titles.
 *
 * Only criteria that some kind of unit assesses together are compared (two variants of one
 * criterion never are), and only thresholds on related facts (the same fact, or facts linked by
 * `part_of`). One finding per pair of criteria, at the first threshold in the file.
 */
import type { FactInfo } from '../../compile/compiled-ruleset.js';
import { atomFacts, necessaryAtoms, type LocatedAtom } from '../atoms.js';
import type { Findings } from '../findings.js';
import { satisfiable } from '../intervals.js';
import type { Reachability } from '../reach.js';

interface Owned extends LocatedAtom {
  readonly criterion: string;
  readonly variant: string | null;
  /** Kinds of unit (indexes into reach.contexts) in which this threshold is in force. */
  readonly contexts: ReadonlySet<number>;
  /** Facts the threshold reads, with every whole above them. */
  readonly family: ReadonlySet<string>;
}

export function checkConflicts(f: Findings, reach: Reachability, maxPairs: number): void {
  const facts = new Map<string, FactInfo>(f.ruleset.facts.map((x) => [x.id, x]));
  const atoms = ownedAtoms(f, reach, facts);
  const alone = new Map<Owned, boolean>(atoms.map((a) => [a, satisfiable([a.atom], facts)]));
  // Only atoms on related facts are compared: bucket them by fact instead of trying every pair,
  // which grew with the square of the criteria. Within a bucket the pairs are bounded by
  // `maxPairs`; past it one `check_limit` note says the comparison stopped.
  const byFact = new Map<string, number[]>();
  atoms.forEach((a, i) => {
    for (const id of a.family) byFact.set(id, [...(byFact.get(id) ?? []), i]);
  });
  // Per pair of criteria, the first contradicting pair of thresholds in file order (as before).
  const found = new Map<string, [number, number]>();
  const tried = new Set<string>();
  let pairs = 0;
  let stopped = false;
  for (const members of byFact.values()) {
    for (const [x, i] of members.entries()) {
      if (stopped) break;
      for (const j of members.slice(x + 1)) {
        const a = atoms[i];
        const b = atoms[j];
        if (a === undefined || b === undefined) continue;
        if (a.criterion === b.criterion || tried.has(`${i},${j}`)) continue;
        tried.add(`${i},${j}`);
        if (++pairs > maxPairs) {
          stopped = true;
          break;
        }
        if (reach.contextsListed && ![...a.contexts].some((k) => b.contexts.has(k))) continue;
        if (!alone.get(a) || !alone.get(b) || satisfiable([a.atom, b.atom], facts)) continue;
        const pair = `${a.criterion}\u0000${b.criterion}`;
        const seen = found.get(pair);
        if (!seen || i < seen[0] || (i === seen[0] && j < seen[1])) found.set(pair, [i, j]);
      }
    }
  }
  const ordered = [...found.values()].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  for (const [i, j] of ordered) {
    const a = atoms[i];
    const b = atoms[j];
    if (a === undefined || b === undefined) continue;
    const other = f.ruleset.locate(b.path);
    f.add(
      'threshold_conflict',
      a.path,
      { criterion: a.criterion, first: a.text, other: b.criterion, second: b.text, other_line: other?.line ?? 0 },
      'error',
    );
  }
  if (stopped)
    f.add('check_limit', ['groups'], { kind: 'thresholds', id: '', max: maxPairs, reason: 'budget' }, 'info');
}

/** Every necessary threshold of every criterion, with where and for which kinds of unit it holds. */
function ownedAtoms(f: Findings, reach: Reachability, facts: ReadonlyMap<string, FactInfo>): Owned[] {
  const family = (ids: readonly string[]) => {
    const out = new Set<string>();
    for (let id of ids) {
      for (let guard = 0; guard < facts.size && !out.has(id); guard++) {
        out.add(id);
        const whole = facts.get(id)?.partOf;
        if (whole === undefined) break;
        id = whole;
      }
    }
    return out;
  };
  const reachOf = new Map(reach.criteria.map((r) => [r.id, r]));
  const atoms: Owned[] = [];
  for (const [gi, g] of f.ruleset.document.groups.entries()) {
    for (const [ci, c] of g.criteria.entries()) {
      const outcomes = reachOf.get(c.id)?.contexts ?? [];
      const inForce = (variant: string | null) =>
        new Set(
          outcomes.flatMap((o, k) =>
            o.variant === variant && o.statuses.some((s) => s !== 'not_applicable') ? [k] : [],
          ),
        );
      const base = ['groups', gi, 'criteria', ci];
      if (c.condition !== undefined) {
        const contexts = inForce(null);
        for (const a of necessaryAtoms(c.condition, [...base, 'condition'], facts))
          atoms.push({ ...a, criterion: c.id, variant: null, contexts, family: family(atomFacts(a.atom)) });
      }
      (c.variants ?? []).forEach((v, vi) => {
        const contexts = inForce(v.id);
        for (const a of necessaryAtoms(v.condition, [...base, 'variants', vi, 'condition'], facts))
          atoms.push({ ...a, criterion: c.id, variant: v.id, contexts, family: family(atomFacts(a.atom)) });
      });
    }
  }
  return atoms;
}
