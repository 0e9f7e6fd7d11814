/**
 * A consistent copy of the embedded store while writers go on: SQLite's online backup API
 * (better-sqlite3's .backup()) copies pages and restarts when a writer changes one it has
 * copied, so the copy is the database as of one committed transaction. The copy is written
 * beside the target and renamed into place, so a half-written backup never has the target's name.
 */
import { rename, rm } from 'node:fs/promises';
import { trackTemporary } from '@lcz/criteria-engine/node';
import Database from 'better-sqlite3';
import { problem, RecordsError } from './problems.js';
import type { RecordsStore } from './store.js';

export async function backupStore(store: RecordsStore, target: string): Promise<{ pages: number; file: string }> {
  const sqlite = store.backend.sqlite;
  if (!sqlite) throw new RecordsError([problem('records_backup_unsupported', { file: store.backend.location })]);
  const partial = `${target}.partial-${process.pid}`;
  // Removed by a stop signal too (lcz's stop-signals.ts), not only by the finally below.
  const untrack = trackTemporary(partial);
  try {
    const { totalPages } = await sqlite.backup(partial);
    // The copy is checked before it takes the target's name.
    const copy = new Database(partial, { readonly: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`backup integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    await rename(partial, target);
    return { pages: totalPages, file: target };
  } finally {
    await rm(partial, { force: true });
    untrack();
  }
}
