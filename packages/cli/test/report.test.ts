/**
 * `lcz report` in-process: the example assessments to every format, bad rows and bad targets
 * (located, exit 1, the report still written from valid rows), usage errors (exit 2).
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = 'rules/lai-chau-2020-2025';
const TARGETS = `${RULES}/targets.yaml`;
const run = (argv: string[]) => lcz(argv, { cwd: ROOT });

// exceljs is a dependency of the report package, not of the CLI: load it from there.
const requireFromReport = createRequire(new URL('../../report/package.json', import.meta.url));
const ExcelJS = requireFromReport('exceljs') as {
  Workbook: new () => { xlsx: { readFile(path: string): Promise<unknown> }; worksheets: { name: string }[] };
};

let temp = '';
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-report-cli-'));
});
afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

describe('lcz report', () => {
  it('Markdown on standard output by default, Vietnamese, with targets', async () => {
    const { code, stdout, stderr } = await run([
      'report',
      '--rules',
      RULES,
      '--targets',
      TARGETS,
      'examples/assessments',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Báo cáo tổng hợp: /);
    expect(stdout).toContain('| 2024 | 4 | 4 | 1 | 2 | 1 | 25% | — |');
    expect(stdout).toContain('mọi khu dân cư được đánh giá đều được tính là đã đăng ký');
    expect(stdout).toContain('## Tiến độ thực hiện các mục tiêu của đề án');
    expect(stdout).toContain('trên 30% của 70 = 22 | 1 | 22 | 21 | chưa đạt |');
  });

  it('--out picks the format from the extension: html, csv, xlsx; --lang en', async () => {
    for (const ext of ['html', 'csv', 'xlsx']) {
      const out = join(temp, `report.${ext}`);
      const { code, stdout } = await run([
        'report',
        '--rules',
        RULES,
        '--lang',
        'en',
        '--out',
        out,
        'examples/assessments',
      ]);
      expect(code, ext).toBe(0);
      expect(stdout).toBe(`Report written to ${out}: areas counted: 4; 0 rows left out.\n`);
    }
    expect(await readFile(join(temp, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(await readFile(join(temp, 'report.csv'), 'utf8')).toContain('Total,4,4,1,2,1,25');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(temp, 'report.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toContain('By unit');
  });

  it('bad rows are listed at file:row:column and left out; the report is still written; exit 1', async () => {
    const dir = join(temp, 'mixed');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    await copyFile(join(ROOT, 'examples/assessments/recognised-to-dan-pho.yaml'), join(dir, 'a.yaml'));
    await writeFile(
      join(dir, 'b.yaml'),
      'context: { unit_kind: ban, parent_kind: xa, agricultural: true }\nfacts:\n  households: many\n',
    );
    const { code, stdout, stderr } = await lcz(['report', '--rules', join(ROOT, RULES), dir], { cwd: temp });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^mixed\/b\.yaml:3:15: lỗi \[/m);
    expect(stderr).toContain('1 dòng không đọc được nên không được tính vào báo cáo');
    expect(stdout).toContain('| 2024 | 1 | 1 | 1 | 0 | 0 | 100% | — |');
  });

  it('a bad cell of a batch is named by its cell and column, as lcz evaluate names it', async () => {
    const dir = join(temp, 'cells');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    const lines = (await readFile(join(ROOT, 'examples/city-2024/assessments-2024.csv'), 'utf8')).split('\n');
    // Row 3, column J: more households following the rules (200) than households (159).
    lines[2] = lines[2]?.replace(',159,157,', ',159,200,') ?? '';
    await writeFile(join(dir, 'city.csv'), lines.slice(0, 3).join('\n'));
    const { code, stderr } = await lcz(['report', '--rules', join(ROOT, RULES), 'cells/city.csv'], { cwd: temp });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^cells\/city\.csv:3:10: lỗi \[input_part_exceeds_whole\] Ô J3, "Số hộ nghiêm chỉnh/m);
  });

  it('an invalid targets file: every problem located, nothing written, exit 1', async () => {
    const targets = join(temp, 'targets.yaml');
    const text = (await readFile(join(ROOT, TARGETS), 'utf8'))
      .replace('goal: { at_least: 22 }', 'goal: { at_lest: 22 }')
      .replace('areas: 70', 'areas: seventy');
    await writeFile(targets, text);
    const out = join(temp, 'never.md');
    const { code, stderr } = await lcz(
      ['report', '--rules', join(ROOT, RULES), '--targets', targets, '--out', out, join(ROOT, 'examples/assessments')],
      { cwd: temp },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/^targets\.yaml:\d+:\d+: lỗi \[targets_wrong_type\] areas/m);
    expect(stderr).toMatch(/^targets\.yaml:\d+:\d+: lỗi \[targets_unknown_key\] "at_lest"/m);
    expect(stderr).toContain('→ Có phải ý bạn là "at_least"?');
    expect(stderr).toContain("tệp mục tiêu 'targets.yaml' có 2 lỗi; chưa ghi báo cáo.");
    await expect(readFile(out)).rejects.toThrow();
  });

  it('a targets file that cannot be read, and inputs with no area in them: located, nothing written, exit 1', async () => {
    const out = join(temp, 'never-either.md');
    const missing = await lcz(
      [
        'report',
        '--rules',
        join(ROOT, RULES),
        '--targets',
        'nowhere.yaml',
        '--out',
        out,
        join(ROOT, 'examples/assessments'),
      ],
      { cwd: temp },
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^nowhere\.yaml: lỗi \[targets_unreadable\].*ENOENT/m);
    const empty = join(temp, 'empty.csv');
    await writeFile(empty, '');
    const none = await lcz(['report', '--rules', join(ROOT, RULES), '--out', out, empty], { cwd: temp });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/\[report_no_areas\]/);
    await expect(readFile(out)).rejects.toThrow();
  });

  it('usage errors: no --rules, no input, a bad --format, xlsx without --out (exit 2, both languages)', async () => {
    const cases: [string[], string][] = [
      [['report', 'examples/assessments'], 'name the rules with --rules'],
      [['report', '--rules', RULES], 'name at least one input file'],
      [
        ['report', '--rules', RULES, '--format', 'pdf', 'examples/assessments'],
        "--format must be md, html, csv or xlsx, not 'pdf'.",
      ],
      [
        ['report', '--rules', RULES, '--format', 'xlsx', 'examples/assessments'],
        'an XLSX report is a file: name it with --out',
      ],
    ];
    for (const [argv, english] of cases) {
      const { code, stdout, stderr } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(english);
      expect(stderr.split('\n')[0]).toMatch(/^lcz: /);
    }
    // An --out that cannot be written is the user's to fix: a usage error naming it, no stack trace.
    const unwritable = await run([
      'report',
      '--rules',
      RULES,
      '--out',
      'no-such-folder/report.md',
      'examples/assessments',
    ]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain('no-such-folder/report.md');
    expect(unwritable.stderr).toContain('ENOENT');
    expect(unwritable.stderr).not.toMatch(/\n\s+at /);
    const help = await run(['report', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      'lcz report --rules <rules> [--targets <file>] [--format md|html|csv|xlsx] [--out <file>]',
    );
  });
});
