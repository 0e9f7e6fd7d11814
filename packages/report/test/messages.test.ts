import { describe, expect, it } from 'vitest';
import { reportEn } from '../src/messages/report-en.js';
import { reportVi } from '../src/messages/report-vi.js';
import { problemMessagesEn } from '../src/messages/problems-en.js';
import { problemMessagesVi } from '../src/messages/problems-vi.js';
import { formatProblem, REPORT_PROBLEM_CODES, type ReportProblem } from '../src/problems.js';

const placeholders = (text: string) => [...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]).sort();
/**
 * The scheme's words are one family whatever their form: English says "areas" where Vietnamese
 * says "khu dân cư" for one or many, so `{assessed_many}` in English matches `{assessed}` in
 * Vietnamese.
 */
const SCHEME_WORD = /\{(assessed|grouped_by)(_many)?\}/gi;
const ownPlaceholders = (text: string) => placeholders(text.replace(SCHEME_WORD, ''));
const schemeWords = (text: string) =>
  [...new Set([...text.matchAll(SCHEME_WORD)].map((m) => (m[1] ?? '').toLowerCase()))].sort();

describe('report words', () => {
  it('vi and en define the same keys with the same {placeholders}, none empty', () => {
    expect(Object.keys(reportVi).sort()).toEqual(Object.keys(reportEn).sort());
    for (const key of Object.keys(reportEn) as (keyof typeof reportEn)[]) {
      expect(ownPlaceholders(reportVi[key]), key).toEqual(ownPlaceholders(reportEn[key]));
      expect(schemeWords(reportVi[key]), key).toEqual(schemeWords(reportEn[key]));
      expect(reportVi[key].trim(), key).not.toBe('');
    }
  });
});

describe('report problems', () => {
  it('every code has a message and a hint in both languages, located as file:line:column', () => {
    expect(Object.keys(problemMessagesVi).sort()).toEqual([...REPORT_PROBLEM_CODES].sort());
    expect(Object.keys(problemMessagesEn).sort()).toEqual([...REPORT_PROBLEM_CODES].sort());
    for (const code of REPORT_PROBLEM_CODES) {
      const p: ReportProblem = {
        code,
        severity: 'error',
        file: 'f.yaml',
        line: 3,
        column: 7,
        params: { key: 'k', fact: 'f', value: 'v', where: 'w' },
      };
      for (const lang of ['vi', 'en'] as const) {
        const text = formatProblem(p, lang);
        expect(text, `${code} ${lang}`).toMatch(new RegExp(`^f\\.yaml:3:7: (lỗi|error) \\[${code}\\] \\S`));
        expect(text, `${code} ${lang}`).toMatch(/\n {4}→ \S/);
        expect(text).not.toContain('undefined');
      }
    }
  });
});
