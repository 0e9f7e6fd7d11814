/**
 * `lcz explain` in-process on the bundled rules and examples: the evaluate report followed by the
 * gap analysis, in Vietnamese and English, the JSON form against its schemas, and bad inputs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = 'rules/lai-chau-2020-2025';
const run = (argv: string[]) => lcz(argv, { cwd: ROOT });
const flat = (text: string) => text.replace(/\s+/g, ' ');

// ajv is a dependency of the engine, not of the CLI: load it from there.
const requireFromEngine = createRequire(new URL('../../criteria-engine/package.json', import.meta.url));
type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const Ajv2020 = (
  requireFromEngine('ajv/dist/2020.js') as {
    default: new (options: object) => { compile(schema: object): Validator };
  }
).default;
const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')) as object;

let temp = '';
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-explain-'));
});
afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

describe('lcz explain', () => {
  it('prints the criterion-by-criterion report, then what it would take (Vietnamese by default)', async () => {
    const { code, stdout, stderr } = await run([
      'explain',
      '--rules',
      RULES,
      'examples/assessments/not-recognised-ban.yaml',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = stdout.indexOf('KẾT LUẬN\n  KHÔNG ĐƯỢC CÔNG NHẬN');
    const gap = stdout.indexOf('CẦN GÌ ĐỂ ĐƯỢC CÔNG NHẬN');
    expect(report).toBeGreaterThanOrEqual(0);
    expect(gap).toBeGreaterThan(report);
    expect(stdout).toContain('✗ 1.3  [không đạt]');
    expect(flat(stdout)).toContain('đạt 3/4 tiêu chí, cần 4: phải đạt thêm 1 tiêu chí.');
    expect(flat(stdout)).toContain('97 → 98 (98/100 hộ ≥ 98%, thêm 1)');
    expect(flat(stdout)).toContain('Kết luận với các thay đổi này: ĐƯỢC CÔNG NHẬN');
  });

  it('--lang en, and the facts an undetermined result still needs, grouped by what they decide', async () => {
    const { code, stdout } = await run([
      'explain',
      '--rules',
      RULES,
      '--lang',
      'en',
      'examples/assessments/undetermined-ban.yaml',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('DECISION\n  UNDETERMINED');
    expect(stdout).toContain('WHAT IS STILL MISSING AND WHAT IT WOULD DECIDE');
    expect(stdout).toContain('If the missing facts have these values, the area is recognised');
    expect(stdout).not.toContain('One way to be recognised');
    const missing = stdout.slice(stdout.indexOf('Missing facts that would decide the result:'));
    expect(missing).toContain('Mandatory criterion 4.1');
    for (const fact of [
      'households_security_pledge_signed',
      'households_security_pledge_kept',
      'security_self_management_model_effective',
      'self_management_contents_registered',
      'self_management_contents_done_well',
    ]) {
      expect(missing).toContain(`— ${fact}`);
    }
  });

  it('--json prints {result, gap}, each valid against its schema; an array for a directory', async () => {
    const one = await run([
      'explain',
      '--rules',
      RULES,
      '--json',
      'examples/assessments/disqualified-ban-in-ward.yaml',
    ]);
    expect(one.code).toBe(0);
    const parsed = JSON.parse(one.stdout) as {
      result: unknown;
      gap: { plan: { decision: string }; disqualifiers: { id: string }[] };
    };
    const resultValid = new Ajv2020({ strict: true, allErrors: true }).compile(schema('result.schema.json'));
    const gapValid = new Ajv2020({ strict: true, allErrors: true }).compile(schema('gap.schema.json'));
    expect(resultValid(parsed.result) ? [] : resultValid.errors).toEqual([]);
    expect(gapValid(parsed.gap) ? [] : gapValid.errors).toEqual([]);
    expect(parsed.gap.disqualifiers.map((d) => d.id)).toEqual(['D4']);
    expect(parsed.gap.plan.decision).toBe('recognised');

    const all = await run(['explain', '--rules', RULES, '--json', 'examples/assessments']);
    const list = JSON.parse(all.stdout) as { gap: unknown }[];
    expect(list.length).toBeGreaterThanOrEqual(4);
    for (const item of list) expect(gapValid(item.gap) ? [] : gapValid.errors).toEqual([]);
  });

  it('a bad assessment is reported at file:line:column, exit 1; the others are still explained', async () => {
    const bad = join(temp, 'bad.yaml');
    await writeFile(
      bad,
      'context: { unit_kind: ban, parent_kind: xa, agricultural: true }\nfacts:\n  households: "many"\n',
    );
    const { code, stdout, stderr } = await lcz(
      ['explain', '--rules', join(ROOT, RULES), bad, join(ROOT, 'examples/assessments/recognised-to-dan-pho.yaml')],
      { cwd: temp },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/^bad\.yaml:3:15: /m);
    expect(stdout).toContain('Không cần gì thêm: khu dân cư đã được công nhận.');
  });

  it('usage errors: no --rules, no assessment (exit 2, both languages)', async () => {
    const noRules = await run(['explain', 'examples/assessments']);
    expect(noRules.code).toBe(2);
    expect(noRules.stderr).toContain('lcz: hãy nêu bộ quy tắc bằng --rules');
    expect(noRules.stderr).toContain('lcz: name the rules with --rules');
    const none = await run(['explain', '--rules', RULES]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('name at least one assessment file or directory to explain.');
    const help = await run(['explain', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      'lcz explain --rules rules/lai-chau-2020-2025 examples/assessments/not-recognised-ban.yaml',
    );
  });

  it('a batch file: each valid row explained; --code keeps one area and reports a code not found', async () => {
    const workbook = 'examples/city-2024/assessments-2024.xlsx';
    const one = await run(['explain', '--rules', RULES, '--code', 'TP-03', workbook]);
    expect(one.code).toBe(0);
    expect(one.stdout.match(/^═{72}$/gm)?.length).toBe(1);
    expect(one.stdout).toMatch(/^examples\/city-2024\/assessments-2024\.xlsx: dòng \d+ — TP-03 /m);
    expect(one.stdout).toContain('CẦN GÌ ĐỂ ĐƯỢC CÔNG NHẬN');
    const json = await run(['explain', '--rules', RULES, '--json', '--code', 'TP-03', '--code', 'NOPE', workbook]);
    expect(json.code).toBe(1);
    expect(
      (JSON.parse(json.stdout) as { result: { area: { code: string } } }[]).map((x) => x.result.area.code),
    ).toEqual(['TP-03']);
    expect(json.stderr).toContain('không tìm thấy khu dân cư hợp lệ nào có mã NOPE trong dữ liệu.');
  });
});
