/**
 * The shape of each request body, as zod schemas: handlers check bodies with them and the OpenAPI
 * document shows them (z.toJSONSchema), so the two cannot drift. The assessment itself is only
 * "an object" here; the ruleset's own schema (GET /v1/rulesets/{id}/schema) checks it in detail.
 */
import { z } from 'zod';
import type { Limits } from './options.js';
import type { MessageKey } from './messages/en.js';
import { entry, quotedList, say, type Lang, type ProblemEntry } from './problem.js';

const assessment = z
  .record(z.string(), z.unknown())
  .describe(
    'An assessment: { ruleset?, area?, context, facts }. Its exact fields are those of the ruleset: ' +
      'GET /v1/rulesets/{id}/schema. — Phiếu đánh giá; các trường cụ thể theo bộ tiêu chí.',
  );

const rulesetChoice = {
  ruleset: z
    .string()
    .min(1)
    .optional()
    .describe('Id of a loaded ruleset (GET /v1/rulesets). When absent, the `ruleset` written in the assessment.'),
  version: z
    .string()
    .min(1)
    .optional()
    .describe(
      "Version of the ruleset. When several versions are loaded and this is left out, the one in force on the assessment's area.date is used (with only area.year, the one in force that year; a year two versions share is refused); without either it must be named.",
    ),
  rules: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Rule file text (YAML) to evaluate with instead of a loaded ruleset; refused (403) unless the operator allows it.',
    ),
};

export const evaluateBody = z.strictObject({ ...rulesetChoice, assessment });

export const explainBody = z.strictObject({
  ...rulesetChoice,
  assessment,
  lang: z
    .enum(['vi', 'en'])
    .optional()
    .describe('Language of the text; by default from Accept-Language, else Vietnamese.'),
  full: z.boolean().optional().describe('Full criterion texts and notes instead of shortened ones.'),
});

export function batchBody(limits: Limits) {
  return z.strictObject({
    ...rulesetChoice,
    assessments: z
      .array(assessment)
      .min(1)
      .max(limits.batchLength)
      .describe(`The assessments, at most ${limits.batchLength} (limits.batchLength).`),
  });
}

export const validateRulesJsonBody = z.strictObject({
  rules: z.string().describe('The rule file text (YAML).'),
  file: z.string().min(1).optional().describe('A name for the file, shown in diagnostics. Default: ruleset.yaml.'),
});

/** What the field expects, for "missing" and "wrong type" messages. */
const EXPECTED: Readonly<Record<string, MessageKey>> = {
  string: 'type_string',
  object: 'type_object',
  record: 'type_object',
  array: 'type_array',
  number: 'type_number',
  int: 'type_integer',
  boolean: 'type_boolean',
};

/**
 * Check a body against a schema: every problem as an entry (with a JSON Pointer), never only the
 * first. Unknown fields are answered with the list of known ones (and the likely one meant).
 */
export function checkBody<T>(
  schema: z.ZodType<T>,
  body: unknown,
): { readonly value?: T; readonly errors: readonly ProblemEntry[] } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { value: parsed.data, errors: [] };
  const fields = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  return { errors: parsed.error.issues.flatMap((issue) => issueEntries(issue, body, fields)) };
}

function issueEntries(issue: z.core.$ZodIssue, root: unknown, fields: readonly string[]): ProblemEntry[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const pointer = toPointer(path);
  const name = displayName(path);
  const actual = valueAt(root, path);
  if (path.length === 0 && root === undefined) {
    return [entry('body_missing', { pointer }, { example: `{ ${fields.map((f) => `"${f}": …`).join(', ')} }` })];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const suggestion = closest(key, fields);
        const fieldList = (lang: Lang) => ({
          name: key,
          fields: quotedList(lang, fields),
          ...(suggestion ? { suggestion } : {}),
        });
        return entry(
          suggestion ? 'field_unknown_suggest' : 'field_unknown',
          { pointer: toPointer([...path, key]) },
          fieldList,
        );
      });
    case 'invalid_type': {
      const expectedKey = EXPECTED[issue.expected] ?? 'type_unknown';
      if (actual === undefined) {
        return [entry('field_missing', { pointer }, (lang) => ({ name, expected: word(lang, expectedKey) }))];
      }
      return [
        entry('field_type', { pointer }, (lang) => ({
          name,
          expected: word(lang, expectedKey),
          actual: describe(lang, actual),
        })),
      ];
    }
    case 'invalid_value':
      return [
        entry('field_value', { pointer }, (lang) => ({
          name,
          values: quotedList(lang, issue.values.map(String)),
          actual: JSON.stringify(actual) ?? describe(lang, actual),
        })),
      ];
    case 'too_big':
      if (issue.origin === 'array') {
        return [
          entry(
            'batch_too_long',
            { pointer },
            { count: Array.isArray(actual) ? actual.length : 0, max: Number(issue.maximum) },
          ),
        ];
      }
      break;
    case 'too_small':
      if (issue.origin === 'array') return [entry('batch_empty', { pointer })];
      if (issue.origin === 'string')
        return [entry('field_empty', { pointer }, (lang) => ({ name, expected: word(lang, 'type_string') }))];
      break;
    default:
      break;
  }
  // Shapes the schemas above cannot produce today; worded generically rather than dropped.
  return [
    entry('field_type', { pointer }, (lang) => ({
      name,
      expected: word(lang, 'type_unknown'),
      actual: describe(lang, actual),
    })),
  ];
}

/** How a field is named in messages: `assessment`, `assessments[2]`, `the body`. */
function displayName(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'body';
  return path.reduce<string>(
    (name, p) => (typeof p === 'number' ? `${name}[${p}]` : name === '' ? p : `${name}.${p}`),
    '',
  );
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
function toPointer(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let here: unknown = root;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = Reflect.get(here, key);
  }
  return here;
}

function describe(lang: Lang, value: unknown): string {
  if (value === null) return word(lang, 'type_null');
  if (Array.isArray(value)) return word(lang, 'type_array');
  switch (typeof value) {
    case 'string':
      return `${word(lang, 'type_string')} ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
      return `${word(lang, 'type_number')} ${value}`;
    case 'boolean':
      return String(value);
    case 'object':
      return word(lang, 'type_object');
    case 'undefined':
      return word(lang, 'type_missing');
    default:
      return word(lang, 'type_unknown');
  }
}

function word(lang: Lang, key: MessageKey): string {
  return say(lang, key).message;
}

/** The field a misspelt name most likely meant (edit distance ≤ 2), if any. */
function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = distance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}
