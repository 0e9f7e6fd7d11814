/**
 * Interval reasoning on thresholds: can some valid assessment meet all these thresholds at once?
 * Each fact gets the interval its declaration allows (min/max; 0–1 for yes/no; the ranks of a
 * rating), narrowed by every threshold and by part ≤ whole along `part_of`, until nothing moves.
 * A ratio (a percentage) is tried twice: with an empty whole (only when its `if_whole_zero` makes
 * it hold) and with a whole of at least 1, where `part × scale ≥ P × whole` narrows both sides;
 * two ratios of the same part and whole must also leave room for the ratio between them.
 *
 * Narrowing only removes values no solution can take, so "no interval left" is a proof that the
 * thresholds contradict each other. The converse is not claimed: an answer of "satisfiable" means
 * only that no contradiction was found.
 */
import type { FactInfo } from '../compile/compiled-ruleset.js';
import { FACT_TYPES } from '../compile/fact-types/index.js';
import { atomFacts, type Atom, type RatioAtom } from './atoms.js';

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
  const ratios = atoms.filter((a): a is RatioAtom => a.kind === 'ratio');
  // Every combination of empty / non-empty wholes.
  for (let mask = 0; mask < 1 << ratios.length; mask++) {
    const empty = ratios.map((_, i) => (mask & (1 << i)) !== 0);
    if (ratios.some((p, i) => empty[i] && !p.zeroHolds)) continue;
    if (narrow(atoms, ratios, empty, facts)) return true;
  }
  return false;
}

/** Bounds propagation over the facts the atoms read, for one choice of empty and non-empty wholes. */
function narrow(
  atoms: readonly Atom[],
  ratios: readonly RatioAtom[],
  empty: readonly boolean[],
  facts: ReadonlyMap<string, FactInfo>,
): boolean {
  if (!ratiosConsistent(ratios, empty)) return false;
  const domains = new Domains(facts);
  for (const atom of atoms) for (const id of atomFacts(atom)) domains.declare(id);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    domains.changed = false;
    domains.partsWithinWholes();
    for (const atom of atoms) {
      if (atom.kind !== 'compare') continue;
      if (atom.op !== '<=') domains.atLeast(atom.fact, atom.value);
      if (atom.op !== '>=') domains.atMost(atom.fact, atom.value);
    }
    for (const [i, p] of ratios.entries()) domains.ratio(p, empty[i] === true);
    if (domains.contradiction()) return false;
    if (!domains.changed) return true;
  }
  return true;
}

/**
 * Two ratios (percentages) of the same part and whole, both with a non-empty whole: the ratio itself must
 * lie between them (≥ 98% and ≤ 97% never holds, whatever the counts).
 */
function ratiosConsistent(atoms: readonly RatioAtom[], empty: readonly boolean[]): boolean {
  const ratios = new Map<string, { lo: number; hi: number }>();
  atoms.forEach((p, i) => {
    if (empty[i]) return;
    // Values in one unit: the same part, whole and scale.
    const key = `${p.part}\u0000${p.whole}\u0000${p.scale}`;
    const r = ratios.get(key) ?? { lo: -Infinity, hi: Infinity };
    if (p.op === '>=') r.lo = Math.max(r.lo, p.value);
    else r.hi = Math.min(r.hi, p.value);
    ratios.set(key, r);
  });
  return [...ratios.values()].every((r) => r.lo <= r.hi);
}

/** Each fact's interval, narrowed in place; `changed` says whether a round moved any bound. */
class Domains {
  private readonly domains = new Map<string, Interval>();
  changed = false;

  constructor(private readonly facts: ReadonlyMap<string, FactInfo>) {}

  declare(id: string): void {
    if (this.domains.has(id)) return;
    const f = this.facts.get(id);
    if (!f) return;
    this.domains.set(id, initial(f));
    // The wholes above it, so a part inherits its whole's bounds (done ≤ signed ≤ total).
    if (f.partOf !== undefined) this.declare(f.partOf);
  }

  atLeast(id: string, x: number): void {
    const d = this.domains.get(id);
    if (!d || Number.isNaN(x)) return;
    const v = d.integer ? Math.ceil(x - EPSILON) : x;
    if (v > d.lo) {
      d.lo = v;
      this.changed = true;
    }
  }

  atMost(id: string, x: number): void {
    const d = this.domains.get(id);
    if (!d || Number.isNaN(x)) return;
    const v = d.integer ? Math.floor(x + EPSILON) : x;
    if (v < d.hi) {
      d.hi = v;
      this.changed = true;
    }
  }

  lo(id: string): number {
    return this.domains.get(id)?.lo ?? -Infinity;
  }

  hi(id: string): number {
    return this.domains.get(id)?.hi ?? Infinity;
  }

  /** part ≤ whole along every declared `part_of`. */
  partsWithinWholes(): void {
    for (const [id] of this.domains) {
      const whole = this.facts.get(id)?.partOf;
      if (whole === undefined || !this.domains.has(whole)) continue;
      this.atMost(id, this.hi(whole));
      this.atLeast(whole, this.lo(id));
    }
  }

  /** A ratio atom: an empty whole is 0; otherwise part × scale against value × whole, both ways. */
  ratio(p: RatioAtom, empty: boolean): void {
    if (empty) {
      this.atLeast(p.whole, 0);
      this.atMost(p.whole, 0);
      return;
    }
    this.atLeast(p.whole, 1);
    if (p.op === '>=') {
      this.atLeast(p.part, (p.value * this.lo(p.whole)) / p.scale);
      if (p.value > 0) this.atMost(p.whole, (p.scale * this.hi(p.part)) / p.value);
    } else {
      this.atMost(p.part, (p.value * this.hi(p.whole)) / p.scale);
      if (p.value > 0) this.atLeast(p.whole, (p.scale * this.lo(p.part)) / p.value);
    }
  }

  contradiction(): boolean {
    for (const d of this.domains.values()) if (d.lo > d.hi) return true;
    return false;
  }
}

/** A fact's starting interval, as its type places its values on a line (compile/fact-types/). */
function initial(f: FactInfo): Interval {
  return { ...FACT_TYPES[f.type].numberLine(f) };
}
