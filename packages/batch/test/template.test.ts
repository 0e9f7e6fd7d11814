/**
 * The template round trip: lcz's blank XLSX (checked for its validation, frozen rows, notes and
 * instructions), filled in with exceljs the way a person's spreadsheet would be, evaluated as a
 * batch: each row gets the decision the engine gives the same assessment as a YAML file.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, CompiledRuleset, EvaluationResult } from '@lcz/criteria-engine';
import { readAssessmentFile } from '@lcz/criteria-engine/node';
import {
  batchColumns,
  evaluateBatch,
  headerLabel,
  readResultLines,
  writeTemplate,
  type BatchResultLine,
} from '../src/index.js';
import { pagesWide } from '../src/template.js';
import { LAI_CHAU, records, ROOT, rules, tempDir } from './helpers/setup.js';

let laiChau: CompiledRuleset;
let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  laiChau = await rules(LAI_CHAU);
  dir = await tempDir();
});
afterAll(() => dir.remove());

type Validations = Record<string, { type: string; formulae: unknown[]; operator?: string; allowBlank?: boolean }>;

describe('lcz template, XLSX', () => {
  it('prints: A4 landscape fitted to page width, the two header rows and code and name on every page; the instructions name the files read', async () => {
    const path = join(dir.path, 'printed.xlsx');
    await writeTemplate(laiChau, path, { format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const data = workbook.getWorksheet('Dữ liệu') as ExcelJS.Worksheet;
    const guide = workbook.getWorksheet('Hướng dẫn - Instructions') as ExcelJS.Worksheet;
    for (const sheet of [data, guide]) {
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToHeight: 0,
      });
    }
    expect(guide.pageSetup.fitToWidth).toBe(1);
    expect(data.pageSetup).toMatchObject({ printTitlesRow: '1:2', printTitlesColumn: 'A:B' });
    // About 100 columns: spread over a few pages across, not shrunk to one.
    const widths = batchColumns(laiChau).map((_, i) => data.getColumn(i + 1).width ?? 10);
    expect(data.pageSetup.fitToWidth).toBe(pagesWide(widths));
    expect(data.pageSetup.fitToWidth).toBeGreaterThan(1);
    expect(pagesWide([12, 24, 24, 12])).toBe(1);
    const text: string[] = [];
    guide.eachRow((row) => row.eachCell((cell) => void text.push(String(cell.value))));
    const all = text.join('\n');
    for (const word of [
      'openpyxl',
      'xlsxwriter',
      'LibreOffice',
      'Google',
      'UTF-16',
      'Windows-1258',
      '--encoding windows-1258',
      '.ods',
    ]) {
      expect(all).toContain(word);
    }
    expect(all).toContain('Tệp được đọc');
    expect(all).toContain('Files read');
  });

  it('has the labels in rows 1 and 2, validation on every typed column, frozen rows, notes and instructions', async () => {
    const path = join(dir.path, 'template.xlsx');
    await writeTemplate(laiChau, path, { format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Dữ liệu', 'visible'],
      ['Hướng dẫn - Instructions', 'visible'],
      ['DanhMuc', 'hidden'],
    ]);
    const sheet = workbook.getWorksheet('Dữ liệu') as ExcelJS.Worksheet;
    const columns = batchColumns(laiChau);
    expect(sheet.getRow(1).values).toEqual([undefined, ...columns.map((c) => headerLabel(c, 'vi'))]);
    expect(sheet.getRow(2).values).toEqual([undefined, ...columns.map((c) => headerLabel(c, 'en'))]);
    // A unit the label does not say is written beside it; one it says is not repeated.
    const header = (id: string) => headerLabel(columns.find((c) => c.id === id) as (typeof columns)[number], 'vi');
    expect(header('public_cleanups_per_month')).toMatch(/ \(lần\/tháng\)$/);
    expect(header('households')).toBe('Tổng số hộ gia đình trong khu dân cư');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 2 });
    expect(sheet.rowCount).toBe(2);

    // exceljs reads a validated range back cell by cell: the first and last rows tell the range.
    const validations = (sheet as unknown as { dataValidations: { model: Validations } }).dataValidations.model;
    const at = (id: string) => {
      const letter = sheet.getColumn(columns.findIndex((c) => c.id === id) + 1).letter;
      expect(validations[`${letter}2002`]).toEqual(validations[`${letter}3`]);
      expect(validations[`${letter}2003`]).toBeUndefined();
      return validations[`${letter}3`];
    };
    expect(at('households')).toMatchObject({
      type: 'whole',
      operator: 'between',
      formulae: [0, 2147483647],
      allowBlank: true,
    });
    expect(at('public_cleanups_per_month')).toMatchObject({ type: 'decimal' });
    expect(at('drug_or_prostitution_spot_present')).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(at('year')).toMatchObject({ type: 'whole', formulae: [1900, 2100] });
    const rating = at('party_cell_rating');
    expect(rating?.type).toBe('list');
    // The list lives on the hidden sheet: labels with commas ("Yếu, kém") stay whole.
    const ref = String(rating?.formulae[0]);
    const match = /^DanhMuc!\$([A-Z]+)\$2:\$[A-Z]+\$(\d+)$/.exec(ref);
    expect(match).not.toBeNull();
    const lists = workbook.getWorksheet('DanhMuc') as ExcelJS.Worksheet;
    const values = Array.from(
      { length: Number(match?.[2]) - 1 },
      (_, i) => lists.getCell(`${match?.[1]}${i + 2}`).value,
    );
    expect(values).toEqual(columns.find((c) => c.id === 'party_cell_rating')?.values?.map((v) => v.label.vi));
    expect(at('code')).toBeUndefined();
    for (const c of columns.filter((c) => c.kind !== 'identity')) expect(at(c.id), c.id).toBeDefined();

    expect(String(sheet.getCell('I1').note)).toContain('households');
    const guide = workbook.getWorksheet('Hướng dẫn - Instructions') as ExcelJS.Worksheet;
    const text = guide.getSheetValues().flat().map(String).join('\n');
    expect(text).toContain('Ô để trống nghĩa là CHƯA BIẾT');
    expect(text).toContain('An EMPTY cell means UNKNOWN');
    expect(text).toContain('households_security_pledge_kept');
  });

  it('writes to a writable that is not a Node stream (exceljs takes a stream.Stream): the same workbook', async () => {
    const chunks: Uint8Array[] = [];
    let ended: () => void = () => undefined;
    const end = new Promise<void>((resolve) => {
      ended = resolve;
    });
    // Only what NodeJS.WritableStream promises, with no stream.Stream behind it.
    const plain = {
      writable: true,
      write(chunk: Uint8Array | string, ...rest: unknown[]): boolean {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        const done = rest.find((r) => typeof r === 'function');
        if (typeof done === 'function') done();
        return true;
      },
      end(...rest: unknown[]) {
        ended();
        const done = rest.find((r) => typeof r === 'function');
        if (typeof done === 'function') done();
        return this;
      },
    };
    await writeTemplate(laiChau, plain as unknown as NodeJS.WritableStream, { format: 'xlsx' });
    // As with any stream given as the target, the caller waits for the end (it comes after the zip's).
    await end;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
    const sheet = workbook.getWorksheet('Dữ liệu');
    expect(sheet?.getRow(1).values).toEqual([undefined, ...batchColumns(laiChau).map((c) => headerLabel(c, 'vi'))]);
  });

  it("round trip: fill the template with exceljs, evaluate the batch, get the engine's decisions", async () => {
    const template = join(dir.path, 'blank.xlsx');
    await writeTemplate(laiChau, template, { format: 'xlsx' });
    const examplesDir = join(ROOT, 'examples/assessments');
    const files = (await readdir(examplesDir)).filter((f) => f.endsWith('.yaml')).sort();
    const examples: Assessment[] = [];
    for (const f of files) {
      const read = await readAssessmentFile(join(examplesDir, f), laiChau);
      if (read.value === undefined) throw new Error(`${f} does not read`);
      examples.push(read.value);
    }

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    const sheet = workbook.getWorksheet('Dữ liệu') as ExcelJS.Worksheet;
    const columns = batchColumns(laiChau);
    examples.forEach((a, i) => {
      const row = sheet.getRow(3 + i);
      columns.forEach((c, k) => {
        const cell = row.getCell(k + 1);
        const value =
          c.kind === 'identity'
            ? c.id === 'year'
              ? Number(a.area?.date?.slice(0, 4))
              : c.id === 'date'
                ? undefined
                : a.area?.[c.id as 'code']
            : c.kind === 'context'
              ? a.context[c.id]
              : a.facts[c.id];
        if (value === undefined || value === null) return;
        // As a person would fill it in: words for yes/no, labels from the drop-down lists.
        cell.value =
          typeof value === 'boolean'
            ? value
              ? 'Có'
              : 'Không'
            : c.values
              ? (c.values.find((v) => v.id === value)?.label.vi ?? null)
              : value;
      });
      row.commit();
    });
    const filled = join(dir.path, 'filled.xlsx');
    await workbook.xlsx.writeFile(filled);

    const out = join(dir.path, 'results.jsonl');
    const summary = await evaluateBatch(filled, laiChau, { results: out });
    expect(summary).toMatchObject({
      rows: examples.length,
      evaluated: examples.length,
      badRows: 0,
      headerProblems: [],
    });
    const lines: BatchResultLine[] = [];
    for await (const line of readResultLines(out)) lines.push(line);
    expect(lines.map((l) => [l.row, l.status])).toEqual(examples.map((_, i) => [3 + i, 'evaluated']));
    const strip = (r: EvaluationResult) => ({ ...r, area: {} });
    lines.forEach((line, i) => {
      const expected = laiChau.evaluate(examples[i] as Assessment);
      expect(line.status === 'evaluated' && strip(line.result)).toEqual(strip(expected));
    });
    const decisions = lines.map((l) => (l.status === 'evaluated' ? l.result.decision : l.status));
    expect(new Set(decisions)).toEqual(new Set(['recognised', 'not_recognised', 'undetermined']));
  });
});

describe('lcz template, CSV', () => {
  it('ids in row 1 with --headers ids, English labels in row 2, a BOM for Excel; reads back as an empty batch', async () => {
    const path = join(dir.path, 'template.csv');
    await writeTemplate(laiChau, path, { format: 'csv', headers: 'ids' });
    const text = await readFile(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [first, second] = text.slice(1).split('\n');
    expect(first?.split(',').slice(0, 9)).toEqual([
      'code',
      'name',
      'unit',
      'year',
      'date',
      'unit_kind',
      'parent_kind',
      'agricultural',
      'households',
    ]);
    expect(second?.startsWith('Area code,Area name,Ward or commune,Year assessed')).toBe(true);
    expect(await records(path, laiChau)).toEqual([]);
  });

  it('a header with the unit in brackets and one with the label alone read the same', async () => {
    const columns = batchColumns(laiChau).filter((c) => c.kind !== 'fact' || c.id === 'security_force_members');
    const withUnit = columns.map((c) => headerLabel(c, 'vi'));
    expect(withUnit).toContain(
      'Số bảo vệ dân phố, công an viên, cán bộ, chiến sĩ dự bị động viên, dân quân ở tổ dân phố, bản (người)',
    );
    const bare = columns.map((c) => c.label.vi);
    const row = ['TP-01', 'Tổ 1', 'Phường Tân Phong', '2024', '2024-10-10', 'Tổ dân phố', 'Phường', '', '12'];
    const read = async (header: readonly string[], name: string) => {
      const path = join(dir.path, name);
      const csv = (cells: readonly string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');
      await writeFile(path, `${csv(header)}\n${csv(row)}\n`);
      return (await records(path, laiChau)).map((r) => [r.diagnostics, r.assessment]);
    };
    const [a, b] = [await read(withUnit, 'with-unit.csv'), await read(bare, 'bare.csv')];
    expect(a).toEqual(b);
    expect(JSON.stringify(a)).toContain('"security_force_members":12');
  });
});

describe('lcz template for schemes with levels, derived quantities and a dated table', () => {
  /** The guide sheet's rows as text, and each data column's header note by id. */
  async function template(ruleset: CompiledRuleset, name: string) {
    const path = join(dir.path, name);
    await writeTemplate(ruleset, path, { format: 'xlsx', headers: 'ids' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const data = workbook.getWorksheet('Dữ liệu') as ExcelJS.Worksheet;
    const guide = workbook.getWorksheet('Hướng dẫn - Instructions') as ExcelJS.Worksheet;
    const rows: string[][] = [];
    guide.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v))));
    });
    const notes = new Map<string, string>();
    data.getRow(1).eachCell((cell) => {
      const note = cell.note;
      const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
      notes.set(String(cell.value), text);
    });
    return { rows, notes };
  }

  it('ntm: the date is asked for (it picks the thresholds), the derived income and the tiers are listed', async () => {
    const ntm = await rules(join(ROOT, 'rules/ntm-commune-2021-2025'));
    const { rows, notes } = await template(ntm, 'ntm.xlsx');
    expect(notes.get('date')).toContain('the date picks the thresholds in force');
    expect(rows.find((r) => r[1] === 'date')?.[4]).toContain('the date picks the thresholds in force');
    // A number fact declares its decimals: the note says how many.
    expect(notes.get('total_income')).toContain('at most 1 decimal places');
    const income = rows.find((r) => r[1] === 'income_per_person');
    expect(income?.slice(2, 4)).toEqual(['Thu nhập bình quân đầu người', 'Income per person']);
    expect(income?.[4]).toContain('total_income / population');
    const levelsAt = rows.findIndex((r) => (r[2] ?? '').startsWith('Các mức'));
    expect(rows.slice(levelsAt + 1, levelsAt + 4).map((r) => r[1])).toEqual(['dat_chuan', 'nang_cao', 'kieu_mau']);
  });

  it('a deadline in a condition (no dated table): the date is asked for too', async () => {
    // Written from the docs alone: 2.5 reads `date < '2025-06-30'`, no table depends on the date.
    const scored = await rules(join(ROOT, 'packages/criteria-engine/test/fixtures/chinh-quyen-cap-xa/2025'));
    expect(scored.parameterTables.some((t) => t.dated)).toBe(false);
    const { rows, notes } = await template(scored, 'scored.xlsx');
    expect(notes.get('date')).toContain('decides the conditions on the date');
    expect(rows.find((r) => r[1] === 'date')?.[4]).toContain('decided only when the whole year gives one answer');
  });

  it('the year and date examples lie in the period the rules are in force (2026–2030: not 2024)', async () => {
    // Written from the docs alone (test/fixtures/y-te-xa): the guide said "Năm / year: 2024" and
    // "2024-10-10", which a clerk copying the example would see refused as outside the period.
    const health = await rules(join(ROOT, 'packages/criteria-engine/test/fixtures/y-te-xa'));
    const { rows } = await template(health, 'y-te-xa.xlsx');
    expect(rows.find((r) => r[1] === 'year')?.[4]).toBe('Năm / year: 2026');
    expect(rows.find((r) => r[1] === 'date')?.[4]).toContain('Ngày / date: 2026-10-10 hoặc/or 10/10/2026');
    expect(rows.flat().join(' ')).not.toMatch(/year: 2024|date: 2024/);
    const { rows: lc } = await template(laiChau, 'lai-chau-example.xlsx');
    expect(lc.find((r) => r[1] === 'year')?.[4]).toBe('Năm / year: 2024');
  });

  it('Lai Châu: no such rows, and the date note as before', async () => {
    const { rows, notes } = await template(laiChau, 'lai-chau-ids.xlsx');
    expect(notes.get('date')).not.toContain('thresholds in force');
    expect(rows.some((r) => (r[2] ?? '').startsWith('Các mức'))).toBe(false);
    expect(rows.some((r) => (r[2] ?? '').startsWith('Giá trị tính ra'))).toBe(false);
  });
});
