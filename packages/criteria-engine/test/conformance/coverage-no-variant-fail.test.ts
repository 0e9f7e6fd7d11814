/**
 * A criterion whose variants cover every kind of unit with `no_variant: fail` can never be not
 * applicable, so coverage must not ask for a not-applicable case, even when its condition reads
 * a value the probes cannot enumerate (a parameter table's cell). Found by a scheme written from
 * the docs alone (fixtures/chinh-quyen-cap-xa, criterion 2.3): `lcz test --coverage` listed
 * "2.3: no case makes the criterion not applicable", a gap no case could ever fill.
 */
import { describe, expect, it } from 'vitest';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import { coverage, runTestCases } from '../../src/tools.js';

const rules = (noVariant: 'fail' | 'not_applicable', kinds: string) => `format: 1
id: nv
version: "1"
title: { vi: "Thử", en: "Test" }
effective: { from: "2025-01-01", to: "2025-12-31" }
context:
  kind:
    type: enum
    label: { vi: "Loại", en: "Kind" }
    values:
      - { id: a, label: { vi: "A", en: "A" } }
      - { id: b, label: { vi: "B", en: "B" } }
facts:
  x: { type: integer, min: 0, label: { vi: "X", en: "X" } }
parameters:
  minimum:
    label: { vi: "Mức", en: "Minimum" }
    by: [kind]
    values:
      - { kind: a, value: 10 }
      - { kind: b, value: 20 }
groups:
  - id: "1"
    title: { vi: "Nhóm 1", en: "Group 1" }
    criteria:
      - id: "1.1"
        text: { vi: "X đủ", en: "Enough X" }
        variants:
${kinds
  .split('')
  .map((k) => `          - { id: v${k}, when: "kind == '${k}'", condition: { fact: x, at_least: minimum } }`)
  .join('\n')}
        no_variant: ${noVariant}
        not_applicable: exclude
recognition:
  group_requirement: { at_least_count: 0 }
`;

function notApplicableCell(noVariant: 'fail' | 'not_applicable', kinds: string) {
  const ruleset = loadRulesetOrThrow(rules(noVariant, kinds), { file: 'nv.yaml' });
  const run = runTestCases(
    ruleset,
    'ruleset: nv\ncases:\n  - { name: "a", context: { kind: a }, facts: { x: 10 }, expect: { decision: recognised } }\n',
    'nv-tests.yaml',
    { keepInputs: true },
  );
  expect(run.cases.map((c) => c.ok)).toEqual([true]);
  const row = coverage(ruleset, [run]).outcomes.find((o) => o.kind === 'criterion' && o.id === '1.1');
  return row?.cells.not_applicable;
}

describe('coverage of a criterion with variants and a parameter table', () => {
  it('asks for no not-applicable case when no_variant is fail', () => {
    expect(notApplicableCell('fail', 'ab')).toEqual({ possible: false });
    expect(notApplicableCell('fail', 'a')).toEqual({ possible: false });
  });

  it('asks for none when every kind of unit has a variant, whatever no_variant says', () => {
    expect(notApplicableCell('not_applicable', 'ab')).toEqual({ possible: false });
  });

  it('still asks for one when a kind of unit has no variant and no_variant is not_applicable', () => {
    expect(notApplicableCell('not_applicable', 'a')?.possible).toBe(true);
  });
});
