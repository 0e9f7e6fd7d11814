/**
 * A record changed outside lcz (a decision lcz never writes) is the server's fault, not the
 * request's: every route that reads it answers 500 problem+json with the records_store_damaged
 * entry in both languages, not a bare internal error and not a 422. Real HTTP on loopback, a copy
 * of the example record (SQLite) damaged through the store's own database handle.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRulesetFile } from '@lcz/criteria-engine/node';
import { openRecordsStore, type RecordsStore } from '@lcz/criteria-records';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index.js';
import { RULES_FILE } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let dir = '';
let store: RecordsStore;
let app: FastifyInstance;
let base = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lcz-http-damaged-'));
  copyFileSync(join(ROOT, 'examples/records-2024/store/records.sqlite'), join(dir, 'records.sqlite'));
  const rules = (await loadRulesetFile(RULES_FILE)).value;
  if (!rules) throw new Error('the bundled rules do not load');
  store = await openRecordsStore(dir);
  // Another hand on the database: a decision lcz never writes.
  await store.db
    .updateTable('evaluations')
    .set({ decision: 'maybe' })
    .where('area_code', '=', 'DK-02')
    .where('year', '=', 2024)
    .execute();
  app = await createServer({ rules: [rules], logger: false, records: { store, ruleset: rules, keys: [] } });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('a record changed outside lcz, over HTTP', () => {
  it.each(['/v1/records', '/v1/records/years/2024'])(
    '%s: 500 with records_store_damaged, worded in both languages',
    async (path) => {
      const res = await fetch(base + path);
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as { errors: { code: string; message_vi: string; message_en: string }[] };
      expect(body.errors.map((e) => e.code)).toEqual(['records_store_damaged']);
      expect(body.errors[0]?.message_en).toContain("the decision 'maybe' for DK-02 in 2024");
      expect(body.errors[0]?.message_vi).toContain("kết quả 'maybe' cho DK-02 năm 2024");
    },
  );

  it('the rest of the API still answers', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/v1/rulesets`)).status).toBe(200);
  });
});
