/**
 * After a rule change, `lcz test --propose` and `--accept`: on a copy of the Lai Châu rules with
 * 1.3 raised from 98% to 99%, the failed cases are shown with the old expectation, the new value
 * and why; accepting one case rewrites only its expectation lines (comments, layout and every
 * other byte kept); --accept-all brings the run to 0 failed. With a new criterion whose fact the
 * base files lack, the fact is named once per base file, and no such case is ever rewritten.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = join(ROOT, 'rules/lai-chau-2020-2025');
const CASE = '1.3: 98/100 hộ chấp hành thì đạt';

let temp = '';
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-propose-'));
});
afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

/** A copy of the rules (with its own root marker) changed by `edit`. */
async function changedRules(name: string, edit: (ruleset: string) => string): Promise<string> {
  const dir = join(temp, name);
  await cp(RULES, join(dir, 'rules'), { recursive: true });
  await cp(join(ROOT, 'rules/shared'), join(dir, 'shared'), { recursive: true });
  await writeFile(join(dir, '.lcz-root'), '');
  const file = join(dir, 'rules/ruleset.yaml');
  const before = await readFile(file, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  await writeFile(file, after);
  return join(dir, 'rules');
}

const raise13 = (text: string) => text.replace(/(id: "1\.3"[\s\S]*?at_least: )98/, '$199');

describe('lcz test --propose after a threshold change', () => {
  it('shows each failed case with the old expectation, the new value and why; writes nothing', async () => {
    const rules = await changedRules('propose', raise13);
    const before = await readFile(join(rules, 'tests/04-boundaries.yaml'), 'utf8');
    const { code, stdout } = await lcz(['test', '--propose', '--lang', 'en', rules]);
    expect(code).toBe(1);
    expect(stdout).toContain('113 passed, 3 failed');
    const section = stdout.slice(stdout.indexOf('The outcome under the current rules'));
    expect(section).toContain(`✗ ${CASE}`);
    expect(section).toMatch(
      /04-boundaries\.yaml:91:25 {2}decision\n {8}- expected: recognised\n {8}\+ actual: {3}not_recognised/,
    );
    expect(section).toContain('why: group 1 is not met');
    expect(section).toContain('group 1: 3/4 criteria passed, needs 4; failing: 1.3');
    expect(section).toContain('criterion 1.3: fail (households_law_abiding=98, households=100)');
    expect(section).toContain('--accept-all');
    expect(await readFile(join(rules, 'tests/04-boundaries.yaml'), 'utf8')).toBe(before);
  });

  it('--accept rewrites only that case’s expectation values, in place', async () => {
    const rules = await changedRules('accept-one', raise13);
    const file = join(rules, 'tests/04-boundaries.yaml');
    const before = (await readFile(file, 'utf8')).split('\n');
    const { code, stderr, stdout } = await lcz(['test', '--lang', 'en', rules, '--accept', CASE]);
    expect(stderr).toContain('1 expectation'.replace('1', '2'));
    expect(stdout).toContain('114 passed, 2 failed');
    expect(code).toBe(1);
    const after = (await readFile(file, 'utf8')).split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [i + 1]));
    expect(changed).toEqual([91]);
    expect(after[90]).toBe('    expect: { decision: not_recognised, criteria: { "1.3": fail } }');
  });

  it('--accept-all after review: every case passes, comments kept', async () => {
    const rules = await changedRules('accept-all', raise13);
    const file = join(rules, 'tests/03-disqualifiers.yaml');
    const comments = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trimStart().startsWith('#'));
    const { code, stdout } = await lcz(['test', '--lang', 'en', rules, '--accept-all']);
    expect(stdout).toContain('116 passed, 0 failed');
    expect(code).toBe(0);
    const after = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trimStart().startsWith('#'));
    expect(after).toEqual(comments);
  });

  it('a name that is no failed case is refused in both languages, and nothing is written', async () => {
    const rules = await changedRules('unknown', raise13);
    const file = join(rules, 'tests/04-boundaries.yaml');
    const before = await readFile(file, 'utf8');
    const en = await lcz(['test', '--lang', 'en', rules, '--accept', CASE, '--accept', 'no such case']);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain("no failed case is named 'no such case'");
    const vi = await lcz(['test', rules, '--accept', 'no such case']);
    expect(vi.stderr).toContain("không có ca không đạt nào tên 'no such case'");
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('--accept with --accept-all is a usage error', async () => {
    const { code, stderr } = await lcz(['test', '--lang', 'en', RULES, '--accept', CASE, '--accept-all']);
    expect(code).toBe(2);
    expect(stderr).toContain('not both');
  });
});

describe('a new criterion whose fact the base files lack', () => {
  const addCriterion = (text: string) =>
    text
      .replace(
        /(\n {2}begging_hawking_or_touting_occurred:\n(?: {4}.*\n)+)/,
        '$1  digital_models:\n    type: integer\n    label: { vi: "Số mô hình chuyển đổi số", en: "Digital models" }\n',
      )
      .replace(
        /(condition: \{ fact: begging_hawking_or_touting_occurred, is: false \}\n)/,
        '$1      - id: "4.9"\n        text: { vi: "Có ít nhất một mô hình.", en: "At least one model." }\n        condition: { fact: digital_models, at_least: 1 }\n',
      );

  it('is named once per base file with the count of cases, not as a diff per case', async () => {
    const rules = await changedRules('lacking', addCriterion);
    const { code, stdout } = await lcz(['test', '--lang', 'en', rules]);
    expect(code).toBe(1);
    expect(stdout).toContain('89 passed, 27 failed');
    expect(stdout).toContain('fails only for facts that no layer of the case gives: digital_models');
    const notes = stdout.split('\n').filter((l) => l.includes('has no digital_models'));
    expect(notes).toEqual([
      `  ${rules}/tests/bases/to-dan-pho-dat-chuan.yaml: has no digital_models; 19 failed cases lack it. Add digital_models to this file.`,
      `  ${rules}/tests/bases/ban-nong-nghiep-dat-chuan.yaml: has no digital_models; 8 failed cases lack it. Add digital_models to this file.`,
    ]);
    // No expectation diff is printed for those cases.
    expect(stdout).not.toContain('- expected:');
  });

  it('such a case is never accepted: --accept names the base file, --accept-all leaves it', async () => {
    const rules = await changedRules('lacking-accept', addCriterion);
    const tests = join(rules, 'tests/01-standards.yaml');
    const before = await readFile(tests, 'utf8');
    const one = await lcz([
      'test',
      '--lang',
      'en',
      rules,
      '--accept',
      'Tổ dân phố đạt mọi tiêu chí thì được công nhận',
    ]);
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('fails only because its base lacks facts (digital_models)');
    expect(one.stderr).toContain('to-dan-pho-dat-chuan.yaml');
    const all = await lcz(['test', '--lang', 'en', rules, '--accept-all']);
    expect(all.stdout).toContain('89 passed, 27 failed');
    expect(await readFile(tests, 'utf8')).toBe(before);
  });
});
