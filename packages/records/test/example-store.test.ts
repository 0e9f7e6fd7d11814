/**
 * examples/records-2024/store is the record of the 2024 example year (written by
 * examples/records-2024/generate.ts). Its decisions carry the hash of the rules that made them, so
 * when rules/lai-chau-2020-2025 changes the example must be written again, or the report on it
 * (`lcz report --records`) says it was decided by other rules. This test says so first, with the
 * command that writes it again.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GENERIC_WORDS } from '@lcz/criteria-engine';
import { loadRulesetFile } from '@lcz/criteria-engine/node';
import { areaHistory, formatRecordsProblems, openRecordsStore, RecordsError } from '../src/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const REGENERATE = 'pnpm exec tsx --conditions=@lcz/source examples/records-2024/generate.ts';

describe('the example record (examples/records-2024/store)', () => {
  it('was decided by the current rules/lai-chau-2020-2025 (else run the generate script)', async () => {
    const rules = (await loadRulesetFile(join(ROOT, 'rules/lai-chau-2020-2025/ruleset.yaml'))).value;
    if (!rules) throw new Error('the bundled rules do not load');
    // A copy: even a read-only reader of a WAL database writes -wal and -shm files beside it.
    const dir = mkdtempSync(join(tmpdir(), 'lcz-example-store-'));
    copyFileSync(join(ROOT, 'examples/records-2024/store/records.sqlite'), join(dir, 'records.sqlite'));
    const db = new Database(join(dir, 'records.sqlite'), { readonly: true });
    try {
      const rows = db
        .prepare('SELECT DISTINCT ruleset_id AS id, ruleset_version AS version, ruleset_hash AS hash FROM evaluations')
        .all();
      expect(rows.length, 'the example record holds decisions').toBeGreaterThan(0);
      expect(rows, `the example record is stale: run ${REGENERATE}`).toEqual([
        { id: rules.id, version: rules.version, hash: rules.hash },
      ]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a record changed outside lcz', () => {
  it('a decision lcz never writes is a located records_store_damaged problem, in both languages, not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcz-damaged-store-'));
    try {
      copyFileSync(join(ROOT, 'examples/records-2024/store/records.sqlite'), join(dir, 'records.sqlite'));
      const db = new Database(join(dir, 'records.sqlite'));
      db.prepare("UPDATE evaluations SET decision = 'maybe' WHERE area_code = 'DK-02' AND year = 2024").run();
      db.close();
      const store = await openRecordsStore(dir);
      try {
        expect((await areaHistory(store, 'DK-03')).length).toBeGreaterThan(0);
        const failure = await areaHistory(store, 'DK-02').then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(failure).toBeInstanceOf(RecordsError);
        const problems = failure instanceof RecordsError ? failure.problems : [];
        expect(problems.map((p) => [p.code, p.file, p.params])).toEqual([
          ['records_store_damaged', '<record>', { value: 'maybe', area: 'DK-02', year: 2024 }],
        ]);
        expect(formatRecordsProblems(problems, 'en', GENERIC_WORDS)).toContain(
          "the decision 'maybe' for DK-02 in 2024, which lcz never writes",
        );
        expect(formatRecordsProblems(problems, 'vi', GENERIC_WORDS)).toContain("kết quả 'maybe' cho DK-02 năm 2024");
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
