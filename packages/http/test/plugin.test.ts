/**
 * The plugin inside someone else's app: mounted under a prefix, next to the app's own routes,
 * parsers and 404 handler, which it must leave alone; and serving two versions of a ruleset.
 */
import { readFile } from 'node:fs/promises';
import { loadRulesetOrThrow } from '@lcz/criteria-engine';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criteriaHttp } from '../src/index.js';
import { call, examples, nth, RULES_FILE, RULESET_ID, start } from './helpers.js';

let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  const text = await readFile(RULES_FILE, 'utf8');
  // Two versions of one file, each with its own effective period (the years of its version).
  const version = (v: string) => {
    const [from, to] = v.split('-');
    const dated = text
      .replace(/^version: .*$/m, `version: "${v}"`)
      .replace(/^effective: .*$/m, `effective: { from: "${from}-01-01", to: "${to}-12-31" }`);
    return loadRulesetOrThrow(dated, { file: `${v}.yaml` });
  };
  app = Fastify({ logger: false });
  // The host app's own things: a plain-text route, and its own 404.
  app.post('/echo', async (request) => ({ got: request.body }));
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ host: 'not found' }));
  await app.register(criteriaHttp, { prefix: '/api', rules: [version('2020-2025'), version('2026-2030')] });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
});

describe('mounted under /api in a host app', () => {
  it('serves its routes under the prefix, with links and OpenAPI paths that include it', async () => {
    const list = await call(url, 'GET', '/api/v1/rulesets');
    expect(list.status).toBe(200);
    expect(list.body.rulesets.map((r: { links: { schema: string } }) => r.links.schema)).toEqual([
      `/api/v1/rulesets/${RULESET_ID}/schema?version=2020-2025`,
      `/api/v1/rulesets/${RULESET_ID}/schema?version=2026-2030`,
    ]);
    expect((await call(url, 'GET', list.body.rulesets[1].links.schema)).status).toBe(200);
    const doc = (await call(url, 'GET', '/api/v1/openapi.json')).body;
    expect(Object.keys(doc.paths)).toContain('/api/v1/evaluate');
    expect(Object.keys(doc.paths)).toContain('/api/readyz');
    expect((await call(url, 'GET', '/api/readyz')).status).toBe(200);
  });

  it("leaves the app's parsers and 404 handler alone", async () => {
    const echo = await call(url, 'POST', '/echo', { body: 'hello', type: 'text/plain' });
    expect(echo.body).toEqual({ got: 'hello' });
    expect((await call(url, 'GET', '/elsewhere')).body).toEqual({ host: 'not found' });
    // …while its own 404s under /api/v1 are problems.
    const ours = await call(url, 'GET', '/api/v1/elsewhere');
    expect(ours.type).toBe('application/problem+json');
    expect(ours.body.errors[0].hint_en).toContain('/api/v1/openapi.json');
  });
});

describe('two versions of one ruleset', () => {
  it('evaluates with the version named, else the one in force on area.date, else asks which', async () => {
    const dated = nth(await examples(), 0).value as { area: Record<string, unknown> };
    expect(dated.area['date']).toBe('2024-10-10');
    // The date picks the version in force on it (2020-2025), as the CLI does.
    const byDate = await call(url, 'POST', '/api/v1/evaluate', { json: { assessment: dated } });
    expect(byDate.status).toBe(200);
    expect(byDate.body.ruleset.version).toBe('2020-2025');
    const later = { ...dated, area: { ...dated.area, date: '2027-03-01' } };
    const laterAnswer = await call(url, 'POST', '/api/v1/evaluate', { json: { assessment: later } });
    expect(laterAnswer.body.ruleset.version).toBe('2026-2030');
    // A version named is the one used; a date outside its period is then the assessment's error.
    const named = await call(url, 'POST', '/api/v1/evaluate', { json: { version: '2026-2030', assessment: later } });
    expect(named.status).toBe(200);
    expect(named.body.ruleset.version).toBe('2026-2030');
    const outside = await call(url, 'POST', '/api/v1/evaluate', { json: { version: '2020-2025', assessment: later } });
    expect(outside.status).toBe(422);
    expect(outside.body.errors).toMatchObject([
      { pointer: '/assessment/area/date', code: 'input_date_outside_period' },
    ]);
    // No date (or one that is not YYYY-MM-DD): the request must name the version.
    const { date: _, ...undatedArea } = dated.area;
    for (const area of [undatedArea, { ...dated.area, date: '10/10/2024' }]) {
      const vague = await call(url, 'POST', '/api/v1/evaluate', { json: { assessment: { ...dated, area } } });
      expect(vague.status).toBe(422);
      expect(vague.body.errors).toMatchObject([{ pointer: '/version', code: 'ruleset_version_or_date_required' }]);
      expect(vague.body.errors[0].hint_en).toBe(
        'Add "version" with one of: "2020-2025" or "2026-2030"; or write the date of the assessment (area.date, YYYY-MM-DD), and the version in force on that day is used.',
      );
      expect(vague.body.errors[0].hint_vi).toContain('area.date');
    }
    // A date no version is in force on is located at it, each version with its period.
    const early = { ...dated, area: { ...dated.area, date: '2019-05-01' } };
    const batch = await call(url, 'POST', '/api/v1/evaluate/batch', { json: { assessments: [dated, early] } });
    expect(batch.status).toBe(422);
    expect(batch.body.errors).toMatchObject([
      { pointer: '/assessments/1/area/date', code: 'ruleset_version_not_in_force' },
    ]);
    expect(batch.body.errors[0].message_en).toBe(
      `Ruleset "${RULESET_ID}" has no version in force on the date of the assessment, 2019-05-01.`,
    );
    expect(batch.body.errors[0].hint_en).toContain('"2020-2025 (2020-01-01 – 2025-12-31)"');
    expect(batch.body.errors[0].hint_vi).toContain('"2026-2030 (2026-01-01 – 2030-12-31)"');
    const schema = await call(url, 'GET', `/api/v1/rulesets/${RULESET_ID}/schema`);
    expect(schema.body.errors).toMatchObject([{ parameter: 'version', code: 'ruleset_version_required' }]);
    expect(schema.body.errors[0].hint_en).toBe('Add "version" with one of: "2020-2025" or "2026-2030".');
  });
});

describe('bodies that are not UTF-8', () => {
  it('answer 400 located at the first bad byte, in both languages; UTF-16 is named', async () => {
    const { url, close } = await start();
    try {
      const body = Buffer.concat([
        Buffer.from('{\n  "assessment": { "area": { "name": "'),
        Buffer.from('Thôn Hòa', 'latin1'),
        Buffer.from('" } }\n}'),
      ]);
      const bad = await call(url, 'POST', '/v1/evaluate', { body: new Blob([body]), type: 'application/json' });
      expect(bad.status).toBe(400);
      expect(
        bad.body.errors.map((e: { code: string; line: number; column: number }) => [e.code, e.line, e.column]),
      ).toEqual([['body_not_utf8', 2, 40]]);
      expect(bad.body.errors[0].message_vi).toContain('UTF-8');
      const utf16 = Buffer.from('\uFEFF{"assessment": {}}', 'utf16le');
      const named = await call(url, 'POST', '/v1/evaluate', { body: new Blob([utf16]), type: 'application/json' });
      expect(named.status).toBe(400);
      expect(named.body.errors[0].message_en).toContain('UTF-16LE');
    } finally {
      await close();
    }
  });
});
