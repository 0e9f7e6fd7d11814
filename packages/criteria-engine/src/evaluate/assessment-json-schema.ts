/**
 * The JSON Schema (draft 2020-12) of an assessment for a ruleset, made by the engine's own zod
 * from the very schema `validateAssessment` uses, each fact and context attribute described by
 * its label (Vietnamese / English). Labels are added here, not in the zod schema, so that schema
 * can share one object between declarations of the same type.
 *
 * A function of its own, outside the compiled ruleset, so the runtime entry point does not carry
 * zod's JSON Schema generator.
 */
import * as z from 'zod/mini';
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';
import { asZod } from './assessment-schema.js';

export function assessmentJsonSchema(ruleset: CompiledRuleset): Record<string, unknown> {
  // Every ruleset's schema is the engine's zod (assemble-ruleset.ts); its public type hides zod.
  const schema = asZod(ruleset.assessmentSchema(), `ruleset '${ruleset.id}'`);
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12' });
  const describe = (section: 'context' | 'facts', id: string, label: { vi: string; en: string }): void => {
    const part = json.properties?.[section];
    const properties = typeof part === 'object' ? part.properties : undefined;
    const property = properties?.[id];
    // First, so a reader of the schema sees what the field is before its type.
    if (properties && typeof property === 'object')
      properties[id] = { description: `${label.vi} / ${label.en}`, ...property };
  };
  for (const a of ruleset.context) describe('context', a.id, a.label);
  for (const f of ruleset.facts) describe('facts', f.id, f.label);
  return json;
}
