/**
 * `lcz test`, in-process: the bundled cases pass (exit 0, the two summary lines), the survey cases
 * run with --cases, --json, and a copy of the rules with 1.3 weakened from 98% to 95% fails the
 * boundary cases with file:line:column of each broken expectation (exit 1). Usage and file
 * problems are reported in both languages.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = 'rules/lai-chau-2020-2025';
const run = (argv: string[], options: Parameters<typeof lcz>[1] = {}) => lcz(argv, { cwd: ROOT, ...options });

let temp = '';

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-test-'));
});

afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

describe('lcz test on the bundled rules', () => {
  it('passes every case: a ✓ line per case, then the Vietnamese and the English summary, exit 0', async () => {
    const { code, stdout, stderr } = await run(['test', RULES]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('  ✓ '))).toHaveLength(116);
    expect(lines.filter((l) => l.startsWith('  ✗ '))).toHaveLength(0);
    expect(lines).toContain('rules/lai-chau-2020-2025/tests/01-standards.yaml');
    expect(lines).toContain('rules/lai-chau-2020-2025/tests/06-coverage.yaml');
    expect(lines.slice(-2)).toEqual(['116 ca đạt, 0 ca không đạt', '116 passed, 0 failed']);
  });

  it('--lang en prints only the English summary', async () => {
    const { code, stdout } = await run(['test', '--lang', 'en', RULES]);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').slice(-2)).toEqual(['', '116 passed, 0 failed']);
    expect(stdout).not.toContain('ca đạt');
  });

  it('--cases runs the 2020 survey cases kept with the examples', async () => {
    const { code, stdout, stderr } = await run(['test', RULES, '--cases', 'examples/survey-2020/tests']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('examples/survey-2020/tests/survey-2020.yaml');
    expect(stdout).toContain('  ✓ Phường Quyết Tiến: không được công nhận chỉ vì tiêu chuẩn 2');
    expect(stdout.trimEnd().split('\n').slice(-1)).toEqual(['19 passed, 0 failed']);
  });

  it('--json prints the runs: ruleset, counts, and per file its cases', async () => {
    const { code, stdout } = await run(['test', '--json', RULES]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as {
      ruleset: { id: string };
      passed: number;
      failed: number;
      files: { file: string; cases: { name: string; ok: boolean; line: number; mismatches: unknown[] }[] }[];
    };
    expect(parsed.ruleset.id).toBe('lai-chau-khu-dan-cu-tu-quan');
    expect([parsed.passed, parsed.failed]).toEqual([116, 0]);
    expect(parsed.files.map((f) => f.file)).toEqual([
      `${RULES}/tests/01-standards.yaml`,
      `${RULES}/tests/02-variants.yaml`,
      `${RULES}/tests/03-disqualifiers.yaml`,
      `${RULES}/tests/04-boundaries.yaml`,
      `${RULES}/tests/05-undetermined.yaml`,
      `${RULES}/tests/06-coverage.yaml`,
    ]);
    expect(parsed.files.every((f) => f.cases.every((c) => c.ok && c.line > 0 && c.mismatches.length === 0))).toBe(true);
  });
});

describe('lcz test catches a broken threshold', () => {
  it('1.3 weakened to 95% in a copy of the rules: the boundary cases fail at their expectations, exit 1', async () => {
    const copy = join(temp, 'lai-chau-2020-2025');
    await cp(join(ROOT, RULES), copy, { recursive: true });
    const file = join(copy, 'ruleset.yaml');
    const line = '          percent: { part: households_law_abiding, whole: households }\n          at_least: 98\n';
    const original = await readFile(file, 'utf8');
    expect(original.split(line)).toHaveLength(2);
    await writeFile(file, original.replace(line, line.replace('at_least: 98', 'at_least: 95')));

    const { code, stdout } = await lcz(['test', '--lang', 'en', 'lai-chau-2020-2025'], { cwd: temp });
    expect(code).toBe(1);
    const failed = stdout.split('\n').filter((l) => l.startsWith('  ✗ '));
    expect(failed).toEqual([
      '  ✗ 1.3: 9799/10000 hộ chấp hành (97,99%) thì không đạt',
      '  ✗ 1.3: 97/100 hộ chấp hành thì không đạt',
    ]);
    expect(stdout.trimEnd().split('\n').slice(-1)).toEqual(['114 passed, 2 failed']);

    // Each location names the test file, and the line and column of the value that did not hold.
    const cases = (await readFile(join(copy, 'tests', '04-boundaries.yaml'), 'utf8')).split('\n');
    const located = [
      ...stdout.matchAll(
        /^ {6}lai-chau-2020-2025\/tests\/04-boundaries\.yaml:(\d+):(\d+) {2}criteria\."1\.3"\n {8}- expected: fail\n {8}\+ actual: {3}pass$/gm,
      ),
    ];
    expect(located).toHaveLength(2);
    for (const m of located) {
      const text = cases[Number(m[1]) - 1] ?? '';
      expect(text.slice(Number(m[2]) - 1)).toMatch(/^fail\b/);
      expect(text).toContain('"1.3": fail');
    }
  });
});

describe('lcz test: problems', () => {
  it('a test file with errors: located diagnostics, the cases did not run, exit 1', async () => {
    const dir = join(temp, 'broken-cases');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'a.yaml'), 'cases:\n  - name: x\n    expect: { decision: recognized }\n');
    const { code, stdout, stderr } = await run(['test', RULES, '--cases', dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/a\.yaml:3:25: lỗi \[schema_enum\] "recognized"/);
    expect(stdout).toContain('✗ tệp có lỗi nên không ca nào được chạy');
    expect(stdout.trimEnd().split('\n').slice(-2)).toEqual(['0 ca đạt, 0 ca không đạt', '0 passed, 0 failed']);
    expect(stderr).toContain('1 tệp ca kiểm thử có lỗi; các ca trong đó chưa được chạy.');
  });

  it('--cases naming nothing: file_not_found, exit 1; an empty folder: no test files, exit 1', async () => {
    const missing = await run(['test', RULES, '--cases', 'nowhere/tests']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('[file_not_found]');
    expect(missing.stderr).toContain('nowhere/tests');
    const empty = join(temp, 'empty');
    await mkdir(empty, { recursive: true });
    const none = await run(['test', '--lang', 'en', RULES, '--cases', empty]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no test case files (.yaml, .yml) found in');
  });

  it('a ruleset without a tests folder: no file_not_found, but that it has no cases and how to add them (vi, en), exit 1', async () => {
    const dir = join(temp, 'no-tests');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'ruleset.yaml'),
      await readFile(join(ROOT, 'packages/criteria-engine/test/fixtures/valid-rules/minimal.yaml'), 'utf8'),
    );
    const vi = await run(['test', dir]);
    expect(vi.code).toBe(1);
    expect(vi.stderr).not.toContain('file_not_found');
    expect(vi.stderr).toContain('bộ quy tắc chưa có ca kiểm thử');
    expect(vi.stderr).toContain('docs/test-cases.md');
    const en = await run(['test', '--lang', 'en', dir]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('the ruleset has no test cases yet. To add some, create that folder');
    expect(en.stderr).toContain('--cases');
  });

  it('the 2026–2030 draft has cases of its own, one per planted change, and they pass', async () => {
    const { code, stdout } = await run(['test', '--lang', 'en', 'rules/lai-chau-2026-2030-draft']);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('11 passed, 0 failed');
    expect(code).toBe(0);
  });

  it('invalid rules: their errors, nothing tested, exit 1', async () => {
    const dir = join(temp, 'bad-rules');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'ruleset.yaml'), 'format: 1\nid: x\n');
    const { code, stderr } = await run(['test', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('[schema_required]');
    expect(stderr).toMatch(/có \d+ lỗi; chưa chạy ca kiểm thử nào\./);
  });

  it('usage: no rules, two rules paths, --help', async () => {
    const none = await run(['test']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('lcz: hãy nêu bộ quy tắc cần chạy các ca kiểm thử');
    expect(none.stderr).toContain('lcz: name the rules whose test cases to run');
    const two = await run(['test', RULES, 'examples/survey-2020/tests']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("'examples/survey-2020/tests' is extra. Name test files or folders with --cases");
    const help = await run(['test', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('lcz test rules/lai-chau-2020-2025 --cases examples/survey-2020/tests');
    const main = await run(['--help']);
    expect(main.stdout).toContain('lcz test <rules> [--cases <path>]...');
  });
});
