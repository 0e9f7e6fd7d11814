/**
 * The validate stage: checks the parsed value against schemas/ruleset.schema.json — the same
 * file editors use for completion and hover text — and maps every ajv error to a diagnostic.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import schema from '../../../../schemas/ruleset.schema.json' with { type: 'json' };
import type { StageResult } from '../diagnostics/diagnostic.js';
import type { ParsedDocument } from '../parse/index.js';
import type { RulesetDocument } from './ruleset-document.js';
import { schemaErrorsToDiagnostics } from './schema-errors.js';

let compiled: ValidateFunction | undefined;

/** Compiled once, on first use: ajv compilation costs far more than a validation. */
function rulesetValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({
      allErrors: true,
      strict: true,
      // `data` and `parentSchema` on errors: the mapper reads allowed keys, examples and shapes.
      verbose: true,
      // Fact thresholds are "a number or a value id" (`type: [number, string]`).
      allowUnionTypes: true,
    });
    // Annotations of our own: English hover text, and the "exactly one of" shape markers.
    ajv.addKeyword({ keyword: 'x-description-en', schemaType: 'string' });
    ajv.addKeyword({ keyword: 'x-shape', schemaType: 'string' });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

export function validateRulesetDocument(parsed: ParsedDocument): StageResult<RulesetDocument> {
  const validate = rulesetValidator();
  if (validate(parsed.value)) return { value: parsed.value as RulesetDocument, diagnostics: [] };
  return { diagnostics: schemaErrorsToDiagnostics(validate.errors ?? [], parsed) };
}
