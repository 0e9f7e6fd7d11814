/**
 * lcz on whole batches, in-process: `evaluate` on CSV, XLSX, JSON arrays and YAML lists (a short
 * summary, located bad rows, --out, --summary, --json, exit codes, the progress bar only on a
 * terminal), `template` and `schema` (checked with ajv against good and bad assessments).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRulesetFile, readAssessmentFile } from '@lcz/criteria-engine/node';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = 'rules/lai-chau-2020-2025';
const XLSX = 'examples/city-2024/assessments-2024.xlsx';
const CSV = 'examples/city-2024/assessments-2024.csv';
const run = (argv: string[], options: Parameters<typeof lcz>[1] = {}) => lcz(argv, { cwd: ROOT, ...options });

let temp = '';
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-batch-cli-'));
});
afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

describe('lcz evaluate on a batch file', () => {
  it('prints a short summary and every bad row at file:row:column, exit 1', async () => {
    const { code, stdout, stderr } = await run(['evaluate', '--rules', RULES, XLSX]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${XLSX}: đã đọc 70 dòng, đánh giá 67 dòng, 3 dòng có lỗi.`);
    expect(lines[1]).toMatch(/^ {2}Được công nhận: \d+ · Không được công nhận: \d+ · Chưa đủ căn cứ để kết luận: \d+$/);
    expect(lines[2]).toBe('Các dòng có lỗi (3):');
    const located = lines.filter((l) => /^\S+:\d+:\d+: /.test(l)).map((l) => l.split(' lỗi ')[0]);
    expect(located).toEqual([`${XLSX}:32:10:`, `${XLSX}:46:19:`, `${XLSX}:64:9:`]);
    expect(stdout).toContain('"12a" không phải là một số nguyên');
    expect(stdout).toContain('→ Viết chữ số, ví dụ 1234');
  });

  it('reads the CSV twin the same way, in English with --lang en', async () => {
    const { code, stdout } = await run(['evaluate', '--lang', 'en', '--rules', RULES, CSV]);
    expect(code).toBe(1);
    expect(stdout.split('\n')[0]).toBe(`${CSV}: 70 rows read, 67 evaluated, 3 with errors.`);
    expect(stdout).toContain('Rows with errors (3):');
    expect(stdout).toMatch(
      new RegExp(
        `^${CSV.replace(/\./g, '\\.')}:64:9: error \\[batch_cell_type\\] Cell I64, "Tổng số hộ gia đình trong khu dân cư": "12a" is not a whole number`,
        'm',
      ),
    );
  });

  it('--out writes a line per row, --summary a table, --json the summary as JSON', async () => {
    const out = join(temp, 'results.jsonl');
    const table = join(temp, 'summary.xlsx');
    const { code, stdout } = await run(['evaluate', '--rules', RULES, XLSX, '--out', out, '--summary', table]);
    expect(code).toBe(1);
    expect(stdout).toContain(`Kết quả từng dòng: ${out}`);
    expect(stdout).toContain(`Bảng tổng hợp: ${table}`);
    const lines = (await readFile(out, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { row: number; status: string });
    expect(lines).toHaveLength(70);
    expect(lines.filter((l) => l.status === 'invalid').map((l) => l.row)).toEqual([32, 46, 64]);
    expect((await readFile(table)).subarray(0, 2).toString()).toBe('PK');

    const json = await run(['evaluate', '--json', '--rules', RULES, CSV]);
    const summary = JSON.parse(json.stdout) as {
      rows: number;
      badRows: number;
      decisions: Record<string, number>;
      problems: unknown[];
    };
    expect(summary).toMatchObject({ rows: 70, badRows: 3 });
    expect(summary.problems).toHaveLength(3);
    expect(json.code).toBe(1);
  });

  it('exits 0 when every row is valid', async () => {
    const text = await readFile(join(ROOT, CSV), 'utf8');
    const good = text
      .split('\n')
      .filter((l) => !/^(SP-05|DK-09|QTi-04),/.test(l))
      .join('\n');
    const path = join(temp, 'good.csv');
    await writeFile(path, good);
    const { code, stdout } = await run(['evaluate', '--rules', RULES, path]);
    expect(stdout.split('\n')[0]).toBe(`${path}: đã đọc 67 dòng, đánh giá 67 dòng, 0 dòng có lỗi.`);
    expect(stdout).not.toContain('Các dòng có lỗi');
    expect(code).toBe(0);
  });

  it('a Windows-1258 CSV: one message naming --encoding, then read with it; an .ods file: how to save it as .xlsx', async () => {
    const OFFICE = 'packages/batch/test/fixtures/office';
    const SMALL = 'packages/batch/test/fixtures/small-rules.yaml';
    const cp = `${OFFICE}/windows-1258.csv`;
    const without = await run(['evaluate', '--lang', 'en', '--rules', SMALL, cp]);
    expect(without.code).toBe(1);
    const errors = without.stdout.split('\n').filter((l) => / error \[/.test(l));
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^${cp}:1:4: error \\[text_encoding\\]`))]);
    expect(without.stdout).toContain('--encoding windows-1258');
    const withIt = await run(['evaluate', '--lang', 'en', '--rules', SMALL, cp, '--encoding', 'windows-1258']);
    expect(withIt.stdout.split('\n')[0]).toBe(`${cp}: 3 rows read, 3 evaluated, 0 with errors.`);
    expect(withIt.code).toBe(0);
    const ods = await run(['evaluate', '--rules', SMALL, `${OFFICE}/libreoffice.ods`]);
    expect(ods.code).toBe(1);
    expect(ods.stdout).toContain('[batch_unreadable]');
    expect(ods.stdout).toContain('OpenDocument (.ods)');
    expect(ods.stdout).toContain('Excel 2007-365 (.xlsx)');
  });

  it('lists at most 20 problems and counts the rest', async () => {
    const text = await readFile(join(ROOT, CSV), 'utf8');
    const [header, english, ...rows] = text.trimEnd().split('\n');
    const bad = rows.slice(0, 30).map((r) => r.replace(/^([^,]+,[^,]+,[^,]+,2024,,[^,]+,[^,]+,[^,]*,)\d+/, '$1x12'));
    const path = join(temp, 'many-bad.csv');
    await writeFile(path, [header, english, ...bad].join('\n'));
    const { code, stdout } = await run(['evaluate', '--lang', 'en', '--rules', RULES, path]);
    expect(code).toBe(1);
    expect(stdout).toContain('Rows with errors (30):');
    expect(stdout.split('\n').filter((l) => l.startsWith(`${path}:`) && /:\d+:\d+: error/.test(l))).toHaveLength(20);
    expect(stdout).toContain('… and 10 more problems, not shown.');
    expect(stdout).toContain('Write every row, bad rows included, with --out results.jsonl.');
  });

  it('takes a JSON array and a YAML list as batches; a single YAML file keeps its report', async () => {
    const a = await readAssessmentFile(join(ROOT, 'examples/assessments/recognised-to-dan-pho.yaml'), await rulesOf());
    const array = join(temp, 'list.json');
    await writeFile(array, JSON.stringify([a.value, a.value, { ...a.value, facts: { households: '12' } }], null, 2));
    const json = await run(['evaluate', '--lang', 'en', '--rules', RULES, array]);
    expect(json.stdout.split('\n')[0]).toBe(`${array}: 3 rows read, 2 evaluated, 1 with errors.`);
    expect(json.stdout).toMatch(/list\.json:\d+:\d+: error \[input_type\]/);
    const yaml = join(temp, 'list.yaml');
    await writeFile(yaml, `# two areas\n- ${JSON.stringify(a.value)}\n- ${JSON.stringify(a.value)}\n`);
    expect((await run(['evaluate', '--lang', 'en', '--rules', RULES, yaml])).stdout.split('\n')[0]).toBe(
      `${yaml}: 2 rows read, 2 evaluated, 0 with errors.`,
    );
    const single = await run(['evaluate', '--rules', RULES, 'examples/assessments/recognised-to-dan-pho.yaml']);
    expect(single.stdout).toContain('KẾT LUẬN');
  });

  it('draws a progress bar on standard error only when it is a terminal', async () => {
    const quiet = await run(['evaluate', '--rules', RULES, CSV]);
    expect(quiet.stderr).toBe('');
    const tty = await run(['evaluate', '--lang', 'en', '--rules', RULES, CSV], { stderrIsTTY: true });
    expect(tty.stderr).toMatch(/\d+% \| \d+ rows \| \d+ rows\/s \| ETA/);
    expect(tty.stdout.split('\n')[0]).toBe(`${CSV}: 70 rows read, 67 evaluated, 3 with errors.`);
  });

  it('usage mistakes exit 2 with both languages: batch options without a batch, two batches, bad values, an unwritable --out', async () => {
    const usage = async (argv: string[], en: RegExp) => {
      const { code, stdout, stderr } = await run(argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n')[1]).toMatch(en);
    };
    await usage(
      ['evaluate', '--rules', RULES, 'examples/assessments/recognised-to-dan-pho.yaml', '--out', join(temp, 'x.jsonl')],
      /--out, --summary, .* are for a batch file/,
    );
    await usage(['evaluate', '--rules', RULES, CSV, XLSX], /is a batch file: evaluate it on its own/);
    await usage(
      ['evaluate', '--rules', RULES, CSV, '--format', 'pdf'],
      /--format must be csv, xlsx, json, jsonl or yaml, not 'pdf'/,
    );
    await usage(
      ['evaluate', '--rules', RULES, CSV, '--summary', 'summary.txt'],
      /--summary must name a \.csv or \.xlsx file/,
    );
    await usage(
      ['evaluate', '--rules', RULES, CSV, '--decisions-only', '--threads', 'many'],
      /--threads must be a whole number from 0 to 64 .* not 'many'/,
    );
    await usage(
      ['evaluate', '--rules', RULES, CSV, '--decisions-only', '--threads', '65'],
      /--threads must be a whole number from 0 to 64/,
    );
    await usage(['evaluate', '--rules', RULES, CSV, '--threads', '2'], /--threads goes with --decisions-only/);
    await usage(
      ['evaluate', '--rules', RULES, CSV, '--out', join(temp, 'missing', 'x.jsonl')],
      /cannot write '.*missing\/x\.jsonl' \(ENOENT\)/,
    );
  });
});

describe('lcz template', () => {
  it('prints a CSV with Vietnamese labels (or ids) and the English row; an XLSX needs --out', async () => {
    const labels = await run(['template', '--rules', RULES, '--format', 'csv']);
    expect(labels.code).toBe(0);
    expect(labels.stdout.startsWith('\uFEFFMã khu dân cư,Tên khu dân cư,')).toBe(true);
    expect(labels.stdout.split('\n')[1]?.startsWith('Area code,Area name,')).toBe(true);
    const ids = await run(['template', '--rules', RULES, '--format', 'csv', '--headers', 'ids']);
    expect(ids.stdout.startsWith('\uFEFFcode,name,unit,year,date,unit_kind,')).toBe(true);

    const path = join(temp, 'blank.xlsx');
    const xlsx = await run(['template', '--rules', RULES, '--out', path]);
    expect(xlsx.code).toBe(0);
    const rules = await rulesOf();
    const columns = 5 + rules.context.length + rules.facts.length;
    expect(xlsx.stderr).toMatch(
      new RegExp(`^đã ghi .*blank\\.xlsx: ${columns} cột \\(${rules.facts.length} dữ kiện\\)`),
    );
    expect((await readFile(path)).subarray(0, 2).toString()).toBe('PK');
    // The blank template evaluates as an empty batch, without problems.
    const empty = await run(['evaluate', '--lang', 'en', '--rules', RULES, path]);
    expect(empty.stdout.split('\n')[0]).toBe(`${path}: 0 rows read, 0 evaluated, 0 with errors.`);
    expect(empty.code).toBe(0);
  });

  it('usage mistakes exit 2', async () => {
    for (const [argv, en] of [
      [['template', '--format', 'csv'], /name the rules with --rules/],
      [
        ['template', '--rules', RULES, '--format', 'xlsx'],
        /an XLSX file is not text: name the file to write with --out/,
      ],
      [['template', '--rules', RULES], /say which file to write with --format xlsx or --format csv/],
      [['template', '--rules', RULES, '--format', 'pdf'], /--format must be xlsx or csv, not 'pdf'/],
      [
        ['template', '--rules', RULES, '--format', 'csv', '--headers', 'names'],
        /--headers must be labels or ids, not 'names'/,
      ],
      [['template', '--rules', RULES, '--format', 'csv', 'extra'], /not expected here: extra/],
    ] as const) {
      const { code, stderr } = await run([...argv]);
      expect(code).toBe(2);
      expect(stderr.split('\n')[1]).toMatch(en);
    }
  });
});

async function rulesOf() {
  const loaded = await loadRulesetFile(join(ROOT, RULES));
  if (!loaded.value) throw new Error('rules');
  return loaded.value;
}

describe('lcz schema', () => {
  it('prints the JSON Schema of an assessment: ajv accepts the examples and refuses bad assessments', async () => {
    const { code, stdout } = await run(['schema', '--rules', RULES]);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as Record<string, unknown>;
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    const rules = await rulesOf();
    for (const f of ['recognised-to-dan-pho.yaml', 'not-recognised-ban.yaml', 'undetermined-ban.yaml']) {
      const read = await readAssessmentFile(join(ROOT, 'examples/assessments', f), rules);
      expect(validate(read.value), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const good = (await readAssessmentFile(join(ROOT, 'examples/assessments/recognised-to-dan-pho.yaml'), rules))
      .value as { facts: object; context: object };
    const bad = [
      { ...good, facts: { ...good.facts, households: '212' } },
      { ...good, facts: { ...good.facts, households: -1 } },
      { ...good, facts: { ...good.facts, households: 2.5 } },
      { ...good, facts: { ...good.facts, housholds: 1 } },
      { ...good, facts: { ...good.facts, party_cell_rating: 'tot' } },
      { ...good, context: { ...good.context, unit_kind: 'thon' } },
      { ...good, area: { date: '10/10/2024' } },
      { facts: {} },
    ];
    for (const b of bad) {
      expect(validate(b)).toBe(false);
      expect(rules.validateAssessment(b).value).toBeUndefined();
    }
  });

  it('--out writes the file; --rules is required', async () => {
    const path = join(temp, 'assessment.schema.json');
    const { code, stderr } = await run(['schema', '--rules', RULES, '--out', path]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^đã ghi .*assessment\.schema\.json: JSON Schema/);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ type: 'object', required: ['context', 'facts'] });
    const missing = await run(['schema']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('lcz schema --rules rules/lai-chau-2020-2025');
  });
});

describe('help', () => {
  it('template, schema and evaluate have help with examples and exit codes', async () => {
    for (const [command, needles] of [
      [
        'template',
        [
          '--format xlsx|csv',
          '--headers labels|ids',
          'lcz template --rules rules/lai-chau-2020-2025 --format xlsx --out',
          'Exit codes / Mã kết thúc:',
        ],
      ],
      ['schema', ['lcz schema --rules rules/lai-chau-2020-2025 > assessment.schema.json', 'Exit codes / Mã kết thúc:']],
      [
        'evaluate',
        [
          '--out <file>',
          '--summary <file>',
          '--sheet <name|n>',
          '--decisions-only',
          '--threads <n>',
          'examples/city-2024/assessments-2024.xlsx',
        ],
      ],
    ] as const) {
      const { code, stdout } = await run([command, '--help']);
      expect(code).toBe(0);
      for (const n of needles) expect(stdout).toContain(n);
    }
    const main = await run(['--help']);
    expect(main.stdout).toContain('lcz template --rules <rules> --format xlsx|csv');
    expect(main.stdout).toContain('lcz schema --rules <rules>');
  });
});
