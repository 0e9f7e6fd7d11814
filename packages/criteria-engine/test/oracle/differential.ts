/**
 * The differential harness the bundled schemes' oracles share: one pass over generated
 * assessments compares the engine with a hand-written oracle, recording every disagreement (so
 * one kind cannot hide another) and the oracle's decisions (so a test can see every decision was
 * exercised). On a disagreement, `assertAgreement` reruns fc.assert with the same seed, which
 * meets the same first failure and shrinks it to a minimal counterexample.
 *
 * Runs: a few thousand in the normal suite; under `pnpm test:long` LCZ_PROPERTY_RUNS asks for
 * more, and never fewer than 100,000 then.
 */
import fc from 'fast-check';
import type { CompiledRuleset } from '../../src/compile/compiled-ruleset.js';
import type { Assessment } from '../../src/evaluate/assessment.js';
import type { EvaluationResult } from '../../src/evaluate/result.js';

export function propertyRuns(normal: number): number {
  const asked = process.env['LCZ_PROPERTY_RUNS'];
  return asked === undefined || asked === '' ? normal : Math.max(100_000, Number(asked));
}

export const PROPERTY_SEED = Number(process.env['LCZ_PROPERTY_SEED'] ?? 20211104);

export interface Pass {
  runs: number;
  seconds: number;
  /** How often the oracle gave each label (decision, level…), for "every case was exercised". */
  labels: Record<string, number>;
  differences: string[];
}

export interface Comparison<R> {
  readonly assessments: fc.Arbitrary<Assessment>;
  /** The oracle's answer, and a label to tally (the decision or the level). */
  readonly oracle: (a: Assessment) => R;
  readonly label: (expected: R) => string;
  /** What the engine says differently from the oracle; empty when they agree. */
  readonly differences: (a: Assessment, expected: R) => string[];
  readonly runs: number;
  readonly seed: number;
}

export function comparisonPass<R>(c: Comparison<R>): Pass {
  const pass: Pass = { runs: 0, seconds: 0, labels: {}, differences: [] };
  const started = performance.now();
  fc.assert(
    fc.property(c.assessments, (a) => {
      const expected = c.oracle(a);
      pass.runs++;
      const label = c.label(expected);
      pass.labels[label] = (pass.labels[label] ?? 0) + 1;
      // Keep the first few hundred: enough to read, never a memory problem at a million runs.
      const found = c.differences(a, expected);
      if (found.length > 0 && pass.differences.length < 500) pass.differences.push(...found);
    }),
    { seed: c.seed, numRuns: c.runs },
  );
  pass.seconds = (performance.now() - started) / 1000;
  return pass;
}

/** Fails with fast-check's shrunk counterexample, seed and path when engine and oracle disagree. */
export function assertAgreement<R>(c: Comparison<R>): void {
  fc.assert(
    fc.property(c.assessments, (a) => {
      const diff = c.differences(a, c.oracle(a));
      if (diff.length > 0) throw new Error(`engine and oracle disagree:\n  ${[...new Set(diff)].join('\n  ')}`);
    }),
    { seed: c.seed, numRuns: c.runs },
  );
}

export function summary(name: string, pass: Pass, seed: number): string {
  const first = pass.differences[0];
  return (
    `${name}: ${pass.runs} assessments compared in ${pass.seconds.toFixed(1)}s (seed ${seed}); oracle says ` +
    `${JSON.stringify(pass.labels)}; disagreements ${pass.differences.length}${first ? ` (first: ${first})` : ''}`
  );
}

/** A value drawn near the given boundaries (each, one below, one above, clamped to [min, max]) or anywhere in range. */
export function nearBoundaries(min: number, max: number, boundaries: readonly number[]): fc.Arbitrary<number> {
  const near = [...new Set(boundaries.flatMap((b) => [b - 1, b, b + 1]).filter((v) => v >= min && v <= max))];
  const options: fc.WeightedArbitrary<number>[] = [{ arbitrary: fc.integer({ min, max }), weight: 1 }];
  if (near.length > 0) options.push({ arbitrary: fc.constantFrom(...near), weight: 4 });
  return fc.oneof(...options);
}

/** A value, or unknown (left out, or null) with the given probability in per mille. */
export function maybeUnknown<T>(value: fc.Arbitrary<T>, perMille: number): fc.Arbitrary<T | null | undefined> {
  return fc
    .tuple(fc.integer({ min: 0, max: 999 }), value, fc.boolean())
    .map(([draw, v, asNull]) => (draw < perMille ? (asNull ? null : undefined) : v));
}

/** Drops the keys whose value is undefined (a fact left out), keeping nulls (a fact given as unknown). */
export function present<T>(record: Record<string, T | undefined>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Record<string, T>;
}

/** What an oracle of a scheme with levels says of one assessment: the decision and the level span. */
export interface LevelVerdict {
  readonly decision: string;
  readonly level: { readonly reached: string | null; readonly possible: string | null };
}

/**
 * The engine's decision and level (through `evaluate` and the fast `decide`) against an oracle's,
 * for a checked assessment: one line per difference, and the traced result for further checks.
 */
export function levelDifferences(
  ruleset: CompiledRuleset,
  assessment: Assessment,
  expected: LevelVerdict,
): { readonly out: string[]; readonly engine: EvaluationResult } {
  const out: string[] = [];
  const engine = ruleset.evaluate(assessment);
  if (engine.decision !== expected.decision)
    out.push(`decision: engine ${engine.decision}, oracle ${expected.decision}`);
  const got = `${String(engine.level?.reached)}..${String(engine.level?.possible)}`;
  const want = `${String(expected.level.reached)}..${String(expected.level.possible)}`;
  if (got !== want) out.push(`level reached..possible: engine ${got}, oracle ${want}`);
  const fast = ruleset.decide(assessment);
  const fastLevel = `${String(fast.level?.reached)}..${String(fast.level?.possible)}`;
  if (fast.decision !== expected.decision || fastLevel !== want)
    out.push(`decide(): engine ${fast.decision} ${fastLevel}, oracle ${expected.decision} ${want}`);
  return { out, engine };
}
