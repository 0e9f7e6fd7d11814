/**
 * Reading every format: CSV (by id, by Vietnamese label in NFC or NFD, with the English second
 * header row, with semicolons), XLSX (typed cells), JSON (one, a list), JSON Lines and YAML.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { batchColumns, detectBatchFormat, isListDocument } from '../src/index.js';
import { csv, located, records, rules, SMALL, SMALL_HEADER, SMALL_ROW, tempDir } from './helpers/setup.js';

let small: CompiledRuleset;
let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  small = await rules(SMALL);
  dir = await tempDir();
});
afterAll(() => dir.remove());

const EXPECTED = {
  // The row gives its year and no date: the year reaches the engine (area.year).
  area: { code: 'B-01', name: 'Bản Một', unit: 'Xã Một', year: 2024 },
  context: { unit_kind: 'ban', parent_kind: 'xa', agricultural: true },
  facts: {
    households: 100,
    households_ok: 99,
    cleanups: 2,
    market_occurred: false,
    rating: 'tot',
    road_kind: 'asphalt',
  },
};

describe('CSV', () => {
  it('reads a header of ids and a row; numbers in digits are numbers, words are booleans', async () => {
    const [r, ...rest] = await records({ text: csv([SMALL_HEADER, SMALL_ROW]), format: 'csv' }, small);
    expect(rest).toEqual([]);
    expect(r?.row).toBe(2);
    expect(r?.diagnostics).toEqual([]);
    expect(r?.assessment).toEqual(EXPECTED);
    expect(r?.area).toEqual(EXPECTED.area);
  });

  it('reads Vietnamese labels in NFC and NFD, English labels, any case and spacing, and skips the English second row', async () => {
    const columns = batchColumns(small).filter((c) => SMALL_HEADER.includes(c.id));
    const byId = new Map(columns.map((c) => [c.id, c]));
    const vi = SMALL_HEADER.map((id) => byId.get(id)?.label.vi ?? id);
    const nfd = vi.map((l, i) => (i % 2 === 0 ? l.normalize('NFD') : `  ${l.toUpperCase()} `));
    expect(nfd.some((l, i) => l !== vi[i])).toBe(true);
    const english = SMALL_HEADER.map((id) => byId.get(id)?.label.en ?? id);
    for (const header of [vi, nfd, english]) {
      const found = await records({ text: csv([header, english, SMALL_ROW]), format: 'csv' }, small);
      expect(found.map((r) => [r.row, r.diagnostics.length])).toEqual([[3, 0]]);
      expect(found[0]?.assessment).toEqual(EXPECTED);
    }
  });

  it('reads values by id, Vietnamese or English label, in any case; yes/no words without diacritics', async () => {
    const row = [...SMALL_ROW];
    const text = csv([
      SMALL_HEADER,
      row.map((c, i) =>
        SMALL_HEADER[i] === 'rating'
          ? 'TỐT'
          : SMALL_HEADER[i] === 'road_kind'
            ? 'asphalt'
            : SMALL_HEADER[i] === 'agricultural'
              ? 'Co'
              : c,
      ),
      row.map((c, i) =>
        SMALL_HEADER[i] === 'rating'
          ? 'Good'
          : SMALL_HEADER[i] === 'road_kind'
            ? 'Đường nhựa'
            : SMALL_HEADER[i] === 'agricultural'
              ? 'yes'
              : c,
      ),
      row.map((c, i) =>
        SMALL_HEADER[i] === 'unit_kind'
          ? 'Bản'.normalize('NFD')
          : SMALL_HEADER[i] === 'agricultural'
            ? 'ĐÚNG'
            : SMALL_HEADER[i] === 'market_occurred'
              ? 'khong'
              : c,
      ),
    ]);
    const found = await records({ text, format: 'csv' }, small);
    expect(found.map((r) => r.diagnostics)).toEqual([[], [], []]);
    for (const r of found) expect(r.assessment).toEqual(EXPECTED);
  });

  it('an empty cell is unknown (null), never false or zero', async () => {
    const row = SMALL_ROW.map((c, i) =>
      ['households_ok', 'market_occurred', 'rating'].includes(SMALL_HEADER[i] ?? '') ? '' : c,
    );
    const [r] = await records({ text: csv([SMALL_HEADER, row]), format: 'csv' }, small);
    expect(r?.assessment?.facts).toEqual({
      households: 100,
      households_ok: null,
      cleanups: 2,
      market_occurred: null,
      rating: null,
      road_kind: 'asphalt',
    });
    const result = small.evaluate(r?.assessment as never);
    expect(result.decision).toBe('undetermined');
  });

  it('takes semicolons or tabs as separators when the header uses them, skips a BOM and blank lines, keeps row numbers', async () => {
    for (const d of [';', '\t']) {
      const text = `\uFEFF${csv([SMALL_HEADER], d)}\n${csv([SMALL_ROW], d)}`;
      const found = await records({ text, format: 'csv' }, small);
      expect(found.map((r) => [r.row, r.diagnostics.length])).toEqual([[3, 0]]);
      expect(found[0]?.assessment).toEqual(EXPECTED);
    }
  });

  it('a quoted cell may hold separators, quotes and line breaks', async () => {
    const row = SMALL_ROW.map((c, i) => (SMALL_HEADER[i] === 'name' ? 'Bản "Một",\nxóm 2' : c));
    const [r] = await records({ text: csv([SMALL_HEADER, row, SMALL_ROW]), format: 'csv' }, small);
    expect(r?.assessment?.area?.name).toBe('Bản "Một",\nxóm 2');
  });

  it('both tokenizers (the fast one and csv-parse) read a file the same way', async () => {
    const text = csv([SMALL_HEADER, SMALL_ROW, SMALL_ROW.map((c) => (c === '100' ? '12a' : c))]);
    const fast = await records({ text, format: 'csv' }, small, { csvTokenizer: 'fast' });
    const reference = await records({ text, format: 'csv' }, small, { csvTokenizer: 'csv-parse' });
    expect(fast).toEqual(reference);
    expect(located(fast)).toEqual(['3:8 batch_cell_type']);
  });

  it('notes columns (# headers) are ignored', async () => {
    const [r] = await records(
      {
        text: csv([
          [...SMALL_HEADER, '# ghi chú'],
          [...SMALL_ROW, 'anything'],
        ]),
        format: 'csv',
      },
      small,
    );
    expect(r?.diagnostics).toEqual([]);
    expect(r?.assessment).toEqual(EXPECTED);
  });
});

describe('XLSX', () => {
  it('reads typed cells (numbers, booleans, dates), formulas by their result, rich text, and the sheet asked for', async () => {
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet('Ghi chú');
    notes.addRow(['not the data']);
    const sheet = workbook.addWorksheet('Dữ liệu');
    sheet.addRow([...SMALL_HEADER, 'date']);
    sheet.addRow([
      'B-01',
      { richText: [{ text: 'Bản ' }, { text: 'Một' }] },
      'Xã Một',
      2024,
      'Bản',
      'xa',
      true,
      100,
      { formula: 'H2-1', result: 99 },
      2,
      false,
      'Tốt',
      'asphalt',
      new Date(Date.UTC(2024, 9, 10)),
    ]);
    const path = join(dir.path, 'typed.xlsx');
    await workbook.xlsx.writeFile(path);
    for (const sheetOption of ['Dữ liệu', 2]) {
      const found = await records(path, small, { sheet: sheetOption });
      expect(found.map((r) => r.diagnostics)).toEqual([[]]);
      // With a date, the year is the date's and is not passed beside it.
      const { year: _, ...undated } = EXPECTED.area;
      expect(found[0]?.assessment).toEqual({ ...EXPECTED, area: { ...undated, date: '2024-10-10' } });
      expect(found[0]?.area.year).toBe(2024);
    }
    // Without --sheet the first visible sheet is read: here the notes, which have no valid header.
    expect(located(await records(path, small)).some((l) => l.endsWith('batch_header_unknown'))).toBe(true);
  });

  it('a number cell holding a fraction is not a whole number; a missing worksheet is named', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(SMALL_HEADER);
    sheet.addRow(SMALL_ROW.map((c, i) => (SMALL_HEADER[i] === 'households' ? 100.5 : c)));
    const path = join(dir.path, 'fraction.xlsx');
    await workbook.xlsx.writeFile(path);
    expect(located(await records(path, small))).toEqual(['2:8 batch_cell_type']);
    const missing = await records(path, small, { sheet: 'Nope' });
    expect(missing[0]?.diagnostics[0]).toMatchObject({ code: 'batch_unreadable', params: { format: 'xlsx' } });
    expect(missing[0]?.diagnostics[0]?.params).toMatchObject({
      reason: 'no_such_sheet',
      sheet: 'Nope',
      sheets: 'Data',
    });
  });

  it("keeps Vietnamese text whole across the reader's chunk boundaries (exceljs decodes chunks apart)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(SMALL_HEADER);
    // Thousands of distinct multi-byte strings: the shared strings part spans many chunks.
    for (let i = 0; i < 3000; i++)
      sheet.addRow(SMALL_ROW.map((c, k) => (SMALL_HEADER[k] === 'name' ? `Bản Nậm Đắc Ưởng ${i} – thôn Ữơ` : c)));
    const path = join(dir.path, 'unicode.xlsx');
    await workbook.xlsx.writeFile(path);
    const found = await records(path, small);
    expect(found).toHaveLength(3000);
    expect(found.filter((r) => r.diagnostics.length > 0)).toEqual([]);
    expect(found.every((r, i) => r.area.name === `Bản Nậm Đắc Ưởng ${i} – thôn Ữơ`)).toBe(true);
  });
});

describe("JSON, JSON Lines and YAML (the engine's assessment shape)", () => {
  const one = {
    area: { code: 'B-01', name: 'Bản Một', unit: 'Xã Một', date: '2024-10-10' },
    context: EXPECTED.context,
    facts: EXPECTED.facts,
  };

  it('one assessment, a list, one per line, a YAML list: row = item or line number', async () => {
    expect(
      (await records({ text: JSON.stringify(one), format: 'json' }, small)).map((r) => [
        r.row,
        r.assessment !== undefined,
      ]),
    ).toEqual([[1, true]]);
    const list = await records({ text: JSON.stringify([one, one]), format: 'json' }, small);
    expect(list.map((r) => [r.row, r.area.year])).toEqual([
      [1, 2024],
      [2, 2024],
    ]);
    const lines = await records({ text: `${JSON.stringify(one)}\n\n${JSON.stringify(one)}\n`, format: 'jsonl' }, small);
    expect(lines.map((r) => [r.row, r.diagnostics.length])).toEqual([
      [1, 0],
      [3, 0],
    ]);
    const yaml = `- area: { code: B-01 }\n  context: { unit_kind: ban, parent_kind: xa, agricultural: true }\n  facts: { households: 10 }\n- area: { code: B-02 }\n  context: { unit_kind: to_dan_pho, parent_kind: phuong }\n  facts: {}\n`;
    expect(
      (await records({ text: yaml, format: 'yaml' }, small)).map((r) => [r.row, r.area.code, r.diagnostics.length]),
    ).toEqual([
      [1, 'B-01', 0],
      [2, 'B-02', 0],
    ]);
  });

  it('values are not coerced ("12" is text in JSON) and problems are located at line and column', async () => {
    const bad = { ...one, facts: { ...one.facts, households: '12', houshold: 1 } };
    const text = `${JSON.stringify(one)}\n${JSON.stringify(bad)}\n{"broken": \n`;
    const found = await records({ text, format: 'jsonl' }, small);
    expect(found.map((r) => r.row)).toEqual([1, 2, 3]);
    const line = JSON.stringify(bad);
    expect(found[1]?.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual(
      expect.arrayContaining([
        ['input_type', 2, line.indexOf('"12"') + 1],
        ['input_unknown_fact', 2, line.indexOf('"houshold"') + 1],
      ]),
    );
    expect(found[2]?.diagnostics[0]).toMatchObject({ code: 'batch_unreadable', line: 3 });

    const yaml = `- area: { code: B-01 }\n  context: { unit_kind: ban, parent_kind: xa, agricultural: true }\n  facts:\n    households: -4\n`;
    const [y] = await records({ text: yaml, format: 'yaml' }, small);
    expect(y?.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['input_range', 4, 17]]);
  });

  it('a JSON syntax error is located; a JSON array of assessments is told from one assessment by content', async () => {
    const [r] = await records({ text: '[\n {"a": 1,}\n]', format: 'json' }, small);
    expect(r?.diagnostics[0]).toMatchObject({ code: 'batch_unreadable', line: 2 });
    expect(detectBatchFormat('x.json', Buffer.from('[{}]'))).toBe('json');
    expect(isListDocument('json', Buffer.from(' [ {}'))).toBe(true);
    expect(isListDocument('json', Buffer.from('{"area": {}}'))).toBe(false);
    expect(detectBatchFormat('x.json', Buffer.from('{"a":1}\n{"a":2}\n'))).toBe('jsonl');
    expect(isListDocument('yaml', Buffer.from('# comment\n---\n- area: {}\n'))).toBe(true);
    expect(isListDocument('yaml', Buffer.from('area: {}\n'))).toBe(false);
    expect(detectBatchFormat('x.xlsx')).toBe('xlsx');
    // Excel's "Unicode text" and "Text (tab delimited)" are .txt files: read as CSV.
    expect(detectBatchFormat('x.txt', Buffer.from('a\tb'))).toBe('csv');
    expect(detectBatchFormat('x.doc', Buffer.from('a,b'))).toBeUndefined();
  });

  it('writes nothing and reads the real file by path, with its name in every diagnostic', async () => {
    const path = join(dir.path, 'list.json');
    await writeFile(path, JSON.stringify([one, { ...one, facts: { households: -1 } }], null, 2));
    const found = await records(path, small);
    expect(found[1]?.diagnostics[0]).toMatchObject({ file: path, code: 'input_range' });
    expect(found[1]?.diagnostics[0]?.line).toBeGreaterThan(10);
  });
});
