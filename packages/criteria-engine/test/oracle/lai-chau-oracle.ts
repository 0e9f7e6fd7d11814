/**
 * An independent implementation of the Lai Châu 2020–2025 recognition rules, written straight
 * from the seed's table ("BIỂU CÁC TIÊU CHÍ ĐÁNH GIÁ KHU DÂN CƯ…", seed lines 608–677) and the
 * choices the rule file declares in its comments (Q1, Q2, Q4), for differential testing. It
 * shares nothing with the engine but types: no expression language, no compiled closures, no
 * outcome bits; each criterion is plain TypeScript over the fact ids of
 * rules/lai-chau-2020-2025/ruleset.yaml. Tests only; never shipped.
 *
 * Missing data (Q5): a fact left out or null is unknown, and logic is Kleene's: `and` is false as
 * soon as one part is false, `or` true as soon as one part is true, anything else reading an
 * unknown is unknown, except a count declared part of a whole that is 0, which can only be 0. A
 * percentage with an unknown part or whole is unknown; over a whole of 0 the empty-whole choice
 * (Q4) decides. A status is reported only when every way of filling in the missing facts
 * gives that same status; otherwise it is `unknown`.
 */
import type { Assessment } from '../../src/evaluate/assessment.js';
import type { CriterionStatus, Decision, DisqualifierStatus } from '../../src/evaluate/result.js';

/** Kleene truth: undefined is unknown. */
type K = boolean | undefined;

export interface OracleResult {
  readonly decision: Decision;
  readonly criteria: Readonly<Record<string, CriterionStatus>>;
  /** How each criterion counts in its standard's 80%: certainly passed, certainly failed, left out, or not yet known. */
  readonly countsAs: Readonly<Record<string, 'passed' | 'failed' | 'excluded' | 'unknown'>>;
  readonly standards: readonly { readonly id: string; readonly passed: number; readonly applicable: number }[];
  readonly disqualifiers: Readonly<Record<string, DisqualifierStatus>>;
}

// ── Kleene logic and the measurable forms of the table ───────────────────────────────────────

const and = (...xs: K[]): K => (xs.includes(false) ? false : xs.includes(undefined) ? undefined : true);
const or = (...xs: K[]): K => (xs.includes(true) ? true : xs.includes(undefined) ? undefined : false);

/** Counts the rule file declares as parts of another count (`part_of`): a part of nothing is 0. */
const PART_OF: Readonly<Record<string, string>> = {
  households_law_abiding: 'households',
  households_following_convention: 'households',
  households_civilised_lifestyle: 'households',
  households_violating_rules: 'households',
  poor_households: 'households',
  households_security_pledge_signed: 'households',
  households_security_pledge_kept: 'households_security_pledge_signed',
  key_titles_trained: 'key_titles',
  fixed_businesses_registered: 'fixed_businesses',
  self_management_contents_done_well: 'self_management_contents_registered',
  flag_premises_compliant: 'flag_premises',
  social_policy_beneficiaries_supported: 'social_policy_beneficiaries',
  school_age_children_attending: 'school_age_children',
  school_dropouts: 'school_age_children',
  security_force_members_rated_well: 'security_force_members',
  security_force_members_disciplined: 'security_force_members',
};

function reader(a: Assessment) {
  const get = (id: string): number | boolean | string | undefined => {
    const v = a.facts[id];
    if (v !== null && v !== undefined) return v;
    const whole = PART_OF[id];
    return whole !== undefined && get(whole) === 0 ? 0 : undefined;
  };
  const num = (id: string): number | undefined => {
    const v = get(id);
    return typeof v === 'number' ? v : undefined;
  };
  return {
    /** A yes/no fact equal to `expected` (`true` for a practice, `false` for a prohibited event). */
    is: (id: string, expected: boolean): K => {
      const v = get(id);
      return typeof v === 'boolean' ? v === expected : undefined;
    },
    atLeast: (id: string, n: number): K => {
      const v = num(id);
      return v === undefined ? undefined : v >= n;
    },
    zero: (id: string): K => {
      const v = num(id);
      return v === undefined ? undefined : v === 0;
    },
    /** An ordinal at or above `floor` on `scale` (lowest first). */
    rankAtLeast: (id: string, scale: readonly string[], floor: string): K => {
      const v = get(id);
      return typeof v === 'string' ? scale.indexOf(v) >= scale.indexOf(floor) : undefined;
    },
    /** "N% trở lên": part × 100 ≥ N × whole in integers; an empty whole passes or fails as declared (Q4). */
    percentAtLeast: (part: string, whole: string, n: number, emptyWhole: 'pass' | 'fail'): K => {
      const p = num(part);
      const w = num(whole);
      if (w === 0) return emptyWhole === 'pass';
      if (p === undefined || w === undefined) return undefined;
      return p * 100 >= n * w;
    },
  };
}

const PARTY_CELL = [
  'khong_hoan_thanh_nhiem_vu',
  'hoan_thanh_nhiem_vu',
  'hoan_thanh_tot_nhiem_vu',
  'hoan_thanh_xuat_sac_nhiem_vu',
];
const ORGANISATIONS = ['yeu_kem', 'trung_binh', 'kha', 'tot', 'xuat_sac'];

/**
 * One criterion: either just a condition, or an applicability and what "not applicable" counts as
 * (2.1 and 2.3). `exclude` leaves the criterion out of its standard's count; `fail` counts it failed.
 */
type Rule =
  | { readonly condition: K }
  | { readonly applicable: K; readonly condition: K; readonly notApplicable: 'exclude' | 'fail' };

function criteria(a: Assessment): [string, Rule][] {
  const r = reader(a);
  const unitKind = a.context['unit_kind'];
  const parentKind = a.context['parent_kind'];
  const agricultural = a.context['agricultural'];
  const c = (condition: K): Rule => ({ condition });
  return [
    // Standard 1
    ['1.1', c(r.percentAtLeast('key_titles_trained', 'key_titles', 100, 'fail'))],
    [
      '1.2',
      c(
        and(
          r.rankAtLeast('party_cell_rating', PARTY_CELL, 'hoan_thanh_tot_nhiem_vu'),
          r.rankAtLeast('front_committee_rating', ORGANISATIONS, 'tot'),
          r.rankAtLeast('mass_organisations_lowest_rating', ORGANISATIONS, 'tot'),
        ),
      ),
    ],
    ['1.3', c(r.percentAtLeast('households_law_abiding', 'households', 98, 'fail'))],
    [
      '1.4',
      c(
        and(
          r.percentAtLeast('households_following_convention', 'households', 100, 'fail'),
          r.is('self_management_group_active', true),
          r.is('disputes_settled_in_community', true),
          r.is('grassroots_democracy_and_mediation_good', true),
          r.is('mass_or_unlawful_complaints_occurred', false),
        ),
      ),
    ],
    // Standard 2. Q2: no traditional products → 2.1 not applicable, counted as failed.
    [
      '2.1',
      {
        applicable: r.is('has_traditional_products', true),
        condition: r.is('traditional_products_competitiveness_improved', true),
        notApplicable: 'fail',
      },
    ],
    ['2.2', c(and(r.is('struggling_households_supported', true), r.atLeast('typical_economic_models', 1)))],
    // Q1: agricultural bản, or tổ dân phố; a non-agricultural bản has no requirement → left out.
    [
      '2.3',
      unitKind === 'ban' && agricultural === true
        ? c(or(r.atLeast('ocop_products', 1), r.atLeast('value_chain_models', 1)))
        : unitKind === 'to_dan_pho'
          ? c(r.atLeast('civilised_business_streets', 1))
          : { applicable: false, condition: undefined, notApplicable: 'exclude' },
    ],
    ['2.4', c(r.is('working_age_employment_stable', true))],
    // Chosen by the parent unit: bản of a commune → new rural area; TDP or bản of a ward → civilised ward.
    [
      '2.5',
      c(
        and(
          r.is('infrastructure_contributions_mobilised', true),
          parentKind === 'xa'
            ? r.is('households_in_new_rural_campaign', true)
            : r.is('households_in_civilised_ward_campaign', true),
        ),
      ),
    ],
    ['2.6', c(r.percentAtLeast('fixed_businesses_registered', 'fixed_businesses', 100, 'pass'))],
    [
      '2.7',
      c(
        and(
          r.is('business_culture_practised', true),
          r.is('illicit_goods_trade_occurred', false),
          r.is('food_safety_kept', true),
        ),
      ),
    ],
    ['2.8', c(r.is('spontaneous_market_occurred', false))],
    // Standard 3
    ['3.1', c(r.is('materials_on_roadway_occurred', false))],
    ['3.2', c(r.is('urban_infrastructure_self_managed', true))],
    [
      '3.3',
      c(and(r.is('environment_propaganda_done', true), r.is('landscape_land_building_violation_occurred', false))),
    ],
    ['3.4', c(r.atLeast('public_cleanups_per_month', 1))],
    ['3.5', c(r.is('polluting_business_occurred', false))],
    ['3.6', c(r.is('road_sign_or_encroachment_occurred', false))],
    ['3.7', c(r.is('traffic_congestion_occurred', false))],
    // Standard 4. Q3: at least one content registered, every registered content done well.
    [
      '4.1',
      c(
        and(
          r.atLeast('self_management_contents_registered', 1),
          r.percentAtLeast('self_management_contents_done_well', 'self_management_contents_registered', 100, 'fail'),
        ),
      ),
    ],
    ['4.2', c(and(r.is('civilised_street_registered', true), r.is('civilised_street_criteria_met', true)))],
    ['4.3', c(r.is('cultural_area_recognised', true))],
    ['4.4', c(r.percentAtLeast('households_civilised_lifestyle', 'households', 85, 'fail'))],
    [
      '4.5',
      c(
        and(
          r.is('littering_occurred', false),
          r.is('free_roaming_livestock_occurred', false),
          r.is('roads_and_pavements_clean', true),
          r.is('car_wash_runoff_occurred', false),
          r.is('unsafe_roadway_parking_occurred', false),
        ),
      ),
    ],
    ['4.6', c(r.percentAtLeast('flag_premises_compliant', 'flag_premises', 100, 'fail'))],
    ['4.7', c(r.is('public_heritage_and_property_kept', true))],
    ['4.8', c(r.is('begging_hawking_or_touting_occurred', false))],
    // Standard 5
    ['5.1', c(r.is('humanitarian_movements_joined', true))],
    ['5.2', c(r.zero('poor_households'))],
    ['5.3', c(r.percentAtLeast('social_policy_beneficiaries_supported', 'social_policy_beneficiaries', 100, 'pass'))],
    [
      '5.4',
      c(
        and(
          r.is('health_programmes_promoted', true),
          r.zero('population_policy_violations'),
          r.zero('child_marriages'),
        ),
      ),
    ],
    [
      '5.5',
      c(
        and(
          r.percentAtLeast('school_age_children_attending', 'school_age_children', 100, 'pass'),
          r.zero('school_dropouts'),
          r.is('pupils_guided_in_public_places', true),
        ),
      ),
    ],
    ['5.6', c(r.is('community_solidarity', true))],
    // Standard 6
    ['6.1', c(and(r.is('defence_security_propaganda_done', true), r.is('defence_security_violation_occurred', false)))],
    ['6.2', c(r.is('defence_laws_obeyed', true))],
    [
      '6.3',
      c(
        and(
          r.percentAtLeast('households_security_pledge_signed', 'households', 100, 'fail'),
          r.percentAtLeast('households_security_pledge_kept', 'households', 98, 'fail'),
        ),
      ),
    ],
    ['6.4', c(r.is('security_self_management_model_effective', true))],
    ['6.5', c(r.is('anti_state_or_unrest_activity_occurred', false))],
    ['6.6', c(r.is('crime_prevention_good', true))],
    [
      '6.7',
      c(
        and(
          r.percentAtLeast('security_force_members_rated_well', 'security_force_members', 100, 'fail'),
          r.zero('security_force_members_disciplined'),
        ),
      ),
    ],
    ['6.8', c(r.is('residence_registration_managed_well', true))],
  ];
}

/** Section II of the table: each the bad case. D4: "từ 10% trở lên", exactly 10% disqualifies; no households, no violation. */
function disqualifiers(a: Assessment): [string, K][] {
  const r = reader(a);
  const violating = r.percentAtLeast('households_violating_rules', 'households', 10, 'fail');
  return [
    ['D1', r.is('mass_or_unlawful_complaints_occurred', true)],
    ['D2', r.is('drug_or_prostitution_spot_present', true)],
    ['D3', r.is('religion_abuse_occurred', true)],
    ['D4', violating],
  ];
}

type Counted = 'passed' | 'failed' | 'excluded';

/** Every status the criterion could have once the missing facts are filled in, with how each counts. */
function possibilities(rule: Rule): [CriterionStatus, Counted][] {
  const byCondition: [CriterionStatus, Counted][] =
    rule.condition === true
      ? [['pass', 'passed']]
      : rule.condition === false
        ? [['fail', 'failed']]
        : [
            ['pass', 'passed'],
            ['fail', 'failed'],
          ];
  if (!('applicable' in rule)) return byCondition;
  const notApplicable: [CriterionStatus, Counted] = [
    'not_applicable',
    rule.notApplicable === 'exclude' ? 'excluded' : 'failed',
  ];
  if (rule.applicable === false) return [notApplicable];
  if (rule.applicable === true) return byCondition;
  return [notApplicable, ...byCondition];
}

const STANDARDS = ['1', '2', '3', '4', '5', '6'];

export function oracle(a: Assessment): OracleResult {
  const criteriaStatus: Record<string, CriterionStatus> = {};
  const countsAs: Record<string, 'passed' | 'failed' | 'excluded' | 'unknown'> = {};
  const tally = new Map(STANDARDS.map((s) => [s, { passed: 0, failed: 0, unknown: 0 }]));
  for (const [id, rule] of criteria(a)) {
    const options = possibilities(rule);
    const statuses = new Set(options.map(([s]) => s));
    const counts = new Set(options.map(([, c]) => c));
    criteriaStatus[id] = statuses.size === 1 ? (options[0] as [CriterionStatus, Counted])[0] : 'unknown';
    const counted = counts.size === 1 ? (options[0] as [CriterionStatus, Counted])[1] : 'unknown';
    countsAs[id] = counted;
    const t = tally.get(id.split('.')[0] as string) as { passed: number; failed: number; unknown: number };
    // Left out only when it is certainly left out; 2.3 depends on the context alone, which is always known.
    if (counted === 'passed') t.passed++;
    else if (counted === 'failed') t.failed++;
    else if (counted === 'unknown') t.unknown++;
  }

  const dq: Record<string, DisqualifierStatus> = {};
  for (const [id, v] of disqualifiers(a)) dq[id] = v === true ? 'applies' : v === false ? 'clear' : 'unknown';

  // "Ở các tiêu chuẩn đánh giá đều có ít nhất 80% trở lên số tiêu chí thành phần … đạt", in integers:
  // certainly met if the passed ones already reach 80%, certainly not if even passing every unknown one would not.
  let anyNotMet = false;
  let allMet = true;
  const standards = STANDARDS.map((id) => {
    const t = tally.get(id) as { passed: number; failed: number; unknown: number };
    const applicable = t.passed + t.failed + t.unknown;
    const met = t.passed * 100 >= 80 * applicable;
    const reachable = (t.passed + t.unknown) * 100 >= 80 * applicable;
    if (!reachable) anyNotMet = true;
    if (!met) allMet = false;
    return { id, passed: t.passed, applicable };
  });

  // "Đồng thời phải đạt các tiêu chí … thực hiện tốt các nội dung tự quản": 4.1 must pass.
  const mandatory = criteriaStatus['4.1'];
  const dqStatuses = Object.values(dq);
  const decision: Decision =
    dqStatuses.includes('applies') || anyNotMet || (mandatory !== 'pass' && mandatory !== 'unknown')
      ? 'not_recognised'
      : allMet && mandatory === 'pass' && dqStatuses.every((s) => s === 'clear')
        ? 'recognised'
        : 'undetermined';
  return { decision, criteria: criteriaStatus, countsAs, standards, disqualifiers: dq };
}
