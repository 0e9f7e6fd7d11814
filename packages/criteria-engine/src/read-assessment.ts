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
  const source = new SourceText(file, text);
  const parsed = parseYaml(source);
  if (!parsed.value || hasErrors(parsed.diagnostics)) return { diagnostics: parsed.diagnostics };
  const doc = parsed.value;
  const other = notAnAssessment(doc.value, text);
  if (other !== undefined) {
    return { diagnostics: [...parsed.diagnostics, source.diagnostic('input_not_an_assessment', [0, 0], other)] };
  }
  const result = ruleset.validateAssessment(doc.value, doc);
  return { ...result, diagnostics: [...parsed.diagnostics, ...result.diagnostics] };
}

/**
 * What a file holds when it is not a mapping: a CSV table read as YAML is one long text (its
 * lines folded into one), which validation could only call "a text where a mapping belongs".
 * Said plainly instead, with the file's first line. Undefined for a mapping.
 */
function notAnAssessment(value: unknown, text: string): { shape: string; line: string } | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return undefined;
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  const first = (lines[0] ?? '').trim();
  const line = first.length > 60 ? `${first.slice(0, 60)}…` : first;
  if (Array.isArray(value)) return { shape: 'list', line };
  const table = typeof value === 'string' && lines.length > 1 && /[,;\t]/.test(first);
  return { shape: table ? 'table' : 'value', line };
}
