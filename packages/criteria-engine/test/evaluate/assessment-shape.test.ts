/**
 * validateAssessment's quick check (evaluate/assessment-shape.ts) and its issues without zod
 * (evaluate/assessment-issues.ts), against the published zod schema (evaluate/assessment-schema.ts):
 * the quick check may say "accepted" only for a value the schema accepts; the issues are zod's
 * own, field for field and in order; and validateAssessment must give exactly what it gives with
 * zod's issues alone. On every bundled scheme: generated assessments (which the quick check must
 * accept, or it saves nothing) and hostile ones (every kind of value put anywhere in a valid
 * assessment, odd prototypes, unknown keys, `__proto__` keys from JSON).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../src/compile/compiled-ruleset.js';
import type { RulesetPlan } from '../../src/compile/plan.js';
import { assessmentIssues, type AssessmentIssue } from '../../src/evaluate/assessment-issues.js';
import { buildAssessmentSchema } from '../../src/evaluate/assessment-schema.js';
import { compileShapeCheck } from '../../src/evaluate/assessment-shape.js';
import { validateAssessmentValue } from '../../src/evaluate/validate-assessment.js';
import { planOf } from '../../src/generate/plan-of.js';
import { loadRulesetFile } from '../../src/node-files.js';
import { assessmentArbitrary } from '../../src/testing.js';
import { BUNDLED_SCHEMES, root } from '../bundled-schemes.js';
import { PROPERTY_SEED, propertyRuns } from '../oracle/differential.js';

const SCHEMES = BUNDLED_SCHEMES;
const RUNS = propertyRuns(300);

async function load(file: string): Promise<{ ruleset: CompiledRuleset; plan: RulesetPlan }> {
  const loaded = await loadRulesetFile(root(file));
  const ruleset = loaded.value;
  const plan = ruleset && planOf(ruleset);
  if (!ruleset || !plan) throw new Error(`${file} does not load: ${loaded.diagnostics.map((d) => d.code).join(', ')}`);
  return { ruleset, plan };
}

/**
 * zod's issues for a value, as assessment-issues.ts writes them: the code, the path, and the
 * fields validateAssessment reads (zod's message, input and schema left out).
 */
function zodIssues(schema: ReturnType<typeof buildAssessmentSchema>, value: unknown): AssessmentIssue[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue): AssessmentIssue => {
    const path = issue.path.map(String);
    switch (issue.code) {
      case 'invalid_type':
        return { code: issue.code, expected: issue.expected, path };
      case 'invalid_value':
        return { code: issue.code, values: issue.values.map(String), path };
      case 'too_small':
        return { code: issue.code, minimum: Number(issue.minimum), path };
      case 'too_big':
        return { code: issue.code, maximum: Number(issue.maximum), path };
      case 'unrecognized_keys':
        return { code: issue.code, keys: issue.keys, path };
      case 'invalid_format':
        return { code: issue.code, path };
      default:
        throw new Error(`zod gave an issue assessment-issues.ts never writes: ${issue.code}`);
    }
  });
}

/** What a call gave, or the kind of error it threw (zod itself throws on some exotic objects, both ways). */
function outcome(call: () => { value?: unknown; diagnostics: unknown }): {
  value?: unknown;
  diagnostics?: unknown;
  threw?: string;
} {
  try {
    return call();
  } catch (e) {
    return { threw: e instanceof Error ? e.name : typeof e };
  }
}

/** The value put at `path` of a copy of `base` (made through JSON, as input arrives). */
function withValueAt(base: unknown, path: readonly string[], value: unknown): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(base));
  let cur = copy;
  for (const [i, key] of path.entries()) {
    if (typeof cur !== 'object' || cur === null) return copy;
    if (i === path.length - 1) Reflect.set(cur, key, value);
    else cur = Reflect.get(cur, key);
  }
  return copy;
}

/** Values no assessment should hold, and some it may: every JS kind, edge numbers, odd objects. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true }),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    1e21,
    -1e21,
    -7,
    1e6,
    2.5,
    2 ** 53,
    -(2 ** 53),
    0.1,
    '12',
    '',
    true,
    'true',
    '2024-13-45',
    '2024-1-1',
    '2024-10-10',
    [],
    {},
    Object.create(null),
    Object.create({ households: 'inherited' }),
    new (class Facts {})(),
    { __proto__: { x: 1 } },
  ),
);

describe('the quick assessment check and the issues without zod agree with the schema', () => {
  for (const file of SCHEMES) {
    it(`${file}: accepted only what the schema accepts; zod's issues; validateAssessment as with zod`, async () => {
      const { ruleset, plan } = await load(file);
      const quick = compileShapeCheck(plan);
      const schema = buildAssessmentSchema(plan);
      const issues = assessmentIssues(plan);
      const schemaAlone = (value: unknown) =>
        validateAssessmentValue(
          plan,
          () => false,
          (v) => zodIssues(schema, v),
          ruleset.id,
          value,
          undefined,
        );
      const paths: string[][] = [
        [],
        ['ruleset'],
        ['area'],
        ['area', 'date'],
        ['area', 'year'],
        ['area', 'code'],
        ['area', 'other'],
        ['context'],
        ['facts'],
        ['facts', 'not_declared'],
        ['__proto__'],
        ['facts', '__proto__'],
        ...ruleset.facts.map((f) => ['facts', f.id]),
        ...ruleset.context.map((a) => ['context', a.id]),
      ];
      let accepted = 0;
      let hostile = 0;
      const check = (value: unknown) => {
        const fast = quick(value);
        if (fast) expect(schema.safeParse(value).success).toBe(true);
        const [own, zods] = [
          outcome(() => ({ diagnostics: issues(value) })),
          outcome(() => ({ diagnostics: zodIssues(schema, value) })),
        ];
        expect(own).toEqual(zods);
        const [mine, theirs] = [outcome(() => ruleset.validateAssessment(value)), outcome(() => schemaAlone(value))];
        // The value is the input itself when accepted (compared by identity: it may be an exotic object).
        expect(mine.value).toBe(theirs.value);
        expect(mine.diagnostics).toEqual(theirs.diagnostics);
        expect(mine.threw).toBe(theirs.threw);
        return fast;
      };
      fc.assert(
        fc.property(
          assessmentArbitrary(ruleset, { unknownRate: 0.2 }),
          fc.constantFrom(...paths),
          hostileValue,
          (assessment, path, value) => {
            const input: unknown = JSON.parse(JSON.stringify(assessment));
            // A generated assessment is valid: the quick check must take it, or it saves nothing.
            expect(check(input)).toBe(true);
            accepted++;
            const bad = path.length === 0 ? value : withValueAt(input, path, value);
            if (!check(bad)) hostile++;
            // `__proto__` as JSON gives it: an own key, never the prototype.
            check(JSON.parse(`{"__proto__": {"facts": {}}, "context": {}, "facts": {}}`));
          },
        ),
        { numRuns: RUNS, seed: PROPERTY_SEED },
      );
      expect(accepted).toBe(RUNS);
      // The hostile values were mostly refused by the quick check (then the schema said why).
      expect(hostile).toBeGreaterThan(RUNS / 2);
    }, 120_000);
  }

  it('an object whose prototype carries facts goes to the schema, which reads inherited keys', async () => {
    const { plan, ruleset } = await load(SCHEMES[0] ?? '');
    const fact = ruleset.facts.find((f) => f.type === 'integer');
    if (!fact) throw new Error('no integer fact');
    const facts: unknown = Object.create({ [fact.id]: 'not a number' });
    const value = { context: {}, facts };
    expect(compileShapeCheck(plan)(value)).toBe(false);
    expect(ruleset.validateAssessment(value).diagnostics.map((d) => d.code)).toContain('input_type');
  });
});
