/**
 * Runs one test-case file against a compiled ruleset: parse (positions kept) → check the structure
 * against schemas/test-cases.schema.json → build each case's assessment from its layers → check
 * it with the ruleset's own input validation → evaluate → compare with `expect:`.
 *
 * Browser-safe: files named by `assessment:` are read through `options.readFile`.
 * As in the rest of the pipeline, every problem is collected; a YAML or structure error stops the
 * file (nothing sound to run), a problem in one case stops only that case.
 */
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/format.js';
import { SourceText } from '../diagnostics/source.js';
import { parseYaml, type ParsedDocument } from '../parse/index.js';
import type { Assessment } from '../evaluate/assessment.js';
import type { EvaluationResult } from '../evaluate/result.js';
import {
  buildInput,
  locatedInput,
  relocate,
  toAssessment,
  type AssessmentCache,
  type BuiltInput,
  type Origin,
  type Registry,
} from './build-inputs.js';
import { checkExpectationIds, compareExpectation } from './compare.js';
import type { RunTestOptions, TestCaseResult, TestRun } from './result.js';
import { validateTestCasesDocument } from './validate-test-file.js';

export function runTestCases(
  ruleset: CompiledRuleset,
  text: string,
  file: string,
  options: RunTestOptions = {},
): TestRun {
  const identity = { id: ruleset.id, version: ruleset.version, hash: ruleset.hash };
  const read = readTestFile(text, file);
  if (!('tests' in read))
    return { file, ruleset: identity, cases: [], diagnostics: read.stopped, passed: 0, failed: 0 };
  const { doc, tests } = read;
  const diagnostics: Diagnostic[] = [...read.diagnostics, ...rulesetMismatch(tests, doc, ruleset)];

  const registry: Registry = new Map();
  const cache: AssessmentCache = new Map();
  for (const [name, base] of Object.entries(tests.bases ?? {})) {
    const built = buildInput(base, ['bases', name], doc, registry, ruleset, cache, options);
    // A base's own problems belong to the file; cases built on it carry them too (the same objects).
    for (const d of built.diagnostics) if (!diagnostics.includes(d)) diagnostics.push(d);
    registry.set(name, built);
  }

  const firstLine = new Map<string, number>([...registry.keys()].map((name) => [name, lineOf(doc, ['bases', name])]));
  const context: CaseContext = { ruleset, doc, options };
  const cases: TestCaseResult[] = tests.cases.map((testCase, i) => {
    const at = ['cases', i] as const;
    const where = doc.rangeOf(at);
    const { line, column } = where ? doc.source.position(where[0]) : { line: 0, column: 0 };
    // A name used before (a base or an earlier case) is reported; the first keeps the name.
    const first = firstLine.get(testCase.name);
    if (first !== undefined) {
      diagnostics.push(
        doc.source.diagnostic(
          'duplicate_id',
          doc.rangeOf([...at, 'name']),
          { kind: 'name', id: testCase.name, first_line: first },
          { path: `/cases/${i}/name` },
        ),
      );
    }
    const built = buildInput(testCase, at, doc, registry, ruleset, cache, options);
    if (first === undefined) {
      registry.set(testCase.name, built);
      firstLine.set(testCase.name, line);
    }
    return runCase(context, testCase, built, at, { line, column });
  });

  const passed = cases.filter((c) => c.ok).length;
  return {
    file,
    ruleset: identity,
    cases,
    diagnostics: sortDiagnostics(diagnostics),
    passed,
    failed: cases.length - passed,
  };
}

type TestCasesDocument = NonNullable<ReturnType<typeof validateTestCasesDocument>['value']>;
type TestCase = TestCasesDocument['cases'][number];

/** The file parsed and its structure checked; a YAML or structure error stops the whole file. */
function readTestFile(
  text: string,
  file: string,
):
  | { doc: ParsedDocument; tests: TestCasesDocument; diagnostics: readonly Diagnostic[] }
  | { stopped: readonly Diagnostic[] } {
  const parsed = parseYaml(new SourceText(file, text));
  const doc = parsed.value;
  if (!doc || hasErrors(parsed.diagnostics)) return { stopped: parsed.diagnostics };
  const validated = validateTestCasesDocument(doc);
  if (!validated.value || hasErrors(validated.diagnostics))
    return { stopped: [...parsed.diagnostics, ...validated.diagnostics] };
  return { doc, tests: validated.value, diagnostics: parsed.diagnostics };
}

/** A file written for other rules (`ruleset:` names another id): said at that key. */
function rulesetMismatch(tests: TestCasesDocument, doc: ParsedDocument, ruleset: CompiledRuleset): Diagnostic[] {
  if (tests.ruleset === undefined || tests.ruleset === ruleset.id) return [];
  return [
    doc.source.diagnostic(
      'version_mismatch',
      doc.rangeOf(['ruleset']),
      { expected: ruleset.id, actual: tests.ruleset },
      { path: '/ruleset' },
    ),
  ];
}

/** What every case of a file shares. */
interface CaseContext {
  readonly ruleset: CompiledRuleset;
  readonly doc: ParsedDocument;
  readonly options: RunTestOptions;
}

/** One case: its input checked by the ruleset's own validation, evaluated, compared with `expect:`. */
function runCase(
  { ruleset, doc, options }: CaseContext,
  testCase: TestCase,
  built: BuiltInput,
  at: readonly ['cases', number],
  { line, column }: { line: number; column: number },
): TestCaseResult {
  const problems: Diagnostic[] = [
    ...built.diagnostics,
    ...checkExpectationIds(testCase.expect, [...at, 'expect'], doc, ruleset),
  ];
  let assessment: Assessment | undefined;
  if (!built.broken) {
    const fallback: Origin = { doc, path: at };
    // A case is read whatever its date: a new version copied from the previous one keeps the
    // cases' dates (`lcz version new`), and they still test its decisions; evaluate refuses them.
    const checked = ruleset.validateAssessment(toAssessment(built), locatedInput(built, doc, fallback), {
      anyDate: true,
    });
    problems.push(...relocate(checked.diagnostics, built, doc, fallback));
    assessment = checked.value;
  }
  if (assessment === undefined || hasErrors(problems)) {
    return { name: testCase.name, line, column, ok: false, mismatches: [], diagnostics: sortDiagnostics(problems) };
  }
  const result = ruleset.evaluate(assessment);
  const mismatches = compareExpectation(testCase.expect, [...at, 'expect'], doc, result);
  const lacking = mismatches.length === 0 ? [] : lackingFacts(result, built, expectedUnknown(testCase.expect));
  return {
    name: testCase.name,
    line,
    column,
    ok: mismatches.length === 0,
    decision: result.decision,
    mismatches,
    diagnostics: problems,
    root: built.root,
    ...(lacking.length > 0 ? { lacking } : {}),
    ...(options.keepInputs ? { input: assessment } : {}),
    ...(options.keepResults ? { result } : {}),
  };
}

/**
 * Facts the rules read for this case that no layer gives, even as null: after a rule change adds
 * a fact, the base lacks it. Read from every applicable criterion and every disqualifier, not only
 * the decision's `missing`: a decision settled without the fact still has counts that the gap changes.
 */
function lackingFacts(result: EvaluationResult, built: BuiltInput, expected: ReadonlySet<string>): string[] {
  const read = new Set<string>(result.missing);
  // A criterion that does not apply to this unit lists the facts its condition names, but no
  // value of them could change anything: the unit has none of them to give.
  for (const c of result.criteria)
    if (c.status !== 'not_applicable') for (const f of c.facts) if (f.value === null) read.add(f.id);
  for (const d of result.disqualifiers) for (const f of d.facts) if (f.value === null) read.add(f.id);
  return [...read].filter((f) => !given(built, f) && !expected.has(f));
}

/**
 * The facts a case's `missing:` or `needed:` names: the case expects them unknown, so leaving
 * them out is its point, not what a base lacks.
 */
function expectedUnknown(expect: unknown): ReadonlySet<string> {
  const names = new Set<string>();
  if (typeof expect !== 'object' || expect === null) return names;
  for (const key of ['missing', 'needed'] as const) {
    const list = (expect as Record<string, unknown>)[key];
    if (Array.isArray(list)) for (const f of list) if (typeof f === 'string') names.add(f);
  }
  return names;
}

/** Some layer of the case writes the fact or attribute, even as null (a deliberate unknown). */
function given(built: BuiltInput, name: string): boolean {
  return built.values.facts.has(name) || built.values.context.has(name) || built.values.area.has(name);
}

function lineOf(doc: ParsedDocument, path: readonly (string | number)[]): number {
  const range = doc.keyRangeOf(path) ?? doc.rangeOf(path);
  return range ? doc.source.position(range[0]).line : 0;
}
