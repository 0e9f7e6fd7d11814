/**
 * Issue 13, coverage per cell with arithmetic around the table: `per_person * 10 >= cap * 11`
 * has, in each cell, the boundary `per_person ≥ 1.1 × cap` worked out exactly (never through a
 * float: 0.7 × 3 / 10 is 0.21, not 0.21000000000000002); a boundary the fact cannot hold is moved
 * to the nearest values it can hold on each side (`households ≥ 49.5` is `households ≥ 50`: at
 * 50, just beyond 49); a comparison that is not linear in one value and the table gives none.
 */
import { describe, expect, it } from 'vitest';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import { coverage, runTestCases } from '../../src/tools.js';

const RULES = `format: 1
id: arithmetic-cells
version: "1"
title: { vi: "Thử", en: "Test" }
context:
  region:
    type: enum
    label: { vi: "Vùng", en: "Region" }
    values:
      - { id: north, label: { vi: "Bắc", en: "North" } }
      - { id: south, label: { vi: "Nam", en: "South" } }
facts:
  total: { type: number, decimals: 1, min: 0, label: { vi: "Tổng", en: "Total" } }
  people: { type: integer, min: 0, label: { vi: "Người", en: "People" } }
  households: { type: integer, min: 0, max: 1000, label: { vi: "Hộ", en: "Households" } }
  share: { type: number, decimals: 2, min: 0, label: { vi: "Tỷ lệ", en: "Share" } }
  amount: { type: number, min: 0, label: { vi: "Lượng", en: "Amount" } }
derived:
  per_person:
    label: { vi: "Bình quân", en: "Per person" }
    value: "total / people"
    if_zero: unknown
parameters:
  margin: { value: 2, label: { vi: "Biên", en: "Margin" } }
  cap:
    label: { vi: "Mức", en: "Cap" }
    by: [region]
    values:
      - { region: north, value: 45 }
      - { region: south, value: 46.5 }
  rate:
    label: { vi: "Hệ số", en: "Rate" }
    by: [region]
    values:
      - { region: north, value: 0.7 }
      - { region: south, value: 0.25 }
groups:
  - id: "1"
    title: { vi: "Nhóm 1", en: "Group 1" }
    criteria:
      - { id: "1.1", text: { vi: "a", en: "a" }, condition: "per_person * 10 >= cap * 11" }
      - { id: "1.2", text: { vi: "b", en: "b" }, condition: "households * 10 >= cap * 11" }
      - { id: "1.3", text: { vi: "c", en: "c" }, condition: "share * 10 >= rate * 3" }
      - { id: "1.4", text: { vi: "d", en: "d" }, condition: "cap * 2 - households >= margin" }
      - { id: "1.5", text: { vi: "e", en: "e" }, condition: "amount * 3 >= cap + 1" }
      - { id: "1.6", text: { vi: "f", en: "f" }, condition: "households * people >= cap" }
      - { id: "1.7", text: { vi: "g", en: "g" }, condition: "households * 10 == cap * 11" }
recognition:
  group_requirement: { at_least_count: 1 }
`;

const ruleset = loadRulesetOrThrow(RULES, { file: 'arithmetic-cells.yaml' });

type Facts = Readonly<Record<string, number>>;

/** Each case a region and its facts; each expectation is what the rules decide. */
function report(cases: readonly [string, Facts][]) {
  const yaml = cases
    .map(([region, facts], i) => {
      const decision = ruleset.decide({ context: { region }, facts }).decision;
      const written = Object.entries(facts)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ');
      return `  - { name: "c${i}", context: { region: ${region} }, facts: { ${written} }, expect: { decision: ${decision} } }`;
    })
    .join('\n');
  const run = runTestCases(ruleset, `ruleset: arithmetic-cells\ncases:\n${yaml}\n`, 'arithmetic-tests.yaml', {
    keepInputs: true,
  });
  expect(run.diagnostics).toEqual([]);
  expect(run.cases.every((c) => c.ok)).toBe(true);
  return coverage(ruleset, [run]);
}

const rowsOf = (r: ReturnType<typeof coverage>, id: string) => r.thresholds.filter((t) => t.id === id);
const marks = (r: ReturnType<typeof coverage>, id: string) =>
  rowsOf(r, id).map((t) => [
    t.cells.at?.by?.name ?? (t.cells.at?.possible ? '✗' : '–'),
    t.cells.beyond?.by?.name ?? (t.cells.beyond?.possible ? '✗' : '–'),
  ]);

describe('coverage places the boundary of each cell exactly through arithmetic around the table', () => {
  it('lists one boundary per cell, worked out exactly and printed with the comparison as written', () => {
    const r = coverage(ruleset, []);
    expect(rowsOf(r, '1.1').map((t) => t.text)).toEqual([
      'per_person ≥ 49.5 (per_person * 10 >= cap * 11, cap[region=north] = 45)',
      'per_person ≥ 51.15 (per_person * 10 >= cap * 11, cap[region=south] = 46.5)',
    ]);
    // The table on the left, with a constant parameter: households ≤ 2 × cap − margin.
    expect(rowsOf(r, '1.4').map((t) => t.text)).toEqual([
      'households ≤ 88 (cap * 2 - households >= margin, cap[region=north] = 45)',
      'households ≤ 91 (cap * 2 - households >= margin, cap[region=south] = 46.5)',
    ]);
    // 0.7 × 3 / 10 is exactly 0.21 (a float says 0.21000000000000002); 0.25 × 3 / 10 = 0.075
    // is finer than the share's 2 decimals: the nearest values it can hold are 0.08 and 0.07.
    expect(rowsOf(r, '1.3').map((t) => t.text)).toEqual([
      'share ≥ 0.21 (share * 10 >= rate * 3, rate[region=north] = 0.7)',
      'share ≥ 0.075 ≡ share ≥ 0.08 (share * 10 >= rate * 3, rate[region=south] = 0.25)',
    ]);
    // Not a decimal at all: the exact fraction, and no value of the fact is exactly at it.
    expect(rowsOf(r, '1.5').map((t) => [t.text, t.cells.at?.possible, t.cells.beyond?.possible])).toEqual([
      ['amount ≥ 46/3 (amount * 3 >= cap + 1, cap[region=north] = 45)', false, true],
      ['amount ≥ 95/6 (amount * 3 >= cap + 1, cap[region=south] = 46.5)', false, true],
    ]);
    // Two facts multiplied: no single boundary per cell.
    expect(rowsOf(r, '1.6')).toEqual([]);
  });

  it('a derived quantity is placed by its exact value: at the boundary, or just under it', () => {
    const r = report([
      ['north', { total: 495, people: 10 }], // 49.5: at
      ['north', { total: 494.9, people: 10 }], // 49.49: just under
      ['south', { total: 1023, people: 20 }], // 51.15: at
      ['south', { total: 1534, people: 30 }], // 51.133…: just under
    ]);
    expect(marks(r, '1.1')).toEqual([
      ['c0', 'c1'],
      ['c2', 'c3'],
    ]);
  });

  it('a boundary an integer cannot hold is moved onto the nearest integers on each side', () => {
    const r = coverage(ruleset, []);
    expect(rowsOf(r, '1.2').map((t) => t.text)).toEqual([
      'households ≥ 49.5 ≡ households ≥ 50 (households * 10 >= cap * 11, cap[region=north] = 45)',
      'households ≥ 51.15 ≡ households ≥ 52 (households * 10 >= cap * 11, cap[region=south] = 46.5)',
    ]);
    const cases = report([
      ['north', { households: 50 }], // at (the first integer that meets it)
      ['north', { households: 49 }], // just beyond (the last that misses it)
      ['south', { households: 51 }], // just beyond 52
      ['north', { households: 51 }], // neither at 50 nor at 49
    ]);
    expect(marks(cases, '1.2')).toEqual([
      ['c0', 'c1'],
      ['✗', 'c2'],
    ]);
  });

  it("a boundary finer than a number fact's decimals is met at the nearest value it can hold", () => {
    const r = report([
      ['north', { share: 0.21 }], // at, exactly (a float product would miss it)
      ['north', { share: 0.2 }], // just under
      ['south', { share: 0.08 }], // at the nearest value over 0.075
      ['south', { share: 0.07 }], // just under
    ]);
    expect(marks(r, '1.3')).toEqual([
      ['c0', 'c1'],
      ['c2', 'c3'],
    ]);
  });

  it('an equality an integer can never meet has no "at", and "just beyond" needs both neighbours', () => {
    const rows = rowsOf(coverage(ruleset, []), '1.7');
    expect(rows.map((t) => [t.text, t.cells.at?.possible, t.cells.beyond?.possible])).toEqual([
      ['households = 49.5 (households * 10 == cap * 11, cap[region=north] = 45)', false, true],
      ['households = 51.15 (households * 10 == cap * 11, cap[region=south] = 46.5)', false, true],
    ]);
    const one = report([['north', { households: 49 }]]);
    expect(marks(one, '1.7')[0]).toEqual(['–', '✗']);
    const both = report([
      ['north', { households: 49 }],
      ['north', { households: 50 }],
    ]);
    expect(marks(both, '1.7')[0]).toEqual(['–', 'c1']);
  });

  it('the table on the left turns the comparison round: at 88, just beyond 89', () => {
    const r = report([
      ['north', { households: 88 }],
      ['north', { households: 89 }],
      ['north', { households: 87 }], // the passing side: not "beyond"
    ]);
    expect(marks(r, '1.4')[0]).toEqual(['c0', 'c1']);
  });
});

describe('the boundary worked out is where the rules change their answer', () => {
  // Linear forms with the table on either side, negative coefficients, a decimal factor, a repeated
  // value: at the boundary the comparison holds as its operator says, a thousandth either side
  // it holds or not as the operator says, by the engine's own evaluation.
  const FORMS = [
    'amount * 4 >= cap * 3',
    'cap * 3 <= amount * 4',
    'amount * 0.5 + 1 > cap',
    '-amount + cap * 2 >= 5',
    'cap - amount * 2 < 1',
    '(amount - cap) * 5 <= 2',
    'amount * 8 == cap * 2 + 1',
    'amount + amount != cap',
  ];
  const criteria = FORMS.map((f, i) => `      - { id: "1.${i + 1}", text: { vi: "x", en: "x" }, condition: "${f}" }`);
  const rules = loadRulesetOrThrow(
    `${RULES.slice(0, RULES.indexOf('      - { id: "1.1"'))}${criteria.join('\n')}\nrecognition:\n  group_requirement: { at_least_count: 1 }\n`,
    { file: 'forms.yaml' },
  );
  const HOLDS: Readonly<Record<string, (a: number, b: number) => boolean>> = {
    '>=': (a, b) => a >= b,
    '>': (a, b) => a > b,
    '<=': (a, b) => a <= b,
    '<': (a, b) => a < b,
    '==': (a, b) => a === b,
    '!=': (a, b) => a !== b,
  };

  it.each(FORMS.map((f, i) => [f, `1.${i + 1}`] as const))('%s', (_form, id) => {
    const rows = coverage(rules, []).thresholds.filter((t) => t.id === id);
    expect(rows).toHaveLength(2);
    for (const [k, region] of ['north', 'south'].entries()) {
      const t = rows[k]?.threshold;
      if (t?.kind !== 'compare' || typeof t.value !== 'number') throw new Error(`no boundary for ${id} in ${region}`);
      const b = t.value;
      for (const amount of [b, b - 0.001, b + 0.001]) {
        const status = rules
          .evaluate({ context: { region }, facts: { amount } })
          .criteria.find((c) => c.id === id)?.status;
        expect([id, region, amount, status]).toEqual([id, region, amount, HOLDS[t.op]?.(amount, b) ? 'pass' : 'fail']);
      }
    }
  });
});
