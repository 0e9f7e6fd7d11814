/**
 * Files as offices save them, made by the real tools (test/fixtures/office/make.sh: openpyxl,
 * xlsxwriter, LibreOffice headless, Python's Windows-1258 codec): every writer's workbook and
 * every export's CSV gives the same three records, and a sheet is picked by name in each.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { cachedCells } from '../src/formats/xlsx.js';
import type { BatchRecord } from '../src/index.js';
import { records, rules, SMALL } from './helpers/setup.js';

const OFFICE = fileURLToPath(new URL('./fixtures/office/', import.meta.url));
const at = (name: string): string => join(OFFICE, name);

let small: CompiledRuleset;
beforeAll(async () => {
  small = await rules(SMALL);
});

/** What every file holds: rows 3 to 5 of the "Dữ liệu" sheet (codes CU-… on "Năm 2023"). */
function expected(prefix: string): unknown[] {
  const area = (n: number, name: string, date: string) => ({
    code: `${prefix}-0${n}`,
    name,
    unit: 'Phường Tân Phong',
    date,
    year: 2024,
  });
  return [
    {
      row: 3,
      area: area(1, 'Bản Nà Pầu', '2024-03-15'),
      context: { unit_kind: 'ban', parent_kind: 'xa', agricultural: true },
      facts: {
        households: 120,
        households_ok: 118,
        cleanups: 2.5,
        market_occurred: false,
        rating: 'kha',
        road_kind: 'asphalt',
      },
    },
    {
      row: 4,
      area: area(2, 'Tổ dân phố 3', '2024-03-16'),
      context: { unit_kind: 'to_dan_pho', parent_kind: 'phuong', agricultural: null },
      facts: {
        households: 1234,
        households_ok: 1200,
        cleanups: 4,
        market_occurred: false,
        rating: 'tot',
        road_kind: 'concrete',
      },
    },
    {
      row: 5,
      area: area(3, 'Bản Sin Suối Hồ', '2024-03-17'),
      context: { unit_kind: 'ban', parent_kind: 'xa', agricultural: true },
      facts: {
        households: 80,
        households_ok: 80,
        cleanups: 1,
        market_occurred: true,
        rating: 'kem',
        road_kind: 'asphalt',
      },
    },
  ];
}

function plain(list: readonly BatchRecord[]): unknown[] {
  return list.map((r) => {
    expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${JSON.stringify(d.params)}`)).toEqual([]);
    const { context, facts } = r.assessment ?? {};
    const known = (o: object | undefined) =>
      Object.fromEntries(Object.entries(o ?? {}).filter(([k]) => !k.startsWith('flag_')));
    return { row: r.row, area: r.area, context: known(context), facts: known(facts) };
  });
}

const WORKBOOKS = ['openpyxl.xlsx', 'xlsxwriter.xlsx', 'libreoffice.xlsx', 'inline-strings.xlsx'];

describe('workbooks from every writer', () => {
  it.each(WORKBOOKS)('%s: the first sheet, and each sheet by its name and position', async (name) => {
    expect(plain(await records(at(name), small))).toEqual(expected('KDC'));
    expect(plain(await records(at(name), small, { sheet: 'Dữ liệu' }))).toEqual(expected('KDC'));
    // NFD and other case in the sheet's name still find it.
    expect(plain(await records(at(name), small, { sheet: 'năm 2023'.normalize('NFD') }))).toEqual(expected('CU'));
    expect(plain(await records(at(name), small, { sheet: 2 }))).toEqual(expected('CU'));
  });

  it('a sheet that is not there is named with the sheets there are', async () => {
    const [only] = await records(at('openpyxl.xlsx'), small, { sheet: 'Data' });
    // The reader's own words, when it failed otherwise, say why.
    const detail = only?.diagnostics.map((d) => String(d.params['detail'] ?? '')).join('; ');
    expect(
      only?.diagnostics.map((d) => [d.code, d.params['reason'], d.params['sheets']]),
      detail,
    ).toEqual([['batch_unreadable', 'no_such_sheet', 'Dữ liệu, Năm 2023, DanhMuc']]);
  });
});

const TEXT_FILES: readonly [string, Record<string, string>][] = [
  ['libreoffice-utf8-comma.csv', {}],
  ['libreoffice-utf8-semicolon.csv', {}],
  ['libreoffice-utf16le-tab.txt', {}],
  ['utf16be-tab.txt', {}],
  ['windows-1258.csv', { encoding: 'windows-1258' }],
];

describe('CSV and text exports', () => {
  it.each(TEXT_FILES)('%s %j', async (name, options) => {
    expect(plain(await records(at(name), small, options))).toEqual(expected('KDC'));
  });
});

describe('the sheet XML put right before exceljs reads it', () => {
  const sheet =
    '<sheetData><row r="1"><c r="A1" t="b"><f>FALSE()</f><v>0</v></c><c r="B1" s="1"><f>DATE(2024,3,17)</f><v>45368</v></c>' +
    '<c r="C1"><f>A1+1</f></c><c r="D1" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">Bản </t></r><r><t>Nà Pầu</t></r></is></c>' +
    '<c r="E1" t="s"><v>3</v></c><c r="F1"/></row><row r="2"><c r="A2"><v>1</v></c></row></sheetData>';
  const fixed =
    '<sheetData><row r="1"><c r="A1" t="b"><v>0</v></c><c r="B1" s="1"><v>45368</v></c>' +
    '<c r="C1"><f>A1+1</f></c><c r="D1" t="inlineStr"><is><r><rPr><b/></rPr>Bản </r><r>Nà Pầu</r></is></c>' +
    '<c r="E1" t="s"><v>3</v></c><c r="F1"/></row><row r="2"><c r="A2"><v>1</v></c></row></sheetData>';

  it('drops a formula with a cached value (not one without), and the <t> tags of an inline string, however the text is cut', async () => {
    for (let size = 1; size <= sheet.length; size += size < 20 ? 1 : 17) {
      const pieces: string[] = [];
      for (let at = 0; at < sheet.length; at += size) pieces.push(sheet.slice(at, at + size));
      let out = '';
      for await (const part of cachedCells(toAsync(pieces))) out += part;
      expect(out, `pieces of ${size}`).toBe(fixed);
    }
  });
});

async function* toAsync(pieces: readonly string[]): AsyncGenerator<string> {
  for (const p of pieces) yield p;
}
