/**
 * Differential testing of the ILLUSTRATIVE points-and-levels green building rating
 * (rules/green-building-illustrative): the engine against green-building-oracle.ts on
 * hand-generated assessments biased to every band boundary (each band's threshold, one unit of
 * the fact's precision either side) and to totals near each level (strong, middling and weak
 * projects), complete and partial, with a fixed seed. A few thousand runs in the normal suite;
 * `pnpm test:long` asks for 100,000 or more.
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
import { BOOLEANS, greenProjects, NUMBERS } from './green-building-arbitrary.js';
import { GREEN_LEVELS, type GreenOracleResult, greenOracle } from './green-building-oracle.js';

const RULES = fileURLToPath(new URL('../../../../rules/green-building-illustrative/ruleset.yaml', import.meta.url));
const ruleset = loadRulesetOrThrow(readFileSync(RULES, 'utf8'), { file: RULES });
const RUNS = propertyRuns(3000);
const TIMEOUT = Math.max(120_000, RUNS * 3);

const assessments = fc.oneof(
  { arbitrary: greenProjects(0), weight: 3 },
  { arbitrary: greenProjects(15), weight: 2 },
  { arbitrary: greenProjects(120), weight: 1 },
);

function differences(a: Assessment, expected: GreenOracleResult): string[] {
  const checked = ruleset.validateAssessment(a);
  if (!checked.value) return [`generated an invalid assessment: ${checked.diagnostics.map((d) => d.code).join(', ')}`];
  const { out, engine } = levelDifferences(ruleset, checked.value, expected);
  const criteria = new Map(engine.criteria.map((c) => [c.id, c]));
  for (const [id, status] of Object.entries(expected.criteria)) {
    const e = criteria.get(id);
    if (e?.status !== status) out.push(`criterion ${id} status: engine ${String(e?.status)}, oracle ${status}`);
    const span = expected.points[id] as { least: number; most: number };
    const earned = pointsOf(e);
    if (earned?.least !== span.least || earned.most !== span.most)
      out.push(
        `criterion ${id} points: engine ${String(earned?.least)}..${String(earned?.most)}, oracle ${span.least}..${span.most}`,
      );
  }
  const total = totalOf(engine);
  if (total?.least !== expected.total.least || total.most !== expected.total.most)
    out.push(
      `total points: engine ${String(total?.least)}..${String(total?.most)}, oracle ${expected.total.least}..${expected.total.most}`,
    );
  for (const [id, span] of Object.entries(expected.groups)) {
    const g = totalOf(engine.standards.find((x) => x.id === id));
    if (g?.least !== span.least || g.most !== span.most)
      out.push(
        `group ${id} points: engine ${String(g?.least)}..${String(g?.most)}, oracle ${span.least}..${span.most}`,
      );
  }
  const e = engine.disqualifiers.find((x) => x.id === 'MPR1');
  if (e?.status !== expected.disqualifiers['MPR1'])
    out.push(`disqualifier MPR1: engine ${String(e?.status)}, oracle ${String(expected.disqualifiers['MPR1'])}`);
  return out;
}

/** A criterion's points interval as the engine reports it (`earned`, docs/rule-format.md "The result"). */
function pointsOf(c: unknown): { least: number; most: number } | undefined {
  const p = (c as { earned?: { least?: number; most?: number } } | undefined)?.earned;
  return typeof p?.least === 'number' && typeof p.most === 'number' ? { least: p.least, most: p.most } : undefined;
}
/** The overall total (`points_total` of the result) or a standard's (`points_total` of the standard). */
function totalOf(result: unknown): { least: number; most: number } | undefined {
  const p = (result as { points_total?: { least?: number; most?: number } } | undefined)?.points_total;
  return typeof p?.least === 'number' && typeof p.most === 'number' ? { least: p.least, most: p.most } : undefined;
}

const comparison: Comparison<GreenOracleResult> = {
  assessments,
  oracle: greenOracle,
  label: (r) => String(r.level.reached ?? (r.level.possible === null ? 'none' : 'undetermined')),
  differences,
  runs: RUNS,
  seed: PROPERTY_SEED,
};

let pass: Pass;

describe('engine vs independent oracle on the ILLUSTRATIVE green building rating', () => {
  beforeAll(() => {
    pass = comparisonPass(comparison);
    console.log(summary('green-building oracle', pass, PROPERTY_SEED));
  }, TIMEOUT);

  it('the oracle is not trivially agreeable: the hand-written anchors', () => {
    const base = platinum();
    const r = greenOracle(base);
    expect(r.total).toEqual({ least: 98, most: 98 });
    expect(r.level).toEqual({ reached: 'platinum', possible: 'platinum' });
    expect(greenOracle({ ...base, context: { project_type: 'core_and_shell' } }).total.least).toBe(99);
    // EAc2 at 32.5% earns 13, at 32.4% 12; the energy saving unknown spans 0..18.
    const energy = (v: number | null) => greenOracle({ ...base, facts: { ...base.facts, energy_cost_saving_pct: v } });
    expect(energy(32.5).points['EAc2']).toEqual({ least: 13, most: 13 });
    expect(energy(32.4).points['EAc2']).toEqual({ least: 12, most: 12 });
    expect(energy(null).points['EAc2']).toEqual({ least: 0, most: 18 });
    // Unknown energy also leaves the EAp2 prerequisite unknown: nothing is reached for certain.
    expect(energy(null).level).toEqual({ reached: null, possible: 'platinum' });
    // A prerequisite failing blocks every level, whatever the points.
    expect(greenOracle({ ...base, facts: { ...base.facts, smoking_prohibited: false } }).decision).toBe(
      'not_recognised',
    );
    // RPc1: 6 achieved still counts 4.
    expect(r.points['RPc1']).toEqual({ least: 4, most: 4 });
    // Innovation: 3 known, 2 unknown, 1 no → 3..5.
    const innovation = greenOracle({
      ...base,
      facts: {
        ...base.facts,
        innovation_education: null,
        innovation_pest_management: null,
        innovation_green_cleaning: false,
      },
    });
    expect(innovation.points['INc1']).toEqual({ least: 3, most: 5 });
    // Gold at 79: take away 19 points (EAc2 18 → 0 at 5.9%, and IPc1).
    const gold = greenOracle({
      ...base,
      facts: { ...base.facts, energy_cost_saving_pct: 5.9, integrative_process: false },
    });
    expect(gold.total.least).toBe(79);
    expect(gold.level.reached).toBe('gold');
    // Heat island: two of three roofs/hardscape give 2; one only and covered parking 1.
    const heat = greenOracle({ ...base, facts: { ...base.facts, vegetated_roof: false, shaded_hardscape: false } });
    expect(heat.points['SSc5']).toEqual({ least: 1, most: 1 });
    // Green power without a 5-year contract earns nothing.
    expect(greenOracle({ ...base, facts: { ...base.facts, green_power_contract_years: 4 } }).points['EAc7']).toEqual({
      least: 0,
      most: 0,
    });
    expect(greenOracle({ ...base, facts: { ...base.facts, gross_floor_area_m2: 92.9 } }).disqualifiers['MPR1']).toBe(
      'applies',
    );
  });

  it(`compared ${RUNS} assessments, with every level well represented`, () => {
    expect(pass.runs).toBe(RUNS);
    for (const [level] of GREEN_LEVELS) expect(pass.labels[level] ?? 0).toBeGreaterThan(RUNS / 40);
    for (const label of ['none', 'undetermined']) expect(pass.labels[label] ?? 0).toBeGreaterThan(RUNS / 40);
  });

  it(
    'agrees on the decision and the level (evaluate and decide), every criterion and its points, the total and the disqualifier',
    () => {
      if (pass.differences.length > 0) assertAgreement(comparison);
      expect(pass.differences).toEqual([]);
    },
    TIMEOUT,
  );
});

/** Every credit at its top: 98 points for new construction. */
function platinum(): Assessment {
  const facts: Record<string, number | boolean> = Object.fromEntries(BOOLEANS.map((b) => [b, true]));
  for (const [name, spec] of Object.entries(NUMBERS)) facts[name] = spec.at[spec.at.length - 1] ?? spec.max;
  facts['regional_priority_achieved'] = 6;
  return { area: { code: 'P-1' }, context: { project_type: 'new_construction' }, facts };
}
