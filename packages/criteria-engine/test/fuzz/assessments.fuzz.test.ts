/**
 * Fuzz: assessments and decisions, on the Lai Châu rules.
 * - Hostile assessments (valid ones with facts replaced by any JSON value, reserved keys such as
 *   `__proto__` parsed as own keys, numbers past 2^53, unknown facts): validation never throws,
 *   every diagnostic is worded, no prototype changes; what validates evaluates.
 * - `decide` equals `evaluate` (decision and passed counts) on every valid assessment.
 * - Three-valued soundness: a decision made on partial facts holds for every completion of them
 *   (several completions sampled per partial assessment).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParameters, guardedSync } from '../../../../test-support/fuzz.js';
import type { Assessment } from '../../src/index.js';
import { assessmentArbitrary } from '../../src/testing/arbitraries.js';
import { laiChau } from '../testing/lai-chau-ruleset.js';
import { expectLocatedDiagnostic, expectNoThrow } from './shared.js';

const FACT_IDS = laiChau.facts.map((f) => f.id);

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(2 ** 53, 2 ** 53 + 2, -1, 0.5, 1e308, '12', '', 'true', '\u202E1', null),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }).map((b) => JSON.parse(b.toString()) as number),
);

/** JSON text of a valid assessment with some facts replaced, some added, some keys reserved. */
const hostileJson = fc
  .tuple(
    assessmentArbitrary(laiChau, { unknownRate: 0.1 }),
    fc.array(fc.tuple(fc.constantFrom(...FACT_IDS), hostileValue), { maxLength: 4 }),
    fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'), fc.string()),
        hostileValue,
      ),
      { maxLength: 3 },
    ),
    fc.constantFrom('facts', 'context', 'root'),
  )
  .map(([assessment, replaced, added, where]) => {
    const facts: Record<string, unknown> = { ...assessment.facts };
    for (const [id, value] of replaced) facts[id] = value;
    const extra = added.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ');
    const factsText =
      JSON.stringify(facts).slice(0, -1) +
      (where === 'facts' && extra ? `${Object.keys(facts).length ? ', ' : ''}${extra}}` : '}');
    const contextText =
      JSON.stringify(assessment.context).slice(0, -1) +
      (where === 'context' && extra ? `${Object.keys(assessment.context).length ? ', ' : ''}${extra}}` : '}');
    return `{"context": ${contextText}, "facts": ${factsText}${where === 'root' && extra ? `, ${extra}` : ''}}`;
  });

function agree(assessment: Assessment): void {
  const full = laiChau.evaluate(assessment);
  const fast = laiChau.decide(assessment);
  expect([fast.decision, [...fast.passed]]).toEqual([full.decision, full.standards.map((s) => s.passed)]);
}

describe('fuzz: assessments', () => {
  it('hostile assessments validate without throwing; what validates, evaluate and decide agree on', () => {
    fc.assert(
      fc.property(hostileJson, (text) =>
        guardedSync('assessments.hostile', () => {
          const value: unknown = JSON.parse(text);
          const checked = expectNoThrow(() => laiChau.validateAssessment(value));
          for (const d of checked.diagnostics) expectLocatedDiagnostic(d, 0);
          if (checked.value !== undefined) expectNoThrow(() => agree(checked.value as Assessment));
        }),
      ),
      fuzzParameters('assessments.hostile'),
    );
  });

  it('decide equals evaluate on valid assessments, complete and partial', () => {
    fc.assert(
      fc.property(
        fc.oneof(assessmentArbitrary(laiChau), assessmentArbitrary(laiChau, { unknownRate: 0.2 })),
        (assessment) => guardedSync('assessments.decide', () => agree(assessment)),
      ),
      fuzzParameters('assessments.decide'),
    );
  });

  it('a decision on partial facts holds for every completion (sampled)', () => {
    const partial = assessmentArbitrary(laiChau, { unknownRate: 0.3 });
    const completions = fc.array(assessmentArbitrary(laiChau), { minLength: 1, maxLength: 4 });
    let decided = 0;
    fc.assert(
      fc.property(partial, completions, (part, fills) =>
        guardedSync('assessments.soundness', () => {
          const before = laiChau.evaluate(part);
          if (before.decision === 'undetermined') return;
          decided++;
          for (const fill of fills) {
            // The partial facts as given; what it left out taken from another valid assessment.
            const candidate = {
              context: { ...fill.context, ...part.context },
              facts: { ...fill.facts, ...part.facts },
            };
            const checked = laiChau.validateAssessment(candidate);
            if (checked.value === undefined) continue; // e.g. a part larger than its whole
            const after = laiChau.evaluate(checked.value);
            expect(after.decision, JSON.stringify(part)).toBe(before.decision);
          }
        }),
      ),
      fuzzParameters('assessments.soundness'),
    );
    // Not vacuous: some partial assessments were decided.
    expect(decided).toBeGreaterThan(0);
  });
});
