/**
 * The kinds of unit a ruleset can assess, defined once: every combination of context values the
 * ruleset's own input validation accepts (types, `required_when`, `context_rules`). An attribute
 * with a `required_when` is dropped wherever leaving it out is still accepted, as real inputs
 * leave it out, so a kind that never needs the attribute is one kind, not three. The load-time variant coverage and the
 * static checks of `analyze/` both list contexts here, so they agree on what a kind of unit is.
 */
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { ContextAttributeInfo } from './compiled-ruleset.js';
import type { RulesetPlan } from './plan.js';
import { createSlotFiller } from './slots.js';

export type ContextValues = Readonly<Record<string, string | boolean>>;

/** Every accepted context, or undefined when there are more than `max` combinations to try. */
export function enumerateContexts(
  attributes: readonly ContextAttributeInfo[],
  max: number,
  accepts: (context: ContextValues) => boolean,
): ContextValues[] | undefined {
  let combos: Record<string, string | boolean>[] = [{}];
  for (const attr of attributes) {
    const values: (string | boolean)[] = attr.type === 'boolean' ? [false, true] : (attr.values ?? []).map((v) => v.id);
    const next: Record<string, string | boolean>[] = [];
    for (const combo of combos) for (const v of values) next.push({ ...combo, [attr.id]: v });
    if (next.length > max) return undefined;
    combos = next;
  }
  const seen = new Set<string>();
  const out: ContextValues[] = [];
  for (const combo of combos) {
    for (const attr of attributes) {
      if (attr.requiredWhen === undefined || !(attr.id in combo)) continue;
      const without = { ...combo };
      delete without[attr.id];
      if (accepts(without)) delete combo[attr.id];
    }
    const key = JSON.stringify(combo);
    if (seen.has(key) || !accepts(combo)) continue;
    seen.add(key);
    out.push(combo);
  }
  return out;
}

/** `size=large, urban=false`: how checks and coverage name a kind of unit. */
export function describeContext(context: ContextValues): string {
  return Object.entries(context)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

export type ContextProblem =
  | { readonly code: Extract<DiagnosticCode, 'input_context_missing'>; readonly params: { name: string } }
  | {
      readonly code: Extract<DiagnosticCode, 'input_context_rule'>;
      readonly params: { rule: number; message_vi: string; message_en: string };
    };

/**
 * What the context of an input breaks: an attribute missing where it is required (always, or
 * where its `required_when` holds), a context rule whose `when` holds and whose `require` fails.
 * Unknown is never a failure. The assessment validation reports these; `contextAccepts` is the
 * same test as a predicate.
 */
export function checkContext(
  plan: RulesetPlan,
  context: Readonly<Record<string, unknown>>,
  report: (problem: ContextProblem) => void,
): void {
  const c = createSlotFiller(plan.contextSlots, plan.factSlots)(context, {}, []);
  for (const [id, requiredWhen] of plan.requiredWhen) {
    if ((context[id] === undefined || context[id] === null) && requiredWhen(c) === true) {
      report({ code: 'input_context_missing', params: { name: id } });
    }
  }
  for (const attr of plan.context) {
    if (!plan.requiredWhen.has(attr.id) && (context[attr.id] === undefined || context[attr.id] === null)) {
      report({ code: 'input_context_missing', params: { name: attr.id } });
    }
  }
  for (const rule of plan.contextRules) {
    if (rule.when(c) === true && rule.require(c) === false) {
      report({
        code: 'input_context_rule',
        params: { rule: rule.index + 1, message_vi: rule.rule.message.vi, message_en: rule.rule.message.en },
      });
    }
  }
}

/** Whether the input validation accepts this context (values of the declared types assumed). */
export function contextAccepts(plan: RulesetPlan): (context: ContextValues) => boolean {
  return (context) => {
    let accepted = true;
    checkContext(plan, context, () => {
      accepted = false;
    });
    return accepted;
  };
}
