/**
 * XLSX bombs: a workbook is a zip of XML, so a small file can unzip to a huge cell, to millions of
 * shared strings or to rows past any sheet. Each bound stops the read with a located error; the
 * committed bombs (test/fixtures/xlsx-bombs/, written by make-bombs.py) stay under 300 MB of
 * memory in a child process, where they took 1.29 GB before.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, type CompiledRuleset } from '@lcz/criteria-engine';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from '../src/index.js';
import { records, ROOT, rules, SMALL, SMALL_HEADER, SMALL_ROW, tempDir } from './helpers/setup.js';

const MB = 1024 * 1024;
const BOMBS = join(ROOT, 'packages/batch/test/fixtures/xlsx-bombs');
let small: CompiledRuleset;
let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  small = await rules(SMALL);
  dir = await tempDir();
});
afterAll(() => dir.remove());

/** The file's problems as [code, row, column, limit]. */
async function problems(path: string, limits: Partial<XlsxLimits> = {}) {
  const list = await records(path, small, { xlsxLimits: limits });
  return list.flatMap((r) => r.diagnostics.map((d) => [d.code, d.line, d.column, d.params['limit']]));
}

async function workbook(name: string, rows: readonly (readonly (string | number)[])[], shared = false) {
  const path = join(dir.path, name);
  if (shared) {
    // The plain writer puts every text in the shared strings, as Excel does.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Data');
    for (const row of rows) sheet.addRow([...row]);
    await book.xlsx.writeFile(path);
  } else {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = book.addWorksheet('Data');
    for (const row of rows) sheet.addRow([...row]).commit();
    await book.commit();
  }
  return path;
}

const row = (code: string) => SMALL_ROW.map((c, i) => (i === 0 ? code : c));

describe('XLSX limits', () => {
  it('the defaults are Excel’s own bounds where it has them', () => {
    expect(DEFAULT_XLSX_LIMITS.maxCellChars).toBe(32_767);
    expect(DEFAULT_XLSX_LIMITS.maxRows).toBe(1_048_576);
  });

  it('a cell longer than the limit is an error at its cell, in both languages', async () => {
    const path = await workbook('long-cell.xlsx', [SMALL_HEADER, row('B-01'), row('X'.repeat(40))]);
    expect(await problems(path)).toEqual([]);
    expect(await problems(path, { maxCellChars: 30 })).toEqual([['batch_too_large', 3, 1, 'cell_chars']]);
    const [d] = (await records(path, small, { xlsxLimits: { maxCellChars: 30 } })).flatMap((r) => r.diagnostics);
    expect(formatDiagnostic(d as never, 'vi')).toMatch(/A3.*hơn 30 ký tự/);
    expect(formatDiagnostic(d as never, 'en')).toMatch(/A3.*more than 30 characters/);
  });

  it('too many rows stop at the first row past the limit', async () => {
    const path = await workbook('rows.xlsx', [SMALL_HEADER, row('B-01'), row('B-02'), row('B-03')]);
    expect(await problems(path, { maxRows: 3 })).toEqual([['batch_too_large', 4, 1, 'rows']]);
  });

  it('shared strings: their count and their size', async () => {
    const path = await workbook('shared.xlsx', [SMALL_HEADER, row('B-01'), row('B-02')], true);
    expect(await problems(path)).toEqual([]);
    expect(await problems(path, { maxSharedStrings: 5 })).toEqual([['batch_too_large', 0, 0, 'shared_strings']]);
    expect(await problems(path, { maxSharedStringsChars: 100 })).toEqual([
      ['batch_too_large', 0, 0, 'shared_strings_chars'],
    ]);
  });

  it('the unzipped size of the whole workbook', async () => {
    const path = await workbook('unzipped.xlsx', [
      SMALL_HEADER,
      ...Array.from({ length: 200 }, (_, i) => row(`B-${i}`)),
    ]);
    expect(await problems(path)).toEqual([]);
    expect(await problems(path, { maxUncompressedChars: 20_000 })).toEqual([
      ['batch_too_large', 0, 0, 'uncompressed_chars'],
    ]);
  });

  it('a file that is not a workbook, or a broken CSV quote: the Vietnamese message carries no English reason', async () => {
    const fake = join(dir.path, 'fake.xlsx');
    await writeFile(fake, 'code,name\n');
    const quote = join(dir.path, 'quote.csv');
    await writeFile(quote, `${SMALL_HEADER.join(',')}\n"B-01,b\n`);
    for (const [path, reason] of [
      [fake, 'not_xlsx'],
      [quote, 'quote_not_closed'],
    ] as const) {
      const [d] = (await records(path, small)).flatMap((r) => r.diagnostics);
      expect(d?.params['reason']).toBe(reason);
      const vi = formatDiagnostic(d as never, 'vi');
      expect(vi).not.toMatch(/\b(not|the|an|is|Quote|signature|Excel workbook)\b/);
      expect(formatDiagnostic(d as never, 'en')).toMatch(/not an Excel workbook|never ends/);
    }
  });

  it.each([
    ['inline-string.xlsx', [['batch_too_large', 2, 2, 'cell_chars']]],
    ['shared-string.xlsx', [['batch_too_large', 0, 0, 'cell_chars']]],
  ])('the 100 MB bomb %s stops at the limit and stays under 300 MB of memory', async (name, expected) => {
    const child = join(ROOT, 'packages/batch/test/helpers/memory-child.ts');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@lcz/source',
        child,
        SMALL,
        join(BOMBS, name),
        join(dir.path, `${name}.jsonl`),
        'full',
      ],
      { cwd: ROOT, maxBuffer: MB },
    );
    const peak = JSON.parse(stdout) as { rows: number; peakRss: number; header: unknown[] };
    expect(peak.header).toEqual(expected);
    expect(peak.rows).toBe(0);
    expect(peak.peakRss).toBeLessThan(300 * MB);
  });
});
