/**
 * A deterministic, seeded workload: realistic assessments for the Lai Châu 2020–2025 rules.
 *
 * Each area gets a kind (tổ dân phố in a ward, bản in a commune or a ward), a size, and a
 * "tier" (strong, fair, weak) that sets how likely each practice holds; facts are then drawn so
 * that parts never exceed their wholes and thresholds are sometimes hit exactly (98%, 10%).
 * A quarter of the areas leave one to four facts out (a few as `null`): unknown, never false.
 *
 * Same seed, same assessments: the PRNG is mulberry32, and nothing here reads the clock or
 * Math.random. The engine is imported for its types only.
 */
import type { Assessment } from '@lcz/criteria-engine';
import { mulberry32 } from '../../../criteria-engine/src/testing/seeded-random.js';

// The repository's one seeded generator, from its module rather than the `./testing` entry point:
// that entry loads fast-check, which the memory child (src/child/memory.ts) must not carry.
export { mulberry32 } from '../../../criteria-engine/src/testing/seeded-random.js';

const DEFAULT_SEED = 20_201_110; // the date of the source's cover letter, 10/11/2020

/** Every fact the generator writes, in the ruleset's declaration order. */
export const FACT_NAMES = [
  'households',
  'households_law_abiding',
  'households_following_convention',
  'households_civilised_lifestyle',
  'households_violating_rules',
  'poor_households',
  'households_security_pledge_signed',
  'households_security_pledge_kept',
  'key_titles',
  'key_titles_trained',
  'party_cell_rating',
  'front_committee_rating',
  'mass_organisations_lowest_rating',
  'self_management_group_active',
  'disputes_settled_in_community',
  'grassroots_democracy_and_mediation_good',
  'mass_or_unlawful_complaints_occurred',
  'has_traditional_products',
  'traditional_products_competitiveness_improved',
  'typical_economic_models',
  'struggling_households_supported',
  'ocop_products',
  'value_chain_models',
  'civilised_business_streets',
  'working_age_employment_stable',
  'infrastructure_contributions_mobilised',
  'households_in_new_rural_campaign',
  'households_in_civilised_ward_campaign',
  'fixed_businesses',
  'fixed_businesses_registered',
  'business_culture_practised',
  'illicit_goods_trade_occurred',
  'food_safety_kept',
  'spontaneous_market_occurred',
  'materials_on_roadway_occurred',
  'urban_infrastructure_self_managed',
  'environment_propaganda_done',
  'landscape_land_building_violation_occurred',
  'public_cleanups_per_month',
  'polluting_business_occurred',
  'road_sign_or_encroachment_occurred',
  'traffic_congestion_occurred',
  'self_management_contents_registered',
  'self_management_contents_done_well',
  'civilised_street_registered',
  'civilised_street_criteria_met',
  'cultural_area_recognised',
  'littering_occurred',
  'free_roaming_livestock_occurred',
  'roads_and_pavements_clean',
  'car_wash_runoff_occurred',
  'unsafe_roadway_parking_occurred',
  'flag_premises',
  'flag_premises_compliant',
  'public_heritage_and_property_kept',
  'begging_hawking_or_touting_occurred',
  'humanitarian_movements_joined',
  'social_policy_beneficiaries',
  'social_policy_beneficiaries_supported',
  'health_programmes_promoted',
  'population_policy_violations',
  'child_marriages',
  'school_age_children',
  'school_age_children_attending',
  'school_dropouts',
  'pupils_guided_in_public_places',
  'community_solidarity',
  'defence_security_propaganda_done',
  'defence_security_violation_occurred',
  'defence_laws_obeyed',
  'security_self_management_model_effective',
  'anti_state_or_unrest_activity_occurred',
  'crime_prevention_good',
  'security_force_members',
  'security_force_members_rated_well',
  'security_force_members_disciplined',
  'residence_registration_managed_well',
  'drug_or_prostitution_spot_present',
  'religion_abuse_occurred',
] as const;

export type FactName = (typeof FACT_NAMES)[number];
type FactValue = number | boolean | string;

export interface GenerateOptions {
  readonly seed?: number;
  /**
   * Share of assessments that leave 1–4 facts out (default 0.25, the *mixed* workload); 0 gives
   * the *uniform* workload, every fact present. The other draws are the same either way.
   */
  readonly incompleteShare?: number;
}

/** Tiers: how likely one practice holds, and how likely a disqualifying event is. */
const TIERS = [
  { share: 0.2, good: 0.992, bad: 0.004 }, // strong
  { share: 0.52, good: 0.93, bad: 0.02 }, // fair
  { share: 0.28, good: 0.75, bad: 0.07 }, // weak
] as const;

const PARTY = [
  'khong_hoan_thanh_nhiem_vu',
  'hoan_thanh_nhiem_vu',
  'hoan_thanh_tot_nhiem_vu',
  'hoan_thanh_xuat_sac_nhiem_vu',
] as const;
const GRADE = ['yeu_kem', 'trung_binh', 'kha', 'tot', 'xuat_sac'] as const;

/**
 * The assessments as a service or a file reader would hand them over: written out as JSON text and
 * read back with `JSON.parse`. Objects built property by property in a program get shapes (hidden
 * classes) a parser never gives; an earlier bench built them directly and 23% of its facts objects
 * fell into dictionary mode, in 365 shapes per 2,000, which slowed the hand-written floor ~2.5×
 * more than the engine and flattered every ratio.
 */
export function generateAssessments(count: number, options: GenerateOptions = {}): Assessment[] {
  return JSON.parse(generateAssessmentsJson(count, options)) as Assessment[];
}

/** The same assessments as one JSON text (an array). */
function generateAssessmentsJson(count: number, options: GenerateOptions = {}): string {
  rnd = mulberry32(options.seed ?? DEFAULT_SEED);
  const incompleteShare = options.incompleteShare ?? 0.25;
  const out: Assessment[] = new Array<Assessment>(count);
  for (let i = 0; i < count; i++) out[i] = generateOne(i, incompleteShare);
  return JSON.stringify(out);
}

/** True when every fact is supplied (not left out, not null). */
export function isComplete(a: Assessment): boolean {
  for (const name of FACT_NAMES) {
    const v = a.facts[name];
    if (v === undefined || v === null) return false;
  }
  return true;
}

// The generator's state while it runs, at module level so that the helpers below are plain
// functions (no closures created per assessment).
let rnd: () => number = mulberry32(DEFAULT_SEED);
let tier: (typeof TIERS)[number] = TIERS[1];

const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
/** A practice holds (likely in strong areas). */
const good = (): boolean => rnd() < tier.good;
/** A disqualifying event (rare, rarer in strong areas). */
const bad = (): boolean => rnd() < tier.bad;
/** A bad event (…_occurred) that fails a criterion. */
const occurred = (): boolean => !good();

/** A part of `whole` meeting "at least pct%" when `ok`, just below it otherwise (exact edges included). */
function partAtLeast(whole: number, pct: number, ok: boolean): number {
  if (whole === 0) return 0;
  const need = Math.ceil((pct * whole) / 100); // the smallest part that passes
  if (ok) return rnd() < 0.25 ? need : int(need, whole);
  if (need === 0) return 0;
  return rnd() < 0.3 ? need - 1 : int(Math.floor(need * 0.8), need - 1);
}

function generateOne(index: number, incompleteShare: number): Assessment {
  // Kind of unit: 55% tổ dân phố (always in a ward); bản in a commune (70%) or a ward.
  const urban = rnd() < 0.55;
  const parent = urban ? 'phuong' : rnd() < 0.7 ? 'xa' : 'phuong';
  const agricultural = urban ? undefined : rnd() < 0.8;
  let r = rnd();
  tier = TIERS[2];
  for (const t of TIERS) {
    r -= t.share;
    if (r < 0) {
      tier = t;
      break;
    }
  }

  const f: Partial<Record<FactName, FactValue>> = {};
  const households = rnd() < 0.002 ? 0 : urban ? int(60, 450) : int(25, 220);
  f.households = households;
  f.households_law_abiding = partAtLeast(households, 98, good());
  f.households_following_convention = partAtLeast(households, 100, good());
  f.households_civilised_lifestyle = partAtLeast(households, 85, good());
  // D4: 10% or more violating. Exactly 10% now and then.
  const d4 = bad();
  const tenth = Math.ceil(households / 10);
  f.households_violating_rules =
    households === 0
      ? 0
      : d4
        ? rnd() < 0.3
          ? tenth
          : int(tenth, Math.min(households, tenth * 2))
        : int(0, Math.max(0, tenth - 1));
  f.poor_households = good() ? 0 : Math.min(households, int(1, 6));
  const signed = partAtLeast(households, 100, good());
  f.households_security_pledge_signed = signed;
  f.households_security_pledge_kept = Math.min(signed, partAtLeast(households, 98, good()));

  const keyTitles = int(8, 20);
  f.key_titles = keyTitles;
  f.key_titles_trained = partAtLeast(keyTitles, 100, good());
  f.party_cell_rating = good() ? pick(PARTY.slice(2)) : pick(PARTY.slice(0, 2));
  f.front_committee_rating = good() ? pick(GRADE.slice(3)) : pick(GRADE.slice(0, 3));
  f.mass_organisations_lowest_rating = good() ? pick(GRADE.slice(3)) : pick(GRADE.slice(0, 3));
  f.self_management_group_active = good();
  f.disputes_settled_in_community = good();
  f.grassroots_democracy_and_mediation_good = good();
  f.mass_or_unlawful_complaints_occurred = bad();

  const traditional = rnd() < (urban ? 0.7 : 0.85);
  f.has_traditional_products = traditional;
  f.traditional_products_competitiveness_improved = traditional && good();
  f.typical_economic_models = good() ? int(1, 3) : 0;
  f.struggling_households_supported = good();
  const farm = agricultural === true && good();
  f.ocop_products = farm && rnd() < 0.5 ? int(1, 2) : 0;
  f.value_chain_models = farm && f.ocop_products === 0 ? int(1, 2) : agricultural && rnd() < 0.1 ? 1 : 0;
  f.civilised_business_streets = urban && good() ? int(1, 3) : 0;
  f.working_age_employment_stable = good();
  f.infrastructure_contributions_mobilised = good();
  f.households_in_new_rural_campaign = parent === 'xa' ? good() : rnd() < 0.5;
  f.households_in_civilised_ward_campaign = parent === 'phuong' ? good() : rnd() < 0.5;
  const fixed = urban ? int(5, 60) : rnd() < 0.4 ? 0 : int(1, 8);
  f.fixed_businesses = fixed;
  f.fixed_businesses_registered = partAtLeast(fixed, 100, good());
  f.business_culture_practised = good();
  f.illicit_goods_trade_occurred = occurred();
  f.food_safety_kept = good();
  f.spontaneous_market_occurred = occurred();

  f.materials_on_roadway_occurred = occurred();
  f.urban_infrastructure_self_managed = good();
  f.environment_propaganda_done = good();
  f.landscape_land_building_violation_occurred = occurred();
  f.public_cleanups_per_month = good() ? pick([1, 1, 1.5, 2, 2, 3, 4]) : pick([0, 0.5]);
  f.polluting_business_occurred = occurred();
  f.road_sign_or_encroachment_occurred = occurred();
  f.traffic_congestion_occurred = urban ? occurred() : rnd() < 0.01;

  const registered = good() ? int(1, 4) : int(0, 2);
  f.self_management_contents_registered = registered;
  f.self_management_contents_done_well = good() ? registered : Math.max(0, registered - int(1, 2));
  f.civilised_street_registered = good();
  f.civilised_street_criteria_met = good();
  f.cultural_area_recognised = good();
  f.littering_occurred = occurred();
  f.free_roaming_livestock_occurred = urban ? rnd() < 0.01 : occurred();
  f.roads_and_pavements_clean = good();
  f.car_wash_runoff_occurred = occurred();
  f.unsafe_roadway_parking_occurred = urban ? occurred() : rnd() < 0.01;
  const premises = households + int(0, 12);
  f.flag_premises = premises;
  f.flag_premises_compliant = partAtLeast(premises, 100, good());
  f.public_heritage_and_property_kept = good();
  f.begging_hawking_or_touting_occurred = occurred();

  f.humanitarian_movements_joined = good();
  const beneficiaries = rnd() < 0.05 ? 0 : int(3, 45);
  f.social_policy_beneficiaries = beneficiaries;
  f.social_policy_beneficiaries_supported = partAtLeast(beneficiaries, 100, good());
  f.health_programmes_promoted = good();
  f.population_policy_violations = good() ? 0 : int(1, 3);
  f.child_marriages = urban || good() ? 0 : int(1, 2);
  const children = rnd() < 0.03 ? 0 : int(10, 160);
  f.school_age_children = children;
  f.school_age_children_attending = partAtLeast(children, 100, good());
  f.school_dropouts = children === 0 || good() ? 0 : Math.min(children, int(1, 3));
  f.pupils_guided_in_public_places = good();
  f.community_solidarity = good();

  f.defence_security_propaganda_done = good();
  f.defence_security_violation_occurred = occurred();
  f.defence_laws_obeyed = good();
  f.security_self_management_model_effective = good();
  f.anti_state_or_unrest_activity_occurred = rnd() < tier.bad;
  f.crime_prevention_good = good();
  const members = int(3, 15);
  f.security_force_members = members;
  f.security_force_members_rated_well = partAtLeast(members, 100, good());
  f.security_force_members_disciplined = good() ? 0 : Math.min(members, int(1, 2));
  f.residence_registration_managed_well = good();

  f.drug_or_prostitution_spot_present = bad();
  f.religion_abuse_occurred = bad();

  // Missing data: leave 1–4 facts out (one in five of them given as null instead).
  // Drawn for every assessment and applied to `incompleteShare` of them, so that the uniform and
  // the mixed workload draw the same numbers: the same areas, differing only in what is left out.
  let missing: Set<string> | undefined = new Set();
  let nulls: Set<string> | undefined = new Set();
  const incomplete = rnd() < incompleteShare;
  const k = int(1, 4);
  for (let j = 0; j < k; j++) {
    const name = pick(FACT_NAMES);
    (rnd() < 0.2 ? nulls : missing).add(name);
  }
  if (!incomplete) missing = nulls = undefined;

  // Build in declaration order, skipping what is missing (no `delete`: objects keep fast shapes).
  const facts: Record<string, FactValue | null> = {};
  for (const name of FACT_NAMES) {
    if (missing?.has(name)) continue;
    facts[name] = nulls?.has(name) ? null : (f[name] as FactValue);
  }
  const context: Record<string, string | boolean> = { unit_kind: urban ? 'to_dan_pho' : 'ban', parent_kind: parent };
  if (agricultural !== undefined) context['agricultural'] = agricultural;
  return { area: { code: `A${String(index).padStart(6, '0')}` }, context, facts };
}
