/**
 * Each fact type's zod schema of a known value: the published assessment schema
 * (`CompiledRuleset.assessmentSchema`) and its JSON Schema are built from these
 * (evaluate/assessment-schema.ts). Apart from the types' own modules so that what only checks
 * assessments (the plan entry) carries no zod: each type's `issues` says what its schema here
 * says, in the same words and order (test/evaluate/assessment-shape.test.ts holds them equal).
 */
import * as z from 'zod/mini';
import type { FactType } from '../compiled-ruleset.js';
import type { FactDeclaration, FactSchemaOf } from './fact-type.js';

function boundsChecks(decl: FactDeclaration): z.core.$ZodCheck<number>[] {
  const checks: z.core.$ZodCheck<number>[] = [];
  if (decl.min !== undefined) checks.push(z.gte(decl.min));
  if (decl.max !== undefined) checks.push(z.lte(decl.max));
  return checks;
}

const choiceSchema: FactSchemaOf = (decl) => {
  const list = (decl.values ?? []).map((v) => v.id);
  // The key does not name the type: an enum and an ordinal of the same values check alike.
  return { key: `enum ${JSON.stringify(list)}`, make: () => z.enum(list) };
};

export const FACT_SCHEMAS: Readonly<Record<FactType, FactSchemaOf>> = {
  integer: (decl) => ({
    key: `integer ${decl.min ?? ''} ${decl.max ?? ''}`,
    // z.int() already keeps integers within ±(2^53 − 1).
    make: () => z.int().check(...boundsChecks(decl)),
  }),
  number: (decl) => ({
    key: `number ${decl.min ?? ''} ${decl.max ?? ''}`,
    make: () => z.number().check(...boundsChecks(decl)),
  }),
  boolean: () => ({ key: 'boolean', make: z.boolean }),
  enum: choiceSchema,
  ordinal: choiceSchema,
};
