/**
 * The hostile assessment corpus (test/fixtures/hostile-inputs/; its workbooks are written by
 * make_workbooks.py): every file through `lcz evaluate` with the bundled Lai Châu rules, in
 * Vietnamese and in English. Each problem is said at its file:line:column (a batch: its row and
 * column), with its code, a message and a hint in each language, and exit code 1; never a stack
 * trace. Batch files say the same through the decisions-only path.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIR = 'packages/cli/test/fixtures/hostile-inputs';
const RULES = 'rules/lai-chau-2020-2025';

interface Case {
  readonly file: string;
  /** Each problem: code, line (row), column, and a piece of its English and Vietnamese message. */
  readonly problems: readonly (readonly [code: string, line: number, column: number, en: string, vi: string])[];
}

const ONE_FILE: readonly Case[] = [
  {
    file: 'date-not-a-day.yaml',
    problems: [['input_date_invalid', 2, 81, '2024-13-45 is not a day', '2024-13-45 không phải là một ngày']],
  },
  {
    file: 'leap-day-of-a-common-year.yaml',
    problems: [['input_date_invalid', 2, 81, '2025-02-29 is not a day', '2025-02-29 không phải là một ngày']],
  },
  {
    file: 'number-with-decimal-comma.yaml',
    problems: [['input_type', 5, 15, 'but is "1.234,5".', 'nhưng đang là "1.234,5".']],
  },
  { file: 'percent-sign.yaml', problems: [['input_type', 5, 15, 'but is "98%"', 'nhưng đang là "98%"']] },
  {
    file: 'huge-integer.yaml',
    problems: [['yaml_integer_too_large', 5, 15, 'is too large', '1000000000000000000000000000000']],
  },
  { file: 'yes-for-true.yaml', problems: [['input_type', 5, 33, 'true or false', '"yes"']] },
  { file: 'negative-count.yaml', problems: [['input_range', 5, 15, 'at least 0', '-5']] },
  {
    file: 'part-exceeds-whole.yaml',
    problems: [['input_part_exceeds_whole', 6, 27, '(300) is larger than', '(300)']],
  },
  { file: 'typo-of-a-fact.yaml', problems: [['input_unknown_fact', 5, 3, '"housholds" is not a fact', '"housholds"']] },
  { file: 'proto-key.yaml', problems: [['yaml_unsafe_key', 5, 3, '__proto__', '__proto__']] },
  { file: 'escaped-proto-key.json', problems: [['yaml_unsafe_key', 1, 223, '__proto__', '__proto__']] },
  { file: 'duplicate-key.yaml', problems: [['yaml_duplicate_key', 6, 3, 'first on line 5', '5']] },
  {
    file: 'duplicate-key.json',
    problems: [['yaml_duplicate_key', 1, 242, '"households" appears twice', 'households']],
  },
  { file: 'billion-laughs.yaml', problems: [['yaml_alias_limit', 7, 12, 'more than 100 times', '100']] },
  { file: 'deep-nesting.json', problems: [['yaml_depth_limit', 1, 314, 'more than 64 levels', '64']] },
  { file: 'utf16.yaml', problems: [['text_encoding', 1, 1, 'UTF-16', 'UTF-16']] },
  { file: 'nul-byte.yaml', problems: [['yaml_nul_byte', 5, 16, 'NUL', 'NUL']] },
  {
    file: 'number-too-large.json',
    problems: [['yaml_number_inexact', 1, 237, '1e400 has more digits', 'đọc thành Infinity']],
  },
  {
    file: 'number-past-a-double.json',
    problems: [['yaml_number_inexact', 1, 237, 'it would be read as 212.', 'đọc thành 212.']],
  },
  {
    // CSV text read as YAML is one long text: said as a table, with the way to read it as a batch.
    file: 'csv-text-named-yaml.yaml',
    problems: [['input_not_an_assessment', 1, 1, 'holds a table of values', 'chứa một bảng giá trị']],
  },
  {
    // yaml reads 0x10 as 16 and 0o17 as 15: almost surely a mistake, refused with the decimal number.
    file: 'hex-and-octal.yaml',
    problems: [
      ['yaml_number_not_decimal', 5, 15, 'it would be read as 16', 'sẽ bị đọc thành 16'],
      ['yaml_number_not_decimal', 6, 27, 'it would be read as 15', 'sẽ bị đọc thành 15'],
    ],
  },
  {
    // JSON is read as YAML, so `.inf` and `.nan` were numbers in a .json file too.
    file: 'infinity.json',
    problems: [
      ['yaml_number_not_decimal', 2, 91, 'read as infinity', 'vô cực'],
      ['yaml_number_not_decimal', 2, 123, 'read as not-a-number', 'không phải số'],
    ],
  },
];

const BATCH: readonly Case[] = [
  {
    file: 'csv-error-cells.csv',
    problems: [
      ['batch_cell_formula', 2, 1, 'spreadsheet error #N/A (code)', 'lỗi bảng tính #N/A (code)'],
      ['batch_cell_formula', 3, 2, 'spreadsheet error #DIV/0! (name)', 'lỗi bảng tính #DIV/0! (name)'],
      ['batch_cell_formula', 4, 7, 'spreadsheet error #VALUE! (households)', '#VALUE!'],
    ],
  },
  {
    file: 'error-cells.xlsx',
    problems: [
      ['batch_cell_formula', 2, 2, 'Cell B2', 'Ô B2'],
      ['batch_cell_formula', 3, 7, 'spreadsheet error #DIV/0! (households)', '#DIV/0!'],
      ['batch_cell_formula', 4, 1, 'spreadsheet error #N/A (code)', '#N/A'],
    ],
  },
  {
    file: 'formulas-without-results.xlsx',
    problems: [
      ['batch_cell_formula', 2, 2, 'formula =A2&" (x)" with no result saved', 'công thức =A2&" (x)" chưa được lưu'],
      ['batch_cell_formula', 3, 7, 'formula =H3+1', '=H3+1'],
      ['batch_cell_formula', 4, 1, 'formula =CONCAT("TP","-99")', '=CONCAT'],
    ],
  },
  {
    // The merge's other cell (G4) is empty in the file: row 4's households were silently unknown.
    file: 'merged-cells.xlsx',
    problems: [
      ['batch_cell_merged', 3, 7, 'Cells G3:G4 are merged: only G3 holds a value', 'Các ô G3:G4 đang được gộp'],
    ],
  },
  {
    // An instructions sheet first: every header error, and the sheet that has the data named.
    file: 'instructions-sheet-first.xlsx',
    problems: [['batch_other_sheet', 1, 1, 'but the sheet "Dữ liệu" has', 'nhưng trang "Dữ liệu" có']],
  },
  {
    file: 'data-sheet-hidden.xlsx',
    problems: [['batch_other_sheet', 1, 1, 'the sheet "Dữ liệu" (hidden) has', 'trang "Dữ liệu" (đang bị ẩn) có']],
  },
  {
    file: 'csv-dates.csv',
    problems: [
      ['batch_cell_type', 2, 4, '"2024-13-45" is not a date', '"2024-13-45"'],
      ['batch_cell_type', 3, 4, '"29/02/2025" is not a date', '"29/02/2025"'],
    ],
  },
  {
    file: 'csv-duplicate-header.csv',
    problems: [['batch_header_duplicate', 1, 8, 'already given in column G', 'households']],
  },
  {
    file: 'csv-semicolons-and-numbers.csv',
    problems: [
      ['batch_cell_type', 2, 7, '"1.234,5" is not a whole number', '"1.234,5"'],
      ['batch_cell_type', 3, 7, '"0x10" is not a whole number', '"0x10"'],
    ],
  },
  {
    // A list is checked as a single file is: unsafe keys at their key, numbers not in decimal.
    file: 'unsafe-keys-and-hex-list.yaml',
    problems: [
      ['yaml_unsafe_key', 5, 5, 'The key "__proto__" is not allowed', 'khóa "__proto__"'],
      ['yaml_unsafe_key', 9, 3, 'The key "constructor" is not allowed', 'khóa "constructor"'],
      ['yaml_number_not_decimal', 11, 17, '0x10 is a number written in another base', 'sẽ bị đọc thành 16'],
      ['yaml_number_not_decimal', 12, 29, '0o17 is a number written in another base', 'sẽ bị đọc thành 15'],
    ],
  },
  {
    file: 'unsafe-keys-list.json',
    problems: [
      ['yaml_unsafe_key', 1, 169, 'The key "__proto__" is not allowed', 'khóa "__proto__"'],
      ['yaml_unsafe_key', 2, 158, 'The key "prototype" is not allowed', 'khóa "prototype"'],
    ],
  },
  {
    file: 'unsafe-keys.jsonl',
    problems: [
      ['yaml_unsafe_key', 1, 168, 'The key "__proto__" is not allowed', 'khóa "__proto__"'],
      ['yaml_unsafe_key', 2, 168, 'The key "constructor" is not allowed', 'khóa "constructor"'],
    ],
  },
];

const run = (argv: string[]) => lcz(argv, { cwd: ROOT, env: { LCZ_CACHE: '0' } });

/** The output, and each located problem line followed by its hint. */
function expectSaid(out: string, file: string, problems: Case['problems'], lang: 'en' | 'vi'): void {
  const severity = lang === 'en' ? 'error' : 'lỗi';
  expect(out).not.toMatch(/\n\s+at \S+ \(|TypeError|RangeError/);
  for (const [code, line, column, en, vi] of problems) {
    const head = `${DIR}/${file}:${line}:${column}: ${severity} [${code}] `;
    const at = out.indexOf(head);
    expect(at, `${lang}: ${head}\n${out}`).toBeGreaterThanOrEqual(0);
    const [said = '', hint = ''] = out.slice(at + head.length).split('\n');
    expect(said).toContain(lang === 'en' ? en : vi);
    expect(hint).toMatch(/^\s+→ \S/);
  }
}

/**
 * `lcz evaluate` on one corpus file, in Vietnamese and in English (each with `extra` arguments):
 * exit code 1 and every problem said at its place. Returns each language's output.
 */
async function expectRefused(
  file: string,
  problems: Case['problems'],
  extra: readonly string[] = [],
): Promise<Record<'en' | 'vi', string>> {
  const said = { en: '', vi: '' };
  for (const lang of ['en', 'vi'] as const) {
    const { code, stdout, stderr } = await run([
      'evaluate',
      '--lang',
      lang,
      '--rules',
      RULES,
      ...extra,
      `${DIR}/${file}`,
    ]);
    expect(code, stdout + stderr).toBe(1);
    expectSaid(stdout + stderr, file, problems, lang);
    said[lang] = stdout + stderr;
  }
  return said;
}

describe('the hostile corpus, one file at a time', () => {
  it.each(ONE_FILE)('$file', async ({ file, problems }) => {
    const said = await expectRefused(file, problems);
    expect(said.vi).not.toBe(said.en);
  });
});

describe('hints that speak of an assessment, not of a rule file', () => {
  it('yaml_unsafe_key in an assessment points to where assessments are documented', async () => {
    const said = await expectRefused('proto-key.yaml', [['yaml_unsafe_key', 5, 3, '__proto__', '__proto__']]);
    for (const out of Object.values(said)) {
      expect(out).toContain('docs/cli.md');
      expect(out).not.toContain('rule-format.md');
    }
  });
});

describe('the hostile corpus as batches', () => {
  it.each(BATCH)('$file, every row evaluated and decided only', async ({ file, problems }) => {
    for (const extra of [[], ['--decisions-only']]) await expectRefused(file, problems, extra);
  });
});

describe('lists with unsafe keys', () => {
  it('pollute nothing', async () => {
    for (const file of ['unsafe-keys-and-hex-list.yaml', 'unsafe-keys-list.json', 'unsafe-keys.jsonl']) {
      await run(['evaluate', '--rules', RULES, `${DIR}/${file}`]);
      expect(Reflect.get({}, 'polluted'), file).toBeUndefined();
    }
  });
});

describe('a rule file with a number not in decimal', () => {
  it('is refused at its place, with the decimal number, as an assessment is', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'lcz-hex-rules-'));
    try {
      await cp(join(ROOT, RULES), folder, { recursive: true });
      const path = join(folder, 'ruleset.yaml');
      const lines = (await readFile(path, 'utf8')).split('\n');
      const at = lines.findIndex((l) => /^ {4}min: 0$/.test(l));
      lines[at] = '    min: 0x10';
      await writeFile(path, lines.join('\n'));
      for (const [lang, said] of [
        ['en', 'it would be read as 16'],
        ['vi', 'sẽ bị đọc thành 16'],
      ] as const) {
        const { code, stdout, stderr } = await run(['validate', '--lang', lang, folder]);
        expect(code).toBe(1);
        const out = stdout + stderr;
        expect(out).toContain(
          `${path}:${at + 1}:10: ${lang === 'en' ? 'error' : 'lỗi'} [yaml_number_not_decimal] 0x10`,
        );
        expect(out).toContain(said);
        // The one problem: not also "expected a number" from the schema.
        expect(out).not.toContain('schema_type');
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('--format naming another format than the file is in', () => {
  it('says what was expected and what the file looks like, not "holds one assessment"', async () => {
    for (const format of ['json', 'jsonl', 'yaml']) {
      const { code, stderr } = await run(['evaluate', '--rules', RULES, '--format', format, `${DIR}/csv-dates.csv`]);
      expect(code).toBe(2);
      expect(stderr).not.toContain('holds one assessment');
      expect(stderr).toContain(`looks like CSV (line 1: code,name,unit,date,`);
      expect(stderr).toContain('give --format csv');
      expect(stderr).toContain('trông như tệp CSV (dòng 1: code,name,unit,date,');
    }
    const { code, stderr } = await run(['evaluate', '--rules', RULES, '--format', 'json', `${DIR}/error-cells.xlsx`]);
    expect(code).toBe(2);
    expect(stderr).toContain('looks like XLSX');
  });
});
