/**
 * The pipeline for a rule file: parse → validate → compile, then the evaluator is attached.
 * Each stage returns every problem it finds; a later stage runs only on a sound earlier result.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { z } from 'zod';
import type { CompiledRuleset, LocatedInput } from './compile/compiled-ruleset.js';
import { compileRuleset, type CompileOptions } from './compile/compile-ruleset.js';
import type { Diagnostic, StageResult } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { CriteriaEngineError } from './diagnostics/error.js';
import { SourceText } from './diagnostics/source.js';
import { createEvaluator } from './evaluate/evaluate.js';
import { buildAssessmentSchema, validateAssessmentValue } from './evaluate/validate-assessment.js';
import { parseYaml, type ParseLimits, type ParsedDocument } from './parse/index.js';
import { validateRulesetDocument } from './validate/validate-ruleset.js';

export interface LoadRulesetOptions {
  /** Shown in diagnostics: a path or a label. */
  readonly file?: string;
  readonly parseLimits?: Partial<ParseLimits>;
  readonly compileOptions?: Partial<CompileOptions>;
}

export function loadRuleset(text: string, options: LoadRulesetOptions = {}): StageResult<CompiledRuleset> {
  const source = new SourceText(options.file ?? '<rules>', text);
  const parsed = parseYaml(source, options.parseLimits);
  if (!parsed.value) return { diagnostics: parsed.diagnostics };
  // Validate even after a non-fatal parse error (a duplicate key, a tag…), so one run shows
  // every problem of the file; but never compile a file that has errors.
  const validated = validateRulesetDocument(parsed.value);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...validated.diagnostics];
  if (!validated.value || hasErrors(diagnostics)) return { diagnostics };
  const doc = validated.value;
  const compiled = compileRuleset(parsed.value, doc, options.compileOptions);
  diagnostics.push(...compiled.diagnostics);
  if (!compiled.plan) return { diagnostics };
  const plan = compiled.plan;

  const hash = `sha256:${bytesToHex(sha256(utf8ToBytes(text)))}`;
  const evaluator = createEvaluator(plan, { id: doc.id, version: doc.version, hash });
  let schema: z.ZodType | undefined;
  const assessmentSchema = () => (schema ??= buildAssessmentSchema(plan));
  const ruleset: CompiledRuleset = {
    id: doc.id,
    version: doc.version,
    hash,
    file: source.file,
    title: doc.title,
    ...(doc.effective ? { effective: doc.effective } : {}),
    ...effectiveAt(parsed.value),
    document: doc,
    context: plan.context,
    facts: plan.facts,
    groups: plan.groups.map((g) => g.info),
    criteria: plan.criteria.map((c) => c.info),
    disqualifiers: plan.disqualifiers.map((d) => d.info),
    mandatory: plan.mandatory,
    ...(plan.totalRequirement ? { totalRequirement: plan.totalRequirement } : {}),
    diagnostics: compiled.diagnostics,
    validateAssessment: (value: unknown, located?: LocatedInput) =>
      validateAssessmentValue(plan, assessmentSchema(), doc.id, value, located),
    assessmentSchema,
    evaluate: evaluator.evaluate,
    decide: evaluator.decide,
    slotLayout: [...plan.contextSlots, ...plan.factSlots],
    decideSlots: evaluator.decideSlots,
  };
  return { value: Object.freeze(ruleset), diagnostics };
}

export function loadRulesetOrThrow(text: string, options: LoadRulesetOptions = {}): CompiledRuleset {
  const result = loadRuleset(text, options);
  if (!result.value) throw new CriteriaEngineError(result.diagnostics);
  return result.value;
}

function effectiveAt(parsed: ParsedDocument): Pick<CompiledRuleset, 'effectiveAt'> {
  const range = parsed.rangeOf(['effective']);
  if (!range) return {};
  return { effectiveAt: { ...parsed.source.position(range[0]), range } };
}
