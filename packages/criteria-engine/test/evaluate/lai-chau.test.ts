/**
 * The Lai Châu rules through the whole pipeline: every criterion at its boundary (derived from
 * the thresholds the rule file declares), the recognition arithmetic, the open questions Q1–Q5
 * and three-valued decisions.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYamlText } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/evaluate/assessment.js';
import type { CriterionInfo, Threshold } from '../../src/compile/compiled-ruleset.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';

const url = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const RULES = url('../../../../rules/lai-chau-2020-2025/ruleset.yaml');
const rules = loadRulesetOrThrow(readFileSync(RULES, 'utf8'), { file: RULES });

type Facts = Record<string, number | boolean | string | null>;
const example = parseYamlText(
  readFileSync(url('../../../../examples/assessments/recognised-to-dan-pho.yaml'), 'utf8'),
) as Assessment;

/** An urban area that passes all 41 criteria. */
const URBAN: Assessment = {
  context: { unit_kind: 'to_dan_pho', parent_kind: 'phuong' },
  facts: {
    ...example.facts,
    has_traditional_products: true,
    traditional_products_competitiveness_improved: true,
    unsafe_roadway_parking_occurred: false,
  },
};
/** The same, as an agricultural bản in a commune. */
const RURAL: Assessment = {
  context: { unit_kind: 'ban', parent_kind: 'xa', agricultural: true },
  facts: { ...URBAN.facts, ocop_products: 1, value_chain_models: 0, households_in_new_rural_campaign: true },
};

function withFacts(base: Assessment, facts: Facts, context: Assessment['context'] = base.context): Assessment {
  const merged: Facts = { ...(base.facts as Facts) };
  for (const [k, v] of Object.entries(facts)) {
    if (v === null) delete merged[k];
    else merged[k] = v;
  }
  // Keep the base's other parts within a whole the test shrank (part ≤ whole), unless the test set them.
  for (const f of rules.facts) {
    const whole = f.partOf !== undefined ? merged[f.partOf] : undefined;
    if (
      typeof whole === 'number' &&
      typeof merged[f.id] === 'number' &&
      (merged[f.id] as number) > whole &&
      !(f.id in facts)
    )
      merged[f.id] = whole;
  }
  const checked = rules.validateAssessment({ context, facts: merged });
  expect(checked.diagnostics).toEqual([]);
  return { context, facts: merged };
}

const statusOf = (a: Assessment, id: string) => rules.evaluate(a).criteria.find((c) => c.id === id)?.status;

describe('baselines', () => {
  it.each([
    ['urban', URBAN],
    ['rural', RURAL],
  ])('the %s baseline passes all 41 criteria and is recognised', (_, a) => {
    const r = rules.evaluate(withFacts(a, {}));
    expect(r.criteria.filter((c) => c.status !== 'pass').map((c) => c.id)).toEqual([]);
    expect(r.decision).toBe('recognised');
    expect(r.criteria).toHaveLength(41);
  });
});

/** Values at a threshold that pass, and just beyond it that fail, for the base assessment. */
function boundaryPairs(t: Threshold, facts: Facts): { pass: Facts; fail?: Facts }[] {
  if (t.kind === 'percent') {
    // Lai Châu compares its shares with numbers only (a parameter's name is no number).
    if (typeof t.value !== 'number') return [];
    const whole = facts[t.whole] as number;
    // smallest part with part × 100 ≥ value × whole, computed exactly in integers
    const atLeast = Math.floor((t.value * whole + 99) / 100);
    if (t.op === '>=')
      return [{ pass: { [t.part]: atLeast }, ...(atLeast > 0 ? { fail: { [t.part]: atLeast - 1 } } : {}) }];
    const atMost = Math.floor((t.value * whole) / 100);
    return [{ pass: { [t.part]: atMost }, ...(atMost < whole ? { fail: { [t.part]: atMost + 1 } } : {}) }];
  }
  const fact = rules.facts.find((f) => f.id === t.fact);
  if (typeof t.value === 'boolean') return [{ pass: { [t.fact]: t.value }, fail: { [t.fact]: !t.value } }];
  if (typeof t.value === 'string') {
    const ids = (fact?.values ?? []).map((v) => v.id);
    const i = ids.indexOf(t.value);
    const below = ids[i - 1];
    return [{ pass: { [t.fact]: t.value }, ...(below !== undefined ? { fail: { [t.fact]: below } } : {}) }];
  }
  if (t.op === '>=')
    return [
      {
        pass: { [t.fact]: t.value },
        ...(t.value - 1 >= (fact?.min ?? -Infinity) ? { fail: { [t.fact]: t.value - 1 } } : {}),
      },
    ];
  if (t.op === '<=' || t.op === '==') return [{ pass: { [t.fact]: t.value }, fail: { [t.fact]: t.value + 1 } }];
  return [];
}

function thresholdsFor(c: CriterionInfo, variant?: string): { thresholds: readonly Threshold[]; disjunctive: boolean } {
  const cond = variant ? c.variants?.find((v) => v.id === variant)?.condition : c.condition;
  return { thresholds: cond?.thresholds ?? [], disjunctive: (cond?.expression ?? '').includes(' or ') };
}

describe('every criterion at its boundary (thresholds read from the rule file)', () => {
  const cases: [string, Assessment, string | undefined][] = [];
  for (const c of rules.criteria) {
    if (!c.variants) cases.push([c.id, URBAN, undefined]);
    else
      for (const v of c.variants)
        cases.push([
          `${c.id} (${v.id})`,
          v.id.includes('xa') || v.id.includes('nong_nghiep') || v.id.includes('ban') ? RURAL : URBAN,
          v.id,
        ]);
  }

  it.each(cases)('%s', (label, base, variant) => {
    const id = label.split(' ')[0] as string;
    const c = rules.criteria.find((x) => x.id === id) as CriterionInfo;
    const { thresholds, disjunctive } = thresholdsFor(c, variant);
    expect(thresholds.length).toBeGreaterThan(0);
    for (const t of thresholds) {
      for (const pair of boundaryPairs(t, base.facts as Facts)) {
        const passing = rules.evaluate(withFacts(base, pair.pass)).criteria.find((x) => x.id === id);
        expect({ t, status: passing?.status }).toEqual({ t, status: 'pass' });
        if (variant) expect(passing?.variant).toBe(variant);
        // In a disjunction one failing branch does not fail the criterion; 2.3 is tested below.
        if (pair.fail && !disjunctive) {
          expect({ t, status: statusOf(withFacts(base, pair.fail), id) }).toEqual({ t, status: 'fail' });
        }
      }
    }
  });

  it('2.3 (agricultural bản) fails only when neither an OCOP product nor a value-chain model exists', () => {
    expect(statusOf(withFacts(RURAL, { ocop_products: 0, value_chain_models: 1 }), '2.3')).toBe('pass');
    expect(statusOf(withFacts(RURAL, { ocop_products: 0, value_chain_models: 0 }), '2.3')).toBe('fail');
  });
});

describe('the boundaries the issue names', () => {
  it('98% passes 1.3 and 97.99% fails it, in integers', () => {
    expect(statusOf(withFacts(URBAN, { households: 100, households_law_abiding: 98 }), '1.3')).toBe('pass');
    expect(statusOf(withFacts(URBAN, { households: 10000, households_law_abiding: 9799 }), '1.3')).toBe('fail');
    expect(statusOf(withFacts(URBAN, { households: 10000, households_law_abiding: 9800 }), '1.3')).toBe('pass');
  });

  it('exactly 10% of households violating triggers D4; 9.99% does not', () => {
    const at = rules.evaluate(
      withFacts(URBAN, {
        households_violating_rules: 1000,
        households: 10000,
        households_law_abiding: 9800,
        households_following_convention: 10000,
        households_civilised_lifestyle: 9000,
        households_security_pledge_signed: 10000,
        households_security_pledge_kept: 9800,
      }),
    );
    expect(at.disqualifiers.find((d) => d.id === 'D4')?.status).toBe('applies');
    expect(at.decision).toBe('not_recognised');
    expect(at.reasons).toContainEqual({ kind: 'disqualified', id: 'D4' });
    const below = rules.evaluate(
      withFacts(URBAN, {
        households_violating_rules: 999,
        households: 10000,
        households_law_abiding: 9800,
        households_following_convention: 10000,
        households_civilised_lifestyle: 9000,
        households_security_pledge_signed: 10000,
        households_security_pledge_kept: 9800,
      }),
    );
    expect(below.disqualifiers.find((d) => d.id === 'D4')?.status).toBe('clear');
    expect(below.decision).toBe('recognised');
  });

  it('3/4 = 75% fails standard 1 (it needs all 4)', () => {
    const r = rules.evaluate(withFacts(URBAN, { households_law_abiding: 200 }));
    expect(r.standards[0]).toMatchObject({ id: '1', passed: 3, applicable: 4, required: 4, status: 'not_met' });
    expect(r.decision).toBe('not_recognised');
    expect(r.reasons).toEqual([{ kind: 'group_not_met', id: '1' }]);
  });

  it('7/8 passes standard 2 and 6/8 fails it; 5/6 passes standard 5 and 4/6 fails it', () => {
    const seven = rules.evaluate(withFacts(URBAN, { spontaneous_market_occurred: true }));
    expect(seven.standards[1]).toMatchObject({ passed: 7, applicable: 8, required: 7, status: 'met' });
    const six = rules.evaluate(withFacts(URBAN, { spontaneous_market_occurred: true, food_safety_kept: false }));
    expect(six.standards[1]).toMatchObject({ passed: 6, applicable: 8, status: 'not_met' });
    const five = rules.evaluate(withFacts(URBAN, { poor_households: 1 }));
    expect(five.standards[4]).toMatchObject({ passed: 5, applicable: 6, required: 5, status: 'met' });
    const four = rules.evaluate(withFacts(URBAN, { poor_households: 1, community_solidarity: false }));
    expect(four.standards[4]).toMatchObject({ passed: 4, applicable: 6, status: 'not_met' });
  });
});

describe('open questions, answered in the rule file', () => {
  it('Q1: a non-agricultural bản has no 2.3 variant; it is not applicable and left out of the count', () => {
    const r = rules.evaluate(withFacts(RURAL, {}, { unit_kind: 'ban', parent_kind: 'xa', agricultural: false }));
    const c = r.criteria.find((x) => x.id === '2.3');
    expect(c).toMatchObject({ status: 'not_applicable', variant: null, reason: 'no_variant', counts_as: 'excluded' });
    expect(r.standards[1]).toMatchObject({ passed: 7, applicable: 7, excluded: 1 });
    // …and the engine says so when the rules load.
    const notes = rules.diagnostics.filter((d) => d.code === 'variant_uncovered').map((d) => d.params['context']);
    expect(notes).toEqual([
      // Once, by the attributes the selectors read: a commune and a ward are one case.
      'unit_kind=ban, agricultural=false',
    ]);
  });

  it('Q1: 2.5 follows the parent unit, not the kind of unit (a bản in a ward takes the ward variant)', () => {
    const r = rules.evaluate(
      withFacts(
        RURAL,
        { households_in_civilised_ward_campaign: true },
        { unit_kind: 'ban', parent_kind: 'phuong', agricultural: true },
      ),
    );
    expect(r.criteria.find((x) => x.id === '2.5')?.variant).toBe(
      rules.criteria.find((c) => c.id === '2.5')?.variants?.find((v) => v.when.includes('phuong'))?.id,
    );
  });

  it('Q2: an area without traditional products does not pass 2.1, and it counts as failed', () => {
    const r = rules.evaluate(
      withFacts(URBAN, { has_traditional_products: false, traditional_products_competitiveness_improved: null }),
    );
    expect(r.criteria.find((c) => c.id === '2.1')).toMatchObject({
      status: 'not_applicable',
      counts_as: 'failed',
      reason: 'not_applicable_when',
    });
    expect(r.standards[1]).toMatchObject({ passed: 7, applicable: 8, excluded: 0 });
  });

  it('Q3: 4.1 is mandatory: every standard at 80% or more is not enough without it', () => {
    const r = rules.evaluate(withFacts(URBAN, { self_management_contents_done_well: 2 }));
    expect(r.standards[3]).toMatchObject({ passed: 7, applicable: 8, status: 'met' });
    expect(r.standards.every((s) => s.status === 'met')).toBe(true);
    expect(r.decision).toBe('not_recognised');
    expect(r.reasons).toEqual([{ kind: 'mandatory_failed', id: '4.1' }]);
    expect(r.mandatory).toEqual([{ id: '4.1', status: 'fail' }]);
  });

  it('Q4: an empty whole is the declared choice, never a division by zero', () => {
    expect(statusOf(withFacts(URBAN, { fixed_businesses: 0, fixed_businesses_registered: 0 }), '2.6')).toBe('pass');
    const none = withFacts(URBAN, {
      households: 0,
      households_law_abiding: 0,
      households_following_convention: 0,
      households_civilised_lifestyle: 0,
      households_violating_rules: 0,
      poor_households: 0,
      households_security_pledge_signed: 0,
      households_security_pledge_kept: 0,
    });
    expect(statusOf(none, '1.3')).toBe('fail');
    expect(rules.evaluate(none).disqualifiers.find((d) => d.id === 'D4')?.status).toBe('clear');
  });

  it('Q5: missing facts are unknown, and the result lists what is still needed', () => {
    const r = rules.evaluate(withFacts(URBAN, { households_law_abiding: null, cultural_area_recognised: null }));
    expect(r.decision).toBe('undetermined');
    expect(r.criteria.find((c) => c.id === '1.3')?.status).toBe('unknown');
    expect(r.missing).toEqual(['households_law_abiding', 'cultural_area_recognised']);
    // 4.3 cannot change standard 4 any more (7 of 8 already pass): only 1.3's fact is needed.
    expect(r.needed).toEqual(['households_law_abiding']);
    expect(r.reasons).toEqual([{ kind: 'unknown', ids: ['1'] }]);
  });
});

describe('three-valued decisions', () => {
  it('a disqualifier that holds decides not_recognised whatever is missing', () => {
    const r = rules.evaluate({ context: URBAN.context, facts: { drug_or_prostitution_spot_present: true } });
    expect(r.decision).toBe('not_recognised');
    expect(r.reasons).toEqual([{ kind: 'disqualified', id: 'D2' }]);
  });

  it('a standard already out of reach decides, even with unknowns in it', () => {
    const r = rules.evaluate(withFacts(URBAN, { key_titles_trained: 13, households_law_abiding: null }));
    expect(r.standards[0]).toMatchObject({ passed: 2, failed: 1, unknown: 1, status: 'not_met' });
    expect(r.decision).toBe('not_recognised');
  });

  it('an empty assessment is undetermined and needs every fact', () => {
    const r = rules.evaluate({ context: URBAN.context, facts: {} });
    expect(r.decision).toBe('undetermined');
    expect(r.missing.length).toBeGreaterThan(60);
    expect(r.criteria.every((c) => c.status === 'unknown')).toBe(true);
  });

  it('decide() (the fast path) agrees with evaluate() on decisions and counts', () => {
    const inputs = [
      URBAN,
      RURAL,
      withFacts(URBAN, { households_law_abiding: null }),
      withFacts(URBAN, { poor_households: 3 }),
      { context: URBAN.context, facts: {} },
    ];
    for (const a of inputs) {
      const full = rules.evaluate(a);
      expect(rules.decide(a)).toEqual({ decision: full.decision, passed: full.standards.map((s) => s.passed) });
    }
  });
});

describe('determinism', () => {
  it('gives the same result whatever the order of keys in the input', () => {
    const a = withFacts(URBAN, { households_law_abiding: null });
    const reversed: Assessment = {
      context: Object.fromEntries(Object.entries(a.context).reverse()),
      facts: Object.fromEntries(Object.entries(a.facts).reverse()),
    };
    expect(JSON.stringify(rules.evaluate(reversed))).toBe(JSON.stringify(rules.evaluate(a)));
  });

  it('identifies the ruleset by id, version and a content hash', () => {
    const r = rules.evaluate(URBAN);
    expect(r.ruleset).toEqual({ id: 'lai-chau-khu-dan-cu-tu-quan', version: '2020-2025', hash: rules.hash });
    expect(rules.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const edited = loadRulesetOrThrow(readFileSync(RULES, 'utf8').replace('at_least: 98\n', 'at_least: 95\n'), {
      file: RULES,
    });
    expect(edited.hash).not.toBe(rules.hash);
  });
});
