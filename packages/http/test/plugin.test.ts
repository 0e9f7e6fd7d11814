/**
 * The plugin inside someone else's app: mounted under a prefix, next to the app's own routes,
 * parsers and 404 handler, which it must leave alone; and serving two versions of a ruleset.
 */
import { readFile } from 'node:fs/promises';
import { loadRulesetOrThrow } from '@lcz/criteria-engine';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criteriaHttp } from '../src/index.js';
import { call, examples, nth, RULES_FILE, RULESET_ID } from './helpers.js';

let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  const text = await readFile(RULES_FILE, 'utf8');
  const version = (v: string) =>
    loadRulesetOrThrow(text.replace(/^version: .*$/m, `version: "${v}"`), { file: `${v}.yaml` });
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
  it('asks which version when none is named, and evaluates with the one named', async () => {
    const assessment = nth(await examples(), 0).value;
    const vague = await call(url, 'POST', '/api/v1/evaluate', { json: { assessment } });
    expect(vague.status).toBe(422);
    expect(vague.body.errors).toMatchObject([{ pointer: '/version', code: 'ruleset_version_required' }]);
    expect(vague.body.errors[0].hint_en).toBe('Add "version" with one of: "2020-2025" or "2026-2030".');
    const named = await call(url, 'POST', '/api/v1/evaluate', { json: { version: '2026-2030', assessment } });
    expect(named.status).toBe(200);
    expect(named.body.ruleset.version).toBe('2026-2030');
    const schema = await call(url, 'GET', `/api/v1/rulesets/${RULESET_ID}/schema`);
    expect(schema.body.errors).toMatchObject([{ parameter: 'version', code: 'ruleset_version_required' }]);
  });
});
