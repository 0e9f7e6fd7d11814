/** The conformance stage: YAML test cases beside the rules, run against a compiled ruleset. */
export { runTestCases } from './run-test-cases.js';
export { formatTestRun, formatTestCase, formatMismatch } from './format-test-run.js';
export type { ComparedValue, RunTestOptions, TestCaseResult, TestMismatch, TestRun } from './result.js';
export type * from './test-cases-document.js';
export {
  coverage,
  type CoverageCase,
  type CoverageCell,
  type CoverageGap,
  type CoverageOptions,
  type CoverageReport,
  type CoverageSubject,
  type OutcomeColumn,
  type OutcomeCoverage,
  type ThresholdCoverage,
  type ThresholdPoint,
} from './coverage.js';
export { formatCoverage, type CoverageFormat } from './format-coverage.js';
