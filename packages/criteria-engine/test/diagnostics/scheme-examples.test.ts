/**
 * A hint's example is written with the rule file's own names, never another scheme's: an
 * unknown `from_level` was told "e.g. from_level: advanced" in English and "nang_cao" in
 * Vietnamese whatever the file declared, and a table row without a key "{ zone: a, value: 45 }"
 * (found writing test/fixtures/co-quan-van-hoa from the docs alone).
 */
import { describe, expect, it } from 'vitest';
import { type Diagnostic, renderMessage } from '../../src/index.js';

const diagnostic = (code: string, params: Diagnostic['params']): Diagnostic =>
  ({ code, severity: 'error', file: 'r.yaml', line: 1, column: 1, params }) as Diagnostic;

describe('hints name what the file declares', () => {
  it('unknown_level: a level of this file', () => {
    const d = diagnostic('unknown_level', { id: 'kieu_mau_cap_cao', levels: 'dat_chuan, nang_cao, kieu_mau' });
    expect(renderMessage(d, 'en').hint).toContain('e.g. from_level: dat_chuan.');
    expect(renderMessage(d, 'vi').hint).toContain('ví dụ from_level: dat_chuan.');
    const gold = diagnostic('unknown_level', { id: 'gold', levels: 'certified, silver' });
    expect(renderMessage(gold, 'vi').hint).toContain('ví dụ from_level: certified.');
  });

  it('parameter_row_keys: a row with this table’s keys', () => {
    const d = diagnostic('parameter_row_keys', {
      parameter: 'events_min',
      row: 6,
      keys: 'region, year',
      name: 'region',
    });
    for (const lang of ['en', 'vi'] as const) {
      expect(renderMessage(d, lang).hint).toContain('{ region: …, year: …, value: 45 }');
      expect(renderMessage(d, lang).hint).not.toContain('zone');
    }
  });
});
