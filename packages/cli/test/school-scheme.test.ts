/**
 * The ILLUSTRATIVE English-only scheme (examples/school-safety) through every command: its own
 * ids, its own words ("school", "district"), and in English no Vietnamese word in any output but
 * the engine's bilingual template header row. Proof that nothing in the tools is Lai Châu's.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCHEME = 'examples/school-safety';
const RULES = `${SCHEME}/ruleset.yaml`;
const BASES = `${SCHEME}/tests/bases`;
const run = (argv: string[]) => lcz(argv, { cwd: ROOT });
/** Letters only Vietnamese writes. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

let temp = '';
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-school-'));
});
afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

describe('an English-only scheme with its own ids and words, through every command (--lang en)', () => {
  it('validate, check and test: valid, no finding, every case passes with full coverage', async () => {
    const validate = await run(['validate', '--lang', 'en', RULES]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('3 standards, 8 criteria');
    const check = await run(['check', '--lang', 'en', RULES]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('0 errors, 0 warnings, 0 notes');
    const test = await run(['test', '--lang', 'en', '--coverage', SCHEME]);
    expect(test.code).toBe(0);
    expect(test.stdout).toContain('26 passed, 0 failed');
    expect(test.stdout).toMatch(/Coverage: (\d+)\/\1 \(100%\)/);
    for (const out of [validate, check, test]) expect(out.stdout + out.stderr).not.toMatch(VIETNAMESE);
  });

  it('evaluate and explain speak of schools and districts, with the native ids', async () => {
    const evaluate = await run(['evaluate', '--lang', 'en', '--rules', RULES, BASES]);
    expect(evaluate.code).toBe(0);
    expect(evaluate.stdout).toContain('School: Riverside Primary (Code: S-001)');
    expect(evaluate.stdout).toContain('District: North District');
    expect(evaluate.stdout).toContain('✓ FSc1');
    const explain = await run(['explain', '--lang', 'en', '--rules', RULES, BASES]);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('Does not apply to this school.');
    for (const out of [evaluate, explain]) expect(out.stdout + out.stderr).not.toMatch(VIETNAMESE);
  });

  it('docs prints the table with the scheme words and ids', async () => {
    const docs = await run(['docs', '--lang', 'en', '--rules', RULES]);
    expect(docs.code).toBe(0);
    expect(docs.stdout).toContain('- **School**:');
    expect(docs.stdout).toContain('- **District**:');
    expect(docs.stdout).toContain('| EAc2 | No serious safety incident this school year |');
    expect(docs.stdout).not.toMatch(VIETNAMESE);
  });

  it('template names its identity columns with the scheme words, and a filled copy evaluates', async () => {
    const file = join(temp, 'schools.csv');
    const template = await run(['template', '--lang', 'en', '--rules', RULES, '--format', 'csv', '--out', file]);
    expect(template.code).toBe(0);
    const [viRow = '', enRow = ''] = (await readFile(file, 'utf8')).split(/\r?\n/);
    // Row 1: the engine's Vietnamese words around the scheme's own; row 2: English only.
    expect(viRow).toContain('Mã school');
    expect(enRow.startsWith('School code,School name,District,')).toBe(true);
    expect(enRow).not.toMatch(VIETNAMESE);
    await writeFile(
      file,
      `${viRow}\n${enRow}\nS-9,Lakeside,West District,2025,,false,100,95,2,true,1,true,,,fair,0\n`,
      'utf8',
    );
    const evaluate = await run(['evaluate', '--lang', 'en', '--rules', RULES, file]);
    expect(evaluate.code).toBe(0);
    expect(evaluate.stdout + evaluate.stderr).toContain('Recognised: 1');
  });

  it('the CLI’s own messages printed with these rules loaded name schools, never a residential area', async () => {
    const explain = await run(['explain', '--lang', 'en', '--rules', RULES, '--code', 'NOPE', BASES]);
    expect(explain.stderr).toContain('no valid school with the code NOPE was found in the inputs.');
    const vi = await run(['explain', '--lang', 'vi', '--rules', RULES, '--code', 'NOPE', BASES]);
    expect(vi.stderr).toContain('không tìm thấy school hợp lệ nào có mã NOPE trong dữ liệu.');
    const schema = await run(['schema', '--rules', RULES]);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout).description).toContain('One assessment: the facts of one school in one year.');
    const report = await run(['report', '--lang', 'en', '--rules', RULES, '--out', join(temp, 'r.md'), BASES]);
    expect(report.stdout).toMatch(/Report written to .*: schools counted: \d+;/);
  });

  it('asked for Vietnamese, says the rule file is English only, and does not fail', async () => {
    const explain = await run(['explain', '--lang', 'vi', '--rules', RULES, BASES]);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('Tệp quy tắc chỉ viết bằng tiếng Anh');
    expect(explain.stdout).toContain('At least two fire exits');
  });
});
