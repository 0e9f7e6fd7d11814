/**
 * The pipeline for a rule file: parse → validate → compile, then the evaluator is attached.
 * Each stage returns every problem it finds; a later stage runs only on a sound earlier result.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { z } from 'zod';
import type { CompiledRuleset, LocatedInput } from './compile/compiled-ruleset.js';
import { compileRuleset, type CompileOptions, type Fragment } from './compile/compile-ruleset.js';
import type { Diagnostic, StageResult } from './diagnostics/diagnostic.js';
import type { RulesetDocument } from './validate/ruleset-document.js';
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
  /**
   * Reads a file named in `include:` (a path relative to the including file). The core reads
   * no files itself; `loadRulesetFile` in `./node` passes a reader. Return undefined when the
   * file cannot be read.
   */
  readonly readInclude?: (path: string, from: string) => { readonly file: string; readonly text: string } | undefined;
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
  if (doc.kind === 'fragment') {
    // A fragment is checked as part of the rulesets that include it; alone it only validates.
    return { diagnostics };
  }
  const included = loadIncludes(parsed.value, doc, options);
  diagnostics.push(...included.diagnostics);
  if (hasErrors(included.diagnostics)) return { diagnostics };
  const compiled = compileRuleset(parsed.value, doc, options.compileOptions, included.fragments);
  diagnostics.push(...compiled.diagnostics);
  if (!compiled.plan) return { diagnostics };
  const plan = compiled.plan;
  const written = parsed.value;

  // The content hash covers the included files too: changing a shared piece changes the rules.
  const hash = `sha256:${bytesToHex(sha256(utf8ToBytes([text, ...included.texts].join('\u0000'))))}`;
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
    definitions: plan.definitions,
    includes: doc.include ?? [],
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
    locate: (path) => {
      const range = written.rangeOf(path);
      return range ? { ...source.position(range[0]), range } : undefined;
    },
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

/** The fragments named in `include:`, each parsed and validated in its own file. */
function loadIncludes(
  parsed: ParsedDocument,
  doc: RulesetDocument,
  options: LoadRulesetOptions,
): { fragments: Fragment[]; texts: string[]; diagnostics: Diagnostic[] } {
  const fragments: Fragment[] = [];
  const texts: string[] = [];
  const diagnostics: Diagnostic[] = [];
  (doc.include ?? []).forEach((path, i): void => {
    const at = (reason: string): void => {
      diagnostics.push(parsed.source.diagnostic('include_invalid', parsed.rangeOf(['include', i]), { path, reason }));
    };
    if (!options.readInclude) return at('no_reader');
    const read = options.readInclude(path, parsed.source.file);
    if (!read) return at('not_found');
    const source = new SourceText(read.file, read.text);
    const fragmentParsed = parseYaml(source, options.parseLimits);
    const validated = fragmentParsed.value ? validateRulesetDocument(fragmentParsed.value) : { diagnostics: [] };
    diagnostics.push(...fragmentParsed.diagnostics, ...validated.diagnostics);
    if (!fragmentParsed.value || !validated.value || hasErrors([...fragmentParsed.diagnostics, ...validated.diagnostics])) return at('invalid');
    const fragment = validated.value;
    if (fragment.kind !== 'fragment') return at('not_fragment');
    if (fragment.include) return at('nested');
    const f = fragment as unknown as Record<string, unknown>;
    if (['context', 'context_rules', 'groups', 'disqualifiers', 'recognition'].some((k) => k in f)) return at('fragment_content');
    fragments.push({ parsed: fragmentParsed.value, doc: fragment });
    texts.push(read.text);
  });
  return { fragments, texts, diagnostics };
}
