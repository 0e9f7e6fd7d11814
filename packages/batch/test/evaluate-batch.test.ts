/**
 * evaluateBatch end to end on the city's 2024 example workbook and its CSV twin: every row has a
 * results line (bad rows as error lines), the summary table has a row per area, progress is
 * reported, and the decision-only path agrees with the full one. The example files are what the
 * seeded generator writes.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { evaluateBatch, readResultLines, type BatchProgress, type BatchResultLine } from '../src/index.js';
import { LAI_CHAU, records, ROOT, rules, tempDir } from './helpers/setup.js';

const XLSX = join(ROOT, 'examples/city-2024/assessments-2024.xlsx');
const CSV = join(ROOT, 'examples/city-2024/assessments-2024.csv');

let laiChau: CompiledRuleset;
let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  laiChau = await rules(LAI_CHAU);
  dir = await tempDir();
});
afterAll(() => dir.remove());

async function lines(path: string): Promise<BatchResultLine[]> {
  const all: BatchResultLine[] = [];
  for await (const l of readResultLines(path)) all.push(l);
  return all;
}

describe('the city 2024 example', () => {
  it('XLSX and CSV twin read as the same 70 rows', async () => {
    const fromXlsx = await records(XLSX, laiChau);
    const fromCsv = await records(CSV, laiChau);
    expect(fromXlsx).toHaveLength(70);
    const strip = (list: typeof fromXlsx) =>
      list.map((r) => ({ ...r, diagnostics: r.diagnostics.map((d) => ({ ...d, file: '' })) }));
    expect(strip(fromXlsx)).toEqual(strip(fromCsv));
    const units = new Map<string, number>();
    for (const r of fromXlsx) units.set(r.area.unit ?? '', (units.get(r.area.unit ?? '') ?? 0) + 1);
    expect([...units]).toEqual([
      ['Phường Tân Phong', 15],
      ['Phường Quyết Thắng', 6],
      ['Phường Đoàn Kết', 13],
      ['Phường Đông Phong', 6],
      ['Phường Quyết Tiến', 8],
      ['Xã San Thành', 9],
      ['Xã Sùng Phài', 13],
    ]);
  });

  it('evaluates: some recognised, many not, a few undetermined, and the three deliberate mistakes located', async () => {
    const out = join(dir.path, 'city.jsonl');
    const progress: BatchProgress[] = [];
    const summary = await evaluateBatch(XLSX, laiChau, { results: out, onProgress: (p) => progress.push(p) });
    expect(summary).toMatchObject({ rows: 70, evaluated: 67, badRows: 3, headerProblems: [] });
    const { recognised, not_recognised, undetermined } = summary.decisions;
    expect(recognised + not_recognised + undetermined).toBe(67);
    expect(recognised).toBeGreaterThanOrEqual(10);
    expect(not_recognised).toBeGreaterThan(recognised);
    expect(undetermined).toBeGreaterThanOrEqual(2);
    expect(
      summary.problems.map((p) => [p.area.code, p.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)]),
    ).toEqual([
      ['DK-09', ['32:10 input_part_exceeds_whole']],
      ['QTi-04', ['46:19 batch_cell_type']],
      ['SP-05', ['64:9 batch_cell_type']],
    ]);
    expect(progress.at(-1)).toMatchObject({ rows: 70 });
    expect(progress.at(-1)?.bytesRead).toBe(progress.at(-1)?.totalBytes);

    const written = await lines(out);
    expect(written.map((l) => l.row)).toEqual(Array.from({ length: 70 }, (_, i) => i + 3));
    const bad = written.filter((l) => l.status === 'invalid');
    expect(bad.map((l) => l.area.code)).toEqual(['DK-09', 'QTi-04', 'SP-05']);
    const first = bad[0];
    expect(first?.status === 'invalid' && first.messages.en[0]).toMatch(
      /assessments-2024\.xlsx:32:10: error \[input_part_exceeds_whole\]/,
    );
    expect(first?.status === 'invalid' && first.messages.vi[0]).toMatch(/lỗi \[input_part_exceeds_whole\]/);
    const ok = written.find((l) => l.status === 'evaluated');
    expect(ok?.status === 'evaluated' && ok.result.criteria).toHaveLength(41);
  });

  it('writes a summary table per area, CSV and XLSX, bad rows included with their errors', async () => {
    const csvPath = join(dir.path, 'summary.csv');
    const xlsxPath = join(dir.path, 'summary.xlsx');
    const a = await evaluateBatch(CSV, laiChau, { summary: csvPath, lang: 'en' });
    const b = await evaluateBatch(CSV, laiChau, { summary: xlsxPath });
    expect(a.decisions).toEqual(b.decisions);

    const table = parse(await readFile(csvPath, 'utf8'), { bom: true }) as string[][];
    expect(table[0]).toEqual([
      'Row',
      'Area code',
      'Area name',
      'Ward or commune',
      'Year',
      'Decision',
      'Standard 1 (passed/applicable)',
      'Standard 2 (passed/applicable)',
      'Standard 3 (passed/applicable)',
      'Standard 4 (passed/applicable)',
      'Standard 5 (passed/applicable)',
      'Standard 6 (passed/applicable)',
      'Failed criteria',
      'Disqualifying cases that apply',
      'Missing facts',
      'Data errors',
    ]);
    expect(table).toHaveLength(71);
    const sp05 = table.find((r) => r[1] === 'SP-05');
    expect(sp05?.[5]).toBe('Invalid data');
    expect(sp05?.[15]).toMatch(/^Cell I64, .*"12a" is not a whole number/);
    // An engine message (it names facts, not cells) gets its cell named the same way, word included.
    expect(table.find((r) => r[1] === 'DK-09')?.[15]).toMatch(/^Cell J32, "[^"]+": 183 is larger than the total/);
    const counted = table.slice(1).filter((r) => r[5] === 'Recognised').length;
    expect(counted).toBe(a.decisions.recognised);
    for (const r of table.slice(1).filter((r) => r[5] !== 'Invalid data')) {
      expect(r.slice(6, 12).every((cell) => /^\d+\/\d+$/.test(cell))).toBe(true);
    }

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('Tổng hợp');
    expect(sheet.getRow(1).getCell(6).value).toBe('Kết luận');
    expect(sheet.rowCount).toBe(71);
    const words = new Set(Array.from({ length: 70 }, (_, i) => String(sheet.getRow(i + 2).getCell(6).value)));
    expect(words).toEqual(
      new Set(['Được công nhận', 'Không được công nhận', 'Chưa đủ căn cứ để kết luận', 'Dữ liệu có lỗi']),
    );
  });

  it('decision-only lines agree with the full results', async () => {
    const full = join(dir.path, 'full.jsonl');
    const brief = join(dir.path, 'brief.jsonl');
    await evaluateBatch(CSV, laiChau, { results: full });
    await evaluateBatch(CSV, laiChau, { results: brief, detail: 'decision' });
    const a = await lines(full);
    const b = await lines(brief);
    expect(b.map((l) => l.status)).toEqual(a.map((l) => (l.status === 'evaluated' ? 'decided' : l.status)));
    a.forEach((l, i) => {
      const d = b[i];
      if (l.status !== 'evaluated' || d?.status !== 'decided') return;
      expect(d.decision).toBe(l.result.decision);
      expect(d.standards).toEqual(l.result.standards.map((s) => ({ id: s.id, passed: s.passed })));
    });
  });

  it('the generator is deterministic: it writes the committed CSV again, byte for byte', async () => {
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--conditions=@lcz/source', join(ROOT, 'examples/city-2024/generate.ts'), dir.path],
      { cwd: ROOT },
    );
    expect(await readFile(join(dir.path, 'assessments-2024.csv'), 'utf8')).toBe(await readFile(CSV, 'utf8'));
    const again = await records(join(dir.path, 'assessments-2024.xlsx'), laiChau);
    expect(again.map((r) => r.assessment)).toEqual((await records(XLSX, laiChau)).map((r) => r.assessment));
  });

  it('a header problem is written as a results line too, and rows are still evaluated', async () => {
    const text = (await readFile(CSV, 'utf8')).replace(
      'Tổng số hộ gia đình trong khu dân cư',
      'Tong so ho gia dinh trong khu dan cu',
    );
    const out = join(dir.path, 'header.jsonl');
    const summary = await evaluateBatch({ text, format: 'csv', file: 'city.csv' }, laiChau, { results: out });
    expect(
      summary.headerProblems.map((d) => `${d.line}:${d.column} ${d.code} ${String(d.params['suggestion'])}`),
    ).toEqual(['1:9 batch_header_unknown households']);
    const written = await lines(out);
    expect(written[0]).toMatchObject({ row: 1, status: 'invalid' });
    expect(written).toHaveLength(71);
  });
});
