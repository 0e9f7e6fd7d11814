/**
 * The last steps every way of loading rules shares: compile the validated documents, attach the
 * evaluator and the assessment validator, and present the result as one frozen CompiledRuleset.
 * Both `loadRuleset` (YAML text) and `loadCompiledRuleset` (a compiled rules file) end here, so a
 * ruleset behaves the same whichever way it was loaded.
 *
 * Imports no YAML parser, no JSON Schema validator and no hash function: the compiled-rules
 * entry point is built from this module and must stay small to start fast.
 */
import type { CompiledRuleset } from './compile/compiled-ruleset.js';
import { compileRuleset, type CompileOptions, type Fragment } from './compile/compile-ruleset.js';
import type { Diagnostic, StageResult } from './diagnostics/diagnostic.js';
import { makeDiagnostic } from './diagnostics/source.js';
import { createEvaluator } from './evaluate/evaluate.js';
import { createPartEvaluator } from './evaluate/evaluate-part.js';
import { buildAssessmentSchema } from './evaluate/assessment-schema.js';
import { assessmentChecks } from './evaluate/validate-assessment.js';
import type { ParsedDocument } from './parse/index.js';
import type { ParameterDeclaration, RulesetDocument } from './validate/ruleset-document.js';
import { rememberSources, storeCompiledRules } from './store-compiled.js';
import { ALL_LANGUAGES } from './validate/text-languages.js';
import { schemeWords } from './compile/words.js';
import { derivedExactOf, derivedValuesOf } from './compile/derived.js';
import type { Assessment } from './evaluate/assessment.js';
import { assessmentDate, createSlotFiller } from './compile/slots.js';
import { ENGINE_VERSION } from './compiled-rules-file.js';
import { bindGeneratedDecide, type GeneratedModule } from './generate/bind-generated.js';
import { rememberPlan } from './generate/plan-of.js';
import { withoutPositions } from './parse/stored-document.js';

/** A ruleset document that passed parsing and validation, with the fragments it includes. */
export interface RulesetSources {
  readonly main: ParsedDocument;
  readonly doc: RulesetDocument;
  readonly fragments: readonly Fragment[];
}

/**
 * Compiles `sources` and builds the ruleset. `earlier` are the problems found before compiling
 * (warnings only; a caller never gets here with errors); they come first in the result.
 * `known`: compile's diagnostics as found when a compiled rules file was built, reported instead
 * of this compile's (which skipped the diagnostics-only checks) when it found no error.
 */
export function assembleRuleset(
  sources: RulesetSources,
  hash: string,
  compileOptions: Partial<CompileOptions> | undefined,
  earlier: readonly Diagnostic[],
  known?: readonly Diagnostic[],
  generated?: GeneratedModule,
): StageResult<CompiledRuleset> {
  const { main, doc } = sources;
  const compiled = compileSources(sources, compileOptions, known !== undefined);
  if (!compiled.plan) return { diagnostics: [...earlier, ...compiled.diagnostics] };
  const compileDiagnostics = known ?? compiled.diagnostics;
  const diagnostics = [...earlier, ...compileDiagnostics];
  const plan = compiled.plan;

  // Parts evaluated alone (the static checks, lcz's gap analysis): built on first use, since most
  // loads never call them.
  let partEvaluator: ReturnType<typeof createPartEvaluator> | undefined;
  const parts = () => (partEvaluator ??= createPartEvaluator(plan));
  const { validateAssessment, wrongType } = assessmentChecks(plan, doc.id);
  // The published schema, built on first use: validateAssessment does not need it.
  let schema: ReturnType<typeof buildAssessmentSchema> | undefined;
  const assessmentSchema = () => (schema ??= buildAssessmentSchema(plan));
  const evaluator = createEvaluator(plan, { id: doc.id, version: doc.version, hash }, wrongType);
  // A generated module (lcz build's .decide.mjs, already imported by the caller: decide and
  // evaluate) replaces the closures only when it was generated for this very ruleset; otherwise
  // say so and keep them.
  let decide = evaluator.decide;
  let decideSlots = evaluator.decideSlots;
  let evaluate = evaluator.evaluate;
  if (generated) {
    const identity = { id: doc.id, version: doc.version, hash };
    const bound = bindGeneratedDecide(generated, plan, { hash, engine: ENGINE_VERSION }, wrongType, identity);
    if ('decide' in bound) {
      ({ decide, evaluate } = bound);
      // A module written without decideSlots (a plan module given here) leaves the closures' one.
      decideSlots = bound.decideSlots ?? decideSlots;
    } else
      diagnostics.push(
        makeDiagnostic(
          { file: main.source.file },
          'generated_mismatch',
          undefined,
          {
            reason: bound.refused,
            found: bound.found,
          },
          { severity: 'warning' },
        ),
      );
  }
  const effectiveRange = main.rangeOf(['effective']);
  // The slots derived quantities read (their facts, the context and the date), for the values tools show.
  const derivedSlots = (a: Assessment) => {
    const slots = createSlotFiller(plan.contextSlots, plan.factSlots)(a.context ?? {}, a.facts ?? {}, []);
    slots[plan.dateSlot] = assessmentDate(a);
    return slots;
  };
  const ruleset: CompiledRuleset = {
    id: doc.id,
    version: doc.version,
    hash,
    file: main.source.file,
    title: doc.title,
    languages: doc.languages ?? ALL_LANGUAGES,
    words: schemeWords(doc),
    ...(doc.effective ? { effective: doc.effective } : {}),
    ...(effectiveRange ? { effectiveAt: { ...main.source.position(effectiveRange[0]), range: effectiveRange } } : {}),
    document: doc,
    context: plan.context,
    facts: plan.facts,
    owners: plan.owners,
    groups: plan.groups.map((g) => g.info),
    criteria: plan.criteria.map((c) => c.info),
    disqualifiers: plan.disqualifiers.map((d) => d.info),
    definitions: plan.definitions,
    derived: plan.derived.map((d) => d.info),
    derivedValues: derivedValuesOf(plan, derivedSlots),
    derivedExact: derivedExactOf(plan, derivedSlots),
    parameterTables: plan.parameterTables,
    readsDate: plan.readsDate,
    parameters: declaredParameters(sources),
    includes: doc.include ?? [],
    mandatory: plan.mandatory,
    ...(plan.totalRequirement ? { totalRequirement: plan.totalRequirement } : {}),
    ...(plan.levels ? { levels: plan.levels } : {}),
    diagnostics: compileDiagnostics,
    validateAssessment,
    assessmentSchema,
    evaluate,
    decide,
    evaluateCriterion: (assessment, index) => parts().evaluateCriterion(assessment, index),
    evaluateDisqualifier: (assessment, index) => parts().evaluateDisqualifier(assessment, index),
    slotLayout: [...plan.contextSlots, ...plan.factSlots],
    decideSlots,
    locate: (path) => {
      const from = declaredIn(sources, path);
      const range = from.rangeOf(path);
      if (!range) return undefined;
      return { ...from.source.position(range[0]), range, ...(from !== main ? { file: from.source.file } : {}) };
    },
  };
  rememberSources(ruleset, () => storeCompiledRules(sources, hash, earlier, compileDiagnostics));
  rememberPlan(ruleset, plan, decide !== evaluator.decide);
  Object.freeze(ruleset);
  return { value: ruleset, diagnostics };
}

/**
 * Compile's diagnostics are `known` when a compiled rules file is loaded: the compile that built
 * it found them, with their positions, and they are reported instead of this compile's. Then
 * compile without positions (a lookup walks the stored positions; a load did a few hundred, each
 * for a range only a problem would show) nor the checks that can only warn, and again as before
 * only when that finds an error: a file damaged or edited after it was built, whose errors must
 * say where they are (and come with the same warnings as ever).
 */
function compileSources(
  sources: RulesetSources,
  options: Partial<CompileOptions> | undefined,
  known: boolean,
): ReturnType<typeof compileRuleset> {
  const located = () => compileRuleset(sources.main, sources.doc, options, sources.fragments);
  if (!known) return located();
  const fragments = sources.fragments.map((f) => ({ parsed: withoutPositions(f.parsed), doc: f.doc }));
  const unlocated = compileRuleset(
    withoutPositions(sources.main),
    sources.doc,
    { ...options, warnings: false },
    fragments,
  );
  return unlocated.plan ? unlocated : located();
}

/**
 * The file that declares what `path` points into: a fragment when the main file lacks the
 * declaration (`parameters: x` shared in an included file) and the fragment has it.
 */
function declaredIn(sources: RulesetSources, path: readonly (string | number)[]): ParsedDocument {
  const [section, name] = path;
  if (typeof section !== 'string' || name === undefined || has(sources.main.value, section, name)) return sources.main;
  return sources.fragments.find((f) => has(f.parsed.value, section, name))?.parsed ?? sources.main;
}

function has(value: unknown, section: string, name: string | number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const part: unknown = (value as Record<string, unknown>)[section];
  return typeof part === 'object' && part !== null && !Array.isArray(part) && Object.hasOwn(part, name);
}

/**
 * The parameters of the rule file, then of each fragment in `include:` order. A name is declared
 * once across them (compile reports a second one), so none hides another.
 */
function declaredParameters(sources: RulesetSources): Readonly<Record<string, ParameterDeclaration>> {
  const out: Record<string, ParameterDeclaration> = {};
  for (const { doc } of [sources, ...sources.fragments])
    for (const [id, p] of Object.entries(doc.parameters ?? {})) if (!Object.hasOwn(out, id)) out[id] = p;
  return Object.freeze(out);
}
