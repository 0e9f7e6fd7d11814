/**
 * Fuzz: HTTP bodies. Random and hostile bodies (any JSON, reserved keys, repeated keys, bytes
 * that are not UTF-8, huge numbers, deep nesting, rule texts) to every POST endpoint, with and
 * without a matching Content-Type. The service never answers 500, every problem is problem+json
 * in both languages without a stack trace, and no built-in prototype changes.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzParameters, guarded } from '../../../../test-support/fuzz.js';
import { createServer, PROBLEM_MEDIA_TYPE } from '../../src/index.js';
import { RULES_DIR, RULESET_ID } from '../helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await createServer({ rules: RULES_DIR, logger: false, limits: { rulesCheckMs: 2000 } });
  // Start the rules worker before timing anything: its start-up (seconds under tsx) is no input's.
  await app.inject({ method: 'POST', url: '/v1/rules/validate', payload: { rules: 'a: 1' } });
});
afterAll(() => app.close());

const PATHS = ['/v1/evaluate', '/v1/evaluate/batch', '/v1/explain', '/v1/rules/validate'];
const key = fc.oneof(
  fc.constantFrom('ruleset', 'assessment', 'assessments', 'rules', 'facts', 'context', 'households', 'lang', 'full'),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '\\u005f_proto__'),
  fc.string({ maxLength: 8 }),
);
const leaf = fc.oneof(
  fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v)),
  fc.constantFrom(
    `"${RULESET_ID}"`,
    '99999999999999999999',
    '1e400',
    '-0',
    '"\\u202E"',
    '"\\ud800"',
    'true',
    '{}',
    '[]',
  ),
);
/** JSON text built by hand, so repeated and escaped keys reach the server as written. */
const jsonText = fc.letrec<{ v: string }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc
      .array(fc.tuple(key, tie('v')), { maxLength: 5 })
      .map((kv) => `{${kv.map(([k, v]) => `${JSON.stringify(k).replace('\\\\u005f', '\\u005f')}: ${v}`).join(', ')}}`),
    fc.array(tie('v'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
  ),
})).v;
const shaped = fc
  .tuple(jsonText, jsonText)
  .map(([facts, context]) => `{"ruleset": "${RULESET_ID}", "assessment": {"context": ${context}, "facts": ${facts}}}`);
const body = fc.oneof(
  jsonText.map((t) => Buffer.from(t)),
  shaped.map((t) => Buffer.from(t)),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
  fc.constant(Buffer.from('['.repeat(5000))),
  fc.string({ maxLength: 200 }).map((rules) => Buffer.from(JSON.stringify({ rules }))),
);
const contentType = fc.constantFrom('application/json', 'application/yaml', 'text/plain', undefined);

describe('fuzz: HTTP bodies', () => {
  it('never 500, problems as problem+json in both languages, no prototype change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), body, contentType, async (url, payload, type) => {
        await guarded('http.bodies', async () => {
          const answer = await app.inject({
            method: 'POST',
            url,
            payload,
            headers: type === undefined ? {} : { 'content-type': type },
          });
          expect(answer.statusCode, answer.body.slice(0, 300)).not.toBe(500);
          expect(answer.statusCode).toBeLessThan(600);
          expect(answer.body).not.toMatch(/\n\s+at [^\n]+:\d+:\d+/);
          if (answer.statusCode >= 400) {
            expect(answer.headers['content-type']).toContain(PROBLEM_MEDIA_TYPE);
            const problem = JSON.parse(answer.body);
            expect(problem.errors.length).toBeGreaterThan(0);
            for (const e of problem.errors) {
              expect(typeof e.code).toBe('string');
              expect(e.message_vi.length).toBeGreaterThan(0);
              expect(e.message_en.length).toBeGreaterThan(0);
            }
          }
        });
      }),
      fuzzParameters('http.bodies'),
    );
  });
});
