/**
 * `--encoding <name>` on every command that reads CSV files (lcz evaluate, report, explain, diff): the
 * same parsing, the same help, the same decoding (TextDecoder, then NFC) and the same error for a
 * name no encoding has. Read through the CLI on a CSV saved by Vietnamese Windows (Windows-1258),
 * with a `registered` column the report reads in a second pass of its own.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SMALL = 'packages/batch/test/fixtures/small-rules.yaml';
const CP1258 = 'packages/batch/test/fixtures/office/windows-1258.csv';
const run = (argv: string[]) => lcz(argv, { cwd: ROOT });

let temp = '';
/** The Windows-1258 fixture with a `registered` column: KDC-01 "không" (no), KDC-02 and KDC-03 "có" (yes). */
let withRegistered = '';
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-encoding-'));
  const lines = (await readFile(join(ROOT, CP1258))).toString('latin1').split('\n');
  // Windows-1258 bytes: ô is 0xF4, ó is 0xF3 (written here as Latin-1, byte for byte).
  const cells = [',"registered"', ',"Registered"', ',"kh\xf4ng"', ',"c\xf3"', ',"c\xf3"'];
  const out = lines.map((l, i) => (l === '' ? l : l + (cells[i] ?? '')));
  withRegistered = join(temp, 'windows-1258-registered.csv');
  await writeFile(withRegistered, Buffer.from(out.join('\n'), 'latin1'));
});
afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

describe('lcz report --encoding', () => {
  it('without it: one located text_encoding error that names --encoding windows-1258, exit 1', async () => {
    const { code, stdout, stderr } = await run(['report', '--lang', 'en', '--rules', SMALL, withRegistered]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/:1:4: error \[text_encoding\]/);
    expect(stderr).toContain('--encoding windows-1258');
  });

  it('with it: every row read, the names decoded (NFC), the registered column read in the same encoding', async () => {
    const { code, stdout, stderr } = await run([
      'report',
      '--lang',
      'en',
      '--rules',
      SMALL,
      '--encoding',
      'windows-1258',
      withRegistered,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // "Phường Tân Phong": in Windows-1258 the tone mark of "ờ" is a combining character.
    expect(stdout).toContain('| Phường Tân Phong | 3 | 2 |');
    expect(stdout).toContain('| 2024 | 3 | 2 |');
  });

  it("an encoding no one has: the batch reader's one error, as lcz evaluate gives it, exit 1", async () => {
    const report = await run(['report', '--lang', 'en', '--rules', SMALL, '--encoding', 'klingon', CP1258]);
    const evaluate = await run(['evaluate', '--lang', 'en', '--rules', SMALL, '--encoding', 'klingon', CP1258]);
    expect(report.code).toBe(1);
    expect(evaluate.code).toBe(1);
    const line = (text: string) => text.split('\n').find((l) => l.includes('[batch_unreadable]'));
    expect(line(report.stderr)).toContain('"klingon" is not a character encoding');
    expect(line(report.stderr)).toBe(line(evaluate.stdout));
  });
});

describe('lcz explain --encoding', () => {
  it('without it: the text_encoding error naming --encoding, exit 1; with it: the area explained with its decoded name', async () => {
    const without = await run(['explain', '--lang', 'en', '--rules', SMALL, '--code', 'KDC-01', CP1258]);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/:1:4: error \[text_encoding\]/);
    expect(without.stderr).toContain('--encoding windows-1258');
    const withIt = await run([
      'explain',
      '--lang',
      'en',
      '--rules',
      SMALL,
      '--code',
      'KDC-01',
      '--encoding',
      'cp1258',
      CP1258,
    ]);
    expect(withIt.stderr).toBe('');
    expect(withIt.code).toBe(0);
    expect(withIt.stdout).toContain(`${CP1258}: row 3 — KDC-01 Bản Nà Pầu`);
    expect(withIt.stdout).toContain('Reporting unit: Phường Tân Phong');
    expect(withIt.stdout.normalize('NFC')).toBe(withIt.stdout);
  });

  it('an encoding no one has fails the run (exit 1), with the same error', async () => {
    const { code, stderr } = await run(['explain', '--lang', 'en', '--rules', SMALL, '--encoding', 'klingon', CP1258]);
    expect(code).toBe(1);
    expect(stderr).toContain('[batch_unreadable]');
    expect(stderr).toContain('"klingon" is not a character encoding');
  });
});

describe('lcz diff --encoding', () => {
  it('without it: the text_encoding error naming --encoding, exit 1; with it: every row compared', async () => {
    const without = await run(['diff', '--lang', 'en', SMALL, SMALL, '--assessments', CP1258]);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/:1:4: error \[text_encoding\]/);
    expect(without.stderr).toContain('--encoding windows-1258');
    const withIt = await run([
      'diff',
      '--lang',
      'en',
      '--encoding',
      'windows-1258',
      SMALL,
      SMALL,
      '--assessments',
      CP1258,
    ]);
    expect(withIt.stderr).toBe('');
    expect(withIt.code).toBe(0);
    expect(withIt.stdout).toContain('3 assessments evaluated under both versions');
  });
});

describe('lcz records register and import --encoding', () => {
  it('without it: the text_encoding error naming --encoding, nothing written; with it: registered and imported, names decoded', async () => {
    const cycle = join(temp, 'cycle.yaml');
    await writeFile(cycle, 'format: 1\nruleset: batch-test-rules\nreport_by: "10-15"\n');
    const store = join(temp, 'store');
    const records = (sub: string, ...more: string[]) =>
      run([
        'records',
        sub,
        '--lang',
        'en',
        '--store',
        store,
        '--rules',
        SMALL,
        '--cycle',
        cycle,
        '--year',
        '2024',
        ...more,
      ]);
    const refused = async (sub: string) => {
      const without = await records(sub, CP1258);
      expect(without.code).toBe(1);
      expect(without.stderr).toMatch(/:1:4: error \[text_encoding\]/);
      expect(without.stderr).toContain('--encoding windows-1258');
    };
    // (A register that fails leaves no record, so import is tried once the record exists.)
    await refused('register');
    const registered = await records('register', '--encoding', 'windows-1258', CP1258);
    expect(registered.stderr).toBe('');
    expect(registered.stdout).toContain('newly registered for 2024: 3.');
    // Windows-1258 writes the tone mark of "ầ" as a combining character: read back composed (NFC).
    const status = await records('status', '--today', '2024-10-01');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('KDC-01 B\u1ea3n N\u00e0 P\u1ea7u');
    await refused('import');
    const imported = await records('import', '--encoding', 'windows-1258', CP1258);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/^\d+ values imported from .* \(assessed units: 3\); 0 already recorded\.\n$/);
    const other = await run(['records', 'history', '--store', store, '--encoding', 'windows-1258']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('--encoding (records history reads no CSV)');
  });
});

describe('one option, one help text', () => {
  it('evaluate, report, explain, diff and records show the same --encoding lines, in Vietnamese and English', async () => {
    const helps = await Promise.all(
      ['evaluate', 'report', 'explain', 'diff', 'records'].map((c) => run([c, '--help'])),
    );
    // The option's line and the lines under it, up to the next option.
    const block = (help: string) => {
      const lines = help.split('\n');
      const at = lines.findIndex((l) => l.startsWith('  --encoding <name>'));
      const end = lines.findIndex((l, i) => i > at && l.startsWith('  -'));
      return lines.slice(at, end);
    };
    // The same words everywhere, each block lined up with the options around it: its text starts
    // in the column where the next option's does.
    const words = (lines: string[]) => lines.join(' ').split(/\s+/).join(' ');
    const [evaluate, ...others] = helps.map((h) => block(h.stdout));
    expect(words(evaluate ?? [])).toContain('windows-1258');
    expect(words(evaluate ?? [])).toContain('bảng mã');
    for (const other of others) expect(words(other)).toBe(words(evaluate ?? []));
    for (const h of helps) {
      const lines = h.stdout.split('\n');
      const at = lines.findIndex((l) => l.startsWith('  --encoding <name>'));
      const next = lines[at + block(h.stdout).length] ?? '';
      for (const line of block(h.stdout)) expect(line.length).toBeLessThanOrEqual(100);
      // Where an option line's text starts: after the first run of two or more spaces past the option.
      const column = (l: string) => {
        const gap = / {2,}(?=\S)/.exec(l.slice(2));
        return gap ? 2 + gap.index + gap[0].length : -1;
      };
      expect(column(lines[at] ?? ''), h.stdout).toBe(column(next));
      expect((lines[at + 1] ?? '').search(/\S/)).toBe(column(next));
    }
  });

  it('an empty value is refused the same way', async () => {
    for (const argv of [
      ['report', '--rules', SMALL],
      ['explain', '--rules', SMALL],
      ['diff', SMALL, SMALL],
      ['records', 'import', '--store', temp, '--rules', SMALL, '--year', '2024'],
    ]) {
      const { code, stderr } = await run([...argv, '--encoding=', CP1258]);
      expect(code).toBe(2);
      expect(stderr).toContain('--encoding');
    }
  });
});
