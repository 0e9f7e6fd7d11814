/**
 * The city workflow end to end on the 70-area example workbook (examples/city-2024): a blank
 * template, the filled workbook evaluated to JSON Lines, then the city report. The report's
 * figures are checked against counts made here straight from the evaluated results.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = 'rules/lai-chau-2020-2025';
const WORKBOOK = 'examples/city-2024/assessments-2024.xlsx';
const TWIN = 'examples/city-2024/assessments-2024.csv';
const run = (argv: string[]) => lcz(argv, { cwd: ROOT });

// The parsers are dependencies of the report package, not of the CLI: load them from there.
const requireFromReport = createRequire(new URL('../../report/package.json', import.meta.url));
const parseCsv = (requireFromReport('csv-parse/sync') as { parse(text: string, options: object): string[][] }).parse;
interface Sheet {
  name: string;
  getRow(n: number): { values: unknown };
  pageSetup: Record<string, unknown>;
}
const ExcelJS = requireFromReport('exceljs') as {
  Workbook: new () => { xlsx: { readFile(path: string): Promise<unknown> }; worksheets: Sheet[] };
};

interface ResultLine {
  row: number;
  area: { code?: string; unit?: string; year?: number };
  status: string;
  result?: {
    decision: string;
    criteria: { id: string; counts_as: string }[];
    standards: { id: string; status: string }[];
  };
}

let temp = '';
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-city-2024-'));
});
afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

async function headerRow(path: string): Promise<unknown[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return ((book.worksheets[0] as Sheet).getRow(1).values as unknown[]).slice(1);
}

describe('template → fill → evaluate → report on examples/city-2024', () => {
  it('agrees with the evaluated results, row for row', async () => {
    // 1. The blank template has the same header row as the filled example workbook.
    const template = join(temp, 'template.xlsx');
    expect((await run(['template', '--rules', RULES, '--format', 'xlsx', '--out', template])).code).toBe(0);
    expect(await headerRow(template)).toEqual(await headerRow(join(ROOT, WORKBOOK)));

    // 2. Evaluate the workbook: one JSON line per row; the three deliberately bad rows make exit 1.
    const results = join(temp, 'results.jsonl');
    const evaluated = await run(['evaluate', '--rules', RULES, WORKBOOK, '--out', results]);
    expect(evaluated.code).toBe(1);
    const lines = (await readFile(results, 'utf8'))
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as ResultLine);
    const good = lines.filter((l) => l.status === 'evaluated');
    const bad = lines.filter((l) => l.status === 'invalid');
    expect(lines.length).toBe(70);
    expect(bad.length).toBe(3);

    // 3. The report, as CSV tables.
    const out = join(temp, 'report.csv');
    const reported = await run([
      'report',
      '--rules',
      RULES,
      '--targets',
      `${RULES}/targets.yaml`,
      WORKBOOK,
      '--out',
      out,
    ]);
    expect(reported.code).toBe(1);
    expect(reported.stdout).toBe(
      `Đã ghi báo cáo vào ${out}: tính ${good.length} khu dân cư, bỏ qua ${bad.length} dòng.\n`,
    );
    for (const line of bad)
      expect(reported.stderr).toMatch(new RegExp(`^${WORKBOOK.replace(/[./]/g, '\\$&')}:${line.row}:\\d+: lỗi`, 'm'));
    const records = parseCsv(await readFile(out, 'utf8'), { bom: true, relax_column_count: true });
    const table = (title: string) => {
      const start = records.findIndex((r) => r[0] === title);
      expect(start, title).toBeGreaterThan(-1);
      const rows: string[][] = [];
      for (let i = start + 2; i < records.length && (records[i]?.length ?? 0) > 1; i++)
        rows.push(records[i] as string[]);
      return rows;
    };

    // Per ward/commune: counted here from the result lines.
    const units = [...new Set(good.map((l) => l.area.unit ?? ''))].sort((a, b) => a.localeCompare(b, 'vi'));
    const count = (list: ResultLine[], decision: string) => list.filter((l) => l.result?.decision === decision).length;
    const expectedUnits = units.map((u) => {
      const list = good.filter((l) => l.area.unit === u);
      return [
        u,
        list.length,
        list.length,
        count(list, 'recognised'),
        count(list, 'not_recognised'),
        count(list, 'undetermined'),
      ].map(String);
    });
    expect(
      table('Khu dân cư theo đơn vị hành chính cấp xã (phường, xã), năm 2024')
        .slice(0, units.length)
        .map((r) => r.slice(0, 6)),
    ).toEqual(expectedUnits);
    expect(table('Tổng hợp theo năm')[0]?.slice(0, 6)).toEqual(
      [
        '2024',
        good.length,
        good.length,
        count(good, 'recognised'),
        count(good, 'not_recognised'),
        count(good, 'undetermined'),
      ].map(String),
    );

    // Per criterion: pass and fail as each result counts them in its standard.
    const criteria = table('Tỷ lệ đạt của từng tiêu chí, năm 2024');
    expect(criteria.length).toBe(41);
    for (const row of criteria) {
      const statuses = good.map((l) => l.result?.criteria.find((c) => c.id === row[0])?.counts_as);
      const pass = statuses.filter((s) => s === 'passed').length;
      const fail = statuses.filter((s) => s === 'failed').length;
      expect([row[0], row[2], row[3], row[6]]).toEqual([
        row[0],
        String(pass),
        String(fail),
        pass + fail === 0 ? '' : String(Math.floor((100 * pass) / (pass + fail))),
      ]);
    }

    // Per standard: areas meeting it.
    const standards = table('Các tiêu chuẩn: số khu dân cư đạt, năm 2024');
    expect(standards.map((r) => r[1])).toEqual(
      ['1', '2', '3', '4', '5', '6'].map((id) =>
        String(good.filter((l) => l.result?.standards.find((s) => s.id === id)?.status === 'met').length),
      ),
    );

    // Targets: one year of data; recognised areas count towards the 2020–2025 and 2024–2025 goals.
    const targets = table('Tiến độ thực hiện các mục tiêu của đề án');
    expect(targets.map((r) => r[4])).toEqual([
      String(count(good, 'recognised')),
      '0',
      String(count(good, 'recognised')),
      expect.any(String),
    ]);
    expect(targets[1]?.[7]).toBe('chưa có dữ liệu của giai đoạn này');
  });

  it('the example workbook prints as the template does: A4 landscape, header rows and code columns repeated', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(ROOT, WORKBOOK));
    const data = book.worksheets.find((w) => w.name === 'Dữ liệu');
    expect(data?.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      printTitlesRow: '1:2',
      printTitlesColumn: 'A:B',
    });
  });

  it('the CSV twin gives the same report as the workbook', async () => {
    const fromXlsx = await run(['report', '--rules', RULES, WORKBOOK]);
    const fromCsv = await run(['report', '--rules', RULES, TWIN]);
    expect(fromCsv.code).toBe(1);
    expect(fromCsv.stdout).toBe(fromXlsx.stdout);
  });
});
