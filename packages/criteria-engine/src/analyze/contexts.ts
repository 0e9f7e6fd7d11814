/**
 * The kinds of unit a ruleset can assess, as compile/contexts.ts defines them, tested with the
 * compiled ruleset's own input validation (the same context checks, reached through the
 * ruleset, since the checks have no plan).
 */
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';
import { type ContextValues, enumerateContexts } from '../compile/contexts.js';

export { type ContextValues, describeContext } from '../compile/contexts.js';

/** Every valid context, or undefined when there are more than `max` combinations to try. */
export function validContexts(
  ruleset: Pick<CompiledRuleset, 'context' | 'validateAssessment'>,
  max: number,
): ContextValues[] | undefined {
  return enumerateContexts(
    ruleset.context,
    max,
    (context) => ruleset.validateAssessment({ context, facts: {} }).value !== undefined,
  );
}
