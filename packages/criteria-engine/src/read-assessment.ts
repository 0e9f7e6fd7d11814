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
import { NOT_SIMPLE, readSimpleYaml } from './parse/simple-yaml.js';

export function readAssessment(text: string, file: string, ruleset: CompiledRuleset): StageResult<Assessment> {
  // Plain YAML first, without the YAML parser (parse/simple-yaml.ts: the value parseYaml would
  // give, for a text it would read without a word). Validation asks for positions only to report
  // a problem: when it has anything to say, the text is read again by parseYaml below, so every
  // diagnostic is located exactly as before.
  const simple = readSimpleYaml(text);
  if (simple !== NOT_SIMPLE) {
    const quick = ruleset.validateAssessment(simple);
    if (quick.diagnostics.length === 0) return { ...quick, diagnostics: [] };
  }
  const parsed = parseYaml(new SourceText(file, text));
  if (!parsed.value || hasErrors(parsed.diagnostics)) return { diagnostics: parsed.diagnostics };
  const doc = parsed.value;
  const result = ruleset.validateAssessment(doc.value, doc);
  return { ...result, diagnostics: [...parsed.diagnostics, ...result.diagnostics] };
}
