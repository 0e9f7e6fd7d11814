/**
 * The static checks on variations of the Lai Châu rules and on small rulesets: what each check
 * claims, for which kinds of unit, and what it must not claim (a condition that can fail only by
 * being unknown, a parameter threshold). Then the two engines under them: interval reasoning on
 * thresholds, and the probe inputs, every one of which must be a valid assessment.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRuleset } from '../../src/analyze/index.js';
import type { Atom } from '../../src/analyze/atoms.js';
import { satisfiable } from '../../src/analyze/intervals.js';
import { ProbeSpace, type ProbeFacts } from '../../src/analyze/probes.js';
import type { FactInfo } from '../../src/compile/compiled-ruleset.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';

const FILE = 'rules/lai-chau-2020-2025/ruleset.yaml';
const TEXT = readFileSync(fileURLToPath(new URL(`../../../../${FILE}`, import.meta.url)), 'utf8');

function edited(find: string, replace: string) {
  expect(TEXT.split(find)).toHaveLength(2);
  return loadRulesetOrThrow(TEXT.replace(find, replace), { file: FILE });
}

const findingsOf = (rules: ReturnType<typeof edited>) =>
  checkRuleset(rules)
    .diagnostics.filter((d) => d.code !== 'variant_uncovered')
    .map((d) => ({ code: d.code, line: d.line, severity: d.severity, params: d.params }));

describe('checks on variations of the Lai Châu rules', () => {
  it('locates parts of the rule file: 1.3 condition', () => {
    const rules = edited('format: 1', 'format: 1');
    // The value of `condition:`, a block mapping starting on the next line with `percent:`.
    expect(rules.locate(['groups', 0, 'criteria', 2, 'condition'])).toMatchObject({ line: 498, column: 11 });
    expect(rules.locate(['recognition', 'mandatory', 0])).toMatchObject({ line: 925, column: 15 });
  });

  it('a standard that needs nothing makes each of its criteria without effect', () => {
    const rules = edited(
      'en: "Standard 3: Self-management of urban order, land, natural resources and the environment"\n    criteria:',
      'en: "Standard 3: Self-management of urban order, land, natural resources and the environment"\n    requirement: { at_least_count: 0 }\n    criteria:',
    );
    const found = findingsOf(rules);
    expect(found.map((f) => [f.code, f.params['criterion'], f.params['reason']])).toEqual(
      ['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7'].map((id) => ['criterion_no_effect', id, 'group_always_met']),
    );
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('a mandatory criterion with applicable_when is a warning for every kind of unit', () => {
    // The note not naming 2.1 is wording.test.ts's finding; here, the applicability one.
    const found = findingsOf(edited('  mandatory: ["4.1"]', '  mandatory: ["4.1", "2.1"]')).filter(
      (d) => d.code !== 'mandatory_not_in_note',
    );
    expect(found).toEqual([
      {
        code: 'mandatory_not_applicable',
        line: 925,
        severity: 'warning',
        params: { criterion: '2.1', reason: 'can_be_not_applicable', context: '' },
      },
    ]);
  });

  it('a mandatory criterion without a variant for the non-agricultural bản is an error naming those units', () => {
    // The note not naming 2.3 is wording.test.ts's finding; here, the applicability one.
    const found = findingsOf(edited('  mandatory: ["4.1"]', '  mandatory: ["4.1", "2.3"]')).filter(
      (d) => d.code !== 'mandatory_not_in_note',
    );
    expect(found).toEqual([
      {
        code: 'mandatory_not_applicable',
        line: 925,
        severity: 'error',
        params: {
          criterion: '2.3',
          reason: 'never_applicable',
          context:
            'unit_kind=ban, parent_kind=phuong, agricultural=false; unit_kind=ban, parent_kind=xa, agricultural=false',
        },
      },
    ]);
  });

  it('a total of 42 points out of 41 criteria can never be reached', () => {
    const found = findingsOf(
      edited('  mandatory: ["4.1"]', '  mandatory: ["4.1"]\n  total_requirement: { at_least_points: 42 }'),
    );
    expect(found).toEqual([
      {
        code: 'requirement_unreachable',
        line: 926,
        severity: 'error',
        params: { group: '', kind: 'at_least_points', value: 42, best: 41, applicable: 41, context: '' },
      },
    ]);
  });

  it('a fact capped below the threshold of one variant makes that variant, not the criterion, never pass', () => {
    const broken = edited(
      '  civilised_business_streets:\n    type: integer\n    min: 0',
      '  civilised_business_streets:\n    type: integer\n    min: 0\n    max: 0',
    );
    const found = findingsOf(broken).filter((f) => f.code === 'criterion_never_passes');
    expect(found).toEqual([
      {
        code: 'criterion_never_passes',
        line: 578,
        severity: 'error',
        params: { criterion: '2.3', variant: 'to_dan_pho', condition: 'civilised_business_streets >= 1' },
      },
    ]);
  });
});

const SMALL = (facts: string, condition: string, extra = '') => `format: 1
id: t
version: "1"
title: { vi: "Thử", en: "Test" }
context: {}
${extra}facts:
  plan: { type: boolean, label: { vi: "Có kế hoạch", en: "Plan" } }
${facts}
groups:
  - id: "1"
    title: { vi: "Tiêu chuẩn 1", en: "Standard 1" }
    criteria:
      - id: "1.1"
        text: { vi: "Kế hoạch", en: "Plan" }
        condition: { fact: plan, is: true }
      - id: "1.2"
        text: { vi: "Tiêu chí", en: "Criterion" }
        condition: ${condition}
recognition:
  group_requirement: { at_least_percent: 100 }
`;

const codesOf = (text: string) =>
  checkRuleset(loadRulesetOrThrow(text, { file: 't.yaml' })).diagnostics.map((d) => d.code);

describe('what the checks must and must not claim', () => {
  const streets = '  streets: { type: integer, min: 0, max: 10, label: { vi: "Tuyến phố", en: "Streets" } }';

  it('a threshold held in a parameter counts as a constant', () => {
    // Standard 1 needs both criteria: when 1.2 can never pass, the standard can never be met either.
    expect(codesOf(SMALL(streets, '"streets >= min_streets"', 'parameters:\n  min_streets: { value: 12 }\n'))).toEqual([
      'criterion_never_passes',
      'requirement_unreachable',
    ]);
    expect(codesOf(SMALL(streets, '"streets >= min_streets"', 'parameters:\n  min_streets: { value: 5 }\n'))).toEqual(
      [],
    );
  });

  it('a constant parameter of an included file counts as a constant too', () => {
    const codes = (value: number) => {
      const fragment = `format: 1\nkind: fragment\nid: shared\ntitle: { vi: "Chung", en: "Shared" }\nparameters:\n  min_streets: { value: ${value} }\n`;
      const text = SMALL(streets, '"streets >= min_streets"').replace(
        'context: {}',
        'include: ["shared.yaml"]\ncontext: {}',
      );
      const rules = loadRulesetOrThrow(text, {
        file: 't.yaml',
        readInclude: () => ({ file: 'shared.yaml', text: fragment }),
      });
      return checkRuleset(rules).diagnostics.map((d) => d.code);
    };
    expect(codes(12)).toEqual(['criterion_never_passes', 'requirement_unreachable']);
    expect(codes(5)).toEqual([]);
  });

  it('arithmetic is tried at the constants written in it', () => {
    expect(
      codesOf(
        SMALL(
          `${streets}\n  roads: { type: integer, min: 0, max: 3, label: { vi: "Đường", en: "Roads" } }`,
          '"streets + roads >= 14"',
        ),
      ),
    ).toEqual(['criterion_never_passes', 'requirement_unreachable']);
    expect(
      codesOf(
        SMALL(
          `${streets}\n  roads: { type: integer, min: 0, max: 3, label: { vi: "Đường", en: "Roads" } }`,
          '"streets + roads >= 13"',
        ),
      ),
    ).toEqual([]);
  });

  it('a condition that fails only when a fact is unknown (known()) can fail', () => {
    expect(codesOf(SMALL(streets, '"known(streets)"'))).toEqual([]);
    expect(codesOf(SMALL(streets, '"streets >= 0"'))).toEqual(['criterion_never_fails']);
  });

  it('a percentage whose whole may be empty: at most 0% with if_whole_zero pass can pass and fail', () => {
    const facts =
      '  households: { type: integer, min: 0, label: { vi: "Hộ", en: "Households" } }\n  poor: { type: integer, min: 0, part_of: households, label: { vi: "Hộ nghèo", en: "Poor" } }';
    expect(
      codesOf(SMALL(facts, '{ percent: { part: poor, whole: households }, at_most: 0, if_whole_zero: pass }')),
    ).toEqual([]);
    // 98% of at most 10 households is possible only at 10/10 = 100%, never "at least 98% and below 99%".
    const few = facts.replace('min: 0, label: { vi: "Hộ"', 'min: 0, max: 10, label: { vi: "Hộ"');
    expect(
      codesOf(
        SMALL(
          few,
          '{ all: [ { percent: { part: poor, whole: households }, at_least: 98, if_whole_zero: fail }, "percent(poor, households, 0) < 99" ] }',
        ),
      ),
    ).toEqual(['criterion_never_passes', 'requirement_unreachable']);
  });
});

describe('interval reasoning on thresholds', () => {
  const facts = new Map<string, FactInfo>(
    [
      { id: 'titles', type: 'integer', min: 8, max: 50 },
      { id: 'trained', type: 'integer', min: 0, partOf: 'titles' },
      { id: 'households', type: 'integer', min: 0 },
      { id: 'signed', type: 'integer', min: 0, partOf: 'households' },
      { id: 'kept', type: 'integer', min: 0, partOf: 'signed' },
      { id: 'rating', type: 'ordinal', values: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] },
    ].map((f) => [f.id, { label: { vi: f.id, en: f.id }, ...f } as FactInfo]),
  );
  const pct = (part: string, whole: string, op: '>=' | '<=', value: number, zeroHolds = false): Atom => ({
    kind: 'ratio',
    part,
    whole,
    op,
    value,
    scale: 100,
    zeroHolds,
  });
  const cmp = (fact: string, op: '>=' | '<=' | '==', value: number): Atom => ({ kind: 'compare', fact, op, value });

  it.each([
    ['100% trained, 8 titles at least', [pct('trained', 'titles', '>=', 100)], true],
    ['100% trained and at most 5 trained', [pct('trained', 'titles', '>=', 100), cmp('trained', '<=', 5)], false],
    ['100% trained and at most 8 trained', [pct('trained', 'titles', '>=', 100), cmp('trained', '<=', 8)], true],
    [
      '≥ 98% and ≤ 97% of the same households',
      [pct('signed', 'households', '>=', 98), pct('signed', 'households', '<=', 97)],
      false,
    ],
    [
      'the same, when an empty whole passes both',
      [pct('signed', 'households', '>=', 98, true), pct('signed', 'households', '<=', 97, true)],
      true,
    ],
    [
      'kept ≥ 10 and households ≤ 9 (kept ≤ signed ≤ households)',
      [cmp('kept', '>=', 10), cmp('households', '<=', 9)],
      false,
    ],
    ['kept ≥ 10 and households ≤ 10', [cmp('kept', '>=', 10), cmp('households', '<=', 10)], true],
    ['rating ≥ c and rating ≤ b', [cmp('rating', '>=', 2), cmp('rating', '<=', 1)], false],
    ['titles = 60 (above max 50)', [cmp('titles', '==', 60)], false],
    [
      '≥ 50% kept of households, at most 3 kept, households ≥ 7',
      [pct('kept', 'households', '>=', 50), cmp('kept', '<=', 3), cmp('households', '>=', 7)],
      false,
    ],
    [
      '≥ 50% kept of households, at most 3 kept, households ≥ 6',
      [pct('kept', 'households', '>=', 50), cmp('kept', '<=', 3), cmp('households', '>=', 6)],
      true,
    ],
  ] as const)('%s', (_label, atoms, expected) => {
    expect(satisfiable(atoms, facts)).toBe(expected);
  });
});

describe('probe inputs', () => {
  const rules = loadRulesetOrThrow(TEXT, { file: FILE });
  const names = {
    facts: new Map(rules.facts.map((f) => [f.id, f])),
    parameters: new Map<string, number>(),
    definitions: new Map(rules.definitions.map((d) => [d.id, d.condition])),
    plain: new Set(rules.context.map((a) => a.id)),
    partOfWholes: new Set(rules.facts.flatMap((f) => (f.partOf !== undefined ? [f.partOf] : []))),
  };

  it.each(['1.3', '1.4', '5.5', '6.3', '6.7'])(
    'are valid assessments, and reach both sides of every threshold of %s',
    (id) => {
      const criterion = rules.criteria.find((c) => c.id === id);
      if (!criterion?.condition) throw new Error(`no condition for ${id}`);
      const space = new ProbeSpace(names).add(criterion.condition);
      const context = { unit_kind: 'to_dan_pho', parent_kind: 'phuong' };
      const statuses = new Set<string>();
      const invalid: ProbeFacts[] = [];
      const count = space.enumerate(criterion.condition.reads, 20_000, (facts): undefined => {
        if (!rules.validateAssessment({ context, facts }).value) invalid.push({ ...facts });
        statuses.add(rules.evaluate({ context, facts }).criteria.find((c) => c.id === id)?.status ?? '');
      });
      expect(invalid).toEqual([]);
      expect(count).toBeGreaterThan(1);
      expect([...statuses].sort()).toEqual(['fail', 'pass']);
    },
  );

  it('stop at the limit without visiting anything', () => {
    const criterion = rules.criteria.find((c) => c.id === '1.4');
    if (!criterion?.condition) throw new Error('no 1.4');
    let visited = 0;
    expect(
      new ProbeSpace(names).add(criterion.condition).enumerate(criterion.condition.reads, 10, () => void visited++),
    ).toBeUndefined();
    expect(visited).toBe(0);
  });
});
