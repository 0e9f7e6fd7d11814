/**
 * lcz serve --records --keys: a broken key file is reported located (and nothing is served), then
 * the real thing: the bin in a child process on loopback, a ward writing its own area, refused
 * another department's fact, and the record read back after the server stopped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keyDigest, openRecordsStore } from '@lcz/criteria-records';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = 'rules/lai-chau-2020-2025';
const AREAS = 'examples/records-2024/parts/areas.csv';
const run = (argv: string[]) => lcz(argv, { cwd: ROOT });

let temp = '';
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-serve-records-'));
});
afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

describe('lcz serve --records: the key file', () => {
  it('reports every problem of a broken key file, located, in the language asked, and serves nothing', async () => {
    const keys = join(temp, 'broken-keys.yaml');
    await writeFile(
      keys,
      [
        'format: 1',
        'keys:',
        '  - name: tan-phong',
        '    role: ward',
        `    sha256: ${'ab'.repeat(32)}`,
        '  - name: kinh-te',
        '    role: department',
        '    sha256: not-hex',
        '    owner: phong_kinh_te',
        '',
      ].join('\n'),
    );
    const store = join(temp, 'store-broken');
    const en = await run([
      'serve',
      '--rules',
      RULES,
      '--records',
      store,
      '--keys',
      keys,
      '--port',
      '0',
      '--lang',
      'en',
    ]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`${keys}:4:11: error [records_keys_invalid] The key file: role: must be area`);
    expect(en.stderr).toContain(`${keys}:8:13: error [records_keys_invalid] The key file: sha256: must be 64`);
    expect(en.stderr).toContain('has 2 problems; nothing was served');
    const vi = await run(['serve', '--rules', RULES, '--records', store, '--keys', keys, '--port', '0']);
    expect(vi.stderr).toContain(`${keys}:4:11: lỗi [records_keys_invalid] Tệp khoá: role: phải là`);
  });

  it('refuses a department the rule file does not declare, at its line', async () => {
    const keys = join(temp, 'unknown-owner.yaml');
    await writeFile(
      keys,
      `format: 1\nkeys:\n  - name: x\n    role: department\n    owner: phong_xyz\n    sha256: ${'cd'.repeat(32)}\n`,
    );
    const out = await run(['serve', '--rules', RULES, '--records', join(temp, 's'), '--keys', keys, '--lang', 'en']);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`${keys}:5:12: error [records_owner_unknown] "phong_xyz" is not a department`);
  });

  it('a folder with no record: records_store_missing in both languages, nothing served, nothing created', async () => {
    const store = join(temp, 'mistyped');
    const en = await run(['serve', '--rules', RULES, '--records', store, '--port', '0', '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(
      `[records_store_missing] No record here: ${join(store, 'records.sqlite')} does not exist.`,
    );
    const vi = await run(['serve', '--rules', RULES, '--records', store, '--port', '0']);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toContain('[records_store_missing] Không có sổ lưu ở đây');
    expect(existsSync(store)).toBe(false);
  });

  it('takes --keys only with --records', async () => {
    const out = await run(['serve', '--rules', RULES, '--keys', 'keys.yaml']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--keys needs --records');
  });
});

describe('lcz serve --records: a real server', () => {
  let ward = '';
  let child: ChildProcess;
  let stderr = '';
  let url = '';
  let store = '';

  beforeAll(async () => {
    store = join(temp, 'store');
    const reg = await run(['records', 'register', '--store', store, '--rules', RULES, '--year', '2024', AREAS]);
    expect(reg.code, reg.stderr).toBe(0);
    // The key and its entry as lcz records key makes them: the entry holds only the digest.
    const made = await run(['records', 'key', '--name', 'tan-phong', '--role', 'area', '--unit', 'Phường Tân Phong']);
    expect(made.code, made.stderr).toBe(0);
    const lines = made.stdout.trimEnd().split('\n');
    ward = (lines[1] ?? '').trim();
    expect(ward).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const entry = lines.slice(3).join('\n');
    expect(entry).toContain(`sha256: ${keyDigest(ward)}`);
    expect(entry).not.toContain(ward);
    const keys = join(temp, 'keys.yaml');
    await writeFile(keys, `format: 1\nkeys:\n${entry}\n`);
    child = spawn(
      process.execPath,
      [
        '--conditions=@lcz/source',
        '--import',
        'tsx',
        'packages/cli/src/bin.ts',
        'serve',
        '--rules',
        RULES,
        '--records',
        store,
        '--keys',
        keys,
        '--port',
        '0',
        '--log-level',
        'silent',
      ],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    url = await new Promise<string>((resolve, reject) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const found = /serving the criteria API at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (found?.[1] && stderr.includes('/v1/records')) resolve(found[1]);
      });
      child.once('exit', (code) => reject(new Error(`lcz serve exited with ${code}: ${stderr}`)));
    });
  });

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  const post = (path: string, body: unknown, key?: string) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });

  it('says it serves the record, with how many keys', () => {
    expect(stderr).toContain('served under /v1/records; writes need one of the 1 API key of --keys');
  });

  it('takes a ward’s own facts, refuses a department’s fact (403) and a missing key (401)', async () => {
    const ok = await post('/v1/records/years/2024/areas/TP-01/facts', { facts: { households: 158 } }, ward);
    expect([ok.status, await ok.json()]).toEqual([200, { written: 1, unchanged: 0 }]);
    const dept = await post('/v1/records/years/2024/areas/TP-01/facts', { facts: { defence_laws_obeyed: true } }, ward);
    expect([dept.status, dept.headers.get('content-type')?.split(';')[0]]).toEqual([403, 'application/problem+json']);
    expect(((await dept.json()) as { errors: { code: string }[] }).errors.map((e) => e.code)).toEqual([
      'records_forbidden_fact',
    ]);
    const none = await post('/v1/records/years/2024/areas/TP-01/facts', { facts: { households: 1 } });
    expect(none.status).toBe(401);
  });

  it('stops on SIGTERM, and the record holds exactly the one accepted write', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const record = await openRecordsStore(store);
    try {
      const facts = (await record.currentFacts(2024)).get('TP-01');
      expect([...(facts?.keys() ?? [])]).toEqual(['households']);
      expect([facts?.get('households')?.value, facts?.get('households')?.enteredBy]).toEqual([158, 'tan-phong']);
    } finally {
      await record.close();
    }
  });
});
