/**
 * The backends every records test runs on: the embedded SQLite file always, PostgreSQL through
 * PGlite always, and a real PostgreSQL server when LCZ_PG_URL is set (each test then works in a
 * fresh schema of its own, dropped afterwards).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PostgresDialect } from 'kysely';
import pg from 'pg';
import { openRecordsStore, openRecordsStoreWith, type RecordsStore, type StoreOptions } from '../../src/index.js';
import { pgliteDialect } from './pglite-dialect.js';

export interface TestBackend {
  readonly name: string;
  open(options?: StoreOptions): Promise<{ store: RecordsStore; dispose(): Promise<void> }>;
}

let pglite: Promise<PGlite> | undefined;
let schemas = 0;

export const BACKENDS: TestBackend[] = [
  {
    name: 'sqlite',
    async open(options) {
      const dir = mkdtempSync(join(tmpdir(), 'lcz-records-'));
      const store = await openRecordsStore(dir, options);
      return {
        store,
        async dispose() {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'pglite',
    async open(options) {
      // Starting PGlite (initdb in WebAssembly) takes seconds: one instance per test file, and a
      // fresh schema per test.
      pglite ??= PGlite.create();
      const db = await pglite;
      const schema = `lcz_test_${++schemas}`;
      await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
      const store = await openRecordsStoreWith(pgliteDialect(db), 'postgres', 'pglite:memory', options);
      return {
        store,
        async dispose() {
          await store.close();
          await db.exec(`DROP SCHEMA ${schema} CASCADE; SET search_path TO public`);
        },
      };
    },
  },
];

const url = process.env['LCZ_PG_URL'];
if (url) {
  let n = 0;
  BACKENDS.push({
    name: 'postgres',
    async open(options) {
      const schema = `lcz_test_${process.pid}_${++n}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
      const store = await openRecordsStoreWith(new PostgresDialect({ pool }), 'postgres', 'LCZ_PG_URL', options);
      return {
        store,
        async dispose() {
          await store.close();
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  });
}

/** A clock that ticks one second per call from a fixed instant, so stored times are predictable. */
export function fixedClock(start = '2024-10-01T08:00:00Z'): () => string {
  let t = Date.parse(start);
  return () => {
    const s = new Date(t).toISOString();
    t += 1000;
    return s;
  };
}
