/**
 * An independent implementation of the ILLUSTRATIVE points-and-levels green building rating
 * (rules/green-building-illustrative/ruleset.yaml), written from the credit table the file states
 * and the format's documented semantics (docs/rule-format.md): a credit's points are an interval
 * [least, most] over what is unknown, over every completion of the unknown facts within their
 * declared bounds; a step table gives the points of the highest band reached, never above its
 * cap; "best of" gives the largest of the options that hold; a credit with points passes when it
 * certainly earns one or more, fails when it certainly earns none; a prerequisite (0 points)
 * passes or fails by its condition; totals add intervals; a level holds when every prerequisite
 * passes, no disqualifier applies and the total's least reaches the level (certainly not when a
 * prerequisite fails, a disqualifier applies or the total's most falls short). Shares nothing
 * with the engine but types; numbers are exact (exact.ts). Tests only.
 */
import type { Assessment } from '../../src/evaluate/assessment.js';
import type { CriterionStatus, Decision, DisqualifierStatus } from '../../src/evaluate/result.js';
import { frac, ge } from './exact.js';

type K = boolean | undefined;

export const GREEN_LEVELS = [
  ['certified', 40],
  ['silver', 50],
  ['gold', 60],
  ['platinum', 80],
] as const;
export type GreenLevel = (typeof GREEN_LEVELS)[number][0];

/** Points over the unknowns: the fewest and the most a credit (or a total) can still earn. */
export interface Span {
  readonly least: number;
  readonly most: number;
}

export interface GreenOracleResult {
  readonly decision: Decision;
  readonly level: { readonly reached: GreenLevel | null; readonly possible: GreenLevel | null };
  readonly criteria: Readonly<Record<string, CriterionStatus>>;
  readonly points: Readonly<Record<string, Span>>;
  readonly groups: Readonly<Record<string, Span>>;
  readonly total: Span;
  readonly disqualifiers: Readonly<Record<string, DisqualifierStatus>>;
}

const and = (...xs: K[]): K => (xs.includes(false) ? false : xs.includes(undefined) ? undefined : true);
const or = (...xs: K[]): K => (xs.includes(true) ? true : xs.includes(undefined) ? undefined : false);
/** At least k of these hold: certainly when k are true, certainly not when even every unknown would not make k. */
const atLeast = (k: number, xs: K[]): K => {
  const yes = xs.filter((x) => x === true).length;
  const maybe = xs.filter((x) => x === undefined).length;
  return yes >= k ? true : yes + maybe < k ? false : undefined;
};

/** A step table: ascending bands [threshold (decimal text), points]. */
type Bands = readonly (readonly [string, number])[];

/** Points of the highest band `value` reaches, capped. */
function bandPoints(value: number, bands: Bands, cap = Number.POSITIVE_INFINITY): number {
  let points = 0;
  for (const [at, p] of bands) if (ge(frac(value), frac(at))) points = p;
  return Math.min(points, cap);
}

const fixed = (k: K, points: number): Span =>
  k === true ? { least: points, most: points } : k === false ? { least: 0, most: 0 } : { least: 0, most: points };

const bestOf = (...options: Span[]): Span => ({
  least: Math.max(0, ...options.map((o) => o.least)),
  most: Math.max(0, ...options.map((o) => o.most)),
});

/** Bounds of each numeric fact, as the file declares them: an unknown value can be anything within. */
const BOUNDS: Readonly<Record<string, readonly [number, number]>> = {
  diverse_uses_nearby: [0, 100],
  weekday_transit_trips: [0, 5000],
  habitat_restored_pct: [0, 100],
  rainfall_percentile_managed: [0, 100],
  outdoor_water_reduction_pct: [0, 100],
  indoor_water_reduction_pct: [0, 100],
  energy_cost_saving_pct: [-100, 100],
  renewable_energy_pct: [0, 100],
  green_power_pct: [0, 100],
  epd_products: [0, 1000],
  responsibly_sourced_pct: [0, 100],
  diverted_waste_pct: [0, 100],
  low_emitting_categories: [0, 7],
  daylit_area_pct: [0, 100],
  regional_priority_achieved: [0, 6],
};

export function greenOracle(a: Assessment): GreenOracleResult {
  const num = (id: string): number | undefined => {
    const v = a.facts[id];
    return typeof v === 'number' ? v : undefined;
  };
  const is = (id: string): K => {
    const v = a.facts[id];
    return typeof v === 'boolean' ? v : undefined;
  };
  const min = (id: string, n: number | string): K => {
    const v = num(id);
    return v === undefined ? undefined : ge(frac(v), frac(n));
  };
  /** A step table over a fact: the band of its value, or the span over its declared bounds when unknown (band points grow with the value). */
  const steps = (id: string, bands: Bands, cap?: number): Span => {
    const v = num(id);
    if (v !== undefined) {
      const p = bandPoints(v, bands, cap);
      return { least: p, most: p };
    }
    const [lo, hi] = BOUNDS[id] as readonly [number, number];
    return { least: bandPoints(lo, bands, cap), most: bandPoints(hi, bands, cap) };
  };
  /** A step table over a count of yes/no facts: from the count of those known true to that plus the unknown ones. */
  const stepsOfCount = (ids: readonly string[], bands: Bands): Span => {
    const xs = ids.map(is);
    const yes = xs.filter((x) => x === true).length;
    const maybe = xs.filter((x) => x === undefined).length;
    return { least: bandPoints(yes, bands), most: bandPoints(yes + maybe, bands) };
  };
  /** The credit earns its steps only when the condition holds. */
  const onlyIf = (k: K, s: Span): Span =>
    k === true ? s : k === false ? { least: 0, most: 0 } : { least: 0, most: s.most };

  const type = a.context['project_type'];
  const newConstruction = type === 'new_construction';
  const threeOfFour = atLeast(3, [
    is('entryway_systems'),
    is('cross_contamination_prevention'),
    is('enhanced_filtration'),
    is('natural_ventilation_design'),
  ]);
  const cx = is('enhanced_commissioning');
  const mbcx = is('monitoring_based_commissioning');

  const prerequisites: Record<string, [string, K]> = {
    SSp1: ['SS', is('erosion_control_plan')],
    WEp1: ['WE', min('outdoor_water_reduction_pct', 30)],
    WEp2: ['WE', min('indoor_water_reduction_pct', 20)],
    WEp3: ['WE', is('building_water_meter')],
    EAp1: ['EA', is('fundamental_commissioning')],
    EAp2: ['EA', min('energy_cost_saving_pct', newConstruction ? 5 : 3)],
    EAp3: ['EA', is('building_energy_meter')],
    EAp4: ['EA', is('no_cfc_refrigerants')],
    MRp1: ['MR', is('recyclables_storage')],
    MRp2: ['MR', is('cd_waste_plan')],
    EQp1: ['EQ', is('minimum_iaq')],
    EQp2: ['EQ', is('smoking_prohibited')],
  };

  const credits: Record<string, [string, Span]> = {
    IPc1: ['IP', fixed(is('integrative_process'), 1)],
    LTc1: ['LT', fixed(is('sensitive_land_avoided'), 1)],
    LTc2: [
      'LT',
      bestOf(
        fixed(is('historic_district'), 1),
        fixed(is('priority_designation'), 1),
        fixed(is('brownfield_remediated'), 2),
      ),
    ],
    LTc3: [
      'LT',
      steps('diverse_uses_nearby', [
        ['4', 1],
        ['8', 2],
      ]),
    ],
    LTc5: [
      'LT',
      steps('weekday_transit_trips', [
        ['72', 1],
        ['144', 3],
        ['360', 5],
      ]),
    ],
    LTc6: ['LT', fixed(is('bicycle_facilities'), 1)],
    LTc7: ['LT', fixed(min('parking_reduction_pct', 20), 1)],
    LTc8: ['LT', fixed(min('green_vehicle_parking_pct', 5), 1)],
    SSc1: ['SS', fixed(is('site_assessment'), 1)],
    SSc2: [
      'SS',
      steps('habitat_restored_pct', [
        ['30', 1],
        ['50', 2],
      ]),
    ],
    SSc3: ['SS', fixed(min('open_space_pct', 30), 1)],
    SSc4: [
      'SS',
      steps('rainfall_percentile_managed', [
        ['80', 1],
        ['85', 2],
        ['95', 3],
      ]),
    ],
    SSc5: [
      'SS',
      bestOf(
        fixed(atLeast(2, [is('reflective_roof'), is('vegetated_roof'), is('shaded_hardscape')]), 2),
        fixed(is('covered_parking'), 1),
      ),
    ],
    SSc6: ['SS', fixed(is('light_pollution_controlled'), 1)],
    WEc1: [
      'WE',
      steps('outdoor_water_reduction_pct', [
        ['50', 1],
        ['100', 2],
      ]),
    ],
    WEc2: [
      'WE',
      steps('indoor_water_reduction_pct', [
        ['25', 1],
        ['30', 2],
        ['35', 3],
        ['40', 4],
        ['45', 5],
        ['50', 6],
      ]),
    ],
    WEc4: ['WE', fixed(min('water_submeters', 2), 1)],
    EAc1: ['EA', bestOf(fixed(cx, 3), fixed(and(cx, mbcx), 4), fixed(and(cx, mbcx, is('envelope_commissioning')), 6))],
    EAc2: [
      'EA',
      steps('energy_cost_saving_pct', [
        ['6', 1],
        ['8', 2],
        ['10', 3],
        ['12', 4],
        ['14', 5],
        ['16', 6],
        ['18', 7],
        ['20', 8],
        ['22', 9],
        ['24', 10],
        ['26', 11],
        ['29', 12],
        ['32.5', 13],
        ['35', 14],
        ['38', 15],
        ['42', 16],
        ['46', 17],
        ['50', 18],
      ]),
    ],
    EAc3: ['EA', fixed(is('advanced_energy_metering'), 1)],
    EAc4: ['EA', bestOf(fixed(is('demand_response_program'), 2), fixed(is('demand_response_capable'), 1))],
    EAc5: [
      'EA',
      steps('renewable_energy_pct', [
        ['1', 1],
        ['5', 2],
        ['10', 3],
      ]),
    ],
    EAc6: ['EA', fixed(is('enhanced_refrigerant'), 1)],
    EAc7: [
      'EA',
      onlyIf(
        min('green_power_contract_years', 5),
        steps('green_power_pct', [
          ['50', 1],
          ['100', 2],
        ]),
      ),
    ],
    MRc1: ['MR', fixed(min('embodied_carbon_reduction_pct', 10), newConstruction ? 3 : 4)],
    MRc2: [
      'MR',
      steps('epd_products', [
        ['20', 1],
        ['40', 2],
      ]),
    ],
    MRc3: [
      'MR',
      steps('responsibly_sourced_pct', [
        ['15', 1],
        ['25', 2],
      ]),
    ],
    MRc5: [
      'MR',
      steps('diverted_waste_pct', [
        ['50', 1],
        ['75', 2],
      ]),
    ],
    EQc1: [
      'EQ',
      bestOf(
        fixed(threeOfFour, 1),
        fixed(and(threeOfFour, or(is('co2_monitoring'), is('additional_source_control'))), 2),
      ),
    ],
    EQc2: [
      'EQ',
      steps('low_emitting_categories', [
        ['2', 1],
        ['3', 2],
        ['4', 3],
      ]),
    ],
    EQc3: ['EQ', fixed(is('construction_iaq_plan'), 1)],
    EQc4: ['EQ', bestOf(fixed(is('flush_out'), 1), fixed(is('air_testing'), 2))],
    EQc5: ['EQ', fixed(is('thermal_comfort'), 1)],
    EQc6: ['EQ', fixed(is('interior_lighting_controls'), 1)],
    EQc7: [
      'EQ',
      steps('daylit_area_pct', [
        ['55', 1],
        ['75', 2],
        ['90', 3],
      ]),
    ],
    INc1: [
      'IN',
      stepsOfCount(
        [
          'innovation_pilot_credit',
          'innovation_exemplary_energy',
          'innovation_exemplary_water',
          'innovation_green_cleaning',
          'innovation_education',
          'innovation_pest_management',
        ],
        [
          ['1', 1],
          ['2', 2],
          ['3', 3],
          ['4', 4],
          ['5', 5],
        ],
      ),
    ],
    INc2: ['IN', fixed(is('accredited_professional'), 1)],
    RPc1: [
      'RP',
      steps(
        'regional_priority_achieved',
        [
          ['1', 1],
          ['2', 2],
          ['3', 3],
          ['4', 4],
          ['5', 5],
          ['6', 6],
        ],
        4,
      ),
    ],
  };

  const criteria: Record<string, CriterionStatus> = {};
  const points: Record<string, Span> = {};
  const groups: Record<string, { least: number; most: number }> = {};
  for (const g of ['IP', 'LT', 'SS', 'WE', 'EA', 'MR', 'EQ', 'IN', 'RP']) groups[g] = { least: 0, most: 0 };
  for (const [id, [, k]] of Object.entries(prerequisites)) {
    criteria[id] = k === true ? 'pass' : k === false ? 'fail' : 'unknown';
    points[id] = { least: 0, most: 0 };
  }
  const total = { least: 0, most: 0 };
  for (const [id, [group, span]] of Object.entries(credits)) {
    criteria[id] = span.least >= 1 ? 'pass' : span.most === 0 ? 'fail' : 'unknown';
    points[id] = span;
    const g = groups[group] as { least: number; most: number };
    g.least += span.least;
    g.most += span.most;
    total.least += span.least;
    total.most += span.most;
  }

  const area = num('gross_floor_area_m2');
  const mpr: K = area === undefined ? undefined : !ge(frac(area), frac(93));
  const disqualifiers = {
    MPR1: (mpr === true ? 'applies' : mpr === false ? 'clear' : 'unknown') as DisqualifierStatus,
  };

  const base = and(mpr === undefined ? undefined : !mpr, ...Object.values(prerequisites).map(([, k]) => k));
  let reached: GreenLevel | null = null;
  let possible: GreenLevel | null = null;
  for (const [id, threshold] of GREEN_LEVELS) {
    const totalMeets: K = total.least >= threshold ? true : total.most < threshold ? false : undefined;
    const level = and(base, totalMeets);
    if (level === true) reached = id;
    if (level !== false) possible = id;
  }
  const decision: Decision = reached !== null ? 'recognised' : possible === null ? 'not_recognised' : 'undetermined';
  return { decision, level: { reached, possible }, criteria, points, groups, total, disqualifiers };
}
