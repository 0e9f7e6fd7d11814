/**
 * `lcz version new`: a copy of the 2020–2025 rules as 2031–2035 differs from the old folder only
 * in the rule file's version and dates (every other byte and file identical), loads and passes
 * its tests, and lists what a person must still look at. Bad dates, an existing target and a
 * period that overlaps a sibling version are refused or reported, naming both files and periods.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let temp = '';
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-version-'));
});
afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

/** A copy of the bundled rules folder (all versions and the shared fragment) as a project. */
async function project(name: string): Promise<string> {
  const dir = join(temp, name);
  await cp(join(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
  await writeFile(join(dir, '.lcz-root'), '');
  return dir;
}

async function files(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

describe('lcz version new', () => {
  it('copies the version, sets only its name and dates, and lists what to look at', async () => {
    const cwd = await project('new');
    const { code, stdout, stderr } = await lcz(
      [
        'version',
        'new',
        'rules/lai-chau-2020-2025',
        'rules/lai-chau-2031-2035',
        '--from',
        '2031-01-01',
        '--to',
        '2035-12-31',
        '--lang',
        'en',
      ],
      { cwd },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'created rules/lai-chau-2031-2035 from rules/lai-chau-2020-2025 (2020-2025): version 2031-2035, in force from 2031-01-01 to 2035-12-31.',
    );
    const oldDir = join(cwd, 'rules/lai-chau-2020-2025');
    const newDir = join(cwd, 'rules/lai-chau-2031-2035');
    expect(await files(newDir)).toEqual(await files(oldDir));
    for (const f of await files(oldDir)) {
      if (f === 'ruleset.yaml' || !/\.\w+$/.test(f)) continue;
      expect(await readFile(join(newDir, f), 'utf8'), f).toBe(await readFile(join(oldDir, f), 'utf8'));
    }
    const before = (await readFile(join(oldDir, 'ruleset.yaml'), 'utf8')).split('\n');
    const after = (await readFile(join(newDir, 'ruleset.yaml'), 'utf8')).split('\n');
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [line]));
    expect(changed).toEqual(['version: "2031-2035"', 'effective: { from: "2031-01-01", to: "2035-12-31" }']);

    expect(stdout).toMatch(/Still to look at \(\d+\)/);
    expect(stdout).toMatch(/rules\/lai-chau-2031-2035\/ruleset\.yaml:\d+ {2}source\.document: does it still name/);
    expect(stdout).toContain('rules/lai-chau-2031-2035/targets.yaml  the targets of the old period');
    expect(stdout).toMatch(/tests\/04-boundaries\.yaml {2}\d+ case names cite a count or share \(lines 42, 47,/);
    expect(stdout).toMatch(/ruleset\.yaml:4 {2}a comment cites 2020, 2025, a year of the old period/);
    // The targets file cites the old years on more lines than are listed: "… and N more" closes its list.
    const targetLines = stdout.split('\n').filter((l) => l.includes('lai-chau-2031-2035/targets.yaml'));
    expect(targetLines.at(-1)).toMatch(/targets\.yaml {2}… and \d+ more lines citing the old period in this file\.$/);
    expect(targetLines.filter((l) => l.includes('more lines'))).toHaveLength(1);

    const tested = await lcz(['test', '--lang', 'en', 'rules/lai-chau-2031-2035'], { cwd });
    expect(tested.stdout).toContain('116 passed, 0 failed');
    expect(tested.code).toBe(0);
  });

  it('a period that overlaps a sibling is created but reported with both files and periods, exit 1', async () => {
    const cwd = await project('overlap');
    const { code, stderr } = await lcz(
      [
        'version',
        'new',
        'rules/lai-chau-2020-2025',
        'rules/lai-chau-2026-2030',
        '--from',
        '2026-01-01',
        '--to',
        '2030-12-31',
        '--lang',
        'en',
      ],
      { cwd },
    );
    expect(code).toBe(1);
    expect(stderr).toContain(
      'error [version_overlap] The effective period of version 2026-2030-draft (2026-01-01 to 2030-12-31) overlaps version 2026-2030 of rules/lai-chau-2026-2030/ruleset.yaml (2026-01-01 to 2030-12-31).',
    );
    // And every command that takes the folder says the same, not "file not found".
    const evaluated = await lcz(
      ['evaluate', '--lang', 'en', '--rules', 'rules', join(ROOT, 'examples/assessments/recognised-to-dan-pho.yaml')],
      { cwd },
    );
    expect(evaluated.code).toBe(1);
    expect(evaluated.stderr).toContain('[version_overlap]');
    expect(evaluated.stderr).not.toContain('file_not_found');
  });

  it('a table keyed by year has no rows for the new years: created, each missing cell said, exit 1', async () => {
    // test/fixtures/thon-van-hoa: poverty_max by region and year, 2024–2026 only.
    const cwd = join(temp, 'yearly');
    await cp(join(ROOT, 'packages/criteria-engine/test/fixtures/thon-van-hoa'), join(cwd, 'rules/thon-2024-2026'), {
      recursive: true,
    });
    const { code, stdout, stderr } = await lcz(
      [
        'version',
        'new',
        'rules/thon-2024-2026',
        'rules/thon-2027-2030',
        '--from',
        '2027-01-01',
        '--to',
        '2030-12-31',
        '--lang',
        'en',
      ],
      { cwd },
    );
    expect(code).toBe(1);
    expect(stderr).toContain(
      'rules/thon-2027-2030/ruleset.yaml:178:7: error [parameter_cell_missing] The parameter table "poverty_max" has no cell for region=mien_nui, year=2027',
    );
    expect(stderr.match(/\[parameter_cell_missing\]/g)).toHaveLength(12); // 3 regions × 4 years
    // Its rows (`year: 2024`, `from: "2025-07-01"`) are dated values to review, not texts citing a year.
    const rowLines = (re: RegExp) => [...stdout.matchAll(re)].map((m) => Number(m[1]));
    expect(rowLines(/ruleset\.yaml:(\d+) {2}a parameter row dated \d{4}, in the old period: check the value/g)).toEqual(
      [169, 170, 171, 172, 178, 179, 180, 181, 182, 183, 184, 185],
    );
    expect(stdout).toContain('ruleset.yaml:170  a parameter row dated 2025, in the old period');
    expect(stdout).not.toMatch(/ruleset\.yaml:\d+ {2}a text cites/);
    expect(stderr).toContain("the new version 'rules/thon-2027-2030' was created, but lcz check finds 12 errors in it");
    expect(await files(join(cwd, 'rules/thon-2027-2030'))).toEqual(await files(join(cwd, 'rules/thon-2024-2026')));
  });

  it('in Vietnamese, a parameter row is named as one', async () => {
    const cwd = join(temp, 'yearly-vi');
    await cp(join(ROOT, 'packages/criteria-engine/test/fixtures/thon-van-hoa'), join(cwd, 'rules/thon-2024-2026'), {
      recursive: true,
    });
    const { stdout } = await lcz(
      ['version', 'new', 'rules/thon-2024-2026', 'rules/thon-2027-2030', '--from', '2027-01-01', '--to', '2030-12-31'],
      { cwd },
    );
    expect(stdout).toContain(
      'ruleset.yaml:178  dòng tham số ghi năm 2024 của giai đoạn cũ: kiểm tra giá trị áp dụng cho giai đoạn mới.',
    );
    expect(stdout).not.toMatch(/ruleset\.yaml:\d+ {2}nội dung nhắc/);
  });

  it.each([
    [['--from', '2030-31-12', '--to', '2035-12-31'], "--from '2030-31-12' is not a date: write yyyy-mm-dd"],
    [['--from', '2031-02-30', '--to', '2035-12-31'], "--from '2031-02-30' is not a date"],
    [['--from', '2031-01-01', '--to', '2030-12-31'], '--to 2030-12-31 is before --from 2031-01-01'],
    [['--to', '2035-12-31'], '--from is required'],
    [['--from', '2031-01-01', '--to', '2035-12-31', '--version', '../x'], "--version '../x': use letters"],
  ])('%j is a usage error, and nothing is written', async (dates, message) => {
    const cwd = await project(`usage-${message.length}-${dates.length}`);
    const { code, stderr } = await lcz(
      ['version', 'new', 'rules/lai-chau-2020-2025', 'rules/x', ...dates, '--lang', 'en'],
      { cwd },
    );
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(await files(join(cwd, 'rules'))).toEqual(await files(join(ROOT, 'rules')));
  });

  it('a period within one year is named by its year, not "2026-2026"', async () => {
    const cwd = await project('one-year');
    const { code, stdout } = await lcz(
      [
        'version',
        'new',
        'rules/lai-chau-2020-2025',
        'rules/lai-chau-2031',
        '--from',
        '2031-01-01',
        '--to',
        '2031-12-31',
        '--lang',
        'en',
      ],
      { cwd },
    );
    expect(code).toBe(0);
    expect(stdout).toContain('version 2031, in force from 2031-01-01 to 2031-12-31.');
    expect(await readFile(join(cwd, 'rules/lai-chau-2031/ruleset.yaml'), 'utf8')).toContain('version: "2031"');
  });

  it('an existing target is refused in both languages, untouched', async () => {
    const cwd = await project('exists');
    const args = [
      'version',
      'new',
      'rules/lai-chau-2020-2025',
      'rules/lai-chau-2026-2030-draft',
      '--from',
      '2031-01-01',
      '--to',
      '2035-12-31',
    ];
    const before = await readFile(join(cwd, 'rules/lai-chau-2026-2030-draft/ruleset.yaml'), 'utf8');
    const { code, stderr } = await lcz(args, { cwd });
    expect(code).toBe(2);
    expect(stderr).toContain("'rules/lai-chau-2026-2030-draft' đã có");
    expect(stderr).toContain("'rules/lai-chau-2026-2030-draft' already exists");
    expect(await readFile(join(cwd, 'rules/lai-chau-2026-2030-draft/ruleset.yaml'), 'utf8')).toBe(before);
  });
});
