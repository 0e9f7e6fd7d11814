/**
 * run() in-process with a fake io: help, version and usage errors. None of these load the engine.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import cliPackage from '../package.json' with { type: 'json' };
import { en } from '../src/messages/en.js';
import { vi } from '../src/messages/vi.js';
import { lcz } from './helpers.js';

describe('lcz help and version', () => {
  it('--help prints usage in English and Vietnamese with examples, exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout, stderr } = await lcz([flag]);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toContain('Usage / Cách dùng:');
      expect(stdout).toContain('lcz validate <rules>');
      expect(stdout).toContain('lcz evaluate --rules <rules> <assessment>');
      expect(stdout).toContain('Examples / Ví dụ:');
    }
  });

  it('no arguments prints usage on stderr, exit 2', async () => {
    const { code, stdout, stderr } = await lcz([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage / Cách dùng:');
  });

  it("<command> --help and help <command> print that command's help, exit 0", async () => {
    for (const argv of [
      ['validate', '--help'],
      ['help', 'validate'],
      ['validate', 'x', '-h', '--bogus'],
    ]) {
      const { code, stdout } = await lcz(argv);
      expect(code).toBe(0);
      expect(stdout).toContain('lcz validate: check rule files / kiểm tra tệp quy tắc');
      expect(stdout).toContain('lcz validate rules/lai-chau-2020-2025');
    }
    const { code, stdout } = await lcz(['evaluate', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('-r, --rules <rules>');
    expect(stdout).toContain('--json');
    expect(stdout).toContain('--full');
    expect(stdout).toContain('lcz evaluate --rules rules/lai-chau-2020-2025 examples/assessments');
  });

  it('--version prints the CLI and engine versions', async () => {
    for (const flag of ['--version', '-V']) {
      const { code, stdout } = await lcz([flag]);
      expect(code).toBe(0);
      expect(stdout).toMatch(
        new RegExp(`^lcz ${cliPackage.version.replace(/\./g, '\\.')} \\(@lcz/criteria-engine \\S+\\)\\n$`),
      );
    }
  });
});

describe('lcz usage errors (exit 2, Vietnamese then English, no stack)', () => {
  const usage = async (argv: string[], vi: RegExp, en: RegExp) => {
    const { code, stdout, stderr } = await lcz(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(vi);
    expect(lines[1]).toMatch(en);
    expect(stderr).not.toMatch(/\n\s+at /);
    return stderr;
  };

  it('unknown command', async () => {
    const err = await usage(['frobnicate'], /^lcz: không có lệnh 'frobnicate'/, /^lcz: unknown command 'frobnicate'/);
    expect(err).toContain("see 'lcz --help'");
    await usage(['help', 'nope'], /không có lệnh 'nope'/, /unknown command 'nope'/);
    await usage(['constructor'], /không có lệnh 'constructor'/, /unknown command 'constructor'/);
  });

  it('unknown global flag', async () => {
    await usage(['--frob'], /không có tuỳ chọn '--frob'/, /unknown option '--frob'/);
  });

  it("unknown flag of a command points at that command's help", async () => {
    const err = await usage(['validate', '--frob', 'rules'], /không có tuỳ chọn '--frob'/, /unknown option '--frob'/);
    expect(err).toContain("see 'lcz validate --help'");
    await usage(['evaluate', '-x', '--rules', 'r', 'a.yaml'], /không có tuỳ chọn '-x'/, /unknown option '-x'/);
  });

  it('--rules given to a command that takes the rules as an argument: says how to write it', async () => {
    for (const command of ['build', 'check', 'test', 'validate']) {
      const err = await usage(
        [command, '--rules', 'rules/lai-chau-2020-2025'],
        new RegExp(
          `lcz ${command} nhận bộ quy tắc là đối số, không dùng --rules: lcz ${command} rules/lai-chau-2020-2025`,
        ),
        new RegExp(
          `lcz ${command} takes the rules as an argument, not as --rules: lcz ${command} rules/lai-chau-2020-2025`,
        ),
      );
      expect(err).not.toContain('unknown option');
    }
    await usage(['diff', '--rules=a', 'b'], /lcz diff a\./, /lcz diff a\./);
  });

  it('lcz records: each subcommand names the option it lacks, and refuses bad years, dates and reasons', async () => {
    // Usage errors come before the store is opened; were one to pass, the store is made in a temporary folder.
    const store = ['--store', join(tmpdir(), 'lcz-usage-never.sqlite')];
    await usage(['records', 'status', ...store, '--year', '2024'], /--rules/, /--rules is needed here/);
    await usage(['records', 'status', ...store, '--rules', 'r'], /--year/, /--year is needed here/);
    await usage(['records', 'history', '--year', '2024'], /--store/, /--store is needed here/);
    await usage(
      ['records', 'board', ...store, '--year', '2024', '--date', '2024-12-01'],
      /--number/,
      /--number is needed/,
    );
    await usage(['records', 'export', ...store], /--out/, /--out is needed here/);
    await usage(['records', 'key', '--name', 'a'], /--role/, /--role is needed here/);
    await usage(['records', 'key', '--name', 'a', '--role', 'department'], /--owner/, /--owner is needed here/);
    await usage(
      ['records', 'register', ...store, '--rules', 'r', '--year', '2024'],
      /register/,
      /name one or more workbooks to register/,
    );
    await usage(
      ['records', 'status', ...store, '--rules', 'r', '--year', '24'],
      /'24'/,
      /--year must be a year in four digits/,
    );
    // A negative number is the option's value, not an option: the year is refused as a year
    // (it was "--year needs a value", which it had been given).
    await usage(
      ['records', 'status', ...store, '--rules', 'r', '--year', '-1'],
      /--year phải là năm bốn chữ số, ví dụ 2024 \(không phải '-1'\)/,
      /--year must be a year in four digits, e.g. 2024 \(not '-1'\)/,
    );
    await usage(
      ['records', 'board', ...store, '--year', '2024', '--number', '1', '--date', '2024-02-30', '--recognise', 'A'],
      /'2024-02-30'/,
      /--date must be a date YYYY-MM-DD/,
    );
    await usage(
      [
        'records',
        'board',
        ...store,
        '--year',
        '2024',
        '--number',
        '1',
        '--date',
        '2024-02-03',
        '--recognise',
        'A',
        '--reason',
        'no code',
      ],
      /no code/,
      /no code/,
    );
  });

  it('options that need a value, or take none', async () => {
    await usage(
      ['evaluate', 'a.yaml', '--rules'],
      /tuỳ chọn '-r, --rules' cần một giá trị/,
      /option '-r, --rules' needs a value/,
    );
    await usage(
      ['evaluate', '--json=yes', '--rules', 'r', 'a.yaml'],
      /'--json' không nhận giá trị/,
      /'--json' does not take a value/,
    );
  });

  it('a bad --lang', async () => {
    await usage(
      ['validate', '--lang', 'fr', 'rules'],
      /--lang phải là 'vi' hoặc 'en', không phải 'fr'/,
      /--lang must be 'vi' or 'en', not 'fr'/,
    );
    await usage(['evaluate', '--lang=de', '--rules', 'r', 'a.yaml'], /không phải 'de'/, /not 'de'/);
  });

  it('missing arguments', async () => {
    await usage(['validate'], /hãy nêu tệp hoặc thư mục quy tắc/, /name the rule file or directory/);
    await usage(['evaluate', 'a.yaml'], /hãy nêu bộ quy tắc bằng --rules/, /name the rules with --rules/);
    await usage(['evaluate', '--rules', 'r'], /ít nhất một tệp/, /at least one assessment/);
  });
});

describe('CLI messages', () => {
  it('vi and en define the same keys and placeholders', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    // The scheme's words ({assessed}, {assessed_many}, …) are not values: each language says them its own way.
    const WORDS = /^(assessed|grouped_by)(_many)?$/i;
    const names = (s: string) =>
      [...s.matchAll(/\{([a-z_]+)\}/g)]
        .map((m) => m[1] ?? '')
        .filter((n) => !WORDS.test(n))
        .sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(names(vi[key]), key).toEqual(names(en[key]));
  });
});
