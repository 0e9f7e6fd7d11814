/**
 * The summary table of a scheme with levels, points or derived quantities: the level reached and
 * the highest possible in the rule file's labels, the total points, each derived quantity's value
 * as shown; the same as the results lines say. Texts from the rule file (level labels, derived
 * quantities' labels) are neutralised like any other text when they would start a formula.
 * Lai Châu's table keeps its columns (evaluate-batch.test.ts lists them).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset, EvaluationResult } from '@lcz/criteria-engine';
import { parse as parseYaml } from 'yaml';
import { evaluateBatch, readResultLines } from '../src/index.js';
import { ROOT, rules, tempDir } from './helpers/setup.js';

const NTM = join(ROOT, 'rules/ntm-commune-2021-2025');
const GREEN = join(ROOT, 'rules/green-building-illustrative');

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => dir.remove());

async function base(folder: string, file: string): Promise<Record<string, unknown>> {
  return parseYaml(await readFile(join(folder, 'tests/bases', file), 'utf8')) as Record<string, unknown>;
}

/** Assessments as JSON Lines, each the base with some facts changed. */
function jsonLines(
  assessment: Record<string, unknown>,
  changes: readonly { area?: Record<string, unknown>; facts?: Record<string, unknown> }[],
): string {
  const a = assessment as { area: object; facts: object };
  return changes
    .map((c, i) =>
      JSON.stringify({
        ...assessment,
        area: { ...a.area, code: `U-${i + 1}`, ...c.area },
        facts: { ...a.facts, ...c.facts },
      }),
    )
    .join('\n');
}

async function resultsOf(path: string): Promise<EvaluationResult[]> {
  const all: EvaluationResult[] = [];
  for await (const line of readResultLines(path)) if (line.status === 'evaluated') all.push(line.result);
  return all;
}

describe('the summary table of a tiered scheme with a derived quantity (ntm)', () => {
  let ntm: CompiledRuleset;
  let text: string;
  beforeAll(async () => {
    ntm = await rules(NTM);
    const b = await base(NTM, 'kieu-mau.yaml');
    text = jsonLines(b, [
      { area: { date: '2024-06-01' } }, // every tier: 60 per person against 45
      { area: { date: '2024-06-01' }, facts: { total_income: 50_000 } }, // 50: not 1.2 × 45 = 54
      { area: { date: '2024-06-01' }, facts: { planning_approved: false } }, // no tier
      {}, // no date: the income criteria are unknown
      { area: { date: '2024-06-01' }, facts: { total_income: 57_234 } }, // 57.234 shown as 57.2
    ]);
  });

  it('has the level columns in the rule file labels, and the derived value, in CSV and XLSX', async () => {
    const csvPath = join(dir.path, 'ntm.csv');
    const xlsxPath = join(dir.path, 'ntm.xlsx');
    const out = join(dir.path, 'ntm.jsonl');
    const summary = await evaluateBatch({ text, format: 'jsonl', file: 'ntm.jsonl' }, ntm, {
      summary: csvPath,
      results: out,
      lang: 'en',
    });
    await evaluateBatch({ text, format: 'jsonl', file: 'ntm.jsonl' }, ntm, { summary: xlsxPath });
    expect(summary.levels).toEqual({ dat_chuan: 0, nang_cao: 1, kieu_mau: 2 });

    const table = parse(await readFile(csvPath, 'utf8'), { bom: true }) as string[][];
    const header = table[0] ?? [];
    expect(header.slice(5, 8)).toEqual(['Decision', 'Level reached', 'Highest level possible']);
    expect(header).not.toContain('Total points');
    expect(header[8]).toBe('I. Planning (passed/applicable)');
    const income = header.indexOf('Income per person (million VND/person/year)');
    expect(income).toBeGreaterThan(8 + ntm.groups.length - 1);
    const results = await resultsOf(out);
    const label = (id: string | null | undefined): string =>
      id ? (ntm.levels?.find((l) => l.id === id)?.label.en ?? '?') : '';
    for (const [i, r] of results.entries()) {
      const row = table[1 + i] ?? [];
      expect([row[6], row[7]]).toEqual([label(r.level?.reached), label(r.level?.possible)]);
    }
    expect(table.slice(1).map((r) => [r[6], r[7], r[income]])).toEqual([
      ['Model new-rural', 'Model new-rural', '60.0'],
      ['Advanced new-rural', 'Advanced new-rural', '50.0'],
      ['', '', '60.0'],
      ['', 'Model new-rural', '60.0'],
      ['Model new-rural', 'Model new-rural', '57.2'],
    ]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxPath);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(7).value).toBe('Mức đạt chắc chắn');
    expect(sheet.getRow(2).getCell(7).value).toBe('Nông thôn mới kiểu mẫu');
    expect(sheet.getRow(3).getCell(8).value).toBe('Nông thôn mới nâng cao');
    expect(sheet.getRow(1).getCell(income + 1).value).toBe('Thu nhập bình quân đầu người (triệu đồng/người/năm)');
    expect(sheet.getRow(6).getCell(income + 1).value).toBe('57.2');
  });
});

describe('the summary table of a points-and-levels scheme (green building)', () => {
  it('has the total points, one number when certain and least–most when not', async () => {
    const green = await rules(GREEN);
    const b = await base(GREEN, 'platinum-project.yaml');
    const facts = (b as { facts: Record<string, unknown> }).facts;
    // The second project leaves every yes/no fact out: what they would earn is unknown.
    const unknown = Object.fromEntries(
      Object.keys(facts).flatMap((k) => (typeof facts[k] === 'boolean' ? [[k, null]] : [])),
    );
    const text = jsonLines(b, [{}, { facts: unknown }]);
    const csvPath = join(dir.path, 'green.csv');
    const out = join(dir.path, 'green.jsonl');
    await evaluateBatch({ text, format: 'jsonl', file: 'g.jsonl' }, green, { summary: csvPath, results: out });
    const table = parse(await readFile(csvPath, 'utf8'), { bom: true }) as string[][];
    const header = table[0] ?? [];
    // An English-only scheme: its labels in the Vietnamese table too (the only ones it has).
    expect(header.slice(5, 9)).toEqual(['Kết luận', 'Mức đạt chắc chắn', 'Mức cao nhất có thể đạt', 'Tổng điểm']);
    const results = await resultsOf(out);
    expect(results).toHaveLength(2);
    for (const [i, r] of results.entries()) {
      const total = r.points_total as { least: number; most: number };
      const row = table[1 + i] ?? [];
      expect(row[8]).toBe(total.least === total.most ? String(total.least) : `${total.least}–${total.most}`);
      expect(row[6]).toBe(r.level?.reached ? green.levels?.find((l) => l.id === r.level?.reached)?.label.en : '');
    }
    // Each standard's column says its points too, as the result's standard totals.
    const groups = green.groups.length;
    expect(header.slice(9, 9 + groups).every((h) => h.endsWith('(đạt/áp dụng · điểm)'))).toBe(true);
    for (const [i, r] of results.entries()) {
      const cells = (table[1 + i] ?? []).slice(9, 9 + groups);
      expect(cells).toEqual(
        r.standards.map((g) => {
          const p = g.points_total as { least: number; most: number };
          return `${g.passed}/${g.applicable} · ${p.least === p.most ? p.least : `${p.least}–${p.most}`}`;
        }),
      );
    }
    expect(table[1]?.[6]).toBe('Platinum');
    expect(table[2]?.[8]).toMatch(/^\d+–\d+$/);
  });
});

describe('texts from the rule file in the new columns', () => {
  it('are neutralised when they would start a formula (CSV), and plain strings in XLSX', async () => {
    const path = join(dir.path, 'hostile-rules.yaml');
    await writeFile(
      path,
      `format: 1
id: hostile-levels
version: "1"
languages: [en]
title: { en: "Hostile labels" }
context: {}
facts:
  a: { type: integer, min: 0, max: 100, label: { en: "A" } }
  b: { type: integer, min: 0, max: 100, label: { en: "B" } }
derived:
  ratio: { label: { en: "@SUM(1+1)" }, value: "a / b", if_zero: unknown, decimals: 2 }
groups:
  - id: "G"
    title: { en: "=HYPERLINK(\\"http://x\\",\\"g\\")" }
    criteria:
      - { id: "C1", text: { en: "a at least 10" }, condition: { fact: a, at_least: 10 }, points: 2 }
recognition:
  group_requirement: { at_least_percent: 0 }
levels:
  - id: low
    label: { en: "=cmd|' /C calc'!A0" }
  - id: high
    label: { en: "+1+1" }
    total_requirement: { at_least_points: 2 }
`,
    );
    const hostile = await rules(path);
    const text = [
      { area: { code: 'H-1', date: '2024-01-01' }, context: {}, facts: { a: 20, b: 3 } },
      { area: { code: 'H-2', date: '2024-01-01' }, context: {}, facts: { a: 1, b: 0 } },
    ]
      .map((x) => JSON.stringify(x))
      .join('\n');
    const csvPath = join(dir.path, 'hostile.csv');
    const xlsxPath = join(dir.path, 'hostile.xlsx');
    await evaluateBatch({ text, format: 'jsonl', file: 'h.jsonl' }, hostile, { summary: csvPath, lang: 'en' });
    await evaluateBatch({ text, format: 'jsonl', file: 'h.jsonl' }, hostile, { summary: xlsxPath, lang: 'en' });
    const table = parse(await readFile(csvPath, 'utf8'), { bom: true }) as string[][];
    for (const row of table) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+(?:[.,]\d+)?%?$)/);
    expect(table[0]).toContain("'@SUM(1+1)");
    expect(table[1]?.slice(6, 9)).toEqual(["'+1+1", "'+1+1", '2']);
    expect(table[2]?.slice(6, 9)).toEqual(["'=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0", '0']);
    // 20 / 3 shown with 2 decimals; a / 0 is unknown: empty.
    const ratio = (table[0] ?? []).indexOf("'@SUM(1+1)");
    expect([table[1]?.[ratio], table[2]?.[ratio]]).toEqual(['6.67', '']);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxPath);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const cell = sheet.getRow(2).getCell(7);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('+1+1');
  });
});
