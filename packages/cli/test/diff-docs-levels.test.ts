/**
 * `lcz diff` and `lcz docs` in-process on the two schemes beside Lai Châu: the green-building
 * points-and-levels scheme (English only) and the tiered new-rural commune scheme (a region × year
 * table, a derived income per person). diff: changed steps and levels, a changed table cell and
 * derived quantity, whose level changes with --assessments, JSON checked against
 * schemas/diff.schema.json. docs: the points column, the levels, the tables, the filled values.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const GREEN = 'rules/green-building-illustrative';
const NTM = 'rules/ntm-commune-2021-2025';
const flat = (text: string) => text.replace(/\s+/g, ' ');

const requireFromEngine = createRequire(new URL('../../criteria-engine/package.json', import.meta.url));
type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const Ajv2020 = (
  requireFromEngine('ajv/dist/2020.js') as { default: new (options: object) => { compile(schema: object): Validator } }
).default;
const validateDiff = new Ajv2020({ strict: true, allErrors: true }).compile(
  JSON.parse(readFileSync(join(ROOT, 'schemas/diff.schema.json'), 'utf8')) as object,
);

let temp = '';
const run = (argv: string[]) => lcz(argv, { cwd: temp });

/** A copy of a scheme's rule file with each `[from, to]` replaced once, in `temp/<name>/`. */
async function edited(folder: string, name: string, ...replacements: [string, string][]): Promise<string> {
  let text = await readFile(join(ROOT, folder, 'ruleset.yaml'), 'utf8');
  for (const [from, to] of replacements) {
    expect(text.split(from).length - 1, from).toBe(1);
    text = text.replace(from, to);
  }
  await mkdir(join(temp, name), { recursive: true });
  await writeFile(join(temp, name, 'ruleset.yaml'), text);
  return name;
}

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-diff-levels-'));
  await edited(GREEN, 'green-old');
  await edited(
    GREEN,
    'green-new',
    ['- { at_least: 144, points: 3 }', '- { at_least: 144, points: 4 }'],
    [
      'label: { en: "Platinum" }\n    total_requirement: { at_least_points: 80 }',
      'label: { en: "Platinum" }\n    total_requirement: { at_least_points: 100 }',
    ],
  );
  await edited(NTM, 'ntm-old');
  await edited(
    NTM,
    'ntm-new',
    [
      '- { region: trung_du_mien_nui_phia_bac, from: "2024-01-01", value: 45 }',
      '- { region: trung_du_mien_nui_phia_bac, from: "2024-01-01", value: 51 }',
    ],
    ['if_zero: 0\n    decimals: 1', 'if_zero: 0\n    decimals: 2'],
  );
  await writeFile(join(temp, 'platinum.yaml'), await readFile(join(ROOT, GREEN, 'tests/bases/platinum-project.yaml')));
  const commune = (await readFile(join(ROOT, NTM, 'tests/bases/kieu-mau.yaml'), 'utf8')).replace(
    'unit: "Huyện Minh Họa" }',
    'unit: "Huyện Minh Họa", date: "2024-06-30" }',
  );
  await writeFile(join(temp, 'commune.yaml'), commune);
});

afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe('lcz diff: points and levels (green building)', () => {
  it('text: the band that changed, the level threshold, and the project that drops from Platinum to Gold', async () => {
    const { code, stdout, stderr } = await run([
      'diff',
      'green-old',
      'green-new',
      '--assessments',
      'platinum.yaml',
      '--lang',
      'en',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const text = flat(stdout);
    expect(text).toContain('LTc5 - Points: - Step ≥ 144: 3 → 4 points');
    expect(text).toContain('Level Platinum (platinum) - Over all standards: at least 80 points → at least 100 points');
    expect(text).toContain('1 changes decision or level');
    expect(text).toContain('level: Platinum → Gold');
  });

  it('JSON: valid against the schema, with the level before and after', async () => {
    const { code, stdout } = await run([
      'diff',
      'green-old',
      'green-new',
      '--assessments',
      'platinum.yaml',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { impact: { areas: { level: unknown; changed: boolean }[] } };
    expect(validateDiff(json) ? [] : validateDiff.errors).toEqual([]);
    expect(json.impact.areas[0]).toMatchObject({
      changed: true,
      level: { before: { reached: 'platinum', possible: 'platinum' }, after: { reached: 'gold', possible: 'gold' } },
    });
  });
});

describe('lcz diff: a table cell and a derived quantity (new-rural communes)', () => {
  it('Vietnamese: the dated cell, the shown decimals; the commune drops from kiểu mẫu to nâng cao', async () => {
    const { code, stdout } = await run(['diff', 'ntm-old', 'ntm-new', '--assessments', 'commune.yaml']);
    expect(code).toBe(0);
    const text = flat(stdout);
    expect(text).toContain('min_income[region=trung_du_mien_nui_phia_bac, from=2024-01-01]');
    expect(text).toContain('Giá trị: 45 → 51');
    expect(text).toContain('ĐẠI LƯỢNG TÍNH TOÁN');
    expect(text).toContain('Số chữ số thập phân hiển thị: 1 → 2');
    // 60 per person met 1.2 × 45 = 54 and misses 1.2 × 51 = 61.2: the decision stays, the level drops.
    expect(text).toContain('1 phiếu đổi kết luận hoặc mức');
    expect(text).toContain('Kết luận: ĐƯỢC CÔNG NHẬN (không đổi)');
    expect(text).toContain('mức: Nông thôn mới kiểu mẫu → Nông thôn mới nâng cao');
    expect(text).toContain('tiêu chí KM10: đạt → không đạt');
  });

  it('Markdown', async () => {
    const { code, stdout } = await run(['diff', 'ntm-old', 'ntm-new', '--format', 'md', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain('## DERIVED QUANTITIES');
  });
});

describe('lcz docs: the official table of the other schemes', () => {
  it('new-rural communes, blank: the tiers, the region × year table, the derived quantity', async () => {
    const { code, stdout } = await run(['docs', '--rules', join(ROOT, NTM)]);
    expect(code).toBe(0);
    expect(stdout).toContain('**Các mức công nhận**');
    expect(stdout).toContain('| Trung du và miền núi phía Bắc | 39 | 42 | 45 | 48 |');
    expect(stdout).toContain('Thu nhập bình quân đầu người (income\\_per\\_person) = ');
  });

  it('new-rural communes, filled: the threshold in force and the value against it, the level reached', async () => {
    const { code, stdout } = await run(['docs', '--rules', join(ROOT, NTM), '--assessment', 'commune.yaml']);
    expect(code).toBe(0);
    expect(stdout).toContain('Thu nhập bình quân đầu người: 60,0 triệu đồng/người/năm → cần ≥ 45');
    expect(stdout).toContain('- **Mức đạt được**: Nông thôn mới kiểu mẫu');
  });

  it('green building, filled, as HTML: the points column and the level reached', async () => {
    const { code, stdout } = await run([
      'docs',
      '--rules',
      join(ROOT, GREEN),
      '--assessment',
      'platinum.yaml',
      '--format',
      'html',
      '--lang',
      'en',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('<th rowspan="2">Points</th>');
    expect(stdout).toContain('<span class="label">Level reached:</span> Platinum');
  });
});
