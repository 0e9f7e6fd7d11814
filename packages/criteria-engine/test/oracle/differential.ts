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
import type { Assessment } from '../../src/evaluate/assessment.js';

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
