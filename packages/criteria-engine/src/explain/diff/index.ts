/**
 * explain/diff/: what changed between two versions of a ruleset (`diffRulesets`, JSON in
 * schemas/diff.schema.json), what that does to assessed areas (`compareDecision`,
 * `summariseDecisions`), and the report for people in text or Markdown (`renderDiff`).
 */
export { diffRulesets, type DiffRuleset } from './diff-rulesets.js';
export {
  compareDecision,
  projectAssessment,
  summariseDecisions,
  type ProjectedAssessment,
} from './decision-changes.js';
export {
  renderDiff,
  diffMessages,
  type DiffFormat,
  type DiffLang,
  type DiffRulesets,
  type RenderDiffOptions,
} from './render-diff.js';
export { diffEn as diffMessagesEn, type DiffMessageKey, type DiffMessages } from './messages/en.js';
export { diffVi as diffMessagesVi } from './messages/vi.js';
export type * from './ruleset-diff.js';
