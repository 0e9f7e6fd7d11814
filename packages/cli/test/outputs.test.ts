/**
 * Nothing lost through the CLI: an output path that is also an input is refused (a usage error
 * naming the option and both files, in Vietnamese and English) before anything is written, and a
 * run whose input fails leaves an earlier --summary / --out as it was.
 */
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = join(ROOT, 'rules/lai-chau-2020-2025');
const CSV = join(ROOT, 'examples/city-2024/assessments-2024.csv');

let temp = '';
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-outputs-'));
});
afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

describe('an output that is also an input', () => {
  it('lcz evaluate a.csv --summary a.csv is a usage error and a.csv is untouched', async () => {
    const input = join(temp, 'a.csv');
    await copyFile(CSV, input);
    const before = await readFile(input);
    const { code, stderr } = await lcz(['evaluate', '--rules', RULES, input, '--summary', input]);
    expect(code).toBe(2);
    expect(stderr).toContain(`--summary '${input}'`);
    expect(stderr).toMatch(/cũng là tệp đầu vào/);
    expect(stderr).toMatch(/is also an input/);
    expect(await readFile(input)).toEqual(before);
  });

  it('lcz evaluate --out onto the input, by another spelling of its path, and lcz build --out onto the rules', async () => {
    const input = join(temp, 'b.csv');
    await copyFile(CSV, input);
    const other = `${temp}/./b.csv`;
    expect((await lcz(['evaluate', '--rules', RULES, input, '--out', other])).code).toBe(2);
    const build = await lcz(['build', RULES, '--out', join(RULES, 'ruleset.yaml')]);
    expect(build.code).toBe(2);
    expect(build.stderr).toMatch(/--out/);
  });
});

describe('a failed run keeps the earlier outputs', () => {
  it('a good summary.xlsx and results file survive a run whose input cannot be read', async () => {
    const summary = join(temp, 'summary.xlsx');
    const out = join(temp, 'results.jsonl');
    const good = await lcz(['evaluate', '--rules', RULES, CSV, '--summary', summary, '--out', out]);
    expect(good.code).toBe(1); // the example holds three deliberate mistakes
    const before = await readFile(summary);
    const linesBefore = await readFile(out);
    const junk = join(temp, 'junk.csv');
    await writeFile(junk, 'nothing,to,see\n');
    for (const input of [join(temp, 'nope.csv'), junk]) {
      const failed = await lcz(['evaluate', '--rules', RULES, input, '--summary', summary, '--out', out]);
      expect(failed.code).not.toBe(0);
    }
    // Said so, in both languages, rather than naming the files as written.
    for (const lang of ['en', 'vi']) {
      const said = await lcz(['evaluate', '--lang', lang, '--rules', RULES, junk, '--summary', summary, '--out', out]);
      expect(said.stdout).not.toMatch(/Results, one line per row|Summary table|Kết quả từng dòng|Bảng tổng hợp/);
      expect(said.stdout).toContain(lang === 'en' ? `Nothing written to ${out}` : `Không ghi gì vào ${out}`);
      expect(said.stdout).toContain(lang === 'en' ? `Nothing written to ${summary}` : `Không ghi gì vào ${summary}`);
    }
    expect(await readFile(summary)).toEqual(before);
    expect(await readFile(out)).toEqual(linesBefore);
    expect((await readdir(temp)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a batch file that does not exist', () => {
  it('is said to be missing, by its name, not to "hold one assessment"', async () => {
    const missing = join(temp, 'khong-co.csv');
    const summary = join(temp, 'never.csv');
    const run = await lcz(['evaluate', '--lang', 'en', '--rules', RULES, missing, '--summary', summary]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`[file_not_found] File not found: ${missing}`);
    expect(run.stderr).not.toContain('holds one assessment');
    expect((await readdir(temp)).includes('never.csv')).toBe(false);
  });
});
