/**
 * The kinds of unit a ruleset can assess: every combination of context values that the ruleset's
 * own input validation accepts (types, `required_when`, `context_rules`). An attribute that is
 * not required where it is left out is dropped, as real inputs leave it out (the same rule as the
 * load-time variant coverage), so "tổ dân phố" is one kind, not three.
 */
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';

export type ContextValues = Readonly<Record<string, string | boolean>>;

/** Every valid context, or undefined when there are more than `max` combinations to try. */
export function validContexts(ruleset: CompiledRuleset, max: number): ContextValues[] | undefined {
  let combos: Record<string, string | boolean>[] = [{}];
  for (const attr of ruleset.context) {
    const values: (string | boolean)[] = attr.type === 'boolean' ? [false, true] : (attr.values ?? []).map((v) => v.id);
    const next: Record<string, string | boolean>[] = [];
    for (const combo of combos) for (const v of values) next.push({ ...combo, [attr.id]: v });
    if (next.length > max) return undefined;
    combos = next;
  }
  const valid = (context: ContextValues) => ruleset.validateAssessment({ context, facts: {} }).value !== undefined;
  const seen = new Set<string>();
  const out: ContextValues[] = [];
  for (const combo of combos) {
    for (const attr of ruleset.context) {
      if (attr.requiredWhen === undefined || !(attr.id in combo)) continue;
      const without = { ...combo };
      delete without[attr.id];
      if (valid(without)) delete combo[attr.id];
    }
    const key = JSON.stringify(combo);
    if (seen.has(key) || !valid(combo)) continue;
    seen.add(key);
    out.push(combo);
  }
  return out;
}

/** `unit_kind=ban, parent_kind=xa, agricultural=false`, as the load-time coverage writes it. */
export function describeContext(context: ContextValues): string {
  return Object.entries(context)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}
