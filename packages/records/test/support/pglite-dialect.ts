/**
 * PGlite (the real PostgreSQL engine compiled to WebAssembly) as a Kysely PostgresDialect: a
 * one-connection "pool" over PGlite's query API. PGlite has a single session, so a connection is
 * lent to one user at a time (a transaction is never interleaved with another's statements).
 */
import type { PGlite } from '@electric-sql/pglite';
import { PostgresDialect } from 'kysely';

export function pgliteDialect(pg: PGlite): PostgresDialect {
  let queue: Promise<void> = Promise.resolve();
  const client = {
    async query(text: string, parameters: readonly unknown[]) {
      const result = await pg.query(text, [...parameters]);
      const command = (/^\s*(\w+)/.exec(text)?.[1] ?? 'SELECT').toUpperCase();
      return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
    },
    release() {},
  };
  const pool = {
    options: {},
    connect() {
      // Each borrower waits for the one before it to release the connection.
      let release!: () => void;
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const ready = queue.then(() => ({ ...client, release }));
      queue = queue.then(() => mine);
      return ready;
    },
    async end() {},
  };
  return new PostgresDialect({ pool: pool as never });
}
