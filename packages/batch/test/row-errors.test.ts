/**
 * Every problem a row or a header can have, located at its row and column (the spreadsheet's),
 * with the column's header text: one test per kind. Bad rows never stop the batch.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { formatDiagnostic, renderMessage } from '@lcz/criteria-engine';
import {
  csv,
  LAI_CHAU,
  located,
  records,
  ROOT,
  rules,
  SMALL,
  SMALL_HEADER,
  SMALL_ROW,
  tempDir,
} from './helpers/setup.js';

let small: CompiledRuleset;
let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  small = await rules(SMALL);
  dir = await tempDir();
});
afterAll(() => dir.remove());

const col = (id: string): number => SMALL_HEADER.indexOf(id) + 1;
const withCell = (id: string, value: string): string[] => SMALL_ROW.map((c, i) => (SMALL_HEADER[i] === id ? value : c));

/** The file: header, a good row, the bad row, a good row: the bad row is row 3. */
function padded(header: readonly string[]): string[] {
  return [...SMALL_ROW, ...Array<string>(Math.max(0, header.length - SMALL_ROW.length)).fill('')];
}

async function bad(row: readonly string[], header: readonly string[] = SMALL_HEADER) {
  const found = await records(
    // The good rows get an empty field for each extra header column: a short row is an error.
    { text: csv([header, padded(header), row, padded(header)]), format: 'csv', file: 'batch.csv' },
    small,
  );
  expect(found.map((r) => r.row)).toEqual([2, 3, 4]);
  expect(found[0]?.assessment).toBeDefined();
  expect(found[2]?.assessment).toBeDefined();
  expect(found[1]?.assessment).toBeUndefined();
  return found[1]?.diagnostics ?? [];
}

describe('a row with several problems', () => {
  it('lists them in column order, the cells unread by type and the values the engine refuses together', async () => {
    // households_ok is read (a number) but more than the households: the engine says so, after the
    // reader has said that cleanups and rating cannot be read; the row lists them as it reads.
    const row = SMALL_ROW.map((c, i) =>
      SMALL_HEADER[i] === 'households_ok'
        ? '120'
        : SMALL_HEADER[i] === 'cleanups'
          ? '1,5,0'
          : SMALL_HEADER[i] === 'rating'
            ? 'Xuất sắc'
            : c,
    );
    const found = await bad(row);
    expect(found.map((d) => [d.column, d.code])).toEqual([
      [col('households_ok'), expect.stringMatching(/^input_/)],
      [col('cleanups'), 'batch_cell_type'],
      [col('rating'), 'batch_cell_type'],
    ]);
  });
});

describe('cells that cannot be read by their column type: batch_cell_type at row:column', () => {
  it.each([
    ['households', '12a', 'integer'],
    // 1.000 is a thousand (office-typing.test.ts); 1.00 is no whole number in any office's writing.
    ['households', '1.00', 'integer'],
    ['households', '12.5', 'integer'],
    // 1,5 is one and a half (a decimal comma); 1,5,0 is nothing.
    ['cleanups', '1,5,0', 'number'],
    ['market_occurred', 'có thể', 'boolean'],
    // x (a ticked box) is yes; v is not read.
    ['market_occurred', 'v', 'boolean'],
    ['rating', 'Xuất sắc', 'ordinal'],
    ['road_kind', 'đất', 'enum'],
    ['unit_kind', 'thôn', 'enum'],
    ['year', '24', 'year'],
  ])('%s = "%s" is not %s', async (id, value, expected) => {
    const [d, ...more] = await bad(withCell(id, value));
    expect(more).toEqual([]);
    expect(d).toMatchObject({
      code: 'batch_cell_type',
      file: 'batch.csv',
      line: 3,
      column: col(id),
      params: { name: id, expected, value, column_name: id },
    });
    expect(d?.params['cell']).toMatch(/^[A-Z]+3$/);
  });

  it('lists the allowed values of a list column, by label and id', async () => {
    const [d] = await bad(withCell('rating', 'Xuất sắc'));
    expect(d?.params['allowed']).toBe('Kém (kem), Khá (kha), Tốt (tot)');
    expect(formatDiagnostic(d as never, 'vi')).toMatch(
      /^batch\.csv:3:\d+: lỗi \[batch_cell_type\] Ô L3, "rating": "Xuất sắc" không phải là/,
    );
  });

  it('a date that is not a calendar date, and the date format of Vietnam (DD/MM/YYYY) is read', async () => {
    const header = [...SMALL_HEADER, 'date'];
    const [d] = await bad([...SMALL_ROW, '2024-13-01'], header);
    expect(d).toMatchObject({ code: 'batch_cell_type', line: 3, column: header.length, params: { expected: 'date' } });
    const [ok] = await records({ text: csv([header, [...SMALL_ROW, '10/11/2024']]), format: 'csv' }, small);
    expect(ok?.assessment?.area?.date).toBe('2024-11-10');
  });
});

describe('values the engine refuses, located at the cell of the fact they name', () => {
  it('input_range: below min, above max', async () => {
    const negative = SMALL_ROW.map((c, i) =>
      SMALL_HEADER[i] === 'households' ? '-3' : SMALL_HEADER[i] === 'households_ok' ? '' : c,
    );
    expect((await bad(negative)).map((d) => [d.code, d.line, d.column, d.params['value']])).toEqual([
      ['input_range', 3, col('households'), -3],
    ]);
    expect((await bad(withCell('cleanups', '40'))).map((d) => [d.code, d.column])).toEqual([
      ['input_range', col('cleanups')],
    ]);
  });

  it('input_part_exceeds_whole: at the part', async () => {
    const [d] = await bad(withCell('households_ok', '101'));
    expect(d).toMatchObject({
      code: 'input_part_exceeds_whole',
      line: 3,
      column: col('households_ok'),
      params: { part: 'households_ok', whole: 'households', column_name: 'households_ok' },
    });
    // The whole's cell and header too: staff look for two cells, not two fact ids.
    const letter = (id: string) => String.fromCharCode(64 + col(id));
    expect(d?.params).toMatchObject({ whole_cell: `${letter('households')}3`, whole_column: 'households' });
    if (d === undefined) throw new Error('no diagnostic');
    const en = renderMessage(d, 'en');
    expect(en.message).toBe(
      `101 is larger than the total it is part of: 100 in cell ${letter('households')}3, column "households".`,
    );
    expect(en.hint).toContain(`check both cells (${letter('households_ok')}3 and ${letter('households')}3)`);
    expect(renderMessage(d, 'vi').message).toBe(
      `101 lớn hơn tổng mà nó thuộc về: 100 ở ô ${letter('households')}3, cột "households".`,
    );
  });

  it('input_context_missing: a bản without its agricultural cell', async () => {
    const [d] = await bad(withCell('agricultural', ''));
    expect(d).toMatchObject({
      code: 'input_context_missing',
      line: 3,
      column: col('agricultural'),
      params: { name: 'agricultural' },
    });
  });

  it('input_context_missing: its hint says what to do in the file (the cell, its column), not as YAML', async () => {
    const [d] = await bad(withCell('agricultural', ''));
    if (d === undefined) throw new Error('no diagnostic');
    const cell = String(d.params['cell']);
    expect(cell).toMatch(/^[A-Z]+3$/);
    const en = renderMessage(d, 'en').hint;
    const vi = renderMessage(d, 'vi').hint;
    expect(en).toBe(`In this row, fill in cell ${cell}, column "agricultural": a unit of this kind needs it.`);
    expect(vi).toBe(`Ở dòng này, điền ô ${cell}, cột "agricultural": đơn vị loại này cần thông tin đó.`);
    // The assessment file's wording ("add it to the context, e.g. agricultural: …") is not a batch user's.
    for (const hint of [en, vi]) expect(hint).not.toMatch(/agricultural: |context/);
  });

  it('input_context_rule: a tổ dân phố in a commune', async () => {
    const row = SMALL_ROW.map((c, i) =>
      SMALL_HEADER[i] === 'unit_kind' ? 'to_dan_pho' : SMALL_HEADER[i] === 'agricultural' ? '' : c,
    );
    const [d] = await bad(row);
    expect(d).toMatchObject({ code: 'input_context_rule', line: 3, column: col('unit_kind') });
  });

  it('every problem of a row at once', async () => {
    const row = SMALL_ROW.map(
      (c, i) =>
        ({ households: '12a', cleanups: '-1', rating: 'zzz', households_ok: '99' })[SMALL_HEADER[i] as string] ?? c,
    );
    const found = await bad(row);
    expect(found.map((d) => `${d.column} ${d.code}`).sort()).toEqual(
      [
        `${col('households')} batch_cell_type`,
        `${col('rating')} batch_cell_type`,
        `${col('cleanups')} input_range`,
      ].sort(),
    );
  });
});

describe('identity', () => {
  it('batch_identity_missing: no code, no year (and no date)', async () => {
    expect((await bad(withCell('code', ''))).map((d) => [d.code, d.column, d.params['name']])).toEqual([
      ['batch_identity_missing', col('code'), 'code'],
    ]);
    expect((await bad(withCell('year', ' '))).map((d) => [d.code, d.column, d.params['name']])).toEqual([
      ['batch_identity_missing', col('year'), 'year'],
    ]);
  });

  it('batch_year_mismatch: the year differs from the date', async () => {
    const header = [...SMALL_HEADER, 'date'];
    const [d] = await bad([...SMALL_ROW, '2023-12-31'], header);
    expect(d).toMatchObject({
      code: 'batch_year_mismatch',
      line: 3,
      column: col('year'),
      params: { year: 2024, date: '2023-12-31' },
    });
  });

  it('batch_cell_unheaded: a value under no header is never dropped silently', async () => {
    const [d] = await bad([...SMALL_ROW, '', 'lost?'], [...SMALL_HEADER, '']);
    expect(d).toMatchObject({
      code: 'batch_cell_unheaded',
      line: 3,
      column: SMALL_HEADER.length + 2,
      params: { value: 'lost?' },
    });
  });
});

describe('header problems: reported once, at row 1 and their column; the rows are still read', () => {
  const headerOf = async (header: readonly string[]) => {
    const found = await records({ text: csv([header, SMALL_ROW]), format: 'csv' }, small);
    expect(found[0]?.header).toBe(true);
    expect(found[0]?.row).toBe(1);
    expect(found.filter((r) => r.header)).toHaveLength(1);
    return found;
  };

  it('batch_header_unknown, with a suggestion for a label typed without diacritics', async () => {
    const header = SMALL_HEADER.map((h) => (h === 'households' ? 'Tong so ho' : h));
    const found = await headerOf(header);
    expect(
      found[0]?.diagnostics.map((d) => [d.code, d.line, d.column, d.params['column_name'], d.params['suggestion']]),
    ).toEqual([['batch_header_unknown', 1, col('households'), 'Tong so ho', 'households']]);
    // The row is read without that column: households unknown, and part ≤ whole cannot be checked.
    expect(found[1]?.assessment?.facts['households']).toBeUndefined();
  });

  it('batch_header_unknown: a label shared by two facts is ambiguous, the ids are named', async () => {
    const [h] = await headerOf([...SMALL_HEADER, 'Nhãn trùng']);
    expect(h?.diagnostics[0]).toMatchObject({
      code: 'batch_header_unknown',
      column: SMALL_HEADER.length + 1,
      params: { candidates: 'flag_a, flag_b' },
    });
  });

  it('batch_header_duplicate: the same fact by id and by label', async () => {
    const [h] = await headerOf([...SMALL_HEADER, 'Tổng số hộ']);
    expect(h?.diagnostics[0]).toMatchObject({
      code: 'batch_header_duplicate',
      line: 1,
      column: SMALL_HEADER.length + 1,
      params: { name: 'households', first_column: 'H' },
    });
  });

  it('batch_header_missing: identity and required context columns, placed at the first free column', async () => {
    const header = SMALL_HEADER.filter((h) => !['code', 'year', 'parent_kind'].includes(h));
    const [h] = await records({ text: csv([header]), format: 'csv' }, small);
    expect(h?.diagnostics.map((d) => [d.code, d.line, d.column, d.params['name']])).toEqual([
      ['batch_header_missing', 1, header.length + 1, 'code'],
      ['batch_header_missing', 1, header.length + 1, 'parent_kind'],
      ['batch_header_missing', 1, header.length + 1, 'year'],
    ]);
  });

  it('batch_no_header: an empty file', async () => {
    expect(located(await records({ text: '\n\n', format: 'csv' }, small))).toEqual(['1:1 batch_no_header']);
  });
});

describe('files that cannot be read: batch_unreadable, and the rows before the problem are kept', () => {
  it('a quote that never closes (CSV)', async () => {
    const text = `${csv([SMALL_HEADER, SMALL_ROW])}B-02,"Bản Hai\n`;
    const found = await records({ text, format: 'csv' }, small);
    expect(found.map((r) => [r.row, r.header === true])).toEqual([
      [2, false],
      [3, true],
    ]);
    expect(found[1]?.diagnostics[0]).toMatchObject({ code: 'batch_unreadable', line: 3, params: { format: 'csv' } });
  });

  it('a CSV that is not UTF-8 (saved as Windows-1258 or similar)', async () => {
    const bytes = Buffer.from(csv([SMALL_HEADER.map((h) => (h === 'code' ? 'Mã khu dân cư' : h))]), 'latin1');
    const path = join(dir.path, 'ansi.csv');
    await writeFile(path, bytes);
    // One message, at the first byte that is not UTF-8 ("Mã": column 2), naming --encoding; no
    // follow-on header errors (office-typing.test.ts).
    expect(located(await records(path, small))).toEqual(['1:2 text_encoding']);
  });

  it('an .xlsx that is not a workbook; a file that does not exist; an unknown extension', async () => {
    const path = join(dir.path, 'fake.xlsx');
    await writeFile(path, 'code,name\n');
    const [x] = await records(path, small);
    expect(x?.diagnostics[0]).toMatchObject({ code: 'batch_unreadable', params: { format: 'xlsx' } });
    expect(x?.diagnostics[0]?.params['reason']).toBe('not_xlsx');
    expect((await records(join(dir.path, 'missing.csv'), small))[0]?.diagnostics[0]?.code).toBe('file_not_found');
    const odd = join(dir.path, 'data.doc');
    await writeFile(odd, 'x');
    expect((await records(odd, small))[0]?.diagnostics[0]?.code).toBe('batch_unreadable');
  });

  it('an empty .xlsx, on disk or in memory, is "not a workbook" at once (it never reaches the zip reader, which waited forever on it)', async () => {
    const path = join(dir.path, 'empty.xlsx');
    await writeFile(path, '');
    for (const source of [path, { text: new Uint8Array(0), format: 'xlsx' as const, file: 'empty.xlsx' }]) {
      const [x] = await records(source, small);
      expect(x?.diagnostics[0]).toMatchObject({
        code: 'batch_unreadable',
        params: { format: 'xlsx', reason: 'not_xlsx' },
      });
    }
    // Text saved under a workbook's name, in memory: refused by its first bytes too.
    const [text] = await records({ text: 'PK', format: 'xlsx', file: 'two-bytes.xlsx' }, small);
    expect(text?.diagnostics[0]?.params['reason']).toBe('not_xlsx');
  });
});

describe('a row dated outside the rules’ period', () => {
  /** The city example's header, its row of English labels and its first unit with `cells` (by header) changed. */
  async function cityWith(cells: Readonly<Record<string, string>>) {
    const [header = [], labels = [], first = []] = parse(
      await readFile(join(ROOT, 'examples/city-2024/assessments-2024.csv'), 'utf8'),
      { bom: true },
    ) as string[][];
    const changed = first.map((c, i) => cells[header[i] ?? ''] ?? c);
    return records({ text: csv([header, labels, changed]), format: 'csv', file: 'city.csv' }, await rules(LAI_CHAU));
  }
  // Their columns in the example (D and E), as the cells the messages name.
  const YEAR = 4;
  const DATE = 5;

  it('is refused at its date cell, and the hint names that cell and its column, in vi and en', async () => {
    const found = await cityWith({ 'Năm đánh giá': '2026', 'Ngày đánh giá': '2026-03-01' });
    expect(found[0]?.assessment).toBeUndefined();
    const d = found[0]?.diagnostics.find((x) => x.code === 'input_date_outside_period');
    expect(d).toMatchObject({ line: 3, column: DATE, params: { cell: 'E3', column_name: 'Ngày đánh giá' } });
    if (d === undefined) throw new Error('no diagnostic');
    expect(renderMessage(d, 'en').hint).toBe(
      'Check the date or year assessed in this row (cell E3, column "Ngày đánh giá"), or evaluate the row with the rules in force on that date.',
    );
    expect(renderMessage(d, 'vi').hint).toContain('(ô E3, cột "Ngày đánh giá")');
  });

  // The decisions-only path declines such rows to this one: quick-decisions.test.ts draws them.
  it('a row with a year and no date, that whole year outside the period, is refused at its year cell', async () => {
    // The example's first unit has no date.
    const at = (year: string) => cityWith({ 'Năm đánh giá': year });
    expect((await at('2024'))[0]?.assessment?.area).not.toHaveProperty('date');
    const [late] = await at('2026');
    expect(late?.assessment).toBeUndefined();
    expect(late?.diagnostics.map((d) => [d.code, d.line, d.column, d.params['cell']])).toEqual([
      ['batch_year_outside_period', 3, YEAR, 'D3'],
    ]);
    const d = late?.diagnostics[0];
    if (d === undefined) throw new Error('no diagnostic');
    expect(renderMessage(d, 'en').message).toBe(
      'Cell D3, "Năm đánh giá": the year 2026 lies wholly outside the period these rules are in force (2020-01-01 – 2025-12-31).',
    );
    // The first and last years of the period are judged (a date in them may be inside).
    for (const y of ['2020', '2025']) expect((await at(y))[0]?.assessment).toBeDefined();
    expect((await at('2019'))[0]?.diagnostics[0]?.code).toBe('batch_year_outside_period');
  });
});
