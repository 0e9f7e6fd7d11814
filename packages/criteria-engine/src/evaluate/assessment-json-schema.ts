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

type JsonSchema = { properties: Record<string, { properties: Record<string, Record<string, unknown>> }> };

export function assessmentJsonSchema(ruleset: CompiledRuleset): Record<string, unknown> {
  // Every ruleset's schema is the engine's zod (assemble-ruleset.ts); its public type hides zod.
  const schema = ruleset.assessmentSchema() as unknown as z.ZodMiniType;
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as JsonSchema;
  const describe = (section: 'context' | 'facts', id: string, label: { vi: string; en: string }): void => {
    const properties = json.properties[section]?.properties;
    const property = properties?.[id];
    // First, so a reader of the schema sees what the field is before its type.
    if (properties && property) properties[id] = { description: `${label.vi} / ${label.en}`, ...property };
  };
  for (const a of ruleset.context) describe('context', a.id, a.label);
  for (const f of ruleset.facts) describe('facts', f.id, f.label);
  return json;
}
