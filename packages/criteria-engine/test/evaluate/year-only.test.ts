/**
 * An assessment that gives its year and not its date (`area.year`, as a batch row whose year column
 * is filled and date column empty): `year` and the tables keyed by it are known; what needs the day
 * (a `from:` row, `date < '…'`) is decided only when every day of the year gives one answer, and
 * the date is then listed as missing. Closures, generated module and plan module agree (also over
 * the arbitraries of test/generate, whose assessments now include years alone), and a property
 * holds the year-only result never more certain than the days of that year.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../src/compile/compiled-ruleset.js';
import type { RulesetPlan } from '../../src/compile/plan.js';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { buildAssessmentSchema } from '../../src/evaluate/assessment-schema.js';
import { planOf } from '../../src/generate/plan-of.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import { createSchemes } from '../../src/scheme.js';
import { assessmentArbitrary } from '../../src/testing.js';
import { PROPERTY_SEED, propertyRuns } from '../oracle/differential.js';
import { type BothWays, loadBoth, outcomeOf } from '../generate/load-both.js';

const url = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const FILE = url('../fixtures/year-only/ruleset.yaml');
const TABLES = url('../fixtures/parameter-tables/ruleset.yaml');
const rules = loadRulesetOrThrow(readFileSync(FILE, 'utf8'), { file: FILE });

const unit = (area: NonNullable<Assessment['area']>, region: string, facts: Assessment['facts'] = {}): Assessment => ({
  area,
  context: { region },
  facts: { income: 60, trees: 11, drills: 1, reported: true, ...facts },
});

const statuses = (r: CompiledRuleset, a: Assessment) =>
  Object.fromEntries(r.evaluate(a).criteria.map((c) => [c.id, c.status]));

/** Every day of a year, YYYY-MM-DD. */
function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t <= Date.UTC(year, 11, 31); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

describe('a year without a date', () => {
  it('knows the year and the tables keyed by it; what the day decides only when the whole year does', () => {
    // 2024: trees_min is 10 all year, the deadline of 30 June 2025 is certainly later; the south's
    // drills_min starts on 1 March, so January has no value: unknown, and the date is missing.
    expect(statuses(rules, unit({ year: 2024 }, 'south'))).toEqual({
      C1: 'pass',
      C2: 'pass',
      C3: 'unknown',
      C4: 'pass',
      C5: 'pass',
    });
    // 2025: trees_min changes on 1 July (10 → 12, and 11 trees is enough only before) and the
    // deadline falls inside the year: both unknown; never one day's value guessed.
    const y2025 = rules.evaluate(unit({ year: 2025 }, 'north'));
    expect(Object.fromEntries(y2025.criteria.map((c) => [c.id, c.status]))).toEqual({
      C1: 'pass',
      C2: 'unknown',
      C3: 'pass',
      C4: 'unknown',
      C5: 'pass',
    });
    expect(y2025.decision).toBe('undetermined');
    expect(y2025.missing).toEqual(['date']);
    // 2026: the deadline has certainly passed (fail); the south has no income_min row (unknown).
    expect(statuses(rules, unit({ year: 2026 }, 'south'))).toMatchObject({ C1: 'unknown', C2: 'fail', C4: 'fail' });
    // A value that changes within the year is unknown, even where both values would agree (12
    // trees meet 10 and 12): the table gives one value or none, never a range (said in rule-format.md).
    expect(statuses(rules, unit({ year: 2025 }, 'north', { trees: 12 })).C2).toBe('unknown');
  });

  it('with no year and no date, every dated part is unknown and the date is missing', () => {
    const r = rules.evaluate(unit({}, 'north'));
    // C5 (`year < 2025 or reported`) is decided by the report whatever the year.
    expect(r.criteria.map((c) => c.status)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'pass']);
    expect(r.missing).toEqual(['date']);
  });

  it('a year and a date that disagree: located input error; a year outside the period is refused', () => {
    expect(rules.validateAssessment(unit({ date: '2025-03-01', year: 2024 }, 'north')).diagnostics).toMatchObject([
      { code: 'input_year_mismatch', path: '/area/year', params: { year: 2024, date: '2025-03-01' } },
    ]);
    expect(rules.validateAssessment(unit({ date: '2025-03-01', year: 2025 }, 'north')).diagnostics).toEqual([]);
    expect(rules.validateAssessment(unit({ year: 2023 }, 'north')).diagnostics).toMatchObject([
      { code: 'input_date_outside_period', path: '/area/year' },
    ]);
    const wrong = rules.validateAssessment(unit({ year: '2024' } as never, 'north')).diagnostics;
    expect(wrong.map((d) => [d.code, d.path])).toEqual([['input_type', '/area/year']]);
    const far = rules.validateAssessment(unit({ year: 20245 }, 'north')).diagnostics;
    expect(far.map((d) => [d.code, d.path])).toEqual([['input_range', '/area/year']]);
    // The published schema says the same as the checks (assessment-issues.ts mirrors it).
    const schema = buildAssessmentSchema(planOf(rules) as RulesetPlan);
    expect(schema.safeParse({ area: { year: 2024 }, context: {}, facts: {} }).success).toBe(true);
    expect(schema.safeParse({ area: { year: 2024.5 }, context: {}, facts: {} }).success).toBe(false);
  });

  it('is never more certain than the days of its year (property over the arbitraries)', () => {
    fc.assert(
      fc.property(assessmentArbitrary(rules, { unknownRate: 0.2 }), fc.integer({ min: 2024, max: 2026 }), (a, year) => {
        const alone = rules.evaluate({ ...a, area: { year } });
        const days = daysOf(year).map((date) => rules.evaluate({ ...a, area: { date } }));
        for (const day of days) {
          if (alone.decision !== 'undetermined') expect(day.decision).toBe(alone.decision);
          alone.criteria.forEach((c, i) => {
            if (c.status !== 'unknown') expect(day.criteria[i]?.status).toBe(c.status);
          });
        }
      }),
      { seed: PROPERTY_SEED, numRuns: propertyRuns(40) },
    );
  });

  it('the property fails for a year read as one of its days (the check can fail)', () => {
    // 1 January's answer for the year, what a guess would give: 11 trees pass on that day and
    // fail from 1 July 2025, so some day disagrees with it.
    const guess = statuses(rules, unit({ date: '2025-01-01' }, 'north'));
    const later = statuses(rules, unit({ date: '2025-12-31' }, 'north'));
    expect(guess.C2).not.toBe(later.C2);
  });
});

describe('the rules version for a year alone', () => {
  const text = readFileSync(FILE, 'utf8');
  const version = (v: string, from: string, to: string) =>
    loadRulesetOrThrow(
      text
        .replace('version: "2024-2026"', `version: "${v}"`)
        .replace(/effective: \{[^}]*\}/, `effective: { from: "${from}", to: "${to}" }`),
    );
  const schemes = createSchemes([version('a', '2024-01-01', '2025-06-30'), version('b', '2025-07-01', '2026-12-31')]);
  const scheme = schemes.value?.[0];

  it('is the one version in force that year, and none (said, never guessed) when the year spans two', () => {
    expect(schemes.diagnostics).toEqual([]);
    expect(scheme?.select({ date: '2024' }).value?.version).toBe('a');
    expect(scheme?.select({ date: '2026' }).value?.version).toBe('b');
    expect(scheme?.select({ date: '2025' }).diagnostics).toMatchObject([
      {
        code: 'version_year_ambiguous',
        params: { year: '2025', available: 'a (2024-01-01 – 2025-06-30), b (2025-07-01 – 2026-12-31)' },
      },
    ]);
    expect(scheme?.select({ date: '2030' }).diagnostics).toMatchObject([{ code: 'version_not_found' }]);
    expect(scheme?.select({ date: '2025-03-01' }).value?.version).toBe('a');
  });
});

describe('a year without a date, every way of running the rules', () => {
  let both: BothWays;
  let tables: BothWays;
  beforeAll(async () => {
    both = await loadBoth(FILE);
    tables = await loadBoth(TABLES);
  }, 120_000);

  const same = (b: BothWays, input: Assessment) => {
    expect(outcomeOf(b.generated, input)).toEqual(outcomeOf(b.closures, input));
    expect(b.generated.evaluate(input)).toEqual(b.closures.evaluate(input));
  };

  it('the generated module agrees with the closures on every region, year and value', () => {
    let n = 0;
    for (const year of [2023, 2024, 2025, 2026, 2027, 2028])
      for (const region of ['north', 'south', undefined])
        for (const [trees, drills] of [
          [10, 1],
          [11, 2],
          [12, 0],
        ]) {
          same(both, { area: { year }, context: { region }, facts: { income: 50, trees, drills, reported: true } });
          n++;
        }
    for (const year of [2023, 2024, 2025, 2026, 2027, 2028])
      for (const region of ['mien_nui', 'dong_bang', 'do_thi'])
        for (const island of [true, false]) {
          same(tables, {
            area: { year },
            context: { region, island },
            facts: { poor_households: 13, households: 200, income: 45.5, drills: 2, clinics: 1 },
          });
          n++;
        }
    expect(n).toBe(6 * 3 * 3 + 6 * 3 * 2);
    // The generated tables read a year through the closures' own function.
    expect(tables.code.code).toContain('rt.yearDay(d, [');
  });

  it('a year gives decideSlots the same as decide (the batch reader fills the date slot with it)', () => {
    const a: Assessment = {
      area: { year: 2025 },
      context: { region: 'north' },
      facts: { income: 50, trees: 12, drills: 1, reported: true },
    };
    expect(both.generated.decide(a)).toEqual(both.closures.decide(a));
  });
});
