/**
 * A test-case file against schemas/test-cases.schema.json (the file editors read for completion),
 * with ajv errors located and worded by the same mapper as rule files.
 */
import type { StageResult } from '../diagnostics/diagnostic.js';
import type { ParsedDocument } from '../parse/index.js';
// Precompiled from the schema at development time (scripts/generate-validators.mjs), like the
// rule-file validator: no schema is compiled at start-up.
import validate from '../validate/generated/test-cases.validator.js';
import { explainSchemaOutdent } from '../validate/outdent-hint.js';
import { schemaErrorsToDiagnostics } from '../validate/schema-errors.js';
import type { TestCasesDocument } from './test-cases-document.js';

export function validateTestCasesDocument(parsed: ParsedDocument): StageResult<TestCasesDocument> {
  // cast: the precompiled validator is typed for any value; it has just checked the schema TestCasesDocument mirrors
  if (validate(parsed.value)) return { value: parsed.value as TestCasesDocument, diagnostics: [] };
  const diagnostics = schemaErrorsToDiagnostics(validate.errors ?? [], parsed);
  return {
    diagnostics: explainSchemaOutdent(parsed, diagnostics, (value) => (validate(value) ? [] : (validate.errors ?? []))),
  };
}
