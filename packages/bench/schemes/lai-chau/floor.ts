/**
 * The floor: the Lai Châu 2020–2025 rules written by hand as one plain TypeScript function,
 * decision only, three-valued like the engine (a fact left out or null is unknown; Kleene
 * and/or; a group is met when even the worst completion of its unknown criteria reaches 80%,
 * not met when even the best does not). No rule file, no closures, no allocation per call: the
 * fastest this decision can reasonably be written, and an independent oracle for the engine.
 *
 * Written from rules/lai-chau-2020-2025/ruleset.yaml and docs, not from the engine's code.
 */
import type { Assessment, Decision } from '@lcz/criteria-engine';

type K = boolean | undefined; // three-valued truth: undefined is unknown
type Facts = Readonly<Record<string, unknown>>;

/** Criterion outcome codes. */
const PASS = 1;
const FAIL = 0;
const UNKNOWN = 2;
const EXCLUDED = 3;

// The helpers take VALUES, never names: every fact is read at its own site with a literal key
// (a monomorphic named load), as a person writing this by hand would.
type V = unknown;
const known = (v: V): boolean => v !== null && v !== undefined;
/** A boolean fact equals `want`. */
const is = (v: V, want: boolean): K => (known(v) ? v === want : undefined);
const atLeast = (v: V, n: number): K => (known(v) ? (v as number) >= n : undefined);
const zero = (v: V): K => (known(v) ? v === 0 : undefined);
/** part × 100 ≥ p × whole in integers; an empty whole takes `ifZero`. */
// A part of a whole known to be 0 can only be 0 (every part here is declared part_of its whole),
// so an empty whole decides even when the part is left out.
const pct = (part: V, whole: V, p: number, ifZero: boolean): K => {
  if (!known(whole)) return undefined;
  if (whole === 0) return ifZero;
  if (!known(part)) return undefined;
  return (part as number) * 100 >= p * (whole as number);
};
const partyAtLeastWell = (v: V): K =>
  known(v) ? v === 'hoan_thanh_tot_nhiem_vu' || v === 'hoan_thanh_xuat_sac_nhiem_vu' : undefined;
const gradeAtLeastGood = (v: V): K => (known(v) ? v === 'tot' || v === 'xuat_sac' : undefined);
const and = (a: K, b: K): K =>
  a === false || b === false ? false : a === undefined || b === undefined ? undefined : true;
const or = (a: K, b: K): K =>
  a === true || b === true ? true : a === undefined || b === undefined ? undefined : false;
const code = (v: K): number => (v === true ? PASS : v === false ? FAIL : UNKNOWN);

// State of the call in progress, at module level so that the floor allocates nothing per call
// (no closures, no arrays). Not re-entrant, which a synchronous function need not be.
let passed = 0;
let failed = 0;
let unknown = 0;
let blocked = false; // a certain "no"
let certain = true; // no doubt left
let out: { [g: number]: number } | undefined;

const tally = (o: number): void => {
  if (o === PASS) passed++;
  else if (o === FAIL) failed++;
  else if (o === UNKNOWN) unknown++;
};
/** Close standard g: met if the worst completion reaches 80%, not met if even the best does not. */
const group = (g: number): void => {
  if (out) out[g] = passed;
  const applicable = passed + failed + unknown;
  if (passed * 100 >= 80 * applicable) {
    // met even if every unknown criterion fails
  } else if ((passed + unknown) * 100 < 80 * applicable) blocked = true;
  else certain = false;
  passed = failed = unknown = 0;
};
/** A part that must hold (mandatory criterion) or must not (disqualifier, `bad` = true). */
const must = (v: K, bad: boolean): void => {
  if (v === undefined) certain = false;
  else if (v === bad) blocked = true;
};

/**
 * The decision for one assessment. When `passedOut` is given, it receives per standard (1–6) the
 * number of criteria certainly passed, as `decide()` reports them.
 */
// Parts (part_of) of each whole, a whole before its own parts' parts: a part of a whole known to be
// 0 can only be 0, as the rule file declares. Written out by hand, like the rest of the floor.
const PARTS: readonly (readonly [part: string, whole: string])[] = [
  ['households_law_abiding', 'households'],
  ['households_following_convention', 'households'],
  ['households_civilised_lifestyle', 'households'],
  ['households_violating_rules', 'households'],
  ['poor_households', 'households'],
  ['households_security_pledge_signed', 'households'],
  ['households_security_pledge_kept', 'households_security_pledge_signed'],
  ['key_titles_trained', 'key_titles'],
  ['fixed_businesses_registered', 'fixed_businesses'],
  ['self_management_contents_done_well', 'self_management_contents_registered'],
  ['flag_premises_compliant', 'flag_premises'],
  ['social_policy_beneficiaries_supported', 'social_policy_beneficiaries'],
  ['school_age_children_attending', 'school_age_children'],
  ['school_dropouts', 'school_age_children'],
  ['security_force_members_rated_well', 'security_force_members'],
  ['security_force_members_disciplined', 'security_force_members'],
];

/**
 * Whether some whole is 0 while a part of it is unknown, read with literal keys as a person would
 * write it: the common path of every call, so it must not be a loop of keyed loads (that made the
 * floor slower than it need be, and flattered every ratio). A part of a part is caught through its
 * own whole: if `households` is 0 and `households_security_pledge_signed` unknown, this holds already.
 */
function needsImpliedZeros(f: Facts): boolean {
  const h = f['households'] === 0;
  const s = f['households_security_pledge_signed'] === 0 || (h && !known(f['households_security_pledge_signed']));
  return (
    (h &&
      (!known(f['households_law_abiding']) ||
        !known(f['households_following_convention']) ||
        !known(f['households_civilised_lifestyle']) ||
        !known(f['households_violating_rules']) ||
        !known(f['poor_households']) ||
        !known(f['households_security_pledge_signed']))) ||
    (s && !known(f['households_security_pledge_kept'])) ||
    (f['key_titles'] === 0 && !known(f['key_titles_trained'])) ||
    (f['fixed_businesses'] === 0 && !known(f['fixed_businesses_registered'])) ||
    (f['self_management_contents_registered'] === 0 && !known(f['self_management_contents_done_well'])) ||
    (f['flag_premises'] === 0 && !known(f['flag_premises_compliant'])) ||
    (f['social_policy_beneficiaries'] === 0 && !known(f['social_policy_beneficiaries_supported'])) ||
    (f['school_age_children'] === 0 && (!known(f['school_age_children_attending']) || !known(f['school_dropouts']))) ||
    (f['security_force_members'] === 0 &&
      (!known(f['security_force_members_rated_well']) || !known(f['security_force_members_disciplined'])))
  );
}

/** The facts as given, or (only when some whole is 0 and its part left out) a copy with those parts 0. */
function withImpliedZeros(f: Facts): Facts {
  if (!needsImpliedZeros(f)) return f;
  let out: Record<string, unknown> | undefined;
  for (const [part, whole] of PARTS) {
    const from = out ?? f;
    if (from[whole] === 0 && !known(from[part])) {
      out ??= { ...f };
      out[part] = 0;
    }
  }
  return out ?? f;
}

export function floorDecide(a: Assessment, passedOut?: { [g: number]: number }): Decision {
  const f = withImpliedZeros(a.facts as Facts);
  const ctx = a.context;
  out = passedOut;
  blocked = false;
  certain = true;
  passed = failed = unknown = 0;

  // Disqualifiers D1–D4: the bad case holds → blocked.
  must(is(f['mass_or_unlawful_complaints_occurred'], true), true);
  must(is(f['drug_or_prostitution_spot_present'], true), true);
  must(is(f['religion_abuse_occurred'], true), true);
  must(pct(f['households_violating_rules'], f['households'], 10, false), true);

  // One function per standard keeps each small enough for V8 to inline the helpers.
  standard1(f);
  group(0);
  standard2(f, ctx['unit_kind'] === 'to_dan_pho', ctx['parent_kind'] === 'phuong', ctx['agricultural']);
  group(1);
  standard3(f);
  group(2);
  const c41 = standard4(f);
  group(3);
  standard5(f);
  group(4);
  standard6(f);
  group(5);

  // Mandatory 4.1.
  must(c41, false);
  out = undefined;
  return blocked ? 'not_recognised' : certain ? 'recognised' : 'undetermined';
}

/** Standard 1 (4 criteria, 4 must pass). */
function standard1(f: Facts): void {
  tally(code(pct(f['key_titles_trained'], f['key_titles'], 100, false)));
  tally(
    code(
      and(
        partyAtLeastWell(f['party_cell_rating']),
        and(gradeAtLeastGood(f['front_committee_rating']), gradeAtLeastGood(f['mass_organisations_lowest_rating'])),
      ),
    ),
  );
  tally(code(pct(f['households_law_abiding'], f['households'], 98, false)));
  tally(
    code(
      and(
        and(
          pct(f['households_following_convention'], f['households'], 100, false),
          is(f['self_management_group_active'], true),
        ),
        and(
          and(is(f['disputes_settled_in_community'], true), is(f['grassroots_democracy_and_mediation_good'], true)),
          is(f['mass_or_unlawful_complaints_occurred'], false),
        ),
      ),
    ),
  );
}

/** Standard 2 (8 criteria; 2.3 left out for a non-agricultural bản). */
function standard2(f: Facts, urban: boolean, inWard: boolean, agricultural: unknown): void {
  // 2.1: not applicable without traditional products, and that counts as failed: has ∧ improved.
  tally(
    code(and(is(f['has_traditional_products'], true), is(f['traditional_products_competitiveness_improved'], true))),
  );
  tally(code(and(is(f['struggling_households_supported'], true), atLeast(f['typical_economic_models'], 1))));
  if (urban) tally(code(atLeast(f['civilised_business_streets'], 1)));
  else if (agricultural === true) tally(code(or(atLeast(f['ocop_products'], 1), atLeast(f['value_chain_models'], 1))));
  else if (agricultural === false) tally(EXCLUDED);
  else tally(UNKNOWN);
  tally(code(is(f['working_age_employment_stable'], true)));
  tally(
    code(
      and(
        is(f['infrastructure_contributions_mobilised'], true),
        inWard ? is(f['households_in_civilised_ward_campaign'], true) : is(f['households_in_new_rural_campaign'], true),
      ),
    ),
  );
  tally(code(pct(f['fixed_businesses_registered'], f['fixed_businesses'], 100, true)));
  tally(
    code(
      and(
        and(is(f['business_culture_practised'], true), is(f['illicit_goods_trade_occurred'], false)),
        is(f['food_safety_kept'], true),
      ),
    ),
  );
  tally(code(is(f['spontaneous_market_occurred'], false)));
}

/** Standard 3 (7 criteria, 6 must pass). */
function standard3(f: Facts): void {
  tally(code(is(f['materials_on_roadway_occurred'], false)));
  tally(code(is(f['urban_infrastructure_self_managed'], true)));
  tally(
    code(and(is(f['environment_propaganda_done'], true), is(f['landscape_land_building_violation_occurred'], false))),
  );
  tally(code(atLeast(f['public_cleanups_per_month'], 1)));
  tally(code(is(f['polluting_business_occurred'], false)));
  tally(code(is(f['road_sign_or_encroachment_occurred'], false)));
  tally(code(is(f['traffic_congestion_occurred'], false)));
}

/** Standard 4 (8 criteria, 7 must pass); 4.1 is also mandatory. */
function standard4(f: Facts): K {
  const c41 = and(
    atLeast(f['self_management_contents_registered'], 1),
    pct(f['self_management_contents_done_well'], f['self_management_contents_registered'], 100, false),
  );
  tally(code(c41));
  tally(code(and(is(f['civilised_street_registered'], true), is(f['civilised_street_criteria_met'], true))));
  tally(code(is(f['cultural_area_recognised'], true)));
  tally(code(pct(f['households_civilised_lifestyle'], f['households'], 85, false)));
  tally(
    code(
      and(
        and(is(f['littering_occurred'], false), is(f['free_roaming_livestock_occurred'], false)),
        and(
          is(f['roads_and_pavements_clean'], true),
          and(is(f['car_wash_runoff_occurred'], false), is(f['unsafe_roadway_parking_occurred'], false)),
        ),
      ),
    ),
  );
  tally(code(pct(f['flag_premises_compliant'], f['flag_premises'], 100, false)));
  tally(code(is(f['public_heritage_and_property_kept'], true)));
  tally(code(is(f['begging_hawking_or_touting_occurred'], false)));
  return c41;
}

/** Standard 5 (6 criteria, 5 must pass). */
function standard5(f: Facts): void {
  tally(code(is(f['humanitarian_movements_joined'], true)));
  tally(code(zero(f['poor_households'])));
  tally(code(pct(f['social_policy_beneficiaries_supported'], f['social_policy_beneficiaries'], 100, true)));
  tally(
    code(
      and(
        is(f['health_programmes_promoted'], true),
        and(zero(f['population_policy_violations']), zero(f['child_marriages'])),
      ),
    ),
  );
  tally(
    code(
      and(
        pct(f['school_age_children_attending'], f['school_age_children'], 100, true),
        and(zero(f['school_dropouts']), is(f['pupils_guided_in_public_places'], true)),
      ),
    ),
  );
  tally(code(is(f['community_solidarity'], true)));
}

/** Standard 6 (8 criteria, 7 must pass). */
function standard6(f: Facts): void {
  tally(
    code(and(is(f['defence_security_propaganda_done'], true), is(f['defence_security_violation_occurred'], false))),
  );
  tally(code(is(f['defence_laws_obeyed'], true)));
  tally(
    code(
      and(
        pct(f['households_security_pledge_signed'], f['households'], 100, false),
        pct(f['households_security_pledge_kept'], f['households'], 98, false),
      ),
    ),
  );
  tally(code(is(f['security_self_management_model_effective'], true)));
  tally(code(is(f['anti_state_or_unrest_activity_occurred'], false)));
  tally(code(is(f['crime_prevention_good'], true)));
  tally(
    code(
      and(
        pct(f['security_force_members_rated_well'], f['security_force_members'], 100, false),
        zero(f['security_force_members_disciplined']),
      ),
    ),
  );
  tally(code(is(f['residence_registration_managed_well'], true)));
}
