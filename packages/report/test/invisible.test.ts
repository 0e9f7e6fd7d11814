/**
 * The report's problems quote the targets file and the input rows: an invisible or reordering
 * character there (a BOM before a key, U+202E in a file name) is shown as \uXXXX, never raw.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem, formatProblems, loadTargets } from '../src/index.js';
import { rules } from './city.js';

// biome-ignore lint/complexity/useRegexLiterals: a literal would spell out control characters (noControlCharactersInRegex)
const RAW = new RegExp(
  '[\\u0000-\\u0009\\u000B-\\u001F\\u007F-\\u009F\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF\\uFFFD]',
);

describe('invisible characters in report problems', () => {
  it('a key with a BOM and U+200B in a targets file named with U+202E', () => {
    const text = 'ruleset: lai-chau-khu-dan-cu-tu-quan\n\uFEFFtarg\u200Bets: []\n';
    const loaded = loadTargets(text, 'targets\u202Elmay.yaml', rules);
    const unknown = loaded.problems.find((p) => p.code === 'targets_unknown_key');
    expect(unknown).toBeDefined();
    for (const lang of ['vi', 'en'] as const) {
      const out = formatProblems(loaded.problems, lang);
      expect(out).toContain('\\uFEFFtarg\\u200Bets');
      expect(out).toContain('targets\\u202Elmay.yaml');
      expect(out).not.toMatch(RAW);
    }
    if (unknown) expect(formatProblem(unknown, 'en')).toMatch(/^targets\\u202Elmay\.yaml:2:1: error /);
  });
});
