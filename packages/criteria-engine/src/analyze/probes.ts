/**
 * Probe inputs: for the facts one condition reads, every combination of the values at which its
 * outcome can change. For a number: its bounds and one step inside them, 0 and 1, each constant
 * compared with it (or written in the condition) and one step either side (half a step too for a
 * decimal fact, and the midpoints between constants); for a whole, the small wholes and 100, 200,
 * 1000 where percentages fall on integers; for the part of a percentage, the exact integer
 * boundary for the whole chosen and one step either side, none and all. Booleans, enumerations
 * and ratings take every value. Each probe is a valid assessment: bounds, integers, and a part
 * never above its whole (wholes are chosen first).
 *
 * A comparison of a fact (or of a percentage) with a constant changes its truth only at the
 * constant, so these values meet every region the condition's atoms can be in; sums and other
 * arithmetic are met at the constants written in them.
 */
import type { ConditionInfo, FactInfo } from '../compile/compiled-ruleset.js';
import { FACT_TYPES } from '../compile/fact-types/index.js';
import { thresholdHooks, type RatioThreshold } from '../compile/functions/index.js';
import type { FactValue } from '../evaluate/result.js';

export type ProbeValue = FactValue | null;
export type ProbeFacts = Record<string, ProbeValue>;

/** A threshold on the ratio of two facts (a percentage), with its value. */
interface RatioUse extends RatioThreshold {
  readonly value: number;
}

/** What the probes need to know of a ruleset: its facts, and what other names in conditions mean. */
export interface ProbeNames {
  readonly facts: ReadonlyMap<string, FactInfo>;
  /** Parameters of the rule file, by name (constants for the facts compared with them). */
  readonly parameters: ReadonlyMap<string, number>;
  /** Named conditions (definitions:), whose thresholds and constants count where they are used. */
  readonly definitions: ReadonlyMap<string, ConditionInfo>;
  /** Context attributes, function names and keywords: names that carry no constant. */
  readonly plain: ReadonlySet<string>;
  /** Facts that some other fact is `part_of` (worked out once per ruleset, not per probe space). */
  readonly partOfWholes: ReadonlySet<string>;
}

/** What a set of conditions says about the values worth trying. */
export class ProbeSpace {
  private readonly constants = new Map<string, Set<number>>();
  private readonly ratios: RatioUse[] = [];
  private readonly wholes = new Set<string>();
  /** Facts read inside `known(…)`: being unknown is an outcome of its own there. */
  private readonly maybeUnknown = new Set<string>();
  /** Facts that some other fact is `part_of`. */
  private readonly partOfWholes: ReadonlySet<string>;
  private readonly facts: ReadonlyMap<string, FactInfo>;
  private readonly seenDefinitions = new Set<string>();
  /**
   * A condition names something whose value the probes cannot know (a parameter of an included
   * file): then no probe set is complete, and nothing may be claimed from it.
   */
  opaque = false;

  constructor(private readonly names: ProbeNames) {
    this.facts = names.facts;
    this.partOfWholes = names.partOfWholes;
  }

  /** Learn the thresholds and constants of a condition (or of an `applicable_when` text). */
  add(condition: ConditionInfo | undefined, text?: string): this {
    if (condition) {
      for (const t of condition.thresholds) {
        if (t.kind === 'compare') {
          if (typeof t.value === 'number') this.constant(t.fact, t.value);
          continue;
        }
        // A function's threshold on a ratio (percent): its whole and the part's line (ratio hook).
        const ratio = thresholdHooks(t.kind)?.ratio?.(t);
        // A ratio threshold has one value (a parameter's has none: `ratio` is then undefined).
        if (ratio && typeof t.value === 'number') {
          this.ratios.push({ ...ratio, value: t.value });
          this.wholes.add(ratio.whole);
        }
      }
    }
    // Value ids in quotes ('ban') are not names.
    const source = `${condition?.expression ?? ''} ${text ?? ''}`.replace(/'[^']*'|"[^"]*"/g, "''");
    const names = [...source.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)].map((m) => m[0]);
    const numbers = [...source.matchAll(/(?<![A-Za-z0-9_.])\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
    for (const name of names) {
      const value = this.names.parameters.get(name);
      if (value !== undefined) numbers.push(value);
      const definition = this.names.definitions.get(name);
      if (definition && !this.seenDefinitions.has(name)) {
        this.seenDefinitions.add(name);
        this.add(definition);
      }
      if (value === undefined && !definition && !this.facts.has(name) && !this.names.plain.has(name))
        this.opaque = true;
    }
    // Constants written in arithmetic (`a + b >= 2`), tried for every number the text reads.
    for (const name of names) if (this.facts.has(name)) for (const n of numbers) this.constant(name, n);
    for (const m of source.matchAll(/\bknown\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)/g))
      if (m[1]) this.maybeUnknown.add(m[1]);
    return this;
  }

  private constant(fact: string, value: number): void {
    const set = this.constants.get(fact) ?? new Set<number>();
    set.add(value);
    this.constants.set(fact, set);
  }

  /**
   * Calls `visit` with every probe over `ids` (the same object, refilled: copy it to keep it),
   * on top of the fixed values in `base`; `visit` may return false to stop. Returns the number of
   * probes visited, or undefined without visiting any when there would be more than `limit`.
   */
  enumerate(
    ids: readonly string[],
    limit: number,
    visit: (facts: ProbeFacts) => boolean | undefined,
    base: ProbeFacts = {},
  ): number | undefined {
    const order = this.order(ids);
    const facts: ProbeFacts = { ...base };
    let count = 0;
    let stopped = false;
    const walk = (i: number, doVisit: boolean): boolean => {
      // Past the last fact (i === order.length): one probe is complete.
      const id = order[i];
      if (id === undefined) {
        count++;
        if (doVisit && visit(facts) === false) stopped = true;
        return count <= limit && !stopped;
      }
      for (const v of this.candidates(id, facts)) {
        if (v === null) delete facts[id];
        else facts[id] = v;
        if (!walk(i + 1, doVisit)) return false;
      }
      delete facts[id];
      return true;
    };
    if (!walk(0, false)) return undefined;
    count = 0;
    walk(0, true);
    return count;
  }

  /** Wholes before their parts (by `part_of` and by the percentages), so a part knows its bound. */
  private order(ids: readonly string[]): string[] {
    const wanted = new Set(ids);
    const before = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]));
    for (const id of ids) {
      const whole = this.facts.get(id)?.partOf;
      if (whole !== undefined && wanted.has(whole)) before.get(id)?.add(whole);
    }
    for (const p of this.ratios)
      if (wanted.has(p.part) && wanted.has(p.whole) && p.part !== p.whole) before.get(p.part)?.add(p.whole);
    const out: string[] = [];
    const placed = new Set<string>();
    const place = (id: string, path: Set<string>): void => {
      if (placed.has(id) || path.has(id)) return;
      path.add(id);
      for (const w of before.get(id) ?? []) place(w, path);
      placed.add(id);
      out.push(id);
    };
    for (const id of ids) place(id, new Set());
    return out;
  }

  private candidates(id: string, chosen: ProbeFacts): ProbeValue[] {
    const f = this.facts.get(id);
    const unknown: ProbeValue[] = this.maybeUnknown.has(id) ? [null] : [];
    if (!f) return [null];
    const finite = FACT_TYPES[f.type].finiteValues?.(f);
    if (finite) return [...finite, ...unknown];
    const integer = FACT_TYPES[f.type].numberLine(f).integer;
    const lo = f.min ?? -Infinity;
    let hi = f.max ?? Infinity;
    const whole = f.partOf !== undefined ? chosen[f.partOf] : undefined;
    if (typeof whole === 'number') hi = Math.min(hi, whole);
    const set = new Set<number>([0, 1]);
    for (const b of [lo, hi]) if (Number.isFinite(b)) for (const v of [b - 1, b, b + 1]) set.add(v);
    const constants = [...(this.constants.get(id) ?? [])].sort((a, b) => a - b);
    constants.forEach((c, i) => {
      for (const v of around(c, integer)) set.add(v);
      const next = constants[i + 1];
      if (!integer && next !== undefined) set.add((c + next) / 2);
    });
    if (this.wholes.has(id) || this.partOfWholes.has(id)) {
      for (const w of SMALL_AND_ROUND_WHOLES) set.add(w);
    }
    for (const p of this.ratios) {
      if (p.part !== id) continue;
      const w = chosen[p.whole];
      if (typeof w !== 'number') continue;
      const line = (p.value * w) / p.scale;
      for (const v of around(line, integer)) set.add(v);
      set.add(w);
    }
    const values = [...set]
      .filter((v) => Number.isFinite(v) && v >= lo && v <= hi && (!integer || Number.isInteger(v)))
      .sort((a, b) => a - b);
    return [...values, ...unknown];
  }
}

/** Wholes where percentages fall on integers or near them: empty, tiny, and round. */
const SMALL_AND_ROUND_WHOLES: readonly number[] = [0, 1, 2, 3, 7, 10, 100, 200, 1000];

/** A constant and the values one step either side (the integers around it, for a whole number). */
function around(c: number, integer: boolean): number[] {
  if (!integer) return [c - 1, c - 0.5, c, c + 0.5, c + 1];
  // A small tolerance: 98.3 × 1000 / 100 computed in floating point is 982.9999999999999.
  const floor = Math.floor(c + 1e-9);
  const ceil = Math.ceil(c - 1e-9);
  return [floor - 1, floor, floor + 1, ceil - 1, ceil, ceil + 1];
}
