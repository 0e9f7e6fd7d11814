/**
 * The YAML test cases are the conformance suite: every case of rules/lai-chau-2020-2025/tests and
 * of the 2020 survey (examples/survey-2020/tests) runs here as its own test, failing with the same
 * readable diff `lcz test` prints (expected / actual at file:line:column).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/index.js';
import { formatTestCase, type TestCaseResult, type TestRun } from '../../src/tools.js';
import { runTestDirectory } from '../../src/node.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const RULES = `${ROOT}rules/lai-chau-2020-2025`;
const SURVEY = `${ROOT}examples/survey-2020/tests`;

const [lai, survey] = await Promise.all([runTestDirectory(RULES), runTestDirectory(RULES, { cases: [SURVEY] })]);

const entries = (runs: readonly TestRun[]) =>
  runs.flatMap((run) =>
    run.cases.map((c): [string, TestRun, TestCaseResult] => [`${run.file.slice(ROOT.length)}: ${c.name}`, run, c]),
  );

function expectOk(run: TestRun, c: TestCaseResult): void {
  if (!c.ok) throw new Error(`\n${formatTestCase(run, c, 'en', { file: run.file.slice(ROOT.length) })}`);
}

describe('rules/lai-chau-2020-2025/tests', () => {
  it('loads the rules and finds the six case files, each without file-level problems', () => {
    expect(lai.ruleset?.id).toBe('lai-chau-khu-dan-cu-tu-quan');
    expect(lai.runs.map((r) => r.file.slice(RULES.length + 1))).toEqual([
      'tests/01-standards.yaml',
      'tests/02-variants.yaml',
      'tests/03-disqualifiers.yaml',
      'tests/04-boundaries.yaml',
      'tests/05-undetermined.yaml',
      'tests/06-coverage.yaml',
    ]);
    for (const run of lai.runs) {
      expect(formatDiagnostics(run.diagnostics, 'en'), run.file).toBe('');
      expect(run.cases.length, run.file).toBeGreaterThanOrEqual(8);
    }
    expect(lai.passed + lai.failed).toBe(116);
  });

  it('reaches all three decisions', () => {
    const decisions = new Set(lai.runs.flatMap((r) => r.cases.map((c) => c.decision)));
    expect([...decisions].sort()).toEqual(['not_recognised', 'recognised', 'undetermined']);
  });

  it.each(entries(lai.runs))('%s', (_label, run, c) => expectOk(run, c));
});

describe('examples/survey-2020/tests: the 2020 survey', () => {
  it('has one case per ward and commune at least, and no area is recognised', () => {
    expect(survey.runs).toHaveLength(1);
    const cases = survey.runs[0]?.cases ?? [];
    expect(cases.length).toBeGreaterThanOrEqual(7);
    expect(formatDiagnostics(survey.runs[0]?.diagnostics ?? [], 'en')).toBe('');
    expect(new Set(cases.map((c) => c.decision))).toEqual(new Set(['not_recognised']));
  });

  it('reads every survey assessment (one per ward and commune) through an `assessment:` case', () => {
    const files = readdirSync(`${ROOT}examples/survey-2020`).filter((f) => f.endsWith('.yaml'));
    expect(files).toHaveLength(7);
    const text = readFileSync(`${SURVEY}/survey-2020.yaml`, 'utf8');
    for (const file of files) expect(text).toContain(`assessment: ../${file}`);
  });

  it.each(entries(survey.runs))('%s', (_label, run, c) => expectOk(run, c));
});
