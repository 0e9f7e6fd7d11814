/**
 * The batch codes are the batch package's own (src/diagnostic-codes.ts): their messages are
 * registered with the engine's formatter (src/diagnostics.ts), which prints them beside its own
 * codes; docs/errors.md documents both.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  DIAGNOSTIC_CODES,
  formatDiagnostic,
  registerDiagnostics,
  renderMessage,
  type Diagnostic,
} from '@lcz/criteria-engine';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { BATCH_DIAGNOSTIC_CODES, type BatchDiagnosticCode } from '../src/diagnostic-codes.js';
import { type fileDiagnostic, type RowParams, rowDiagnostic } from '../src/diagnostics.js';
import { en } from '../src/messages/en.js';
import { vi } from '../src/messages/vi.js';

/** Params as the readers raise them (docs/errors.md), to render every message for real. */
const SAMPLE: Record<BatchDiagnosticCode, Diagnostic['params']> = {
  batch_unreadable: { format: 'csv', reason: 'closing_quote', detail: 'Invalid Closing Quote at line 4' },
  batch_no_header: {},
  batch_header_unknown: { column_name: 'Tổng số hộ gia dinh', cell: 'F1', suggestion: 'households' },
  batch_header_duplicate: { column_name: 'households', cell: 'K1', name: 'households', first_column: 'F' },
  batch_header_missing: { name: 'code', label_vi: 'Mã khu dân cư', label_en: 'Area code' },
  batch_cell_type: {
    column_name: 'Số hộ gia đình',
    cell: 'G7',
    name: 'households',
    expected: 'integer',
    value: 'mười hai',
  },
  batch_cell_formula: { column_name: 'Tên khu dân cư', cell: 'B7', name: 'name', value: '#DIV/0!', reason: 'error' },
  batch_cell_unheaded: { cell: 'CZ7', value: 'ghi chú' },
  batch_cell_merged: { cell: 'G3', range: 'G3:G5' },
  batch_other_sheet: { sheet: 'Hướng dẫn', suggestion: 'Dữ liệu', hidden: true },
  batch_row_short: { cell: 'G7', found: 6, expected: 7 },
  batch_identity_missing: { name: 'code', cell: 'A9', column_name: 'Mã khu dân cư' },
  batch_too_large: { format: 'xlsx', limit: 'cell_chars', max: 32767, cell: 'B7' },
  batch_year_mismatch: { year: 2024, date: '2023-12-31', cell: 'D5', column_name: 'Năm đánh giá' },
  batch_year_outside_period: {
    year: 2027,
    from: '2020-01-01',
    to: '2025-12-31',
    cell: 'D5',
    column_name: 'Năm đánh giá',
  },
};

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

// Made whole here: the code is only known at run time (fileDiagnostic checks params per code).
const diagnostic = (code: BatchDiagnosticCode, params: Diagnostic['params']): Diagnostic => ({
  code,
  severity: 'error',
  file: 'areas.csv',
  line: 7,
  column: 3,
  params,
});

describe('the batch codes', () => {
  it('are not the engine’s: the engine names none of them', () => {
    const engine = new Set<string>(DIAGNOSTIC_CODES);
    expect(BATCH_DIAGNOSTIC_CODES.filter((c) => engine.has(c))).toEqual([]);
  });

  it('have exactly one message per code in each language', () => {
    expect(Object.keys(vi).sort()).toEqual([...BATCH_DIAGNOSTIC_CODES].sort());
    expect(Object.keys(en).sort()).toEqual([...BATCH_DIAGNOSTIC_CODES].sort());
    expect(Object.keys(SAMPLE).sort()).toEqual([...BATCH_DIAGNOSTIC_CODES].sort());
  });

  describe.each(BATCH_DIAGNOSTIC_CODES)('%s', (code) => {
    it.each([
      ['with its params', SAMPLE[code]],
      ['with no params', {}],
    ])('prints a message and a hint in both languages through the engine %s', (_label, params) => {
      for (const lang of ['vi', 'en'] as const) {
        const { message, hint } = renderMessage(diagnostic(code, params), lang);
        expect(message.trim()).not.toBe('');
        expect(hint.trim()).not.toBe('');
        expect(`${message} ${hint}`).not.toMatch(/undefined|\[object Object\]|NaN|registerDiagnostics/);
      }
    });

    it('is really Vietnamese in vi and differs from en', () => {
      const v = renderMessage(diagnostic(code, SAMPLE[code]), 'vi');
      const e = renderMessage(diagnostic(code, SAMPLE[code]), 'en');
      expect(`${v.message} ${v.hint}`).toMatch(VIETNAMESE);
      expect(v.message).not.toBe(e.message);
    });

    it('inserts the values it is given', () => {
      const values = Object.entries(SAMPLE[code])
        // Switches that choose words, not values shown (`hidden`: the sheet is said to be hidden).
        .filter(([key]) => !['reason', 'detail', 'limit', 'expected', 'hidden'].includes(key))
        .map(([, value]) => String(value));
      for (const lang of ['vi', 'en'] as const) {
        const { message, hint } = renderMessage(diagnostic(code, SAMPLE[code]), lang);
        for (const value of values) expect(`${message} ${hint}`).toContain(value);
      }
    });
  });

  it('print located, in the words they printed when the engine held them', () => {
    const d = rowDiagnostic('areas.csv', 'batch_row_short', 7, 7, { found: 6, expected: 7 });
    expect(formatDiagnostic(d, 'en')).toBe(
      'areas.csv:7:7: error [batch_row_short] This row has 6 fields, but the header has 7: it ends before cell G7, so its values may sit under the wrong columns.\n' +
        '    → Check the row for a missing separator or value (an empty value still needs its comma), or a comma inside a text that needs quotes.',
    );
    expect(formatDiagnostic(d, 'vi')).toMatch(/^areas\.csv:7:7: lỗi \[batch_row_short\] .*G7/);
  });

  it('take params typed per code (checked by tsc): the code’s own, less the cell and column name rowDiagnostic fills', () => {
    type Param = string | number | boolean;
    expectTypeOf<RowParams<'batch_row_short'>>().toEqualTypeOf<{ readonly found: Param; readonly expected: Param }>();
    expectTypeOf<Parameters<typeof rowDiagnostic<'batch_year_mismatch'>>[4]>().toEqualTypeOf<{
      readonly year: Param;
      readonly date: Param;
    }>();
    expectTypeOf<Parameters<typeof fileDiagnostic<'yaml_depth_limit'>>[2]>().toEqualTypeOf<{ readonly max: Param }>();
    // A code known only at run time: the params of one of its codes, not any record.
    expectTypeOf<{ found: number }>().not.toMatchTypeOf<RowParams<'batch_row_short' | 'batch_no_header'>>();
  });

  it('cannot take over a code of the engine', () => {
    const taken = DIAGNOSTIC_CODES[1] as string;
    const own = () => ({ message: 'x', hint: 'y' });
    expect(() =>
      registerDiagnostics({ codes: [taken], messages: { vi: { [taken]: own }, en: { [taken]: own } } }),
    ).toThrow(/code of the engine/);
  });
});

describe('docs/errors.md', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../../docs/errors.md', import.meta.url)), 'utf8');
  const source = readFileSync(fileURLToPath(new URL('../src/diagnostic-codes.ts', import.meta.url)), 'utf8');

  it("has exactly one row per code, the engine's and the batch package's", () => {
    // The HTTP API's own codes have their table in http.md; the section here mirrors one of them.
    const files = doc.split(/^## HTTP API/m)[0] ?? doc;
    const rows = [...files.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect([...rows].sort()).toEqual([...DIAGNOSTIC_CODES, ...BATCH_DIAGNOSTIC_CODES].sort());
  });

  /** The names in a Params cell, `name?` when optional, ignoring the values listed in brackets. */
  const documented = (cell: string) => {
    let text = cell;
    for (let prev = ''; prev !== text; ) [prev, text] = [text, text.replace(/\([^()]*\)/g, '')];
    return [...new Set([...text.matchAll(/`([a-z_]+\??)`/g)].map((m) => m[1] as string))].sort();
  };
  const typed = (code: string) => {
    const entry = new RegExp(`^  ${code}: (NoParams|\\{[\\s\\S]*?\\});$`, 'm').exec(source)?.[1];
    if (entry === undefined) return undefined;
    return [...entry.matchAll(/readonly ([a-z_]+)(\??):/g)].map((m) => `${m[1]}${m[2]}`).sort();
  };

  it('lists the params each batch code has, no more, no fewer', () => {
    for (const code of BATCH_DIAGNOSTIC_CODES) {
      const row = new RegExp(`^\\| \`${code}\` \\| [^|]* \\| ([^|]*) \\|`, 'm').exec(doc);
      expect(row, `docs/errors.md row for ${code}`).not.toBeNull();
      expect(typed(code), code).toEqual(documented(row?.[1] ?? ''));
    }
  });
});
