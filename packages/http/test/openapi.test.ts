/**
 * The OpenAPI document: valid OpenAPI 3.1 (checked by an independent validator), one operation per
 * route of the table, and the request schemas are exactly those the handlers check bodies with.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestSchemas, ROUTES } from '../src/api.js';
import { DEFAULT_LIMITS } from '../src/index.js';
import { call, RULESET_ID, start, type Running } from './helpers.js';

let server: Running;
// biome-ignore lint/suspicious/noExplicitAny: the served OpenAPI document, read path by path and each read asserted
let doc: any;

beforeAll(async () => {
  server = await start();
  doc = (await call(server.url, 'GET', '/v1/openapi.json')).body;
});

afterAll(async () => {
  await server?.close();
});

describe('GET /v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // The validator does catch mistakes: a response without its description is refused.
    const broken = structuredClone(doc);
    delete broken.paths['/v1/evaluate'].post.responses['200'].description;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('has one operation per route, with the problems each can answer', () => {
    const operations = Object.entries(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
      ([path, methods]) =>
        Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(operations.sort()).toEqual(
      ROUTES.map((r) => `${r.method} ${r.root ? '' : '/v1'}${r.path} ${r.operationId}`).sort(),
    );
    const evaluate = doc.paths['/v1/evaluate'].post;
    expect(Object.keys(evaluate.responses).sort()).toEqual([
      '200',
      '400',
      '403',
      '404',
      '413',
      '415',
      '422',
      '500',
      '503',
    ]);
    expect(evaluate.responses['422'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
  });

  it('documents request bodies with the zod schemas the handlers use', () => {
    for (const [name, schema] of Object.entries(requestSchemas(DEFAULT_LIMITS))) {
      const { $schema: _dialect, ...expected } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
      expect(doc.components.schemas[name], name).toEqual(expected);
    }
  });

  it('holds the engine result schema, with its $defs as components, and each served ruleset input schema', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const name = /#\/components\/schemas\/([^"]+)/.exec(ref)?.[1];
      expect(name, ref).toBeDefined();
      expect(doc.components.schemas[name ?? ''], ref).toBeDefined();
    }
    expect(doc.components.schemas.EvaluationResult.properties.decision).toEqual({
      $ref: '#/components/schemas/EvaluationResult_decision',
    });
    expect(
      doc.components.schemas[`Assessment.${RULESET_ID}.2020-2025`].properties.facts.properties.households,
    ).toBeDefined();
  });
});
