/**
 * The zod schema of an assessment for a ruleset (`CompiledRuleset.assessmentSchema`, and through
 * it the JSON Schema of assessment-json-schema.ts), derived from the declared facts and context,
 * each by its type's schema (compile/fact-types/schemas.ts). validateAssessment does not run it:
 * assessment-issues.ts says what it says without zod, so the entries that only check assessments
 * carry none; this module is for the full and runtime entries' published schema.
 */
import * as z from 'zod/mini';
import type { RulesetPlan } from '../compile/plan.js';
import type { FactDeclaration } from '../compile/fact-types/index.js';
import { FACT_SCHEMAS } from '../compile/fact-types/schemas.js';
import { ASSESSMENT_DATE, ASSESSMENT_YEAR } from './assessment-shape.js';

export function buildAssessmentSchema(plan: RulesetPlan): z.ZodMiniType {
  // Declarations of the same type and bounds share one schema (zod schemas are immutable).
  const shared = new Map<string, z.ZodMiniType>();
  const unknownOr = (key: string, make: () => z.ZodMiniType): z.ZodMiniType => {
    let schema = shared.get(key);
    if (!schema) {
      schema = z.optional(z.nullable(make()));
      shared.set(key, schema);
    }
    return schema;
  };
  const schemaOf = (decl: FactDeclaration): z.ZodMiniType => {
    const { key, make } = FACT_SCHEMAS[decl.type](decl);
    // The registry's schemas are zod/mini schemas, typed opaquely for the published declarations.
    return unknownOr(key, () => asZod(make(), `fact type '${decl.type}'`));
  };
  const context: Record<string, z.ZodMiniType> = {};
  for (const a of plan.context) context[a.id] = schemaOf(a);
  const facts: Record<string, z.ZodMiniType> = {};
  for (const f of plan.facts) facts[f.id] = schemaOf(f);
  return z.strictObject({
    ruleset: z.optional(z.string()),
    area: z.optional(
      z.strictObject({
        code: z.optional(z.string()),
        name: z.optional(z.string()),
        unit: z.optional(z.string()),
        date: z.optional(z.string().check(z.regex(ASSESSMENT_DATE, 'YYYY-MM-DD'))),
        // An integer fact's schema with the year's bounds (the issues of assessment-issues.ts).
        year: z.optional(asZod(FACT_SCHEMAS.integer(ASSESSMENT_YEAR).make(), 'area.year')),
      }),
    ),
    context: z.strictObject(context),
    facts: z.strictObject(facts),
  });
}

/**
 * A schema typed opaquely in the published types (FactSchema, AssessmentSchema) as the zod/mini
 * schema the engine made it: zod's own `instanceof` (by its traits) checks it, so nothing is cast.
 * Anything else is an engine bug or a hand-made object, said with what it was meant to be.
 */
export function asZod(schema: unknown, what: string): z.ZodMiniType {
  if (schema instanceof z.ZodMiniType) return schema;
  throw new TypeError(`the schema of ${what} is not one this engine made (a zod/mini schema)`);
}
