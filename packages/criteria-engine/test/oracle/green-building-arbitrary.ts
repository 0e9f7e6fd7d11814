/**
 * A hand-written generator of projects for the ILLUSTRATIVE green building rating, biased to every
 * band boundary (each band's threshold and one unit of the fact's precision either side) and to
 * totals near each level: a project's "strength" sets how many credits it goes for, so totals
 * spread from none to Platinum. Independent of the engine.
 */
import fc from 'fast-check';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { present } from './differential.js';

/** Each numeric fact: its bounds, its decimals and the boundaries the credits read. */
export const NUMBERS: Readonly<Record<string, { min: number; max: number; decimals: number; at: readonly number[] }>> =
  {
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

export const BOOLEANS = [
  'erosion_control_plan',
  'building_water_meter',
  'fundamental_commissioning',
  'building_energy_meter',
  'no_cfc_refrigerants',
  'recyclables_storage',
  'cd_waste_plan',
  'minimum_iaq',
  'smoking_prohibited',
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
const PREREQUISITE_FLAGS = new Set(BOOLEANS.slice(0, 9));

/**
 * One project: a strength (per mille of yes answers and of values drawn at or above the upper
 * boundaries) so totals spread across every level, and per fact a draw at one of its boundaries,
 * one step of its precision either side, or anywhere in its bounds; sometimes unknown.
 */
export function greenProjects(unknownPerMille: number): fc.Arbitrary<Assessment> {
  const names = Object.keys(NUMBERS);
  return fc
    .record({
      type: fc.constantFrom('new_construction', 'core_and_shell'),
      strength: fc.noBias(fc.integer({ min: 0, max: 1000 })),
      prerequisitesFail: fc.noBias(fc.integer({ min: 0, max: 999 })),
      flags: fc.array(fc.noBias(fc.integer({ min: 0, max: 999 })), {
        minLength: BOOLEANS.length,
        maxLength: BOOLEANS.length,
      }),
      numbers: fc.array(fc.tuple(fc.noBias(fc.integer({ min: 0, max: 999 })), fc.nat(), fc.constantFrom(-1, 0, 0, 1)), {
        minLength: names.length,
        maxLength: names.length,
      }),
      unknown: fc.array(fc.noBias(fc.integer({ min: 0, max: 999 })), {
        minLength: BOOLEANS.length + names.length,
        maxLength: BOOLEANS.length + names.length,
      }),
    })
    .map((d) => {
      const facts: Record<string, number | boolean | null | undefined> = {};
      // Prerequisites hold in most projects, so the totals decide the level; now and then one fails.
      BOOLEANS.forEach((name, i) => {
        const draw = d.flags[i] ?? 0;
        facts[name] = PREREQUISITE_FLAGS.has(name) ? !(d.prerequisitesFail < 60 && draw < 200) : draw < d.strength;
      });
      names.forEach((name, i) => {
        const spec = NUMBERS[name] as (typeof NUMBERS)[string];
        const [draw, any, nudge] = d.numbers[i] ?? [0, 0, 0];
        const unit = 10 ** -spec.decimals;
        let value: number;
        if (draw < 100) value = spec.min + (any % Math.round((spec.max - spec.min) / unit + 1)) * unit;
        else {
          // Stronger projects draw higher boundaries.
          const rank = Math.min(
            spec.at.length - 1,
            Math.floor(((draw / 1000) * 0.5 + (d.strength / 1000) * 0.7) * spec.at.length),
          );
          value = (spec.at[Math.max(0, rank)] ?? spec.min) + nudge * unit;
        }
        value = Math.min(spec.max, Math.max(spec.min, Number(value.toFixed(spec.decimals))));
        facts[name] = value;
      });
      // Most projects are big enough; a few sit at the 93 m² minimum.
      if ((d.numbers[0]?.[0] ?? 0) >= 100 && d.prerequisitesFail >= 40) facts['gross_floor_area_m2'] = 5000;
      Object.keys(facts).forEach((name, i) => {
        const draw = d.unknown[i] ?? 999;
        if (draw < unknownPerMille) facts[name] = draw % 2 === 0 ? null : undefined;
      });
      return { area: { code: 'P' }, context: { project_type: d.type }, facts: present(facts) } satisfies Assessment;
    });
}
