/**
 * A test-case file against schemas/test-cases.schema.json (the file editors read for completion),
 * with ajv errors located and worded by the same mapper as rule files.
 */
import type { ValidateFunction } from 'ajv';
import schema from '../../../../schemas/test-cases.schema.json' with { type: 'json' };
import type { StageResult } from '../diagnostics/diagnostic.js';
import type { ParsedDocument } from '../parse/index.js';
import { compileSchema } from '../validate/compile-schema.js';
import { schemaErrorsToDiagnostics } from '../validate/schema-errors.js';
import type { TestCasesDocument } from './test-cases-document.js';

let compiled: ValidateFunction | undefined;

export function validateTestCasesDocument(parsed: ParsedDocument): StageResult<TestCasesDocument> {
  compiled ??= compileSchema(schema);
  if (compiled(parsed.value)) return { value: parsed.value as TestCasesDocument, diagnostics: [] };
  return { diagnostics: schemaErrorsToDiagnostics(compiled.errors ?? [], parsed) };
}
