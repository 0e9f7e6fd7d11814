/**
 * YAML test cases on a scheme with levels and points (test/fixtures/levels): every case passes,
 * they cover every level boundary and every band of the step tables, and an expectation of a
 * level, a total or a criterion's points that does not hold is a located mismatch.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/index.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import { runTestDirectory } from '../../src/node.js';
import { coverage, formatCoverage, runTestCases } from '../../src/tools.js';

const DIR = fileURLToPath(new URL('../fixtures/levels', import.meta.url));
const run = await runTestDirectory(DIR, { keepInputs: true });
const rules = loadRulesetOrThrow(readFileSync(`${DIR}/ruleset.yaml`, 'utf8'), { file: `${DIR}/ruleset.yaml` });

describe('YAML test cases with levels and points', () => {
  it('all pass, without file-level problems', () => {
    expect(formatDiagnostics(run.diagnostics, 'en')).toBe('');
    expect(run.failed).toBe(0);
    expect(run.passed).toBeGreaterThanOrEqual(35);
  });

  it('cover every level boundary and every band, from both sides', () => {
    const ruleset = run.ruleset;
    if (!ruleset) throw new Error('no ruleset');
    const report = coverage(ruleset, run.runs);
    expect(formatCoverage(report, 'en')).toContain('Coverage: ');
    expect(report.gaps).toEqual([]);
    expect(report.outcomes.filter((o) => o.kind === 'level').map((o) => o.id)).toEqual(['certified', 'silver', 'gold']);
    expect(report.thresholds.map((t) => t.text)).toEqual(
      expect.arrayContaining(['saving ≥ 6', 'saving ≥ 10', 'saving ≥ 50', 'trees ≥ 10', 'trees ≥ 50']),
    );
  });

  it('reports a wrong level, total, standard total or criterion points at its line', () => {
    const text = [
      'ruleset: levels-test',
      'cases:',
      '  - name: wrong',
      '    context: { size: large }',
      '    facts: { a: true, b: true, c: false, d: true, extra: false, saving: 12, trees: 60, certified_plan: false, done: 6, total: 10, violation: false, minor_issue: false }',
      '    expect:',
      '      decision: recognised',
      '      level: gold',
      '      points: 14',
      '      standards: { "2": { points: { least: 9, most: 10 } } }',
      '      criteria: { "2.1": { points: 1 } }',
    ].join('\n');
    const result = runTestCases(rules, text, 'wrong.yaml');
    const mismatches = result.cases[0]?.mismatches ?? [];
    expect(mismatches.map((m) => [m.path, m.expected, m.actual, m.line])).toEqual([
      ['level', 'gold', 'silver', 8],
      ['points', 14, 13, 9],
      ['standards."2".points', '9–10', 10, 10],
      ['criteria."2.1".points', 1, 3, 11],
    ]);
  });

  it('refuses a level the scheme does not declare, with a suggestion', () => {
    const text =
      'ruleset: levels-test\ncases:\n  - name: x\n    context: { size: large }\n    expect: { decision: undetermined, level: gol }\n';
    const result = runTestCases(rules, text, 'x.yaml');
    const codes = [...result.diagnostics, ...(result.cases[0]?.diagnostics ?? [])].map((d) => [
      d.code,
      d.params['suggestion'],
    ]);
    expect(codes).toContainEqual(['schema_enum', 'gold']);
  });
});
