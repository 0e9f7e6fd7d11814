/**
 * End to end, in-process: the bundled rules and examples/assessments through run(). These need the
 * engine (load-ruleset, node entry) and the rule files in place.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = 'rules/lai-chau-2020-2025';
const EXAMPLES = 'examples/assessments';
const ESC = '\u001b[';

// ajv is a dependency of the engine, not of the CLI: load it from there.
const requireFromEngine = createRequire(new URL('../../criteria-engine/package.json', import.meta.url));
type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const Ajv2020 = (
  requireFromEngine('ajv/dist/2020.js') as {
    default: new (options: object) => { compile(schema: object): Validator };
  }
).default;

const DECISION_VI = /^KẾT LUẬN\n {2}(ĐƯỢC CÔNG NHẬN|KHÔNG ĐƯỢC CÔNG NHẬN|CHƯA ĐỦ CĂN CỨ ĐỂ KẾT LUẬN)$/gm;
const DECISION_EN = /^DECISION\n {2}(RECOGNISED|NOT RECOGNISED|UNDETERMINED)$/gm;
const WORDS_VI = {
  recognised: 'ĐƯỢC CÔNG NHẬN',
  not_recognised: 'KHÔNG ĐƯỢC CÔNG NHẬN',
  undetermined: 'CHƯA ĐỦ CĂN CỨ ĐỂ KẾT LUẬN',
};

/** The decision an example's file name announces (recognised-…, not-recognised-…, disqualified-…, undetermined-…). */
function announced(file: string): keyof typeof WORDS_VI | undefined {
  if (/^(not-recognised|disqualified)/.test(file)) return 'not_recognised';
  if (/^recognised/.test(file)) return 'recognised';
  if (/^undetermined/.test(file)) return 'undetermined';
  return undefined;
}

const located = (file: string) => new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:(\\d+):(\\d+)`, 'm');
const run = (argv: string[], options: Parameters<typeof lcz>[1] = {}) => lcz(argv, { cwd: ROOT, ...options });

let examples: string[] = [];
let temp = '';

beforeAll(async () => {
  examples = (await readdir(join(ROOT, EXAMPLES))).filter((f) => /\.(ya?ml|json)$/i.test(f)).sort();
  temp = await mkdtemp(join(tmpdir(), 'lcz-cli-'));
});

afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

describe('lcz validate on the bundled rules', () => {
  it('exits 0 with a one-line summary: 6 standards, 41 criteria, 4 disqualifiers', async () => {
    const { code, stdout, stderr } = await run(['validate', RULES]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const first = stdout.split('\n')[0] ?? '';
    expect(first).toMatch(
      /^Hợp lệ rules\/lai-chau-2020-2025\/ruleset\.yaml: [a-z0-9-]+ phiên bản \S+: 6 tiêu chuẩn, 41 tiêu chí, 4 trường hợp không đảm bảo$/,
    );
    const en = await run(['validate', '--lang', 'en', RULES]);
    expect(en.stdout.split('\n')[0]).toMatch(
      /^OK rules\/lai-chau-2020-2025\/ruleset\.yaml: .*: 6 standards, 41 criteria, 4 disqualifiers$/,
    );
  });

  it('prints warnings and notes (variant coverage) located as file:line:column', async () => {
    const { stdout } = await run(['validate', RULES]);
    // 2.3 has no variant for a non-agricultural bản (Q1): at least that is reported as a note.
    const rest = stdout.split('\n').slice(1).join('\n');
    expect(rest).toMatch(located('rules/lai-chau-2020-2025/ruleset.yaml'));
  });

  it('accepts the rule file itself and an absolute path', async () => {
    expect((await run(['validate', `${RULES}/ruleset.yaml`])).code).toBe(0);
    expect((await lcz(['validate', join(ROOT, RULES)], { cwd: temp })).code).toBe(0);
  });

  it('exits 1 with every error located, for a broken copy', async () => {
    const dir = join(temp, 'broken-rules');
    await cp(join(ROOT, RULES), dir, { recursive: true });
    const file = join(dir, 'ruleset.yaml');
    const text = await readFile(file, 'utf8');
    const lines = text.replace(/\n$/, '').split('\n');
    // Two duplicate top-level keys at the end: two errors, each on its own line.
    await writeFile(file, `${lines.join('\n')}\nid: again\nformat: 1\n`);
    const { code, stdout, stderr } = await lcz(['validate', 'broken-rules'], { cwd: temp });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^broken-rules/ruleset\\.yaml:${lines.length + 1}:1\\b`, 'm'));
    expect(stderr).toMatch(new RegExp(`^broken-rules/ruleset\\.yaml:${lines.length + 2}:1\\b`, 'm'));
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 with the line of a schema error', async () => {
    const dir = join(temp, 'bad-format');
    await cp(join(ROOT, RULES), dir, { recursive: true });
    const file = join(dir, 'ruleset.yaml');
    const lines = (await readFile(file, 'utf8')).split('\n');
    const at = lines.findIndex((l) => /^format:\s*1\s*$/.test(l));
    expect(at).toBeGreaterThanOrEqual(0);
    lines[at] = 'format: 99';
    await writeFile(file, lines.join('\n'));
    const { code, stderr } = await lcz(['validate', '--lang', 'en', join(dir, 'ruleset.yaml')], { cwd: temp });
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^bad-format/ruleset\\.yaml:${at + 1}:\\d+`, 'm'));
  });

  it('exits 1, located, for a path that does not exist', async () => {
    const { code, stderr } = await run(['validate', 'rules/no-such-rules']);
    expect(code).toBe(1);
    expect(stderr).toContain('rules/no-such-rules');
    expect(stderr).not.toContain(ROOT);
  });
});

describe('lcz evaluate on examples/assessments', () => {
  it('prints one report with a decision per example, as the file names announce', async () => {
    const { code, stdout, stderr } = await run(['evaluate', '--rules', RULES, EXAMPLES]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const decisions = [...stdout.matchAll(DECISION_VI)].map((m) => m[1]);
    expect(decisions).toHaveLength(examples.length);
    examples.forEach((file, i) => {
      expect(stdout).toContain(`${EXAMPLES}/${file}`);
      const expected = announced(file);
      if (expected !== undefined) expect(decisions[i], file).toBe(WORDS_VI[expected]);
    });
    expect(stdout).not.toContain(ESC);
  });

  it('in English, with --full', async () => {
    const { code, stdout } = await run(['evaluate', '--rules', RULES, '--lang', 'en', '--full', EXAMPLES]);
    expect(code).toBe(0);
    expect([...stdout.matchAll(DECISION_EN)]).toHaveLength(examples.length);
    expect(stdout).toContain('STANDARDS');
    expect(stdout).toContain('FACTS STILL NEEDED');
  });

  it('evaluates one file without a file banner', async () => {
    const file = `${EXAMPLES}/${examples[0]}`;
    const { code, stdout } = await run(['evaluate', '-r', RULES, file]);
    expect(code).toBe(0);
    expect([...stdout.matchAll(DECISION_VI)]).toHaveLength(1);
    expect(stdout).not.toContain(file);
  });

  it('--json prints results that validate against schemas/result.schema.json', async () => {
    const schema = JSON.parse(await readFile(join(ROOT, 'schemas/result.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

    const many = await run(['evaluate', '--rules', RULES, '--json', EXAMPLES]);
    expect(many.code).toBe(0);
    const results = JSON.parse(many.stdout) as { decision: string; standards: unknown[]; criteria: unknown[] }[];
    expect(Array.isArray(results)).toBe(true);
    expect(results).toHaveLength(examples.length);
    results.forEach((result, i) => {
      const ok = validate(result);
      expect(validate.errors ?? [], examples[i]).toEqual([]);
      expect(ok).toBe(true);
      expect(result.standards).toHaveLength(6);
      expect(result.criteria).toHaveLength(41);
      const expected = announced(examples[i] ?? '');
      if (expected !== undefined) expect(result.decision, examples[i]).toBe(expected);
    });

    const one = await run(['evaluate', '--rules', RULES, '--json', `${EXAMPLES}/${examples[0]}`]);
    expect(one.code).toBe(0);
    const single = JSON.parse(one.stdout) as unknown;
    expect(Array.isArray(single)).toBe(false);
    expect(validate(single)).toBe(true);
  });

  it('reports a bad assessment file located, exits 1, and still evaluates the others', async () => {
    const dir = join(temp, 'mixed');
    await cp(join(ROOT, EXAMPLES), dir, { recursive: true });
    await writeFile(join(dir, 'zz-broken.yaml'), 'area: { name: "x"\nfacts: [\n');
    await writeFile(join(dir, 'zz-unknown-fact.yaml'), 'context: {}\nfacts:\n  no_such_fact: 3\n');
    const { code, stdout, stderr } = await lcz(['evaluate', '--rules', join(ROOT, RULES), 'mixed'], { cwd: temp });
    expect(code).toBe(1);
    expect([...stdout.matchAll(DECISION_VI)]).toHaveLength(examples.length);
    expect(stderr).toMatch(located('mixed/zz-broken.yaml'));
    expect(stderr).toMatch(located('mixed/zz-unknown-fact.yaml'));
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing assessment file is an error for that file only', async () => {
    const { code, stdout, stderr } = await run([
      'evaluate',
      '--rules',
      RULES,
      'nope.yaml',
      `${EXAMPLES}/${examples[0]}`,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('nope.yaml');
    expect([...stdout.matchAll(DECISION_VI)]).toHaveLength(1);
  });

  it('an empty directory is an error', async () => {
    const dir = join(temp, 'empty');
    await cp(join(ROOT, EXAMPLES), dir, { recursive: true, filter: (src) => !/\.(ya?ml|json)$/i.test(src) });
    const { code, stderr } = await lcz(['evaluate', '--rules', join(ROOT, RULES), 'empty'], { cwd: temp });
    expect(code).toBe(1);
    expect(stderr).toContain("lcz: thư mục 'empty' không có tệp");
    expect(stderr).toContain("lcz: 'empty' holds no .yaml");
  });

  it('rules that fail to load: errors, exit 1, nothing evaluated', async () => {
    const { code, stdout, stderr } = await run(['evaluate', '--rules', 'rules/no-such-rules', EXAMPLES]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('rules/no-such-rules');
  });

  it('colour only on a terminal and when NO_COLOR is unset', async () => {
    const file = `${EXAMPLES}/${examples[0]}`;
    expect((await run(['evaluate', '-r', RULES, file], { isTTY: true })).stdout).toContain(ESC);
    expect((await run(['evaluate', '-r', RULES, file], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(
      ESC,
    );
    expect((await run(['evaluate', '-r', RULES, file], { isTTY: false })).stdout).not.toContain(ESC);
    expect((await run(['evaluate', '-r', RULES, '--json', file], { isTTY: true })).stdout).not.toContain(ESC);
  });
});
