/**
 * `lcz diff` in-process on 2020–2025 and the illustrative 2026–2030 draft: every planted change in
 * text (Vietnamese by default, and English), Markdown and JSON (checked against
 * schemas/diff.schema.json); with --assessments, the areas whose decision changes, checked
 * against `lcz evaluate --json` run on each version separately; batch files; problems located;
 * usage errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const OLD = 'rules/lai-chau-2020-2025';
const NEW = 'rules/lai-chau-2026-2030-draft';
const run = (argv: string[]) => lcz(argv, { cwd: ROOT });
const flat = (text: string) => text.replace(/\s+/g, ' ');

// ajv is a dependency of the engine, not of the CLI: load it from there.
const requireFromEngine = createRequire(new URL('../../criteria-engine/package.json', import.meta.url));
type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const Ajv2020 = (
  requireFromEngine('ajv/dist/2020.js') as { default: new (options: object) => { compile(schema: object): Validator } }
).default;
const validateDiff = new Ajv2020({ strict: true, allErrors: true }).compile(
  JSON.parse(readFileSync(join(ROOT, 'schemas/diff.schema.json'), 'utf8')) as object,
);

const EXAMPLE_DIRS = ['examples/assessments', 'examples/survey-2020'];
const EXAMPLES = EXAMPLE_DIRS.flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${dir}/${f}`),
);

interface DiffJson {
  criteria: {
    added: { id: string }[];
    removed: { id: string }[];
    changed: { id: string; changes: { kind: string }[] }[];
  };
  recognition: { kind: string; id?: string }[];
  impact?: {
    assessed: number;
    changed: number;
    areas: {
      source: { file: string; row?: number };
      before: string;
      after: string;
      changed: boolean;
      criteria: { id: string; before: string | null; after: string | null }[];
    }[];
  };
}

let temp = '';
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-diff-'));
});
afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

describe('lcz diff: what changed', () => {
  it('lists every planted change, in Vietnamese by default', async () => {
    const { code, stdout, stderr } = await run(['diff', OLD, NEW]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const f = flat(stdout);
    expect(f).toContain(
      'Mới: lai-chau-khu-dan-cu-tu-quan, phiên bản 2026-2030-draft (hiệu lực 2026-01-01 – 2030-12-31)',
    );
    expect(f).toContain('• 1.3 - Nội dung: [-98%-]{+95%+} trở lên');
    expect(f).toContain('- Ngưỡng: ≥ 98% → ≥ 95% số hộ');
    expect(f).toContain('• + 2.9 (tiêu chuẩn 2): Có mô hình thanh toán không dùng tiền mặt');
    expect(f).toContain('• − 3.7 (tiêu chuẩn 3): Không để xảy ra tình trạng ùn tắc giao thông.');
    expect(f).toContain('[-từ 1-2-]{+ít nhất 01+} lần/tháng.');
    expect(f).toContain('• 2.3 ');
    expect(f).toContain('- Khi không có phương án nào phù hợp (no_variant): không áp dụng → không đạt');
    expect(f).toContain('• Tiêu chí 4.3 nay bắt buộc phải đạt');
    expect(f).toContain('• Xảy ra tình trạng ùn tắc giao thông (traffic_congestion_occurred, có/không)');
    expect(f).toContain('• Tiêu chuẩn 2: 8 → 9 tiêu chí, cần 8 (trước đây cần 7)');
  });

  it('--lang en', async () => {
    const { code, stdout } = await run(['diff', '--lang', 'en', OLD, NEW]);
    expect(code).toBe(0);
    const f = flat(stdout);
    expect(f).toContain('COMPARISON OF TWO VERSIONS OF THE RULES');
    expect(f).toContain('- Threshold: ≥ 98% → ≥ 95% of households');
    expect(f).toContain('• Criterion 4.3 is now mandatory');
    expect(f).toContain('- When no variant fits (no_variant): not applicable → not passed');
  });

  it('--format md', async () => {
    const { code, stdout } = await run(['diff', '--format', 'md', OLD, NEW]);
    expect(code).toBe(0);
    expect(stdout.startsWith('# SO SÁNH HAI PHIÊN BẢN BỘ TIÊU CHÍ\n')).toBe(true);
    expect(stdout).toContain('- **1.3**\n  - Nội dung: ~~98%~~**95%** trở lên');
    expect(stdout).toContain('### Thêm mới (1)\n\n- **+ 2.9** (tiêu chuẩn 2)');
  });

  it('--format json: the documented shape, every planted change', async () => {
    const { code, stdout } = await run(['diff', '--format', 'json', OLD, NEW]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as DiffJson;
    expect(validateDiff(json) ? [] : validateDiff.errors).toEqual([]);
    expect(json.criteria.added.map((c) => c.id)).toEqual(['2.9']);
    expect(json.criteria.removed.map((c) => c.id)).toEqual(['3.7']);
    expect(json.criteria.changed.map((c) => c.id).sort()).toEqual(['1.3', '2.3', '3.4', '4.1']);
    expect(json.recognition).toContainEqual({ kind: 'mandatory_added', id: '4.3' });
    expect(json).not.toHaveProperty('impact');
  });
});

describe('lcz diff --assessments: whose decision changes', () => {
  /**
   * The decision of each example under one version, from `lcz evaluate --json`. The draft reads
   * copies without the fact it dropped, dated within its own period (evaluate refuses a date
   * outside it; the draft has no dated values, so the day changes nothing else).
   */
  async function decisions(rules: string, strip: boolean): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const file of EXAMPLES) {
      let path = file;
      if (strip) {
        path = join(temp, file.replace(/\//g, '_'));
        const text = await readFile(join(ROOT, file), 'utf8');
        await writeFile(
          path,
          text.replace(/^\s*traffic_congestion_occurred:.*$/m, '').replace(/date: "20[0-2]\d-/, 'date: "2026-'),
        );
      }
      const { code, stdout, stderr } = await run(['evaluate', '--json', '--rules', rules, path]);
      expect(stderr, file).toBe('');
      expect(code, file).toBe(0);
      out.set(file, (JSON.parse(stdout) as { decision: string }).decision);
    }
    return out;
  }

  it('matches evaluating each version on its own, area by area (JSON)', async () => {
    const { code, stdout, stderr } = await run([
      'diff',
      '--format',
      'json',
      OLD,
      NEW,
      '--assessments',
      ...EXAMPLE_DIRS,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as DiffJson;
    expect(validateDiff(json) ? [] : validateDiff.errors).toEqual([]);
    const before = await decisions(OLD, false);
    const after = await decisions(NEW, true);
    const impact = json.impact;
    expect(impact?.assessed).toBe(EXAMPLES.length);
    for (const area of impact?.areas ?? []) {
      expect(area.before, area.source.file).toBe(before.get(area.source.file));
      expect(area.after, area.source.file).toBe(after.get(area.source.file));
    }
    const expected = EXAMPLES.filter((f) => before.get(f) !== after.get(f));
    expect(expected.length).toBeGreaterThan(0);
    expect(impact?.areas.filter((a) => a.changed).map((a) => a.source.file)).toEqual(expected);
    expect(impact?.changed).toBe(expected.length);
  });

  it('an area given in two files (a CSV and the workbook saved from it) is counted once, with a note', async () => {
    const files = ['examples/city-2024/assessments-2024.csv', 'examples/city-2024/assessments-2024.xlsx'];
    const one = await run(['diff', '--format', 'json', OLD, NEW, '--assessments', files[0] as string]);
    const both = await run(['diff', '--format', 'json', OLD, NEW, '--assessments', ...files]);
    const a = (JSON.parse(one.stdout) as DiffJson).impact;
    const b = (JSON.parse(both.stdout) as DiffJson & { impact: { duplicates: number } }).impact;
    expect(validateDiff(JSON.parse(both.stdout)) ? [] : validateDiff.errors).toEqual([]);
    expect(b?.assessed).toBe(a?.assessed);
    expect(b?.changed).toBe(a?.changed);
    expect(b?.duplicates).toBe(a?.assessed);
    const text = flat((await run(['diff', OLD, NEW, '--assessments', ...files])).stdout);
    expect(text).toContain(`Đã đánh giá ${a?.assessed} phiếu theo cả hai phiên bản`);
    expect(text).toContain(`${a?.assessed} phiếu khác trùng với một phiếu ở tệp khác`);
    expect(text).toMatch(
      /\(examples\/city-2024\/assessments-2024\.csv:(\d+), examples\/city-2024\/assessments-2024\.xlsx:\1\)/,
    );
  });

  it('a bad row of a batch names its cell as lcz evaluate does, for the engine’s messages too', async () => {
    // Found writing test/fixtures/co-quan-van-hoa from the docs: "budget_saved = 49.95 has more
    // decimals…" with no cell, where lcz evaluate says "Cell S10, …".
    const { stderr } = await run([
      'diff',
      '--lang',
      'en',
      OLD,
      NEW,
      '--assessments',
      'examples/city-2024/assessments-2024.csv',
    ]);
    expect(stderr).toMatch(/assessments-2024\.csv:32:10: error \[input_part_exceeds_whole\] Cell J32, "/);
  });

  it('text: each area whose decision changes, with the reasons', async () => {
    const { code, stdout } = await run(['diff', OLD, NEW, '--assessments', 'examples/assessments']);
    expect(code).toBe(0);
    const f = flat(stdout);
    expect(f).toContain('Đã đánh giá 4 phiếu theo cả hai phiên bản: 2 phiếu đổi kết luận.');
    expect(f).toContain(
      '• Bản A (ví dụ) (SP-A), Xã Sùng Phài (examples/assessments/not-recognised-ban.yaml) - Kết luận: KHÔNG ĐƯỢC CÔNG NHẬN → ĐƯỢC CÔNG NHẬN',
    );
    expect(f).toContain('- tiêu chí 1.3: không đạt → đạt');
    // The change the old data cannot avoid (facts the draft adds) is counted and listed apart.
    expect(f).toContain(
      'Trong đó 1 phiếu đổi do quy tắc mới, 1 phiếu chỉ vì dữ liệu cũ chưa có dữ kiện mà phiên bản mới hỏi (liệt kê riêng bên dưới).',
    );
    expect(f).toContain(
      'Đổi kết luận chỉ vì dữ liệu cũ thiếu dữ kiện mới (1): bổ sung số liệu rồi so sánh lại • Tổ dân phố số 7 (TP-07), Phường Tân Phong (examples/assessments/recognised-to-dan-pho.yaml): ĐƯỢC CÔNG NHẬN → CHƯA ĐỦ CĂN CỨ ĐỂ KẾT LUẬN - còn thiếu: Có mô hình thanh toán không dùng tiền mặt',
    );
    expect(f).toContain(
      '(cashless_payment_model); Số hộ bán sản phẩm qua thương mại điện tử (ecommerce_selling_households)',
    );
    expect(f).toContain('Giữ nguyên kết luận: 2 phiếu.');
    const en = flat((await run(['diff', '--lang', 'en', OLD, NEW, '-a', 'examples/assessments'])).stdout);
    expect(en).toContain('4 assessments evaluated under both versions: 2 change decision.');
    expect(en).toContain('- Decision: NOT RECOGNISED → RECOGNISED');
  });

  it('Markdown: a table of the areas', async () => {
    const { stdout } = await run([
      'diff',
      '--format',
      'md',
      OLD,
      NEW,
      '--assessments',
      'examples/assessments/not-recognised-ban.yaml',
    ]);
    expect(stdout).toContain('| Đối tượng được đánh giá | Tệp | Kết luận | Vì sao |');
    expect(stdout).toContain(
      '| Bản A (ví dụ) (SP-A), Xã Sùng Phài | `examples/assessments/not-recognised-ban.yaml` | **KHÔNG ĐƯỢC CÔNG NHẬN** → **ĐƯỢC CÔNG NHẬN** |',
    );
  });

  it('reads batch files too: a CSV and a YAML list, areas located by row', async () => {
    const example = parseYaml(await readFile(join(ROOT, 'examples/assessments/not-recognised-ban.yaml'), 'utf8')) as {
      area: Record<string, string>;
      context: Record<string, unknown>;
      facts: Record<string, unknown>;
    };
    const header =
      (await run(['template', '--rules', OLD, '--format', 'csv', '--headers', 'ids'])).stdout
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0] ?? '';
    const values: Record<string, unknown> = { ...example.area, ...example.context, ...example.facts };
    const row = header
      .split(',')
      .map((id) => (values[id] === undefined ? '' : String(values[id])))
      .join(',');
    const csv = join(temp, 'batch.csv');
    await writeFile(csv, `${header}\n${row}\n`);
    const list = join(temp, 'batch.yaml');
    const one = await readFile(join(ROOT, 'examples/assessments/recognised-to-dan-pho.yaml'), 'utf8');
    await writeFile(
      list,
      `- ${one
        .replace(/^#.*\n/gm, '')
        .trim()
        .replace(/\n/g, '\n  ')}\n`,
    );
    const { code, stdout, stderr } = await run(['diff', '--format', 'json', OLD, NEW, '--assessments', csv, list]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const areas = (JSON.parse(stdout) as DiffJson).impact?.areas ?? [];
    expect(areas.map((a) => [a.source.file, a.source.row, a.before, a.after])).toEqual([
      [csv, 2, 'not_recognised', 'recognised'],
      [list, 1, 'recognised', 'undetermined'],
    ]);
  });

  it('an assessment the old rules reject: located, left out, the rest compared, exit 1', async () => {
    const bad = join(temp, 'bad.yaml');
    await writeFile(
      bad,
      'context: { unit_kind: ban, parent_kind: xa, agricultural: true }\nfacts:\n  households: "120"\n',
    );
    const { code, stdout, stderr } = await run([
      'diff',
      OLD,
      NEW,
      '--assessments',
      bad,
      'examples/assessments/not-recognised-ban.yaml',
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad\.yaml:3:15: lỗi \[input_type\]/);
    expect(stderr).toContain('1 phiếu đánh giá không so sánh được');
    expect(flat(stdout)).toContain('Đã đánh giá 1 phiếu theo cả hai phiên bản: 1 phiếu đổi kết luận.');
  });

  it('an assessment the new rules reject for a reason of their own: located at its line and column', async () => {
    const stricter = await mkdtemp(join(temp, 'stricter-'));
    const text = await readFile(join(ROOT, NEW, 'ruleset.yaml'), 'utf8');
    // The draft includes ../shared/…: the copy keeps it beside it, under a .lcz-root that lets
    // the rules read a sibling folder (as rules/.lcz-root does in the repository).
    await mkdir(join(temp, 'shared'), { recursive: true });
    await writeFile(join(temp, '.lcz-root'), '');
    await copyFile(
      join(ROOT, 'rules/shared/self-management-contents.yaml'),
      join(temp, 'shared/self-management-contents.yaml'),
    );
    await writeFile(
      join(stricter, 'ruleset.yaml'),
      text.replace(
        '  households:\n    type: integer\n    min: 0\n',
        '  households:\n    type: integer\n    min: 0\n    max: 50\n',
      ),
    );
    const { code, stderr } = await run([
      'diff',
      OLD,
      stricter,
      '--assessments',
      'examples/assessments/not-recognised-ban.yaml',
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/examples\/assessments\/not-recognised-ban\.yaml:\d+:\d+: lỗi \[input_range\]/);
    expect(stderr).not.toContain('traffic_congestion_occurred');
    expect(stderr).toContain(
      "'examples/assessments/not-recognised-ban.yaml' đọc được theo bộ quy tắc cũ nhưng không theo bộ quy tắc mới",
    );
  });
});

describe('lcz diff: usage and broken rules', () => {
  it('needs two rules; more needs --assessments; a known format (exit 2, both languages)', async () => {
    const one = await run(['diff', OLD]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('hãy nêu bộ quy tắc cũ và mới');
    expect(one.stderr).toContain('name the old and the new rules');
    const three = await run(['diff', OLD, NEW, 'examples/assessments']);
    expect(three.code).toBe(2);
    expect(three.stderr).toContain("'examples/assessments' is extra");
    const format = await run(['diff', '--format', 'html', OLD, NEW]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format must be text, md or json, not 'html'.");
  });

  it('broken rules: every error located, nothing compared, exit 1', async () => {
    const dir = await mkdtemp(join(temp, 'broken-'));
    await cp(join(ROOT, NEW, 'ruleset.yaml'), join(dir, 'ruleset.yaml'));
    const text = await readFile(join(dir, 'ruleset.yaml'), 'utf8');
    await writeFile(join(dir, 'ruleset.yaml'), text.replace('at_least: 95', 'at_least: 950'));
    const { code, stdout, stderr } = await run(['diff', OLD, dir]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/ruleset\.yaml:\d+:\d+: lỗi \[/);
    expect(stderr).toContain('chưa so sánh gì');
  });

  it('has help, listed in the main help', async () => {
    const help = await run(['help', 'diff']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('lcz diff <old rules> <new rules> [--lang vi|en] [--format text|md|json]');
    expect((await run(['--help'])).stdout).toContain('lcz diff <old rules> <new rules>');
  });
});
