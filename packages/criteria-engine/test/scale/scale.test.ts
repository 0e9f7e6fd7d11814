/**
 * The static checks grow with the rule file, not with its square: counted in evaluations, not
 * timed (the machine is shared). A check of a ruleset ten times larger evaluates about ten times
 * more, never the whole ruleset per probe; past the declared budgets it stops with a note.
 */
import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRulesetOrThrow, type CompiledRuleset } from '@lcz/criteria-engine';
import { checkRuleset } from '@lcz/criteria-engine/tools';
import { assessmentArbitrary } from '@lcz/criteria-engine/testing';
import { generateRulesText } from './generate-rules.js';

const LAI_CHAU = new URL('../../../../rules/lai-chau-2020-2025/ruleset.yaml', import.meta.url);

interface Counts {
  full: number;
  parts: number;
  /** Fact values read by the part evaluations (what they cost). */
  reads: number;
}

/** The same ruleset with its evaluations counted. */
function counted(ruleset: CompiledRuleset): { ruleset: CompiledRuleset; counts: Counts } {
  const counts: Counts = { full: 0, parts: 0, reads: 0 };
  const wrapped: CompiledRuleset = {
    ...ruleset,
    evaluate: (a) => {
      counts.full++;
      return ruleset.evaluate(a);
    },
    evaluateCriterion: (a, i) => {
      counts.parts++;
      const r = ruleset.evaluateCriterion(a, i);
      counts.reads += r.facts.length;
      return r;
    },
    evaluateDisqualifier: (a, j) => {
      counts.parts++;
      const r = ruleset.evaluateDisqualifier(a, j);
      counts.reads += r.facts.length;
      return r;
    },
  };
  return { ruleset: wrapped, counts };
}

function generated(groups: number, criteria: number): CompiledRuleset {
  return loadRulesetOrThrow(generateRulesText({ groups, criteria }), { file: `generated-${groups}x${criteria}.yaml` });
}

describe('checkRuleset on generated rule files', () => {
  it('evaluates the whole ruleset once per kind of unit, and each part alone on its probes', () => {
    const { ruleset, counts } = counted(generated(4, 10));
    const check = checkRuleset(ruleset);
    expect(counts.full).toBe(check.reach.contexts.length);
    expect(counts.parts).toBeGreaterThan(0);
  });

  it('ten times the criteria cost about ten times the evaluations, not a hundred', () => {
    const small = counted(generated(4, 10));
    const large = counted(generated(4, 100));
    const a = checkRuleset(small.ruleset);
    const b = checkRuleset(large.ruleset);
    expect(b.reach.criteria).toHaveLength(10 * a.reach.criteria.length);
    const ratio = large.counts.reads / small.counts.reads;
    expect(ratio).toBeGreaterThan(8);
    expect(ratio).toBeLessThan(12);
    expect(large.counts.full).toBe(small.counts.full);
  });

  it('stops at the whole-check budget with one check_limit note naming where', () => {
    const { ruleset, counts } = counted(generated(4, 50));
    const check = checkRuleset(ruleset, { maxTotalProbes: 500 });
    expect(counts.parts).toBeLessThanOrEqual(500);
    const notes = check.diagnostics.filter((d) => d.code === 'check_limit');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.params).toMatchObject({ reason: 'budget', kind: 'criterion', max: 500 });
    expect(notes[0]?.line).toBeGreaterThan(0);
    expect(check.reach.budgetSpent?.kind).toBe('criterion');
  });

  it('stops comparing thresholds at maxThresholdPairs with a note', () => {
    const ruleset = loadRulesetOrThrow(readFileSync(LAI_CHAU, 'utf8'), { file: 'lai-chau.yaml' });
    const check = checkRuleset(ruleset, { maxThresholdPairs: 1 });
    expect(check.diagnostics.filter((d) => d.code === 'check_limit').map((d) => d.params)).toEqual([
      { kind: 'thresholds', id: '', max: 1, reason: 'budget' },
    ]);
  });
});

describe('evaluateCriterion and evaluateDisqualifier', () => {
  const rulesets = [loadRulesetOrThrow(readFileSync(LAI_CHAU, 'utf8'), { file: 'lai-chau.yaml' }), generated(2, 10)];
  it.each(rulesets.map((r) => [r.file, r] as const))('agree with evaluate on %s', (_file, ruleset) => {
    fc.assert(
      fc.property(assessmentArbitrary(ruleset), (assessment) => {
        const full = ruleset.evaluate(assessment);
        for (const i of ruleset.criteria.keys())
          expect(ruleset.evaluateCriterion(assessment, i)).toEqual(full.criteria[i]);
        for (const j of ruleset.disqualifiers.keys())
          expect(ruleset.evaluateDisqualifier(assessment, j)).toEqual(full.disqualifiers[j]);
      }),
      { numRuns: 200, seed: 14 },
    );
  });
});
