/**
 * The validate stage: checks the parsed value against schemas/ruleset.schema.json — the same
 * file editors use for completion and hover text — and maps every ajv error to a diagnostic.
 */
import type { StageResult } from '../diagnostics/diagnostic.js';
import type { ParsedDocument } from '../parse/index.js';
// Precompiled from the schema at development time (scripts/generate-validators.mjs): compiling a
// schema at start-up would cost far more than validating a file.
import validate from './generated/ruleset.validator.js';
import type { RulesetDocument } from './ruleset-document.js';
import { checkEffectiveDates } from './effective-dates.js';
import { schemaErrorsToDiagnostics } from './schema-errors.js';

export function validateRulesetDocument(parsed: ParsedDocument): StageResult<RulesetDocument> {
  const dates = checkEffectiveDates(parsed);
  if (validate(parsed.value))
    return dates.length > 0 ? { diagnostics: dates } : { value: parsed.value as RulesetDocument, diagnostics: [] };
  return { diagnostics: [...schemaErrorsToDiagnostics(validate.errors ?? [], parsed), ...dates] };
}
