/**
 * 20,000 small criteria: `check` finishes, whole or with a check_limit note, never a hang (it did
 * not finish before). Behaviour is asserted, not time: the generated file is checked in full with
 * the default budgets, and stops with one located note under a small one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulesetOrThrow, type CompiledRuleset } from '@lcz/criteria-engine';
import { checkRuleset } from '@lcz/criteria-engine/tools';
import { generateSmallRulesText } from './generate-rules.js';

// Loading 3 MB of rules takes seconds on a shared machine: one load for both tests.
let ruleset: CompiledRuleset;
beforeAll(() => {
  ruleset = loadRulesetOrThrow(generateSmallRulesText(20_000), { file: 'small-criteria.yaml' });
}, 600_000);

describe('check on 20,000 small criteria', () => {
  it('finishes: every criterion reached, or the budget note says where it stopped', () => {
    expect(ruleset.criteria).toHaveLength(20_000);
    const check = checkRuleset(ruleset);
    const notes = check.diagnostics.filter((d) => d.code === 'check_limit');
    if (notes.length === 0) expect(check.reach.criteria).toHaveLength(20_000);
    else expect(notes.every((d) => d.params['reason'] === 'budget')).toBe(true);
    // f0 >= 0 holds for every value: the one criterion that cannot fail is found among 20,000.
    expect(check.diagnostics.filter((d) => d.code === 'criterion_never_fails').length).toBeGreaterThan(0);
  }, 600_000);

  it('under a small budget: one check_limit note, located', () => {
    const check = checkRuleset(ruleset, { maxTotalProbes: 1000 });
    const notes = check.diagnostics.filter((d) => d.code === 'check_limit');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.params).toMatchObject({ reason: 'budget', max: 1000 });
    expect(notes[0]?.line).toBeGreaterThan(0);
  }, 600_000);
});
