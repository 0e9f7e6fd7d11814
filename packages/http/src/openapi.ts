/**
 * The OpenAPI 3.1 document, built by walking the route table (api.ts): request bodies are the zod
 * schemas the handlers check with (z.toJSONSchema), answers are the schemas of response-schemas.ts
 * and the engine's result schema, and each served ruleset's assessment schema is a component.
 */
import { z } from 'zod';
import packageJson from '../package.json' with { type: 'json' };
import { requestSchemas, type RouteSpec } from './api.js';
import type { Limits } from './options.js';
import { PROBLEM_KINDS, PROBLEM_MEDIA_TYPE, type ProblemKind } from './problem.js';
import type { RulesetRegistry } from './registry.js';
import { engineComponents, jsonSchemaOf, RESPONSE_SCHEMAS, type JsonSchema } from './response-schemas.js';

/**
 * Problems any endpoint can answer with: wrong route handling aside, these come from the
 * transport, and a request that arrives while the server shuts down is 503 not-ready.
 */
const EVERY_ROUTE: readonly ProblemKind[] = ['internal-error', 'not-ready'];
/** A body may also wait for a body worker: 503 busy when too many wait (limits.queuedRequests). */
const WITH_BODY: readonly ProblemKind[] = [
  'malformed-json',
  'unsupported-media-type',
  'payload-too-large',
  'timeout',
  'busy',
];

export interface OpenApiOptions {
  readonly routes: readonly RouteSpec[];
  readonly registry: RulesetRegistry;
  readonly limits: Limits;
  /** Where the plugin is mounted ('' at the root). */
  readonly prefix: string;
  readonly allowInlineRules: boolean;
  readonly typeBase: string;
  /** More component schemas (the record's bodies and answers, when served). */
  readonly schemas?: Readonly<Record<string, JsonSchema>>;
}

export function buildOpenApi(options: OpenApiOptions): object {
  const { routes, registry, limits, prefix } = options;
  const schemas: Record<string, JsonSchema> = { ...RESPONSE_SCHEMAS, ...engineComponents(), ...options.schemas };
  for (const [name, schema] of Object.entries(requestSchemas(limits)))
    schemas[name] = withoutDialect(z.toJSONSchema(schema, { io: 'input' }));
  for (const ruleset of registry.list()) {
    schemas[assessmentComponent(ruleset.id, ruleset.version)] = {
      ...withoutDialect(registry.inputSchema(ruleset)),
      title: `Assessment for ${ruleset.id} ${ruleset.version}`,
    };
  }

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `${prefix}${route.root ? '' : '/v1'}${route.path}`;
    const problems = [...new Set([...route.problems, ...(route.body ? WITH_BODY : []), ...EVERY_ROUTE])];
    const responses: Record<string, unknown> = {
      '200': {
        description: route.ok.description,
        content: { [route.ok.media]: { schema: { $ref: `#/components/schemas/${route.ok.schema}` } } },
      },
    };
    for (const status of [...new Set(problems.map((k) => PROBLEM_KINDS[k].status))].sort()) {
      const kinds = problems.filter((k) => PROBLEM_KINDS[k].status === status);
      responses[String(status)] = {
        description: `Problem: ${kinds.map((k) => `${options.typeBase}${k}`).join(', ')}`,
        content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    paths[path] = {
      ...paths[path],
      [route.method.toLowerCase()]: {
        operationId: route.operationId,
        tags: [route.tag],
        summary: route.summary,
        description: route.description,
        ...(route.parameters.length > 0
          ? {
              parameters: route.parameters.map((p) => ({
                name: p.name,
                in: p.in,
                required: p.required,
                description: p.description,
                schema: { type: 'string' },
              })),
            }
          : {}),
        ...(route.security === 'required' ? { security: [{ apiKey: [] }] } : {}),
        ...(route.security === 'optional' ? { security: [{}, { apiKey: [] }] } : {}),
        ...(route.body
          ? { requestBody: { required: true, description: route.body.description, content: route.body.content } }
          : {}),
        responses,
      },
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: '@lcz/criteria-http',
      version: packageJson.version,
      summary: 'Evaluate assessments against recognition criteria kept as data (rules-as-data).',
      description:
        'Rulesets and their input schemas, evaluation (one or a batch), explanations in Vietnamese and English, and validation ' +
        `of rule files. Errors are RFC 9457 problems listing every problem. Limits: body ${limits.bodyBytes} bytes, batch ` +
        `${limits.batchLength} assessments, ${limits.handlerTimeoutMs} ms per request. Evaluating rules sent in a request is ` +
        `${options.allowInlineRules ? 'allowed' : 'turned off'} on this server. Served rulesets: ` +
        (registry
          .list()
          .map((r) => `${r.id} ${r.version} (component ${assessmentComponent(r.id, r.version)})`)
          .join(', ') || 'none') +
        '.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    tags: [
      { name: 'rulesets', description: 'What the server holds' },
      { name: 'evaluation', description: 'Evaluate and explain assessments' },
      { name: 'rules', description: 'Check rule files' },
      { name: 'operations', description: 'Health, readiness, this document' },
      ...(routes.some((r) => r.tag === 'records')
        ? [
            {
              name: 'records',
              description: 'The record of the yearly cycle: summaries for all, writes by API key and role',
            },
          ]
        : []),
    ],
    paths,
    components: {
      schemas,
      ...(routes.some((r) => r.security !== undefined)
        ? {
            securitySchemes: {
              apiKey: {
                type: 'http',
                scheme: 'bearer',
                description:
                  "An API key from the operator's key file (lcz serve --keys), bound to a role: area (a reporting unit, " +
                  "the rule file's words.grouped_by: its own assessed units), department (its own facts), board (decisions) or reader (summaries).",
              },
            },
          }
        : {}),
    },
  };
}

/** Component names allow letters, digits, `.`, `-` and `_` only. */
function assessmentComponent(id: string, version: string): string {
  return `Assessment.${id}.${version}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

function withoutDialect(schema: object): JsonSchema {
  const { $schema: _dialect, ...rest } = jsonSchemaOf(schema);
  return rest;
}
