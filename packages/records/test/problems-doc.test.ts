/**
 * Every problem code of the record has a row in docs/records.md ("Problems") and words in both
 * languages that differ (an untranslated copy would pass a type check).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { problemText, RECORDS_PROBLEM_CODES, type RecordsProblem } from '../src/index.js';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/records.md', import.meta.url)), 'utf8');

it('docs/records.md has exactly one row per problem code', () => {
  const rows = [...doc.matchAll(/^\| `(records_[a-z_]+)` \|/gm)].map((m) => m[1]);
  expect([...rows].sort()).toEqual([...RECORDS_PROBLEM_CODES].sort());
});

it('every code is worded in Vietnamese and in English', () => {
  for (const code of RECORDS_PROBLEM_CODES) {
    const p: RecordsProblem = { code, severity: 'error', file: 'f', line: 1, column: 1, params: { what: 'role' } };
    const vi = problemText(p, 'vi');
    const en = problemText(p, 'en');
    expect(vi.message.length, code).toBeGreaterThan(0);
    expect(vi.message, code).not.toBe(en.message);
  }
});
