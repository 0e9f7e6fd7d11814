/**
 * An independent implementation of the ILLUSTRATIVE new-rural commune scheme
 * (rules/ntm-commune-2021-2025/ruleset.yaml), written from the tiers and criteria the file states
 * and the format's documented semantics (docs/rule-format.md: Kleene logic; unknown propagates;
 * a part of a whole that is 0 is 0; the region picks a table's row and the assessment's date its year; a
 * derived quantity is an exact fraction; each tier implies the ones below, and a criterion or
 * disqualifier marked from a tier counts only from that tier up). It shares nothing with the
 * engine but types: its numbers are BigInt fractions of its own (exact.ts), its tables are plain
 * TypeScript. Tests only.
 *
 * Every criterion here is "every sub-condition holds", and every group needs all its criteria,
 * so a tier holds iff every criterion counted at that tier or below passes and no disqualifier
 * that blocks it applies: certainly when all are certain, certainly not when one certainly fails.
 */
import type { Assessment } from '../../src/evaluate/assessment.js';
import type { CriterionStatus, Decision, DisqualifierStatus } from '../../src/evaluate/result.js';
import { div, type Frac, frac, ge, mul, percentAtLeast, percentAtMost } from './exact.js';

type K = boolean | undefined;

export const NTM_LEVELS = ['dat_chuan', 'nang_cao', 'kieu_mau'] as const;
export type NtmLevel = (typeof NTM_LEVELS)[number];

export interface NtmOracleResult {
  readonly decision: Decision;
  readonly level: { readonly reached: NtmLevel | null; readonly possible: NtmLevel | null };
  readonly criteria: Readonly<Record<string, CriterionStatus>>;
  readonly disqualifiers: Readonly<Record<string, DisqualifierStatus>>;
  /** The income per person as an exact fraction, when known (for the hand-written anchors). */
  readonly incomePerPerson?: Frac;
}

export const REGIONS = [
  'trung_du_mien_nui_phia_bac',
  'dong_bang_song_hong',
  'bac_trung_bo',
  'duyen_hai_nam_trung_bo',
  'tay_nguyen',
  'dong_nam_bo',
  'dong_bang_song_cuu_long',
] as const;

/** Minimum income per person (million VND) by region, for 2022, 2023, 2024, 2025 (each from 1 January). */
export const INCOME_MIN: Readonly<Record<(typeof REGIONS)[number], readonly [string, string, string, string]>> = {
  trung_du_mien_nui_phia_bac: ['39', '42', '45', '48'],
  dong_bang_song_hong: ['52', '55', '58', '61'],
  bac_trung_bo: ['43', '47', '51', '55'],
  duyen_hai_nam_trung_bo: ['44', '48', '52', '56'],
  tay_nguyen: ['43', '46.5', '50.5', '54.5'],
  dong_nam_bo: ['60', '64', '68', '72'],
  dong_bang_song_cuu_long: ['50', '54', '58', '62'],
};

/** Minimum share (%) of people with health insurance, by region. */
export const INSURANCE_MIN: Readonly<Record<(typeof REGIONS)[number], number>> = {
  trung_du_mien_nui_phia_bac: 85,
  dong_bang_song_hong: 95,
  bac_trung_bo: 95,
  duyen_hai_nam_trung_bo: 95,
  tay_nguyen: 85,
  dong_nam_bo: 95,
  dong_bang_song_cuu_long: 95,
};

/** Each part and its whole: a part of a whole that is 0 can only be 0. */
const PART_OF: Readonly<Record<string, string>> = {
  poor_households: 'households',
  households_safe_power: 'households',
  solid_houses: 'households',
  temporary_houses: 'households',
  households_sorting_waste: 'households',
  road_paved_km: 'road_length_km',
  road_lit_km: 'road_length_km',
  irrigated_area_ha: 'cultivated_area_ha',
  schools_meeting_standard: 'schools',
  working_age_employed: 'working_age_population',
  insured_people: 'population',
  cultural_villages: 'villages',
};

const and = (...xs: K[]): K => (xs.includes(false) ? false : xs.includes(undefined) ? undefined : true);
const or = (...xs: K[]): K => (xs.includes(true) ? true : xs.includes(undefined) ? undefined : false);

function reader(a: Assessment) {
  const num = (id: string): number | undefined => {
    const v = a.facts[id];
    if (typeof v === 'number') return v;
    if (v !== null && v !== undefined) return undefined;
    const whole = PART_OF[id];
    return whole !== undefined && num(whole) === 0 ? 0 : undefined;
  };
  const is = (id: string): K => {
    const v = a.facts[id];
    return typeof v === 'boolean' ? v : undefined;
  };
  /** part × 100 ≥ p × whole exactly; an empty whole passes or fails as the criterion says. */
  const shareAtLeast = (part: string, whole: string, p: number | string | undefined, empty: boolean): K => {
    const w = num(whole);
    if (w === 0) return empty;
    const q = num(part);
    return q === undefined || w === undefined || p === undefined ? undefined : percentAtLeast(q, w, p);
  };
  const shareAtMost = (part: string, whole: string, p: number | string, empty: boolean): K => {
    const w = num(whole);
    if (w === 0) return empty;
    const q = num(part);
    return q === undefined || w === undefined ? undefined : percentAtMost(q, w, p);
  };
  return { num, is, shareAtLeast, shareAtMost };
}

/** The row of the year the assessment's date falls in (each row from 1 January); undefined without a date. */
function yearIndex(date: string | undefined): number | undefined {
  if (date === undefined) return undefined;
  return Math.min(3, Math.max(0, Number(date.slice(0, 4)) - 2022));
}

/** Which tier each criterion counts from (absent: every tier). */
const FROM_LEVEL: Readonly<Record<string, NtmLevel>> = {
  NC2: 'nang_cao',
  NC10: 'nang_cao',
  NC11: 'nang_cao',
  NC17: 'nang_cao',
  NC18: 'nang_cao',
  KM10: 'kieu_mau',
  KM1: 'kieu_mau',
};

export function ntmOracle(a: Assessment): NtmOracleResult {
  const r = reader(a);
  const region = a.context['region'] as (typeof REGIONS)[number];
  const year = yearIndex(a.area?.date);
  const incomeMin = year === undefined ? undefined : frac(INCOME_MIN[region][year] as string);

  // Income per person: total / population, exactly; a commune with no residents has 0 (if_zero),
  // whatever its total income (known or not: docs/rule-format.md, a divisor known to be 0 decides).
  const population = r.num('population');
  const incomeTotal = r.num('total_income');
  const incomePerPerson: Frac | undefined =
    population === 0
      ? frac(0)
      : population === undefined || incomeTotal === undefined
        ? undefined
        : div(frac(incomeTotal), frac(population));
  /** income per person ≥ minimum × times/10 */
  const income = (times: number): K =>
    incomePerPerson === undefined || incomeMin === undefined
      ? undefined
      : ge(mul(incomePerPerson, frac(10)), mul(incomeMin, frac(times)));

  const outstanding = [
    r.is('outstanding_production'),
    r.is('outstanding_education'),
    r.is('outstanding_culture_tourism'),
    r.is('outstanding_environment'),
    r.is('outstanding_security'),
    r.is('outstanding_digital'),
  ];
  const temporary = r.num('temporary_houses');
  const foodIncidents = r.num('food_safety_incidents');
  const chains = r.num('value_chain_models');

  const conditions: Record<string, K> = {
    '1': r.is('planning_approved'),
    '2': r.shareAtLeast('road_paved_km', 'road_length_km', 100, false),
    NC2: r.shareAtLeast('road_lit_km', 'road_length_km', 50, false),
    '3': and(r.shareAtLeast('irrigated_area_ha', 'cultivated_area_ha', 80, true), r.is('disaster_prevention_met')),
    '4': r.shareAtLeast('households_safe_power', 'households', 98, false),
    '5': r.shareAtLeast('schools_meeting_standard', 'schools', 80, false),
    '6': r.is('cultural_facilities_met'),
    '7': r.is('rural_market_met'),
    '8': r.is('information_met'),
    '9': and(
      temporary === undefined ? undefined : temporary === 0,
      r.shareAtLeast('solid_houses', 'households', 80, false),
    ),
    '10': income(10),
    NC10: income(11),
    KM10: income(12),
    '11': r.shareAtMost('poor_households', 'households', 13, true),
    NC11: r.shareAtMost('poor_households', 'households', '2.5', true),
    '12': r.shareAtLeast('working_age_employed', 'working_age_population', 90, false),
    '13': and(r.is('cooperative_effective'), chains === undefined ? undefined : chains >= 1),
    '14': r.is('education_universalised'),
    '15': r.shareAtLeast('insured_people', 'population', INSURANCE_MIN[region], false),
    '16': r.shareAtLeast('cultural_villages', 'villages', 70, false),
    '17': and(r.is('environment_met'), foodIncidents === undefined ? undefined : foodIncidents === 0),
    NC17: r.shareAtLeast('households_sorting_waste', 'households', 50, false),
    '18': and(r.is('officials_meeting_standard'), r.is('law_access_met')),
    NC18: r.is('online_public_services_used'),
    '19': r.is('defence_security_met'),
    KM1: or(...outstanding),
  };

  const criteria: Record<string, CriterionStatus> = {};
  for (const [id, c] of Object.entries(conditions))
    criteria[id] = c === true ? 'pass' : c === false ? 'fail' : 'unknown';

  const d1 = r.is('prolonged_mass_complaints');
  const d2 = r.is('serious_pollution_unresolved');
  const status = (k: K): DisqualifierStatus => (k === true ? 'applies' : k === false ? 'clear' : 'unknown');
  const disqualifiers = { D1: status(d1), D2: status(d2) };

  // A tier holds iff every criterion counted at it or below passes and no disqualifier blocking it applies.
  const tier = (level: number): K => {
    const parts: K[] = [];
    for (const [id, c] of Object.entries(conditions)) {
      const from = FROM_LEVEL[id];
      if (from === undefined || NTM_LEVELS.indexOf(from) <= level) parts.push(c);
    }
    parts.push(d1 === undefined ? undefined : !d1);
    if (level >= 1) parts.push(d2 === undefined ? undefined : !d2);
    return and(...parts);
  };
  let reached: NtmLevel | null = null;
  let possible: NtmLevel | null = null;
  NTM_LEVELS.forEach((id, i) => {
    const t = tier(i);
    if (t === true) reached = id;
    if (t !== false) possible = id;
  });
  const decision: Decision = reached !== null ? 'recognised' : possible === null ? 'not_recognised' : 'undetermined';
  return {
    decision,
    level: { reached, possible },
    criteria,
    disqualifiers,
    ...(incomePerPerson ? { incomePerPerson } : {}),
  };
}
