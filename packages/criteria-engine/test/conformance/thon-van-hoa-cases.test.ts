/**
 * A scheme written from the documentation alone (test/fixtures/thon-van-hoa: "thôn, tổ dân phố
 * văn hóa" in three tiers, thresholds by region and by year, dated values, a derived income per
 * person, step and best-of points, a criterion that only villages with community tourism have,
 * disqualifiers that block from a level up, a shared fragment): its YAML cases all pass, and what
 * writing it found wrong stays fixed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/index.js';
import { runTestDirectory } from '../../src/node.js';
import { runTestCases } from '../../src/tools.js';

const DIR = fileURLToPath(new URL('../fixtures/thon-van-hoa', import.meta.url));
const run = await runTestDirectory(DIR);
const ruleset = run.ruleset;
if (!ruleset) throw new Error(formatDiagnostics(run.diagnostics, 'en'));

const readFile = (path: string) => readFileSync(path, 'utf8');
const cases = (body: string) =>
  runTestCases(ruleset, `ruleset: illustrative-thon-van-hoa\ncases:\n${body}`, `${DIR}/tests/inline.yaml`, {
    readFile,
  });

describe('the scheme written from the docs', () => {
  it('loads, and every YAML case passes', () => {
    expect(formatDiagnostics(run.diagnostics, 'en')).toBe('');
    expect(run.runs.flatMap((r) => r.cases.filter((c) => !c.ok).map((c) => c.name))).toEqual([]);
    expect(run.passed).toBeGreaterThanOrEqual(34);
  });

  it('a case may expect the assessment date in missing: and needed:, as the result lists it', async () => {
    const r = await cases(`  - name: no date
    assessment: bases/to-dan-pho-no-date.yaml
    expect: { decision: undetermined, missing: [date], needed: [date] }
`);
    expect(formatDiagnostics(r.cases[0]?.diagnostics ?? [], 'en')).toBe('');
    expect(r.cases[0]?.ok).toBe(true);
  });

  it('a failed case does not blame facts of a criterion that does not apply to the unit', async () => {
    // VH5 applies only to villages with community tourism; a tổ dân phố gives neither fact.
    const r = await cases(`  - name: wrong expectation
    assessment: bases/to-dan-pho-kieu-mau.yaml
    expect: { decision: not_recognised }
`);
    const c = r.cases[0];
    expect(c?.ok).toBe(false);
    expect(c?.mismatches.map((m) => m.path)).toEqual(['decision']);
    expect(c?.lacking).toBeUndefined();
  });

  it('still names the facts an applicable criterion reads that no layer gives', async () => {
    const r = await cases(`  - name: a partial tổ dân phố
    area: { date: "2025-03-10" }
    context: { unit_kind: to_dan_pho, region: do_thi }
    facts: { households: 100, households_cultural_family: 90, covenant_approved: null }
    expect: { decision: recognised }
`);
    const lacking = r.cases[0]?.lacking ?? [];
    expect(lacking).toEqual(expect.arrayContaining(['poor_households', 'security_rating', 'years_titled']));
    expect(lacking).not.toContain('covenant_approved'); // null: a deliberate unknown
    expect(lacking).not.toContain('homestays_standard');
    expect(lacking).not.toContain('community_tourism');
  });
});

describe('the area of a case', () => {
  it('its date changes the result (dated tables), and null removes an inherited date', async () => {
    const r = await cases(`  - name: before 2025-07-01 the mountain minimum is 60%
    assessment: bases/thon-tieu-bieu.yaml
    area: { date: "2025-06-30" }
    expect: { decision: recognised }
  - name: from 2025-07-01 it is 62.5%
    assessment: bases/thon-tieu-bieu.yaml
    area: { date: "2025-07-01" }
    expect: { decision: not_recognised }
  - name: without the date the dated tables are unknown
    assessment: bases/thon-tieu-bieu.yaml
    area: { date: null }
    expect: { decision: undetermined, missing: [date] }
`);
    expect(formatDiagnostics(r.diagnostics, 'en')).toBe('');
    expect(r.cases.map((c) => [c.ok, formatDiagnostics(c.diagnostics, 'en')])).toEqual([
      [true, ''],
      [true, ''],
      [true, ''],
    ]);
  });
});

describe('coverage', () => {
  it('counts an empty whole whose part is left out (implied 0) as the empty-whole case', async () => {
    const { coverage } = await import('../../src/tools.js');
    const runs = await runTestDirectory(DIR, { keepInputs: true });
    if (!runs.ruleset) throw new Error('no ruleset');
    const report = coverage(runs.ruleset, runs.runs);
    // "No households" leaves households_clean_water out: KT3's bands are all met at an empty whole.
    const kt3 = report.gaps.filter((g) => g.id === 'KT3');
    expect(kt3.map((g) => g.column)).toEqual(['unknown', 'beyond']);
  });
});
