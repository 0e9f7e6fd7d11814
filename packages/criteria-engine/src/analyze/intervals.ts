/**
 * Interval reasoning on thresholds: can some valid assessment meet all these thresholds at once?
 * Each fact gets the interval its declaration allows (min/max; 0–1 for yes/no; the ranks of a
 * rating), narrowed by every threshold and by part ≤ whole along `part_of`, until nothing moves.
 * A percentage is tried twice: with an empty whole (only when its `if_whole_zero` makes it hold)
 * and with a whole of at least 1, where `part × 100 ≥ P × whole` narrows both sides; two
 * percentages of the same part and whole must also leave room for the ratio between them.
 *
 * Narrowing only removes values no solution can take, so "no interval left" is a proof that the
 * thresholds contradict each other. The converse is not claimed: an answer of "satisfiable" means
 * only that no contradiction was found.
 */
import type { FactInfo } from '../compile/compiled-ruleset.js';
import { atomFacts, type Atom, type PercentAtom } from './atoms.js';

interface Interval {
  lo: number;
  hi: number;
  readonly integer: boolean;
}

/** Rounds of narrowing at most; stopping early only makes the answer "satisfiable". */
const MAX_ROUNDS = 64;
/** Floating-point slack when rounding a bound to an integer (98.3 × 1000 is 98299.99999999999). */
const EPSILON = 1e-9;

export function satisfiable(atoms: readonly Atom[], facts: ReadonlyMap<string, FactInfo>): boolean {
  const percents = atoms.filter((a): a is PercentAtom => a.kind === 'percent');
  // Every combination of empty / non-empty wholes.
  for (let mask = 0; mask < 1 << percents.length; mask++) {
    const empty = percents.map((_, i) => (mask & (1 << i)) !== 0);
    if (percents.some((p, i) => empty[i] && !p.zeroHolds)) continue;
    if (narrow(atoms, percents, empty, facts)) return true;
  }
  return false;
}

function narrow(
  atoms: readonly Atom[],
  percents: readonly PercentAtom[],
  empty: readonly boolean[],
  facts: ReadonlyMap<string, FactInfo>,
): boolean {
  // Two percentages of the same part and whole, both with a non-empty whole: the ratio itself
  // must lie between them (≥ 98% and ≤ 97% never holds, whatever the counts).
  const ratios = new Map<string, { lo: number; hi: number }>();
  percents.forEach((p, i) => {
    if (empty[i]) return;
    const key = `${p.part}\u0000${p.whole}`;
    const r = ratios.get(key) ?? { lo: -Infinity, hi: Infinity };
    if (p.op === '>=') r.lo = Math.max(r.lo, p.value);
    else r.hi = Math.min(r.hi, p.value);
    ratios.set(key, r);
  });
  for (const r of ratios.values()) if (r.lo > r.hi) return false;

  const domains = new Map<string, Interval>();
  const declare = (id: string): void => {
    if (domains.has(id)) return;
    const f = facts.get(id);
    if (!f) return;
    domains.set(id, initial(f));
    // The wholes above it, so a part inherits its whole's bounds (done ≤ signed ≤ total).
    if (f.partOf !== undefined) declare(f.partOf);
  };
  for (const atom of atoms) atomFacts(atom).forEach(declare);

  let changed = false;
  const atLeast = (id: string, x: number): void => {
    const d = domains.get(id);
    if (!d || Number.isNaN(x)) return;
    const v = d.integer ? Math.ceil(x - EPSILON) : x;
    if (v > d.lo) {
      d.lo = v;
      changed = true;
    }
  };
  const atMost = (id: string, x: number): void => {
    const d = domains.get(id);
    if (!d || Number.isNaN(x)) return;
    const v = d.integer ? Math.floor(x + EPSILON) : x;
    if (v < d.hi) {
      d.hi = v;
      changed = true;
    }
  };
  const lo = (id: string) => domains.get(id)?.lo ?? -Infinity;
  const hi = (id: string) => domains.get(id)?.hi ?? Infinity;

  for (let round = 0; round < MAX_ROUNDS; round++) {
    changed = false;
    for (const [id] of domains) {
      const whole = facts.get(id)?.partOf;
      if (whole === undefined || !domains.has(whole)) continue;
      atMost(id, hi(whole));
      atLeast(whole, lo(id));
    }
    for (const atom of atoms) {
      if (atom.kind !== 'compare') continue;
      if (atom.op !== '<=') atLeast(atom.fact, atom.value);
      if (atom.op !== '>=') atMost(atom.fact, atom.value);
    }
    percents.forEach((p, i) => {
      if (empty[i]) {
        atLeast(p.whole, 0);
        atMost(p.whole, 0);
        return;
      }
      atLeast(p.whole, 1);
      if (p.op === '>=') {
        atLeast(p.part, (p.value * lo(p.whole)) / 100);
        if (p.value > 0) atMost(p.whole, (100 * hi(p.part)) / p.value);
      } else {
        atMost(p.part, (p.value * hi(p.whole)) / 100);
        if (p.value > 0) atLeast(p.whole, (100 * lo(p.part)) / p.value);
      }
    });
    for (const d of domains.values()) if (d.lo > d.hi) return false;
    if (!changed) return true;
  }
  return true;
}

function initial(f: FactInfo): Interval {
  switch (f.type) {
    case 'boolean':
      return { lo: 0, hi: 1, integer: true };
    case 'ordinal':
    case 'enum':
      return { lo: 0, hi: Math.max(0, (f.values?.length ?? 1) - 1), integer: true };
    default:
      return { lo: f.min ?? -Infinity, hi: f.max ?? Infinity, integer: f.type === 'integer' };
  }
}
