/** The conformance stage: YAML test cases beside the rules, run against a compiled ruleset. */
export { runTestCases } from './run-test-cases.js';
export { formatTestRun, formatTestCase, formatMismatch } from './format-test-run.js';
export {
  proposeExpectations,
  type CaseProposal,
  type LackingFact,
  type ProposalDetail,
  type Proposals,
} from './propose.js';
export { formatLacking, formatProposals, type FormatProposalOptions } from './format-proposals.js';
export { rewriteExpectations, type RewriteOutcome } from './rewrite-expectations.js';
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
