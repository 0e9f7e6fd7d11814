/**
 * The entry of the prebuilt browser bundles (dist/browser/lcz-criteria.js for a plain script
 * tag, global `LczCriteria`; lcz-criteria.mjs as an ES module): the engine's core (load, check,
 * evaluate, explain, gap analysis) and the component, with <lcz-assessment> defined on load.
 * The conformance runner (YAML test cases) is left out: it is a tool for rule authors' machines
 * and CI, and its schema validator would add a fifth to the download.
 */
import { defineLczAssessment } from './element/lcz-assessment.js';

export {
  CriteriaEngineError,
  DIAGNOSTIC_CODES,
  explainGap,
  explainText,
  formatDiagnostic,
  formatDiagnostics,
  gapAnalysis,
  hasErrors,
  loadRuleset,
  loadRulesetOrThrow,
  readAssessment,
  renderMessage,
} from '@lcz/criteria-engine';
export * from './index.js';

defineLczAssessment();
