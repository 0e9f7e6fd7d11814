/**
 * Where the record lives: a SQLite file in a folder the user names (the default, nothing to
 * start), or PostgreSQL when given a `postgres://` URL. Both go through Kysely; a program that
 * embeds the record may also hand over any Kysely dialect of either flavour (PGlite in tests).
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Dialect, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrations.js';
import type { RecordsDatabase } from './schema.js';

export type Flavour = 'sqlite' | 'postgres';

/** The file name of the embedded store inside the folder the user names. */
export const STORE_FILE = 'records.sqlite';

export interface Backend {
  readonly db: Kysely<RecordsDatabase>;
  readonly flavour: Flavour;
  /** The folder or URL (password removed) the store was opened from, for messages. */
  readonly location: string;
  /** The SQLite file, for backups; absent on PostgreSQL. */
  readonly file?: string;
  readonly sqlite?: Database.Database;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** A folder (created when missing) holding records.sqlite, or a path ending in .sqlite itself. */
export function storeFile(location: string): string {
  if (location.endsWith('.sqlite')) return location;
  return join(location, STORE_FILE);
}

export async function openBackend(location: string): Promise<Backend> {
  if (isPostgresUrl(location)) {
    const pool = new pg.Pool({ connectionString: location, max: 4 });
    return backendOf(new PostgresDialect({ pool }), 'postgres', location.replace(/\/\/[^@/]*@/, '//'));
  }
  const file = storeFile(location);
  if (!location.endsWith('.sqlite')) mkdirSync(location, { recursive: true });
  else if (!isFileOrMissing(file)) throw new Error(`${file} is not a file`);
  const sqlite = new Database(file);
  // WAL lets readers go on while one writer writes; a writer waits up to 30 s for another one
  // instead of failing; FULL sync makes a committed transaction survive a power cut too.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 30000');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  const backend = await backendOf(new SqliteDialect({ database: sqlite }), 'sqlite', location);
  return { ...backend, file, sqlite };
}

export async function backendOf(dialect: Dialect, flavour: Flavour, location: string): Promise<Backend> {
  const db = new Kysely<RecordsDatabase>({ dialect });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, flavour, location };
}

function isFileOrMissing(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return true;
  }
}

/** A fixed key for PostgreSQL's advisory lock: one writer at a time, as SQLite has. */
const WRITE_LOCK = 7_242_018;

/**
 * Runs `body` in one write transaction: all of it is stored, or none. SQLite's BEGIN IMMEDIATE
 * takes the write lock before the first read, so what the body reads cannot change under it
 * (a deferred transaction that read first could fail to upgrade, and busy_timeout would not
 * help); on PostgreSQL an advisory transaction lock gives the same one-writer-at-a-time order.
 */
export async function writeTransaction<T>(
  backend: Backend,
  body: (db: Kysely<RecordsDatabase>) => Promise<T>,
): Promise<T> {
  return backend.db.connection().execute(async (db) => {
    await sql.raw(backend.flavour === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN').execute(db);
    try {
      if (backend.flavour === 'postgres') await sql.raw(`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`).execute(db);
      const out = await body(db);
      await sql.raw('COMMIT').execute(db);
      return out;
    } catch (error) {
      await sql
        .raw('ROLLBACK')
        .execute(db)
        .catch(() => undefined);
      throw error;
    }
  });
}
