/**
 * The Lai Châu 2020–2025 rules as a small neutral table, from which each anchor engine's own
 * encoding is generated (json-logic, CEL, ZEN expressions, json-rules-engine rules). One table,
 * so the anchors cannot drift apart; each encoding is checked against the floor before timing.
 *
 * Two-valued: the anchors evaluate complete assessments only (see README of each encoder for
 * why). Not-applicable handling is folded in, as the ruleset declares it:
 *   2.1 not applicable counts as failed → condition `has_traditional_products ∧ improved`;
 *   2.3 not applicable for a non-agricultural bản is excluded → `applicable` below;
 *   2.5 variants by parent unit → a disjunction over the context.
 */
export type Cond =
  | { readonly kind: 'is'; readonly fact: string; readonly value: boolean }
  | { readonly kind: 'atLeast'; readonly fact: string; readonly value: number }
  | { readonly kind: 'equals'; readonly fact: string; readonly value: number }
  /** An ordinal at or above a level: its value is one of `values`. */
  | { readonly kind: 'oneOf'; readonly fact: string; readonly values: readonly string[] }
  /** part × 100 ≥ atLeast × whole; when whole is 0, `ifWholeZero`. */
  | {
      readonly kind: 'percent';
      readonly part: string;
      readonly whole: string;
      readonly atLeast: number;
      readonly ifWholeZero: boolean;
    }
  | { readonly kind: 'all'; readonly of: readonly Cond[] }
  | { readonly kind: 'any'; readonly of: readonly Cond[] }
  | { readonly kind: 'context'; readonly attribute: string; readonly value: string | boolean };

export interface AnchorCriterion {
  readonly id: string;
  /** 0-based standard index. */
  readonly group: number;
  readonly condition: Cond;
  /** When present and false, the criterion is left out of its standard's count. */
  readonly applicable?: Cond;
}

export interface AnchorRules {
  readonly groups: number;
  /** Every standard: passed × 100 ≥ this × applicable. */
  readonly atLeastPercent: number;
  readonly criteria: readonly AnchorCriterion[];
  readonly mandatory: readonly string[];
  /** The bad cases: any that holds blocks recognition. */
  readonly disqualifiers: readonly { readonly id: string; readonly condition: Cond }[];
}

const is = (fact: string, value = true): Cond => ({ kind: 'is', fact, value });
const atLeast = (fact: string, value: number): Cond => ({ kind: 'atLeast', fact, value });
const zero = (fact: string): Cond => ({ kind: 'equals', fact, value: 0 });
const pct = (part: string, whole: string, min: number, ifWholeZero: 'pass' | 'fail'): Cond => ({
  kind: 'percent',
  part,
  whole,
  atLeast: min,
  ifWholeZero: ifWholeZero === 'pass',
});
const all = (...of: Cond[]): Cond => ({ kind: 'all', of });
const any = (...of: Cond[]): Cond => ({ kind: 'any', of });
const ctx = (attribute: string, value: string | boolean): Cond => ({ kind: 'context', attribute, value });

const URBAN = ctx('unit_kind', 'to_dan_pho');
const AGRICULTURAL_BAN = all(ctx('unit_kind', 'ban'), ctx('agricultural', true));

export const LAI_CHAU_RULES: AnchorRules = {
  groups: 6,
  atLeastPercent: 80,
  mandatory: ['4.1'],
  disqualifiers: [
    { id: 'D1', condition: is('mass_or_unlawful_complaints_occurred') },
    { id: 'D2', condition: is('drug_or_prostitution_spot_present') },
    { id: 'D3', condition: is('religion_abuse_occurred') },
    { id: 'D4', condition: pct('households_violating_rules', 'households', 10, 'fail') },
  ],
  criteria: [
    { id: '1.1', group: 0, condition: pct('key_titles_trained', 'key_titles', 100, 'fail') },
    {
      id: '1.2',
      group: 0,
      condition: all(
        {
          kind: 'oneOf',
          fact: 'party_cell_rating',
          values: ['hoan_thanh_tot_nhiem_vu', 'hoan_thanh_xuat_sac_nhiem_vu'],
        },
        { kind: 'oneOf', fact: 'front_committee_rating', values: ['tot', 'xuat_sac'] },
        { kind: 'oneOf', fact: 'mass_organisations_lowest_rating', values: ['tot', 'xuat_sac'] },
      ),
    },
    { id: '1.3', group: 0, condition: pct('households_law_abiding', 'households', 98, 'fail') },
    {
      id: '1.4',
      group: 0,
      condition: all(
        pct('households_following_convention', 'households', 100, 'fail'),
        is('self_management_group_active'),
        is('disputes_settled_in_community'),
        is('grassroots_democracy_and_mediation_good'),
        is('mass_or_unlawful_complaints_occurred', false),
      ),
    },
    {
      id: '2.1',
      group: 1,
      condition: all(is('has_traditional_products'), is('traditional_products_competitiveness_improved')),
    },
    {
      id: '2.2',
      group: 1,
      condition: all(is('struggling_households_supported'), atLeast('typical_economic_models', 1)),
    },
    {
      id: '2.3',
      group: 1,
      applicable: any(URBAN, AGRICULTURAL_BAN),
      condition: any(
        all(URBAN, atLeast('civilised_business_streets', 1)),
        all(AGRICULTURAL_BAN, any(atLeast('ocop_products', 1), atLeast('value_chain_models', 1))),
      ),
    },
    { id: '2.4', group: 1, condition: is('working_age_employment_stable') },
    {
      id: '2.5',
      group: 1,
      condition: all(
        is('infrastructure_contributions_mobilised'),
        any(
          all(ctx('parent_kind', 'xa'), is('households_in_new_rural_campaign')),
          all(ctx('parent_kind', 'phuong'), is('households_in_civilised_ward_campaign')),
        ),
      ),
    },
    { id: '2.6', group: 1, condition: pct('fixed_businesses_registered', 'fixed_businesses', 100, 'pass') },
    {
      id: '2.7',
      group: 1,
      condition: all(
        is('business_culture_practised'),
        is('illicit_goods_trade_occurred', false),
        is('food_safety_kept'),
      ),
    },
    { id: '2.8', group: 1, condition: is('spontaneous_market_occurred', false) },
    { id: '3.1', group: 2, condition: is('materials_on_roadway_occurred', false) },
    { id: '3.2', group: 2, condition: is('urban_infrastructure_self_managed') },
    {
      id: '3.3',
      group: 2,
      condition: all(is('environment_propaganda_done'), is('landscape_land_building_violation_occurred', false)),
    },
    { id: '3.4', group: 2, condition: atLeast('public_cleanups_per_month', 1) },
    { id: '3.5', group: 2, condition: is('polluting_business_occurred', false) },
    { id: '3.6', group: 2, condition: is('road_sign_or_encroachment_occurred', false) },
    { id: '3.7', group: 2, condition: is('traffic_congestion_occurred', false) },
    {
      id: '4.1',
      group: 3,
      condition: all(
        atLeast('self_management_contents_registered', 1),
        pct('self_management_contents_done_well', 'self_management_contents_registered', 100, 'fail'),
      ),
    },
    { id: '4.2', group: 3, condition: all(is('civilised_street_registered'), is('civilised_street_criteria_met')) },
    { id: '4.3', group: 3, condition: is('cultural_area_recognised') },
    { id: '4.4', group: 3, condition: pct('households_civilised_lifestyle', 'households', 85, 'fail') },
    {
      id: '4.5',
      group: 3,
      condition: all(
        is('littering_occurred', false),
        is('free_roaming_livestock_occurred', false),
        is('roads_and_pavements_clean'),
        is('car_wash_runoff_occurred', false),
        is('unsafe_roadway_parking_occurred', false),
      ),
    },
    { id: '4.6', group: 3, condition: pct('flag_premises_compliant', 'flag_premises', 100, 'fail') },
    { id: '4.7', group: 3, condition: is('public_heritage_and_property_kept') },
    { id: '4.8', group: 3, condition: is('begging_hawking_or_touting_occurred', false) },
    { id: '5.1', group: 4, condition: is('humanitarian_movements_joined') },
    { id: '5.2', group: 4, condition: zero('poor_households') },
    {
      id: '5.3',
      group: 4,
      condition: pct('social_policy_beneficiaries_supported', 'social_policy_beneficiaries', 100, 'pass'),
    },
    {
      id: '5.4',
      group: 4,
      condition: all(is('health_programmes_promoted'), zero('population_policy_violations'), zero('child_marriages')),
    },
    {
      id: '5.5',
      group: 4,
      condition: all(
        pct('school_age_children_attending', 'school_age_children', 100, 'pass'),
        zero('school_dropouts'),
        is('pupils_guided_in_public_places'),
      ),
    },
    { id: '5.6', group: 4, condition: is('community_solidarity') },
    {
      id: '6.1',
      group: 5,
      condition: all(is('defence_security_propaganda_done'), is('defence_security_violation_occurred', false)),
    },
    { id: '6.2', group: 5, condition: is('defence_laws_obeyed') },
    {
      id: '6.3',
      group: 5,
      condition: all(
        pct('households_security_pledge_signed', 'households', 100, 'fail'),
        pct('households_security_pledge_kept', 'households', 98, 'fail'),
      ),
    },
    { id: '6.4', group: 5, condition: is('security_self_management_model_effective') },
    { id: '6.5', group: 5, condition: is('anti_state_or_unrest_activity_occurred', false) },
    { id: '6.6', group: 5, condition: is('crime_prevention_good') },
    {
      id: '6.7',
      group: 5,
      condition: all(
        pct('security_force_members_rated_well', 'security_force_members', 100, 'fail'),
        zero('security_force_members_disciplined'),
      ),
    },
    { id: '6.8', group: 5, condition: is('residence_registration_managed_well') },
  ],
};

/** What every anchor returns for a complete assessment. */
export type TwoValuedDecision = 'recognised' | 'not_recognised';

/** One anchor engine, loaded with the Lai Châu rules. */
export interface Anchor {
  readonly name: string;
  /** Package and version, for the table. */
  readonly library: string;
  /** Why only complete assessments are evaluated. */
  readonly threeValued: string;
  /** The encoding as the engine reads it (JSON text, CEL source…), written for inspection. */
  readonly encoding: { readonly file: string; readonly text: string };
  decide?(a: AnchorInput): TwoValuedDecision;
  decideAsync?(a: AnchorInput): Promise<TwoValuedDecision>;
}

/** The assessment as every anchor reads it: the same object the engine gets. */
export interface AnchorInput {
  readonly context: Readonly<Record<string, unknown>>;
  readonly facts: Readonly<Record<string, unknown>>;
}
