/**
 * The record over HTTP, on a real server on the loopback interface: summaries for everyone;
 * details and writes only with an API key, each role refused outside its scope with a bilingual
 * 403 problem+json, a missing or unknown key with 401, and after every refusal the store is
 * checked: nothing was written.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { loadRulesetFile } from '@lcz/criteria-engine/node';
import { keyDigest, parseApiKeys, type RecordsStore, registerAreas } from '@lcz/criteria-records';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The record's own test backends: SQLite, PGlite, and a real PostgreSQL server when LCZ_PG_URL is set.
import { BACKENDS } from '../../records/test/support/backends.js';
import { createServer } from '../src/index.js';
import { type Answer, call, RULES_FILE } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const AREAS_CSV = join(ROOT, 'examples/records-2024/parts/areas.csv');

/** Fresh random keys for each run: nothing here is a key anyone uses. */
const KEY = {
  ward: randomBytes(24).toString('hex'),
  education: randomBytes(24).toString('hex'),
  board: randomBytes(24).toString('hex'),
  reader: randomBytes(24).toString('hex'),
};
const KEY_FILE = `format: 1
keys:
  - name: tan-phong
    role: area
    unit: "Phường Tân Phong"
    sha256: ${keyDigest(KEY.ward)}
  - name: giao-duc
    role: department
    owner: phong_giao_duc_dao_tao
    sha256: ${keyDigest(KEY.education)}
  - name: hoi-dong
    role: board
    sha256: ${keyDigest(KEY.board)}
  - name: bao-chi
    role: reader
    sha256: ${keyDigest(KEY.reader)}
`;

let dispose: () => Promise<void>;
let store: RecordsStore;
let rules: CompiledRuleset;
let app: FastifyInstance;
let base: string;
/** The areas the register lists (all registered for 2024). */
let registered: number;

async function startOn(backend: (typeof BACKENDS)[number]): Promise<void> {
  const loaded = await loadRulesetFile(RULES_FILE);
  if (!loaded.value) throw new Error('the bundled rules do not load');
  rules = loaded.value;
  ({ store, dispose } = await backend.open());
  const reg = await registerAreas(store, rules, 2024, AREAS_CSV, { by: 'noi-vu' });
  expect(reg.problems).toEqual([]);
  registered = reg.registered;
  expect(registered).toBeGreaterThan(10);
  const keys = parseApiKeys(KEY_FILE, 'keys.yaml');
  expect(keys.problems).toEqual([]);
  app = await createServer({
    rules: [rules],
    logger: false,
    records: { store, ruleset: rules, keys: keys.value ?? [] },
  });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
}

async function stop(): Promise<void> {
  await app.close();
  await dispose();
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Every row of every table, counted: what "nothing was written" is checked against. */
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['changes', 'areas', 'registrations', 'fact_values', 'evaluations', 'board_decisions'] as const) {
    const rows = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .execute();
    out[table] = Number(rows[0]?.n ?? 0);
  }
  return out;
}

/** A refusal: status, problem+json, the codes of its entries, each worded in both languages. */
function expectRefused(answer: Answer, status: number, codes: readonly string[]): void {
  expect([answer.status, answer.type], answer.text).toEqual([status, 'application/problem+json']);
  expect(answer.body.status).toBe(status);
  expect(answer.body.errors.map((e: { code: string }) => e.code)).toEqual(codes);
  for (const e of answer.body.errors) {
    expect(e.message_vi.length).toBeGreaterThan(0);
    expect(e.message_en.length).toBeGreaterThan(0);
    expect(e.message_vi).not.toBe(e.message_en);
  }
}

/** Sends a write that must be refused, and checks the store is as it was. */
async function refusedWrite(
  path: string,
  json: unknown,
  headers: Record<string, string>,
  status: number,
  codes: readonly string[],
): Promise<Answer> {
  const before = await counts();
  const answer = await call(base, 'POST', path, { json, headers });
  expectRefused(answer, status, codes);
  expect(await counts()).toEqual(before);
  return answer;
}

const FACTS = '/v1/records/years/2024/areas/TP-01/facts';
const OTHER_WARD = '/v1/records/years/2024/areas/DK-01/facts';
const BOARD = '/v1/records/years/2024/board-decisions';
const REGISTER = '/v1/records/years/2024/registrations';

describe.each(BACKENDS)('the record over HTTP, on $name', (backend) => {
  beforeAll(() => startOn(backend), 60_000);
  afterAll(() => stop());

  it('gives everyone the summaries, with no key', async () => {
    const summary = await call(base, 'GET', '/v1/records');
    expect(summary.status).toBe(200);
    const year = summary.body.years.find((y: { year: number }) => y.year === 2024);
    expect(year).toMatchObject({ year: 2024, registered, decided: 0, recognised: 0 });
    const areas = await call(base, 'GET', '/v1/records/years/2024');
    expect(areas.body.areas.find((a: { code: string }) => a.code === 'TP-01')).toMatchObject({
      unit: 'Phường Tân Phong',
      registered: true,
      decision: null,
    });
    // A summary holds no fact values and no one's name.
    expect(areas.text).not.toContain('households');
  });

  it('refuses a write without a key, or with an unknown one (401), and writes nothing', async () => {
    await refusedWrite(FACTS, { facts: { households: 150 } }, {}, 401, ['records_key_missing']);
    await refusedWrite(FACTS, { facts: { households: 150 } }, bearer('not-a-key'), 401, ['records_key_unknown']);
    await refusedWrite(FACTS, { facts: { households: 150 } }, { authorization: KEY.ward }, 401, [
      'records_key_unknown',
    ]);
    const details = await call(base, 'GET', '/v1/records/areas/TP-01');
    expectRefused(details, 401, ['records_key_missing']);
  });

  it('lets a ward write its own areas’ own facts, with who wrote them', async () => {
    const answer = await call(base, 'POST', FACTS, { json: { facts: { households: 160 } }, headers: bearer(KEY.ward) });
    expect([answer.status, answer.body]).toEqual([200, { written: 1, unchanged: 0 }]);
    const stored = (await store.currentFacts(2024)).get('TP-01')?.get('households');
    expect([stored?.value, stored?.owner, stored?.enteredBy]).toEqual([160, null, 'tan-phong']);
    const facts = await call(base, 'GET', '/v1/records/years/2024/areas/TP-01/facts', { headers: bearer(KEY.ward) });
    expect(facts.body.facts).toEqual([
      expect.objectContaining({ fact: 'households', value: 160, entered_by: 'tan-phong' }),
    ]);
  });

  it('refuses a ward another ward’s area, and a department’s facts (403), writing nothing', async () => {
    const other = await refusedWrite(OTHER_WARD, { facts: { households: 10 } }, bearer(KEY.ward), 403, [
      'records_forbidden_area',
    ]);
    expect(other.body.errors[0].message_en).toContain('DK-01');
    const dept = await refusedWrite(FACTS, { facts: { households: 161, school_dropouts: 0 } }, bearer(KEY.ward), 403, [
      'records_forbidden_fact',
    ]);
    expect(dept.body.errors[0].pointer).toBe('/facts/school_dropouts');
    await refusedWrite(REGISTER, { areas: ['TP-01', 'DK-01'] }, bearer(KEY.ward), 403, ['records_forbidden_area']);
    const details = await call(base, 'GET', '/v1/records/areas/DK-01', { headers: bearer(KEY.ward) });
    expectRefused(details, 403, ['records_forbidden_area']);
  });

  it('lets a department write only its own facts, for any area', async () => {
    const ok = await call(base, 'POST', OTHER_WARD, {
      json: { facts: { school_dropouts: 0 } },
      headers: bearer(KEY.education),
    });
    expect([ok.status, ok.body]).toEqual([200, { written: 1, unchanged: 0 }]);
    expect((await store.currentFacts(2024)).get('DK-01')?.get('school_dropouts')?.owner).toBe('phong_giao_duc_dao_tao');
    const refused = await refusedWrite(
      OTHER_WARD,
      { facts: { school_dropouts: 1, defence_laws_obeyed: true, households: 5 } },
      bearer(KEY.education),
      403,
      ['records_forbidden_fact', 'records_forbidden_fact'],
    );
    expect(refused.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/facts/defence_laws_obeyed',
      '/facts/households',
    ]);
    await refusedWrite(REGISTER, { areas: ['TP-01'] }, bearer(KEY.education), 403, ['records_forbidden_role']);
  });

  it('lets only the board record decisions, and the board write no facts', async () => {
    const decision = { number: '12/QĐ-UBND', date: '2024-12-01', areas: [{ code: 'TP-01' }] };
    await refusedWrite(BOARD, decision, bearer(KEY.ward), 403, ['records_forbidden_role']);
    await refusedWrite(BOARD, decision, bearer(KEY.education), 403, ['records_forbidden_role']);
    await refusedWrite(BOARD, decision, bearer(KEY.reader), 403, ['records_forbidden_role']);
    await refusedWrite(BOARD, decision, {}, 401, ['records_key_missing']);
    await refusedWrite(FACTS, { facts: { households: 1 } }, bearer(KEY.board), 403, ['records_forbidden_role']);
    // The board's own write still follows the record's rules: no engine result yet, 422.
    await refusedWrite(BOARD, decision, bearer(KEY.board), 422, ['records_not_evaluated']);
    await store.storeEvaluations(
      2024,
      [
        {
          area: 'TP-01',
          decision: 'recognised',
          ruleset: { id: rules.id, version: rules.version, hash: rules.hash },
          assessedOn: '2024-10-15',
          assessment: { context: {}, facts: {} },
          summary: { standards: [], failed: [], missing: [] },
        },
      ],
      { by: 'test' },
    );
    const saved = await call(base, 'POST', BOARD, { json: decision, headers: bearer(KEY.board) });
    expect([saved.status, saved.body.number, saved.body.recordedBy, saved.body.areas.length]).toEqual([
      200,
      '12/QĐ-UBND',
      'hoi-dong',
      1,
    ]);
    const summary = await call(base, 'GET', '/v1/records');
    expect(summary.body.years[0].board_decisions).toEqual([{ number: '12/QĐ-UBND', date: '2024-12-01', areas: 1 }]);
  });

  it('lets a reader read summaries only', async () => {
    expect((await call(base, 'GET', '/v1/records', { headers: bearer(KEY.reader) })).status).toBe(200);
    const details = await call(base, 'GET', '/v1/records/areas/TP-01', { headers: bearer(KEY.reader) });
    expectRefused(details, 403, ['records_forbidden_role']);
    await refusedWrite(FACTS, { facts: { households: 1 } }, bearer(KEY.reader), 403, ['records_forbidden_role']);
  });

  it('answers a refusal in the language asked, both languages in each entry', async () => {
    const en = await call(base, 'POST', OTHER_WARD, {
      json: { facts: { households: 1 } },
      headers: { ...bearer(KEY.ward), 'accept-language': 'en' },
    });
    expect(en.body.title).toBe('Not allowed for this API key');
    expect(en.body.detail).toContain('area DK-01 belongs to Phường Đoàn Kết');
    const vi = await call(base, 'POST', OTHER_WARD, { json: { facts: { households: 1 } }, headers: bearer(KEY.ward) });
    expect(vi.body.title).toBe('Khoá API này không được phép');
    expect(vi.body.errors[0].hint_vi).toContain('Không có gì được ghi');
  });

  it('checks the values against the rules, every problem at once, located (422)', async () => {
    const answer = await refusedWrite(
      FACTS,
      { facts: { households: 'many', no_such_fact: 1 } },
      bearer(KEY.ward),
      422,
      ['records_fact_unknown', expect.any(String) as unknown as string],
    );
    expect(answer.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/facts/households',
      '/facts/no_such_fact',
    ]);
    // A correction of one's own value needs a reason; another part's value is a conflict.
    await refusedWrite(FACTS, { facts: { households: 170 } }, bearer(KEY.ward), 422, [
      'records_correction_needs_reason',
    ]);
    const fixed = await call(base, 'POST', FACTS, {
      json: { facts: { households: 170 }, reason: 'recount' },
      headers: bearer(KEY.ward),
    });
    expect(fixed.body).toEqual({ written: 1, unchanged: 0 });
  });

  it('documents every records endpoint and the key in the OpenAPI document', async () => {
    const doc = (await call(base, 'GET', '/v1/openapi.json')).body;
    expect((await new Validator().validate(doc)).valid).toBe(true);
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/v1/records'))).toEqual([
      '/v1/records',
      '/v1/records/years/{year}',
      '/v1/records/areas/{code}',
      '/v1/records/years/{year}/areas/{code}/facts',
      '/v1/records/years/{year}/registrations',
      '/v1/records/years/{year}/board-decisions',
    ]);
    const write = doc.paths['/v1/records/years/{year}/areas/{code}/facts'].post;
    expect(write.security).toEqual([{ apiKey: [] }]);
    expect(Object.keys(write.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '422']));
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
