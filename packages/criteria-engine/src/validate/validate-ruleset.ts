/**
 * The validate stage: checks the parsed value against schemas/ruleset.schema.json — the same
 * file editors use for completion and hover text — and maps every ajv error to a diagnostic.
 */
import type { ValidateFunction } from 'ajv';
import schema from '../../../../schemas/ruleset.schema.json' with { type: 'json' };
import type { StageResult } from '../diagnostics/diagnostic.js';
import type { ParsedDocument } from '../parse/index.js';
import { compileSchema } from './compile-schema.js';
import type { RulesetDocument } from './ruleset-document.js';
import { schemaErrorsToDiagnostics } from './schema-errors.js';

let compiled: ValidateFunction | undefined;

/** Compiled once, on first use: ajv compilation costs far more than a validation. */
function rulesetValidator(): ValidateFunction {
  compiled ??= compileSchema(schema);
  return compiled;
}

export function validateRulesetDocument(parsed: ParsedDocument): StageResult<RulesetDocument> {
  const validate = rulesetValidator();
  if (validate(parsed.value)) return { value: parsed.value as RulesetDocument, diagnostics: [] };
  return { diagnostics: schemaErrorsToDiagnostics(validate.errors ?? [], parsed) };
}
