/**
 * Nothing lost, on the embedded store (these are properties of the SQLite file, tested across real
 * processes): two writers at once lose no write; a process killed in the middle of an import
 * leaves the store as it was; a backup taken while a writer writes is a consistent copy that
 * opens and verifies.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupStore, openRecordsStore } from '../src/index.js';

const CHILD = fileURLToPath(new URL('./support/writer-child.ts', import.meta.url));

function child(...args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', '--conditions=@lcz/source', CHILD, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exited(p: ChildProcess): Promise<{ code: number | null; signal: string | null; out: string; err: string }> {
  let out = '';
  let err = '';
  p.stdout?.on('data', (d) => {
    out += String(d);
  });
  p.stderr?.on('data', (d) => {
    err += String(d);
  });
  return new Promise((resolve) => p.on('exit', (code, signal) => resolve({ code, signal, out, err })));
}

function printed(p: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    p.stdout?.on('data', (d) => {
      out += String(d);
      if (out.includes(text)) resolve();
    });
    p.on('exit', () => reject(new Error(`exited before printing ${text}`)));
  });
}

async function prepare(dir: string, areas: number): Promise<void> {
  const store = await openRecordsStore(dir);
  const list = Array.from({ length: areas }, (_, i) => ({
    code: `A-${i + 1}`,
    name: `Area ${i + 1}`,
    unit: 'U',
    context: {},
  }));
  await store.putAreas(list, { by: 'setup' });
  await store.register(
    2024,
    list.map((a) => a.code),
    { by: 'setup' },
  );
  await store.close();
}

function count(dir: string, sql: string): number {
  const db = new Database(join(dir, 'records.sqlite'), { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('nothing lost (embedded store)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lcz-records-durable-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('two writers at once lose no write', async () => {
    await prepare(dir, 1);
    const [a, b] = await Promise.all([
      exited(child('append', dir, 'alpha', '60')),
      exited(child('append', dir, 'beta', '60')),
    ]);
    expect([a.code, a.err, b.code, b.err]).toEqual([0, '', 0, '']);
    expect(count(dir, 'select count(*) n from fact_values')).toBe(120);
    expect(count(dir, "select count(*) n from fact_values where entered_by = 'alpha'")).toBe(60);
    expect(count(dir, "select count(*) n from changes where kind = 'facts'")).toBe(120);
  });

  it('a process killed in the middle of an import leaves the store as it was', async () => {
    await prepare(dir, 40);
    const before = count(dir, 'select count(*) n from fact_values');
    const importer = child('hang', dir, '40');
    const done = exited(importer);
    await printed(importer, 'mid');
    // The first area's rows are written inside the open transaction when the process dies.
    importer.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const store = await openRecordsStore(dir);
    expect((await store.currentFacts(2024)).size).toBe(0);
    await store.close();
    expect(count(dir, 'select count(*) n from fact_values')).toBe(before);
    expect(count(dir, "select count(*) n from changes where kind = 'facts'")).toBe(0);
    const db = new Database(join(dir, 'records.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('a backup taken while a writer writes restores and verifies', async () => {
    await prepare(dir, 1);
    const writer = child('append', dir, 'w', '300');
    const done = exited(writer);
    const store = await openRecordsStore(dir);
    const copies: string[] = [];
    // Wait for the writer to have started, then take backups while it goes on.
    while (count(dir, 'select count(*) n from fact_values') < 5) await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 3; i++) {
      const file = join(dir, `backup-${i}.sqlite`);
      await backupStore(store, file);
      copies.push(file);
    }
    await store.close();
    expect((await done).code).toBe(0);
    for (const file of copies) {
      // Restored: it opens as a store (migrations find it current) and every change set is whole.
      const restored = await openRecordsStore(file);
      const facts = (await restored.currentFacts(2024)).get('A-1')?.size ?? 0;
      await restored.close();
      const db = new Database(file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const changes = (db.prepare("select count(*) n from changes where kind = 'facts'").get() as { n: number }).n;
      const values = (db.prepare('select count(*) n from fact_values').get() as { n: number }).n;
      db.close();
      expect(values).toBe(changes);
      expect(facts).toBe(values);
      expect(values).toBeGreaterThan(0);
    }
    expect(count(dir, 'select count(*) n from fact_values')).toBe(300);
  });
});
