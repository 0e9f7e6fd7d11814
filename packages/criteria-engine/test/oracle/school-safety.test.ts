/**
 * Differential testing of the ILLUSTRATIVE English-only scheme (examples/school-safety, native
 * ids): the engine against school-safety-oracle.ts, on assessments from two generators, the
 * engine's own (biased to the thresholds it reads from the rule file) and a hand-written one
 * (biased to the boundaries the oracle knows), complete and partial, with a fixed seed.
 * A few thousand runs in the normal suite; `pnpm test:long` asks for 100,000 or more.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import { assessmentArbitrary } from '../../src/testing.js';
import {
  assertAgreement,
  type Comparison,
  comparisonPass,
  maybeUnknown,
  nearBoundaries,
  type Pass,
  PROPERTY_SEED,
  present,
  propertyRuns,
  summary,
} from './differential.js';
import { type SchoolOracleResult, schoolOracle } from './school-safety-oracle.js';

const RULES = fileURLToPath(new URL('../../../../examples/school-safety/ruleset.yaml', import.meta.url));
const ruleset = loadRulesetOrThrow(readFileSync(RULES, 'utf8'), { file: RULES });
const RUNS = propertyRuns(4000);
const TIMEOUT = Math.max(120_000, RUNS * 2);

/** Hand-written: every fact near the boundaries the checklist names, sometimes unknown. */
function handWritten(unknownPerMille: number): fc.Arbitrary<Assessment> {
  const u = <T>(a: fc.Arbitrary<T>) => maybeUnknown(a, unknownPerMille);
  return fc
    .record({
      boarding: fc.boolean(), // the context is always given (input_context_missing otherwise)
      pupils: u(nearBoundaries(0, 5000, [0, 1, 10, 400, 5000])),
      drilledShare: fc.integer({ min: 0, max: 1000 }),
      drilledNudge: fc.constantFrom(-1, 0, 1),
      drilledUnknown: u(fc.constant(true)),
      fire_exits: u(nearBoundaries(0, 100, [2])),
      extinguishers_checked: u(fc.boolean()),
      first_aid_staff: u(nearBoundaries(0, 500, [1])),
      water_tested: u(fc.boolean()),
      dorm_night_staff: u(nearBoundaries(0, 500, [0, 3, 125])),
      bedsNudge: u(fc.constantFrom(-1, 0, 1, 40, -200)),
      inspection_rating: u(fc.constantFrom('poor', 'fair', 'good')),
      serious_incidents: u(nearBoundaries(0, 1000, [0, 3])),
    })
    .map((r) => {
      // pupils_drilled at, just below or above the 90% boundary of pupils (or anywhere), never above pupils.
      let drilled: number | null | undefined;
      if (typeof r.pupils === 'number') {
        const boundary =
          r.drilledShare < 700 ? Math.ceil((r.pupils * 9) / 10) : Math.floor((r.pupils * r.drilledShare) / 1000);
        drilled = Math.min(r.pupils, Math.max(0, boundary + r.drilledNudge));
      } else drilled = r.drilledShare % 3 === 0 ? Math.min(5000, r.drilledShare * 5) : undefined;
      if (r.drilledUnknown !== true) drilled = r.drilledUnknown === null ? null : undefined;
      // dorm_beds at 40 per night staff, one either side, or elsewhere.
      const staff = typeof r.dorm_night_staff === 'number' ? r.dorm_night_staff : 3;
      const beds =
        typeof r.bedsNudge === 'number' ? Math.min(5000, Math.max(0, staff * 40 + r.bedsNudge)) : r.bedsNudge;
      return {
        area: { code: 'S', date: '2025-06-30' },
        context: present({ boarding: r.boarding }),
        facts: present({
          pupils: r.pupils,
          pupils_drilled: drilled,
          fire_exits: r.fire_exits,
          extinguishers_checked: r.extinguishers_checked,
          first_aid_staff: r.first_aid_staff,
          water_tested: r.water_tested,
          dorm_beds: beds,
          dorm_night_staff: r.dorm_night_staff,
          inspection_rating: r.inspection_rating,
          serious_incidents: r.serious_incidents,
        }),
      } satisfies Assessment;
    });
}

const assessments = fc.oneof(
  { arbitrary: assessmentArbitrary(ruleset), weight: 2 },
  { arbitrary: assessmentArbitrary(ruleset, { unknownRate: 0.1 }), weight: 1 },
  { arbitrary: handWritten(0), weight: 2 },
  { arbitrary: handWritten(40), weight: 2 },
  { arbitrary: handWritten(250), weight: 1 },
);

function differences(a: Assessment, expected: SchoolOracleResult): string[] {
  const out: string[] = [];
  const checked = ruleset.validateAssessment(a);
  if (!checked.value) return [`generated an invalid assessment: ${checked.diagnostics.map((d) => d.code).join(', ')}`];
  const engine = ruleset.evaluate(checked.value);
  if (engine.decision !== expected.decision)
    out.push(`decision: engine ${engine.decision}, oracle ${expected.decision}`);
  const fast = ruleset.decide(checked.value).decision;
  if (fast !== expected.decision) out.push(`decide(): engine ${fast}, oracle ${expected.decision}`);
  for (const g of expected.groups) {
    const e = engine.standards.find((x) => x.id === g.id);
    const got = `${String(e?.passed)}/${String(e?.failed)}/${String(e?.applicable)} ${String(e?.status)}`;
    const want = `${g.passed}/${g.failed}/${g.applicable} ${g.status}`;
    if (got !== want) out.push(`group ${g.id} passed/failed/applicable status: engine ${got}, oracle ${want}`);
  }
  const criteria = new Map(engine.criteria.map((c) => [c.id, c]));
  for (const [id, status] of Object.entries(expected.criteria)) {
    const e = criteria.get(id);
    if (e?.status !== status) out.push(`criterion ${id} status: engine ${String(e?.status)}, oracle ${status}`);
    if (e?.counts_as !== expected.countsAs[id])
      out.push(`criterion ${id} counts as: engine ${String(e?.counts_as)}, oracle ${String(expected.countsAs[id])}`);
  }
  for (const [id, status] of Object.entries(expected.disqualifiers)) {
    const e = engine.disqualifiers.find((d) => d.id === id);
    if (e?.status !== status) out.push(`disqualifier ${id}: engine ${String(e?.status)}, oracle ${status}`);
  }
  if (engine.criteria.length !== 8 || engine.disqualifiers.length !== 1)
    out.push('the engine does not report 8 criteria and 1 disqualifier');
  return out;
}

const comparison: Comparison<SchoolOracleResult> = {
  assessments,
  oracle: schoolOracle,
  label: (r) => r.decision,
  differences,
  runs: RUNS,
  seed: PROPERTY_SEED,
};

let pass: Pass;

describe('engine vs independent oracle on the ILLUSTRATIVE school safety checklist', () => {
  beforeAll(() => {
    pass = comparisonPass(comparison);
    console.log(summary('school-safety oracle', pass, PROPERTY_SEED));
  }, TIMEOUT);

  it('the oracle is not trivially agreeable: it reads the checklist the way the hand-written cases say', () => {
    const day: Assessment = {
      context: { boarding: false },
      facts: {
        pupils: 400,
        pupils_drilled: 360,
        fire_exits: 2,
        extinguishers_checked: true,
        first_aid_staff: 1,
        water_tested: true,
        inspection_rating: 'fair',
        serious_incidents: 0,
      },
    };
    expect(schoolOracle(day).decision).toBe('recognised');
    expect(schoolOracle(day).criteria['HWc3']).toBe('not_applicable');
    expect(schoolOracle({ ...day, facts: { ...day.facts, pupils_drilled: 359 } }).criteria['FSc3']).toBe('fail');
    expect(schoolOracle({ ...day, facts: { ...day.facts, fire_exits: 1 } }).decision).toBe('not_recognised');
    const noAid = schoolOracle({ ...day, facts: { ...day.facts, first_aid_staff: null } });
    expect(noAid.decision).toBe('undetermined');
    expect(noAid.groups.find((g) => g.id === 'HW')?.status).toBe('unknown');
    const boarding: Assessment = {
      context: { boarding: true },
      facts: { ...day.facts, dorm_beds: 121, dorm_night_staff: 3, water_tested: false },
    };
    expect(schoolOracle(boarding).criteria['HWc3']).toBe('fail');
    expect(schoolOracle(boarding).decision).toBe('not_recognised');
    expect(schoolOracle({ ...boarding, facts: { ...boarding.facts, dorm_beds: 120 } }).decision).toBe('recognised');
    expect(schoolOracle({ ...day, facts: { ...day.facts, serious_incidents: 3 } }).disqualifiers['X1']).toBe('applies');
    expect(schoolOracle({ ...day, facts: { ...day.facts, pupils: 0, pupils_drilled: null } }).criteria['FSc3']).toBe(
      'fail',
    );
  });

  it(`compared ${RUNS} assessments, with every decision well represented`, () => {
    expect(pass.runs).toBe(RUNS);
    for (const d of ['recognised', 'not_recognised', 'undetermined'])
      expect(pass.labels[d] ?? 0).toBeGreaterThan(RUNS / 20);
  });

  it(
    "agrees on the decision (evaluate and decide), every group's counts and status, every criterion and the disqualifier",
    () => {
      if (pass.differences.length > 0) assertAgreement(comparison);
      expect(pass.differences).toEqual([]);
    },
    TIMEOUT,
  );
});
