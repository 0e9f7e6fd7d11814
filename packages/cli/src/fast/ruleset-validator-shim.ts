/**
 * Stands for the engine's generated ruleset validator (validate/generated/ruleset.validator.js,
 * ajv standalone code from schemas/ruleset.schema.json) in the one-file bundle
 * (tsup.fast.config.ts): the validator is built into its own file, dist/ruleset-validator.cjs, and
 * required on first use. Only a run that reads rules from their YAML validates them; a warm run
 * (rules from the compiled-rules cache) never does, and the validator was 40% of the bundle's
 * text, which a warm run read, decoded and handed to V8 every time (docs/performance.md, "Start-up:
 * the warm bundle without the ruleset validator"). It imports nothing, so the separate copy shares
 * no state with the bundle; the same function runs.
 */
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';

let loaded: ValidateFunction | undefined;

/** The generated validator's own `validate`: its answer, and its `errors` copied after each call. */
function validate(value: unknown): boolean {
  // `require` and `__dirname`: the bundle's, given by launch.ts (dist/, beside the validator's file).
  loaded ??= (require(join(__dirname, 'ruleset-validator.cjs')) as { default: ValidateFunction }).default;
  const valid = loaded(value);
  validate.errors = loaded.errors;
  return valid === true;
}
validate.errors = undefined as ValidateFunction['errors'];

export default validate;
