/**
 * `coverage(ruleset, runs)`: the Lai Châu cases cover every outcome that can happen; removing the
 * cases that exercise a cell makes that cell a gap; percentage boundaries are found exactly, in
 * integers; impossible cells are not required; the text and Markdown tables.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coverage, formatCoverage, runTestCases, type CoverageReport, type TestRun } from '../../src/tools.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import { runTestDirectory } from '../../src/node.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const lai = await runTestDirectory(`${ROOT}rules/lai-chau-2020-2025`, { keepInputs: true });
const rules = lai.ruleset;
if (!rules) throw new Error('the Lai Châu rules do not load');
const full = coverage(rules, lai.runs);

/** The runs without the cases named. */
const without = (names: ReadonlySet<string>): TestRun[] =>
  lai.runs.map((run) => ({ ...run, cases: run.cases.filter((c) => !names.has(c.name)) }));

/** Remove every case that exercises a cell, until none does: then the cell must be a gap. */
function removeAllCovering(pick: (report: CoverageReport) => { by?: { name: string } } | undefined): {
  removed: Set<string>;
  report: CoverageReport;
} {
  const removed = new Set<string>();
  let report = full;
  for (let guard = 0; guard < 200; guard++) {
    const by = pick(report)?.by;
    if (!by) return { removed, report };
    removed.add(by.name);
    report = coverage(rules as NonNullable<typeof rules>, without(removed));
  }
  throw new Error('too many cases cover the cell');
}

describe('the Lai Châu test cases', () => {
  it('cover every outcome and every threshold point that can happen', () => {
    expect(full.cases).toBe(116);
    expect(full.gaps).toEqual([]);
    expect(full.covered).toBe(full.required);
    expect(full.required).toBe(216);
  });

  it('require only what can happen: 1.1 is never not applicable, 2.1 and 2.3 can be', () => {
    const row = (id: string) => full.outcomes.find((o) => o.kind === 'criterion' && o.id === id);
    expect(row('1.1')?.cells.not_applicable).toEqual({ possible: false });
    expect(row('2.1')?.cells.not_applicable?.possible).toBe(true);
    expect(row('2.3')?.cells.not_applicable?.by?.file).toMatch(/tests\/0\d-[a-z]+\.yaml$/);
    // "≥ 0 poor households" has no value below 0; "= 0" has one above.
    const poor = full.thresholds.find((t) => t.text === 'poor_households = 0');
    expect(poor?.cells).toMatchObject({ at: { possible: true }, beyond: { possible: true } });
    expect(Object.keys(poor?.cells ?? {})).toEqual(['at', 'beyond']);
  });

  it('lists criteria, then each variant after its criterion, then the disqualifiers', () => {
    const ids = full.outcomes.map((o) => (o.kind === 'variant' ? `${o.id}/${o.variant}` : o.id));
    expect(ids.slice(5, 11)).toEqual(['2.2', '2.3', '2.3/ban_nong_nghiep', '2.3/to_dan_pho', '2.4', '2.5']);
    expect(ids.slice(-4)).toEqual(['D1', 'D2', 'D3', 'D4']);
    expect(ids).toHaveLength(41 + 4 + 4);
  });

  it.each([
    [
      '3.1 failing',
      (r: CoverageReport) => r.outcomes.find((o) => o.id === '3.1')?.cells.fail,
      { kind: 'criterion', id: '3.1', column: 'fail' },
    ],
    [
      '2.5 unknown under the commune variant',
      (r: CoverageReport) => r.outcomes.find((o) => o.variant === 'xa_nong_thon_moi')?.cells.unknown,
      { kind: 'variant', id: '2.5', variant: 'xa_nong_thon_moi', column: 'unknown' },
    ],
    [
      '1.3 just below 98%',
      (r: CoverageReport) => r.thresholds.find((t) => t.id === '1.3')?.cells.beyond,
      { kind: 'criterion', id: '1.3', column: 'beyond', text: 'households_law_abiding / households ≥ 98%' },
    ],
    [
      'D4 just below 10%',
      (r: CoverageReport) => r.thresholds.find((t) => t.id === 'D4')?.cells.beyond,
      { kind: 'disqualifier', id: 'D4', column: 'beyond', text: 'households_violating_rules / households ≥ 10%' },
    ],
  ] as const)('without the cases that exercise %s, coverage reports that gap and only it', (_label, pick, gap) => {
    const { removed, report } = removeAllCovering(pick);
    expect(removed.size).toBeGreaterThan(0);
    expect(report.gaps).toEqual([gap]);
    expect(report.covered).toBe(report.required - 1);
  });
});

const SMALL = `format: 1
id: t
version: "1"
title: { vi: "Thử", en: "Test" }
context: {}
facts:
  households: { type: integer, min: 0, label: { vi: "Hộ", en: "Households" } }
  ok: { type: integer, min: 0, part_of: households, label: { vi: "Hộ đạt", en: "Households ok" } }
groups:
  - id: "1"
    title: { vi: "Tiêu chuẩn 1", en: "Standard 1" }
    criteria:
      - id: "1.1"
        text: { vi: "98% hộ đạt", en: "98% of households" }
        condition: { percent: { part: ok, whole: households }, at_least: 98, if_whole_zero: fail }
recognition:
  group_requirement: { at_least_percent: 100 }
`;

describe('percentage boundaries, in integers', () => {
  const small = loadRulesetOrThrow(SMALL, { file: 't.yaml' });
  const pointsOf = (pairs: readonly (readonly [number, number])[]) => {
    const cases = pairs.map(
      ([ok, households]) =>
        `  - name: "${ok}/${households}"\n    facts: { households: ${households}, ok: ${ok} }\n    expect: { decision: ${ok * 100 >= 98 * households && households > 0 ? 'recognised' : 'not_recognised'} }`,
    );
    const run = runTestCases(small, `cases:\n${cases.join('\n')}\n`, 'cases.yaml', { keepInputs: true });
    expect(run.failed).toBe(0);
    const t = coverage(small, [run]).thresholds[0];
    return { at: t?.cells.at?.by?.name, beyond: t?.cells.beyond?.by?.name, empty: t?.cells.empty?.by?.name };
  };

  it('49/50 is exactly 98%; 48/50 is one household below; 0/0 is an empty whole', () => {
    expect(
      pointsOf([
        [49, 50],
        [48, 50],
        [0, 0],
      ]),
    ).toEqual({ at: '49/50', beyond: '48/50', empty: '0/0' });
  });

  it('6/7 (85.7%) and 97/99 (97.98%) are just below 98%: one more household passes; 5/7 and 99/100 are neither', () => {
    expect(pointsOf([[6, 7]])).toEqual({ at: undefined, beyond: '6/7', empty: undefined });
    expect(pointsOf([[97, 99]])).toEqual({ at: undefined, beyond: '97/99', empty: undefined });
    expect(
      pointsOf([
        [5, 7],
        [99, 100],
      ]),
    ).toEqual({ at: undefined, beyond: undefined, empty: undefined });
  });
});

describe('formatCoverage', () => {
  it('text: a row per criterion, variants indented, – where nothing can happen, the total', () => {
    const text = formatCoverage(full, 'vi');
    const lines = text.split('\n');
    expect(lines[0]).toBe('ĐỘ PHỦ CỦA CÁC CA KIỂM THỬ');
    expect(lines).toContain('Tiêu chí                  đạt  không đạt  chưa rõ  không áp dụng');
    expect(lines).toContain('1.1                       ✓    ✓          ✓        –');
    expect(lines).toContain('  ban_nong_nghiep         ✓    ✓          ✓        –');
    expect(lines.at(-1)).toBe('Độ phủ: 216/216 (100%): đủ mọi trường hợp có thể xảy ra');
  });

  it('Markdown, in English, with the gaps in words', () => {
    const missing = coverage(
      rules,
      without(new Set(['3.1: có tập kết vật liệu xây dựng trên vỉa hè thì không đạt, tiêu chuẩn 3 còn 6/7'])),
    );
    const md = formatCoverage(missing, 'en', 'md');
    expect(md).toContain('| Criterion | pass | fail | unknown | n/a |\n| --- | --- | --- | --- | --- |');
    expect(md).toContain('| 3.1 | ✓ | ✗ | ✓ | – |');
    expect(md).toContain('| ↳ to_dan_pho | ✓ | ✓ | ✓ | – |');
    expect(md).toContain('**Coverage: 215/216 (99%)**');
    expect(md.endsWith('Test cases still missing for:\n- 3.1: no case makes the criterion fail')).toBe(true);
  });
});

describe('equals on a count', () => {
  const RULES = `format: 1
id: eq
version: "1"
title: { vi: "Thử", en: "Test" }
context:
  kind:
    type: enum
    values: [{ id: a, label: { vi: "A", en: "A" } }]
    label: { vi: "Loại", en: "Kind" }
facts:
  models: { type: integer, min: 0, max: 10, label: { vi: "Số mô hình", en: "Models" } }
groups:
  - id: "1"
    title: { vi: "Nhóm 1", en: "Group 1" }
    criteria:
      - id: "1.1"
        text: { vi: "Có một mô hình", en: "One model" }
        condition: { fact: models, equals: 1 }
recognition:
  group_requirement: { at_least_count: 1 }
`;
  const ruleset = loadRulesetOrThrow(RULES, { file: 'eq.yaml' });
  const run = (values: readonly number[]) =>
    runTestCases(
      ruleset,
      `ruleset: eq\ncases:\n${values
        .map(
          (v) =>
            `  - name: "${v}"\n    context: { kind: a }\n    facts: { models: ${v} }\n    expect: { decision: ${v === 1 ? 'recognised' : 'not_recognised'}, criteria: { "1.1": ${v === 1 ? 'pass' : 'fail'} } }`,
        )
        .join('\n')}\n`,
      'eq-tests.yaml',
      { keepInputs: true },
    );
  const beyond = (values: readonly number[]) => coverage(ruleset, [run(values)]).thresholds[0]?.cells.beyond;

  it('asks for a case above as well as below: 0 alone or 2 alone is not enough', () => {
    expect(beyond([1, 0])).toEqual({ possible: true });
    expect(beyond([1, 2])).toEqual({ possible: true });
    const r = run([1, 0, 2]);
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
    expect(r.cases.map((c) => c.ok)).toEqual([true, true, true]);
    expect(beyond([1, 0, 2])?.by?.name).toBe('2');
  });
});
