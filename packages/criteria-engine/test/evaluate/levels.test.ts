/**
 * Levels, points and counts on a small scheme of our own (test/fixtures/levels/ruleset.yaml):
 * step tables with a cap, best_of, points per variant, count(…) and { at_least, of } decided
 * from bounds, requirements over named criteria, from_level on a criterion and a disqualifier,
 * and per-level requirements. A hand-written oracle of that file (below, independent of the
 * engine) decides fully known assessments; with facts left out, every completion's level must
 * lie between the engine's `reached` and `possible`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { checkRuleset } from '../../src/analyze/index.js';
import { explainText } from '../../src/explain/index.js';
import { loadRuleset, loadRulesetOrThrow } from '../../src/load-ruleset.js';

const url = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const FILE = url('../fixtures/levels/ruleset.yaml');
const TEXT = readFileSync(FILE, 'utf8');
const rules = loadRulesetOrThrow(TEXT, { file: FILE });
const LEVELS = ['certified', 'silver', 'gold'] as const;

interface Facts {
  a: boolean;
  b: boolean;
  c: boolean;
  d: boolean;
  extra: boolean;
  saving: number;
  trees: number;
  certified_plan: boolean;
  done: number;
  total: number;
  violation: boolean;
  minor_issue: boolean;
}
type Size = 'small' | 'large';

/** The fixture's rules written out by hand: the level index reached (-1: none) and the points. */
function oracle(size: Size, f: Facts): { level: number; points: Record<string, number> } {
  const s21 = Math.min(18, f.saving >= 50 ? 20 : f.saving >= 10 ? 3 : f.saving >= 6 ? 1 : 0);
  const p22 = Math.max(f.certified_plan ? 2 : 0, f.trees >= 50 ? 3 : f.trees >= 10 ? 1 : 0);
  const c23 = f.total > 0 && f.done * 100 >= 50 * f.total;
  const pass: Record<string, boolean> = {
    '1.1': f.a,
    '1.2': Number(f.b) + Number(f.c) + Number(f.d) >= 2,
    '1.3': f.b || f.c,
    '1.4': f.extra,
    '2.1': s21 >= 1,
    '2.2': p22 >= 1,
    '2.3': c23,
  };
  const points: Record<string, number> = {
    '1.1': pass['1.1'] ? 1 : 0,
    '1.2': pass['1.2'] ? 1 : 0,
    '1.3': pass['1.3'] ? 1 : 0,
    '1.4': pass['1.4'] ? 1 : 0,
    '2.1': s21,
    '2.2': p22,
    '2.3': c23 ? (size === 'small' ? 1 : 4) : 0,
  };
  const tier = (t: number): boolean => {
    const counting = Object.keys(pass).filter((id) => id !== '1.4' || t >= 2);
    const group1 = counting.filter((id) => id.startsWith('1.'));
    const passed1 = group1.filter((id) => pass[id]).length;
    const total = counting.reduce((sum, id) => sum + (points[id] ?? 0), 0);
    if (f.violation || (t >= 1 && f.minor_issue)) return false;
    if (!f.a) return false;
    if (passed1 * 100 < 50 * group1.length) return false;
    if (!pass['1.2'] && !pass['1.3']) return false;
    if (t === 0) return total >= 4;
    if (t === 1) return total >= 8 && passed1 === group1.length;
    return total >= 20 && s21 + p22 >= 18 && passed1 === group1.length;
  };
  let level = -1;
  while (level < 2 && tier(level + 1)) level++;
  return { level, points };
}

const levelIndex = (id: string | null) => (id === null ? -1 : LEVELS.indexOf(id as (typeof LEVELS)[number]));

const base: Facts = {
  a: true,
  b: true,
  c: false,
  d: true,
  extra: false,
  saving: 12,
  trees: 60,
  certified_plan: false,
  done: 6,
  total: 10,
  violation: false,
  minor_issue: false,
};
const assess = (size: Size, facts: Partial<Record<keyof Facts, unknown>>): Assessment =>
  ({ context: { size }, facts }) as Assessment;

describe('levels, points and counts (fixture scheme)', () => {
  it('loads without diagnostics', () => {
    expect(loadRuleset(TEXT, { file: FILE }).diagnostics).toEqual([]);
  });

  it('gives the points of a step table band by band, capped, and unknown as [0, cap]', () => {
    const earned = (saving: number | undefined) =>
      rules.evaluate(assess('large', { ...base, saving })).criteria.find((c) => c.id === '2.1')?.earned;
    expect(earned(5)).toEqual({ least: 0, most: 0 });
    expect(earned(6)).toEqual({ least: 1, most: 1 });
    expect(earned(9)).toEqual({ least: 1, most: 1 });
    expect(earned(10)).toEqual({ least: 3, most: 3 });
    expect(earned(49)).toEqual({ least: 3, most: 3 });
    expect(earned(50)).toEqual({ least: 18, most: 18 }); // 20 capped at 18
    expect(earned(undefined)).toEqual({ least: 0, most: 18 });
    const status = (saving: number) =>
      rules.evaluate(assess('large', { ...base, saving })).criteria.find((c) => c.id === '2.1')?.status;
    expect(status(5)).toBe('fail');
    expect(status(6)).toBe('pass');
  });

  it('takes the best of the options that hold, and an unknown option as possible', () => {
    const earned = (facts: Partial<Facts>) =>
      rules.evaluate(assess('large', { ...base, ...facts })).criteria.find((c) => c.id === '2.2')?.earned;
    expect(earned({ certified_plan: true, trees: 0 })).toEqual({ least: 2, most: 2 });
    expect(earned({ certified_plan: true, trees: 60 })).toEqual({ least: 3, most: 3 });
    expect(earned({ certified_plan: false, trees: 12 })).toEqual({ least: 1, most: 1 });
    const { certified_plan: _, ...withoutPlan } = { ...base, trees: 12 };
    const unknownPlan = rules.evaluate(assess('large', withoutPlan)).criteria.find((c) => c.id === '2.2');
    expect(unknownPlan?.earned).toEqual({ least: 1, most: 2 });
  });

  it("uses a variant's own points over the criterion's", () => {
    const earned = (size: Size) => rules.evaluate(assess(size, base)).criteria.find((c) => c.id === '2.3')?.earned;
    expect(earned('small')).toEqual({ least: 1, most: 1 });
    expect(earned('large')).toEqual({ least: 4, most: 4 });
  });

  it('decides "at least k of n" from bounds while some are unknown', () => {
    const status = (facts: Record<string, unknown>, id: string) =>
      rules.evaluate(assess('large', facts)).criteria.find((c) => c.id === id)?.status;
    expect(status({ b: true, c: true }, '1.2')).toBe('pass'); // d unknown, 2 of 3 already
    expect(status({ b: false, c: false }, '1.2')).toBe('fail'); // at most 1 of 3
    expect(status({ b: true, c: false }, '1.2')).toBe('unknown');
    expect(status({ b: true }, '1.3')).toBe('pass'); // { at_least: 1, of: [b, c] }
    expect(status({ b: false }, '1.3')).toBe('unknown');
  });

  it('reaches the level the hand-written rules give, with the totals', () => {
    const r = rules.evaluate(assess('large', base));
    expect(r.level).toMatchObject({ reached: 'silver', possible: 'silver', needed: [] });
    expect(r.decision).toBe('recognised');
    expect(r.points_total).toEqual({ least: 13, most: 13 });
    expect(r.standards.map((s) => s.points_total)).toEqual([
      { least: 3, most: 3 },
      { least: 10, most: 10 },
    ]);
    expect(rules.decide(assess('large', base)).level).toEqual({ reached: 'silver', possible: 'silver' });
    // A minor issue blocks silver and above only.
    const minor = rules.evaluate(assess('large', { ...base, minor_issue: true }));
    expect(minor.level).toMatchObject({ reached: 'certified', possible: 'certified' });
    // A violation blocks every level: not recognised, with the reason.
    const violation = rules.evaluate(assess('large', { ...base, violation: true }));
    expect(violation.decision).toBe('not_recognised');
    expect(violation.level).toMatchObject({ reached: null, possible: null });
    expect(violation.reasons).toEqual([{ kind: 'disqualified', id: 'D1' }]);
  });

  it('names a requirement over named criteria that is not met', () => {
    const r = rules.evaluate(assess('large', { ...base, b: false, c: false, d: false }));
    expect(r.decision).toBe('not_recognised');
    expect(r.reasons).toContainEqual({
      kind: 'requirement_not_met',
      index: 0,
      requirement: { at_least_count: 1 },
      of: ['1.2', '1.3'],
    });
  });

  it('counts a from_level criterion only from its level: 1.4 failing does not stop silver', () => {
    const gold = { ...base, b: true, c: true, extra: true, saving: 60 }; // 18 + 3 points from 2.1 and 2.2
    expect(rules.evaluate(assess('large', gold)).level).toMatchObject({ reached: 'gold', possible: 'gold' });
    // 1.4 fails: gold wants all of standard 1, 1.4 included; silver does not count it.
    expect(rules.evaluate(assess('large', { ...gold, extra: false })).level).toMatchObject({
      reached: 'silver',
      possible: 'silver',
    });
    // 1.4 unknown: silver for certain, gold possible, and `extra` is what decides.
    const { extra: _, ...unknownExtra } = gold;
    const open = rules.evaluate(assess('large', unknownExtra));
    expect(open.level).toMatchObject({ reached: 'silver', possible: 'gold', needed: ['extra'] });
    expect(open.decision).toBe('recognised');
    expect(rules.decide(assess('large', unknownExtra)).level).toEqual({ reached: 'silver', possible: 'gold' });
  });

  const factArb = fc.record({
    a: fc.boolean(),
    b: fc.boolean(),
    c: fc.boolean(),
    d: fc.boolean(),
    extra: fc.boolean(),
    saving: fc.oneof(fc.constantFrom(0, 5, 6, 9, 10, 49, 50, 100), fc.integer({ min: 0, max: 100 })),
    trees: fc.oneof(fc.constantFrom(0, 9, 10, 49, 50), fc.integer({ min: 0, max: 200 })),
    certified_plan: fc.boolean(),
    done: fc.integer({ min: 0, max: 20 }),
    total: fc.integer({ min: 0, max: 20 }),
    violation: fc.boolean(),
    minor_issue: fc.boolean(),
  });
  const sizeArb = fc.constantFrom<Size>('small', 'large');
  const fix = (f: Facts): Facts => ({ ...f, done: Math.min(f.done, f.total) });

  it('agrees with the hand-written oracle on fully known assessments (decide and evaluate)', () => {
    fc.assert(
      fc.property(sizeArb, factArb, (size, raw) => {
        const f = fix(raw);
        const want = oracle(size, f);
        const r = rules.evaluate(assess(size, f));
        const d = rules.decide(assess(size, f));
        expect(levelIndex(r.level?.reached ?? null)).toBe(want.level);
        expect(r.level?.possible).toBe(r.level?.reached);
        expect(d.level).toEqual({ reached: r.level?.reached, possible: r.level?.possible });
        expect(r.decision).toBe(want.level >= 0 ? 'recognised' : 'not_recognised');
        expect(d.decision).toBe(r.decision);
        for (const c of r.criteria) expect(c.earned).toEqual({ least: want.points[c.id], most: want.points[c.id] });
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every completion of an incomplete assessment between reached and possible', () => {
    const keys = Object.keys(base) as (keyof Facts)[];
    fc.assert(
      fc.property(
        sizeArb,
        factArb,
        factArb,
        fc.array(fc.boolean(), { minLength: keys.length, maxLength: keys.length }),
        (size, rawKnown, rawFill, keep) => {
          const known = fix(rawKnown);
          const partial: Record<string, unknown> = {};
          keys.forEach((k, i) => {
            if (keep[i]) partial[k] = known[k];
          });
          const r = rules.evaluate(assess(size, partial));
          const d = rules.decide(assess(size, partial));
          expect(d.level).toEqual({ reached: r.level?.reached, possible: r.level?.possible });
          expect(d.decision).toBe(r.decision);
          const completion = fix({ ...rawFill, ...partial } as Facts);
          // The completion must respect part_of: keep it only when the known part still fits.
          if (partial.done !== undefined && completion.done !== partial.done) return;
          const level = oracle(size, completion).level;
          expect(level).toBeGreaterThanOrEqual(levelIndex(r.level?.reached ?? null));
          expect(level).toBeLessThanOrEqual(levelIndex(r.level?.possible ?? null));
          for (const c of r.criteria) {
            const p = oracle(size, completion).points[c.id] ?? 0;
            expect(p).toBeGreaterThanOrEqual(c.earned?.least ?? 0);
            expect(p).toBeLessThanOrEqual(c.earned?.most ?? 0);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('explains the level reached and possible, the points, and what can still raise the level (vi, en)', () => {
    const { extra: _, ...open } = { ...base, b: true, c: true, saving: 60 };
    const r = rules.evaluate(assess('large', open));
    const en = explainText(r, rules, { lang: 'en' });
    expect(en).toContain('Level reached: Silver (silver)');
    expect(en).toContain('Highest level still possible: Gold (gold)');
    expect(en).toContain('? Gold (gold): UNDETERMINED');
    expect(en).toContain('Points: 0–1');
    expect(en).toContain('All criteria: 28–29 points');
    expect(en).toMatch(/What can still change the level reached:\n {2}- Extra — extra/);
    const vi = explainText(r, rules, { lang: 'vi' });
    expect(vi).toContain('Mức đạt được: Bạc (silver)');
    expect(vi).toContain('Mức cao nhất còn có thể đạt: Vàng (gold)');
    expect(vi).toContain('Điểm: 18');
  });

  it('says what the next level lacks: "to reach gold: 6 more points", checked by re-evaluating', () => {
    const silver = { ...base, b: true, c: true, extra: true };
    const r = rules.evaluate(assess('large', silver));
    expect(r.level?.reached).toBe('silver');
    expect(r.level?.next).toEqual({
      id: 'gold',
      lacking: [
        { kind: 'total', level: 'gold', unit: 'points', need: 20, have: 14 },
        { kind: 'requirements', index: 0, level: 'gold', unit: 'points', need: 18, have: 6 },
      ],
    });
    expect(explainText(r, rules, { lang: 'en' })).toContain('all criteria: 20 points needed, 14 certain, 6 more');
    expect(explainText(r, rules, { lang: 'vi' })).toContain('Để đạt mức Vàng (gold):');
    // 12 more points from 2.1 and 2.2 (saving 50: 18 instead of 3, trees stay 3) reach gold.
    expect(rules.evaluate(assess('large', { ...silver, saving: 50 })).level?.reached).toBe('gold');
    expect(rules.evaluate(assess('large', { ...silver, saving: 49 })).level?.reached).toBe('silver');
  });

  it('locates mistakes in counts and points: wrong types, unknown names, arity', () => {
    const line = (needle: string) => TEXT.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const wrongType = TEXT.replace('"count(b, c, d) >= 2"', '"count(b, saving, d) >= 2"');
    expect(
      loadRuleset(wrongType, { file: FILE }).diagnostics.map((d) => [
        d.code,
        d.line,
        d.params['expected'],
        d.params['actual'],
      ]),
    ).toEqual([['expr_type', line('count(b, c, d)'), 'boolean', 'integer']]);
    const noArgs = TEXT.replace('"count(b, c, d) >= 2"', '"count() >= 2"');
    expect(loadRuleset(noArgs, { file: FILE }).diagnostics.map((d) => [d.code, d.params['expected']])).toEqual([
      ['expr_arity', '1–100'],
    ]);
    const unknown = TEXT.replace('of: [b, { fact: c, is: true }]', 'of: [bb, { fact: c, is: true }]');
    expect(
      loadRuleset(unknown, { file: FILE }).diagnostics.map((d) => [d.code, d.line, d.params['suggestion']]),
    ).toEqual([['expr_unknown_name', line('of: [b, { fact: c'), 'b']]);
    const stepsOfBoolean = TEXT.replace('of: saving', 'of: extra');
    expect(loadRuleset(stepsOfBoolean, { file: FILE }).diagnostics.map((d) => [d.code, d.params['where']])).toEqual([
      ['expr_type', 'points.steps.of'],
    ]);
  });

  it('lcz check: the fixture has no errors; a level no unit can reach is an error at its requirement', () => {
    expect(checkRuleset(rules).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const tooHigh = TEXT.replace(
      'total_requirement: { at_least_points: 20 }',
      'total_requirement: { at_least_points: 40 }',
    );
    const found = checkRuleset(loadRulesetOrThrow(tooHigh, { file: FILE })).diagnostics.filter(
      (d) => d.code === 'requirement_unreachable',
    );
    expect(found.map((d) => [d.line, d.params['value'], d.params['best']])).toEqual([
      [TEXT.split('\n').findIndex((l) => l.includes('at_least_points: 20')) + 1, 40, 29],
    ]);
    // Points over named criteria beyond what they can earn (18 + 3): a check error at the list.
    const pointsTooHigh = TEXT.replace('at_least_points: 18, of:', 'at_least_points: 30, of:');
    const points = checkRuleset(loadRulesetOrThrow(pointsTooHigh, { file: FILE })).diagnostics.filter(
      (d) => d.code === 'requirement_unreachable',
    );
    expect(points.map((d) => [d.params['value'], d.params['best']])).toEqual([[30, 21]]);
    // k above the number of criteria named is a located load error.
    const countTooHigh = TEXT.replace(
      '- { at_least_count: 1, of: ["1.2", "1.3"] }',
      '- { at_least_count: 3, of: ["1.2", "1.3"] }',
    );
    const load = loadRuleset(countTooHigh, { file: FILE });
    expect(load.diagnostics.map((d) => [d.code, d.line, d.params['max']])).toEqual([
      ['threshold_range', TEXT.split('\n').findIndex((l) => l.includes('at_least_count: 1, of')) + 1, 2],
    ]);
  });

  it('gives results that schemas/result.schema.json accepts', () => {
    const schema = JSON.parse(readFileSync(url('../../../../schemas/result.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
    for (const a of [
      assess('large', base),
      assess('small', { a: true }),
      assess('large', { ...base, b: false, c: false, d: false }),
    ]) {
      const ok = validate(JSON.parse(JSON.stringify(rules.evaluate(a))));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });
});
