/**
 * A part (`part_of`) of a whole known to be 0 can only be 0: left out, it is taken as 0, the
 * explanation says so, and a percentage over that whole is decided by its `if_whole_zero`
 * (Lai Châu 2.6: no fixed businesses, the registered count left out).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYamlText } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { explainText } from '../../src/explain/index.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';

const url = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const RULES = url('../../../../rules/lai-chau-2020-2025/ruleset.yaml');
const rules = loadRulesetOrThrow(readFileSync(RULES, 'utf8'), { file: RULES });
const example = parseYamlText(
  readFileSync(url('../../../../examples/assessments/recognised-to-dan-pho.yaml'), 'utf8'),
) as Assessment;

function withFacts(facts: Record<string, number | null>): Assessment {
  const merged: Record<string, unknown> = { ...example.facts, ...facts };
  for (const [id, v] of Object.entries(facts)) if (v === null) delete merged[id];
  return { ...example, facts: merged } as Assessment;
}

describe('a part of a whole that is 0', () => {
  const noBusinesses = withFacts({ fixed_businesses: 0, fixed_businesses_registered: null });

  it('is 0 when left out: 2.6 passes by its if_whole_zero and the decision stands', () => {
    expect(rules.evaluate(example).decision).toBe('recognised');
    const result = rules.evaluate(noBusinesses);
    const c26 = result.criteria.find((c) => c.id === '2.6');
    expect(c26?.status).toBe('pass');
    expect(c26?.facts).toContainEqual({ id: 'fixed_businesses_registered', value: 0, implied_by: 'fixed_businesses' });
    expect(result.missing).not.toContain('fixed_businesses_registered');
    expect(result.decision).toBe('recognised');
    expect(rules.decide(noBusinesses).decision).toBe('recognised');
  });

  it('is said so in the explanation, in both languages', () => {
    const result = rules.evaluate(noBusinesses);
    expect(explainText(result, rules, { lang: 'en' })).toMatch(
      /: 0 \S* ?\(not given: it is part of “[^”]+”, which is 0, so it can only be 0\)/,
    );
    expect(explainText(result, rules, { lang: 'vi' })).toMatch(
      /: 0 \S* ?\(không nhập: là một phần của “[^”]+” bằng 0 nên chỉ có thể bằng 0\)/,
    );
  });

  it('stays unknown when the whole is not 0 or not known', () => {
    for (const whole of [5, null]) {
      const result = rules.evaluate(withFacts({ fixed_businesses: whole, fixed_businesses_registered: null }));
      const c26 = result.criteria.find((c) => c.id === '2.6');
      expect(c26?.status).toBe('unknown');
      expect(c26?.facts).toContainEqual({ id: 'fixed_businesses_registered', value: null });
    }
  });

  it('decideSlots writes the implied 0 into the row it is given (its type says it writes), and decides as decide', () => {
    const contextCount = rules.context.length;
    const rowOf = (a: Assessment) =>
      rules.slotLayout.map((id, i) => (i < contextCount ? a.context[id] : a.facts[id]) ?? undefined);
    const row = rowOf(noBusinesses);
    const part = rules.slotLayout.indexOf('fixed_businesses_registered');
    expect(part).toBeGreaterThanOrEqual(contextCount);
    expect(row[part]).toBeUndefined();
    const summary = rules.decideSlots(row);
    expect(row[part]).toBe(0);
    expect(summary).toEqual(rules.decide(noBusinesses));
    // Only that slot: the row is otherwise as it was given.
    expect(row.filter((_, i) => i !== part)).toEqual(rowOf(noBusinesses).filter((_, i) => i !== part));
    // A whole that is not 0 leaves the part unknown, in the row too.
    const unknownWhole = rowOf(withFacts({ fixed_businesses: 5, fixed_businesses_registered: null }));
    rules.decideSlots(unknownWhole);
    expect(unknownWhole[part]).toBeUndefined();
  });
});
