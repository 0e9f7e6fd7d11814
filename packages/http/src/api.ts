/**
 * The API as data: one entry per endpoint with its path, parameters, accepted bodies, answers and
 * handler. The Fastify routes (plugin.ts) and the OpenAPI document (openapi.ts) are both built by
 * walking this table, so what is served and what is documented are the same thing.
 */
import type { z } from 'zod';
import type { HandlerContext, HandlerInput, Outcome } from './handlers/context.js';
import { decideOne, evaluateBatch, evaluateOne, explain } from './handlers/evaluate.js';
import { health, readiness } from './handlers/health.js';
import { getInputSchema, getRuleset, listRulesets, SCHEMA_TYPE } from './handlers/rulesets.js';
import { validateRules } from './handlers/validate-rules.js';
import type { Limits } from './options.js';
import type { ProblemKind } from './problem.js';
import { batchBody, evaluateBody, explainBody, validateRulesJsonBody } from './request-schemas.js';
import type { JsonSchema } from './response-schemas.js';

export const JSON_MEDIA = ['application/json'] as const;
export const YAML_MEDIA = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'] as const;

export interface ParameterSpec {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required: boolean;
  readonly description: string;
}

export interface BodySpec {
  /** Media type → JSON Schema of the body (a component name, or an inline schema). */
  readonly content: Readonly<Record<string, { readonly schema: JsonSchema }>>;
  readonly description: string;
}

export interface RouteSpec {
  readonly method: 'GET' | 'POST';
  /** OpenAPI-style path under the versioned base (`/v1`), or under the mount point when `root`. */
  readonly path: string;
  readonly root?: boolean;
  readonly operationId: string;
  readonly tag: 'rulesets' | 'evaluation' | 'rules' | 'operations' | 'records';
  /** An API key (Authorization: Bearer): `required`, or `optional` (answers depend on it). */
  readonly security?: 'required' | 'optional';
  readonly summary: string;
  readonly description: string;
  readonly parameters: readonly ParameterSpec[];
  readonly body?: BodySpec;
  /** The success answer: media type and component name of its schema. */
  readonly ok: { readonly media: string; readonly schema: string; readonly description: string };
  /** Problems this endpoint can answer with besides those every endpoint can (see openapi.ts). */
  readonly problems: readonly ProblemKind[];
  readonly handle: (ctx: HandlerContext, input: HandlerInput) => Outcome | Promise<Outcome>;
  /**
   * Answered in a body worker (body-work/), body bytes in, answer bytes out: the routes whose
   * body is read, checked and evaluated, the work that grows with the body. Their handlers use
   * only what a worker has (rulesets, limits; no record store, no rules checker).
   */
  readonly worker?: true;
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });

const idParameter: ParameterSpec = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'Ruleset id, as GET /v1/rulesets lists them.',
};
const versionParameter: ParameterSpec = {
  name: 'version',
  in: 'query',
  required: false,
  description: 'Ruleset version; needed only when several versions of the id are loaded.',
};
const RULESET_CHOICE_PROBLEMS: readonly ProblemKind[] = ['invalid-request', 'unknown-ruleset', 'inline-rules-disabled'];

/** Request body schemas by component name: the zod schemas the handlers check bodies with. */
export function requestSchemas(limits: Limits): Record<string, z.ZodType> {
  return {
    EvaluateRequest: evaluateBody,
    BatchRequest: batchBody(limits),
    ExplainRequest: explainBody,
    ValidateRulesRequest: validateRulesJsonBody,
  };
}

export const ROUTES: readonly RouteSpec[] = [
  {
    method: 'GET',
    path: '/rulesets',
    operationId: 'listRulesets',
    tag: 'rulesets',
    summary: 'List the rulesets and their versions',
    description: 'Every ruleset the server holds: id, version, hash, title, effective period, counts and links.',
    parameters: [],
    ok: { media: 'application/json', schema: 'RulesetList', description: 'The rulesets, by id then version.' },
    problems: ['invalid-request'],
    handle: listRulesets,
  },
  {
    method: 'GET',
    path: '/rulesets/{id}',
    operationId: 'getRuleset',
    tag: 'rulesets',
    summary: 'Describe one ruleset',
    description:
      'The summary plus context attributes, facts (labels, units, bounds), standards, criteria and disqualifiers.',
    parameters: [idParameter, versionParameter],
    ok: { media: 'application/json', schema: 'RulesetDetail', description: 'The ruleset.' },
    problems: ['invalid-request', 'unknown-ruleset'],
    handle: getRuleset,
  },
  {
    method: 'GET',
    path: '/rulesets/{id}/schema',
    operationId: 'getInputSchema',
    tag: 'rulesets',
    summary: "A ruleset's input JSON Schema",
    description:
      'The JSON Schema (2020-12) of an assessment for this ruleset, generated from its declared facts and context: the schema ' +
      'the engine validates with, so clients can build and check forms.',
    parameters: [idParameter, versionParameter],
    ok: { media: SCHEMA_TYPE, schema: 'InputSchema', description: 'The JSON Schema.' },
    problems: ['invalid-request', 'unknown-ruleset'],
    handle: getInputSchema,
  },
  {
    method: 'POST',
    path: '/evaluate',
    operationId: 'evaluate',
    tag: 'evaluation',
    summary: 'Evaluate one assessment',
    description:
      'Checks the assessment against the ruleset (every problem at once, 422) and evaluates it: the full result with each ' +
      'standard, criterion, disqualifier, the facts still needed and the reasons.',
    parameters: [],
    body: {
      content: json('EvaluateRequest'),
      description: 'The ruleset (or inline rules, when allowed) and the assessment.',
    },
    ok: {
      media: 'application/json',
      schema: 'EvaluationResult',
      description: 'The evaluation result (schemas/result.schema.json).',
    },
    problems: RULESET_CHOICE_PROBLEMS,
    handle: evaluateOne,
    worker: true,
  },
  {
    method: 'POST',
    path: '/decide',
    operationId: 'decide',
    tag: 'evaluation',
    summary: 'Decide one assessment, fast: the decision and the level',
    description:
      "The same checks as POST /v1/evaluate, then the engine's fast path (decide): the decision, how many criteria " +
      'each standard passed and, for a scheme with levels, the level reached for certain and the highest still possible. ' +
      'No trace and no reasons: ask /v1/evaluate or /v1/explain for those.',
    parameters: [],
    body: {
      content: json('EvaluateRequest'),
      description: 'The ruleset (or inline rules, when allowed) and the assessment.',
    },
    ok: { media: 'application/json', schema: 'DecisionSummary', description: 'The decision (and level).' },
    problems: RULESET_CHOICE_PROBLEMS,
    handle: decideOne,
    worker: true,
  },
  {
    method: 'POST',
    path: '/evaluate/batch',
    operationId: 'evaluateBatch',
    tag: 'evaluation',
    summary: 'Evaluate several assessments',
    description:
      'All assessments are checked first; if any has a problem, nothing is evaluated and every problem of every assessment ' +
      'is listed (pointers /assessments/<index>/…). The length is bounded (limits.batchLength).',
    parameters: [],
    body: { content: json('BatchRequest'), description: 'The ruleset (or inline rules) and the assessments.' },
    ok: { media: 'application/json', schema: 'BatchResults', description: 'One result per assessment, in order.' },
    problems: [...RULESET_CHOICE_PROBLEMS, 'timeout'],
    handle: evaluateBatch,
    worker: true,
  },
  {
    method: 'POST',
    path: '/explain',
    operationId: 'explain',
    tag: 'evaluation',
    summary: 'Evaluate and explain: the report and what it would take to be recognised',
    description:
      'Like POST /v1/evaluate, plus the report in Vietnamese or English (`lang`, else Accept-Language) and the gap analysis ' +
      '(gapAnalysis: per standard how many more criteria must pass and the fewest fact changes, disqualifiers to clear, ' +
      'missing facts, one checked plan), as JSON and in words.',
    parameters: [],
    body: { content: json('ExplainRequest'), description: 'The ruleset, the assessment and the language.' },
    ok: {
      media: 'application/json',
      schema: 'Explanation',
      description: 'The decision, the text, the full result and the gap analysis.',
    },
    problems: RULESET_CHOICE_PROBLEMS,
    handle: explain,
    worker: true,
  },
  {
    method: 'POST',
    path: '/rules/validate',
    operationId: 'validateRules',
    tag: 'rules',
    summary: 'Validate a rule file',
    description:
      'Parses, validates and compiles the rule file sent, and lists every diagnostic with its line and column, in Vietnamese ' +
      'and English. Nothing is evaluated or kept. A broken file is a successful validation: 200 with valid: false.',
    parameters: [
      {
        name: 'file',
        in: 'query',
        required: false,
        description: 'For a YAML body: the file name shown in diagnostics.',
      },
    ],
    body: {
      content: {
        ...Object.fromEntries(
          YAML_MEDIA.map((m) => [m, { schema: { type: 'string', description: 'The rule file (YAML).' } }]),
        ),
        ...json('ValidateRulesRequest'),
      },
      description: 'The rule file as YAML text, or JSON { rules, file? }.',
    },
    ok: {
      media: 'application/json',
      schema: 'ValidationReport',
      description: 'Whether the file is valid, and every diagnostic.',
    },
    // The check runs in a worker with a time limit (limits.rulesCheckMs) and a memory cap.
    // not-ready: the server closed while the text waited for its check.
    problems: ['invalid-request', 'timeout', 'payload-too-large', 'not-ready'],
    handle: validateRules,
  },
  {
    method: 'GET',
    path: '/openapi.json',
    operationId: 'openapi',
    tag: 'operations',
    summary: 'This API as an OpenAPI 3.1 document',
    description: 'Generated from the same schemas the handlers use.',
    parameters: [],
    ok: { media: 'application/json', schema: 'OpenApi', description: 'The OpenAPI document.' },
    problems: [],
    handle: (ctx) => ({ status: 200, body: ctx.openapi(), contentType: 'application/json' }),
  },
  {
    method: 'GET',
    path: '/healthz',
    root: true,
    operationId: 'health',
    tag: 'operations',
    summary: 'Liveness',
    description: 'The process answers.',
    parameters: [],
    ok: { media: 'application/json', schema: 'Health', description: 'Alive.' },
    problems: [],
    handle: health,
  },
  {
    method: 'GET',
    path: '/readyz',
    root: true,
    operationId: 'ready',
    tag: 'operations',
    summary: 'Readiness',
    description: 'Rules are loaded and the server can evaluate; 503 not-ready otherwise.',
    parameters: [],
    ok: { media: 'application/json', schema: 'Ready', description: 'Ready, with the rulesets loaded.' },
    problems: ['not-ready'],
    handle: readiness,
  },
];
