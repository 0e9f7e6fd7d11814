/**
 * The CSV separator is the one whose header names the ruleset's columns. A file saved with `;`
 * (Excel where the decimal mark is a comma) keeps the template's labels unquoted, commas inside
 * ("Đơn vị hành chính cấp xã (phường, xã)"): counting separators picked the comma and the file
 * read as one unknown column with no rows.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { chooseDelimiter, evaluateBatch } from '../src/index.js';
import { LAI_CHAU, ROOT, records, rules, SMALL, tempDir } from './helpers/setup.js';

let laiChau: CompiledRuleset;
let small: CompiledRuleset;
let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  laiChau = await rules(LAI_CHAU);
  small = await rules(SMALL);
  dir = await tempDir();
});
afterAll(() => dir.remove());

/** Rows written as a spreadsheet saves them: quoted only where the separator, a quote or a line break is inside. */
function saved(rows: readonly (readonly string[])[], d: string): string {
  const cell = (s: string) => (s.includes(d) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `${rows.map((r) => r.map(cell).join(d)).join('\r\n')}\r\n`;
}

describe('the CSV separator', () => {
  it('the city workbook saved with ; and its real labels unquoted reads as the comma file does', async () => {
    const original = join(ROOT, 'examples/city-2024/assessments-2024.csv');
    const rows = parse(await readFile(original), { bom: true, relax_column_count: true }) as string[][];
    const header = rows[0] as string[];
    // The labels the template writes: several hold commas, and no cell holds a semicolon.
    expect(header.filter((h) => h.includes(',')).length).toBeGreaterThan(3);
    const semicolons = join(dir.path, 'semicolons.csv');
    await writeFile(semicolons, saved(rows, ';'));
    expect((await readFile(semicolons, 'utf8')).split('\r\n')[0]).toContain(';Đơn vị hành chính cấp xã (phường, xã);');

    const strip = (list: Awaited<ReturnType<typeof records>>) =>
      list.map((r) => ({ ...r, diagnostics: r.diagnostics.map((d) => ({ ...d, file: '' })) }));
    const expected = strip(await records(original, laiChau));
    expect(expected.length).toBeGreaterThan(50);
    for (const tokenizer of ['fast', 'csv-parse'] as const) {
      expect(strip(await records(semicolons, laiChau, { csvTokenizer: tokenizer }))).toEqual(expected);
    }
    // The decisions-only path chooses the same way.
    const quick = await evaluateBatch(semicolons, laiChau, { detail: 'decision' });
    const full = await evaluateBatch(original, laiChau, { detail: 'decision' });
    expect(quick.headerProblems).toEqual([]);
    expect([quick.rows, quick.evaluated, quick.badRows, quick.decisions]).toEqual([
      full.rows,
      full.evaluated,
      full.badRows,
      full.decisions,
    ]);
  });

  it.each([
    [',', ','],
    [';', ';'],
    ['\t', '\t'],
  ])('ids separated by %j', (d, expected) => {
    expect(chooseDelimiter(`\uFEFF\ncode${d}name${d}unit${d}year\n`, small)).toBe(expected);
  });

  it('labels that hold the other separators: the one that names columns wins', () => {
    // Tab-separated, every label with a comma and one with a semicolon.
    const labels = ['Tổng số hộ', 'Số hộ đạt', 'Có chợ tự phát', 'Loại khu dân cư'];
    const line = labels.map((l) => `${l}, a; b`).join('\t');
    expect(chooseDelimiter(`${labels.join('\t')}\n`, small)).toBe('\t');
    expect(chooseDelimiter(`${line}\n`, small)).toBe(',');
    // A header that names nothing: counted, as before.
    expect(chooseDelimiter('a;b;c,d\n', small)).toBe(';');
    expect(chooseDelimiter('a;b;c,d\n')).toBe(';');
  });
});
