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
import {
  buildInput,
  locatedInput,
  relocate,
  toAssessment,
  type AssessmentCache,
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
  const stopped = (diagnostics: readonly Diagnostic[]): TestRun => ({
    file,
    ruleset: identity,
    cases: [],
    diagnostics,
    passed: 0,
    failed: 0,
  });

  const parsed = parseYaml(new SourceText(file, text));
  const doc = parsed.value;
  if (!doc || hasErrors(parsed.diagnostics)) return stopped(parsed.diagnostics);
  const validated = validateTestCasesDocument(doc);
  if (!validated.value || hasErrors(validated.diagnostics))
    return stopped([...parsed.diagnostics, ...validated.diagnostics]);
  const tests = validated.value;

  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  if (tests.ruleset !== undefined && tests.ruleset !== ruleset.id) {
    diagnostics.push(
      doc.source.diagnostic(
        'version_mismatch',
        doc.rangeOf(['ruleset']),
        { expected: ruleset.id, actual: tests.ruleset },
        { path: '/ruleset' },
      ),
    );
  }

  const registry: Registry = new Map();
  const cache: AssessmentCache = new Map();
  for (const [name, base] of Object.entries(tests.bases ?? {})) {
    const built = buildInput(base, ['bases', name], doc, registry, ruleset, cache, options);
    // A base's own problems belong to the file; cases built on it carry them too (the same objects).
    for (const d of built.diagnostics) if (!diagnostics.includes(d)) diagnostics.push(d);
    registry.set(name, built);
  }

  const firstLine = new Map<string, number>([...registry.keys()].map((name) => [name, lineOf(doc, ['bases', name])]));
  const cases: TestCaseResult[] = tests.cases.map((testCase, i) => {
    const at = ['cases', i] as const;
    const where = doc.rangeOf(at);
    const { line, column } = where ? doc.source.position(where[0]) : { line: 0, column: 0 };
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
    const problems: Diagnostic[] = [
      ...built.diagnostics,
      ...checkExpectationIds(testCase.expect, [...at, 'expect'], doc, ruleset),
    ];
    let assessment: Assessment | undefined;
    if (!built.broken) {
      const fallback: Origin = { doc, path: at };
      const checked = ruleset.validateAssessment(toAssessment(built), locatedInput(built, doc, fallback));
      problems.push(...relocate(checked.diagnostics, built, doc, fallback));
      assessment = checked.value;
    }
    if (assessment === undefined || hasErrors(problems)) {
      return { name: testCase.name, line, column, ok: false, mismatches: [], diagnostics: sortDiagnostics(problems) };
    }
    const result = ruleset.evaluate(assessment);
    const mismatches = compareExpectation(testCase.expect, [...at, 'expect'], doc, result);
    return {
      name: testCase.name,
      line,
      column,
      ok: mismatches.length === 0,
      decision: result.decision,
      mismatches,
      diagnostics: problems,
      ...(options.keepInputs ? { input: assessment } : {}),
    };
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

function lineOf(doc: ParsedDocument, path: readonly (string | number)[]): number {
  const range = doc.keyRangeOf(path) ?? doc.rangeOf(path);
  return range ? doc.source.position(range[0]).line : 0;
}
