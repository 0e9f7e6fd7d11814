/**
 * What running a test-case file gives: per case, whether it passed and, for each expectation that
 * did not hold, the expected and actual values with the place of the expectation in the file.
 */
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import type { Assessment } from '../evaluate/assessment.js';
import type { Decision, EvaluationResult } from '../evaluate/result.js';

/** A value an expectation compares: a status, a count, a variant id (or null), a list of facts. */
export type ComparedValue = string | number | null | readonly string[];

/** A compared list (`missing:`, `needed:`), told apart from the scalars. */
export function isList(value: ComparedValue): value is readonly string[] {
  return Array.isArray(value);
}

export interface TestMismatch {
  /** Where in `expect:` the failed expectation is, e.g. `criteria."1.3"`, `standards."2".passed`, `missing`. */
  readonly path: string;
  readonly expected: ComparedValue;
  readonly actual: ComparedValue;
  /** 1-based line and column of the expectation's value in the test file. */
  readonly line: number;
  readonly column: number;
  readonly range?: Range;
  /** The expectation's place in the test document (`['cases', 3, 'expect', 'criteria', '1.3']`), to rewrite it. */
  readonly at?: readonly (string | number)[];
}

export interface TestCaseResult {
  readonly name: string;
  /** 1-based line and column of the case (its first key) in the test file. */
  readonly line: number;
  readonly column: number;
  /** Evaluated, and every expectation held. */
  readonly ok: boolean;
  /** The decision the engine reached, when the case could be evaluated. */
  readonly decision?: Decision;
  readonly mismatches: readonly TestMismatch[];
  /**
   * Why the case could not be evaluated (bad facts, unknown ids, a broken base), each located in
   * the file the problem is in. Empty when it ran.
   */
  readonly diagnostics: readonly Diagnostic[];
  /** The assessment the case evaluated (after its layers were composed), when `keepInputs` was asked for. */
  readonly input?: Assessment;
  /** The whole evaluation, when `keepResults` was asked for (to say why a decision moved). */
  readonly result?: EvaluationResult;
  /**
   * Facts the result misses that no layer of the case gives at all (not even as null): after a
   * rule change adds a fact, the base file lacks it. Only on a failed case.
   */
  readonly lacking?: readonly string[];
  /** The first layer the case builds on: the assessment file of its base, or the test file itself. */
  readonly root?: string;
}

export interface TestRun {
  readonly file: string;
  /** The ruleset the cases ran against. */
  readonly ruleset: { readonly id: string; readonly version: string; readonly hash: string };
  readonly cases: readonly TestCaseResult[];
  /**
   * Problems of the file as a whole: YAML, structure (schemas/test-cases.schema.json), duplicate
   * names, a different ruleset id, broken bases. With a YAML or structure error no case runs.
   */
  readonly diagnostics: readonly Diagnostic[];
  readonly passed: number;
  readonly failed: number;
}

/** Options of runTestCases. */
export interface RunTestOptions {
  /**
   * Reads a file named by an `assessment:` key, given its path resolved against the test file's
   * folder: its text, or a diagnostic (file_not_found, file_too_large…). The core never touches
   * the file system; `runTestDirectory` in `./node` passes a reader. Without one, `assessment:`
   * is reported as unreadable.
   */
  readonly readFile?: (path: string) => string | Diagnostic;
  /** Keep each evaluated case's input in its result (`input`), e.g. to measure coverage. */
  readonly keepInputs?: boolean;
  /** Keep each evaluated case's whole result (`result`), e.g. to propose new expectations. */
  readonly keepResults?: boolean;
}
