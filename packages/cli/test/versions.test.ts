/** A rules folder with several versions: each assessment is evaluated with the version in force on its date. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLE = join(ROOT, 'examples/assessments/not-recognised-ban.yaml');

/** The same assessment, dated inside the 2026–2030 draft's period, without the fact the draft dropped (3.7). */
function datedIn2027(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lcz-versions-')), 'ban-2027.yaml');
  const text = readFileSync(EXAMPLE, 'utf8').replace('date: "2024-10-10"', 'date: "2027-10-10"');
  writeFileSync(
    file,
    text
      .split('\n')
      .filter((line) => !line.includes('traffic_congestion_occurred'))
      .join('\n'),
  );
  return file;
}

describe('lcz evaluate --rules rules/ (several versions)', () => {
  it('uses the version in force on each assessment’s date', async () => {
    const { code, stdout } = await lcz(['evaluate', '--json', '--rules', 'rules', EXAMPLE, datedIn2027()], {
      cwd: ROOT,
    });
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as { ruleset: { version: string }; decision: string }[];
    expect(results.map((r) => [r.ruleset.version, r.decision])).toEqual([
      ['2020-2025', 'not_recognised'], // 97% of households fails 1.3 at 98%
      ['2026-2030-draft', 'recognised'], // the draft lowers 1.3 to 95%
    ]);
  });

  it('uses the version named with --version, or in force on --date', async () => {
    const named = await lcz(['evaluate', '--json', '--rules', 'rules', '--version', '2026-2030-draft', datedIn2027()], {
      cwd: ROOT,
    });
    expect((JSON.parse(named.stdout) as { ruleset: { version: string } }).ruleset.version).toBe('2026-2030-draft');
    const dated = await lcz(['evaluate', '--json', '--rules', 'rules', '--date', '2025-12-31', EXAMPLE], { cwd: ROOT });
    expect((JSON.parse(dated.stdout) as { ruleset: { version: string } }).ruleset.version).toBe('2020-2025');
  });

  it('says which versions exist when none is in force', async () => {
    const { code, stderr } = await lcz(['evaluate', '--rules', 'rules', '--date', '2019-01-01', EXAMPLE], {
      cwd: ROOT,
    });
    expect(code).toBe(1);
    expect(stderr).toContain('version_not_found');
    expect(stderr).toContain('2020-2025 (2020-01-01 – 2025-12-31)');
  });

  it('a --date outside the one version of a ruleset folder is said of that folder, not of "<scheme>"', async () => {
    const rules = 'rules/lai-chau-2020-2025';
    const { code, stderr } = await lcz(
      ['evaluate', '--rules', rules, '--date', '2031-01-01', 'examples/city-2024/assessments-2024.csv'],
      { cwd: ROOT },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^${rules}: lỗi \\[version_not_found\\] .*"2031-01-01"`, 'm'));
    expect(stderr).not.toContain('<scheme>');
  });
});

describe('lcz validate rules/ (several versions)', () => {
  it('validates every version of every ruleset it holds, one OK line each, and exits 0', async () => {
    const { code, stdout, stderr } = await lcz(['validate', '--lang', 'en', 'rules'], { cwd: ROOT });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const ok = stdout.split('\n').filter((line) => line.startsWith('OK '));
    // Lai Châu's two versions, and the two other bundled schemes beside them.
    expect(ok).toHaveLength(4);
    expect(ok[0]).toMatch(/^OK rules\/green-building-illustrative\/ruleset\.yaml: illustrative-green-building /);
    expect(ok[1]).toMatch(/^OK rules\/lai-chau-2020-2025\/ruleset\.yaml: .* 2020-2025: /);
    expect(ok[2]).toMatch(/^OK rules\/lai-chau-2026-2030-draft\/ruleset\.yaml: .* 2026-2030-draft: /);
    expect(ok[3]).toMatch(/^OK rules\/ntm-commune-2021-2025\/ruleset\.yaml: ntm-commune /);
    expect(stdout).not.toMatch(/0 errors/);
  });

  it('names the errors of a version that does not load, and never says "0 errors"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcz-versions-'));
    cpSync(join(ROOT, 'rules'), dir, { recursive: true });
    const draft = join(dir, 'lai-chau-2026-2030-draft/ruleset.yaml');
    writeFileSync(draft, readFileSync(draft, 'utf8').replace(/^version: .*$/m, 'version: [broken'));
    const { code, stderr } = await lcz(['validate', '--lang', 'en', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/lai-chau-2026-2030-draft\/ruleset\.yaml:\d+:\d+: error \[yaml_syntax\]/);
    expect(stderr).not.toMatch(/file_not_found|0 errors/);
  });
});

/** rules/ with Lai Châu's versions and another scheme beside them (the school checklist), as a project. */
function severalRulesets(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lcz-rulesets-'));
  for (const part of ['lai-chau-2020-2025', 'lai-chau-2026-2030-draft', 'shared', '.lcz-root'])
    cpSync(join(ROOT, 'rules', part), join(dir, part), { recursive: true });
  cpSync(join(ROOT, 'examples/school-safety'), join(dir, 'school-safety'), { recursive: true });
  return dir;
}

describe('a rules folder holding several rulesets (rules/: Lai Châu and other schemes)', () => {
  it('lcz validate validates every version of every ruleset, one OK line each', async () => {
    const dir = severalRulesets();
    const { code, stdout, stderr } = await lcz(['validate', '--lang', 'en', dir]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const ok = stdout.split('\n').filter((line) => line.startsWith('OK '));
    expect(ok.map((line) => /\/([^/]+)\/ruleset\.yaml/.exec(line)?.[1])).toEqual([
      'lai-chau-2020-2025',
      'lai-chau-2026-2030-draft',
      'school-safety',
    ]);
  });

  it("lcz evaluate takes each assessment's ruleset from its `ruleset:`, and the version from its date", async () => {
    const dir = severalRulesets();
    const school = join(ROOT, 'examples/school-safety/tests/bases/day-school-safe.yaml');
    const { code, stdout } = await lcz(['evaluate', '--json', '--rules', dir, EXAMPLE, datedIn2027(), school]);
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as { ruleset: { id: string; version: string }; decision: string }[];
    expect(results.map((r) => [r.ruleset.id, r.ruleset.version, r.decision])).toEqual([
      ['lai-chau-khu-dan-cu-tu-quan', '2020-2025', 'not_recognised'],
      ['lai-chau-khu-dan-cu-tu-quan', '2026-2030-draft', 'recognised'],
      ['illustrative-school-safety', '2025', 'recognised'],
    ]);
  });

  it('an assessment that names no ruleset of the folder is a located error naming them; the others still run', async () => {
    const dir = severalRulesets();
    const stray = join(dir, 'stray.yaml');
    writeFileSync(stray, '# an assessment for another scheme\nruleset: nobody-s-scheme\ncontext: {}\nfacts: {}\n');
    const unnamed = join(dir, 'unnamed.yaml');
    writeFileSync(unnamed, 'context: {}\nfacts: {}\n');
    const { code, stdout, stderr } = await lcz(['evaluate', '--lang', 'en', '--rules', dir, stray, unnamed, EXAMPLE]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /stray\.yaml:2:10: error \[ruleset_not_in_folder\] The assessment is for ruleset nobody-s-scheme, which the folder .* does not hold\. Rulesets: lai-chau-khu-dan-cu-tu-quan, illustrative-school-safety\./,
    );
    expect(stderr).toMatch(
      /unnamed\.yaml: error \[ruleset_not_in_folder\] The folder .* holds several rulesets, and the assessment does not say which one/,
    );
    expect(stderr).toContain('2 assessment files could not be evaluated.');
    expect(stdout).toContain('not-recognised-ban.yaml'); // the Lai Châu file still evaluated
  });

  it('a batch file needs the folder of one ruleset', async () => {
    const dir = severalRulesets();
    const { code, stderr } = await lcz([
      'evaluate',
      '--lang',
      'en',
      '--rules',
      dir,
      join(ROOT, 'examples/city-2024/assessments-2024.csv'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('holds several rulesets (lai-chau-khu-dan-cu-tu-quan, illustrative-school-safety)');
  });
});
