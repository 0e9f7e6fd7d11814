/**
 * Encodings, other spreadsheet formats and values as offices type them: a byte-order mark or
 * --encoding decides how a CSV's bytes read; a header that is not UTF-8 is one message naming
 * the option; .ods and .xls are named with their fix; thousands separators, decimal commas and
 * "x" are read only where the reading is certain, and 1.234 in a decimal column is a located
 * error showing the forms that are read.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage, type CompiledRuleset } from '@lcz/criteria-engine';
import { evaluateBatch } from '../src/index.js';
import { csv, LAI_CHAU, records, ROOT, rules, SMALL, SMALL_HEADER, SMALL_ROW, tempDir } from './helpers/setup.js';

const OFFICE = new URL('./fixtures/office/', import.meta.url).pathname;

let laiChau: CompiledRuleset;
let small: CompiledRuleset;
let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  laiChau = await rules(LAI_CHAU);
  small = await rules(SMALL);
  dir = await tempDir();
});
afterAll(() => dir.remove());

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

const strip = (list: Awaited<ReturnType<typeof records>>) =>
  list.map((r) => ({ ...r, diagnostics: r.diagnostics.map((d) => ({ ...d, file: '' })) }));

describe('encodings', () => {
  it('the city workbook as Excel\'s "Unicode text" (UTF-16LE, tabs, long labels with commas) reads as the UTF-8 CSV', async () => {
    const original = join(ROOT, 'examples/city-2024/assessments-2024.csv');
    const rows = parse(await readFile(original), { bom: true, relax_column_count: true }) as string[][];
    const cell = (c: string) => (/[\t"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const text = `${rows.map((r) => r.map(cell).join('\t')).join('\r\n')}\r\n`;
    const file = join(dir.path, 'unicode-text.txt');
    await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const expected = strip(await records(original, laiChau));
    expect(expected.length).toBeGreaterThan(50);
    expect(strip(await records(file, laiChau))).toEqual(expected);
    // evaluateBatch's decisions-only run reads it on the careful path, with the same counts.
    const quick = await evaluateBatch(file, laiChau, { detail: 'decision' });
    const full = await evaluateBatch(original, laiChau, { detail: 'decision' });
    expect([quick.rows, quick.evaluated, quick.badRows, quick.decisions]).toEqual([
      full.rows,
      full.evaluated,
      full.badRows,
      full.decisions,
    ]);
  });

  it('a Windows-1258 file without --encoding: one message at the first bad byte, naming the option', async () => {
    const file = join(OFFICE, 'windows-1258.csv');
    for (const detail of ['full', 'decision'] as const) {
      const summary = await evaluateBatch(file, small, { detail, encodingOption: '--encoding' });
      expect(summary.rows).toBe(0);
      expect(summary.headerProblems.map((d) => [d.code, d.line, d.column, d.params['option']])).toEqual([
        ['text_encoding', 1, 4, '--encoding windows-1258'],
      ]);
      const hint = renderMessage(defined(summary.headerProblems[0]), 'vi').hint;
      expect(hint).toContain('--encoding windows-1258');
    }
    // A caller that offers no such option gets the message without it (save as UTF-8).
    const [plain] = await records(file, small);
    expect(plain?.diagnostics.map((d) => [d.code, d.line, d.column, d.params['option']])).toEqual([
      ['text_encoding', 1, 4, undefined],
    ]);
    // With the option, the same file reads (as the UTF-8 export does: office-files.test.ts).
    const read = await evaluateBatch(file, small, { detail: 'decision', encoding: 'cp1258' });
    expect([read.headerProblems, read.rows, read.badRows]).toEqual([[], 3, 0]);
  });

  it('an encoding name that is not one is refused, naming it', async () => {
    const [only] = await records(join(OFFICE, 'windows-1258.csv'), small, { encoding: 'vietnamese' });
    expect(only?.diagnostics.map((d) => [d.code, d.params['reason'], d.params['encoding']])).toEqual([
      ['batch_unreadable', 'unknown_encoding', 'vietnamese'],
    ]);
  });

  it('a UTF-8 byte-order mark wins over --encoding; NFD text read from Windows-1258 becomes NFC', async () => {
    const text = csv([SMALL_HEADER, SMALL_ROW]);
    const bom = await records(
      { text: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), format: 'csv' },
      small,
      { encoding: 'windows-1258' },
    );
    expect(bom.map((r) => [r.diagnostics, r.area.name])).toEqual([[[], 'Bản Một']]);
    const cp = await records(join(OFFICE, 'windows-1258.csv'), small, { encoding: 'windows-1258' });
    expect(cp[0]?.area.name).toBe('Bản Nà Pầu');
    expect(cp[0]?.area.name).toBe('Bản Nà Pầu'.normalize('NFC'));
  });
});

describe('spreadsheets in other formats', () => {
  it('an .ods file (and one named .xlsx) is named as OpenDocument with the fix, not "not xlsx"', async () => {
    const renamed = join(dir.path, 'renamed.xlsx');
    await writeFile(renamed, await readFile(join(OFFICE, 'libreoffice.ods')));
    for (const file of [join(OFFICE, 'libreoffice.ods'), renamed]) {
      const [only] = await records(file, small);
      expect(only?.diagnostics.map((d) => [d.code, d.params['format'], d.params['reason']])).toEqual([
        ['batch_unreadable', 'ods', 'ods'],
      ]);
      const vi = renderMessage(defined(only?.diagnostics[0]), 'vi').message;
      const en = renderMessage(defined(only?.diagnostics[0]), 'en').message;
      expect(vi).toContain('.xlsx');
      expect(en).toContain('Save As');
    }
  });
});

describe('values as offices type them', () => {
  const cell = async (column: string, value: string) => {
    const header = [...SMALL_HEADER];
    const row = [...SMALL_ROW];
    row[header.indexOf(column)] = value;
    const [r] = await records({ text: csv([header, row]), format: 'csv' }, small);
    return defined(r);
  };

  it.each([
    ['households', '1.234', 1234],
    ['households', '1,234', 1234],
    ['households', '1.234', 1234],
    ['households', ' 4.321 ', 4321],
    ['cleanups', '1,5', 1.5],
    ['cleanups', '0,125', 0.125],
    ['cleanups', '0.125', 0.125],
    ['market_occurred', 'x', true],
    ['market_occurred', 'X', true],
    ['market_occurred', 'Có', true],
    ['market_occurred', 'Không', false],
    ['market_occurred', 'FALSE', false],
    ['market_occurred', '0', false],
    ['rating', 'Khá', 'kha'],
    ['rating', 'KHÁ'.normalize('NFD'), 'kha'],
    ['road_kind', 'Đường bê tông', 'concrete'],
  ])('%s: %j reads as %j', async (column, value, expected) => {
    const r = await cell(column, value);
    expect(r.diagnostics).toEqual([]);
    expect(r.assessment?.facts[column]).toEqual(expected);
  });

  it.each([
    ['households', '1.234.5'],
    ['households', '1.23'],
    ['households', '12,34'],
    ['households', '1.234,5'],
    ['market_occurred', 'xx'],
    ['market_occurred', 'v'],
    ['rating', 'Kha khá'],
  ])('%s: %j is a located error', async (column, value) => {
    const r = await cell(column, value);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['batch_cell_type', 2, SMALL_HEADER.indexOf(column) + 1],
    ]);
  });

  it('1.234 and 1,234 in a decimal column: a located error that shows the forms read', async () => {
    for (const value of ['1.234', '1,234', '-2.500']) {
      const r = await cell('cleanups', value);
      expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.params['reason']])).toEqual([
        ['batch_cell_type', 2, SMALL_HEADER.indexOf('cleanups') + 1, 'ambiguous_separator'],
      ]);
      const { message, hint } = renderMessage(defined(r.diagnostics[0]), 'en');
      expect(message).toContain(value);
      expect(hint).toContain('1234');
      expect(hint).toContain('1,234.5');
      expect(renderMessage(defined(r.diagnostics[0]), 'vi').hint).toContain('1.234,5');
    }
  });

  it('the decisions-only path leaves a 1.234 decimal to the careful path, which refuses it', async () => {
    const header = [...SMALL_HEADER];
    const row = [...SMALL_ROW];
    row[header.indexOf('cleanups')] = '2.500';
    const file = join(dir.path, 'ambiguous.csv');
    await writeFile(file, csv([header, SMALL_ROW, row]));
    const summary = await evaluateBatch(file, small, { detail: 'decision', keepProblems: 5 });
    expect([summary.rows, summary.badRows]).toEqual([2, 1]);
    expect(summary.problems[0]?.diagnostics.map((d) => [d.line, d.params['reason']])).toEqual([
      [3, 'ambiguous_separator'],
    ]);
  });
});
