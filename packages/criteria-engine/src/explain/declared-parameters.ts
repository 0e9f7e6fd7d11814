/**
 * A ruleset's parameters as the renderers read them: those of the rule file and of every
 * fragment it includes (`parameters`). A plain description made before the compiled ruleset held
 * them has the rule file's own (`document.parameters`) only.
 */
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';
import type { ParameterDeclaration } from '../validate/ruleset-document.js';

export function declaredParameters(
  ruleset: Partial<Pick<CompiledRuleset, 'parameters' | 'document'>>,
): Readonly<Record<string, ParameterDeclaration>> {
  return ruleset.parameters ?? ruleset.document?.parameters ?? {};
}

/** One parameter by its name (an own key only: a name like `constructor` is no parameter). */
export function declaredParameter(
  ruleset: Partial<Pick<CompiledRuleset, 'parameters' | 'document'>>,
  id: string,
): ParameterDeclaration | undefined {
  const all = declaredParameters(ruleset);
  return Object.hasOwn(all, id) ? all[id] : undefined;
}
