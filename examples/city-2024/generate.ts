/**
 * Writes the 2024 example workbook of the city, assessments-2024.xlsx, and its CSV twin, in the
 * layout of `lcz template`: 70 residential areas in the city's 7 units (5 wards, 2 communes).
 *
 *   npx tsx --conditions=@lcz/source examples/city-2024/generate.ts [output folder]
 *
 * The figures are illustrative, not survey data: each area starts from a profile that meets every
 * criterion and then gets a few weaknesses, more for weaker areas, drawn with a seeded PRNG
 * (mulberry32), so the same command always writes the same rows. A few areas leave facts blank
 * (unknown, never false: their result is undetermined) and three rows are deliberately bad, to
 * show how lcz reports a bad cell at its row and column:
 *
 *   - SP-05: "12a" households (not a whole number)
 *   - DK-09: more law-abiding households than households (a part larger than its whole)
 *   - QTi-04: party cell rating "Tốt", which is not a rating of the party-cell scale
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAssessments, type BatchInputRow, type InputValue } from '@lcz/criteria-batch';
import { loadRulesetFile } from '@lcz/criteria-engine/node';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const OUT = process.argv[2] ?? HERE;
const RULES = fileURLToPath(new URL('../../rules/lai-chau-2020-2025', import.meta.url));
const YEAR = 2024;
const SEED = 20_241_015;

/** The city's units and their areas, as in the 2020 survey (wards: tổ dân phố; communes: bản). */
const UNITS = [
  { unit: 'Phường Tân Phong', code: 'TP', kind: 'phuong', areas: 15, bans: 0 },
  { unit: 'Phường Quyết Thắng', code: 'QTh', kind: 'phuong', areas: 6, bans: 1 },
  { unit: 'Phường Đoàn Kết', code: 'DK', kind: 'phuong', areas: 13, bans: 0 },
  { unit: 'Phường Đông Phong', code: 'DP', kind: 'phuong', areas: 6, bans: 1 },
  { unit: 'Phường Quyết Tiến', code: 'QTi', kind: 'phuong', areas: 8, bans: 0 },
  { unit: 'Xã San Thành', code: 'ST', kind: 'xa', areas: 9, bans: 9 },
  { unit: 'Xã Sùng Phài', code: 'SP', kind: 'xa', areas: 13, bans: 13 },
] as const;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(SEED);
const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

type Facts = Record<string, InputValue>;

/** An area that meets every criterion of its kind. */
function strongProfile(households: number, ban: boolean, ward: boolean): Facts {
  const titles = between(9, 13);
  const businesses = ban ? between(0, 8) : between(15, 45);
  const beneficiaries = between(12, 40);
  const children = Math.round(households * 0.3);
  const guards = between(8, 16);
  const traditional = ban ? random() < 0.7 : random() < 0.25;
  return {
    households,
    households_law_abiding: households - Math.floor(households * 0.015),
    households_following_convention: households,
    households_civilised_lifestyle: households - Math.floor(households * 0.08),
    households_violating_rules: Math.floor(households * 0.015),
    poor_households: 0,
    households_security_pledge_signed: households,
    households_security_pledge_kept: households - Math.floor(households * 0.015),
    key_titles: titles,
    key_titles_trained: titles,
    party_cell_rating: pick(['hoan_thanh_tot_nhiem_vu', 'hoan_thanh_xuat_sac_nhiem_vu']),
    front_committee_rating: pick(['tot', 'xuat_sac']),
    mass_organisations_lowest_rating: 'tot',
    self_management_group_active: true,
    disputes_settled_in_community: true,
    grassroots_democracy_and_mediation_good: true,
    mass_or_unlawful_complaints_occurred: false,
    has_traditional_products: traditional,
    traditional_products_competitiveness_improved: traditional ? true : null,
    typical_economic_models: between(1, 3),
    struggling_households_supported: true,
    ocop_products: ban ? between(0, 2) : null,
    value_chain_models: ban ? between(1, 2) : null,
    civilised_business_streets: ban ? null : between(1, 2),
    working_age_employment_stable: true,
    infrastructure_contributions_mobilised: true,
    households_in_new_rural_campaign: ward ? null : true,
    households_in_civilised_ward_campaign: ward ? true : null,
    fixed_businesses: businesses,
    fixed_businesses_registered: businesses,
    business_culture_practised: true,
    illicit_goods_trade_occurred: false,
    food_safety_kept: true,
    spontaneous_market_occurred: false,
    materials_on_roadway_occurred: false,
    urban_infrastructure_self_managed: true,
    environment_propaganda_done: true,
    landscape_land_building_violation_occurred: false,
    public_cleanups_per_month: pick([1, 2, 2, 4]),
    polluting_business_occurred: false,
    road_sign_or_encroachment_occurred: false,
    traffic_congestion_occurred: false,
    self_management_contents_registered: between(1, 4),
    self_management_contents_done_well: null, // set below: all registered contents done well
    civilised_street_registered: true,
    civilised_street_criteria_met: true,
    cultural_area_recognised: true,
    littering_occurred: false,
    free_roaming_livestock_occurred: false,
    roads_and_pavements_clean: true,
    car_wash_runoff_occurred: false,
    unsafe_roadway_parking_occurred: false,
    flag_premises: households + between(1, 6),
    flag_premises_compliant: null, // set below: all premises
    public_heritage_and_property_kept: true,
    begging_hawking_or_touting_occurred: false,
    humanitarian_movements_joined: true,
    social_policy_beneficiaries: beneficiaries,
    social_policy_beneficiaries_supported: beneficiaries,
    health_programmes_promoted: true,
    population_policy_violations: 0,
    child_marriages: 0,
    school_age_children: children,
    school_age_children_attending: children,
    school_dropouts: 0,
    pupils_guided_in_public_places: true,
    community_solidarity: true,
    defence_security_propaganda_done: true,
    defence_security_violation_occurred: false,
    defence_laws_obeyed: true,
    security_self_management_model_effective: true,
    anti_state_or_unrest_activity_occurred: false,
    crime_prevention_good: true,
    security_force_members: guards,
    security_force_members_rated_well: guards,
    security_force_members_disciplined: 0,
    residence_registration_managed_well: true,
    drug_or_prostitution_spot_present: false,
    religion_abuse_occurred: false,
  };
}

/** Things that go wrong in real areas, each breaking one criterion (or a disqualifying case). */
const WEAKNESSES: readonly ((f: Facts, households: number) => void)[] = [
  (f, h) => (f['households_law_abiding'] = h - Math.ceil(h * 0.04)), // 1.3 below 98%
  (f) => (f['party_cell_rating'] = 'hoan_thanh_nhiem_vu'), // 1.2
  (f) => (f['key_titles_trained'] = Number(f['key_titles']) - 1), // 1.1
  (f) => (f['working_age_employment_stable'] = false), // 2.4
  (f) => (f['fixed_businesses_registered'] = Math.max(0, Number(f['fixed_businesses']) - 1)), // 2.6
  (f) => (f['spontaneous_market_occurred'] = true), // 2.8
  (f) => (f['typical_economic_models'] = 0), // 2.2
  (f) => (f['materials_on_roadway_occurred'] = true), // 3.1
  (f) => (f['traffic_congestion_occurred'] = true), // 3.7
  (f) => (f['road_sign_or_encroachment_occurred'] = true), // 3.6
  (f) => (f['landscape_land_building_violation_occurred'] = true), // 3.3
  (f) => (f['cultural_area_recognised'] = false), // 4.3
  (f) => (f['littering_occurred'] = true), // 4.5
  (f) => (f['unsafe_roadway_parking_occurred'] = true), // 4.5
  (f, h) => (f['households_civilised_lifestyle'] = Math.floor(h * 0.8)), // 4.4 below 85%
  (f) => (f['flag_premises_compliant'] = Number(f['flag_premises']) - 2), // 4.6
  (f) => (f['poor_households'] = between(1, 6)), // 5.2
  (f) => (f['poor_households'] = between(2, 9)), // 5.2, the most frequent shortfall
  (f) => (f['school_dropouts'] = 1), // 5.5
  (f) => (f['child_marriages'] = 1), // 5.4
  (f, h) => (f['households_security_pledge_kept'] = h - Math.ceil(h * 0.05)), // 6.3 below 98%
  (f) => (f['security_self_management_model_effective'] = false), // 6.4
  (f) => (f['security_force_members_rated_well'] = Number(f['security_force_members']) - 1), // 6.7
  (f) => (f['self_management_contents_done_well'] = Number(f['self_management_contents_registered']) - 1), // 4.1, mandatory
];

/** Rarer, graver cases: any one blocks recognition. */
const DISQUALIFYING: readonly ((f: Facts, households: number) => void)[] = [
  (f) => (f['mass_or_unlawful_complaints_occurred'] = true), // D1 (and 1.4)
  (f) => (f['drug_or_prostitution_spot_present'] = true), // D2
  (f, h) => (f['households_violating_rules'] = Math.ceil(h * 0.1)), // D4: exactly 10% or more
];

/** Facts left blank in an area still collecting its data (unknown, so: undetermined). */
const STILL_COLLECTING: readonly (readonly string[])[] = [
  ['self_management_contents_registered', 'self_management_contents_done_well'],
  ['households_security_pledge_signed', 'households_security_pledge_kept'],
  ['drug_or_prostitution_spot_present'],
];

function areas(): BatchInputRow[] {
  const rows: BatchInputRow[] = [];
  for (const u of UNITS) {
    const ward = u.kind === 'phuong';
    for (let n = 1; n <= u.areas; n++) {
      const ban = !ward || n > u.areas - u.bans;
      const agricultural = ban ? (ward ? random() < 0.5 : random() < 0.9) : null;
      const households = ban ? between(45, 140) : between(120, 320);
      const facts = strongProfile(households, ban, ward);
      facts['self_management_contents_done_well'] = facts['self_management_contents_registered'] ?? null;
      facts['flag_premises_compliant'] = facts['flag_premises'] ?? null;
      if (ban && agricultural === false) {
        facts['ocop_products'] = null;
        facts['value_chain_models'] = null;
      }
      // Tiers: about 30% strong (0–1 weakness), 35% fair (2–3), 35% weak (3–7); a strong area
      // still collecting some of its data cannot be decided yet.
      const tier = random();
      const strong = tier < 0.3;
      const weaknesses = strong ? between(0, 1) : tier < 0.65 ? between(2, 3) : between(3, 7);
      for (let k = 0; k < weaknesses; k++) pick(WEAKNESSES)(facts, households);
      if (random() < 0.06) pick(DISQUALIFYING)(facts, households);
      const code = `${u.code}-${String(n).padStart(2, '0')}`;
      if (random() < (strong ? 0.25 : 0.05)) for (const id of pick(STILL_COLLECTING)) facts[id] = null;
      rows.push({
        area: { code, name: ban ? `Bản số ${n}` : `Tổ dân phố số ${n}`, unit: u.unit, year: YEAR },
        context: { unit_kind: ban ? 'ban' : 'to_dan_pho', parent_kind: u.kind, agricultural },
        facts,
      });
    }
  }
  return rows.map(withDeliberateMistakes);
}

/** The three bad rows of the example, described in the header comment. */
function withDeliberateMistakes(row: BatchInputRow): BatchInputRow {
  const facts = { ...row.facts };
  switch (row.area.code) {
    case 'SP-05':
      facts['households'] = { raw: '12a' };
      break;
    case 'DK-09':
      facts['households_law_abiding'] = Number(facts['households']) + 4;
      break;
    case 'QTi-04':
      facts['party_cell_rating'] = { raw: 'Tốt' };
      break;
    default:
      return row;
  }
  return { ...row, facts };
}

const loaded = await loadRulesetFile(RULES);
if (loaded.value === undefined) throw new Error('the rules in rules/lai-chau-2020-2025 do not load: run lcz validate');
const rows = areas();
await writeAssessments(loaded.value, join(OUT, 'assessments-2024.xlsx'), rows, { format: 'xlsx' });
await writeAssessments(loaded.value, join(OUT, 'assessments-2024.csv'), rows, { format: 'csv' });
console.log(`wrote ${rows.length} areas to ${join(OUT, 'assessments-2024.xlsx')} and .csv`);
