/**
 * The cycle file's problems are worded in the reader's language: the Vietnamese message once
 * carried English ("Tệp chu kỳ: cannot be read.", "ruleset: must be a ruleset id"), and a file
 * that is not there read as one that "cannot be read" with no word of where it should be (found
 * writing test/fixtures/co-quan-van-hoa from the docs alone and starting its record).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCycle, parseCycle } from '../src/cycle.js';
import { GENERIC_WORDS } from '@lcz/criteria-engine';
import { problemText } from '../src/problems.js';

const dir = mkdtempSync(join(tmpdir(), 'lcz-cycle-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Words of English the Vietnamese messages must not carry. */
const ENGLISH = /\b(cannot|must|missing|is|be|the|file|mapping)\b/;

describe('the cycle file, worded in each language', () => {
  it('a missing file says so, and where it should be', async () => {
    const { problems } = await loadCycle(join(dir, 'cycle.yaml'));
    expect(problems.map((p) => p.params)).toEqual([{ reason: 'missing' }]);
    const [p] = problems;
    if (p === undefined) throw new Error('no problem');
    expect(problemText(p, 'en', GENERIC_WORDS).message).toBe(
      'The cycle file does not exist: put cycle.yaml beside the rules, or name the file with --cycle.',
    );
    expect(problemText(p, 'vi', GENERIC_WORDS).message).toContain('Không có tệp chu kỳ');
  });

  it('each key that is missing or wrong is named, with no English in the Vietnamese', () => {
    const { problems } = parseCycle('format: 2\nreport_by: "13-40"\n', 'cycle.yaml');
    expect(problems.map((p) => [p.line, p.params])).toEqual([
      [1, { reason: 'bad_value', key: 'format' }],
      [1, { reason: 'missing_key', key: 'ruleset' }],
      [2, { reason: 'bad_value', key: 'report_by' }],
    ]);
    for (const p of problems) {
      expect(problemText(p, 'vi', GENERIC_WORDS).message).not.toMatch(ENGLISH);
      expect(problemText(p, 'en', GENERIC_WORDS).message).toMatch(/format|ruleset|report_by/);
    }
    expect(problems.map((p) => problemText(p, 'vi', GENERIC_WORDS).message)).toEqual([
      'format: phải là 1.',
      'Tệp chu kỳ thiếu khóa ruleset:.',
      'report_by: phải là một ngày trong năm dạng "MM-DD", ví dụ "10-15".',
    ]);
  });
});
