/**
 * Differential testing of the ILLUSTRATIVE tiered new-rural commune scheme
 * (rules/ntm-commune-2021-2025): the engine against ntm-commune-oracle.ts on hand-generated
 * assessments biased to every boundary the oracle knows (each region's income row for each year
 * and the 10% / 20% above it, each share at its exact boundary and one unit either side, in the
 * facts' own decimals), complete and partial, with a fixed seed. A few thousand runs in the normal suite; `pnpm test:long` asks for
 * 100,000 or more.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import {
  assertAgreement,
  type Comparison,
  comparisonPass,
  levelDifferences,
  type Pass,
  PROPERTY_SEED,
  propertyRuns,
  summary,
} from './differential.js';
import { ntmAssessments } from './ntm-commune-arbitrary.js';
import { NTM_LEVELS, type NtmOracleResult, ntmOracle } from './ntm-commune-oracle.js';

const RULES = fileURLToPath(new URL('../../../../rules/ntm-commune-2021-2025/ruleset.yaml', import.meta.url));
const ruleset = loadRulesetOrThrow(readFileSync(RULES, 'utf8'), { file: RULES });
const RUNS = propertyRuns(3000);
const TIMEOUT = Math.max(120_000, RUNS * 3);

const assessments = fc.oneof(
  { arbitrary: ntmAssessments(0), weight: 3 },
  { arbitrary: ntmAssessments(20), weight: 2 },
  { arbitrary: ntmAssessments(150), weight: 1 },
);

function differences(a: Assessment, expected: NtmOracleResult): string[] {
  const checked = ruleset.validateAssessment(a);
  if (!checked.value) return [`generated an invalid assessment: ${checked.diagnostics.map((d) => d.code).join(', ')}`];
  const { out, engine } = levelDifferences(ruleset, checked.value, expected);
  const criteria = new Map(engine.criteria.map((c) => [c.id, c]));
  for (const [id, status] of Object.entries(expected.criteria)) {
    const e = criteria.get(id);
    if (e?.status !== status) out.push(`criterion ${id} status: engine ${String(e?.status)}, oracle ${status}`);
  }
  for (const [id, status] of Object.entries(expected.disqualifiers)) {
    const e = engine.disqualifiers.find((x) => x.id === id);
    if (e?.status !== status) out.push(`disqualifier ${id}: engine ${String(e?.status)}, oracle ${status}`);
  }
  return out;
}

const comparison: Comparison<NtmOracleResult> = {
  assessments,
  oracle: ntmOracle,
  label: (r) => String(r.level.reached ?? (r.level.possible === null ? 'none' : `undetermined<=${r.level.possible}`)),
  differences,
  runs: RUNS,
  seed: PROPERTY_SEED,
};

let pass: Pass;

describe('engine vs independent oracle on the ILLUSTRATIVE new-rural commune scheme', () => {
  beforeAll(() => {
    pass = comparisonPass(comparison);
    console.log(summary('ntm-commune oracle', pass, PROPERTY_SEED));
  }, TIMEOUT);

  it('the oracle is not trivially agreeable: the hand-written anchors', () => {
    const base = readBase();
    expect(ntmOracle(base).level).toEqual({ reached: 'kieu_mau', possible: 'kieu_mau' });
    // Income exactly at the 2024 Red River Delta minimum (58) passes; one tenth of a million less in total fails.
    const at = { ...base, context: { region: 'dong_bang_song_hong' }, area: { date: '2024-05-01' } };
    const atMin = { ...at, facts: { ...at.facts, population: 1000, total_income: 58000, insured_people: 950 } };
    expect(ntmOracle(atMin).criteria['10']).toBe('pass');
    expect(ntmOracle(atMin).level.reached).toBe('dat_chuan');
    expect(ntmOracle({ ...atMin, facts: { ...atMin.facts, total_income: 57999.9 } }).criteria['10']).toBe('fail');
    expect(ntmOracle({ ...atMin, facts: { ...atMin.facts, total_income: 57999.9 } }).decision).toBe('not_recognised');
    // The same income in 2023 (minimum 55) is below 1.1 × 55 = 60.5: still only đạt chuẩn; 60.5 exactly is nâng cao.
    expect(ntmOracle({ ...atMin, area: { date: '2023-12-31' } }).level.reached).toBe('dat_chuan');
    expect(
      ntmOracle({
        ...atMin,
        area: { date: '2023-12-31' },
        facts: { ...atMin.facts, total_income: 60500 },
      }).level.reached,
    ).toBe('nang_cao');
    // The year picks the row: 50 per person is nâng cao in 2024 (row 45), đạt chuẩn in 2025 (row 48).
    const fifty = { ...base, facts: { ...base.facts, population: 1000, total_income: 50000, insured_people: 950 } };
    expect(ntmOracle(fifty).level.reached).toBe('nang_cao');
    expect(ntmOracle({ ...fifty, area: { date: '2025-01-01' } }).level.reached).toBe('dat_chuan');
    // No date: income cannot be judged.
    expect(ntmOracle({ ...base, area: {} }).criteria['10']).toBe('unknown');
    // Income unknown: nothing reached, every tier possible.
    expect(ntmOracle({ ...base, facts: { ...base.facts, total_income: null } }).level).toEqual({
      reached: null,
      possible: 'kieu_mau',
    });
    // 2.5% of 1000 households poor passes nâng cao's limit exactly; 26 fails it but not đạt chuẩn's 13%.
    const poor = (n: number) => ntmOracle({ ...base, facts: { ...base.facts, households: 1000, poor_households: n } });
    expect(poor(25).criteria['NC11']).toBe('pass');
    expect(poor(26).level).toEqual({ reached: 'dat_chuan', possible: 'dat_chuan' });
    expect(poor(130).level.reached).toBe('dat_chuan');
    expect(poor(131).level.possible).toBe(null);
    // D2 blocks the tiers above đạt chuẩn only.
    expect(ntmOracle({ ...base, facts: { ...base.facts, serious_pollution_unresolved: true } }).level.reached).toBe(
      'dat_chuan',
    );
    expect(ntmOracle({ ...base, facts: { ...base.facts, prolonged_mass_complaints: true } }).decision).toBe(
      'not_recognised',
    );
    // No outstanding field: nâng cao, not kiểu mẫu; one unknown: kiểu mẫu still possible.
    const none = Object.fromEntries(
      ['production', 'education', 'culture_tourism', 'environment', 'security', 'digital'].map((f) => [
        `outstanding_${f}`,
        false,
      ]),
    );
    expect(ntmOracle({ ...base, facts: { ...base.facts, ...none } }).level).toEqual({
      reached: 'nang_cao',
      possible: 'nang_cao',
    });
    expect(ntmOracle({ ...base, facts: { ...base.facts, ...none, outstanding_digital: null } }).level).toEqual({
      reached: 'nang_cao',
      possible: 'kieu_mau',
    });
  });

  it(`compared ${RUNS} assessments, with every level well represented`, () => {
    expect(pass.runs).toBe(RUNS);
    for (const level of [...NTM_LEVELS, 'none']) expect(pass.labels[level] ?? 0).toBeGreaterThan(RUNS / 40);
    const undetermined = Object.entries(pass.labels)
      .filter(([k]) => k.startsWith('undetermined'))
      .reduce((n, [, v]) => n + v, 0);
    expect(undetermined).toBeGreaterThan(RUNS / 40);
  });

  it(
    'agrees on the decision and the level (evaluate and decide), every criterion and every disqualifier',
    () => {
      if (pass.differences.length > 0) assertAgreement(comparison);
      expect(pass.differences).toEqual([]);
    },
    TIMEOUT,
  );
});

function readBase(): Assessment {
  return {
    area: { code: 'X-01', date: '2024-06-30' },
    context: { region: 'trung_du_mien_nui_phia_bac' },
    facts: {
      population: 5000,
      total_income: 300000, // 60 per person: ≥ 45 × 1.2 = 54
      households: 1200,
      poor_households: 12,
      planning_approved: true,
      road_length_km: 25.5,
      road_paved_km: 25.5,
      road_lit_km: 12.75,
      cultivated_area_ha: 850.5,
      irrigated_area_ha: 700,
      disaster_prevention_met: true,
      households_safe_power: 1190,
      schools: 4,
      schools_meeting_standard: 4,
      cultural_facilities_met: true,
      rural_market_met: true,
      information_met: true,
      solid_houses: 1100,
      temporary_houses: 0,
      working_age_population: 3000,
      working_age_employed: 2800,
      cooperative_effective: true,
      value_chain_models: 2,
      education_universalised: true,
      insured_people: 4500,
      villages: 10,
      cultural_villages: 8,
      environment_met: true,
      food_safety_incidents: 0,
      households_sorting_waste: 700,
      officials_meeting_standard: true,
      law_access_met: true,
      defence_security_met: true,
      online_public_services_used: true,
      prolonged_mass_complaints: false,
      serious_pollution_unresolved: false,
      outstanding_production: false,
      outstanding_education: true,
      outstanding_culture_tourism: false,
      outstanding_environment: false,
      outstanding_security: false,
      outstanding_digital: false,
    },
  };
}
