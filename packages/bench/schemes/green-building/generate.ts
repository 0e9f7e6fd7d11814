/**
 * A seeded workload for the ILLUSTRATIVE points-and-levels scheme: projects whose "strength" sets
 * how many credits they go for, so totals spread from no level to Platinum, with numbers drawn at
 * the step tables' boundaries (and one unit either side) or anywhere in their bounds. Returned as
 * JSON text, which the bench parses with `JSON.parse` as input from HTTP or a file would be.
 * Uniform: every fact present; mixed: 25% of projects miss 1–4 facts.
 */
import { mulberry32 } from '../../../criteria-engine/src/testing/seeded-random.js';

/** Each numeric fact: its bounds, its decimals and the boundaries the credits read. */
const NUMBERS: Readonly<Record<string, { min: number; max: number; decimals: number; at: readonly number[] }>> = {
  gross_floor_area_m2: { min: 0, max: 1_000_000, decimals: 1, at: [93, 5000] },
  outdoor_water_reduction_pct: { min: 0, max: 100, decimals: 1, at: [30, 50, 100] },
  indoor_water_reduction_pct: { min: 0, max: 100, decimals: 1, at: [20, 25, 30, 35, 40, 45, 50] },
  energy_cost_saving_pct: {
    min: -100,
    max: 100,
    decimals: 1,
    at: [3, 5, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 29, 32.5, 35, 38, 42, 46, 50],
  },
  renewable_energy_pct: { min: 0, max: 100, decimals: 1, at: [1, 5, 10] },
  green_power_pct: { min: 0, max: 100, decimals: 0, at: [50, 100] },
  green_power_contract_years: { min: 0, max: 50, decimals: 0, at: [5] },
  diverted_waste_pct: { min: 0, max: 100, decimals: 1, at: [50, 75] },
  diverse_uses_nearby: { min: 0, max: 100, decimals: 0, at: [4, 8] },
  weekday_transit_trips: { min: 0, max: 5000, decimals: 0, at: [72, 144, 360] },
  parking_reduction_pct: { min: 0, max: 100, decimals: 0, at: [20] },
  green_vehicle_parking_pct: { min: 0, max: 100, decimals: 1, at: [5] },
  habitat_restored_pct: { min: 0, max: 100, decimals: 0, at: [30, 50] },
  open_space_pct: { min: 0, max: 100, decimals: 0, at: [30] },
  rainfall_percentile_managed: { min: 0, max: 100, decimals: 0, at: [80, 85, 95] },
  water_submeters: { min: 0, max: 1000, decimals: 0, at: [2] },
  embodied_carbon_reduction_pct: { min: 0, max: 100, decimals: 0, at: [10] },
  epd_products: { min: 0, max: 1000, decimals: 0, at: [20, 40] },
  responsibly_sourced_pct: { min: 0, max: 100, decimals: 0, at: [15, 25] },
  low_emitting_categories: { min: 0, max: 7, decimals: 0, at: [2, 3, 4] },
  daylit_area_pct: { min: 0, max: 100, decimals: 0, at: [55, 75, 90] },
  regional_priority_achieved: { min: 0, max: 6, decimals: 0, at: [1, 2, 3, 4, 5, 6] },
};

/** The prerequisites' yes/no facts first (they hold in most projects), then the credits'. */
const PREREQUISITES = [
  'erosion_control_plan',
  'building_water_meter',
  'fundamental_commissioning',
  'building_energy_meter',
  'no_cfc_refrigerants',
  'recyclables_storage',
  'cd_waste_plan',
  'minimum_iaq',
  'smoking_prohibited',
];
const CREDIT_FLAGS = [
  'integrative_process',
  'sensitive_land_avoided',
  'historic_district',
  'priority_designation',
  'brownfield_remediated',
  'bicycle_facilities',
  'site_assessment',
  'reflective_roof',
  'vegetated_roof',
  'shaded_hardscape',
  'covered_parking',
  'light_pollution_controlled',
  'enhanced_commissioning',
  'monitoring_based_commissioning',
  'envelope_commissioning',
  'advanced_energy_metering',
  'demand_response_program',
  'demand_response_capable',
  'enhanced_refrigerant',
  'entryway_systems',
  'cross_contamination_prevention',
  'enhanced_filtration',
  'natural_ventilation_design',
  'co2_monitoring',
  'additional_source_control',
  'construction_iaq_plan',
  'flush_out',
  'air_testing',
  'thermal_comfort',
  'interior_lighting_controls',
  'innovation_pilot_credit',
  'innovation_exemplary_energy',
  'innovation_exemplary_water',
  'innovation_green_cleaning',
  'innovation_education',
  'innovation_pest_management',
  'accredited_professional',
];

/**
 * `n` projects as JSON text (an array). With `mixed`, a quarter of them miss 1–4 facts; the same
 * seed gives the same projects either way, so the two workloads differ only by what is missing.
 */
export function greenProjectsJson(n: number, seed: number, mixed: boolean): string {
  const random = mulberry32(seed);
  const names = Object.keys(NUMBERS);
  const projects: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const strength = random();
    const prerequisiteFails = random() < 0.06;
    const facts: Record<string, number | boolean> = {};
    for (const name of PREREQUISITES) facts[name] = !(prerequisiteFails && random() < 0.2);
    for (const name of CREDIT_FLAGS) facts[name] = random() < strength;
    for (const name of names) {
      const spec = NUMBERS[name] as (typeof NUMBERS)[string];
      const unit = 10 ** -spec.decimals;
      let value: number;
      if (random() < 0.1) value = spec.min + Math.floor(random() * ((spec.max - spec.min) / unit + 1)) * unit;
      else {
        // Stronger projects draw higher boundaries; then one unit under, at, or over it.
        const rank = Math.min(spec.at.length - 1, Math.floor((random() * 0.5 + strength * 0.7) * spec.at.length));
        value = (spec.at[rank] ?? spec.min) + (Math.floor(random() * 3) - 1) * unit;
      }
      facts[name] = Math.min(spec.max, Math.max(spec.min, Number(value.toFixed(spec.decimals))));
    }
    if (random() < 0.9) facts['gross_floor_area_m2'] = 5000;
    // Drawn in both workloads (so the draws that follow are the same), applied in the mixed one.
    const drop = random() < 0.25 ? 1 + Math.floor(random() * 4) : 0;
    const all = Object.keys(facts);
    for (let d = 0; d < drop; d++) {
      const name = all[Math.floor(random() * all.length)] as string;
      if (mixed) delete facts[name];
    }
    const type = random() < 0.5 ? 'new_construction' : 'core_and_shell';
    projects.push({ area: { code: `P${i + 1}` }, context: { project_type: type }, facts });
  }
  return JSON.stringify(projects);
}
