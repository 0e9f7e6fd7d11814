/**
 * The hostile rule-file corpus (packages/criteria-engine/test/fixtures/hostile-rules/, one folder
 * per case): each ruleset through `lcz validate` in Vietnamese and English. Each problem is said
 * at its file:line:column with its code and a hint, exit code 1, never a stack trace.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIR = 'packages/criteria-engine/test/fixtures/hostile-rules';

/** Each case: its folder, and each problem as code, line, column. */
const CASES: readonly (readonly [folder: string, problems: readonly (readonly [string, number, number])[]])[] = [
  ['cr-line-ends', [['yaml_cr_line_ends', 1, 10]]],
  [
    'control-character-in-version',
    [
      ['yaml_control_character', 3, 10],
      ['yaml_control_character', 16, 38],
    ],
  ],
  ['effective-backwards', [['effective_order', 4, 38]]],
  ['expression-1000-parentheses', [['expr_limit', 20, 21]]],
  ['id-cyrillic', [['schema_pattern', 18, 13]]],
  ['include-itself', [['include_invalid', 2, 11]]],
  ['include-outside', [['file_outside_root', 2, 11]]],
  ['leap-day-of-a-common-year', [['date_invalid', 4, 20]]],
  ['merge-key', [['schema_required', 12, 15]]],
  ['python-tag', [['yaml_unsupported_tag', 1, 9]]],
  ['tab-indentation', [['yaml_tab_indentation', 7, 1]]],
  ['threshold-past-a-double', [['yaml_number_inexact', 22, 21]]],
  ['two-documents', [['yaml_multiple_documents', 26, 1]]],
];

describe('the hostile rule-file corpus through lcz validate', () => {
  it.each(CASES)('%s', async (folder, problems) => {
    for (const lang of ['en', 'vi'] as const) {
      const file = `${DIR}/${folder}/ruleset.yaml`;
      const { code, stdout, stderr } = await lcz(['validate', '--lang', lang, file], {
        cwd: ROOT,
        env: { LCZ_CACHE: '0' },
      });
      const out = stdout + stderr;
      expect(code, out).toBe(1);
      expect(out).not.toMatch(/\n\s+at \S+ \(|TypeError|RangeError/);
      const severity = lang === 'en' ? 'error' : 'lỗi';
      for (const [name, line, column] of problems) {
        const head = `${file}:${line}:${column}: ${severity} [${name}] `;
        const at = out.indexOf(head);
        expect(at, `${lang}: ${head}\n${out}`).toBeGreaterThanOrEqual(0);
        const [said = '', hint = ''] = out.slice(at + head.length).split('\n');
        expect(said.length).toBeGreaterThan(10);
        expect(hint).toMatch(/^\s+→ \S/);
      }
    }
  });
});
