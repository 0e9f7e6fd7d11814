/**
 * Every problem code of the record has a row in docs/records.md ("Problems") and words in both
 * languages that differ (an untranslated copy would pass a type check).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { GENERIC_WORDS } from '@lcz/criteria-engine';
import { problemText, RECORDS_PROBLEM_CODES, type RecordsProblem } from '../src/index.js';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/records.md', import.meta.url)), 'utf8');

it('docs/records.md has exactly one row per problem code', () => {
  const rows = [...doc.matchAll(/^\| `(records_[a-z_]+)` \|/gm)].map((m) => m[1]);
  expect([...rows].sort()).toEqual([...RECORDS_PROBLEM_CODES].sort());
});

it('every code is worded in Vietnamese and in English', () => {
  for (const code of RECORDS_PROBLEM_CODES) {
    const p: RecordsProblem = { code, severity: 'error', file: 'f', line: 1, column: 1, params: { what: 'role' } };
    const vi = problemText(p, 'vi', GENERIC_WORDS);
    const en = problemText(p, 'en', GENERIC_WORDS);
    expect(vi.message.length, code).toBeGreaterThan(0);
    expect(vi.message, code).not.toBe(en.message);
  }
});

it("every message takes the scheme's words, and none is left as a placeholder", () => {
  const words = {
    assessed: { one: { vi: 'trường', en: 'school' }, many: { vi: 'các trường', en: 'schools' } },
    groupedBy: { one: { vi: 'quận', en: 'district' }, many: { vi: 'các quận', en: 'districts' } },
    declared: true,
  };
  const area: RecordsProblem = {
    code: 'records_area_unknown',
    severity: 'error',
    file: 'f',
    line: 1,
    column: 1,
    params: { area: 'S-01' },
  };
  expect(problemText(area, 'en', words).message).toBe('School S-01 is not in the record.');
  expect(problemText(area, 'vi', words).message).toBe('Trường S-01 chưa có trong sổ.');
  for (const code of RECORDS_PROBLEM_CODES)
    for (const lang of ['vi', 'en'] as const) {
      const p: RecordsProblem = {
        code,
        severity: 'error',
        file: 'f',
        line: 1,
        column: 1,
        params: { what: 'unit_or_areas' },
      };
      const { message, hint } = problemText(p, lang, words);
      expect(`${message} ${hint}`, `${code} ${lang}`).not.toMatch(
        /\{(assessed|grouped_by)|khu dân cư|xã, phường|ward or commune/i,
      );
    }
});
