/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 takes them) of what the API answers, by component name.
 * The OpenAPI document is built from these and the tests check real answers against them. The
 * evaluation result and the gap analysis are the engine's own schemas/result.schema.json and
 * schemas/gap.schema.json, not copies.
 */
import gapSchema from '../../../schemas/gap.schema.json' with { type: 'json' };
import resultSchema from '../../../schemas/result.schema.json' with { type: 'json' };

export type JsonSchema = Readonly<Record<string, unknown>>;

/** A JSON Schema read from elsewhere (a JSON file, zod's conversion): an object, or a bug here. */
export function jsonSchemaOf(value: unknown): JsonSchema {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError('criteria-http: a JSON Schema must be an object');
  return Object.fromEntries(Object.entries(value));
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

const localized: JsonSchema = {
  type: 'object',
  required: ['vi', 'en'],
  properties: { vi: { type: 'string' }, en: { type: 'string' } },
  description: 'A text in Vietnamese (the authority) and English.',
};

const problemEntry: JsonSchema = {
  type: 'object',
  required: ['code', 'message_vi', 'message_en'],
  additionalProperties: false,
  description:
    'One problem: where it is (a JSON Pointer into the body, a parameter, or file/line/column in text sent), a stable code, ' +
    'and what is wrong and how to fix it in Vietnamese and English.',
  properties: {
    pointer: {
      type: 'string',
      description: 'JSON Pointer (RFC 6901) into the request body, e.g. /assessment/facts/total_items.',
    },
    parameter: { type: 'string', description: 'A path or query parameter.' },
    file: { type: 'string', description: 'For text sent in the request: the name it was given.' },
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
    path: { type: 'string', description: 'For rule files: where in the rule document.' },
    severity: { enum: ['error', 'warning', 'info'] },
    code: {
      type: 'string',
      description: 'An engine diagnostic code (docs/errors.md) or one of the API (docs/http.md).',
    },
    message_vi: { type: 'string' },
    message_en: { type: 'string' },
    hint_vi: { type: 'string' },
    hint_en: { type: 'string' },
  },
};

const problem: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'instance', 'errors'],
  additionalProperties: false,
  description: 'RFC 9457 problem details; `errors` lists every problem of the request.',
  properties: {
    type: { type: 'string', format: 'uri-reference' },
    title: { type: 'string', description: 'In the language of Accept-Language (Vietnamese by default).' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'The one problem with its fix, or how many there are.' },
    instance: { type: 'string', format: 'uri-reference' },
    errors: { type: 'array', minItems: 1, items: ref('ProblemEntry') },
  },
};

/** The summary's required fields and properties, which the detail extends. */
const SUMMARY_REQUIRED = ['id', 'version', 'hash', 'title', 'effective', 'counts'];
const summaryProperties: JsonSchema = {
  id: { type: 'string', pattern: '^[a-z0-9-]+$' },
  version: { type: 'string' },
  hash: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$', description: 'sha-256 of the rule file text.' },
  title: localized,
  effective: {
    description: 'The period the rules are in force, inclusive; null when the file does not say.',
    oneOf: [
      {
        type: 'object',
        required: ['from'],
        additionalProperties: false,
        properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } },
      },
      { type: 'null' },
    ],
  },
  counts: {
    type: 'object',
    required: ['standards', 'criteria', 'disqualifiers', 'facts'],
    additionalProperties: false,
    properties: {
      standards: { type: 'integer' },
      criteria: { type: 'integer' },
      disqualifiers: { type: 'integer' },
      facts: { type: 'integer' },
    },
  },
  links: {
    type: 'object',
    required: ['self', 'schema'],
    additionalProperties: false,
    description: 'Absent for a ruleset that is not served (an uploaded one).',
    properties: { self: { type: 'string' }, schema: { type: 'string' } },
  },
};

const rulesetSummary: JsonSchema = {
  type: 'object',
  required: SUMMARY_REQUIRED,
  additionalProperties: false,
  properties: summaryProperties,
};

const levelId: JsonSchema = {
  type: ['string', 'null'],
  description: "A level id (see the ruleset's `levels`), or null: no level.",
};

/** A level as GET /v1/rulesets/{id} describes it: results name levels by id, clients show the label. */
const levelInfo: JsonSchema = {
  type: 'object',
  required: ['id', 'label'],
  additionalProperties: false,
  properties: { id: { type: 'string' }, label: localized, note: localized },
};

const derivedInfo: JsonSchema = {
  type: 'object',
  required: ['id', 'label', 'expression', 'reads'],
  additionalProperties: false,
  description: 'A derived quantity (`derived:` in the rule file): a value computed exactly from facts.',
  properties: {
    id: { type: 'string' },
    label: localized,
    unit: localized,
    decimals: { type: 'integer', minimum: 0, description: 'How many decimals its value is shown with.' },
    expression: { type: 'string', description: 'How it is computed, e.g. income_total / population.' },
    if_zero: {
      description: "Its value when a divisor is 0: a number, or 'unknown'.",
      anyOf: [{ type: 'number' }, { const: 'unknown' }],
    },
    reads: { type: 'array', items: { type: 'string' }, description: 'The facts and context attributes it reads.' },
  },
};

const derivedValue: JsonSchema = {
  type: 'object',
  required: ['id', 'value'],
  additionalProperties: false,
  description:
    'The value of a derived quantity for this assessment, as decimal text with its shown decimals ("57.2"). ' +
    'Decisions compare the exact value, never this text.',
  properties: {
    id: { type: 'string' },
    value: { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' },
  },
};

const infoList = (what: string): JsonSchema => ({
  type: 'array',
  description: `${what} as the engine describes them (CompiledRuleset infos: ids, labels in vi/en, types, bounds, conditions).`,
  items: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
});

export const RESPONSE_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  ProblemEntry: problemEntry,
  Problem: problem,
  RulesetSummary: rulesetSummary,
  RulesetList: {
    type: 'object',
    required: ['rulesets'],
    additionalProperties: false,
    properties: { rulesets: { type: 'array', items: ref('RulesetSummary') } },
  },
  RulesetDetail: {
    ...rulesetSummary,
    required: [...SUMMARY_REQUIRED, 'context', 'facts', 'groups', 'disqualifiers', 'mandatory'],
    properties: {
      ...summaryProperties,
      source: { type: 'object', description: 'Where the rules come from (document, table), in vi and en.' },
      context: infoList('Context attributes'),
      facts: infoList('Facts'),
      groups: infoList('Standards, each with its criteria,'),
      disqualifiers: infoList('Disqualifying cases'),
      mandatory: { type: 'array', items: { type: 'string' }, description: 'Criteria that must pass.' },
      levels: {
        type: 'array',
        items: ref('LevelInfo'),
        description: 'The outcome levels, lowest first (empty for a scheme without levels).',
      },
      derived: {
        type: 'array',
        items: ref('DerivedInfo'),
        description: 'The derived quantities (empty when the rule file declares none).',
      },
    },
  },
  LevelInfo: levelInfo,
  DerivedInfo: derivedInfo,
  DerivedValue: derivedValue,
  DecisionSummary: {
    type: 'object',
    required: ['decision', 'ruleset', 'standards'],
    additionalProperties: false,
    description: "The engine's fast path (decide): the decision and, for a scheme with levels, the level.",
    properties: {
      decision: { enum: ['recognised', 'not_recognised', 'undetermined'] },
      ruleset: {
        type: 'object',
        required: ['id', 'version', 'hash'],
        additionalProperties: false,
        properties: { id: { type: 'string' }, version: { type: 'string' }, hash: { type: 'string' } },
      },
      standards: {
        type: 'array',
        description: 'Per standard, in ruleset order: how many criteria certainly pass.',
        items: {
          type: 'object',
          required: ['id', 'passed'],
          additionalProperties: false,
          properties: { id: { type: 'string' }, passed: { type: 'integer', minimum: 0 } },
        },
      },
      level: {
        type: 'object',
        required: ['reached', 'possible'],
        additionalProperties: false,
        description: 'Present for a scheme with levels: the level reached for certain and the highest still possible.',
        properties: { reached: levelId, possible: levelId },
      },
    },
  },
  InputSchema: {
    type: 'object',
    description:
      'A JSON Schema (2020-12) of an assessment for one ruleset: the schema the engine validates with. It checks structure, ' +
      'types and bounds; the server also checks part ≤ whole, required context and context rules.',
  },
  BatchResults: {
    type: 'object',
    required: ['results'],
    additionalProperties: false,
    properties: {
      results: { type: 'array', items: ref('EvaluationResult'), description: 'In the order of the assessments.' },
    },
  },
  Explanation: {
    type: 'object',
    required: ['decision', 'lang', 'text', 'result', 'gap', 'gap_text', 'derived'],
    additionalProperties: false,
    properties: {
      decision: { enum: ['recognised', 'not_recognised', 'undetermined'] },
      lang: { enum: ['vi', 'en'] },
      text: { type: 'string', description: 'The report `lcz evaluate` prints, without colour.' },
      result: ref('EvaluationResult'),
      gap: ref('GapReport'),
      gap_text: { type: 'string', description: 'The gap analysis in words, as `lcz explain` prints it.' },
      derived: {
        type: 'array',
        items: ref('DerivedValue'),
        description: 'The known values of the derived quantities, in declaration order (unknown ones left out).',
      },
    },
  },
  ValidationReport: {
    type: 'object',
    required: ['valid', 'counts', 'diagnostics'],
    additionalProperties: false,
    properties: {
      valid: { type: 'boolean', description: 'true when the rule file has no error (warnings and notes may remain).' },
      ruleset: ref('RulesetSummary'),
      counts: {
        type: 'object',
        required: ['errors', 'warnings', 'infos'],
        additionalProperties: false,
        properties: { errors: { type: 'integer' }, warnings: { type: 'integer' }, infos: { type: 'integer' } },
      },
      diagnostics: { type: 'array', items: ref('ProblemEntry'), description: 'Every diagnostic, by line and column.' },
    },
  },
  Health: {
    type: 'object',
    required: ['status'],
    additionalProperties: false,
    properties: { status: { const: 'ok' } },
  },
  Ready: {
    type: 'object',
    required: ['status', 'rulesets'],
    additionalProperties: false,
    properties: {
      status: { const: 'ready' },
      rulesets: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'version', 'hash'],
          additionalProperties: false,
          properties: { id: { type: 'string' }, version: { type: 'string' }, hash: { type: 'string' } },
        },
      },
    },
  },
  OpenApi: { type: 'object', description: 'This document.' },
};

/**
 * The engine's result and gap schemas as components: their `$defs` become components named
 * `<Name>_<def>`, and their `#/$defs/…` references are rewritten to point at them, since inside
 * an OpenAPI document `#` is the document's root.
 */
export function engineComponents(): Record<string, JsonSchema> {
  return { ...asComponents('EvaluationResult', resultSchema), ...asComponents('GapReport', gapSchema) };
}

function asComponents(name: string, schema: object): Record<string, JsonSchema> {
  const { $schema: _dialect, $defs, ...root } = jsonSchemaOf(schema);
  const prefix = `${name}_`;
  const components: Record<string, JsonSchema> = { [name]: jsonSchemaOf(rewriteRefs(root, prefix)) };
  for (const [def, sub] of Object.entries(jsonSchemaOf($defs ?? {})))
    components[`${prefix}${def}`] = jsonSchemaOf(rewriteRefs(sub, prefix));
  return components;
}

function rewriteRefs(value: unknown, prefix: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, prefix));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')
        ? `#/components/schemas/${prefix}${v.slice('#/$defs/'.length)}`
        : rewriteRefs(v, prefix);
  }
  return out;
}
