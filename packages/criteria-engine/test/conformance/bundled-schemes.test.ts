/**
 * The YAML test cases of the bundled schemes beside Lai Châu (rules/green-building-illustrative and
 * rules/ntm-commune-2021-2025, both ILLUSTRATIVE): every case passes against the engine and
 * together they cover every outcome that can happen, every level boundary from both sides and
 * every band of every step table (the
 * conformance suite `lcz test --coverage` runs; test/oracle/yaml-cases.test.ts checks the same
 * expectations against the hand-written oracle).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/index.js';
import { runTestDirectory } from '../../src/node.js';
import { coverage } from '../../src/tools.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

describe('the green building rating (ILLUSTRATIVE) test cases', async () => {
  const run = await runTestDirectory(`${ROOT}rules/green-building-illustrative`, { keepInputs: true });

  it('all pass, without file-level problems', () => {
    expect(formatDiagnostics(run.diagnostics, 'en')).toBe('');
    expect(run.failed).toBe(0);
    expect(run.passed).toBeGreaterThanOrEqual(89);
  });

  it('cover every outcome, every level from both sides and every band (100%)', () => {
    const ruleset = run.ruleset;
    if (!ruleset) throw new Error('the green building rules do not load');
    const report = coverage(ruleset, run.runs);
    expect(report.gaps).toEqual([]);
    expect(report.covered).toBe(report.required);
    expect(report.outcomes.filter((o) => o.kind === 'level').map((o) => o.id)).toEqual([
      'certified',
      'silver',
      'gold',
      'platinum',
    ]);
    // EAc2's 18 bands, the decimal one among them, are thresholds the cases meet at and just below.
    const bands = report.thresholds.filter((t) => t.text.startsWith('energy_cost_saving_pct ≥'));
    expect(bands.map((t) => t.text)).toContain('energy_cost_saving_pct ≥ 32.5');
    expect(bands.length).toBeGreaterThanOrEqual(18);
  });
});

describe('the new-rural commune scheme (ILLUSTRATIVE) test cases', async () => {
  const run = await runTestDirectory(`${ROOT}rules/ntm-commune-2021-2025`, { keepInputs: true });

  it('all pass, without file-level problems', () => {
    expect(formatDiagnostics(run.diagnostics, 'en')).toBe('');
    expect(run.failed).toBe(0);
    expect(run.passed).toBeGreaterThanOrEqual(245);
  });

  it('cover every outcome, each tier from both sides and every share at its boundary (100%)', () => {
    const ruleset = run.ruleset;
    if (!ruleset) throw new Error('the new-rural commune rules do not load');
    const report = coverage(ruleset, run.runs);
    expect(report.gaps).toEqual([]);
    expect(report.covered).toBe(report.required);
    expect(report.outcomes.filter((o) => o.kind === 'level').map((o) => o.id)).toEqual([
      'dat_chuan',
      'nang_cao',
      'kieu_mau',
    ]);
    // The decimal threshold: 2.5% of households, met at 5 of 200 and missed at 6.
    expect(report.thresholds.map((t) => t.text)).toContain('poor_households / households ≤ 2.5%');
    // Each cell of the region × date tables is its own boundary: 28 for the income, 7 for insurance,
    // and 28 each for nâng cao and kiểu mẫu, whose boundaries are 1.1 and 1.2 × the cell, exactly.
    const cells = report.thresholds.filter((t) => /(min_income|insurance_min)\[/.test(t.text));
    expect(cells.length).toBe(91);
    expect(cells.map((t) => t.text)).toContain(
      'income_per_person ≥ 51.15 (income_per_person * 10 >= min_income * 11, min_income[region=tay_nguyen, from 2023-01-01] = 46.5)',
    );
    expect(cells.every((t) => t.cells.at?.by !== undefined && t.cells.beyond?.by !== undefined)).toBe(true);
  });
});

describe('the school safety checklist (ILLUSTRATIVE, English only) test cases', async () => {
  const run = await runTestDirectory(`${ROOT}examples/school-safety`, { keepInputs: true });

  it('all pass and sit at every boundary: every outcome and every threshold from both sides (100%)', () => {
    expect(formatDiagnostics(run.diagnostics, 'en')).toBe('');
    expect(run.failed).toBe(0);
    const ruleset = run.ruleset;
    if (!ruleset) throw new Error('the school safety rules do not load');
    const report = coverage(ruleset, run.runs);
    expect(report.gaps).toEqual([]);
    expect(report.covered).toBe(report.required);
    // FSc3's 90% of pupils: exactly at it, one pupil short of it, and with no pupils at all.
    const drill = report.thresholds.find((t) => t.id === 'FSc3');
    expect(Object.keys(drill?.cells ?? {}).sort()).toEqual(['at', 'beyond', 'empty']);
  });
});
