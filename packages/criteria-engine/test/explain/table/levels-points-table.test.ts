/**
 * The official table of the schemes with points, levels, parameter tables and derived quantities:
 * the points column (fixed, step tables with their cap, best_of), the levels with what each
 * requires, the region × year table pivoted by `from:` date, the derived quantity's formula and
 * if_zero, and, filled in, the points earned, the level reached, the threshold in force for the
 * area and the derived value against it ("57,2 → cần ≥ 58"). Lai Châu keeps its table unchanged.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../../src/compile/compiled-ruleset.js';
import type { EvaluationResult } from '../../../src/evaluate/result.js';
import { officialTable, renderTableHtml, renderTableMarkdown } from '../../../src/explain/table/index.js';
import { loadRulesetOrThrow } from '../../../src/load-ruleset.js';
import { readAssessment } from '../../../src/read-assessment.js';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const load = (folder: string) =>
  loadRulesetOrThrow(readFileSync(`${ROOT}rules/${folder}/ruleset.yaml`, 'utf8'), { file: `${folder}.yaml` });
const green = load('green-building-illustrative');
const ntm = load('ntm-commune-2021-2025');
const laiChau = loadRulesetOrThrow(readFileSync(`${ROOT}rules/lai-chau-2020-2025/ruleset.yaml`, 'utf8'), {
  file: 'lai-chau.yaml',
});

function evaluate(rules: CompiledRuleset, base: string, edit: (text: string) => string = (t) => t): EvaluationResult {
  const text = edit(readFileSync(`${ROOT}${base}`, 'utf8'));
  const read = readAssessment(text, base, rules);
  expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (read.value === undefined) throw new Error('unreadable assessment');
  return rules.evaluate(read.value);
}

/** The kiểu mẫu commune on 30 June 2024 with a total income that gives `income` per person (1,000 people). */
const commune = (income: number) =>
  evaluate(ntm, 'rules/ntm-commune-2021-2025/tests/bases/kieu-mau.yaml', (text) =>
    text
      .replace('unit: "Huyện Minh Họa" }', 'unit: "Huyện Minh Họa", date: "2024-06-30" }')
      .replace('total_income: 60000', `total_income: ${income * 1000}`),
  );

const row = (table: ReturnType<typeof officialTable>, number: string) => {
  const found = table.rows.find((r) => r.number === number && r.kind !== 'section');
  expect(found, `row ${number}`).toBeDefined();
  return found;
};

describe('Lai Châu: no points, levels, parameters or derived quantities, so none is printed', () => {
  it('the table has none of the new parts', () => {
    const table = officialTable(laiChau);
    expect(table.columns.points).toBeUndefined();
    expect(table.rows.every((r) => r.points === undefined)).toBe(true);
    expect(table.levels).toBeNull();
    expect(table.parameters).toEqual([]);
    expect(table.derived).toBeNull();
    expect(renderTableMarkdown(table)).not.toContain('Các mức công nhận');
  });
});

describe('green building: points and levels', () => {
  const blank = officialTable(green, { lang: 'en' });

  it('a points column: fixed points, a step table 0–5, a capped table 0–4, a standard’s most', () => {
    expect(blank.columns.points).toBe('Points');
    expect(row(blank, 'IPc1')?.points).toBe('1');
    expect(row(blank, 'LTc5')?.points).toBe('0–5');
    expect(row(blank, 'RPc1')?.points).toBe('0–4');
    expect(row(blank, 'LT')?.points).toBe('13');
  });

  it('how a step table, its cap and best_of give points, under the text', () => {
    expect(row(blank, 'LTc5')?.lines).toContain(
      'Points by steps of Weekday transit trips within walking distance: ≥ 72: 1; ≥ 144: 3; ≥ 360: 5',
    );
    expect(row(blank, 'RPc1')?.lines.at(-1)).toMatch(/; ≥ 6: 6; at most 4$/);
    expect(row(blank, 'LTc2')?.lines).toContain(
      'Points: the best of: 1 if "The site is in a historic district"; 1 if "The site is in a priority designation area"; 2 if "The site is a brownfield and was remediated"',
    );
  });

  it('the levels and their thresholds, lowest first, after what every level needs', () => {
    expect(blank.levels?.rows.map((r) => r.label)).toEqual(['Every level', 'Certified', 'Silver', 'Gold', 'Platinum']);
    expect(blank.levels?.rows[0]?.lines).toContain(
      'must pass: SSp1, WEp1, WEp2, WEp3, EAp1, EAp2, EAp3, EAp4, MRp1, MRp2, EQp1, EQp2',
    );
    expect(blank.levels?.rows[3]?.lines).toEqual([
      'Level Silver reached, and:',
      'all standards together: at least 60 points',
    ]);
    expect(blank.levels?.rows.every((r) => r.mark === null)).toBe(true);
  });

  it('filled: the points earned, the level reached with a ✓ per level, the total', () => {
    const result = evaluate(green, 'rules/green-building-illustrative/tests/bases/platinum-project.yaml');
    const table = officialTable(green, { lang: 'en', result });
    expect(row(table, 'LTc5')?.points).toBe('5/5');
    expect(row(table, 'RPc1')?.points).toMatch(/^\d\/4$/);
    expect(table.levels?.rows.slice(1).map((r) => r.mark)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(table.summary).toEqual([
      { label: 'Level reached', value: 'Platinum' },
      { label: 'Total points', value: String(result.points_total?.least) },
    ]);
    const md = renderTableMarkdown(table);
    expect(md).toContain('| No. | Content | Points | Assessment result: Passed |');
    expect(md).toContain('- **Level reached**: Platinum');
    const html = renderTableHtml(table);
    expect(html).toContain('<col class="points">');
    expect(html).toContain('<tr data-level="platinum">');
  });

  it('filled, with a level out of reach: the level not met gets its ✗ and the summary says so', () => {
    const result = evaluate(green, 'rules/green-building-illustrative/tests/bases/platinum-project.yaml', (text) =>
      text.replace(/energy_cost_saving_pct: [\d.]+/, 'energy_cost_saving_pct: 0'),
    );
    const table = officialTable(green, { lang: 'en', result });
    const marks = table.levels?.rows.slice(1).map((r) => r.mark) ?? [];
    expect(marks).toContain('fail');
    expect(table.summary[0]?.value).not.toBe('Platinum');
  });
});

describe('new-rural communes: tiers, a region × year table, a derived quantity', () => {
  const blank = officialTable(ntm);

  it('no points column (every criterion is worth 1 and no requirement counts points)', () => {
    expect(blank.columns.points).toBeUndefined();
  });

  it('the tiers: what each adds, the criteria that count from it, the cases that block it', () => {
    expect(blank.levels?.rows.map((r) => r.id)).toEqual([null, 'dat_chuan', 'nang_cao', 'kieu_mau']);
    expect(blank.levels?.rows[2]?.lines).toEqual([
      'Đạt mức Đạt chuẩn nông thôn mới và:',
      'không thuộc các trường hợp 2',
      'các tiêu chí NC2, NC10, NC11, NC17, NC18 tính từ mức này',
    ]);
  });

  it('the region × year table: a row per region, a column per from: date', () => {
    const income = blank.parameters.find((p) => p.title?.includes('min_income'));
    expect(income?.columns).toEqual([
      'Vùng kinh tế - xã hội',
      'Từ 01/01/2022',
      'Từ 01/01/2023',
      'Từ 01/01/2024',
      'Từ 01/01/2025',
    ]);
    expect(income?.rows).toContainEqual(['Tây Nguyên', '43', '46,5', '50,5', '54,5']);
    expect(income?.note).toBe('đơn vị: triệu đồng/người/năm');
    const insurance = blank.parameters.find((p) => p.title?.includes('insurance_min'));
    expect(insurance?.columns).toEqual(['Vùng kinh tế - xã hội', 'Giá trị']);
  });

  it('a date column a row has no value of its own at: the value before still holds, said so; before its first: none', () => {
    // The docs-only fixture: poverty_rate_max by island, rows from 2026-01-01, 2028-01-01 (not
    // for islands) and 2028-07-01 (islands only).
    const file = `${ROOT}packages/criteria-engine/test/fixtures/nong-thon-moi/ruleset.yaml`;
    const rules = loadRulesetOrThrow(readFileSync(file, 'utf8'), { file });
    const poverty = (lang: 'vi' | 'en') =>
      officialTable(rules, { lang }).parameters.find((p) => p.title?.includes('poverty_rate_max'));
    expect(poverty('vi')?.rows).toEqual([
      ['không', '4', '3', '(không đổi)'],
      ['có', '6', '(không đổi)', '4,5'],
    ]);
    expect(poverty('en')?.rows).toEqual([
      ['no', '4', '3', '(unchanged)'],
      ['yes', '6', '(unchanged)', '4.5'],
    ]);
    // A table whose row starts late: nothing before it, never a default.
    const late = loadRulesetOrThrow(
      readFileSync(file, 'utf8').replace(
        '{ island: true, from: "2026-01-01", value: 6 }',
        '{ island: true, from: "2028-01-01", value: 6 }',
      ),
      { file },
    );
    expect(
      officialTable(late, { lang: 'en' }).parameters.find((p) => p.title?.includes('poverty_rate_max'))?.rows,
    ).toEqual([
      ['no', '4', '3', '(unchanged)'],
      ['yes', '— (no value yet)', '6', '4.5'],
    ]);
  });

  it('a threshold naming a parameter shows its name (blank) and its value for the area (filled)', () => {
    expect(row(blank, '10')?.lines.at(-1)).toBe(
      'Thu nhập bình quân đầu người tối thiểu (xã đạt chuẩn) (min_income): theo bảng min_income bên dưới',
    );
    const filled = officialTable(ntm, { result: commune(57.2) });
    expect(row(filled, '10')?.lines.at(-1)).toBe(
      'Thu nhập bình quân đầu người tối thiểu (xã đạt chuẩn) (min_income): 45 triệu đồng/người/năm (áp dụng cho xã này)',
    );
  });

  it('the derived quantity: formula with the names of what it reads, if_zero, decimals; filled, its value', () => {
    expect(blank.derived?.items[0]?.lines).toEqual([
      'Thu nhập bình quân đầu người (income_per_person) = [Tổng thu nhập của người dân trong xã trong năm] / [Dân số của xã]',
      'khi chia cho 0: 0; hiển thị 1 chữ số thập phân; đơn vị: triệu đồng/người/năm',
    ]);
    const filled = officialTable(ntm, { result: commune(57.2) });
    expect(filled.derived?.items[0]?.lines.at(-1)).toBe('của xã này: 57,2 triệu đồng/người/năm');
  });

  it('filled: "57,2 → cần ≥ 58" in the remark of the criterion, against the value in force', () => {
    // Đồng bằng sông Hồng in 2024: 58 per person; 57.2 misses it.
    const result = evaluate(ntm, 'rules/ntm-commune-2021-2025/tests/bases/kieu-mau.yaml', (text) =>
      text
        .replace('unit: "Huyện Minh Họa" }', 'unit: "Huyện Minh Họa", date: "2024-06-30" }')
        .replace('region: trung_du_mien_nui_phia_bac', 'region: dong_bang_song_hong')
        .replace('total_income: 60000', 'total_income: 57200'),
    );
    const table = officialTable(ntm, { result });
    const ten = row(table, '10');
    expect(ten?.mark).toBe('fail');
    expect(ten?.remark).toBe('Thu nhập bình quân đầu người: 57,2 triệu đồng/người/năm → cần ≥ 58');
    expect(table.summary[0]).toEqual({ label: 'Mức đạt được', value: 'chưa đạt mức nào' });
    const en = officialTable(ntm, { lang: 'en', result });
    expect(row(en, '10')?.remark).toBe('Income per person: 57.2 million VND/person/year → needs ≥ 58');
  });

  it('Markdown and HTML print the levels, the tables and the derived quantities', () => {
    const md = renderTableMarkdown(blank);
    expect(md).toContain('**Các mức công nhận**');
    expect(md).toContain('| Tây Nguyên | 43 | 46,5 | 50,5 | 54,5 |');
    expect(md).toContain('**Các đại lượng tính toán**');
    const html = renderTableHtml(blank);
    expect(html).toContain('<section class="parameters">');
    expect(html).toContain('<td>Tây Nguyên</td><td>43</td><td>46,5</td>');
    expect(html).toContain('<li data-derived="income_per_person">');
  });
});

describe('a table keyed by year (test/fixtures/thon-van-hoa: poverty_max by region and year)', () => {
  it('names the year column in the table language, not by the key "year"', async () => {
    const { loadRulesetFile } = await import('../../../src/node.js');
    const loaded = await loadRulesetFile(fileURLToPath(new URL('../../fixtures/thon-van-hoa', import.meta.url)));
    if (!loaded.value) throw new Error('the fixture did not load');
    const columns = (lang: 'vi' | 'en') =>
      officialTable(loaded.value as CompiledRuleset, { lang }).parameters.find((p) => p.title?.includes('poverty_max'))
        ?.columns;
    expect(columns('vi')).toEqual(['Vùng', 'Năm', 'Giá trị']);
    expect(columns('en')).toEqual(['Region', 'Year', 'Value']);
  });
});
