/**
 * What is wrong with an assessment, as the zod schema of assessment-schema.ts (the published
 * `assessmentSchema`) reports it: the same issues, at the same paths, in the same order, here
 * without zod. validateAssessment turns these into its diagnostics; the entries that only check
 * assessments (the plan entry, `./plan`) so carry no zod, which was about 40% of that entry and
 * most of its start-up. test/evaluate/assessment-shape.test.ts holds the two equal on hostile input.
 *
 * The schema: a strict object of an optional `ruleset` text, an optional strict `area` (texts, its
 * date YYYY-MM-DD, its year an integer of four digits), and the strict `context` and `facts`, every declared name optional, unknown
 * (null) allowed, a known value checked by its type's own `issues` (compile/fact-types/). Written
 * as zod's object reads its input: declared keys in declared order (read with `in` and `[]`,
 * inherited ones too), then the unknown keys in `for…in` order as one issue.
 */
import { FACT_TYPES, type FactDeclaration, type ValueIssue } from '../compile/fact-types/index.js';
import type { RulesetPlan } from '../compile/plan.js';
import { ASSESSMENT_DATE, ASSESSMENT_YEAR } from './assessment-shape.js';

/** One problem, as validate-assessment.ts reads it: the issue's code, its fields, where it is. */
export type AssessmentIssue = (
  | ValueIssue
  | { readonly code: 'unrecognized_keys'; readonly keys: readonly string[] }
  | { readonly code: 'invalid_format' }
) & { readonly path: readonly string[] };

type Check = (value: unknown, path: readonly string[], out: AssessmentIssue[]) => void;

/** A key of a strict object: its check, and whether it may be left out (every key but the two sections). */
interface Field {
  readonly optional: boolean;
  readonly check: Check;
}

export function assessmentIssues(plan: RulesetPlan): (value: unknown) => AssessmentIssue[] {
  const optionalText = field(true, textCheck());
  const check = strictObject({
    ruleset: optionalText,
    area: field(
      true,
      strictObject({
        code: optionalText,
        name: optionalText,
        unit: optionalText,
        date: field(true, textCheck(ASSESSMENT_DATE)),
        year: field(true, yearCheck()),
      }),
    ),
    context: field(false, strictObject(declared(plan.context))),
    facts: field(false, strictObject(declared(plan.facts))),
  });
  return (value) => {
    const out: AssessmentIssue[] = [];
    check(value, [], out);
    return out;
  };
}

function field(optional: boolean, check: Check): Field {
  return { optional, check };
}

/**
 * The declared names, each unknown (absent, null) or a value of its type. Built by assignment, as
 * the schema's shape is: a name `__proto__` sets no key there, so it is unknown here as well.
 */
function declared(declarations: readonly (FactDeclaration & { readonly id: string })[]): Record<string, Field> {
  const shape: Record<string, Field> = {};
  for (const d of declarations) {
    const issues = FACT_TYPES[d.type].issues(d);
    shape[d.id] = field(true, (value, path, out) => {
      if (value === null) return;
      for (const issue of issues(value)) out.push({ ...issue, path });
    });
  }
  return shape;
}

/** `area.year`, as its zod schema (an integer fact's, assessment-shape.ts ASSESSMENT_YEAR) reads it. */
function yearCheck(): Check {
  const issues = FACT_TYPES.integer.issues(ASSESSMENT_YEAR);
  return (value, path, out) => {
    for (const issue of issues(value)) out.push({ ...issue, path });
  };
}

function textCheck(pattern?: RegExp): Check {
  return (value, path, out) => {
    if (typeof value !== 'string') out.push({ code: 'invalid_type', expected: 'string', path });
    else if (pattern && !pattern.test(value)) out.push({ code: 'invalid_format', path });
  };
}

/** As zod's strict object: not an object (or an array) is one issue; else each key's, then the unknown keys'. */
function strictObject(shape: Record<string, Field>): Check {
  const keys = Object.keys(shape);
  const known: ReadonlySet<string> = new Set(keys);
  return (input, path, out) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      out.push({ code: 'invalid_type', expected: 'object', path });
      return;
    }
    for (const key of keys) {
      const f = shape[key];
      if (f === undefined || key === '__proto__') continue;
      const present = key in input;
      const value: unknown = Reflect.get(input, key);
      // An optional key left out says nothing, whatever an inherited key of that name holds.
      if (f.optional && (!present || value === undefined)) continue;
      const before = out.length;
      f.check(value, [...path, key], out);
      // A required key found only by inheritance, and fine there, is still missing.
      if (!present && out.length === before)
        out.push({ code: 'invalid_type', expected: 'nonoptional', path: [...path, key] });
    }
    const unknown: string[] = [];
    for (const key in input) if (!known.has(key)) unknown.push(key);
    if (unknown.length > 0) out.push({ code: 'unrecognized_keys', keys: unknown, path });
  };
}
