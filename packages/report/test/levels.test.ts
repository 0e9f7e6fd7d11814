/**
 * A report on a tiered scheme with a derived quantity (rules/ntm-commune-2021-2025): counts per
 * level (reached as the highest, at that level or higher, still possible, none), progress by
 * level per district, and the derived income per person (lowest and highest as shown), in every
 * format. The figures are checked against the engine's own results, area by area.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type Assessment, type EvaluationResult, loadRulesetOrThrow } from '@lcz/criteria-engine';
import { aggregate, renderReport, reportDocument } from '../src/index.js';
import { ROOT } from './city.js';

const file = `${ROOT}rules/ntm-commune-2021-2025/ruleset.yaml`;
const ntm = loadRulesetOrThrow(readFileSync(file, 'utf8'), { file });
const base = parseYaml(
  readFileSync(`${ROOT}rules/ntm-commune-2021-2025/tests/bases/kieu-mau.yaml`, 'utf8'),
) as Assessment & { ruleset?: string };

/** Communes of two districts, with incomes and gaps that put them at every tier, or none. */
const communes: { unit: string; facts: Record<string, unknown>; date?: string }[] = [
  { unit: 'Huyện A', facts: {} }, // 60 per person: kiểu mẫu
  { unit: 'Huyện A', facts: { total_income: 50_000 } }, // 50: nâng cao (kiểu mẫu needs 54)
  { unit: 'Huyện A', facts: { total_income: 57_250 } }, // 57.25 shown as 57.3: kiểu mẫu
  { unit: 'Huyện B', facts: { planning_approved: false } }, // no tier
  { unit: 'Huyện B', facts: { total_income: 46_000 } }, // 46: đạt chuẩn only (45 ≤ 46 < 1.1 × 45)
  { unit: 'Huyện B', facts: { total_income: 39_500 } }, // 39.5: below 45, no tier
  { unit: 'Huyện B', facts: { planning_approved: null } }, // unknown planning: none certain, kiểu mẫu possible
];

const { ruleset: _id, ...assessment } = base;
const results: EvaluationResult[] = communes.map((c, i) =>
  ntm.evaluate({
    ...assessment,
    area: { code: `X-${i}`, name: `Xã ${i}`, unit: c.unit, date: c.date ?? '2024-06-01' },
    facts: Object.fromEntries(
      Object.entries({ ...assessment.facts, ...c.facts }).filter(([, v]) => v !== null),
    ) as Assessment['facts'],
  }),
);

describe('a report on a tiered scheme', () => {
  it('counts the areas per level, per district, and the derived values, as the engine decided them', async () => {
    const reached = results.map((r) => r.level?.reached ?? null);
    const possible = results.map((r) => r.level?.possible ?? null);
    // The examples do reach what their comments say (else the counts below would prove little).
    expect(reached).toEqual(['kieu_mau', 'nang_cao', 'kieu_mau', null, 'dat_chuan', null, null]);
    expect(possible[6]).toBe('kieu_mau');

    const { report } = await aggregate(
      results.map((result, i) => ({ result, facts: { ...assessment.facts, ...communes[i]?.facts } as never })),
      ntm,
    );
    const year = report.years[0];
    expect(report.levels?.map((l) => l.id)).toEqual(['dat_chuan', 'nang_cao', 'kieu_mau']);
    expect(year?.levels).toEqual([
      { id: 'dat_chuan', reached: 1, at_least: 4, possible: 1 },
      { id: 'nang_cao', reached: 1, at_least: 3, possible: 1 },
      { id: 'kieu_mau', reached: 2, at_least: 2, possible: 1 },
    ]);
    expect(year?.units.map((u) => [u.unit, u.levels])).toEqual([
      ['Huyện A', [0, 1, 2]],
      ['Huyện B', [1, 0, 0]],
    ]);
    expect(year?.totals.levels).toEqual([1, 1, 2]);
    // Income per person is known for all seven (the facts it reads are given), shown with 1 decimal.
    expect(year?.derived).toEqual([{ id: 'income_per_person', known: 7, lowest: '39.5', highest: '60.0' }]);
  });

  it('shows them in Markdown, CSV and XLSX tables, in both languages', async () => {
    const { report } = await aggregate(
      results.map((result) => ({ result })),
      ntm,
    );
    const en = reportDocument(report, { lang: 'en' });
    const ids = en.tables.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['levels', 'units_by_level', 'derived']));
    const levels = en.tables.find((t) => t.id === 'levels');
    expect(levels?.rows).toEqual([
      ['New-rural standard', 1, 4, 1],
      ['Advanced new-rural', 1, 3, 1],
      ['Model new-rural', 2, 2, 1],
      ['No level reached', 3, null, null],
    ]);
    const byUnit = en.tables.find((t) => t.id === 'units_by_level');
    expect(byUnit?.columns.map((c) => c.header)).toEqual([
      'District',
      'Assessed',
      'No level',
      'New-rural standard',
      'Advanced new-rural',
      'Model new-rural',
    ]);
    expect(byUnit?.rows).toEqual([
      ['Huyện A', 3, 0, 0, 1, 2],
      ['Huyện B', 4, 3, 1, 0, 0],
      [en.messages.city_total, 7, 3, 1, 1, 2],
    ]);
    // Its note explains its own columns, not the "Reached / At this level or higher" of the table above.
    expect(byUnit?.notes).toEqual([
      expect.stringMatching(/^Each level column counts the .+ whose highest level certainly reached/),
    ]);
    // Without the facts handed in, the values come from what the criteria read.
    expect(en.tables.find((t) => t.id === 'derived')?.rows).toEqual([
      ['Income per person (million VND/person/year)', 7, '39.5', '60.0'],
    ]);

    const md = (await renderReport(report, { format: 'md', lang: 'vi' })) as string;
    expect(md).toContain('Mức đạt được, năm 2024');
    expect(md).toContain('Nông thôn mới kiểu mẫu');
    expect(md).toContain('Thu nhập bình quân đầu người');
    const csv = (await renderReport(report, { format: 'csv', lang: 'en' })) as string;
    expect(csv).toContain('Model new-rural,2,2,1');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(((await renderReport(report, { format: 'xlsx', lang: 'en' })) as Uint8Array).buffer as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Levels', 'Levels by unit', 'Computed values']),
    );
  });
});
