/**
 * The floor for the ILLUSTRATIVE points-and-levels scheme (rules/green-building-illustrative):
 * its level decision written by hand from the rule file, as fast as plain JavaScript allows. Facts
 * are read by literal names; every credit's points are an interval [least, most] over what is
 * unknown (a missing or null fact), added into two integers without allocating; a level holds
 * when every prerequisite passes, the minimum program requirement is clear and the least total
 * reaches it, and certainly not when a prerequisite fails, the requirement applies or the most
 * total falls short. The same three-valued meaning as the engine's `decide()`, so agreement is
 * checked on every input before timing (green-building.ts).
 *
 * Comparisons are on JavaScript numbers: every threshold here is an integer or 32.5, exact in
 * binary, so `v >= t` is the exact comparison the engine makes with rationals.
 */
import type { Assessment, Decision } from '@lcz/criteria-engine';

/** Three-valued: true, false, unknown. Small integers keep every helper monomorphic. */
const T = 1;
const F = 0;
const U = 2;
type K = typeof T | typeof F | typeof U;

const is = (v: unknown): K => (v === true ? T : v === false ? F : U);
const atLeast = (v: unknown, n: number): K => (typeof v === 'number' ? (v >= n ? T : F) : U);
const and2 = (a: K, b: K): K => (a === F || b === F ? F : a === U || b === U ? U : T);
const or2 = (a: K, b: K): K => (a === T || b === T ? T : a === U || b === U ? U : F);
const yes = (k: K): number => (k === T ? 1 : 0);
const maybe = (k: K): number => (k === U ? 1 : 0);

export interface GreenFloorResult {
  decision: Decision;
  reached: string | null;
  possible: string | null;
}

const LEVELS = ['certified', 'silver', 'gold', 'platinum'] as const;
const THRESHOLDS = [40, 50, 60, 80] as const;

/** One result object, reused: the floor allocates nothing per call (read it before the next call). */
const out: GreenFloorResult = { decision: 'not_recognised', reached: null, possible: null };

export function greenFloorDecide(a: Assessment): GreenFloorResult {
  const f = a.facts as Record<string, unknown>;
  const newConstruction = a.context['project_type'] === 'new_construction';
  let lo = 0;
  let hi = 0;

  // Prerequisites (no points): all must pass.
  let base: K = is(f['erosion_control_plan']);
  base = and2(base, atLeast(f['outdoor_water_reduction_pct'], 30));
  base = and2(base, atLeast(f['indoor_water_reduction_pct'], 20));
  base = and2(base, is(f['building_water_meter']));
  base = and2(base, is(f['fundamental_commissioning']));
  base = and2(base, atLeast(f['energy_cost_saving_pct'], newConstruction ? 5 : 3));
  base = and2(base, is(f['building_energy_meter']));
  base = and2(base, is(f['no_cfc_refrigerants']));
  base = and2(base, is(f['recyclables_storage']));
  base = and2(base, is(f['cd_waste_plan']));
  base = and2(base, is(f['minimum_iaq']));
  base = and2(base, is(f['smoking_prohibited']));
  // Minimum program requirement: a floor area under 93 m² disqualifies.
  const area = f['gross_floor_area_m2'];
  base = and2(base, typeof area === 'number' ? (area >= 93 ? T : F) : U);

  // Credits with fixed points: earned when the condition holds.
  let k: K;
  k = is(f['integrative_process']);
  lo += yes(k);
  hi += yes(k) + maybe(k);
  k = is(f['sensitive_land_avoided']);
  lo += yes(k);
  hi += yes(k) + maybe(k);
  k = is(f['bicycle_facilities']);
  lo += yes(k);
  hi += yes(k) + maybe(k);
  k = atLeast(f['parking_reduction_pct'], 20);
  lo += yes(k);
  hi += yes(k) + maybe(k);
  k = atLeast(f['green_vehicle_parking_pct'], 5);
  lo += yes(k);
  hi += yes(k) + maybe(k);
  k = is(f['site_assessment']);
  lo += yes(k);
  hi += yes(k) + maybe(k);
  k = atLeast(f['open_space_pct'], 30);
  lo += yes(k);
  hi += yes(k) + maybe(k);
  k = is(f['light_pollution_controlled']);
  lo += yes(k);
  hi += yes(k) + maybe(k);
  k = atLeast(f['water_submeters'], 2);
  lo += yes(k);
  hi += yes(k) + maybe(k);
  k = is(f['advanced_energy_metering']);
  lo += yes(k);
  hi += yes(k) + maybe(k);
  k = is(f['enhanced_refrigerant']);
  lo += yes(k);
  hi += yes(k) + maybe(k);
  k = is(f['construction_iaq_plan']);
  lo += yes(k);
  hi += yes(k) + maybe(k);
  k = is(f['thermal_comfort']);
  lo += yes(k);
  hi += yes(k) + maybe(k);
  k = is(f['interior_lighting_controls']);
  lo += yes(k);
  hi += yes(k) + maybe(k);
  k = is(f['accredited_professional']);
  lo += yes(k);
  hi += yes(k) + maybe(k);
  const embodiedPoints = newConstruction ? 3 : 4;
  k = atLeast(f['embodied_carbon_reduction_pct'], 10);
  lo += yes(k) * embodiedPoints;
  hi += (yes(k) + maybe(k)) * embodiedPoints;

  // "Best of" credits: the largest of the options, least and most each.
  const historic = is(f['historic_district']);
  const priority = is(f['priority_designation']);
  const brownfield = is(f['brownfield_remediated']);
  lo += Math.max(yes(historic), yes(priority), 2 * yes(brownfield));
  hi += Math.max(
    yes(historic) + maybe(historic),
    yes(priority) + maybe(priority),
    2 * (yes(brownfield) + maybe(brownfield)),
  );
  const roofs = yes(is(f['reflective_roof'])) + yes(is(f['vegetated_roof'])) + yes(is(f['shaded_hardscape']));
  const roofsMaybe =
    maybe(is(f['reflective_roof'])) + maybe(is(f['vegetated_roof'])) + maybe(is(f['shaded_hardscape']));
  const covered = is(f['covered_parking']);
  lo += Math.max(roofs >= 2 ? 2 : 0, yes(covered));
  hi += Math.max(roofs + roofsMaybe >= 2 ? 2 : 0, yes(covered) + maybe(covered));
  const cx = is(f['enhanced_commissioning']);
  const cxM = and2(cx, is(f['monitoring_based_commissioning']));
  const cxME = and2(cxM, is(f['envelope_commissioning']));
  lo += cxME === T ? 6 : cxM === T ? 4 : cx === T ? 3 : 0;
  hi += cxME !== F ? 6 : cxM !== F ? 4 : cx !== F ? 3 : 0;
  const program = is(f['demand_response_program']);
  const capable = is(f['demand_response_capable']);
  lo += program === T ? 2 : capable === T ? 1 : 0;
  hi += program !== F ? 2 : capable !== F ? 1 : 0;
  const entry = is(f['entryway_systems']);
  const cross = is(f['cross_contamination_prevention']);
  const filtration = is(f['enhanced_filtration']);
  const ventilation = is(f['natural_ventilation_design']);
  const held = yes(entry) + yes(cross) + yes(filtration) + yes(ventilation);
  const open = maybe(entry) + maybe(cross) + maybe(filtration) + maybe(ventilation);
  const threeOfFour: K = held >= 3 ? T : held + open < 3 ? F : U;
  const plus = and2(threeOfFour, or2(is(f['co2_monitoring']), is(f['additional_source_control'])));
  lo += plus === T ? 2 : threeOfFour === T ? 1 : 0;
  hi += plus !== F ? 2 : threeOfFour !== F ? 1 : 0;
  const flush = is(f['flush_out']);
  const testing = is(f['air_testing']);
  lo += testing === T ? 2 : flush === T ? 1 : 0;
  hi += testing !== F ? 2 : flush !== F ? 1 : 0;

  // Step tables: the band of the value; unknown, from the band of the fact's lower bound to its upper.
  let v: unknown = f['diverse_uses_nearby'];
  if (typeof v === 'number') {
    const p = v >= 8 ? 2 : v >= 4 ? 1 : 0;
    lo += p;
    hi += p;
  } else hi += 2;
  v = f['weekday_transit_trips'];
  if (typeof v === 'number') {
    const p = v >= 360 ? 5 : v >= 144 ? 3 : v >= 72 ? 1 : 0;
    lo += p;
    hi += p;
  } else hi += 5;
  v = f['habitat_restored_pct'];
  if (typeof v === 'number') {
    const p = v >= 50 ? 2 : v >= 30 ? 1 : 0;
    lo += p;
    hi += p;
  } else hi += 2;
  v = f['rainfall_percentile_managed'];
  if (typeof v === 'number') {
    const p = v >= 95 ? 3 : v >= 85 ? 2 : v >= 80 ? 1 : 0;
    lo += p;
    hi += p;
  } else hi += 3;
  v = f['outdoor_water_reduction_pct'];
  if (typeof v === 'number') {
    const p = v >= 100 ? 2 : v >= 50 ? 1 : 0;
    lo += p;
    hi += p;
  } else hi += 2;
  v = f['indoor_water_reduction_pct'];
  if (typeof v === 'number') {
    const p = v >= 50 ? 6 : v >= 45 ? 5 : v >= 40 ? 4 : v >= 35 ? 3 : v >= 30 ? 2 : v >= 25 ? 1 : 0;
    lo += p;
    hi += p;
  } else hi += 6;
  v = f['energy_cost_saving_pct'];
  if (typeof v === 'number') {
    const p = energyPoints(v);
    lo += p;
    hi += p;
  } else hi += 18;
  v = f['renewable_energy_pct'];
  if (typeof v === 'number') {
    const p = v >= 10 ? 3 : v >= 5 ? 2 : v >= 1 ? 1 : 0;
    lo += p;
    hi += p;
  } else hi += 3;
  // Green power: its steps only with a contract of 5 years or more.
  const contract = atLeast(f['green_power_contract_years'], 5);
  v = f['green_power_pct'];
  const power = typeof v === 'number' ? (v >= 100 ? 2 : v >= 50 ? 1 : 0) : -1;
  if (contract === T) {
    lo += Math.max(power, 0);
    hi += power < 0 ? 2 : power;
  } else if (contract === U) hi += power < 0 ? 2 : power;
  v = f['epd_products'];
  if (typeof v === 'number') {
    const p = v >= 40 ? 2 : v >= 20 ? 1 : 0;
    lo += p;
    hi += p;
  } else hi += 2;
  v = f['responsibly_sourced_pct'];
  if (typeof v === 'number') {
    const p = v >= 25 ? 2 : v >= 15 ? 1 : 0;
    lo += p;
    hi += p;
  } else hi += 2;
  v = f['diverted_waste_pct'];
  if (typeof v === 'number') {
    const p = v >= 75 ? 2 : v >= 50 ? 1 : 0;
    lo += p;
    hi += p;
  } else hi += 2;
  v = f['low_emitting_categories'];
  if (typeof v === 'number') {
    const p = v >= 4 ? 3 : v >= 3 ? 2 : v >= 2 ? 1 : 0;
    lo += p;
    hi += p;
  } else hi += 3;
  v = f['daylit_area_pct'];
  if (typeof v === 'number') {
    const p = v >= 90 ? 3 : v >= 75 ? 2 : v >= 55 ? 1 : 0;
    lo += p;
    hi += p;
  } else hi += 3;
  // Regional priority: one point per credit achieved, capped at 4.
  v = f['regional_priority_achieved'];
  if (typeof v === 'number') {
    const p = v >= 4 ? 4 : v >= 3 ? 3 : v >= 2 ? 2 : v >= 1 ? 1 : 0;
    lo += p;
    hi += p;
  } else hi += 4;
  // Innovation: one point per strategy, capped at 5, over the yes/no answers.
  let innovation = 0;
  let innovationOpen = 0;
  k = is(f['innovation_pilot_credit']);
  innovation += yes(k);
  innovationOpen += maybe(k);
  k = is(f['innovation_exemplary_energy']);
  innovation += yes(k);
  innovationOpen += maybe(k);
  k = is(f['innovation_exemplary_water']);
  innovation += yes(k);
  innovationOpen += maybe(k);
  k = is(f['innovation_green_cleaning']);
  innovation += yes(k);
  innovationOpen += maybe(k);
  k = is(f['innovation_education']);
  innovation += yes(k);
  innovationOpen += maybe(k);
  k = is(f['innovation_pest_management']);
  innovation += yes(k);
  innovationOpen += maybe(k);
  lo += Math.min(innovation, 5);
  hi += Math.min(innovation + innovationOpen, 5);

  // Levels: the highest reached for certain, and the highest still possible.
  let reached = -1;
  let possible = -1;
  if (base !== F) {
    for (let i = 0; i < THRESHOLDS.length; i++) {
      const t = THRESHOLDS[i] as number;
      if (hi < t) break;
      possible = i;
      if (base === T && lo >= t) reached = i;
    }
  }
  out.reached = reached < 0 ? null : (LEVELS[reached] ?? null);
  out.possible = possible < 0 ? null : (LEVELS[possible] ?? null);
  out.decision = reached >= 0 ? 'recognised' : possible < 0 ? 'not_recognised' : 'undetermined';
  return out;
}

function energyPoints(v: number): number {
  if (v >= 50) return 18;
  if (v >= 46) return 17;
  if (v >= 42) return 16;
  if (v >= 38) return 15;
  if (v >= 35) return 14;
  if (v >= 32.5) return 13;
  if (v >= 29) return 12;
  if (v >= 26) return 11;
  if (v >= 24) return 10;
  if (v >= 22) return 9;
  if (v >= 20) return 8;
  if (v >= 18) return 7;
  if (v >= 16) return 6;
  if (v >= 14) return 5;
  if (v >= 12) return 4;
  if (v >= 10) return 3;
  if (v >= 8) return 2;
  if (v >= 6) return 1;
  return 0;
}
