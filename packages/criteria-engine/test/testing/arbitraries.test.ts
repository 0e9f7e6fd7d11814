/**
 * The arbitraries of `@lcz/criteria-engine/testing`: what they generate is valid for the ruleset,
 * covers every context and sits on the declared thresholds; and they work for a ruleset that is
 * not Lai Châu (test/testing/fixtures/water-supply.yaml).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../src/compile/compiled-ruleset.js';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import {
  assessmentArbitrary,
  contextArbitrary,
  determinism,
  disqualifierDominance,
  everyCriterionReachable,
  fastPathAgrees,
  mandatoryCriteria,
  monotonicity,
  threeValuedConsistency,
} from '../../src/testing.js';
import { laiChau, SEED } from './lai-chau-ruleset.js';

const WATER = fileURLToPath(new URL('./fixtures/water-supply.yaml', import.meta.url));
const water = loadRulesetOrThrow(readFileSync(WATER, 'utf8'), { file: WATER });
// Two bundled schemes with `decimals:` on number facts (green building: 1; new-rural: 1 and 2).
const bundled = (dir: string): CompiledRuleset => {
  const file = fileURLToPath(new URL(`../../../../rules/${dir}/ruleset.yaml`, import.meta.url));
  return loadRulesetOrThrow(readFileSync(file, 'utf8'), { file });
};
const greenBuilding = bundled('green-building-illustrative');
const ntmCommune = bundled('ntm-commune-2021-2025');

const sample = (ruleset: CompiledRuleset, unknownRate: number, numRuns = 3000, seed = SEED): Assessment[] =>
  fc.sample(assessmentArbitrary(ruleset, { unknownRate }), { numRuns, seed });

const num = (a: Assessment, id: string): number | undefined => {
  const v = a.facts[id];
  return typeof v === 'number' ? v : undefined;
};

describe('contextArbitrary', () => {
  it('yields exactly the contexts the Lai Châu rules accept, agricultural left out or given where not required', () => {
    const seen = new Set(
      fc.sample(contextArbitrary(laiChau), { numRuns: 2000, seed: SEED }).map((c) => JSON.stringify(c)),
    );
    expect([...seen].sort()).toEqual(
      [
        { unit_kind: 'to_dan_pho', parent_kind: 'phuong' },
        { unit_kind: 'to_dan_pho', parent_kind: 'phuong', agricultural: false },
        { unit_kind: 'to_dan_pho', parent_kind: 'phuong', agricultural: true },
        { unit_kind: 'ban', parent_kind: 'phuong', agricultural: false },
        { unit_kind: 'ban', parent_kind: 'phuong', agricultural: true },
        { unit_kind: 'ban', parent_kind: 'xa', agricultural: false },
        { unit_kind: 'ban', parent_kind: 'xa', agricultural: true },
      ]
        .map((c) => JSON.stringify(c))
        .sort(),
    );
  });

  it('honours another ruleset’s context rule and required_when (an island always has a port)', () => {
    const seen = fc.sample(contextArbitrary(water), { numRuns: 500, seed: SEED });
    expect(seen.filter((c) => c['region'] === 'island').every((c) => c['has_port'] === true)).toBe(true);
    expect(new Set(seen.map((c) => `${String(c['region'])}/${String(c['has_port'])}`))).toEqual(
      new Set([
        'north/undefined',
        'north/true',
        'north/false',
        'south/undefined',
        'south/true',
        'south/false',
        'island/true',
      ]),
    );
  });
});

describe('assessmentArbitrary', () => {
  for (const [name, ruleset] of [
    ['Lai Châu', laiChau],
    ['water supply', water],
    ['green building, decimals: 1', greenBuilding],
    ['new-rural communes, decimals: 1 and 2', ntmCommune],
  ] as const) {
    it(`generates only assessments that pass validateAssessment (${name}, complete and partial)`, () => {
      for (const rate of [0, 0.1, 0.6]) {
        const invalid = sample(ruleset, rate, 2000)
          .map((a) => ({ a, d: ruleset.validateAssessment(a).diagnostics }))
          .filter((x) => x.d.length > 0);
        expect(invalid.slice(0, 1)).toEqual([]);
      }
    });

    it(`gives every generated fact a value of its declared type within its bounds (${name})`, () => {
      const wrong: string[] = [];
      for (const a of sample(ruleset, 0, 1000)) {
        for (const f of ruleset.facts) {
          const v = a.facts[f.id];
          const ok =
            f.type === 'boolean'
              ? typeof v === 'boolean'
              : f.type === 'enum' || f.type === 'ordinal'
                ? f.values?.some((x) => x.id === v) === true
                : typeof v === 'number' &&
                  (f.type === 'number' || Number.isInteger(v)) &&
                  // Sizes stay bounded: the declared bounds, or ±maxCount (default 1000) where none.
                  v >= (f.min ?? -1000) &&
                  v <= (f.max ?? 1000);
          if (!ok) wrong.push(`${f.id} = ${JSON.stringify(v)}`);
        }
      }
      expect(wrong.slice(0, 5)).toEqual([]);
    });
  }

  it('leaves facts out at about the requested rate, some as null, none with unknownRate 0', () => {
    const complete = sample(laiChau, 0, 500);
    expect(
      complete.every((a) => laiChau.facts.every((f) => a.facts[f.id] !== undefined && a.facts[f.id] !== null)),
    ).toBe(true);
    const partial = sample(laiChau, 0.3, 500);
    const slots = partial.length * laiChau.facts.length;
    const omitted = partial.reduce((n, a) => n + laiChau.facts.filter((f) => !(f.id in a.facts)).length, 0);
    const nulls = partial.reduce((n, a) => n + laiChau.facts.filter((f) => a.facts[f.id] === null).length, 0);
    expect((omitted + nulls) / slots).toBeGreaterThan(0.25);
    expect((omitted + nulls) / slots).toBeLessThan(0.35);
    expect(nulls).toBeGreaterThan(slots * 0.1);
    expect(omitted).toBeGreaterThan(slots * 0.1);
  });

  it('rejects rates outside 0–1 and a non-positive maxCount', () => {
    expect(() => assessmentArbitrary(laiChau, { unknownRate: 1.5 })).toThrow(RangeError);
    expect(() => assessmentArbitrary(laiChau, { boundaryBias: -0.1 })).toThrow(RangeError);
    expect(() => assessmentArbitrary(laiChau, { maxCount: 0 })).toThrow(RangeError);
  });

  it('hits every percentage threshold exactly at its integer boundary and one below, with wholes where that is not a round number', () => {
    const samples = sample(laiChau, 0, 3000);
    const percents = [
      ...laiChau.criteria.flatMap((c) => [c.condition, ...(c.variants ?? []).map((v) => v.condition)]),
      ...laiChau.disqualifiers.map((d) => d.condition),
    ]
      .flatMap((c) => c?.thresholds ?? [])
      .flatMap((t) => (t.kind === 'percent' && typeof t.value === 'number' ? [{ ...t, value: t.value }] : []));
    expect(percents).toHaveLength(13); // 1.1, 1.3, 1.4, 2.6, 4.1, 4.4, 4.6, 5.3, 5.5, 6.3 (two), 6.7, D4
    for (const t of percents) {
      let at = 0;
      let below = 0;
      let above = 0;
      for (const a of samples) {
        const part = num(a, t.part);
        const whole = num(a, t.whole);
        // Below 100%, only wholes where value × whole / 100 is not an integer: the rounding case.
        if (
          part === undefined ||
          whole === undefined ||
          whole === 0 ||
          (t.value < 100 && (t.value * whole) % 100 === 0)
        )
          continue;
        // The smallest part with part × 100 ≥ value × whole, computed here in integers.
        const boundary = Math.floor((t.value * whole + 99) / 100);
        if (part === boundary) at++;
        if (part === boundary - 1) below++;
        if (part === boundary + 1) above++;
      }
      expect({ threshold: `${t.part}/${t.whole} ≥ ${t.value}`, at: at > 5, below: below > 5 }).toEqual({
        threshold: `${t.part}/${t.whole} ≥ ${t.value}`,
        at: true,
        below: true,
      });
      // "Just over" exists only where the boundary is below the whole (not for 100% thresholds).
      if (t.value < 100) expect(above).toBeGreaterThan(5);
    }
  });

  it('hits every numeric comparison at the value and one either side, both booleans, every ordinal step', () => {
    const samples = sample(laiChau, 0, 3000);
    const compares = laiChau.criteria
      .flatMap((c) => [c.condition, ...(c.variants ?? []).map((v) => v.condition)])
      .flatMap((c) => c?.thresholds ?? [])
      .filter((t) => t.kind === 'compare');
    for (const t of compares) {
      const values = new Set(samples.map((a) => a.facts[t.fact]));
      if (typeof t.value === 'number') {
        const fact = laiChau.facts.find((f) => f.id === t.fact);
        for (const v of [t.value - 1, t.value, t.value + 1])
          if (v >= (fact?.min ?? -Infinity))
            expect({ fact: t.fact, v, seen: values.has(v) }).toEqual({ fact: t.fact, v, seen: true });
      } else if (typeof t.value === 'boolean') {
        expect(values).toEqual(new Set([true, false]));
      } else {
        const fact = laiChau.facts.find((f) => f.id === t.fact);
        expect(values).toEqual(new Set(fact?.values?.map((v) => v.id)));
      }
    }
  });

  it('makes every decision common (so the laws are checked where they matter)', () => {
    const decisions = { recognised: 0, not_recognised: 0, undetermined: 0 };
    for (const a of sample(laiChau, 0, 2000)) decisions[laiChau.decide(a).decision]++;
    expect(decisions.recognised).toBeGreaterThan(200);
    expect(decisions.not_recognised).toBeGreaterThan(200);
    expect(decisions.undetermined).toBe(0); // complete, with every attribute the criteria read
    for (const a of sample(laiChau, 0.03, 2000)) decisions[laiChau.decide(a).decision]++;
    expect(decisions.undetermined).toBeGreaterThan(200);
  });

  it('aims at each decision: every assessment has it, is valid, and unknowns stay where the decision allows', () => {
    for (const aim of ['recognised', 'not_recognised', 'undetermined'] as const) {
      for (const unknownRate of [0, 0.1]) {
        const drawn = fc.sample(assessmentArbitrary(laiChau, { aim, unknownRate }), { numRuns: 200, seed: SEED });
        const decided = new Set(drawn.map((a) => laiChau.decide(a).decision));
        expect({ aim, unknownRate, decided: [...decided] }).toEqual({ aim, unknownRate, decided: [aim] });
        expect(drawn.filter((a) => laiChau.validateAssessment(a).diagnostics.length > 0)).toEqual([]);
        const unknown = drawn.filter((a) =>
          laiChau.facts.some((f) => a.facts[f.id] === undefined || a.facts[f.id] === null),
        );
        // Recognised with unknownRate 0.1: facts are still left out (those the decision does not need).
        if (unknownRate > 0 || aim === 'undetermined') expect(unknown.length).toBeGreaterThan(100);
        else expect(unknown).toEqual([]);
      }
    }
    // Without aim, unknownRate 0.1 on this ruleset hardly ever gives a recognised assessment:
    // why the properties mix in aimed draws.
    const unaimed = sample(laiChau, 0.1, 500).filter((a) => laiChau.decide(a).decision === 'recognised');
    expect(unaimed.length).toBeLessThan(25);
    expect(() => assessmentArbitrary(laiChau, { aim: 'maybe' as never })).toThrow(/aim must be one of recognised/);
  });

  it('is reproducible from its seed', () => {
    expect(sample(laiChau, 0.1, 50, 7)).toEqual(sample(laiChau, 0.1, 50, 7));
    expect(sample(laiChau, 0.1, 50, 7)).not.toEqual(sample(laiChau, 0.1, 50, 8));
  });
});

describe('nothing is specific to Lai Châu', () => {
  it('every property holds for another scheme', () => {
    const params = { seed: SEED, numRuns: 300 };
    fc.assert(monotonicity(water), params);
    fc.assert(disqualifierDominance(water), params);
    fc.assert(mandatoryCriteria(water), params);
    fc.assert(determinism(water), params);
    fc.assert(threeValuedConsistency(water), params);
    fc.assert(fastPathAgrees(water), params);
  });

  it('everyCriterionReachable reaches both sides of every criterion of another scheme', () => {
    expect(everyCriterionReachable(water, { seed: SEED }).filter((r) => !r.passes || !r.fails)).toEqual([]);
  });

  it('everyCriterionReachable names criteria no input can pass or fail', () => {
    const dead = loadRulesetOrThrow(`
format: 1
id: dead-criteria
version: "1"
title: { vi: "Thử", en: "Test" }
context:
  kind: { type: enum, values: [{ id: a, label: { vi: "A", en: "A" } }], label: { vi: "Loại", en: "Kind" } }
facts:
  score: { type: integer, min: 0, max: 3, label: { vi: "Điểm", en: "Score" } }
  visits: { type: integer, min: 0, label: { vi: "Lượt", en: "Visits" } }
groups:
  - id: "1"
    title: { vi: "Nhóm 1", en: "Group 1" }
    criteria:
      - { id: "1.1", text: { vi: "Điểm từ 5", en: "Score 5 or more" }, condition: { fact: score, at_least: 5 } }
      - { id: "1.2", text: { vi: "Lượt không âm", en: "Visits not negative" }, condition: { fact: visits, at_least: 0 } }
      - { id: "1.3", text: { vi: "Điểm từ 2", en: "Score 2 or more" }, condition: { fact: score, at_least: 2 } }
recognition:
  group_requirement: { at_least_percent: 100 }
`);
    const report = everyCriterionReachable(dead, { seed: SEED, samples: 300 });
    expect(report.map(({ id, passes, fails }) => ({ id, passes, fails }))).toEqual([
      { id: '1.1', passes: false, fails: true },
      { id: '1.2', passes: true, fails: false },
      { id: '1.3', passes: true, fails: true },
    ]);
  });
});
