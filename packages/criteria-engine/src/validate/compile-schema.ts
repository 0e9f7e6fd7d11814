/**
 * One ajv setup for every JSON Schema the engine checks files against (rule files, test-case
 * files): the same options and annotation keywords, so schemaErrorsToDiagnostics can map the
 * errors of any of them to located, worded diagnostics.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';

/** Compiles a schema of ours. Costly: call once per schema and keep the result. */
export function compileSchema(schema: object): ValidateFunction {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // `data` and `parentSchema` on errors: the mapper reads allowed keys, examples and shapes.
    verbose: true,
    // Some values are "a number or a value id" (`type: [number, string]`).
    allowUnionTypes: true,
  });
  // Annotations of our own: English hover text, and the "exactly one of" shape markers.
  ajv.addKeyword({ keyword: 'x-description-en', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-shape', schemaType: 'string' });
  return ajv.compile(schema);
}
