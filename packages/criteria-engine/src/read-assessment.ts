/**
 * An assessment from text (YAML or JSON, which is YAML): parsed with the same safe parser as rule
 * files, then validated against the ruleset, so input problems carry file, line and column too.
 */
import type { CompiledRuleset } from './compile/compiled-ruleset.js';
import type { StageResult } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { SourceText } from './diagnostics/source.js';
import type { Assessment } from './evaluate/assessment.js';
import { parseYaml } from './parse/index.js';

export function readAssessment(text: string, file: string, ruleset: CompiledRuleset): StageResult<Assessment> {
  const parsed = parseYaml(new SourceText(file, text));
  if (!parsed.value || hasErrors(parsed.diagnostics)) return { diagnostics: parsed.diagnostics };
  const doc = parsed.value;
  const result = ruleset.validateAssessment(doc.value, doc);
  return { ...result, diagnostics: [...parsed.diagnostics, ...result.diagnostics] };
}
