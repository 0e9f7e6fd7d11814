/**
 * The formats: every one carries the same figures (checked against the independent count), in
 * Vietnamese by default and in English; the HTML is self-contained and accessible; the XLSX and
 * CSV are read back with real parsers.
 */
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { aggregate, renderReport, type CityReport, type ReportEntry } from '../src/index.js';
import { generatedCity, rules, type CityArea } from './city.js';
import { expectedYear } from './expected.js';

const areas = generatedCity([2023, 2024], 7);
const entries: ReportEntry[] = areas.map((a) => ({
  result: a.result,
  year: a.year,
  ...(a.registered !== undefined ? { registered: a.registered } : {}),
}));
const reportPromise: Promise<CityReport> = aggregate(entries, rules).then((r) => r.report);
const latest = expectedYear(areas, 2024);
const earlier = expectedYear(areas, 2023);
const unitRows = (e: ReturnType<typeof expectedYear>) =>
  e.units.map((u) => [u.unit, u.assessed, u.registered, u.recognised, u.not_recognised, u.undetermined]);

describe('Markdown', () => {
  it('has the units table of the latest year with the independent counts, and year-on-year tables', async () => {
    const md = (await renderReport(await reportPromise, { format: 'md' })) as string;
    expect(md.startsWith('# Báo cáo tổng hợp: ')).toBe(true);
    for (const [unit, assessed, registered, recognised, notRecognised, undetermined] of unitRows(latest)) {
      const share = Math.floor((100 * (recognised as number)) / (assessed as number));
      expect(md).toContain(
        `| ${unit} | ${assessed} | ${registered} | ${recognised} | ${notRecognised} | ${undetermined} | ${share}% |`,
      );
    }
    expect(md).toContain('## Số khu dân cư được công nhận theo đơn vị hành chính cấp xã (phường, xã) qua các năm');
    const change = latest.totals.recognised - earlier.totals.recognised;
    expect(md).toContain(
      `| Tổng cộng | ${earlier.totals.recognised} | ${latest.totals.recognised} | ${change > 0 ? `+${change}` : change} |`,
    );
    const en = (await renderReport(await reportPromise, { format: 'md', lang: 'en' })) as string;
    expect(en).toContain('## Areas by ward or commune, 2024');
    expect(en).toContain('| Total |');
  });
});

describe('CSV', () => {
  it('stacks the tables; the criteria rows carry the independent counts', async () => {
    const csv = (await renderReport(await reportPromise, { format: 'csv' })) as string;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const records = parseCsv(csv, { bom: true, relax_column_count: true }) as string[][];
    const start = records.findIndex((r) => r[0] === 'Tỷ lệ đạt của từng tiêu chí, năm 2024');
    expect(records[start + 1]?.[0]).toBe('Tiêu chí');
    const rows = records.slice(start + 2, start + 2 + rules.criteria.length);
    expect(
      rows.map((r) => [
        r[0],
        Number(r[2]),
        Number(r[3]),
        Number(r[4]),
        Number(r[5]),
        r[6] === '' ? null : Number(r[6]),
      ]),
    ).toEqual(latest.criteria.map((c) => [c.id, c.pass, c.fail, c.unknown, c.excluded, c.percent]));
  });
});

describe('XLSX', () => {
  it('one sheet per table, numbers as numbers, percentages shown with %', async () => {
    const bytes = (await renderReport(await reportPromise, { format: 'xlsx' })) as Uint8Array;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Thông tin',
      'Tổng hợp',
      'Theo đơn vị',
      'Tiêu chuẩn',
      'Tiêu chí',
      'Không đạt nhiều nhất',
      'Công nhận qua các năm',
      'Tỷ lệ đạt qua các năm',
    ]);
    const units = book.getWorksheet('Theo đơn vị') as ExcelJS.Worksheet;
    const values: unknown[][] = [];
    units.eachRow((row, n) => {
      if (n >= 3) values.push((row.values as unknown[]).slice(1, 7));
    });
    expect(values.slice(0, latest.units.length)).toEqual(unitRows(latest));
    expect(units.getColumn(7).numFmt).toBe('0"%"');
    expect(units.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const failed = book.getWorksheet('Không đạt nhiều nhất') as ExcelJS.Worksheet;
    const ids: unknown[] = [];
    failed.eachRow((row, n) => {
      if (n >= 3 && typeof row.getCell(1).value === 'number') ids.push(row.getCell(2).value);
    });
    expect(ids).toEqual(latest.mostFailed);
  });
});

describe('HTML', () => {
  it('is one self-contained, accessible page: no script, nothing fetched, labelled charts and tables', async () => {
    const html = (await renderReport(await reportPromise, { format: 'html' })) as string;
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    expect(html).toContain('<style>');
    expect(html).toContain('@media print');
    for (const id of ['chart-criteria', 'chart-units']) {
      expect(html).toContain(
        `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc"`,
      );
      expect(html).toContain(`<title id="${id}-title">`);
      expect(html).toContain(`<desc id="${id}-desc">`);
    }
    expect(html).toContain('<th scope="col"');
    expect(html).toContain('<th scope="row"');
    expect(html.match(/<table aria-labelledby="[a-z_]+-heading">/g)?.length).toBe(7);
    const en = (await renderReport(await reportPromise, { format: 'html', lang: 'en' })) as string;
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Pass rate per criterion, 2024');
  });

  it('escapes what the inputs bring', async () => {
    const base = areas[0] as CityArea;
    const result = { ...base.result, area: { ...base.result.area, unit: '<script>alert(1)</script> & "Ward"' } };
    const { report } = await aggregate([{ result, year: 2024 }], rules);
    const html = (await renderReport(report, { format: 'html' })) as string;
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Ward&quot;');
  });

  it('writes a ward named like a formula as text in the CSV, and as a plain string in the XLSX', async () => {
    const base = areas[0] as CityArea;
    const result = { ...base.result, area: { ...base.result.area, unit: '=1+1' } };
    const { report } = await aggregate([{ result, year: 2024 }], rules);
    const csv = (await renderReport(report, { format: 'csv' })) as string;
    const cells = (parseCsv(csv, { bom: true, relax_column_count: true }) as string[][]).flat();
    expect(cells).toContain("'=1+1");
    expect(cells).not.toContain('=1+1');
    // Real numbers (counts, percentages, negative changes) are not touched.
    expect(cells.filter((c) => /^[=+@]/.test(c) || /^-(?!\d+(?:[.,]\d+)?%?$)/.test(c))).toEqual([]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderReport(report, { format: 'xlsx' })) as never);
    const found: ExcelJS.Cell[] = [];
    for (const sheet of book.worksheets)
      sheet.eachRow((row) => row.eachCell((c) => c.value === '=1+1' && found.push(c)));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
  });
});
