/**
 * The validate stage: checks the parsed value against schemas/ruleset.schema.json — the same
 * file editors use for completion and hover text — and maps every ajv error to a diagnostic;
 * then asks each text for the languages the file declares (text-languages.ts).
 */
import type { ErrorObject } from 'ajv';
import type { StageResult } from '../diagnostics/diagnostic.js';
import type { ParsedDocument } from '../parse/index.js';
// Precompiled from the schema at development time (scripts/generate-validators.mjs): compiling a
// schema at start-up would cost far more than validating a file.
import validate from './generated/ruleset.validator.js';
import type { RulesetDocument } from './ruleset-document.js';
import { checkEffectiveDates } from './effective-dates.js';
import { explainSchemaOutdent } from './outdent-hint.js';
import { schemaErrorsToDiagnostics } from './schema-errors.js';
import { checkTextLanguages, declaredLanguages, fillTextLanguages } from './text-languages.js';

/** The schema's raw errors for `value` (none when it is valid). */
export function schemaErrorsOf(value: unknown): readonly ErrorObject[] {
  return validate(value) ? [] : (validate.errors ?? []);
}

export function validateRulesetDocument(parsed: ParsedDocument): StageResult<RulesetDocument> {
  // The schema, the effective dates and the texts' languages are all checked, on a file the
  // schema refuses too: every problem at once.
  const valid = validate(parsed.value);
  const diagnostics = [
    ...(valid
      ? []
      : explainSchemaOutdent(parsed, schemaErrorsToDiagnostics(validate.errors ?? [], parsed), schemaErrorsOf)),
    ...checkEffectiveDates(parsed),
    ...checkTextLanguages(parsed),
  ];
  if (!valid || diagnostics.length > 0) return { diagnostics };
  // cast: the JSON Schema has accepted the document, and filling in languages keeps its shape.
  return { value: fillTextLanguages(parsed.value, declaredLanguages(parsed.value)) as RulesetDocument, diagnostics };
}
