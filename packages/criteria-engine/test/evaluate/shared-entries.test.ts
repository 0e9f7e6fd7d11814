/**
 * evaluate() shares what results have in common instead of making it again per call (trace.ts:
 * readings of unknown, yes/no, choice and small whole-number values, whole entries of criteria
 * that read only yes/no facts, the `ruleset` entry) and reuses scratch tables between calls. On
 * every bundled scheme: a result never changes after a later evaluation, it prints the same as
 * the same assessment evaluated first by a fresh ruleset, and every reading or entry that two
 * results share is frozen, so no caller can change one result through another.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../src/compile/compiled-ruleset.js';
import type { Assessment } from '../../src/evaluate/assessment.js';
import type { EvaluationResult } from '../../src/evaluate/result.js';
import { loadRulesetFile } from '../../src/node-files.js';
import { assessmentArbitrary } from '../../src/testing.js';
import { BUNDLED_SCHEMES, root } from '../bundled-schemes.js';

const COUNT = 300;

/** The readings and criterion entries of a result: the objects evaluate() may share. */
function sharedKinds(result: EvaluationResult): object[] {
  const out: object[] = [result.ruleset];
  for (const c of result.criteria) out.push(c, ...c.facts);
  for (const d of result.disqualifiers) out.push(...d.facts);
  return out;
}

async function load(file: string): Promise<CompiledRuleset> {
  const loaded = await loadRulesetFile(root(file));
  if (!loaded.value) throw new Error(`${file} does not load: ${loaded.diagnostics.map((d) => d.code).join(', ')}`);
  return loaded.value;
}

const sample = (ruleset: CompiledRuleset): Assessment[] =>
  fc.sample(fc.oneof(assessmentArbitrary(ruleset), assessmentArbitrary(ruleset, { unknownRate: 0.3 })), {
    numRuns: COUNT,
    seed: 20_261_207,
  });

describe.each(BUNDLED_SCHEMES)('evaluate() results that share parts: %s', (file) => {
  it('keeps every result as it was made, equal to another ruleset’s', async () => {
    const ruleset = await load(file);
    const inputs = sample(ruleset);
    const results = inputs.map((a) => ruleset.evaluate(a));
    const printed = results.map((r) => JSON.stringify(r));
    // Later evaluations (the same inputs again, in reverse) must not touch the earlier results.
    for (const a of [...inputs].reverse()) ruleset.evaluate(a);
    expect(results.map((r) => JSON.stringify(r))).toEqual(printed);
    // The same inputs through another ruleset loaded from the same file: its own kept entries.
    const fresh = await load(file);
    inputs.forEach((a, i) => {
      expect(JSON.stringify(fresh.evaluate(a))).toBe(printed[i]);
    });
  });

  it('freezes every reading and entry two results share', async () => {
    const ruleset = await load(file);
    const inputs = sample(ruleset);
    const seen = new Map<object, number>();
    let shared = 0;
    inputs.forEach((a, i) => {
      for (const o of sharedKinds(ruleset.evaluate(a))) {
        const first = seen.get(o);
        if (first === undefined) seen.set(o, i);
        else if (first !== i) {
          shared++;
          expect(Object.isFrozen(o)).toBe(true);
        }
      }
    });
    // The sharing is there to be checked: every bundled scheme has yes/no facts.
    expect(shared).toBeGreaterThan(0);
  });
});
