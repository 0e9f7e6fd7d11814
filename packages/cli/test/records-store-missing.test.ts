/**
 * Only `lcz records register` starts a record. Every other subcommand, and `lcz report
 * --records`, given a folder with no record says so (records_store_missing, in both languages)
 * and leaves the folder as it was: a mistyped --store once created an empty record that answered
 * "the record holds no year yet".
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openRecordsStore } from '@lcz/criteria-records';
import { describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = 'rules/lai-chau-2020-2025';

describe('lcz records: a folder with no record', () => {
  it.each([
    ['history', ['records', 'history', '--area', 'DK-01']],
    ['status', ['records', 'status', '--rules', RULES, '--year', '2024']],
    [
      'import',
      ['records', 'import', '--rules', RULES, '--year', '2024', '--by', 'x', 'examples/records-2024/parts/areas.csv'],
    ],
    ['decide', ['records', 'decide', '--rules', RULES, '--year', '2024', '--by', 'x']],
    ['export', ['records', 'export', '--year', '2024', '--out', 'OUT']],
    ['backup', ['records', 'backup', '--out', 'OUT']],
  ])('%s: records_store_missing names the file, exit 1, nothing created', async (_, argv) => {
    const dir = await mkdtemp(join(tmpdir(), 'lcz-missing-'));
    const store = join(dir, 'so-theo-doi');
    const args = [...argv.map((a) => (a === 'OUT' ? join(dir, 'out') : a)), '--store', store];
    const en = await lcz([...args, '--lang', 'en'], { cwd: ROOT });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(
      `[records_store_missing] No record here: ${join(store, 'records.sqlite')} does not exist.`,
    );
    expect(en.stderr).toContain('lcz records register');
    const vi = await lcz(args, { cwd: ROOT });
    expect(vi.code).toBe(1);
    expect(vi.stderr).toContain('[records_store_missing] Không có sổ lưu ở đây');
    expect(existsSync(store)).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('lcz report --records: the same problem, nothing created', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lcz-missing-'));
    const store = join(dir, 'so-theo-doi');
    const { code, stderr } = await lcz(['report', '--rules', RULES, '--records', store, '--lang', 'en'], { cwd: ROOT });
    expect(code).toBe(1);
    expect(stderr).toContain('[records_store_missing]');
    expect(existsSync(store)).toBe(false);
  });

  it('register starts the record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lcz-missing-'));
    const store = join(dir, 'so-theo-doi');
    const { code, stdout } = await lcz(
      ['records', 'register', '--store', store, '--rules', RULES, '--year', '2024', '--by', 'phong_noi_vu'].concat([
        'examples/records-2024/parts/areas.csv',
        '--lang',
        'en',
      ]),
      { cwd: ROOT },
    );
    expect(code).toBe(0);
    expect(stdout).toContain('new areas: 67');
    expect(existsSync(join(store, 'records.sqlite'))).toBe(true);
  });

  it('a register that fails leaves no record behind where there was none (it says nothing was written)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lcz-missing-'));
    const store = join(dir, 'nam', 'so-theo-doi');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'code,name\nX,Y\n');
    const register = ['records', 'register', '--store', store, '--rules', RULES, '--year', '2024', '--by', 'x'];
    const failed = await lcz([...register, bad, '--lang', 'en'], { cwd: ROOT });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('nothing was written');
    // Neither the record nor the two folders made for it.
    expect(existsSync(join(dir, 'nam'))).toBe(false);
    const status = await lcz(
      ['records', 'status', '--store', store, '--rules', RULES, '--year', '2024', '--lang', 'en'],
      {
        cwd: ROOT,
      },
    );
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('[records_store_missing]');
  });

  it('a register that fails leaves a record that was there as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lcz-missing-'));
    const store = join(dir, 'so-theo-doi');
    const register = ['records', 'register', '--store', store, '--rules', RULES, '--year', '2024', '--by', 'x'];
    expect((await lcz([...register, 'examples/records-2024/parts/areas.csv'], { cwd: ROOT })).code).toBe(0);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'code,name\nX,Y\n');
    expect((await lcz([...register, bad], { cwd: ROOT })).code).toBe(1);
    const status = await lcz(
      ['records', 'status', '--store', store, '--rules', RULES, '--year', '2024', '--lang', 'en'],
      {
        cwd: ROOT,
      },
    );
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('of 67 registered');
  });
});

describe('lcz records: a problem in the stored record itself', () => {
  it('is placed at the --store the user gave, not at a placeholder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lcz-damaged-'));
    const store = join(dir, 'so-theo-doi');
    mkdirSync(store);
    copyFileSync(join(ROOT, 'examples/records-2024/store/records.sqlite'), join(store, 'records.sqlite'));
    // Changed by other hands: a decision lcz never writes.
    const record = await openRecordsStore(store);
    await record.db
      .updateTable('evaluations')
      .set({ decision: 'maybe' })
      .where('area_code', '=', 'DK-02')
      .where('year', '=', 2024)
      .execute();
    await record.close();
    const { code, stderr } = await lcz(['records', 'history', '--store', store, '--area', 'DK-02', '--lang', 'en'], {
      cwd: ROOT,
    });
    expect(code).toBe(1);
    expect(stderr).toContain(`${store}: error [records_store_damaged]`);
    expect(stderr).not.toContain('<record>');
  });
});
