/**
 * Reading the inputs: the `registered` column of CSV and XLSX files (any of its header forms),
 * the `registered` field of YAML, JSON and JSON Lines assessments (taken out without moving any
 * other problem's line and column), bad values located at their row and column.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEntries, type InputRow } from '../src/index.js';
import { EXAMPLES, exampleAssessment, generatedCity, ROOT, rules, writeCityFile } from './city.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lcz-report-inputs-'));
});
afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

async function rowsOf(path: string): Promise<InputRow[]> {
  const rows: InputRow[] = [];
  for await (const row of readEntries(path, rules)) rows.push(row);
  return rows;
}

const areas = generatedCity([2024], 3).slice(0, 12);

describe('the registered column of CSV and XLSX files', () => {
  it('a workbook whose compressed data is damaged is reported by the batch reader; the column does not wait forever', async () => {
    // The edits the batch fuzz test found (packages/batch/test/fuzz): an inflate error inside an entry.
    let bytes = await readFile(join(ROOT, 'examples/city-2024/assessments-2024.xlsx'));
    for (const [at, remove, insert] of [
      [20900, 6, [198, 216, 138, 145, 223]],
      [49104, 12, [27, 20, 244, 116, 207]],
      [4496, 9, [216, 102, 194, 241, 13]],
    ] as const) {
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(insert), bytes.subarray(at + remove)]);
    }
    const path = join(dir, 'damaged.xlsx');
    await writeFile(path, bytes);
    const rows = await rowsOf(path);
    expect(rows.flatMap((r) => r.diagnostics.map((d) => d.code))).toContain('batch_unreadable');
  });

  it('a workbook whose sheets come before its shared strings is read through every sheet, and nothing fails after', async () => {
    // exceljs parks such sheets in temporary files and deletes each as the reader moves on; a
    // sheet skipped unread then failed to open later, an uncaught ENOENT in whoever ran the report.
    const uncaught: unknown[] = [];
    const listen = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', listen);
    try {
      // Many at once, so the file system's thread pool is slow to open each parked sheet.
      const reads = Array.from({ length: 12 }, () => rowsOf(join(ROOT, 'examples/city-2024/assessments-2024.xlsx')));
      for (const rows of await Promise.all(reads)) expect(rows.filter((r) => !r.header).length).toBeGreaterThan(50);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      process.off('uncaughtException', listen);
    }
    expect(uncaught).toEqual([]);
  });

  it.each([
    ['csv', 'registered'],
    ['csv', '# registered'],
    ['csv', 'Đã đăng ký'],
    ['xlsx', 'registered'],
    ['xlsx', 'Registered'],
  ] as const)('%s with header "%s": one value per row, joined by row number', async (format, header) => {
    const path = join(dir, `reg-${header.replace(/\W/g, '')}.${format}`);
    await writeCityFile(areas, path, format, header);
    const rows = await rowsOf(path);
    // The batch reader does not know the column: it must not be reported as unknown.
    expect(rows.flatMap((r) => r.diagnostics)).toEqual([]);
    const data = rows.filter((r) => !r.header);
    expect(data.map((r) => r.entry?.registered)).toEqual(areas.map((a) => a.registered));
    expect(data.map((r) => r.entry?.result.area.code)).toEqual(areas.map((a) => a.assessment.area?.code));
  });

  it('a file saved with ; and the real labels unquoted: both passes choose the separator by the header', async () => {
    const path = join(dir, 'semicolons.csv');
    await writeCityFile(areas, path, 'csv', 'Đã đăng ký');
    const rows = parseCsv(await readFile(path), { bom: true, relax_column_count: true }) as string[][];
    const cell = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    await writeFile(path, rows.map((r) => r.map(cell).join(';')).join('\r\n'));
    expect((await readFile(path, 'utf8')).split('\r\n')[0]).toContain('(phường, xã);');
    const read = await rowsOf(path);
    expect(read.flatMap((r) => [...r.diagnostics, ...r.problems])).toEqual([]);
    const data = read.filter((r) => !r.header);
    expect(data.map((r) => r.entry?.registered)).toEqual(areas.map((a) => a.registered));
  });

  it('a value that is not yes or no is reported at its row and column; the area is still counted', async () => {
    const path = join(dir, 'bad-registered.csv');
    await writeCityFile(areas.slice(0, 3), path, 'csv');
    const lines = (await readFile(path, 'utf8')).split('\n');
    // Row 4 is the second area (row 1: headers, row 2: English labels); registered is the last column.
    lines[3] = lines[3]?.replace(/,[^,]*$/, ',maybe') ?? '';
    await writeFile(path, lines.join('\n'));
    const rows = await rowsOf(path);
    const problems = rows.flatMap((r) => r.problems);
    const columns = (parseCsv(lines[0] ?? '') as string[][])[0]?.length;
    expect(problems.map((p) => [p.code, p.line, p.column, p.params['value']])).toEqual([
      ['report_registered_value', 4, columns, 'maybe'],
    ]);
    expect(rows.find((r) => r.row === 4)?.entry).toBeDefined();
    expect(rows.find((r) => r.row === 4)?.entry?.registered).toBeUndefined();
  });
});

describe('the registered field of YAML, JSON and JSON Lines assessments', () => {
  it('YAML: the field is read and taken out; the assessment is valid', async () => {
    const text = (await readFile(EXAMPLES[0] as string, 'utf8')).replace(/^ruleset:/m, 'registered: không\nruleset:');
    const path = join(dir, 'one.yaml');
    await writeFile(path, text);
    const rows = await rowsOf(path);
    expect(rows.flatMap((r) => r.diagnostics)).toEqual([]);
    expect(rows.map((r) => r.entry?.registered)).toEqual([false]);
  });

  it('a JSON array: first, middle and last keys, with the commas around them', async () => {
    const base = exampleAssessment(EXAMPLES[2] as string);
    const items = [
      { registered: true, ...base },
      { ...base, registered: 'no', area: { ...base.area, code: 'X-2' } },
      { ...base, area: { ...base.area, code: 'X-3' }, registered: false },
      { ...base, area: { ...base.area, code: 'X-4' } },
    ];
    const path = join(dir, 'list.json');
    await writeFile(path, JSON.stringify(items, null, 2));
    const rows = await rowsOf(path);
    expect(rows.flatMap((r) => r.diagnostics)).toEqual([]);
    expect(rows.map((r) => r.entry?.registered)).toEqual([true, false, false, undefined]);
  });

  it('JSON Lines: per line; a bad value and a bad fact each keep their own line and column', async () => {
    const base = exampleAssessment(EXAMPLES[2] as string);
    const lines = [
      JSON.stringify({ ...base, registered: 'yes' }),
      JSON.stringify({ registered: 'perhaps', ...base, area: { ...base.area, code: 'Y-2' } }),
      JSON.stringify({
        ...base,
        registered: true,
        area: { ...base.area, code: 'Y-3' },
        facts: { ...base.facts, public_cleanups_per_month: -5 },
      }),
    ];
    const path = join(dir, 'lines.jsonl');
    await writeFile(path, `${lines.join('\n')}\n`);
    const rows = await rowsOf(path);
    expect(rows.map((r) => r.entry?.registered)).toEqual([true, undefined, undefined]);
    expect(rows.flatMap((r) => r.problems).map((p) => [p.code, p.line, p.column])).toEqual([
      ['report_registered_value', 2, 2],
    ]);
    const bad = rows.flatMap((r) => r.diagnostics);
    expect(bad.map((d) => [d.code, d.line])).toEqual([['input_range', 3]]);
    // The column points at the value in the user's line, not at a shifted copy.
    const column =
      (lines[2] ?? '').indexOf('"public_cleanups_per_month":-5') + '"public_cleanups_per_month":'.length + 1;
    expect(bad[0]?.column).toBe(column);
  });

  it('a YAML list: a bad value is located at its line and column', async () => {
    const base = exampleAssessment(EXAMPLES[1] as string);
    const text = stringify([
      { ...base, registered: 'có' },
      { ...base, area: { ...base.area, code: 'Z-2' }, registered: 'hmm' },
    ]);
    const path = join(dir, 'list.yaml');
    await writeFile(path, text);
    const rows = await rowsOf(path);
    expect(rows.flatMap((r) => r.diagnostics)).toEqual([]);
    const line = text.split('\n').findIndex((l) => l.includes('registered: hmm')) + 1;
    const column = (text.split('\n')[line - 1] ?? '').indexOf('registered') + 1;
    expect(rows.flatMap((r) => r.problems).map((p) => [p.code, p.line, p.column])).toEqual([
      ['report_registered_value', line, column],
    ]);
    expect(rows.map((r) => r.entry?.registered)).toEqual([true, undefined]);
  });
});
