/**
 * `lcz check`, the checks in `lcz validate`, and `lcz test --coverage`, in-process: the bundled
 * rules pass with the two variant-coverage notes; a copy with a planted defect fails at its
 * file:line:column in both languages and as JSON; removing a test case shows up as a gap.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = 'rules/lai-chau-2020-2025';
const run = (argv: string[]) => lcz(argv, { cwd: ROOT });

let temp = '';

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-check-'));
});

afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

/** A copy of the Lai Châu rules (with their tests) in the temp folder, one text replaced in a file. */
async function copyWith(name: string, file: string, find: string, replace: string): Promise<string> {
  const dir = join(temp, name);
  await cp(join(ROOT, RULES), dir, { recursive: true });
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  expect(text.split(find)).toHaveLength(2);
  await writeFile(path, text.replace(find, replace));
  // Named relative to the temp folder, the working directory of the runs, as a user types it.
  return name;
}

describe('lcz check', () => {
  it('the bundled rules: the note on 2.3 (once, not per commune and ward), then the counts; exit 0', async () => {
    const { code, stdout, stderr } = await run(['check', RULES]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.includes('[variant_uncovered]'))).toEqual([
      expect.stringContaining('tiêu chí 2.3 áp dụng khi unit_kind=ban, agricultural=false;'),
    ]);
    expect(lines.at(-1)).toBe(
      'rules/lai-chau-2020-2025/ruleset.yaml: 0 lỗi, 0 cảnh báo, 1 ghi chú từ các phép kiểm tra.',
    );
  });

  it('a mandatory 2.3 (no variant for a non-agricultural bản): the error at the mandatory list, in Vietnamese and English; exit 1', async () => {
    const dir = await copyWith('mandatory', 'ruleset.yaml', '  mandatory: ["4.1"]', '  mandatory: ["4.1", "2.3"]');
    const vi = await lcz(['check', dir], { cwd: temp });
    expect(vi.code).toBe(1);
    expect(vi.stdout).toContain(
      'mandatory/ruleset.yaml:925:22: lỗi [mandatory_not_applicable] Tiêu chí bắt buộc 2.3 không bao giờ được áp dụng khi unit_kind=ban, parent_kind=phuong, agricultural=false; unit_kind=ban, parent_kind=xa, agricultural=false;',
    );
    expect(vi.stdout).toMatch(/\n {4}→ Nếu tiêu chí chỉ dành cho một số loại đối tượng được đánh giá/);
    expect(vi.stdout.trimEnd().split('\n').at(-1)).toBe(
      'mandatory/ruleset.yaml: 1 lỗi, 1 cảnh báo, 1 ghi chú từ các phép kiểm tra.',
    );
    // The warning: the recognition note still names only 4.1.
    expect(vi.stdout).toContain('cảnh báo [mandatory_not_in_note] Tiêu chí 2.3 là bắt buộc');
    const en = await lcz(['check', '--lang', 'en', dir], { cwd: temp });
    expect(en.stdout).toContain(
      'mandatory/ruleset.yaml:925:22: error [mandatory_not_applicable] Mandatory criterion 2.3 is never applicable when',
    );
    expect(en.stdout.trimEnd().split('\n').at(-1)).toBe(
      'mandatory/ruleset.yaml: 1 error, 1 warning, 1 note from the checks.',
    );

    // lcz validate runs the same checks: the rules are invalid.
    const validated = await lcz(['validate', dir], { cwd: temp });
    expect(validated.code).toBe(1);
    expect(validated.stdout).toBe('');
    expect(validated.stderr).toContain('mandatory/ruleset.yaml:925:22: lỗi [mandatory_not_applicable]');
    expect(validated.stderr).toContain("bộ quy tắc 'mandatory' có 1 lỗi.");
  });

  it('--json caps the list as the text does ("… and N more"); the counts are of every finding', async () => {
    // 300 small criteria, one in seven (f0 >= 0, f7 >= 0 …) unable to fail: well over 100 findings.
    const { generateSmallRulesText } = await import('../../criteria-engine/test/scale/generate-rules.js');
    const file = join(temp, 'many-findings.yaml');
    await writeFile(file, generateSmallRulesText(1000));
    const { stdout } = await lcz(['check', '--json', '--lang', 'en', file], { cwd: temp });
    const report = JSON.parse(stdout) as {
      errors: number;
      warnings: number;
      infos: number;
      diagnostics: { code: string; params: { count?: number } }[];
    };
    const total = report.errors + report.warnings + report.infos;
    expect(total).toBeGreaterThan(100);
    expect(report.diagnostics).toHaveLength(101);
    const note = report.diagnostics.at(-1);
    expect(note?.code).toBe('diagnostics_omitted');
    expect(note?.params.count).toBe(total - 100);
  });

  it('--json: the ruleset, the counts and every finding with its message and hint', async () => {
    const dir = await copyWith(
      'never',
      'ruleset.yaml',
      '  civilised_business_streets:\n    type: integer\n    min: 0',
      '  civilised_business_streets:\n    type: integer\n    min: 0\n    max: 0',
    );
    const { code, stdout } = await lcz(['check', '--json', '--lang', 'en', dir], { cwd: temp });
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      file: string;
      ruleset: { id: string };
      errors: number;
      diagnostics: { code: string; line: number; column: number; message: string; hint: string }[];
    };
    expect(report.file).toBe('never/ruleset.yaml');
    expect(report.ruleset.id).toBe('lai-chau-khu-dan-cu-tu-quan');
    expect(report.errors).toBe(1);
    const found = report.diagnostics.find((d) => d.code === 'criterion_never_passes');
    expect(found).toMatchObject({
      line: 578,
      column: 24,
      message: expect.stringMatching(/^Criterion 2\.3 \(variant "to_dan_pho"\) can never pass/),
    });
    expect(found?.hint).toMatch(/min and max/);
  });

  it('several rulesets: each checked, invalid ones reported on stderr; exit 1', async () => {
    const { code, stdout, stderr } = await run(['check', RULES, 'rules/lai-chau-2026-2030-draft', 'nowhere']);
    expect(code).toBe(1);
    expect(stdout).toContain('rules/lai-chau-2026-2030-draft/ruleset.yaml: 0 lỗi, 0 cảnh báo, 1 ghi chú');
    expect(stderr).toContain('[file_not_found]');
    expect(stderr).toContain("bộ quy tắc 'nowhere' có 1 lỗi (ở trên); sửa xong, lcz check mới chạy được");
  });

  it('a file with a problem of each stage: every one in one run, in file order, then the count; exit 1', async () => {
    const file = 'packages/criteria-engine/test/fixtures/every-problem/each-stage.yaml';
    const { code, stdout, stderr } = await run(['check', '--lang', 'en', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const found = stderr
      .split('\n')
      .flatMap((l) => /^\S+:(\d+:\d+): error \[(\w+)\]/.exec(l)?.slice(1, 3).join(' ') ?? []);
    expect(found).toEqual([
      '11:20 date_invalid',
      '23:19 schema_enum',
      '30:33 date_invalid',
      '32:22 parameter_key_value',
      '42:11 schema_unknown_property',
      '46:35 expr_syntax',
      '49:21 expr_unknown_name',
      '50:13 duplicate_id',
      '61:22 unknown_criterion',
    ]);
    expect(stderr).toContain(`the rules in '${file}' have 9 errors (above); once they are fixed, lcz check runs`);
  });

  it('a bad header date and a misspelt fact type hide neither a table row dated on no day nor an unknown region', async () => {
    const dir = join(temp, 'ntm');
    await cp(
      join(ROOT, 'packages/criteria-engine/test/fixtures/nong-thon-moi/ruleset.yaml'),
      join(dir, 'ruleset.yaml'),
    );
    const text = await readFile(join(dir, 'ruleset.yaml'), 'utf8');
    const edited = text
      .replace('effective: { from: "2026-01-01"', 'effective: { from: "2026-13-01"')
      .replace('  population:\n    type: integer', '  population:\n    type: integr')
      .replace(
        '{ region: mien_nui, from: "2028-01-01", value: 52.5 }',
        '{ region: mien_nui, from: "2028-02-30", value: 52.5 }',
      )
      .replace(
        '{ region: trung_du, from: "2028-01-01", value: 62 }',
        '{ region: trung_duu, from: "2028-01-01", value: 62 }',
      );
    expect(edited.split('\n').filter((l, i) => l !== text.split('\n')[i])).toHaveLength(4);
    await writeFile(join(dir, 'ruleset.yaml'), edited);
    const { code, stderr } = await lcz(['check', 'ntm'], { cwd: temp });
    expect(code).toBe(1);
    expect(stderr.match(/ lỗi \[\w+\]/g)).toEqual([
      ' lỗi [date_invalid]',
      ' lỗi [schema_enum]',
      ' lỗi [date_invalid]',
      ' lỗi [parameter_key_value]',
    ]);
    expect(stderr).toContain('parameters.income_min.values[2].from "2028-02-30" không phải là một ngày có thật');
    expect(stderr).toContain('"trung_duu" không phải giá trị của region');
    expect(stderr).toContain("bộ quy tắc 'ntm' có 4 lỗi (ở trên)");
  });

  it('usage: no rules named is exit 2, in both languages', async () => {
    const { code, stderr } = await run(['check']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'lcz: hãy nêu tệp hoặc thư mục quy tắc cần kiểm tra, ví dụ lcz check rules/lai-chau-2020-2025.',
    );
    expect(stderr).toContain('lcz: name the rule file or directory to check, e.g. lcz check rules/lai-chau-2020-2025.');
  });
});

describe('lcz test --coverage', () => {
  it('the bundled cases cover everything: the table, then 216/216; exit 0', async () => {
    const { code, stdout } = await run(['test', '--coverage', RULES]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toContain('ĐỘ PHỦ CỦA CÁC CA KIỂM THỬ');
    expect(lines).toContain('2.1                       ✓    ✓          ✓        ✓');
    expect(lines.at(-1)).toBe('Độ phủ: 216/216 (100%): đủ mọi trường hợp có thể xảy ra');
  });

  it('without the case where 3.1 fails: the gap, named; the exit code still follows the cases', async () => {
    const dir = await copyWith(
      'gap',
      'tests/06-coverage.yaml',
      `  - name: "3.1: có tập kết vật liệu xây dựng trên vỉa hè thì không đạt, tiêu chuẩn 3 còn 6/7"
    extends: tdp
    facts: { materials_on_roadway_occurred: true }
    expect:
      decision: recognised
      criteria: { "3.1": fail }
      standards:
        "3": { passed: 6, failed: 1, status: met }
`,
      '',
    );
    const { code, stdout } = await lcz(['test', '--coverage', '--lang', 'en', dir], { cwd: temp });
    expect(code).toBe(0);
    expect(stdout).toContain('\n3.1                       ✓     ✗     ✓        –\n');
    expect(stdout.trimEnd().split('\n').slice(-4)).toEqual([
      'Coverage: 215/216 (99%)',
      '',
      'Test cases still missing for:',
      '  3.1: no case makes the criterion fail',
    ]);
  });

  it('--format md and --json', async () => {
    const md = await run(['test', '--coverage', '--format', 'md', '--lang', 'en', RULES]);
    expect(md.stdout).toContain('| Criterion | pass | fail | unknown | n/a |');
    const json = await run(['test', '--coverage', '--json', RULES]);
    const parsed = JSON.parse(json.stdout) as {
      coverage: { required: number; covered: number; gaps: unknown[] };
      files: { cases: Record<string, unknown>[] }[];
    };
    expect(parsed.coverage).toMatchObject({ required: 216, covered: 216, gaps: [] });
    // The inputs kept for coverage are not printed.
    expect(parsed.files.every((f) => f.cases.every((c) => !('input' in c)))).toBe(true);
  });

  it('--format without --coverage, or a bad format, is wrong usage (exit 2)', async () => {
    expect((await run(['test', '--format', 'md', RULES])).code).toBe(2);
    const bad = await run(['test', '--coverage', '--format', 'html', RULES]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--format must be text or md, not 'html'.");
  });
});
