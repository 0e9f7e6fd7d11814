/**
 * Formula injection: text that a spreadsheet would run as a formula is written as text in every
 * CSV output (summary table, template), real numbers stay numbers, and the XLSX summary holds such
 * text as a plain string cell, never a formula.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { evaluateBatch, safeCsvCell } from '../src/index.js';
import { LAI_CHAU, ROOT, rules, tempDir } from './helpers/setup.js';

const CSV = join(ROOT, 'examples/city-2024/assessments-2024.csv');
const HOSTILE = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(1+1)', "=cmd|' /C calc'!A0", '\t=1+1'];

let laiChau: CompiledRuleset;
let dir: Awaited<ReturnType<typeof tempDir>>;
let input = '';
beforeAll(async () => {
  laiChau = await rules(LAI_CHAU);
  dir = await tempDir();
  // The example with its first six areas renamed to formulas (the name is the second column).
  const lines = (await readFile(CSV, 'utf8')).split('\n');
  HOSTILE.forEach((name, i) => {
    const cells = (lines[2 + i] ?? '').split(',');
    cells[1] = `"${name.replace(/"/g, '""')}"`;
    lines[2 + i] = cells.join(',');
  });
  input = join(dir.path, 'hostile.csv');
  await writeFile(input, lines.join('\n'));
});
afterAll(() => dir.remove());

describe('safeCsvCell', () => {
  it('prefixes formula starts with an apostrophe and leaves numbers alone', () => {
    expect(HOSTILE.map(safeCsvCell)).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(['-3', '+1.5', '-12%', -2, 0, 'Tổ 1', '3/4', ''].map(safeCsvCell)).toEqual([
      '-3',
      '+1.5',
      '-12%',
      -2,
      0,
      'Tổ 1',
      '3/4',
      '',
    ]);
  });
});

describe('outputs of a file whose names are formulas', () => {
  it('the CSV summary writes them as text', async () => {
    const summary = join(dir.path, 's.csv');
    await evaluateBatch(input, laiChau, { summary, lang: 'en' });
    const rows = parse(await readFile(summary, 'utf8'), { bom: true }) as string[][];
    const names = rows.slice(1, 1 + HOSTILE.length).map((r) => r[2]);
    // The reader trims the cell (the TAB goes), then the writer neutralises what is left.
    expect(names).toEqual(HOSTILE.map((h) => `'${h.trim()}`));
    // No cell of the file starts a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+(?:[.,]\d+)?%?$)/);
  });

  it('the XLSX summary holds them as plain strings, not formulas', async () => {
    const summary = join(dir.path, 's.xlsx');
    await evaluateBatch(input, laiChau, { summary, lang: 'en' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(summary);
    const sheet = book.worksheets[0];
    const names = HOSTILE.map((_, i) => sheet?.getRow(2 + i).getCell(3));
    expect(names.map((c) => c?.type)).toEqual(HOSTILE.map(() => ExcelJS.ValueType.String));
    expect(names.map((c) => c?.value)).toEqual(HOSTILE.map((h) => h.trim()));
  });
});
