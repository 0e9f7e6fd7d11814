/**
 * `lcz build`: writes the compiled rules file (beside the rules, or --out), which every command
 * takes as --rules with the same results; --check says whether it is up to date; a stale or
 * broken compiled file is a located error, never a crash.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lcz, LOCATED } from './helpers.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = join(REPO, 'rules/lai-chau-2020-2025');
const EXAMPLES = join(REPO, 'examples/assessments');

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'lcz-build-'));
}

describe('lcz build', () => {
  it('writes beside the rule file by default, and --check then finds it up to date', async () => {
    const dir = scratch();
    cpSync(RULES, join(dir, 'rules'), { recursive: true });
    const built = await lcz(['build', 'rules', '--lang', 'en'], { cwd: dir });
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(
      /^wrote rules\/ruleset\.compiled\.json: lai-chau-khu-dan-cu-tu-quan 2020-2025 \(1 source file, \d+ kB, sha256:[0-9a-f]{12}…\)/,
    );
    const compiled = JSON.parse(readFileSync(join(dir, 'rules/ruleset.compiled.json'), 'utf8')) as {
      sources: { file: string }[];
    };
    expect(compiled.sources.map((s) => s.file)).toEqual(['ruleset.yaml']);

    const check = await lcz(['build', 'rules', '--check', '--lang', 'en'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('rules/ruleset.compiled.json is up to date');
  });

  it('--check fails when the rules changed since the build, or nothing was built', async () => {
    const dir = scratch();
    cpSync(RULES, join(dir, 'rules'), { recursive: true });
    const missing = await lcz(['build', 'rules', '--check', '--lang', 'en'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('rules/ruleset.compiled.json does not exist: run lcz build rules');
    expect(existsSync(join(dir, 'rules/ruleset.compiled.json'))).toBe(false);

    expect((await lcz(['build', 'rules'], { cwd: dir })).code).toBe(0);
    const file = join(dir, 'rules/ruleset.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('at_least: 98', 'at_least: 95'));
    const stale = await lcz(['build', 'rules', '--check', '--lang', 'en'], { cwd: dir });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('is not what the rules build now');
  });

  it('evaluates with the compiled file exactly as with the YAML', async () => {
    const dir = scratch();
    const out = join(dir, 'lai-chau.compiled.json');
    expect((await lcz(['build', RULES, '--out', out])).code).toBe(0);
    const fromYaml = await lcz(['evaluate', '--rules', RULES, '--json', EXAMPLES]);
    const fromJson = await lcz(['evaluate', '--rules', out, '--json', EXAMPLES]);
    expect(fromYaml.code).toBe(0);
    expect(fromJson.code).toBe(fromYaml.code);
    expect(JSON.parse(fromJson.stdout)).toEqual(JSON.parse(fromYaml.stdout));
    expect((JSON.parse(fromYaml.stdout) as unknown[]).length).toBeGreaterThanOrEqual(4);
  });

  it('refuses rules with errors, located, and writes nothing', async () => {
    const dir = scratch();
    const file = join(dir, 'ruleset.yaml');
    writeFileSync(file, readFileSync(join(RULES, 'ruleset.yaml'), 'utf8').replace('at_least: 98', 'at_least: 198'));
    const result = await lcz(['build', file, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(LOCATED);
    expect(result.stderr).toContain('[schema_range] 198 is out of range');
    expect(result.stderr).toContain('nothing was written');
    expect(existsSync(join(dir, 'ruleset.compiled.json'))).toBe(false);
  });

  it('a compiled file from another engine version, or damaged, is a located error', async () => {
    const dir = scratch();
    const out = join(dir, 'x.compiled.json');
    expect((await lcz(['build', RULES, '--out', out])).code).toBe(0);
    const value = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    writeFileSync(out, JSON.stringify({ ...value, engine: '0.0.1' }, null, 2));
    const stale = await lcz(['validate', out, '--lang', 'en']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(
      /x\.compiled\.json:4:3: error \[compiled_stale\] This compiled rules file was built by engine 0\.0\.1/,
    );
    expect(stale.stderr).not.toMatch(/\n\s+at /);

    writeFileSync(out, '{"format": "lcz-compiled-rules", ');
    const broken = await lcz(['evaluate', '--rules', out, EXAMPLES, '--lang', 'vi']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(
      '[compiled_unreadable] Không đọc được tệp quy tắc đã biên dịch này: tệp không phải JSON hợp lệ',
    );
  });

  it('writes the generated decide module beside the compiled file; --check checks it; evaluate uses it', async () => {
    const dir = scratch();
    const out = join(dir, 'lai-chau.compiled.json');
    const module = join(dir, 'lai-chau.compiled.decide.mjs');
    const built = await lcz(['build', RULES, '--out', out, '--lang', 'en']);
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(
      /wrote .*lai-chau\.compiled\.decide\.mjs: the generated decide\(\) and evaluate\(\) of lai-chau-khu-dan-cu-tu-quan \(\d+ conditions? inlined, 0 calling their compiled closure\)/,
    );
    const code = readFileSync(module, 'utf8');
    expect(code).toContain('export function createDecide(rt, plan)');
    expect(code).not.toMatch(/\beval\b|new Function/);
    expect((await lcz(['build', RULES, '--out', out, '--check'])).code).toBe(0);

    // Same decisions through the generated decide as from the YAML.
    const fromYaml = await lcz(['evaluate', '--rules', RULES, '--json', EXAMPLES]);
    const fromJson = await lcz(['evaluate', '--rules', out, '--json', EXAMPLES]);
    expect(JSON.parse(fromJson.stdout)).toEqual(JSON.parse(fromYaml.stdout));
    expect(fromJson.stderr).not.toContain('generated_mismatch');

    // A module that is not this compiled file's: a warning, and the closures decide.
    writeFileSync(module, code.replace(/export const hash = "[^"]*";/, 'export const hash = "sha256:0";'));
    const check = await lcz(['build', RULES, '--out', out, '--check', '--lang', 'en']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('lai-chau.compiled.decide.mjs is not what the rules build now');
    const mismatched = await lcz(['evaluate', '--rules', out, '--json', EXAMPLES, '--lang', 'en']);
    expect(JSON.parse(mismatched.stdout)).toEqual(JSON.parse(fromYaml.stdout));
    expect(mismatched.stderr).toContain('[generated_mismatch]');
  });

  it('writes the plan module beside the compiled file; --check checks it', async () => {
    const dir = scratch();
    const out = join(dir, 'lai-chau.compiled.json');
    const plan = join(dir, 'lai-chau.compiled.plan.mjs');
    const built = await lcz(['build', RULES, '--out', out, '--lang', 'en']);
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(
      /wrote .*lai-chau\.compiled\.plan\.mjs: the plan module of lai-chau-khu-dan-cu-tu-quan \(\d+ kB\)/,
    );
    const code = readFileSync(plan, 'utf8');
    expect(code).toContain('export function createPlan(rt)');
    expect(code).not.toMatch(/\beval\b|new Function/);
    expect((await lcz(['build', RULES, '--out', out, '--check'])).code).toBe(0);
    writeFileSync(plan, code.replace('export const planFormatVersion = 1;', 'export const planFormatVersion = 0;'));
    const check = await lcz(['build', RULES, '--out', out, '--check', '--lang', 'en']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('lai-chau.compiled.plan.mjs is not what the rules build now');
    // A scheme whose rules keep a closure gets none, and the build says why.
    const green = await lcz([
      'build',
      join(REPO, 'rules/green-building-illustrative'),
      '--out',
      join(dir, 'g.compiled.json'),
      '--lang',
      'en',
    ]);
    expect(green.code).toBe(0);
    expect(green.stdout).toMatch(/note: no plan module for \S+ \(.*closure.*\)/);
    expect(existsSync(join(dir, 'g.compiled.plan.mjs'))).toBe(false);
    expect(existsSync(join(dir, 'g.compiled.plan-script.js'))).toBe(false);
  });

  it('writes the plan script and its code cache beside the plan module; --check checks the script', async () => {
    const dir = scratch();
    const out = join(dir, 'lai-chau.compiled.json');
    const script = join(dir, 'lai-chau.compiled.plan-script.js');
    const built = await lcz(['build', RULES, '--out', out, '--lang', 'en']);
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(
      /wrote .*lai-chau\.compiled\.plan-script\.js and .*lai-chau\.compiled\.plan-script\.v8cache: the plan script of lai-chau-khu-dan-cu-tu-quan \(\d+ kB\) and its V8 code cache \(\d+ kB\)/,
    );
    const code = readFileSync(script, 'utf8');
    expect(code).toContain('function createPlan(rt)');
    expect(code).toMatch(/\n\/\/# lcz-plan-script-sha256=[0-9a-f]{64}\n$/);
    expect(readFileSync(join(dir, 'lai-chau.compiled.plan-script.v8cache')).subarray(0, 22).toString()).toBe(
      'lcz-plan-script-cache ',
    );
    expect((await lcz(['build', RULES, '--out', out, '--check'])).code).toBe(0);
    writeFileSync(script, code.replace('planScriptFormatVersion: 1', 'planScriptFormatVersion: 0'));
    const check = await lcz(['build', RULES, '--out', out, '--check', '--lang', 'en']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('lai-chau.compiled.plan-script.js is not what the rules build now');
  });

  it('usage errors: no rules, extra arguments, empty --out', async () => {
    expect((await lcz(['build'])).code).toBe(2);
    expect((await lcz(['build', RULES, 'extra'])).code).toBe(2);
    expect((await lcz(['build', RULES, '--out', ''])).code).toBe(2);
  });
});
