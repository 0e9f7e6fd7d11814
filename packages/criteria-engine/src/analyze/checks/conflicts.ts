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

export function checkConflicts(f: Findings, reach: Reachability): void {
  const { ruleset } = f;
  const facts = new Map<string, FactInfo>(ruleset.facts.map((x) => [x.id, x]));
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

  const atoms: Owned[] = [];
  for (const [gi, g] of ruleset.document.groups.entries())
    for (const [ci, c] of g.criteria.entries()) {
      const outcomes = reach.criteria.find((r) => r.id === c.id)?.contexts ?? [];
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

  const alone = new Map<Owned, boolean>(atoms.map((a) => [a, satisfiable([a.atom], facts)]));
  const reported = new Set<string>();
  atoms.forEach((a, i) => {
    for (const b of atoms.slice(i + 1)) {
      if (a.criterion === b.criterion) continue;
      const pair = `${a.criterion}\u0000${b.criterion}`;
      if (reported.has(pair)) continue;
      if (![...a.family].some((id) => b.family.has(id))) continue;
      if (reach.contextsListed && ![...a.contexts].some((k) => b.contexts.has(k))) continue;
      if (!alone.get(a) || !alone.get(b) || satisfiable([a.atom, b.atom], facts)) continue;
      reported.add(pair);
      const other = ruleset.locate(b.path);
      f.add(
        'threshold_conflict',
        a.path,
        { criterion: a.criterion, first: a.text, other: b.criterion, second: b.text, other_line: other?.line ?? 0 },
        'error',
      );
    }
  });
}
