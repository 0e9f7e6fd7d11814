/**
 * A hand-written generator of assessments for the ILLUSTRATIVE new-rural commune scheme, biased
 * to every boundary the oracle knows: each region's income row for each year and 10% / 20% above
 * it (one tenth of a million either side of the exact total), each share at its exact boundary
 * and one unit of the facts' own decimals either side, the date on the first and last day of each
 * year's row (and now and then the neighbouring year's figure, so the date must pick its own row),
 * sometimes no date. Independent of the engine (it reads only the oracle's tables).
 */
import fc from 'fast-check';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { present } from './differential.js';
import { frac } from './exact.js';
import { INCOME_MIN, INSURANCE_MIN, REGIONS } from './ntm-commune-oracle.js';

/** The first and the last day of each year's row, and a day between. */
const DAYS = ['01-01', '06-30', '12-31'] as const;

/** How many draws one assessment consumes at most (each 0–999; 0 shrinks to "good, at the boundary"). */
const DRAWS = 400;

/**
 * Reads an assessment's draws in order. `bad(rate)` is true with probability rate/1000; values
 * then go on the failing side of their boundary, otherwise on the passing side, mostly at the
 * boundary itself or one unit past it, sometimes anywhere on that side.
 */
class Draws {
  private i = 0;
  constructor(private readonly xs: readonly number[]) {}
  next(): number {
    return this.xs[this.i++ % this.xs.length] ?? 0;
  }
  bad(rate: number): boolean {
    return this.next() < rate;
  }
  /** One of the values, by the next draw. */
  pick<T>(values: readonly T[]): T {
    return values[this.next() % values.length] as T;
  }
  /**
   * A part of `whole` (in units) on the passing or failing side of "part × 100 × den ≥ num × whole"
   * (or ≤ when `atMost`): the boundary, one unit past it, or anywhere on that side, within [0, whole].
   */
  part(whole: number, num: number, den: number, good: boolean, atMost = false): number {
    const exact = (num * whole) / (100 * den);
    // The last part that passes: the smallest for at least, the largest for at most.
    const boundary = atMost ? Math.floor(exact) : Math.ceil(exact);
    const toPass = atMost ? -1 : 1;
    const step = this.next();
    const far = step < 150 ? 1 + ((this.next() * 7919) % (whole + 1)) : step < 400 ? 1 : 0;
    const value = good ? boundary + toPass * far : boundary - toPass * Math.max(1, far);
    return Math.min(whole, Math.max(0, value));
  }
  /** A whole: small ones (0 included) often, any up to max sometimes. */
  whole(max: number): number {
    const d = this.next();
    return d < 10
      ? 0
      : d < 400
        ? Math.min(max, this.pick([1, 2, 3, 7, 10, 40, 99, 100, 101, 1000, 1200]))
        : (this.next() * 997 + this.next()) % (max + 1);
  }
}

export function ntmAssessments(unknownPerMille: number): fc.Arbitrary<Assessment> {
  return fc
    .record({
      region: fc.constantFrom(...REGIONS),
      year: fc.nat(3),
      day: fc.constantFrom(...DAYS),
      // Now and then no date: the income criteria are then unknown.
      dated: fc.oneof({ arbitrary: fc.constant(true), weight: 12 }, { arbitrary: fc.constant(false), weight: 1 }),
      // Per mille: how often a đạt chuẩn, a nâng cao and a kiểu mẫu part fails.
      rates: fc.tuple(
        fc.constantFrom(0, 0, 10, 30, 300),
        fc.constantFrom(0, 30, 150, 500),
        fc.constantFrom(0, 100, 400),
      ),
      draws: fc.array(fc.noBias(fc.integer({ min: 0, max: 999 })), { minLength: DRAWS, maxLength: DRAWS }),
    })
    .map(({ region, year, day, dated, rates: [base, advanced, model], draws }) => {
      const d = new Draws(draws);
      const f: Record<string, number | boolean | null | undefined> = {};
      const flag = (name: string, rate: number) => {
        f[name] = !d.bad(rate);
      };

      // I, II
      flag('planning_approved', base);
      const km = d.whole(1_000_000); // hundredths of a km
      f['road_length_km'] = km / 100;
      f['road_paved_km'] = d.part(km, 100, 1, !d.bad(base)) / 100;
      f['road_lit_km'] = d.part(km, 50, 1, !d.bad(advanced)) / 100;
      const ha = d.whole(1_000_000); // tenths of a ha
      f['cultivated_area_ha'] = ha / 10;
      f['irrigated_area_ha'] = d.part(ha, 80, 1, !d.bad(base)) / 10;
      flag('disaster_prevention_met', base);
      const households = d.whole(50_000);
      f['households'] = households;
      f['households_safe_power'] = d.part(households, 98, 1, !d.bad(base));
      const schools = d.whole(100);
      f['schools'] = schools;
      f['schools_meeting_standard'] = d.part(schools, 80, 1, !d.bad(base));
      flag('cultural_facilities_met', base);
      flag('rural_market_met', base);
      flag('information_met', base);
      f['temporary_houses'] = d.bad(base) ? Math.min(households, 1 + (d.next() % 3)) : 0;
      f['solid_houses'] = d.part(households, 80, 1, !d.bad(base));

      // III: income at the row of the year (now and then a neighbouring year's row, to see the
      // year pick its row), × 1, 1.1 or 1.2 by how far the commune gets, in tenths of a million.
      const population = d.whole(200_000);
      f['population'] = population;
      // The first tier whose income test the commune fails, if any: it sits just below that line;
      // a commune that fails none sits at or just above the 1.2× line, or now and then the 1× or 1.1×.
      const failsAt = d.bad(base) ? 10 : d.bad(advanced) ? 11 : d.bad(model) ? 12 : undefined;
      const times = failsAt ?? (d.next() < 800 ? 12 : d.pick([10, 11]));
      const shift = d.pick([0, 0, 0, 0, 0, -1, 1]);
      const min = frac(INCOME_MIN[region][Math.min(3, Math.max(0, year + shift))] ?? '0');
      // total_income (tenths) at the smallest total with income per person ≥ min × times / 10.
      const boundary = Number((BigInt(population) * min.n * BigInt(times) + min.d - 1n) / min.d);
      const offset = failsAt === undefined ? d.pick([0, 0, 1, 5]) : -d.pick([1, 1, 1, 10, 1000]);
      f['total_income'] = Math.min(1_000_000_000, Math.max(0, boundary + offset)) / 10;
      // Poverty: over 13% fails đạt chuẩn; over 2.5% fails nâng cao.
      const poorBase = !d.bad(base);
      f['poor_households'] = poorBase
        ? d.part(households, 25, 10, !d.bad(advanced), true)
        : d.part(households, 13, 1, false, true);
      const working = d.whole(150_000);
      f['working_age_population'] = working;
      f['working_age_employed'] = d.part(working, 90, 1, !d.bad(base));
      flag('cooperative_effective', base);
      f['value_chain_models'] = d.bad(base) ? 0 : d.pick([1, 1, 2, 100]);

      // IV
      flag('education_universalised', base);
      f['insured_people'] = d.part(
        population,
        d.next() < 50 ? d.pick([85, 95]) : INSURANCE_MIN[region],
        1,
        !d.bad(base),
      );
      const villages = d.whole(100);
      f['villages'] = villages;
      f['cultural_villages'] = d.part(villages, 70, 1, !d.bad(base));
      flag('environment_met', base);
      f['food_safety_incidents'] = d.bad(base) ? d.pick([1, 2, 1000]) : 0;
      f['households_sorting_waste'] = d.part(households, 50, 1, !d.bad(advanced));

      // V
      flag('officials_meeting_standard', base);
      flag('law_access_met', base);
      flag('defence_security_met', base);
      flag('online_public_services_used', advanced);
      f['prolonged_mass_complaints'] = d.bad(base);
      f['serious_pollution_unresolved'] = d.bad(advanced);

      // Kiểu mẫu: at least one outstanding field, or none.
      const outstanding = [
        'outstanding_production',
        'outstanding_education',
        'outstanding_culture_tourism',
        'outstanding_environment',
        'outstanding_security',
        'outstanding_digital',
      ];
      const none = d.bad(model);
      for (const name of outstanding) f[name] = none ? false : d.next() < 300;
      if (!none && outstanding.every((n) => f[n] === false)) f[d.pick(outstanding)] = true;

      // Unknowns: any fact, left out or given as null (a whole left out keeps its parts).
      for (const name of Object.keys(f))
        if (d.next() < unknownPerMille) f[name] = d.next() % 2 === 0 ? null : undefined;
      return {
        area: { code: 'X', ...(dated ? { date: `${2022 + year}-${day}` } : {}) },
        context: { region },
        facts: present(f),
      } satisfies Assessment;
    });
}
