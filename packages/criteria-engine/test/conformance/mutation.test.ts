/**
 * The test cases catch a broken threshold: criterion 1.3 is weakened from 98% to 95% in a copy of
 * the rule text, the Lai Châu cases are run against it, and exactly the boundary cases between
 * 95% and 98% fail, each reported at the file, line and column of the expectation that no longer
 * holds. (packages/cli/test/test-command.test.ts does the same through `lcz test`.)
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRuleset, type CompiledRuleset } from '../../src/index.js';
import { formatTestRun, runTestCases, type TestRun } from '../../src/tools.js';
import { readTextSync } from '../../src/node-files.js';

const RULES = fileURLToPath(new URL('../../../../rules/lai-chau-2020-2025/', import.meta.url));
const RULE_13 = '          percent: { part: households_law_abiding, whole: households }\n          at_least: 98\n';

async function runAll(ruleset: CompiledRuleset): Promise<TestRun[]> {
  const names = (await readdir(join(RULES, 'tests'))).filter((n) => n.endsWith('.yaml')).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = join(RULES, 'tests', name);
      return runTestCases(ruleset, await readFile(file, 'utf8'), file, { readFile: readTextSync });
    }),
  );
}

function load(text: string): CompiledRuleset {
  const loaded = loadRuleset(text, { file: join(RULES, 'ruleset.yaml') });
  if (!loaded.value) throw new Error('the rules did not load');
  return loaded.value;
}

const original = await readFile(join(RULES, 'ruleset.yaml'), 'utf8');

describe('a deliberately broken threshold (1.3: at_least 98 → 95)', () => {
  it('is a one-line change of the rule text', () => {
    expect(original.split(RULE_13)).toHaveLength(2);
  });

  it('every case passes against the real rules', async () => {
    const runs = await runAll(load(original));
    expect(runs.flatMap((r) => r.cases.filter((c) => !c.ok).map((c) => c.name))).toEqual([]);
  });

  it('fails exactly the cases on the 1.3 boundary, at the expectations 1.3 decides', async () => {
    const broken = load(original.replace(RULE_13, RULE_13.replace('at_least: 98', 'at_least: 95')));
    expect(broken.criteria.find((c) => c.id === '1.3')?.condition?.thresholds).toEqual([
      expect.objectContaining({ kind: 'percent', op: '>=', value: 95 }),
    ]);
    const runs = await runAll(broken);
    const failed = runs.flatMap((run) => run.cases.filter((c) => !c.ok).map((c) => ({ run, c })));
    expect(failed.map(({ c }) => c.name).sort()).toEqual([
      '1.3: 97/100 hộ chấp hành thì không đạt',
      '1.3: 9799/10000 hộ chấp hành (97,99%) thì không đạt',
    ]);

    const boundaries = runs.find((r) => r.file.endsWith('04-boundaries.yaml')) as TestRun;
    const text = (await readFile(boundaries.file, 'utf8')).split('\n');
    const at97_99 = boundaries.cases.find((c) => c.name.startsWith('1.3: 9799/10000'));
    expect(at97_99?.diagnostics).toEqual([]);
    expect(at97_99?.mismatches.map((m) => [m.path, m.expected, m.actual])).toEqual([
      ['decision', 'not_recognised', 'recognised'],
      ['criteria."1.3"', 'fail', 'pass'],
      ['standards."1".passed', 3, 4],
      ['standards."1".status', 'not_met', 'met'],
    ]);
    // Each mismatch points at the expected value in the file: line and column of that text.
    for (const m of at97_99?.mismatches ?? []) {
      const line = text[m.line - 1] ?? '';
      expect(line.slice(m.column - 1)).toMatch(new RegExp(`^${String(m.expected)}\\b`));
    }
    expect(text[(at97_99?.mismatches[1]?.line ?? 0) - 1]).toContain('criteria: { "1.3": fail }');

    const report = formatTestRun(boundaries, 'en', { file: 'tests/04-boundaries.yaml' });
    expect(report).toMatch(/^ {2}✗ 1\.3: 9799\/10000 hộ chấp hành \(97,99%\) thì không đạt$/m);
    expect(report).toMatch(
      /^ {6}tests\/04-boundaries\.yaml:\d+:\d+ {2}criteria\."1\.3"\n {8}- expected: fail\n {8}\+ actual: {3}pass$/m,
    );
  });
});
