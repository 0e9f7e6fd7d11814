/**
 * @lcz/criteria-web: the <lcz-assessment> web component for pages that bundle their own code.
 * Pages without a bundler load the prebuilt `@lcz/criteria-web/browser` script instead (one
 * script tag: the engine, the component, and the element already defined).
 */
export {
  LczAssessmentElement,
  defineLczAssessment,
  EVALUATE_DELAY_MS,
  type AssessmentInput,
  type LczResultDetail,
  type LczRulesetErrorDetail,
} from './element/lcz-assessment.js';
export {
  deriveApplicability,
  MAX_CONTEXT_COMBINATIONS,
  type Applicability,
  type ContextChoice,
  type ContextValue,
} from './form/applicability.js';
export { buildFormModel, type FormModel, type FormSection, type SectionKind } from './form/form-model.js';
export { readForm, convertFieldValue, type FieldProblem, type FormState, type ReadResult } from './form/read-values.js';
export { t as webMessage, toLang, type Lang, type MessageKey } from './messages/index.js';
